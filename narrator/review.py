"""Review of flagged texts: the queue, each item's evidence, and reviewers' decisions.

A text enters the **queue** when its writer's drafts had a contradicted or unverifiable claim,
when it was repaired or replaced by the fallback writer, or when readers voted ❌ on it at least
``min_bad_votes`` times. The queue is ordered by severity: contradicted claims first, then the
share of ❌ votes, then unverifiable claims. A text leaves the queue once a reviewer decides on
it (a *skip* leaves it in).

Decisions go to an **audit log** (``review_decisions``): rows are only ever added, so two
reviewers deciding the same item at once both stay on record and the later one stands.

* ``confirm``: the flagged claims are real hallucinations (the checker was right);
* ``false_flag``: the flagged claims are correct (the checker was wrong);
* ``edit``: a corrected text, approved only when it passes the verifier against the same fact
  sheets (otherwise the decision is refused, naming the failing claim);
* ``skip``: looked at, undecided.

Confirmed hallucinations and false flags are exported (``narrator review export``) in the
held-out set's format to ``evals/verifier/reviewed.jsonl``, the verifier's *dev* material, never
its test split.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select

from narrator.errors import NarratorError
from narrator.facts import FactBuilder
from narrator.models import Claim, FactSheet, TextRecord
from narrator.store import Store
from narrator.store_schema import DecisionRow, TextRow, VoteRow
from narrator.verify import Verifier

Decision = Literal["confirm", "false_flag", "edit", "skip"]
DECISIONS: tuple[str, ...] = ("confirm", "false_flag", "edit", "skip")


class ReviewError(NarratorError):
    """A review item or decision is unknown or refused."""


class FlaggedClaim(BaseModel):
    """A claim of one of the writer's drafts that the verifier did not support."""

    model_config = ConfigDict(frozen=True)

    attempt: int
    text: str
    status: str
    reason: str
    expected: str = ""
    fact_ids: list[str] = []


class QueueItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    text_id: str
    authority_code: str
    kind: str
    chart_id: str | None
    section: str | None
    status: str
    prompt_version: str
    model: str
    contradicted: int
    unverifiable: int
    bad_votes: int
    good_votes: int
    decided: str | None = None  # the decision that stands, if any

    @property
    def bad_share(self) -> float:
        n = self.bad_votes + self.good_votes
        return self.bad_votes / n if n else 0.0


class DecisionRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    text_id: str
    decision: str
    reviewer: str
    claims: list[dict]
    note: str | None
    edited_body: str | None
    created_at: datetime


def flagged_claims(text: TextRecord) -> list[FlaggedClaim]:
    """Every claim of the writer's drafts (and of the published text) that was not
    supported, in the order they were written."""
    out: list[FlaggedClaim] = []
    drafts = [(d.attempt, d.verdict) for d in text.drafts if d.verdict is not None]
    for attempt, verdict in [*drafts, (0, text.verdict)]:
        for c in verdict.claims if verdict is not None else ():
            if c.status != "supported":
                out.append(_flagged(attempt, c))
    return out


def _flagged(attempt: int, c: Claim) -> FlaggedClaim:
    return FlaggedClaim(
        attempt=attempt, text=c.text, status=c.status, reason=c.reason, expected=c.expected,
        fact_ids=list(c.fact_ids),
    )  # fmt: skip


class Reviews:
    """The review queue and decisions over one store."""

    def __init__(self, store: Store, min_bad_votes: int = 2) -> None:
        self.store = store
        self.min_bad_votes = min_bad_votes

    # ---- the queue ------------------------------------------------------------------------
    def queue(
        self,
        authority: str | None = None,
        section: str | None = None,
        chart: str | None = None,
        prompt_version: str | None = None,
        include_decided: bool = False,
    ) -> list[QueueItem]:
        """Flagged texts, most severe first (see the module docstring)."""
        votes = self._votes()
        decided = self._standing()
        q = select(TextRow)
        if authority:
            q = q.where(TextRow.authority_code == authority)
        if section:
            q = q.where(TextRow.section == section)
        if chart:
            q = q.where(TextRow.chart_id == chart)
        if prompt_version:
            q = q.where(TextRow.prompt_version.startswith(prompt_version, autoescape=True))
        items = []
        with self.store.session() as s:
            for row in s.scalars(q):
                text = _record(row)
                flagged = flagged_claims(text)
                bad, good = votes.get(row.id, (0, 0))
                standing = decided.get(row.id)
                wanted = (
                    flagged
                    or row.status in ("repaired", "fallback", "failed")
                    or bad >= self.min_bad_votes
                )
                if not wanted or (standing not in (None, "skip") and not include_decided):
                    continue
                items.append(
                    QueueItem(
                        text_id=row.id,
                        authority_code=row.authority_code,
                        kind=row.kind,
                        chart_id=row.chart_id,
                        section=row.section,
                        status=row.status,
                        prompt_version=row.prompt_version,
                        model=row.model,
                        contradicted=sum(f.status == "contradicted" for f in flagged),
                        unverifiable=sum(f.status == "unverifiable" for f in flagged),
                        bad_votes=bad,
                        good_votes=good,
                        decided=standing,
                    )  # fmt: skip
                )
        return sorted(
            items, key=lambda i: (-i.contradicted, -i.bad_share, -i.unverifiable, i.text_id)
        )

    def _votes(self) -> dict[str, tuple[int, int]]:
        q = select(VoteRow.text_id, VoteRow.vote, func.count()).group_by(
            VoteRow.text_id, VoteRow.vote
        )
        out: dict[str, list[int]] = {}
        with self.store.session() as s:
            for text_id, vote, n in s.execute(q):
                pair = out.setdefault(text_id, [0, 0])
                pair[0 if vote == "inaccurate" else 1] += int(n)
        return {k: (v[0], v[1]) for k, v in out.items()}

    def _standing(self) -> dict[str, str]:
        """The decision that stands on each decided text: its latest."""
        return {t: d for t, (d, _body) in self.store.standing_decisions().items()}

    # ---- one item -------------------------------------------------------------------------
    def text(self, text_id: str) -> TextRecord:
        with self.store.session() as s:
            row = s.get(TextRow, text_id)
            if row is None:
                raise ReviewError(f"{text_id}: no such text in {self.store.url!r}")
            return _record(row)

    def evidence(self, text_id: str) -> dict:
        """What a reviewer needs: the text, its flagged claims with the facts they were bound
        to, the votes, and the logged writer calls (messages and raw replies)."""
        text = self.text(text_id)
        facts = {f.id: f for f in (text.fact_sheet.facts if text.fact_sheet else [])}
        claims = []
        for n, f in enumerate(flagged_claims(text), 1):
            bound = [facts[i] for i in f.fact_ids if i in facts]
            claims.append(
                f.model_dump()
                | {
                    "number": n,
                    "facts": [
                        {
                            "measure": b.measure,
                            "breakdown": b.breakdown,
                            "period": b.period,
                            "comparator": b.comparator or "council",
                            "value": b.value,
                            "sources": [s.cell for s in b.sources],
                        }
                        for b in bound
                    ],  # fmt: skip
                }
            )
        return {
            "text": text.model_dump(mode="json", exclude={"fact_sheet", "drafts"}),
            "drafts": [d.model_dump(mode="json") for d in text.drafts],
            "flagged": claims,
            "votes": self.store.tally(text_id),
            "calls": [
                {
                    k: c[k]
                    for k in (
                        "id",
                        "attempt",
                        "backend",
                        "model",
                        "messages_json",
                        "raw_reply",
                        "error",
                    )
                }
                for c in self.store.calls(text_id)
            ],  # fmt: skip
            "decisions": [d.model_dump(mode="json") for d in self.decisions(text_id)],
        }

    def decisions(self, text_id: str | None = None) -> list[DecisionRecord]:
        """The audit log (of one text), oldest first."""
        q = select(DecisionRow).order_by(DecisionRow.id)
        if text_id is not None:
            q = q.where(DecisionRow.text_id == text_id)
        with self.store.session() as s:
            return [
                DecisionRecord(
                    id=r.id,
                    text_id=r.text_id,
                    decision=r.decision,
                    reviewer=r.reviewer,
                    claims=r.claims_json,
                    note=r.note,
                    edited_body=r.edited_body,
                    created_at=r.created_at,
                )  # fmt: skip
                for r in s.scalars(q)
            ]

    # ---- deciding -------------------------------------------------------------------------
    def decide(
        self,
        text_id: str,
        decision: str,
        reviewer: str,
        claims: list[int] | None = None,
        note: str | None = None,
        edited_body: str | None = None,
        sheets: list[FactSheet] | None = None,
    ) -> DecisionRecord:
        """Record a decision (see the module docstring). ``claims``: numbers of the flagged
        claims (1-based, as :meth:`evidence` lists them) it is about; all of them by default.
        An edit is verified against ``sheets`` (default: the text's own fact sheet, else
        rebuilt from the data) and refused when it does not pass."""
        if decision not in DECISIONS:
            raise ReviewError(f"{decision!r}: decide one of {', '.join(DECISIONS)}")
        reviewer = reviewer.strip()
        if not reviewer:
            raise ReviewError("say who is reviewing: --reviewer NAME")
        text = self.text(text_id)
        flagged = flagged_claims(text)
        chosen = flagged
        if claims:
            bad = [n for n in claims if not 1 <= n <= len(flagged)]
            if bad:
                raise ReviewError(f"{text_id}: no flagged claim {bad[0]} (it has {len(flagged)})")
            chosen = [flagged[n - 1] for n in claims]
        if decision == "edit":
            if not (edited_body or "").strip():
                raise ReviewError("an edit needs the corrected text")
            verdict = Verifier().verify(edited_body.strip(), sheets or self._sheets(text))
            if verdict.outcome != "pass":
                # the claim that fails: a contradicted one first, a whole sentence's last
                failing = min(
                    (c for c in verdict.claims if c.status != "supported"),
                    key=lambda c: (c.status != "contradicted", c.kind == "grounding"),
                )
                raise ReviewError(
                    f"the edited text does not pass the checker: {failing.text.strip()!r}: "
                    f"{failing.reason}"
                )
        row = DecisionRow(
            text_id=text_id, decision=decision, reviewer=reviewer[:64],
            claims_json=[c.model_dump() for c in chosen], note=note,
            edited_body=edited_body.strip() if edited_body else None,
        )  # fmt: skip
        with self.store.session(write=True) as s:
            s.add(row)
            s.flush()
            record_id = row.id
        return next(d for d in self.decisions(text_id) if d.id == record_id)

    def _sheets(self, text: TextRecord) -> list[FactSheet]:
        if text.fact_sheet is not None:
            return [text.fact_sheet]
        from narrator.catalog import load_catalog
        from narrator.data import load_dataset

        catalog = load_catalog()
        builder = FactBuilder(load_dataset(chart_ids=catalog.ids), catalog)
        return [builder.sheet(*i.split(":", 1)) for i in text.fact_sheet_ids]

    def by_prompt_version(self) -> dict[str, dict[str, int]]:
        """Standing decisions per prompt version of the texts they judged: how many texts
        reviewers confirmed as holding a hallucination, and how many flags they found false."""
        standing = self._standing()
        out: dict[str, dict[str, int]] = {}
        if not standing:
            return out
        with self.store.session() as s:
            q = select(TextRow.id, TextRow.prompt_version).where(TextRow.id.in_(list(standing)))
            for text_id, version in s.execute(q):
                tally = out.setdefault(version, {"confirmed": 0, "false_flags": 0})
                decision = standing[text_id]
                if decision == "confirm":
                    tally["confirmed"] += 1
                elif decision == "false_flag":
                    tally["false_flags"] += 1
        return out

    # ---- feedback into the verifier's dev material ----------------------------------------
    def export(self) -> list[dict]:
        """Confirmed hallucinations and false flags (the decisions that stand), as held-out
        records: each flagged claim whose words occur once in its draft becomes a labelled
        claim (``wrong`` when confirmed, ``correct`` when a false flag)."""
        standing = {
            d.text_id: d for d in self.decisions() if d.decision in ("confirm", "false_flag")
        }
        latest = self._standing()
        out = []
        for text_id, d in sorted(standing.items()):
            if latest.get(text_id) != d.decision:
                continue  # a later decision stands
            text = self.text(text_id)
            bodies = {dr.attempt: dr.body for dr in text.drafts} | {0: text.body}
            by_draft: dict[int, list[dict]] = {}
            for c in d.claims:
                body = bodies.get(int(c["attempt"]), "")
                if body.count(c["text"]) == 1:
                    by_draft.setdefault(int(c["attempt"]), []).append(
                        {
                            "quote": c["text"],
                            "label": "wrong" if d.decision == "confirm" else "correct",
                            "class": "reviewed",
                            "fact": None,
                            "note": f"{d.reviewer}: {d.note or d.decision} ({c['reason']})",
                        }
                    )
            for attempt, claims in sorted(by_draft.items()):
                out.append(
                    {
                        "id": f"review-{d.id}-{attempt}",
                        "writer": "review",
                        "voice": "model",
                        "authority_code": text.authority_code,
                        "kind": text.kind,
                        "chart_id": text.chart_id,
                        "section": text.section,
                        "text_id": text_id,
                        "text": bodies[attempt],
                        "claims": claims,
                    }  # fmt: skip
                )
        return out


def _record(row: TextRow) -> TextRecord:
    if row.record_json:
        return TextRecord.model_validate(row.record_json)
    return TextRecord.model_validate(
        {c: getattr(row, c) for c in ("id", "kind", "authority_code", "chart_id", "section",
                                      "body", "backend", "model", "prompt_version", "status")}
        | {"verdict": row.verdict_json}
    )  # fmt: skip
