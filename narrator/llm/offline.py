"""The offline writer: plain-English text built only from fact sheets, with no network.

It is the default backend and the safe fallback when an LLM's text fails verification. Every
number it writes is copied from a fact (formatted with :mod:`narrator.text`), every direction is
the fact's direction, so its text is correct by construction. Phrasing varies deterministically
(a hash of authority, chart and series picks among equivalent sentence shapes).

>>> import asyncio
>>> w = OfflineWriter()
>>> w.name, w.model
('offline', 'offline-writer-v1')
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict

from narrator.llm.base import GenerationRequest, WriterReply
from narrator.models import Fact, FactSheet
from narrator.text import fmt_num, fmt_value

VERSION = "offline-writer-v1"
MAX_SERIES = 2


def _pick(options: list[str], *keys: str) -> str:
    digest = hashlib.sha256("|".join(keys).encode()).digest()
    return options[digest[0] % len(options)]


def _series(sheet: FactSheet) -> dict[str, dict[str, Fact]]:
    """Facts grouped by series (fact id prefix ``chart:series``), keyed by kind[:comparator]."""
    grouped: dict[str, dict[str, Fact]] = defaultdict(dict)
    for f in sheet.facts:
        parts = f.id.split(":")
        if len(parts) < 3:
            continue
        key = f.kind + (f":{f.comparator}" if f.comparator and f.kind != "rank" else "")
        grouped[":".join(parts[:2])][key] = f
    return grouped


def _headline_order(series: dict[str, dict[str, Fact]]) -> list[str]:
    """Series worth stating first: with a value, with an England comparison, most recent,
    without a breakdown, and the most different from England."""

    def score(base: str) -> tuple:
        facts = series[base]
        value = facts.get("value") or facts.get("suppressed")
        if value is None or value.value == 0:
            return (1, 0, 0, 0, 0.0, base)
        diff = facts.get("difference:england")
        rel = abs(float(diff.detail.get("relative_pct") or 0)) if diff else 0.0
        period_end = int("".join(c for c in value.period[:4] if c.isdigit()) or 0)
        return (0, "direction:england" not in facts, -period_end, bool(value.breakdown), -rel, base)

    return sorted(series, key=score)


def _label(f: Fact) -> str:
    return f"{f.measure} ({f.breakdown})" if f.breakdown else f.measure


def value_sentence(name: str, f: Fact, seed: str) -> str:
    """One sentence stating a value fact with its period, unit and denominator."""
    shown = fmt_value(float(f.value), f.unit, f.denominator)  # type: ignore[arg-type]
    label = _label(f)
    if f.unit == "per_100k":
        rate = shown.replace(" for every", f" {label} for every", 1)
        return _pick(
            [f"In {f.period}, {name} had {rate}.", f"{name} had {rate} in {f.period}."],
            seed,
        )
    if f.unit == "percent":
        return _pick(
            [
                f"In {f.period}, the share of {label} in {name} was {shown}.",
                f"For {name}, the share of {label} was {shown} in {f.period}.",
            ],
            seed,
        )
    if f.unit == "count" and "population" not in f.measure:
        return f"In {f.period}, {name} had {shown} {label}."
    if f.unit == "per_km2":
        return f"In {f.period}, {name} had {shown}."
    if f.unit == "decile":
        low = "a lower decile means more deprived"
        return f"In {f.period}, the {label} in {name} was {shown} ({low})."
    verb = "were" if _plural(label) else "was"
    return f"In {f.period}, the {label} in {name} {verb} {shown}."


_PREPOSITIONS = frozenset({"from", "of", "by", "in", "for", "with", "who", "that", "to"})


def _plural(label: str) -> bool:
    """Whether a measure's head noun is plural ("client contributions", "contributions from
    the NHS") so its verb is "were", not "was" ("income from the NHS")."""
    words = label.split(" (")[0].split()
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    head = words[cut - 1] if cut > 0 else words[-1]
    return head.endswith("s") and not head.endswith("ss")


def comparison_sentence(facts: dict[str, Fact], seed: str) -> str | None:
    """'That is lower than England (2,438).' with the region added when it exists."""
    parts = []
    for comp in ("england", "region"):
        d, cv = facts.get(f"direction:{comp}"), facts.get(f"comparator_value:{comp}")
        if d is None or cv is None:
            continue
        word = {"above": "higher than", "below": "lower than", "about_same": "about the same as"}[
            d.direction  # type: ignore[index]
        ]
        shown = fmt_value(float(cv.value), cv.unit, cv.denominator)  # type: ignore[arg-type]
        if cv.unit == "per_100k":  # the rate's denominator was just stated with the value
            shown = shown.split(" for every")[0]
        parts.append(f"{word} {cv.comparator_name} ({shown})")
    if not parts:
        return None
    opener = _pick(["That is", "This is"], seed, "cmp")
    return f"{opener} {' and '.join(parts)}."


def polarity_sentence(facts: dict[str, Fact]) -> str | None:
    """'So this is better than England.' when the measure has a better way
    (``data/polarity.yaml``) and the figure is clearly above or below England's."""
    d = facts.get("direction:england")
    better = d.detail.get("better") if d is not None else None
    if d is None or better not in ("higher", "lower") or d.direction not in ("above", "below"):
        return None
    good = (d.direction == "above") == (better == "higher")
    return f"So this is {'better' if good else 'worse'} than England."


#: charts whose measures all mean more deprived when higher (IMD 2019 File 11: average rank,
#: average score, share of small areas in the most deprived tenth; see narrator.databuild.imd)
DEPRIVED_WHEN_HIGHER = frozenset({"deprivation_rank"})


def deprivation_sentence(name: str, facts: dict[str, Fact]) -> str | None:
    """'So Leicester is more deprived than England.' for a deprivation measure, whose
    numbers alone do not say which way is more deprived."""
    d = facts.get("direction:england")
    if d is None or d.direction not in ("above", "below"):
        return None
    return f"So {name} is {'more' if d.direction == 'above' else 'less'} deprived than England."


def trend_sentence(f: Fact) -> str:
    first, last = f.detail["first_value"], f.detail["last_value"]
    verb = {"up": "went up", "down": "went down", "flat": "stayed about the same"}[f.direction]  # type: ignore[index]
    return (
        f"Between {f.detail['first_period']} and {f.detail['last_period']} it {verb}, "
        f"from {fmt_num(float(first))} to {fmt_num(float(last))}."  # type: ignore[arg-type]
    )


def rank_sentence(name: str, f: Fact) -> str:
    return (
        f"Out of {f.detail['of']} councils, {name} ranks {int(f.value)} for this, "  # type: ignore[arg-type]
        f"counting from the highest."
    )


def chart_text(sheet: FactSheet) -> str:
    """The 'What is this chart saying?' blurb for one fact sheet (2-5 short sentences)."""
    name = sheet.authority.name
    if sheet.status == "no_la_data":
        return (
            f"This information is not published for each council, so there is no figure for "
            f"{name} here."
        )
    if sheet.status == "discontinued":
        return f"This information is no longer collected, so there is no recent figure for {name}."
    if sheet.status == "no_data":
        return f"There is no published data for {name} on this chart."
    series = _series(sheet)
    sentences: list[str] = []
    note = sheet.fact(f"{sheet.chart_id}:regional")
    if note is not None:
        sentences.append(note.text_hint)
        name = note.comparator_name or name  # the figures below are the region's, not the council's
    stated: set[tuple[str, str]] = set()
    for base in _headline_order(series):
        facts = series[base]
        head = facts.get("value") or facts.get("suppressed")
        if head is None or (head.measure, head.breakdown) in stated:
            continue  # one figure per measure: the most recent source wins
        seed = f"{sheet.authority.code}|{base}"
        if head.kind == "value":
            sentences.append(value_sentence(name, head, seed))
            cmp = comparison_sentence(facts, seed)
            if cmp:
                sentences.append(cmp)
                if (verdict := polarity_sentence(facts)) is not None:
                    sentences.append(verdict)  # good or bad news, for readers
                elif sheet.chart_id in DEPRIVED_WHEN_HIGHER and not stated:
                    meaning = deprivation_sentence(name, facts)  # what the number means
                    if meaning is not None:
                        sentences.append(meaning)
            elif "trend" in facts:
                sentences.append(trend_sentence(facts["trend"]))
            elif "rank" in facts:
                sentences.append(rank_sentence(name, facts["rank"]))
        else:
            sentences.append(
                f"The figure for {_label(head)} in {head.period} is kept private because it is "
                f"very small, so it is not an exact number."
            )
        stated.add((head.measure, head.breakdown))
        if len(stated) >= MAX_SERIES or len(sentences) >= 4:
            break
    return " ".join(sentences[:5]) or f"There is no published data for {name} on this chart."


def _section_lines(sheets: list[FactSheet]) -> tuple[list[str], list[str]]:
    """Sentences on the clearest differences from England, and titles of no-data charts."""
    scored: list[tuple[float, str]] = []
    empty: list[str] = []
    for sheet in sheets:
        if sheet.status != "ok":
            empty.append(sheet.chart_title)
            continue
        series = _series(sheet)
        for base in _headline_order(series)[:1]:
            facts = series[base]
            if "value" not in facts or "direction:england" not in facts:
                continue
            cmp = comparison_sentence(
                {k: v for k, v in facts.items() if k.endswith("england")}, base
            )
            rel = abs(float(facts["difference:england"].detail.get("relative_pct") or 0))
            head = value_sentence(sheet.authority.name, facts["value"], base)
            scored.append((rel, f"{sheet.chart_title}: {head} {cmp}"))
    scored.sort(key=lambda t: -t[0])
    return [s for _, s in scored], empty


def summary_text(kind: str, sheets: list[FactSheet], section: str | None) -> str:
    """A section or overall summary: titled paragraphs separated by blank lines."""
    name = sheets[0].authority.name if sheets else "this council"
    lines, empty = _section_lines(sheets)
    keep = 3 if kind == "section" else 5
    where = f"the {section} section" if section else "this report"
    paragraphs = []
    if lines:
        paragraphs.append("How the figures compare\n" + " ".join(lines[:keep]))
    else:
        paragraphs.append(
            f"What the figures show\nThere are no figures to compare for {name} in {where}."
        )
    if empty:
        listed = ", ".join(empty[:6]) + (" and others" if len(empty) > 6 else "")
        paragraphs.append(
            f"Where data is missing\nSome charts in {where} have no figures for {name}: {listed}."
        )
    return "\n\n".join(paragraphs)


class OfflineWriter:
    """Deterministic writer that needs nothing: no network, no model, no key."""

    name = "offline"
    uses_prompts = False  # writes from the fact sheets directly

    def __init__(self, model: str = VERSION, **_: object) -> None:
        self.model = model

    async def write(self, request: GenerationRequest) -> WriterReply:
        start = time.perf_counter()
        if request.kind == "chart":
            text = chart_text(request.fact_sheets[0])
        else:
            text = summary_text(request.kind, request.fact_sheets, request.section)
        return WriterReply(
            text=text, model=self.model, latency_ms=(time.perf_counter() - start) * 1000
        )
