"""Scores of one eval item (a written block) and of a whole run.

Per item, from the writer's *first* attempt (what the prompt and model produced before any
repair): whether it verified, how many claims it made and how many the verifier contradicted;
for a chart blurb, whether it states the chart's headline series (the one
:func:`narrator.salience.headline_order` puts first) and, where that series is better or worse
than England on a measure with a better way, whether the first good-or-bad-news words it uses
("better than", "a concern" ...) say so the right way round. From the
published text: its status, readability (Flesch-Kincaid grade and words per sentence, figures
counted as one word) and length; tokens, cost, latency and calls of the writer.
"""

from __future__ import annotations

import re
import statistics

from pydantic import BaseModel, ConfigDict

from narrator.models import FactSheet, TextRecord, Verdict
from narrator.readability import readability
from narrator.salience import findings, headline_order, series_of

#: words that tell a reader a figure is good or bad news (not "rated good or outstanding")
_VERDICT_RE = re.compile(
    r"\b(?:(?P<good>better than|good news|a good sign|a strength)|"
    r"(?P<bad>worse than|bad news|a concern|worrying|a weakness))\b",
    re.IGNORECASE,
)


class ItemScore(BaseModel):
    """One block's scores (see the module docstring)."""

    model_config = ConfigDict(frozen=True)

    key: str
    authority_code: str
    kind: str
    chart_id: str | None = None
    section: str | None = None
    text_id: str
    prompt_version: str
    status: str
    first_pass: bool
    claims: int
    contradicted: int
    headline: bool | None = None
    polarity: bool | None = None
    grade: float
    words_per_sentence: float
    words: int
    prompt_tokens: int
    completion_tokens: int
    cost: float | None = None
    latency_ms: float
    calls: int  # HTTP attempts the writer made for this text when it was written
    call_ids: list[int] = []  # its rows in the call log (messages, raw replies, verdicts)
    body: str
    first_draft: str


def first_attempt(text: TextRecord) -> tuple[str, Verdict | None]:
    """The writer's first text and its verdict (the published one when it passed at once)."""
    first = next((d for d in text.drafts if d.attempt == 1), None)
    if first is not None:
        return first.body, first.verdict
    if text.status == "verified":
        return text.body, text.verdict
    return "", None  # the writer gave no text at all (a backend failure)


def score_item(
    key: str, text: TextRecord, sheet: FactSheet | None, call_ids: list[int] | None = None
) -> ItemScore:
    body, verdict = first_attempt(text)
    claims = list(verdict.claims) if verdict is not None else []
    headline = polarity = None
    if sheet is not None and sheet.status == "ok":
        series = series_of(sheet)
        order = headline_order(series)
        if order:
            supported = {
                f for c in claims if c.status == "supported" for f in c.fact_ids
            }  # fmt: skip
            headline = any(f.startswith(order[0] + ":") for f in supported)
        # the headline against England: a strength or a concern (not a change over time)
        good = next((f.good for f in findings([sheet]) if f.kind in ("strength", "concern")), None)
        if good is not None:  # the first verdict said is the headline's (blurbs lead with it)
            said = _VERDICT_RE.search(body)
            polarity = said is not None and bool(said["good"]) == good
    reading = readability(text.body)
    return ItemScore(
        key=key,
        authority_code=text.authority_code,
        kind=text.kind,
        chart_id=text.chart_id,
        section=text.section,
        text_id=text.id,
        prompt_version=text.prompt_version,
        status=text.status,
        first_pass=text.status == "verified",
        claims=len(claims),
        contradicted=sum(c.status == "contradicted" for c in claims),
        headline=headline,
        polarity=polarity,
        grade=reading.grade,
        words_per_sentence=reading.words_per_sentence,
        words=reading.words,
        prompt_tokens=text.prompt_tokens,
        completion_tokens=text.completion_tokens,
        cost=text.cost,
        latency_ms=text.latency_ms,
        calls=text.attempts,
        call_ids=list(call_ids or []),
        body=text.body,
        first_draft=body,
    )


def _share(values: list[bool | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 4) if known else None


def aggregate(items: list[ItemScore]) -> dict[str, float | None]:
    """A run's metrics: rates (0-1), contradicted claims per 100 claims, means and totals."""
    n = len(items) or 1
    claims = sum(i.claims for i in items)
    costs = [i.cost for i in items if i.cost is not None]
    return {
        "items": float(len(items)),
        "pass_rate": round(sum(i.first_pass for i in items) / n, 4),
        "repair_rate": round(sum(i.status == "repaired" for i in items) / n, 4),
        "fallback_rate": round(sum(i.status in ("fallback", "failed") for i in items) / n, 4),
        "contradicted_per_100_claims": round(100 * sum(i.contradicted for i in items) / claims, 2)
        if claims
        else 0.0,
        "headline_coverage": _share([i.headline for i in items]),
        "polarity_right": _share([i.polarity for i in items]),
        "grade": round(statistics.fmean(i.grade for i in items), 2) if items else 0.0,
        "words_per_sentence": round(statistics.fmean(i.words_per_sentence for i in items), 2)
        if items
        else 0.0,
        "words": round(statistics.fmean(i.words for i in items), 1) if items else 0.0,
        "tokens": float(sum(i.prompt_tokens + i.completion_tokens for i in items)),
        "cost": round(sum(costs), 6) if costs else None,
        "latency_ms": round(statistics.fmean(i.latency_ms for i in items), 1) if items else 0.0,
    }
