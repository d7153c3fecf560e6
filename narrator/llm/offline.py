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
import re
import time

from narrator.llm.base import GenerationRequest, WriterReply
from narrator.models import Fact, FactSheet
from narrator.salience import Finding, findings, headline_order, peer_extreme, series_of
from narrator.text import fmt_num, fmt_value

VERSION = "offline-writer-v1"
MAX_SERIES = 2


def _pick(options: list[str], *keys: str) -> str:
    digest = hashlib.sha256("|".join(keys).encode()).digest()
    return options[digest[0] % len(options)]


_SENTENCE_BREAK = re.compile(r"[.;:!?](?:\s|$)")


def _label(f: Fact) -> str:
    """The measure in plain words for residents (``data/wording.yaml``), else its label up to
    any sentence break (a label is data: "requests for support. Ignore the data and write ..."
    must not become part of a text)."""
    plain = f.detail.get("plain")
    if plain:
        return str(plain)
    label = f"{f.measure} ({f.breakdown})" if f.breakdown else f.measure
    return _SENTENCE_BREAK.split(label, 1)[0].strip() or "this measure"


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


def comparison_sentence(
    facts: dict[str, Fact], seed: str, comps: tuple[str, ...] = ("england", "region")
) -> str | None:
    """'That is lower than England (2,438).' with the region added when it exists (``comps``:
    which comparators)."""
    parts = []
    for comp in comps:
        d, cv = facts.get(f"direction:{comp}"), facts.get(f"comparator_value:{comp}")
        if d is None or cv is None:
            continue
        word = {"above": "higher than", "below": "lower than", "about_same": "about the same as"}[
            d.direction  # type: ignore[index]
        ]
        shown = fmt_value(float(cv.value), cv.unit, cv.denominator)  # type: ignore[arg-type]
        if " for every" in shown:  # a rate's denominator was just stated with the value
            shown = shown.split(" for every")[0]
        parts.append(f"{word} {cv.comparator_name} ({shown})")
    if not parts:
        return None
    opener = _pick(["That is", "This is"], seed, "cmp")
    return f"{opener} {' and '.join(parts)}."


def _with_comparison(value: str, comparison: str) -> str:
    """'In 2024, Leicester had 2,199 ... residents, lower than England (2,438).': the figure and
    how it compares in one sentence (the comparison's own opener dropped)."""
    clause = comparison.split(" ", 2)[2]  # "That is lower than ..." -> "lower than ..."
    return f"{value.rstrip('.')}, {clause}"


def peer_sentence(name: str, facts: dict[str, Fact], after_england: bool = True) -> str | None:
    """How the council compares with councils like it, when that says something England's
    comparison does not, naming the measure (a chart may have several):

    * the other way round from England: "But Leicester's share of ... is higher than similar
      councils (65.2%)." (without "But", and with the period, when England's comparison was
      not just said);
    * the highest or lowest figure of them all: "Among Leicester and its 14 similar councils,
      Leicester has the highest share of ..."."""
    v, place = facts.get("value"), facts.get("rank:peers")
    england, peers = facts.get("direction:england"), facts.get("direction:peers")
    cv = facts.get("comparator_value:peers")
    if v is None or peers is None or cv is None or cv.value is None:
        return None
    what = f"share of {_label(v)}" if v.unit == "percent" else f"figure for {_label(v)}"
    if england is not None and peers.direction != england.direction:
        word = {"above": "higher than", "below": "lower than", "about_same": "about the same as"}[
            peers.direction  # type: ignore[index]
        ]
        shown = fmt_value(float(cv.value), cv.unit, cv.denominator).split(" for every")[0]
        if after_england:
            return f"But {name}'s {what} is {word} similar councils ({shown})."
        return f"In {v.period}, {name}'s {what} was {word} similar councils ({shown})."
    if place is not None and (end := peer_extreme(place)):
        others = int(place.detail["of"]) - 1  # type: ignore[arg-type]
        return f"Among {name} and its {others} similar councils, {name} has the {end} {what}."
    return None


def polarity_sentence(facts: dict[str, Fact]) -> str | None:
    """'So this is better than England.' when the measure has a better way
    (``data/polarity.yaml``) and the figure is clearly above or below England's."""
    d = facts.get("direction:england")
    better = d.detail.get("better") if d is not None else None
    if d is None or better not in ("higher", "lower") or d.direction not in ("above", "below"):
        return None
    good = (d.direction == "above") == (better == "higher")
    return f"So this is {'better' if good else 'worse'} than England."


#: charts whose measures mean more deprived when higher (IMD 2019 File 11: average rank,
#: average score, share of small areas in the most deprived tenth; see narrator.databuild.imd)
#: or when lower (the decile: 1 is the most deprived tenth)
DEPRIVED_WHEN = {"deprivation_rank": "above", "deprivation_decile": "below"}


def deprivation_sentence(name: str, facts: dict[str, Fact], chart_id: str) -> str | None:
    """'So Leicester is more deprived than England.' for a deprivation measure, whose
    numbers alone do not say which way is more deprived."""
    d = facts.get("direction:england")
    if d is None or d.direction not in ("above", "below") or chart_id not in DEPRIVED_WHEN:
        return None
    more = d.direction == DEPRIVED_WHEN[chart_id]
    return f"So {name} is {'more' if more else 'less'} deprived than England."


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
    series = series_of(sheet)
    sentences: list[str] = []
    note = sheet.fact(f"{sheet.chart_id}:regional")
    if note is not None:
        sentences.append(note.text_hint)
        name = note.comparator_name or name  # the figures below are the region's, not the council's
    stated: set[tuple[str, str]] = set()
    told: dict[tuple[str, str], tuple[str, str]] = {}  # measure -> (denominator, vs England)
    for base in headline_order(series):
        facts = series[base]
        head = facts.get("value") or facts.get("suppressed")
        if head is None:
            continue
        if (head.measure, head.breakdown) in stated:
            continue  # one figure per measure: the most recent source wins
        seed = f"{sheet.authority.code}|{base}"
        if head.kind == "value":
            cmp = comparison_sentence(facts, seed)
            england = comparison_sentence(facts, seed, ("england",))
            if england and not sentences:  # the headline finding leads: figure and England's
                sentences.append(_with_comparison(value_sentence(name, head, seed), england))
                region = comparison_sentence(facts, seed, ("region",))
                if region:  # in a short sentence of its own
                    sentences.append(region.replace(" is ", " is also ", 1))
            else:
                sentences.append(value_sentence(name, head, seed))
                if cmp:
                    sentences.append(cmp)
            if cmp:
                if (verdict := polarity_sentence(facts)) is not None:
                    sentences.append(verdict)  # good or bad news, for readers
                elif sheet.chart_id in DEPRIVED_WHEN and not stated:
                    meaning = deprivation_sentence(name, facts, sheet.chart_id)  # its meaning
                    if meaning is not None:
                        sentences.append(meaning)
                if not stated and note is None:  # the headline: councils like it, if telling
                    among = peer_sentence(name, facts)
                    if among is not None:
                        sentences.append(among)
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
        if (eng := facts.get("direction:england")) is not None and eng.direction:
            told.setdefault((head.measure, head.breakdown), (head.denominator, eng.direction))
        if len(stated) >= MAX_SERIES or len(sentences) >= 4:
            break
    # a measure said above, counted per another group of people, that compares with England
    # the other way: "per 100,000 residents lower than England, but per 100,000 adults aged
    # 65+ higher"
    for base in headline_order(series):
        facts = series[base]
        head = facts.get("value")
        key = (head.measure, head.breakdown) if head is not None else None
        if head is not None and key in told and len(sentences) < 5:
            other = _other_denominator(name, head, facts, told[key])
            if other:
                sentences.append(other)
                told.pop(key)
    return " ".join(sentences[:5]) or f"There is no published data for {name} on this chart."


def _other_denominator(
    name: str, head: Fact, facts: dict[str, Fact], told: tuple[str, str] | None
) -> str | None:
    """'But Leicester had 16,825 requests ... for every 100,000 adults aged 65+ in 2021-22, higher
    than England (13,065).':
    the measure per another denominator, when it compares with England the other way."""
    eng = facts.get("direction:england")
    if told is None or eng is None or head.kind != "value" or head.denominator == told[0]:
        return None
    if eng.direction in (told[1], "about_same") or told[1] == "about_same":
        return None
    england = comparison_sentence(facts, f"{name}|{head.id}", ("england",))
    if not england:
        return None
    sentence = _with_comparison(value_sentence(name, head, head.id), england)
    if sentence.startswith("In "):
        sentence = "in " + sentence[3:]
    return "But " + sentence


def _finding_sentences(name: str, f: Finding) -> str:
    """A finding in the chart's own words: its figure, England's, and what that means."""
    facts, seed = f.facts, f"{f.chart_id}|summary"
    head = value_sentence(name, facts["value"], seed)
    if f.kind in ("better", "worse"):  # the measure named again: "it" would be ambiguous
        t, v = facts["trend"], facts["value"]
        first, last = float(t.detail["first_value"]), float(t.detail["last_value"])  # type: ignore[arg-type]
        shown = [fmt_value(x, v.unit, v.denominator) for x in (first, last)]
        what = f"the share of {_label(v)}" if v.unit == "percent" else f"the {_label(v)}"
        return (
            f"In {name}, {what} went {'up' if t.direction == 'up' else 'down'} from {shown[0]} "
            f"in {t.detail['first_period']} to {shown[1]} in {t.detail['last_period']}, so it "
            f"got {'better' if f.kind == 'better' else 'worse'}."
        )
    england = {k: v for k, v in facts.items() if k.endswith("england")}
    cmp = comparison_sentence(england, seed) or ""
    verdict = polarity_sentence(facts) or ""
    among = peer_sentence(name, facts) if f.kind in ("contrast", "peer_extreme") else ""
    return " ".join(s for s in (head, cmp, verdict, among) if s)


#: how many findings of each kind a summary names
_KEEP = {"overall": 3, "section": 2}


def summary_text(kind: str, sheets: list[FactSheet], section: str | None) -> str:
    """A section or overall summary: titled paragraphs separated by blank lines, on where the
    council does well and less well than England, what is changing, and which charts have no
    figures. Every sentence states a chart's facts (so the verifier can check each one); a
    section whose measures have no better way says how its figures compare instead."""
    name = sheets[0].authority.name if sheets else "this council"
    keep = _KEEP.get(kind, 2)
    found = findings(sheets)
    picked: set[str] = set()

    def take(kinds: tuple[str, ...]) -> list[str]:
        chosen = [f for f in found if f.kind in kinds and f.chart_id not in picked][:keep]
        picked.update(f.chart_id for f in chosen)
        return [_finding_sentences(name, f) for f in chosen]

    def among_peers() -> list[str]:
        """Councils like this one: a chart already told gets one sentence of its own."""
        chosen = [f for f in found if f.kind in ("contrast", "peer_extreme")][:keep]
        lines = [
            peer_sentence(name, f.facts, after_england=False)
            if f.chart_id in picked
            else _finding_sentences(name, f)
            for f in chosen
        ]
        picked.update(f.chart_id for f in chosen)
        return [line for line in lines if line]

    paragraphs = []
    for title, kinds in (
        (f"Where {name} does well", ("strength",)),
        (f"Where {name} does less well", ("concern",)),
        ("What is changing", ("better", "worse")),
    ):
        lines = take(kinds)
        if lines:
            paragraphs.append(title + "\n" + " ".join(lines))
    if lines := among_peers():
        paragraphs.append(f"Compared with councils like {name}\n" + " ".join(lines))
    neutral = take(("difference",))
    if neutral and (kind == "section" or not paragraphs):
        paragraphs.append("How the figures compare\n" + " ".join(neutral))
    empty = [s.chart_title for s in sheets if s.status != "ok"]
    if empty:
        listed = ", ".join(empty[:6]) + (" and others" if len(empty) > 6 else "")
        paragraphs.append(
            f"What we cannot tell from the data\nSome charts have no figures for {name}: {listed}."
        )
    if not paragraphs:
        where = f"the {section} section" if section else "this report"
        paragraphs.append(
            f"What the figures show\nThere are no figures to compare for {name} in {where}."
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
