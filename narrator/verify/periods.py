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
    """Set ``period`` on every figure mention: the nearest year named in its sentence (ties go
    to the one before it), else ``PREVIOUS`` when the sentence says "the year before", else
    None."""
    years: dict[int, list] = {}
    for m in mentions:
        if m.kind == "year":
            years.setdefault(m.sentence, []).append(m)
    for m in mentions:
        if m.kind in ("year", "causal"):
            continue
        near = years.get(m.sentence)
        if near:
            best = min(near, key=lambda y: (_gap(m, y), y.start > m.start))
            m.period = stated_of(best)
            continue
        if m.sentence < len(sentences):
            s0, s1 = sentences[m.sentence]
            if PREVIOUS_RE.search(text, s0, s1):
                m.period = PREVIOUS


def _gap(m, y) -> int:
    return y.start - m.end if y.start >= m.end else m.start - y.end
