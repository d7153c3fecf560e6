"""Tables of the narrator database (SQLAlchemy 2 ORM) and engine setup.

To change the schema: change the classes here and add the matching Alembic revision in
:mod:`narrator.migrations` (``versions/NNNN_*.py``); :class:`narrator.store.Store` upgrades
every database it opens to the newest revision, and ``tests/test_migrations.py`` checks that
the revisions build exactly these tables.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    JSON,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    make_url,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from narrator.errors import NarratorError

VoteValue = Literal["accurate", "inaccurate"]
VOTE_VALUES: tuple[str, ...] = ("accurate", "inaccurate")
DEFAULT_DB_URL = "sqlite:///outputs/narrator.db"


def default_db_url(outputs_dir: Path) -> str:
    """``sqlite:///<outputs>/narrator.db``: the database of an outputs folder."""
    return f"sqlite:///{Path(outputs_dir) / 'narrator.db'}"


class StoreError(NarratorError):
    """The database URL is unusable or the database cannot be opened."""


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every narrator table."""


class RunRow(Base):
    __tablename__ = "runs"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    config_json: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    counts_json: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    cost: Mapped[float] = mapped_column(Float, default=0.0)


class TextRow(Base):
    __tablename__ = "texts"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    run_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    authority_code: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    chart_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    section: Mapped[str | None] = mapped_column(String(64), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    backend: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(128))
    prompt_version: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))
    verdict_json: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    params_json: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    cache_key: Mapped[str | None] = mapped_column(String(128), nullable=True, index=True)
    # the whole TextRecord (fact sheet, drafts): what a cache hit or a resumed run gives back
    record_json: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class VoteRow(Base):
    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("text_id", "voter", name="uq_votes_text_voter"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text_id: Mapped[str] = mapped_column(ForeignKey("texts.id"), index=True)
    voter: Mapped[str] = mapped_column(String(64))
    vote: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    run_id: Mapped[str] = mapped_column(String(64), default="")
    prompt_version: Mapped[str] = mapped_column(String(64), default="", index=True)
    model: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class EvalRunRow(Base):
    """One eval run (``narrator eval run``): its metrics and every item's scores, as JSON."""

    __tablename__ = "eval_runs"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    set_name: Mapped[str] = mapped_column(String(64), index=True)
    backend: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(128))
    result_json: Mapped[dict[str, Any]] = mapped_column(JSON)


class SheetRow(Base):
    """A fact sheet by content hash, stored once: what a summary's logged call was given."""

    __tablename__ = "fact_sheets"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    authority_code: Mapped[str] = mapped_column(String(32))
    chart_id: Mapped[str] = mapped_column(String(64))
    sheet_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class CallRow(Base):
    """One writer call: the messages sent, the raw reply and what became of it, so a vote, an
    eval score or a review decision can be traced to the exact input."""

    __tablename__ = "calls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text_id: Mapped[str] = mapped_column(String(200), index=True)  # the block it was for
    run_id: Mapped[str] = mapped_column(String(64), index=True)
    attempt: Mapped[int] = mapped_column(Integer)  # 1 = first draft, 2+ = repairs
    backend: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(128))
    prompt_version: Mapped[str] = mapped_column(String(64))
    params_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    messages_json: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # system and user
    #: a summary's first call: the child texts it was given, in full, and its fact sheets'
    #: content hashes (``fact_sheets`` table)
    inputs_json: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    raw_reply: Mapped[str | None] = mapped_column(Text, nullable=True)
    reply_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)
    http_attempts: Mapped[int] = mapped_column(Integer, default=1)
    verdict_json: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class DecisionRow(Base):
    """One reviewer decision on a flagged text (the review audit log: rows are only added; the
    latest decision on a text stands)."""

    __tablename__ = "review_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text_id: Mapped[str] = mapped_column(String(200), index=True)
    decision: Mapped[str] = mapped_column(String(16))  # confirm, false_flag, edit, skip
    reviewer: Mapped[str] = mapped_column(String(64))
    #: the flagged claims decided on (text, status, reason, draft attempt)
    claims_json: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    edited_body: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Vote(BaseModel):
    """One reader's current vote on one text (what :meth:`Store.cast_vote` returns)."""

    model_config = ConfigDict(frozen=True)

    text_id: str
    voter: str
    vote: VoteValue
    comment: str | None = None
    run_id: str = ""
    prompt_version: str = ""
    model: str = ""
    created_at: datetime
    updated_at: datetime


def normalise_url(url: str) -> str:
    """Map ``postgresql://`` / ``postgres://`` to the psycopg 3 driver; leave others alone.

    >>> normalise_url("postgresql://u@127.0.0.1/db")
    'postgresql+psycopg://u@127.0.0.1/db'
    """
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite with WAL, busy timeout and foreign keys; or PostgreSQL.
    SQL parameters are hidden from logs and error messages."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:" and not path.startswith("file:"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            hide_parameters=True,  # voter ids and comments never reach a log or an error
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    if url.startswith("postgresql"):
        return create_engine(
            url, pool_size=10, max_overflow=20, pool_pre_ping=True, hide_parameters=True
        )
    raise StoreError(
        f"database URL {masked(url)!r}: use sqlite:///path.db or postgresql://user@host/db"
    )


def masked(url: str) -> str:
    """A database URL with its password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy can read: hide anything after ':'
        return re.sub(r"(//[^:/@]*:)[^@]*@", r"\1***@", url)
