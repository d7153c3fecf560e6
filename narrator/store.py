"""Persistent store for runs, generated texts and reader votes (SQLAlchemy 2 ORM).

SQLite by default (WAL journal, busy timeout), PostgreSQL by URL::

    >>> store = Store("sqlite:///:memory:")  # doctest: +SKIP
    >>> store.save_texts(report.texts)  # doctest: +SKIP
    >>> store.cast_vote(text_id, voter="v1", vote="accurate")  # doctest: +SKIP

Adding a table for the pipeline (cache, resume …) is a small change: declare one more ORM class
in :mod:`narrator.store_schema` (``create_all`` picks it up on first use) and write its methods
here with :meth:`Store._upsert` for idempotent writes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from sqlalchemy import DateTime, String, Text, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from narrator import migrations
from narrator.errors import NarratorError
from narrator.models import FactSheet, TextRecord, Verdict
from narrator.store_schema import (
    DEFAULT_DB_URL,
    VOTE_VALUES,
    Base,
    CallRow,
    DecisionRow,
    EvalRunRow,
    RunRow,
    SheetRow,
    StoreError,
    TextRow,
    Vote,
    VoteRow,
    make_engine,
    masked,
    normalise_url,
    now,
)

__all__ = ["Base", "Store", "StoreError", "UnknownTextError", "Vote", "normalise_url"]

#: TextRecord fields stored as plain columns of ``texts`` (verdict goes to ``verdict_json``).
_TEXT_COLUMNS = {
    "id", "run_id", "authority_code", "kind", "chart_id", "section", "body", "backend", "model",
    "prompt_version", "status", "prompt_tokens", "completion_tokens", "latency_ms", "attempts",
}  # fmt: skip
#: Text columns that a later save without them (e.g. the server loading report.json) keeps.
_KEEP_IF_NULL = ("params_json", "cache_key", "record_json")


class UnknownTextError(NarratorError):
    """A vote or lookup names a text id that the store does not know."""

    def __init__(self, text_id: str):
        super().__init__(f"unknown text id {text_id!r}: no generated text has this id")
        self.text_id = text_id


class Store:
    """Runs, texts and votes in one database; tables are created on first use."""

    def __init__(self, url: str = DEFAULT_DB_URL):
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite has one writer at a time: queue this process's writers on a lock instead of
        # letting them spin in SQLite's busy handler (other processes still use busy_timeout).
        sqlite_db = self.engine.dialect.name == "sqlite"
        self._write_lock: AbstractContextManager[Any] = (
            threading.Lock() if sqlite_db else nullcontext()
        )
        self._vote_upsert = self._build_vote_upsert()
        self._one_tally = (
            select(VoteRow.vote, func.count())
            .where(VoteRow.text_id == bindparam("text_id"))
            .group_by(VoteRow.vote)
        )
        try:
            migrations.upgrade(self.engine)
        except Exception as exc:  # noqa: BLE001 - reported as a user-fixable error
            detail = str(exc).replace(self.url, masked(self.url)).splitlines()[0]
            raise StoreError(f"cannot open database {masked(self.url)!r}: {detail}") from None

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """A session that commits on success and rolls back on error (``write``: serialised)."""
        if write:
            with self._write_lock, self._sessions.begin() as session:
                yield session
        else:
            with self._sessions.begin() as session:
                yield session

    # ------------------------------------------------------------------ helpers
    def _insert(self, table: Any) -> Any:
        """The dialect's INSERT that supports ``ON CONFLICT`` (SQLite and PostgreSQL)."""
        if self.engine.dialect.name == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)

    def _upsert(
        self,
        session: Session,
        table: Any,
        rows: Sequence[dict[str, Any]],
        keys: Sequence[str],
        keep: Sequence[str] = (),
    ) -> None:
        """Insert ``rows``; on a key conflict overwrite the other columns (idempotent).

        Columns in ``keep`` keep their stored value when the new one is NULL (and
        ``created_at`` is never overwritten).
        """
        if not rows:
            return
        # rows go as parameters (executemany), not literal VALUES, so the compiled statement
        # is cached and reused instead of compiled again for every call
        stmt = self._insert(table)
        update = {
            c: func.coalesce(stmt.excluded[c], table.c[c]) if c in keep else stmt.excluded[c]
            for c in rows[0]
            if c not in keys and c != "created_at"
        }
        upsert = stmt.on_conflict_do_update(index_elements=list(keys), set_=update)
        session.execute(upsert, [dict(row) for row in rows])

    def _build_vote_upsert(self) -> Any:
        """The vote statement, built once (building it per vote cost more than running it).

        One atomic ``INSERT … SELECT … ON CONFLICT DO UPDATE``: it copies run id, prompt version
        and model from the text, so an unknown text inserts nothing; a later vote by the same
        voter on the same text replaces the earlier one.
        """
        cols = ["text_id", "voter", "vote", "comment", "run_id", "prompt_version", "model"]
        cols += ["created_at", "updated_at"]
        stamp = bindparam("stamp", type_=DateTime(timezone=True))
        source = select(
            TextRow.id,
            bindparam("voter", type_=String),
            bindparam("vote", type_=String),
            bindparam("comment", type_=Text),
            TextRow.run_id,
            TextRow.prompt_version,
            TextRow.model,
            stamp,
            stamp,
        ).where(TextRow.id == bindparam("text_id"))
        stmt = self._insert(VoteRow.__table__).from_select(cols, source)
        stmt = stmt.on_conflict_do_update(
            index_elements=["text_id", "voter"],
            set_={
                "vote": stmt.excluded.vote,
                "comment": stmt.excluded.comment,
                "updated_at": stmt.excluded.updated_at,
            },
        )
        return stmt.returning(*VoteRow.__table__.c)

    # --------------------------------------------------------------------- runs
    def start_run(self, run_id: str, config: dict[str, Any]) -> None:
        """Record that a run started (re-starting the same id resets its end and counts)."""
        row = {
            "id": run_id,
            "started_at": now(),
            "finished_at": None,
            "config_json": config,
            "counts_json": {},
            "cost": 0.0,
        }
        with self.session(write=True) as s:
            self._upsert(s, RunRow.__table__, [row], ["id"])

    def finish_run(self, run_id: str, counts: dict[str, Any], cost: float) -> None:
        """Record the end of a run with its counts and cost."""
        with self.session(write=True) as s:
            run = s.get(RunRow, run_id)
            if run is None:
                run = RunRow(id=run_id, config_json={})
                s.add(run)
            run.finished_at, run.counts_json, run.cost = now(), counts, cost

    def get_run(self, run_id: str) -> dict[str, Any] | None:
        """The run row as a dict, or ``None``."""
        with self.session() as s:
            run = s.get(RunRow, run_id)
            if run is None:
                return None
            return {
                "id": run.id,
                "started_at": run.started_at,
                "finished_at": run.finished_at,
                "config": run.config_json,
                "counts": run.counts_json,
                "cost": run.cost,
            }

    # -------------------------------------------------------------------- texts
    @staticmethod
    def _text_row(
        text: TextRecord, params: dict[str, Any] | None, cache_key: str | None
    ) -> dict[str, Any]:
        row = text.model_dump(mode="json", include=_TEXT_COLUMNS)
        verdict = text.verdict.model_dump(mode="json") if text.verdict else None
        return row | {
            "verdict_json": verdict,
            "record_json": text.model_dump(mode="json"),
            "params_json": params,
            "cache_key": cache_key,
            "created_at": now(),
        }

    def save_texts(
        self,
        texts: Iterable[TextRecord],
        params: dict[str, Any] | None = None,
        cache_key: str | None = None,
    ) -> int:
        """Upsert texts by id (saving the same texts twice changes nothing). Returns the count."""
        rows = [self._text_row(t, params, cache_key) for t in texts]
        with self.session(write=True) as s:
            for batch in _batches(rows):
                self._upsert(s, TextRow.__table__, batch, ["id"], keep=_KEEP_IF_NULL)
        return len(rows)

    @staticmethod
    def _to_record(row: TextRow) -> TextRecord:
        fields = {c: getattr(row, c) for c in _TEXT_COLUMNS}
        verdict = Verdict.model_validate(row.verdict_json) if row.verdict_json else None
        return TextRecord.model_validate(fields | {"verdict": verdict})

    def missing_texts(self, text_ids: list[str]) -> set[str]:
        """The ids among ``text_ids`` that no stored text has."""
        wanted = set(text_ids)
        found: set[str] = set()
        with self.session() as s:
            for ids in _batches(sorted(wanted)):
                found.update(s.scalars(select(TextRow.id).where(TextRow.id.in_(ids))))
        return wanted - found

    def get_text(self, text_id: str) -> TextRecord | None:
        """The stored text (without its fact sheet), or ``None`` if the id is unknown."""
        with self.session() as s:
            row = s.get(TextRow, text_id)
            return self._to_record(row) if row else None

    def cached_text(self, cache_key: str) -> TextRecord | None:
        """The complete text stored under a content-addressed cache key, if any.

        The pipeline's cache and resume: a text written from the same prompt version, model,
        parameters and fact sheets is reused instead of being generated again.
        """
        with self.session() as s:
            row = s.scalars(
                select(TextRow)
                .where(TextRow.cache_key == cache_key, TextRow.record_json.is_not(None))
                .order_by(TextRow.created_at.desc())
                .limit(1)
            ).first()
            return TextRecord.model_validate(row.record_json) if row else None

    def texts_for_run(self, run_id: str) -> list[TextRecord]:
        """Every text written by one run, ordered by id."""
        with self.session() as s:
            rows = s.scalars(select(TextRow).where(TextRow.run_id == run_id).order_by(TextRow.id))
            return [self._to_record(r) for r in rows]

    # -------------------------------------------------------------------- votes
    def cast_vote(self, text_id: str, voter: str, vote: str, comment: str | None = None) -> Vote:
        """Store ``voter``'s vote on ``text_id`` (see :meth:`vote_and_tally`)."""
        return self.vote_and_tally(text_id, voter, vote, comment, tally=False)[0]

    def vote_and_tally(
        self,
        text_id: str,
        voter: str,
        vote: str,
        comment: str | None = None,
        *,
        tally: bool = True,
    ) -> tuple[Vote, dict[str, int]]:
        """Store ``voter``'s vote on ``text_id``; a later vote by the same voter replaces it.
        With ``tally``, the text's tally is read in the same transaction (it counts this vote;
        one round trip less for the vote API).

        One atomic ``INSERT … SELECT … ON CONFLICT DO UPDATE`` statement: it copies run id,
        prompt version and model from the text, so an unknown text inserts nothing and raises
        :class:`UnknownTextError`; retrying the same call leaves the same single row.
        """
        if vote not in VOTE_VALUES:
            raise NarratorError(f"vote must be one of {', '.join(VOTE_VALUES)}, not {vote!r}")
        params = {"text_id": text_id, "voter": voter, "vote": vote, "comment": comment}
        params["stamp"] = now()
        counts = dict.fromkeys(VOTE_VALUES, 0)
        # a plain connection, not an ORM session: this is the server's hot path
        with self._write_lock, self.engine.begin() as conn:
            row = conn.execute(self._vote_upsert, params).mappings().first()
            if row is not None and tally:
                for value, n in conn.execute(self._one_tally, {"text_id": text_id}):
                    counts[value] = int(n)
        if row is None:
            raise UnknownTextError(text_id)
        return Vote.model_validate(dict(row)), counts

    def tally(self, text_id: str) -> dict[str, int]:
        """``{"accurate": n, "inaccurate": m}`` for one text (zeros if nobody voted)."""
        return self.tallies([text_id])[text_id]

    def tallies(self, text_ids: Iterable[str]) -> dict[str, dict[str, int]]:
        """Tallies of many texts at once (every requested id is present in the result)."""
        ids = list(dict.fromkeys(text_ids))
        out = {i: dict.fromkeys(VOTE_VALUES, 0) for i in ids}
        with self.session() as s:
            for chunk in _batches(ids):
                for text_id, vote, n in s.execute(_tally_query(chunk)):
                    out[text_id][vote] = int(n)
        return out

    def votes_of(self, voter: str, text_ids: Iterable[str]) -> dict[str, str]:
        """``{text_id: vote}`` for the texts among ``text_ids`` that ``voter`` has voted on."""
        ids = list(dict.fromkeys(text_ids))
        out: dict[str, str] = {}
        with self.session() as s:
            for chunk in _batches(ids):
                q = select(VoteRow.text_id, VoteRow.vote).where(
                    VoteRow.voter == voter, VoteRow.text_id.in_(chunk)
                )
                out.update({t: v for t, v in s.execute(q)})
        return out

    def votes(self, text_id: str | None = None) -> list[Vote]:
        """All stored votes (optionally of one text), oldest first."""
        q = select(VoteRow).order_by(VoteRow.id)
        if text_id is not None:
            q = q.where(VoteRow.text_id == text_id)
        with self.session() as s:
            return [Vote.model_validate(r, from_attributes=True) for r in s.scalars(q)]

    def save_calls(self, text_id: str, calls: list[dict[str, Any]]) -> None:
        """Log the writer calls that produced ``text_id`` (see ``CallRow``)."""
        if not calls:
            return
        rows = [{"run_id": "", **c, "text_id": text_id} for c in calls]
        with self.session(write=True) as s:
            s.execute(CallRow.__table__.insert(), rows)

    def save_sheets(self, sheets: Iterable[FactSheet]) -> None:
        """Store fact sheets by content hash (a sheet already stored is left alone)."""
        rows = {
            h: {
                "hash": h,
                "authority_code": s.authority.code,
                "chart_id": s.chart_id,
                "sheet_json": s.model_dump(mode="json"),
            }
            for s in sheets
            for h in (s.content_hash(),)
        }
        if not rows:
            return
        with self.session(write=True) as s:
            have = set(s.scalars(select(SheetRow.hash).where(SheetRow.hash.in_(list(rows)))))
            fresh = [r for h, r in rows.items() if h not in have]
            if fresh:
                stmt = self._insert(SheetRow.__table__).on_conflict_do_nothing()
                s.execute(stmt, fresh)

    def sheet(self, content_hash: str) -> FactSheet | None:
        """A stored fact sheet by its content hash."""
        with self.session() as s:
            row = s.get(SheetRow, content_hash)
            return FactSheet.model_validate(row.sheet_json) if row is not None else None

    def calls(self, text_id: str) -> list[dict[str, Any]]:
        """The logged writer calls of a text, in the order they were made."""
        q = select(CallRow).where(CallRow.text_id == text_id).order_by(CallRow.id)
        with self.session() as s:
            return [
                {c.name: getattr(row, c.name) for c in CallRow.__table__.columns}
                for row in s.scalars(q)
            ]

    def call_ids(self, text_id: str) -> list[int]:
        q = select(CallRow.id).where(CallRow.text_id == text_id).order_by(CallRow.id)
        with self.session() as s:
            return list(s.scalars(q))

    def standing_decisions(
        self, text_ids: Iterable[str] | None = None
    ) -> dict[str, tuple[str, str | None]]:
        """The review decision that stands on each decided text (of ``text_ids``, or all):
        its latest, as ``(decision, edited body)`` (see :mod:`narrator.review`)."""
        latest = select(func.max(DecisionRow.id)).group_by(DecisionRow.text_id)
        if text_ids is not None:
            latest = latest.where(DecisionRow.text_id.in_(list(text_ids)))
        q = select(DecisionRow.text_id, DecisionRow.decision, DecisionRow.edited_body).where(
            DecisionRow.id.in_(latest)
        )
        with self.session() as s:
            return {t: (d, body) for t, d, body in s.execute(q)}

    def approved_edit(self, text_id: str) -> str | None:
        """The reviewer's corrected text when the decision that stands on ``text_id`` is an
        approved edit, else None."""
        decision, body = self.standing_decisions([text_id]).get(text_id, ("", None))
        return body if decision == "edit" else None

    def save_eval_run(self, run_id: str, result: dict[str, Any]) -> None:
        """Store one eval run's result (see :mod:`narrator.evals.runner`)."""
        row = {
            "id": run_id,
            "set_name": str(result.get("set_name", "")),
            "backend": str(result.get("backend", "")),
            "model": str(result.get("model", "")),
            "result_json": result,
        }
        with self.session(write=True) as s:
            self._upsert(s, EvalRunRow.__table__, [row], keys=["id"])

    def eval_run(self, run_id: str) -> dict[str, Any] | None:
        """A stored eval run's result, or None."""
        with self.session() as s:
            row = s.get(EvalRunRow, run_id)
            return dict(row.result_json) if row is not None else None

    def votes_by_prompt_version(self) -> dict[str, dict[str, int]]:
        """Vote counts per prompt version (evals): ``{"v1": {"accurate": 3, "inaccurate": 1}}``."""
        out: dict[str, dict[str, int]] = {}
        with self.session() as s:
            q = select(VoteRow.prompt_version, VoteRow.vote, func.count()).group_by(
                VoteRow.prompt_version, VoteRow.vote
            )
            for version, vote, n in s.execute(q):
                out.setdefault(version, dict.fromkeys(VOTE_VALUES, 0))[vote] = int(n)
        return out


def _tally_query(text_ids: list[str]) -> Any:
    """(text id, vote, count) rows for ``text_ids``."""
    return (
        select(VoteRow.text_id, VoteRow.vote, func.count())
        .where(VoteRow.text_id.in_(text_ids))
        .group_by(VoteRow.text_id, VoteRow.vote)
    )


def _batches(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    """``items`` in slices of ``size``: bounded statements (SQLite limits bound parameters)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
