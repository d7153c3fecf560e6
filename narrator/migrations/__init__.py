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

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

HERE = Path(__file__).resolve().parent
#: the tables of the last release before migrations (= revision 0001)
BEFORE_MIGRATIONS = {"runs", "texts", "votes"}


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
    """Bring the database to the newest revision (adopting a pre-migrations one first)."""
    cfg = config(engine)
    if current(engine) is None and BEFORE_MIGRATIONS <= set(inspect(engine).get_table_names()):
        _adopt(engine)
        command.stamp(cfg, "0001")
    if current(engine) != head():
        command.upgrade(cfg, "head")


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
