"""Periods a text states, and which figures they scope.

A figure is about the period named nearest to it in its sentence ("58% in 2021-22", "In
2023-24, about 64 in every 100 ..."); a sentence that names no period but says "the year before",
"last year", "a year earlier" or "the previous survey" is about the period before the latest; a
figure with neither is about the latest period (or a trend's span, for a trend's end points).

Matching a stated period with a fact's period: a single year ("in 2024") matches every period
that includes it (2023-24, 2024, 2024-25: people write the calendar year a financial or survey
year ends or starts in); a range ("2023-24", "2023/24", "2023 to 2024") matches that range, or a
calendar-year period equal to one of its years.

>>> a_year, a_range = Stated(frozenset({2024}), False), Stated(frozenset({2023, 2024}), True)
>>> matches(a_year, "2023-24"), matches(a_range, "2024-25")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from narrator.verify import lexicon as L
from narrator.verify.spans import figure_list


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


def chronological(periods: Iterable[str]) -> list[str]:
    """Period labels in time order ("2015-16" before "2016-17", "2024" after "2023-24")."""
    return sorted(periods, key=lambda p: sorted(years_of(p)[0]))


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


@dataclass(frozen=True, slots=True)
class Previous:
    """ "the year before": the period before ``anchor`` (a stated period), or before the
    latest when there is none."""

    anchor: Stated | None = None
    back: int = 1  # "two years earlier": 2
    surveys: bool = False  # "two surveys earlier": counted in readings, not calendar years


@dataclass(frozen=True, slots=True)
class Earlier:
    """The figure a change starts from, with no period of its own ("up from 63.6%"): any period
    before ``anchor`` (the sentence's opening period) or before the latest; precision first,
    since a text may start a change from any earlier reading."""

    anchor: Stated | None = None


@dataclass(frozen=True, slots=True)
class Later:
    """A figure said to come after another ("68.9% in 2019-20 and then 65.9%"): any period
    after ``anchor``."""

    anchor: Stated


@dataclass(frozen=True, slots=True)
class Next:
    """ "a year later", "the following survey": the period after ``anchor`` (the period stated
    before it in its sentence)."""

    anchor: Stated


@dataclass(frozen=True, slots=True)
class Between:
    """Figures listed against a run of periods ("69.1%, 69.2% and 69.3% between 2021-22 and
    2023-24", "between 57.6% and 58.6% in the three surveys from 2016-17"): any period from
    ``since`` to ``until`` (0: the latest)."""

    since: int
    until: int = 0


@dataclass(frozen=True, slots=True)
class LatestIfHeld:
    """The latest period, loosely, for a figure whose own statement names ``stated`` before
    it ("in the 2024-25 carers' survey, only 50.4% ..."): only when its series has a reading
    of ``stated`` (the year may then be another statement's); a period the series never had,
    said right before the figure, is the figure's own."""

    stated: Stated


#: a figure may also be for the latest period (a loose binding, see :func:`assign`)
LATEST = "latest"


def assign(text: str, mentions: list, sentences: list[tuple[int, int]]) -> None:
    """Set ``period`` on every figure mention: the periods it may be for.

    * a year written right next to the figure ("58% in 2021-22", "2021-22: 58%") binds it, and
      so does a year that ends its statement ("49.3% of carers found it easy in 2021-22");
    * "66.8% the year before" binds it to the period before the sentence's opening period
      (or before the latest), "64.1% a year later" to the one after the period stated before
      it, and "up from 63.6%" (no year beside it) to any earlier one;
    * a period opening the sentence ("In 2022-23, ...") scopes every other figure in its first
      clause, and loosely (that period or the latest) the figures after a clause break;
    * a year elsewhere in the sentence binds loosely: that year or the latest period; when it
      opens the figure's own statement ("in the 2024-25 carers' survey, only 50.4% ..."), the
      latest only for a series with a reading of that year (:class:`LatestIfHeld`);
    * a sentence naming no year follows the text's opening period loosely, or says nothing
      (the latest period).
    """
    years: dict[int, list] = {}
    for m in mentions:
        if m.kind == "year":
            years.setdefault(m.sentence, []).append(m)
    figures: dict[int, list] = {}  # by sentence, in text order
    for m in mentions:
        if m.kind not in ("year", "causal"):
            figures.setdefault(m.sentence, []).append(m)
    for listed in figures.values():
        listed.sort(key=lambda f: f.start)
    text_scope = _opening(text, sentences[0], years.get(0, [])) if sentences else ()
    scanned: dict[int, tuple] = {}  # per sentence: its opening period and relative-period words
    for m in mentions:
        if m.kind in ("year", "causal"):
            continue
        s0, s1 = sentences[m.sentence] if m.sentence < len(sentences) else (0, len(text))
        near = years.get(m.sentence, [])
        if m.sentence not in scanned:
            scanned[m.sentence] = (
                _opening(text, (s0, s1), near),
                list(L.TWO_BACK_RE.finditer(text, s0, s1)),
                list(L.PREVIOUS_RE.finditer(text, s0, s1)),
                list(L.LAST_YEAR_RE.finditer(text, s0, s1)),
                list(L.FOLLOWING_RE.finditer(text, s0, s1)),
            )
        opening, two_back, previous, last_year, following = scanned[m.sentence]
        anchor = opening[0] if len(opening) == 1 else None
        # "the year before" follows on from the period stated last before it ("68.8% in 2023-24
        # and 69.5% the year before": 2022-23); "last year" and "a year ago" count back from now
        stated_before = [y for y in near if y.end <= m.start]
        then = stated_of(stated_before[-1]) if stated_before else anchor
        two = [r for r in two_back if _adjacent(text, m, r.span())]
        if two:  # "58.6% two years earlier"
            said = two[0][0]
            anchor = None if L.DEICTIC_RE.match(said) else then
            m.period = Previous(anchor, back=2, surveys="survey" in said.lower())
            continue
        if L.LATEST_AFTER_RE.match(text, m.end) or (
            not near and L.LATEST_OPENING_RE.match(text, s0)
        ):  # "46.0% in the most recent survey", "In the latest figures, 71.0% ..."
            m.period = (LATEST,)
            continue
        if then is not None and any(
            r.start() >= m.end and _adjacent(text, m, r.span()) for r in following
        ):  # "64.1% a year later": the period after the one stated before it
            m.period = Next(then)
            continue
        opening_next = L.FOLLOWING_OPENING_RE.match(text, s0)
        if opening_next is not None and not stated_before and m.start >= opening_next.end():
            # "A year later it jumped to 68.9 in every 100": after the last period the
            # sentence before stated
            before = years.get(m.sentence - 1, [])
            if before:
                m.period = Next(stated_of(before[-1]))
                continue
        relative = [r for r in previous if _adjacent(text, m, r.span())]
        if relative:  # "66.8% the year before", even in a sentence that names the latest year
            m.period = Previous(None if L.DEICTIC_RE.match(relative[0][0]) else then)
            continue
        if any(_adjacent(text, m, r.span()) for r in last_year):
            # "32.9% last year" is the latest year to some writers, the one before to others
            m.period = (LATEST, Previous())
            continue
        span = _change_span(text, m, near, s1)
        if span is not None:  # "from 90.2% to 87.0% between 2023-24 and 2024-25"
            m.period = span
            continue
        run = _listed_run(text, m, figures.get(m.sentence, ()), s1)
        if run is not None:  # "69.1%, 69.2% and 69.3% between 2021-22 and 2023-24"
            m.period = run
            continue
        beside = [y for y in near if _adjacent(text, m, (y.start, y.end))]
        if not beside and stated_before and L.THEN_FIGURE_RE.search(text, s0, m.start):
            m.period = Later(stated_of(stated_before[-1]))  # "... and then 65.9%"
            continue
        trailing = _trailing(text, m, near, figures.get(m.sentence, ()))
        if not beside and L.FROM_FIGURE_RE.search(text, max(s0, m.start - 70), m.start):
            # "up from 63.6%": where the change started, before the period it ends in ("fell
            # from 22.1% to 20.7% in 2024-25") or before the sentence's opening period
            end = _change_end(text, m, near)
            m.period = Earlier(stated_of(end) if end is not None else anchor)
            continue
        if beside:
            # "58% in 2021-22" binds closer than a list's comma before it ("24.2% in 2021-22,
            # 28.5% in 2018-19": 28.5% is 2018-19's)
            best = min(
                beside, key=lambda y: (not _in_after(text, m, y), _gap(m, y), y.start > m.start)
            )
            m.period = (stated_of(best),)
        elif trailing is not None:
            m.period = (stated_of(trailing),)
        elif opening and L.OPENING_BREAK_RE.search(text, near[0].end, m.start):
            m.period = (*opening, LATEST)  # a later clause may be about another period
        elif opening:
            m.period = opening
        elif near and _same_statement(text, m, stated_before):
            # "in the 2024-25 carers' survey, only 50.4% found it easy": the period said before
            # the figure in its own statement, with no break between them; loosely the latest
            # too, but only for a series that has a reading of that period
            said = stated_of(stated_before[-1])
            m.period = (*(stated_of(y) for y in near), LatestIfHeld(said))
        elif near:
            m.period = (*(stated_of(y) for y in near), LATEST)
        elif text_scope:
            m.period = (*text_scope, LATEST)


def _same_statement(text: str, m, stated_before: list) -> bool:
    """Whether the last period stated before figure ``m`` in its sentence opens the statement
    ``m`` is in: no statement break (L.TRAILING_BREAK_RE), other figure or joining word
    between them."""
    if not stated_before:
        return False
    y = stated_before[-1]
    gap = text[y.end : m.start]
    # (not the end of a move from that year: "from £183.7 million in 2019-20 to £137.8 million")
    # (nor a year set off by a comma, "Carer support type: In 2023-24, ...": it frames the
    # sentence, loosely, as an opening period does)
    return (
        L.TRAILING_BREAK_RE.search(gap) is None
        and not L.MOVE_GAP_RE.search(gap)
        and not gap.lstrip().startswith(",")
    )


def _listed_run(text: str, m, figures: list, s1: int) -> Between | None:
    """The run of periods a list or range of figures is said against, when the words right
    after the list name one: "(69.1%, 69.2% and 69.3% between 2021-22 and 2023-24)", "between
    57.6% and 58.6% in the three surveys from 2016-17", "fluctuated between about 28% and 32%
    from 2016-17 onwards". ``figures``: the sentence's, in text order (see :func:`assign`)."""
    listed = figure_list(text, figures, m)
    if len(listed) < 2:
        return None  # one figure: its own year binds it
    run = L.RUN_OF_PERIODS_RE.match(text, listed[-1].end, s1)
    if run is None:
        return None
    since = max(years_of(run["since"] or run["since2"])[0])
    until = max(years_of(run["until"])[0]) if run["until"] else 0
    return Between(since, until)


def _change_end(text: str, m, years: list):
    """The year a change ends in, for its first figure ``m``: "fell from 22.1% to 20.7% in
    2024-25" (the year right after "to <figure> in")."""
    for y in sorted(years, key=lambda y: y.start):
        if y.start > m.end and L.TO_FIGURE_IN_RE.fullmatch(text, m.end, y.start):
            return y
    return None


def _change_span(text: str, m, years: list, s1: int):
    """The periods of a change's two figures when the periods follow them both: "from 90.2% to
    87.0% between 2023-24 and 2024-25" (the first figure is the first period's, the second the
    second's)."""
    if L.CHANGE_PERIODS_ANY_RE.search(text, m.end, s1) is None:
        return None  # no two periods after the figure: most figures
    if L.FROM_FIGURE_RE.search(text, max(0, m.start - 70), m.start):
        to = L.TO_FIGURE_RE.match(text, m.end, s1)  # m is the first figure: skip the second
        after, first = (to.end(), True) if to else (None, True)
    elif L.FROM_FIGURE_TO_RE.search(text, max(0, m.start - 40), m.start):
        after, first = m.end, False
    else:
        return None
    both = L.CHANGE_PERIODS_RE.match(text, after, s1) if after is not None else None
    if both is None:
        return None
    group = "y1" if first else "y2"
    found = next((y for y in years if (y.start, y.end) == both.span(group)), None)
    return (stated_of(found),) if found is not None else None


def _trailing(text: str, m, years: list, figures: list):
    """The year that ends the statement of a figure ("49.3% of carers found it easy in
    2021-22"): the first year after it in its sentence with no other figure and no clause
    break in between."""
    after = [y for y in years if y.start >= m.end]
    if not after:
        return None
    y = min(after, key=lambda y: y.start)
    if y.start - m.end > 90 or L.TRAILING_BREAK_RE.search(text, m.end, y.start):
        return None
    if any(f is not m and f.sentence == m.sentence and m.end <= f.start < y.start for f in figures):
        return None
    return y


def _opening(text: str, sentence: tuple[int, int], years: list) -> tuple[Stated, ...]:
    """The period(s) a sentence opens with ("In 2022-23, ...", "Between 2016-17 and 2022-23")."""
    s0, _s1 = sentence
    if not years or not L.OPENING_RE.fullmatch(text[s0 : years[0].start]):
        return ()
    if text[s0 : years[0].start].strip().lower().startswith(("between", "from")) and len(years) > 1:
        return (stated_of(years[0]), stated_of(years[1]))
    return (stated_of(years[0]),)


def _adjacent(text: str, m, span: tuple[int, int]) -> bool:
    """Whether only a preposition, a bracket or "it was" separates the figure from a period
    written at ``span``."""
    a, b = span
    if a >= m.end:
        gap, pattern = text[m.end : a], L.FIGURE_THEN_YEAR_RE
    else:
        gap, pattern = text[b : m.start], L.YEAR_THEN_FIGURE_RE
    return len(gap) <= 24 and pattern.fullmatch(gap) is not None


def _in_after(text: str, m, y) -> bool:
    """Whether the year follows the figure as "in <year>" or "for <year>"."""
    return y.start >= m.end and _IN_AFTER_RE.fullmatch(text, m.end, y.start) is not None


_IN_AFTER_RE = re.compile(r"\s+(?:in|for|during)\s+(?:the\s+)?", re.IGNORECASE)


def _gap(m, y) -> int:
    return y.start - m.end if y.start >= m.end else m.start - y.end
