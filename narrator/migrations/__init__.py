"""Database schema migrations (Alembic, SQLAlchemy's own tool).

Every schema change is a revision in ``versions/``; :func:`upgrade` brings any database to the
newest one when a :class:`narrator.store.Store` opens it. A database made before migrations
existed (tables ``runs``, ``texts`` and ``votes``, no ``alembic_version``) gets any nullable
column an older release lacked, is then the schema of revision ``0001`` and is stamped so
before upgrading. To change the schema: edit
:mod:`narrator.store_schema`, add the next ``versions/NNNN_*.py`` (upgrade and downgrade), and
extend ``tests/test_migrations.py``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: one process at a time is then the user's to ensure
    fcntl = None  # type: ignore[assignment]

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

HERE = Path(__file__).resolve().parent
#: the tables of the last release before migrations (= revision 0001)
BEFORE_MIGRATIONS = {"runs", "texts", "votes"}
#: Alembic's runtime context is one per process: stores opened in several threads of one
#: process migrate one at a time (other processes are handled in :func:`upgrade`)
_ONE_AT_A_TIME = threading.Lock()


def config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["engine"] = engine
    return cfg


def head() -> str:
    return ScriptDirectory(str(HERE)).get_current_head() or ""


def current(engine: Engine) -> str | None:
    """The revision a database is at (None: not under migrations)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision (adopting a pre-migrations one first). When
    another process opening the same new database migrated it first, that is fine."""
    cfg = config(engine)
    with _ONE_AT_A_TIME, _file_lock(engine):
        _upgrade(engine, cfg)


@contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    """For a SQLite file, an exclusive lock on ``<db>.migrate-lock`` while migrating: SQLite
    commits each CREATE TABLE on its own, so two processes must not migrate it at once
    (PostgreSQL's DDL is transactional; a process that loses the race waits for the other)."""
    path = engine.url.database if engine.dialect.name == "sqlite" else None
    if not path or path == ":memory:" or fcntl is None:
        yield
        return
    with open(f"{path}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _upgrade(engine: Engine, cfg: Config, wait: float = 15.0) -> None:
    try:
        if current(engine) is None and BEFORE_MIGRATIONS <= set(inspect(engine).get_table_names()):
            _adopt(engine)
            command.stamp(cfg, "0001")
        if current(engine) != head():
            command.upgrade(cfg, "head")
    except Exception:
        # another process is migrating the same database ("table runs already exists"):
        # wait for it to finish (SQLite commits each CREATE TABLE on its own)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if current(engine) == head():
                return
            time.sleep(0.1)
        raise


def _adopt(engine: Engine) -> None:
    """A database made before migrations: add the nullable columns of revision 0001 that an
    older release had not yet declared (``record_json`` ...), so that it is 0001's schema."""
    from narrator.store_schema import Base

    inspector = inspect(engine)
    with engine.begin() as conn:
        for name in sorted(BEFORE_MIGRATIONS):
            have = {c["name"] for c in inspector.get_columns(name)}
            for col in Base.metadata.tables[name].columns:
                if col.name not in have and col.nullable:
                    kind = col.type.compile(dialect=engine.dialect)
                    conn.exec_driver_sql(f'ALTER TABLE {name} ADD COLUMN "{col.name}" {kind}')
