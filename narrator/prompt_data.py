"""The DATA block of a prompt: fact sheets as compact, JSON-escaped lines, trimmed to a budget.

Layout (one JSON value per line between ``<<<DATA`` and ``DATA>>>``)::

    {"columns":["kind","value","vs","dir","hint"]}
    {"authority":"Leicester","region":"East Midlands"}
    {"chart":"Requests and receipt of care","status":"ok"}
    {"measure":"requests for support ...","unit":"per_100k","per":"residents","period":"2024"}
    ["value",2199,null,null,"Leicester: 2,199 for every 100,000 residents — ..."]
    ["comparator_value",2438,"England","below","England: 2,438 for every 100,000 residents — ..."]
    {"child":"chart","title":"...","text":"..."}

A series line carries ``"better": "higher"`` (or ``"lower"``) for a measure with a better way
(``data/polarity.yaml``), so a writer can say whether a figure is good or bad news, and
``"say"``: the measure in plain words for residents (``data/wording.yaml``). A summary's
block starts with its *finding* lines (:func:`finding_lines`): strengths and concerns against
England, changes that got better or worse, largest first.

A *series* line (measure, breakdown, unit, "per" group, period) heads the fact rows that share
it. Every string goes through :func:`json_line`, which also escapes ``<`` and ``>`` so no label
can close the fence: labels and values stay data, never instructions.

Real sheets hold 1-99 facts, so the block is built at a *detail step* (:data:`STEPS`): step 0
has every fact; each later step drops the less useful facts (ratios, quartiles, estimates, then
ranks, differences and trends, then region comparisons), folds each direction into its
comparator row, and finally keeps only the best series (with a value, compared with England,
most recent, without breakdown, most different from England). :mod:`narrator.prompts` picks
the first step whose prompt fits the template's token budget.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from narrator.llm.base import ChildText
from narrator.models import Authority, Fact, FactSheet
from narrator.salience import findings

DATA_OPEN = "<<<DATA"
DATA_CLOSE = "DATA>>>"
FACT_COLUMNS: tuple[str, ...] = ("kind", "value", "vs", "dir", "hint")
ALWAYS = frozenset({"value", "no_data", "missing", "suppressed", "note"})
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Step:
    """One level of detail of the data block."""

    drop: frozenset[str] = frozenset()  # fact kinds left out
    region: bool = True  # keep comparisons with the region
    peers: bool = True  # keep comparisons with similar councils (their median)
    fold: bool = False  # direction rows folded into their comparator rows
    max_series: int | None = None  # keep only the best N series of each sheet
    comparator_hints: bool = True  # hint column on comparator rows
    value_hints: bool = True  # hint column on the other rows


_MINOR = frozenset({"count_estimate", "quartile", "ratio"})
_EXTRA = _MINOR | {"rank", "share", "difference", "trend"}
STEPS: tuple[Step, ...] = (
    Step(),
    Step(drop=_MINOR),
    Step(drop=_EXTRA),
    Step(drop=_EXTRA, region=False),
    Step(drop=_EXTRA, region=False, fold=True),
    Step(drop=_EXTRA, region=False, fold=True, max_series=4),
    Step(drop=_EXTRA, region=False, fold=True, max_series=4, comparator_hints=False),
    # the most compact steps keep England's comparison only
    Step(drop=_EXTRA, region=False, peers=False, fold=True, max_series=2, comparator_hints=False),
    Step(drop=_EXTRA, region=False, peers=False, fold=True, max_series=1, comparator_hints=False),
    Step(
        drop=_EXTRA,
        region=False,
        peers=False,
        fold=True,
        max_series=1,
        comparator_hints=False,
        value_hints=False,
    ),
)


def estimate_tokens(text: str) -> int:
    """Approximate token count: words and punctuation marks (``\\w+|[^\\w\\s]``).

    Measured on narrator's prompts against a real BPE tokenizer (SmolLM2's, 49k vocabulary)
    this is within ~6 %; GPT-4o-class tokenizers (200k vocabulary) need somewhat fewer tokens,
    so the estimate errs high. ``len(text) / 4`` under-counts these JSON-heavy prompts by up
    to ~40 %, and ``tiktoken`` would download its tables at run time, which we cannot do.

    >>> estimate_tokens('["value",2199]'), estimate_tokens("")
    (7, 0)
    """
    return len(_TOKEN.findall(text))


def json_line(value: Any) -> str:
    """Compact JSON with ``<`` ``>`` escaped, so data can never close the data fence."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 3)


def _series_key(fact: Fact) -> tuple[str, ...]:
    parts = fact.id.split(":")
    if len(parts) >= 3:
        return (parts[0], parts[1], fact.period)
    return (fact.measure, fact.breakdown, fact.unit, fact.denominator, fact.period)


def _head(fact: Fact) -> dict[str, Any]:
    head: dict[str, Any] = {"measure": fact.measure}
    if fact.breakdown:
        head["breakdown"] = fact.breakdown
    head.update(unit=fact.unit, per=fact.denominator, period=fact.period)
    if fact.detail.get("better") in ("higher", "lower"):  # which way is good news
        head["better"] = fact.detail["better"]
    plain = fact.detail.get("plain")
    if plain and plain != fact.measure:  # the words to use for residents (data/wording.yaml)
        head["say"] = plain
    return head


def finding_lines(sheets: list[FactSheet], limit: int = 8) -> list[str]:
    """The report's largest findings (:mod:`narrator.salience`), for summaries to lead with:
    ``{"finding": "strength", "chart": ..., "measure": ..., "size_pct": 34.2}``; good and bad
    news first, then the largest differences on measures that are neither."""
    lines = []
    # the findings the prompts describe (similar councils' findings are the offline writer's
    # until a prompt version explains them)
    found = [f for f in findings(sheets) if f.kind not in ("contrast", "peer_extreme")]
    polar = [f for f in found if f.good is not None][:limit]  # good or bad news first
    for f in polar + [f for f in found if f.good is None][: max(0, limit - len(polar)) + 2]:
        v = f.facts.get("value")
        measure = (f"{v.measure} ({v.breakdown})" if v.breakdown else v.measure) if v else ""
        row = {
            "finding": f.kind,
            "chart": f.title,
            "measure": measure,
            "size_pct": round(f.score, 1),
        }
        lines.append(json_line(row))
    return lines


def _period_end(period: str) -> int:
    years = re.findall(r"\d{4}|\d{2}$", period)
    if not years:
        return 0
    last = years[-1]
    return int(last) + 2000 if len(last) == 2 else int(last)


def _series_rank(facts: list[Fact]) -> tuple:
    """Smaller is better: has a value, compared with England, recent, no breakdown, big gap."""
    by_kind = {(f.kind, f.comparator): f for f in facts}
    value = by_kind.get(("value", "")) or next((f for f in facts if f.kind == "value"), None)
    diff = by_kind.get(("difference", "england"))
    rel = abs(float(diff.detail.get("relative_pct") or 0)) if diff else 0.0
    return (
        value is None,
        ("direction", "england") not in by_kind and ("comparator_value", "england") not in by_kind,
        -_period_end(facts[0].period),
        bool(facts[0].breakdown),
        -rel,
    )


def _keep(fact: Fact, step: Step) -> bool:
    if fact.kind in ALWAYS:
        return True
    if fact.kind in step.drop:
        return False
    if not step.region and fact.comparator == "region":
        return False
    if not step.peers and fact.comparator == "peers":
        return False
    return not (step.fold and fact.kind == "direction")


def sheet_lines(sheet: FactSheet, step: Step, kinds: frozenset[str] | None = None) -> list[str]:
    """The chart line, series lines and fact rows of one sheet at a detail step."""
    info: dict[str, Any] = {"chart": sheet.chart_title, "status": sheet.status}
    if sheet.notes:
        info["notes"] = sheet.notes
    lines = [json_line(info)]
    groups: dict[tuple[str, ...], list[Fact]] = {}
    loose: list[Fact] = []
    for fact in sheet.facts:
        if fact.measure:
            groups.setdefault(_series_key(fact), []).append(fact)
        else:
            loose.append(fact)
    series = list(groups.values())
    if step.max_series is not None:
        series = sorted(series, key=_series_rank)[: step.max_series]
        series.sort(key=lambda fs: sheet.facts.index(fs[0]))  # back to sheet order
    for fact in loose:
        if kinds is None or fact.kind in kinds:
            lines.append(json_line([fact.kind, _num(fact.value), None, None, fact.text_hint]))
    for facts in series:
        directions = {
            (f.comparator, f.breakdown): f.direction for f in facts if f.kind == "direction"
        }
        rows = []
        for fact in facts:
            if (kinds is not None and fact.kind not in kinds) or not _keep(fact, step):
                continue
            vs = fact.comparator_name or fact.comparator or None
            direction = fact.direction
            if fact.kind == "comparator_value":
                direction = directions.get((fact.comparator, fact.breakdown))
            row = [fact.kind, _num(fact.value), vs, direction]
            hint = step.comparator_hints if fact.kind == "comparator_value" else step.value_hints
            row.append(fact.text_hint if hint or fact.kind in ALWAYS - {"value"} else None)
            rows.append(json_line(row))
        if rows:
            lines.append(json_line(_head(facts[0])))
            lines.extend(rows)
    return lines


def data_block(
    authority: Authority,
    sheets: Iterable[FactSheet],
    *,
    children: Iterable[ChildText] = (),
    step: Step = STEPS[0],
    kinds: frozenset[str] | None = None,
    section: str | None = None,
) -> str:
    """The fenced data block for ``sheets`` (and child texts) at detail ``step``."""
    lines = [DATA_OPEN, json_line({"columns": list(FACT_COLUMNS)})]
    head: dict[str, Any] = {"authority": authority.name, "region": authority.region_name}
    if section:
        head["section"] = section
    lines.append(json_line(head))
    sheets = list(sheets)
    if kinds is not None:  # a summary: what matters most first
        lines.extend(finding_lines(sheets))
    for sheet in sheets:
        lines.extend(sheet_lines(sheet, step, kinds))
    for child in children:
        lines.append(
            json_line(
                {
                    "child": child.kind,
                    "title": child.title or child.section or "",
                    "text": child.body,
                }
            )
        )
    lines.append(DATA_CLOSE)
    return "\n".join(lines)


def feedback_block(feedback: Iterable[str]) -> str:
    """Verifier feedback of a repair attempt, fenced and escaped like the data."""
    items = [f for f in feedback if f]
    if not items:
        return ""
    return "\n".join(["<<<FEEDBACK", *(json_line(f) for f in items), "FEEDBACK>>>"])


_KEY_KINDS = ("value", "comparator_value", "direction", "no_data", "missing", "suppressed", "note")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def key_sentences(
    sheets: Iterable[FactSheet],
    children: Iterable[ChildText] = (),
    *,
    max_series: int = 2,
    limit: int = 8,
) -> list[str]:
    """Correct plain sentences for a weak model to word: the hints of each sheet's best series
    (value, England comparison, direction, notes), then the first sentences of child texts.

    The figures in them were computed and formatted by code; the model only rewords.
    """
    out: list[str] = []
    for sheet in sheets:
        series: dict[tuple[str, ...], list[Fact]] = {}
        for fact in sheet.facts:
            if fact.kind in _KEY_KINDS and (fact.comparator in ("", "england")):
                series.setdefault(_series_key(fact), []).append(fact)
        best = sorted(series.values(), key=_series_rank)[:max_series]
        for facts in sorted(best, key=lambda fs: sheet.facts.index(fs[0])):
            out += [f.text_hint for f in facts if f.text_hint and f.kind != "comparator_value"]
    for child in children:
        body = " ".join(line for line in child.body.splitlines() if not line.startswith("### "))
        out += [s for s in _SENTENCE_END.split(body.strip())[:2] if s]
    return list(dict.fromkeys(out))[:limit]


def main_unit(sheets: Iterable[FactSheet]) -> str:
    """The unit of the first sheet's headline series (for unit-specific wording examples)."""
    for sheet in sheets:
        values = [f for f in sheet.facts if f.kind == "value" and f.measure]
        if values:
            series: dict[tuple[str, ...], list[Fact]] = {}
            for fact in sheet.facts:
                if fact.measure:
                    series.setdefault(_series_key(fact), []).append(fact)
            best = min(series.values(), key=_series_rank)
            return next((f.unit for f in best if f.kind == "value"), values[0].unit)
    return ""
