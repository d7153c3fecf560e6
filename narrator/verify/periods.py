"""Periods a text states, and which figures they scope.

A figure is about the period named nearest to it in its sentence ("58% in 2021-22", "In
2023-24, about 64 in every 100 ..."); a sentence that names no period but says "the year before",
"last year", "a year earlier" or "the previous survey" is about the period before the latest; a
figure with neither is about the latest period (or a trend's span, for a trend's end points).

Matching a stated period with a fact's period: a single year ("in 2024") matches every period
that includes it (2023-24, 2024, 2024-25: people write the calendar year a financial or survey
year ends or starts in); a range ("2023-24", "2023/24", "2023 to 2024") matches that range, or a
calendar-year period equal to one of its years.

>>> matches(Stated(frozenset({2024}), False), "2023-24"), matches(Stated(frozenset({2023, 2024}), True), "2024-25")
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: words that place a figure in the period before the latest one
PREVIOUS_RE = re.compile(
    r"\b(?:the\s+(?:year|survey)\s+before|a\s+year\s+(?:earlier|before|ago)|"
    r"(?:the\s+)?previous\s+(?:year|survey|period)|last\s+year(?:'s)?|"
    r"(?:the\s+)?year\s+before|(?:the\s+)?prior\s+year|twelve\s+months\s+earlier)\b",
    re.IGNORECASE,
)
PREVIOUS = "@previous"


@dataclass(frozen=True, slots=True)
class Stated:
    """A period as written: its years, and whether it was a range ("2023-24")."""

    years: frozenset[int]
    is_range: bool

    @property
    def label(self) -> str:
        ys = sorted(self.years)
        return f"{ys[0]}-{str(ys[-1])[2:]}" if self.is_range else str(ys[0])


@lru_cache(maxsize=4096)  # a pure function of a short period label
def years_of(period: str) -> tuple[frozenset[int], bool]:
    """The years of a fact's period label and whether it is a range: "2023-24" -> {2023, 2024}."""
    m = re.match(r"\s*((?:19|20)\d\d)(?:\s*(?:-|–|/|to)\s*(\d{2}|\d{4}))?", period or "")
    if not m:
        return frozenset(), False
    y = int(m.group(1))
    if not m.group(2):
        return frozenset({y}), False
    y2 = m.group(2)
    return frozenset({y, int(y2 if len(y2) == 4 else str(y)[:2] + y2)}), True


def matches(stated: Stated, period: str) -> bool:
    """Whether a fact of ``period`` is a reading of the ``stated`` period (see module doc)."""
    years, is_range = years_of(period)
    if not years:
        return False
    if not stated.is_range:
        return bool(stated.years & years)
    if is_range:
        return years == stated.years
    return bool(years & stated.years)


def stated_of(year_mention) -> Stated:
    """The period a ``year`` mention states."""
    ys = {int(year_mention.value or 0)}
    if "y2" in year_mention.extra:
        ys.add(int(year_mention.extra["y2"]))
    return Stated(frozenset(ys), len(ys) > 1)


def assign(text: str, mentions: list, sentences: list[tuple[int, int]]) -> None:
    """Set ``period`` on every figure mention (a tuple of the periods it may be for):

    * the year written right next to it ("58% in 2021-22", "2021-22: 58%"), or the only year
      its sentence names;
    * any year the sentence names, when it names several and none sits next to the figure
      ("Between 2016-17 and 2022-23 it went down from 24.6 to 18.6");
    * ``PREVIOUS`` when the sentence names none but says "the year before";
    * None otherwise (the latest period).
    """
    years: dict[int, list] = {}
    for m in mentions:
        if m.kind == "year":
            years.setdefault(m.sentence, []).append(m)
    for m in mentions:
        if m.kind in ("year", "causal"):
            continue
        s0, s1 = sentences[m.sentence] if m.sentence < len(sentences) else (0, len(text))
        relative = [r for r in PREVIOUS_RE.finditer(text, s0, s1) if _adjacent(text, m, r.span())]
        if relative:  # "66.8% the year before", even in a sentence that names the latest year
            m.period = PREVIOUS
            continue
        near = years.get(m.sentence)
        if near:
            best = min(near, key=lambda y: (_gap(m, y), y.start > m.start))
            if len(near) == 1 or _adjacent(text, m, (best.start, best.end)):
                m.period = (stated_of(best),)
            else:
                m.period = tuple(stated_of(y) for y in near)
            continue
        if PREVIOUS_RE.search(text, s0, s1):
            m.period = PREVIOUS


_NEXT_TO_RE = re.compile(
    r"\s*[(,:]?\s*(?:(?:it|this|that|the\s+figure)\s+)?(?:(?:was|were|is|stood\s+at|had\s+been)\s+)?"
    r"(?:(?:in|for|during|of)\s+)?(?:the\s+)?(?:year\s+)?\(?\s*",
    re.IGNORECASE,
)


def _adjacent(text: str, m, span: tuple[int, int]) -> bool:
    """Whether only a preposition, a comma, a bracket or "it was" separates the figure from a
    period written at ``span``."""
    a, b = span
    gap = text[m.end : a] if a >= m.end else text[b : m.start]
    return len(gap) <= 24 and _NEXT_TO_RE.fullmatch(gap) is not None


def _gap(m, y) -> int:
    return y.start - m.end if y.start >= m.end else m.start - y.end
