"""Checks of comparative claims: direction, trend, rank/extremes, ratios, fractions, years, causes.

``levels`` is a list of candidate focus sets, most specific first (measures of the numbers in
the sentence, then its words, then the previous sentence's); a check uses the first level that
selects any fact of the right kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from narrator.factrules import direction_of, trend_direction
from narrator.models import Claim, Fact
from narrator.text import fmt_num
from narrator.verify import lexicon as L
from narrator.verify import patterns as P
from narrator.verify.check import Checker
from narrator.verify.extract import Mention
from narrator.verify.index import Key, negative_label, tokens
from narrator.verify.mention import COMPARATORS, PARTIES
from narrator.verify.numbers import (
    HEDGES,
    JUST_OVER_FRACTION,
    fraction_interval,
    hedge_interval,
)
from narrator.verify.periods import (
    LATEST,
    Previous,
    Stated,
    chronological,
    matches,
    years_of,
)

_YEARS = re.compile(r"(?:19|20)\d\d(?:[-/]\d\d)?")
WEAK_LIMIT_PCT = 15.0  # "slightly/a little above": wrong beyond a 15 % gap (clearly not little)
WEAK_LIMIT_POINTS = 8.0  # ... and, for a share, beyond 8 percentage points
#: ... or beyond 5 points that are over 9 % of the figure too ("slightly above London's 67.0%"
#: for 73.6%; 5-6 points on a share near 80 % may still be called slight)
WEAK_SHARE_POINTS = 5.0
WEAK_SHARE_PCT = 9.0
STRONG_MIN_PCT = 5.0  # "much/far/well above" is wrong only for a gap under 5 % (clearly small)
#: ... or, for a share, a gap under two percentage points that is small in per cent too (25.1%
#: against 23.7%, 6.07% against 5.7%; not 0% against 0.2%, small in points, large in per cent;
#: on dev, correct "well above" had gaps of 3.3 points or more)
STRONG_MIN_POINTS = 2.0
VERY_STRONG_MIN_PCT = 10.0  # "far/vastly above" is wrong for a gap under 10 % (8% is not far)
VERY_STRONG_MIN_POINTS = 5.0  # ... or, for a share, under 5 points that is under 15 % too
#: a rank said of a total: "the highest total", "the biggest sum in cash terms"
_TOTAL_AFTER = r"\s+(?:totals?\b|(?:sum|amount|budget)\s+in\s+cash)"
SAME_LIMIT_PCT = 5.0  # "about the same as" within 5 % (or the fact says about_same)


def pick(chk: Checker, facts: Iterable[Fact], levels: list[set[Key]]) -> list[Fact]:
    """Facts of the first focus level that has any; ties go to the most recent series."""
    facts = list(facts)
    chosen = facts
    for level in levels:
        hit = [f for f in facts if chk.series(f) in level]
        if hit:
            chosen = hit
            break
    ends = {f.id: chk.ix.series_end.get(chk.series(f), 0) for f in chosen}
    latest = max(ends.values(), default=0)
    return [f for f in chosen if ends[f.id] == latest]


def direction(
    chk: Checker,
    m: Mention,
    levels: list[set[Key]],
    period: Stated | Previous | None = None,
    clause: str = "",
) -> Claim:
    """ "above England", "lower than the regional figure": the council's figure against the
    comparator's, for the latest period, or for the one period its clause states ("In
    2023-24 Somerset was higher than England too"), from the series' history."""
    comp = m.comparator if m.comparator in COMPARATORS else "england"
    facts = chk.ix.directions_to.get(comp, ())
    if not facts:
        return chk._claim(
            m, "unverifiable", reason=f"the data has no comparison with {chk.name(comp)}"
        )
    if L.DEPRIVED_RE.search(m.text):  # "less deprived than England": a deprivation measure's
        facts = [f for f in facts if f.measure and L.DEPRIVATION_MEASURE_RE.search(f.measure)]
        if not facts:
            return chk._claim(m, "unverifiable", reason="the data has no deprivation comparison")
        levels = [lv for lv in levels if any(chk.series(f) in lv for f in facts)]
    first = None
    chosen = named_parts(chk, pick(chk, facts, levels), clause)
    for f in chosen:  # the first supported reading, else the first one
        claim = _direction_one(chk, m, f, _values_at(chk, f, period))
        if claim.status == "supported":
            return claim
        first = first or claim
    return first  # type: ignore[return-value]


def direction_each(
    chk: Checker,
    m: Mention,
    claim: Claim,
    places: list[set[Key]],
    period: Stated | Previous | None = None,
    clause: str = "",
) -> Claim:
    """A comparison said of several measures at once ("both above England", "beat England on
    all three measures") holds only if it holds for each: ``places`` are the series each
    measure may be (:func:`binding.each_named`); the first measure it does not hold for
    contradicts it. A measure with no comparison in the data is left out."""
    if claim.status != "supported" or len(places) < 2:
        return claim
    comp = m.comparator if m.comparator in COMPARATORS else "england"
    compared = {chk.series(f) for f in chk.ix.directions_to.get(comp, ())}
    for place in places:
        if not place & compared:
            continue
        one = direction(chk, m, [place & compared], period, clause)
        if one.status == "contradicted":
            return one.model_copy(update={"reason": f"said of each of {len(places)}: {one.reason}"})
    return claim


def named_parts(chk: Checker, facts: list[Fact], clause: str) -> list[Fact]:
    """A part of a measure (a breakdown: "nursing", "direct payment only") is meant only when
    its words are in the clause: "long-term support for working-age adults is higher than
    England" is about the measure's total, not one of its parts. Parts stay when the measure
    has no total among ``facts``, or when no clause is given."""
    if not clause:
        return facts
    said = tokens(clause)
    totals = {(f.measure, f.unit, f.denominator) for f in facts if not f.breakdown}
    return [
        f
        for f in facts
        if not f.breakdown
        or (f.measure, f.unit, f.denominator) not in totals
        or tokens(f.breakdown) & said
    ]


def opposite(m: Mention, f: Fact | None) -> bool:
    """Whether the words around ``m`` name the opposite of ``f``'s measure ("less isolated
    than England" for carers with as much social contact as they want; ``data/polarity.yaml``),
    so that its direction reads the other way."""
    words = str((f.detail.get("opposite") if f is not None else "") or "")
    around = str(m.extra.get("around") or "")
    return bool(words and around) and any(
        re.search(rf"\b{re.escape(w)}", around, re.IGNORECASE) for w in words.split("|")
    )


_FLIP = {
    "above": "below",
    "below": "above",
    "up": "down",
    "down": "up",
    "high": "low",
    "low": "high",
}


def _values_at(
    chk: Checker, f: Fact, period: Stated | Previous | None
) -> tuple[float, float, str] | None:
    """The council's and the comparator's values of ``f``'s series in the stated ``period``
    (or the one before the latest), when that is not ``f``'s own (latest) period and the data
    has both."""
    if period is None or (isinstance(period, Stated) and f.period and matches(period, f.period)):
        return None
    key = chk.series(f)
    own = chk.ix.subject_values.get(key, {})
    other = chk.ix.comparator_values.get((key, f.comparator), {})
    hit = [p for p in own if p in other and chk.period_fits((period,), key, p, False)]
    return (own[hit[0]], other[hit[0]], hit[0]) if hit else None


def _direction_one(
    chk: Checker, m: Mention, f: Fact, at: tuple[float, float, str] | None = None
) -> Claim:
    sv, cv = f.detail.get("subject_value"), f.detail.get("comparator_value")
    actual = f.direction or ""
    if at is not None:  # an earlier period the clause states
        sv, cv = at[0], at[1]
        actual = direction_of(float(sv), float(cv))
    rel = abs(float(sv) - float(cv)) / abs(float(cv)) * 100 if sv is not None and cv else 0.0
    claimed = m.direction
    if opposite(m, f):  # "less isolated than England": a higher share with enough contact
        claimed = _FLIP.get(claimed, claimed)
    if L.DEPRIVED_RE.search(m.text) and L.DECILE_RE.search(f.measure):
        claimed = _FLIP.get(claimed, claimed)  # decile 1 is the most deprived tenth
    subj, comp = chk.name("subject"), chk.name(f.comparator)
    word = {"above": "above", "below": "below", "about_same": "about the same as"}
    truth = (
        f"{subj} ({fmt_num(float(sv))}) is {word.get(actual, actual)} {comp} ({fmt_num(float(cv))})"
        if sv is not None and cv is not None
        else f.text_hint
    )
    if at is not None:
        truth = f"in {at[2]}, {truth}"
    if claimed in ("better", "worse"):  # "better than England": which way is better?
        better = f.detail.get("better")
        if better not in ("higher", "lower"):
            return chk._claim(
                m, "unverifiable", f, reason="the data does not say whether higher is better here"
            )
        claimed = "above" if (claimed == "better") == (better == "higher") else "below"
        truth += f" ({better} is better)"
    ok = claimed == actual
    if not ok and actual == "about_same" and sv is not None and cv is not None:
        # a gap too small to call a difference still has a side; equal figures have none
        ok = (
            float(sv) > float(cv)
            if claimed == "above"
            else claimed == "below" and float(sv) < float(cv)
        )
    if not ok and claimed == "about_same":
        ok = rel <= SAME_LIMIT_PCT
    reason = truth
    if ok and sv is not None and cv is not None:
        wrong = gap_strength_wrong(m.modifier, float(sv), float(cv), f.unit == "percent")
        if wrong:
            ok, reason = False, f"{truth}: {wrong}"
    return chk._claim(m, "supported" if ok else "contradicted", f, expected=truth, reason=reason)


def gap_strength_wrong(modifier: str, sv: float, cv: float, share: bool) -> str:
    """Why a strength word is clearly wrong for the gap between ``sv`` and ``cv`` ("" when it
    is not): "slightly above" beyond ``WEAK_LIMIT_PCT`` (a share also beyond
    ``WEAK_LIMIT_POINTS``, or ``WEAK_SHARE_POINTS`` that are over ``WEAK_SHARE_PCT``), "well
    above" under ``STRONG_MIN_PCT`` (a share also under ``STRONG_MIN_POINTS``), "far above"
    under ``VERY_STRONG_MIN_PCT`` (a share also under ``VERY_STRONG_MIN_POINTS``)."""
    rel = abs(sv - cv) / abs(cv) * 100 if cv else 0.0
    points = abs(sv - cv)
    if modifier in P.WEAK_MODS and (
        rel > WEAK_LIMIT_PCT
        or (share and points > WEAK_LIMIT_POINTS)
        or (share and points > WEAK_SHARE_POINTS and rel > WEAK_SHARE_PCT)
    ):
        gap = f"{fmt_num(points)}-point" if share else f"{fmt_num(rel)}%"
        return f"a {gap} gap is not 'slight'"
    if modifier in P.STRONG_MODS and (
        rel < STRONG_MIN_PCT
        or (modifier in P.VERY_STRONG_MODS and rel < VERY_STRONG_MIN_PCT)
        or (share and points < STRONG_MIN_POINTS and rel <= WEAK_LIMIT_PCT)
        or (
            modifier in P.VERY_STRONG_MODS
            and share
            and points < VERY_STRONG_MIN_POINTS
            and rel <= WEAK_LIMIT_PCT
        )
    ):
        gap = f"{fmt_num(points)}-point" if share and rel >= STRONG_MIN_PCT else f"{fmt_num(rel)}%"
        return f"a {gap} gap is small, not '{modifier}'"
    return ""


def gap_move(
    chk: Checker, m: Mention, levels: list[set[Key]], comparator: str, sentence: str
) -> Claim:
    """ "The gap with England has widened (since 2021-22)": the distance between the council's
    figure and the comparator's, at the latest period both have, against the earliest period
    the sentence names or else the one before the latest, for the series the sentence (or the
    one before) names."""
    years = _YEARS.findall(sentence)
    for level in levels:
        for key in sorted(level):
            own = chk.ix.subject_values.get(key, {})
            other = chk.ix.comparator_values.get((key, comparator), {})
            order = chronological(set(own) & set(other))
            if len(order) < 2:
                continue
            # from the earliest period the sentence names ("In 2022-23 the borough was 1.6
            # points below; by 2024-25 the gap had widened"), else the one before the latest
            named = [p for p in order[:-1] if any(matches(Stated(*years_of(y)), p) for y in years)]
            start, end = (named[0] if named else order[-2]), order[-1]
            before, after = abs(own[start] - other[start]), abs(own[end] - other[end])
            wider = after > before
            fact = next((f for f in chk.ix.values if chk.series(f) == key), None)
            truth = (
                f"the gap to {chk.name(comparator)} went from {fmt_num(before)} in {start} to "
                f"{fmt_num(after)} in {end}"
            )
            same = abs(after - before) <= SAME_LIMIT_PCT / 100 * max(before, after, 1e-9)
            ok = not same and wider == (m.direction == "wider")
            return chk._claim(
                m,
                "supported" if ok else "contradicted" if not same else "unverifiable",
                fact,
                expected=truth,
                reason=truth if not same else f"{truth}: about the same",
            )
    return chk._claim(
        m, "unverifiable", reason="the data has no two periods of this gap to compare"
    )


def direction_streak(
    chk: Checker, m: Mention, claim: Claim, streak: Streak, span: tuple[int, int], text: str
) -> Claim:
    """ "above England for the third year running", "below the regional figure every year since
    2019-20": the comparison of ``claim`` (a direction claim on ``m``) held in each of the last
    N periods with both figures, or in every one since the named period. The claim covers the
    streak's words (``span`` in ``text``)."""
    m = m.model_copy_plain()
    m.start, m.end = span
    m.text = text[span[0] : span[1]]
    f = chk.fact_of(claim)
    if f is None:
        return chk._claim(m, "unverifiable", reason="the comparison it extends was not found")
    key = chk.series(f)
    own = chk.ix.subject_values.get(key, {})
    other = chk.ix.comparator_values.get((key, f.comparator), {})
    order = chronological(set(own) & set(other))
    claimed = m.direction
    if claimed in ("better", "worse"):
        better = f.detail.get("better")
        if better not in ("higher", "lower"):
            return chk._claim(
                m, "unverifiable", f, reason="the data does not say whether higher is better here"
            )
        claimed = "above" if (claimed == "better") == (better == "higher") else "below"
    if claimed not in ("above", "below"):
        return chk._claim(
            m, "unverifiable", f, reason="a streak of 'about the same' is not checked"
        )

    def held(p: str) -> bool:
        return (own[p] > other[p]) if claimed == "above" else (own[p] < other[p])

    comp = chk.name(f.comparator)
    if streak.first:  # "the first time since 2019-20 that it was above the North West"
        status, shown_periods = streak.first_since(order, held)
        shown = "; ".join(
            f"{p}: {fmt_num(own[p])} against {fmt_num(other[p])}" for p in shown_periods
        )
        why = f"{chk.name('subject')} against {comp}, {shown}"
        if status == "unverifiable":
            why = f"the data has no comparison for {streak.since} and a later period"
        return chk._claim(m, status, f, expected=shown, reason=why)
    if streak.since or streak.until or streak.whole:
        order, problem = streak.run(order)
    else:  # "above England for the third year running": in each of the last N periods
        order, problem = order[-streak.n :], "" if len(order) >= streak.n else "uncovered"
    if problem or len(order) < 2:
        return chk._claim(
            m, "unverifiable", f, reason="the data has too few periods with both figures"
        )
    shown = "; ".join(f"{p}: {fmt_num(own[p])} against {fmt_num(other[p])}" for p in order)
    truth = f"{chk.name('subject')} against {comp}, {shown}"
    return chk._claim(
        m, "supported" if all(map(held, order)) else "contradicted", f, expected=shown, reason=truth
    )


def trend(
    chk: Checker,
    m: Mention,
    levels: list[set[Key]],
    sentence: str = "",
    stated: Sequence[Claim] = (),
    clause: str = "",
    clause_start: int = 0,
    recent: bool = False,
    streak: Streak | None = None,
    sizes: Collection[int] = (),
) -> Claim:
    """A change over time. When the clause states the council's figures for two periods
    ("rose to 68.1% in 2024-25 from 64.9% in 2023-24", "down from 62.5% in 2023-24") the
    change between those is judged; else the change between the periods the sentence names;
    else the series' whole trend. "Improved" and "got worse" go the way the measure's
    polarity says (unverifiable for a measure with no better way). ``streak``: the run the
    clause claims (read from it when not given)."""
    if streak is None:
        streak = streak_in(clause)
    named = pick(chk, chk.ix.trends, levels) if chk.ix.trends else []
    if named and m.direction in _FLIP and opposite(m, named[0]):
        m = m.model_copy_plain()  # "loneliness is growing": the share with contact is falling
        m.direction = _FLIP[m.direction]
    if m.direction in ("better", "worse"):
        chosen = named
        better = next((f.detail.get("better") for f in chosen if f.detail.get("better")), None)
        if better not in ("higher", "lower"):
            return chk._claim(
                m, "unverifiable", reason="the data does not say whether higher is better here"
            )
        m = m.model_copy_plain()
        m.direction = "up" if (m.direction == "better") == (better == "higher") else "down"
    if m.direction and m.comparator not in COMPARATORS and not streak:
        # "fell to 20.7% in 2020-21": its one figure is where the move ended (the move's size
        # in points, at ``sizes``, is not a level it moved between: "went up by 3.6 points to
        # 59.4%")
        levels_said = [c for c in stated if c.start not in sizes]
        after = [c for c in levels_said if c.start >= m.end]
        moved_to = (
            len(levels_said) == 1
            and bool(after)
            and L.MOVED_TO_GAP_RE.fullmatch(
                clause[m.end - clause_start : after[0].start - clause_start]
            )
            is not None
        )
        between = _stated_change(chk, m, levels_said, moved_to)
        if between is not None:
            return between
    said = set(_stated_points(chk, stated))
    if said:  # "while the share finding information rose to 70.9%": the clause's own measure
        levels = [said, *levels]
    facts = chk.ix.trends
    years = set(_YEARS.findall(clause or sentence))
    if years and facts:  # "between 2016-17 and 2022-23 it went up": the series with those ends
        # (or the clause's own figures': "down from 71.2% in 2023-24, the first fall since
        # 2021-22")
        dated = [
            f
            for f in facts
            if {f.detail.get("first_period"), f.detail.get("last_period")} & years
            or chk.series(f) in said
        ]
        facts = dated or facts
    if m.comparator in COMPARATORS and facts:
        # "up from 90.9% a year earlier, above England": the council's trend, precision first
        own = trend(
            chk, _as_subject(m), levels, sentence, stated, clause, clause_start, recent, streak,
            sizes,
        )  # fmt: skip
        if own.status == "supported":
            return own
        return chk._claim(
            m, "unverifiable", reason=f"the data has no trend for {chk.name(m.comparator)}"
        )
    if not facts:
        return chk._claim(
            m,
            "unverifiable",
            reason="invented trend: the data has only one period here, so it cannot show "
            "change over time",
        )
    own = chk.focus(sentence) if sentence else set()
    if own and not any(chk.series(f) in own | said for f in facts):
        # the sentence names a measure that has no trend: never borrow another measure's
        return chk._claim(
            m,
            "unverifiable",
            reason="invented trend: the data has no change over time for "
            "the measure this sentence names",
        )
    chosen = named_parts(chk, pick(chk, facts, levels), clause)
    if not m.direction:
        return chk._claim(m, "supported", chosen[0], reason=chosen[0].text_hint)
    if streak:  # the claim is the streak's own words ("the third rise"); the caller checks the
        # trend word itself ("rose to 72.5%") on the clause without them
        where = streak.span
        m = m.model_copy_plain()
        m.start, m.end = clause_start + where[0], clause_start + where[1]
        m.text = clause[where[0] : where[1]]
    elif (into := _into_year(clause, m.end - clause_start, years)) is not None:
        # "improved in 2023-24": the change into that period, from the one before it
        moved = _into_trend(chk, m, chosen, into)
        if moved is not None:
            return moved
    elif years and not recent and _trend_reading(m, clause or sentence) != "latest":
        # "fell to 59.0% in 2024-25": the latest change, whatever other years the clause names
        spanned = _span_trend(chk, m, chosen, years)
        if spanned is not None:
            return spanned
    first = None
    for f in chosen:
        steps = _steps(chk, f)
        if streak.first:  # "the first fall since 2018-19"
            value = {p: v for _d, p, v in steps}
            way = streak.direction or m.direction
            # any change counts here (not the 2 % "about the same" rule of the facts' wording)
            moved = {
                q: (b > a) if way == "up" else (b < a)
                for (_d, _p, a), (_e, q, b) in zip(steps, steps[1:], strict=False)
            }
            status, shown_periods = streak.first_since(list(value), moved.get)
            shown = ", ".join(f"{fmt_num(value[p])} in {p}" for p in shown_periods)
            reason = f"the changes since {streak.since}: {shown}"
            if status == "unverifiable":
                reason = f"the series has no change after {streak.since}"
            claim = chk._claim(m, status, f, expected=shown, reason=reason)
            ok = status == "supported"
        elif streak:  # "three years running": each change of the run goes that way
            value = {p: v for _d, p, v in steps}
            periods, problem = streak.run(list(value))
            way = streak.direction or m.direction  # "a rise that ended two falls in a row"
            ok = not problem and all(
                (value[q] > value[p]) if way == "up" else (value[q] < value[p])
                for p, q in zip(periods, periods[1:], strict=False)
            )
            shown = ", ".join(f"{fmt_num(value[p])} in {p}" for p in periods or value)
            if problem == "uncovered":
                status = "unverifiable"
                span = f"{steps[0][1]} to {steps[-1][1]}"
                reason = f"the series ({span}) cannot show {streak.words()}"
            else:
                status = "supported" if ok else "contradicted"
                reason = f"{streak.words()}: {shown}"
                if problem == "short":
                    reason = f"{reason}: fewer changes than the {streak.n} claimed"
            claim = chk._claim(m, status, f, expected=shown, reason=reason)
        else:  # the whole series, or (precision first) its latest change: "fell to 60.4%"
            pct = abs(float(f.detail.get("change_pct") or 0.0))
            ok = f.direction == m.direction or (m.direction == "flat" and pct <= SAME_LIMIT_PCT)
            reason = f.text_hint
            # a move said with a streak ("rose for a second year running") is about the
            # latest change
            reading = "latest" if recent else _trend_reading(m, clause or sentence)
            if reading == "latest" and len(steps) > 1:
                ok = False  # "down on the previous year", "rose to 68.1%": the latest change
            if (
                not ok
                and reading != "series"
                and len(steps) > 1
                # "fell to 70.9%": any fall is a fall (the 2 % "about the same" rule is how the
                # facts word a change, not a bar for a writer's verb)
                and (steps[-1][0] == m.direction or _moved(steps[-2][2], steps[-1][2], m.direction))
            ):
                (_d, p0, v0), (_d1, p1, v1) = steps[-2], steps[-1]
                ok, reason = (
                    True,
                    f"the latest change: {fmt_num(v0)} in {p0} to {fmt_num(v1)} in {p1}",
                )
                size = _size_wrong(m, v0, v1, f.unit == "percent")
                if size:
                    ok, reason = False, f"{reason}: {size}"
            elif not ok and reading == "latest" and len(steps) > 1:
                (_d, p0, v0), (_d1, p1, v1) = steps[-2], steps[-1]
                reason = f"not {m.direction}: the latest change was {fmt_num(v0)} in {p0} to "
                reason += f"{fmt_num(v1)} in {p1}"
            claim = chk._claim(m, "supported" if ok else "contradicted", f, reason=reason)
        if ok:
            return claim
        first = first or claim
    return first  # type: ignore[return-value]


def _trend_reading(m: Mention, clause: str) -> str:
    """Which change a trend word is about when no periods or figures fix it: "latest" ("rose
    to 68.1%", "down on the previous year"); "either" (precision first: the whole series or the
    latest change) when it says "now" or "recently"; else "series" ("has been rising")."""
    if L.YEAR_ON_YEAR_RE.search(clause) or L.MOVED_TO_RE.search(clause):
        return "latest"
    if L.LONG_RUN_RE.search(clause):
        return "series"
    return "series" if L.RECENT_RE.search(clause) is None else "either"


@dataclass(frozen=True)
class Streak:
    """A run of changes a text claims, and where its words are in the clause: ``n`` changes
    ("three years running", "a second year in a row", "the third consecutive rise"), every
    change from ``since`` ("every year since 2018-19", "in each of the following four years"
    after a stated period), up to ``until`` ("in every year to 2022-23") or the latest."""

    n: int = 0
    span: tuple[int, int] = (0, 0)
    since: str = ""
    until: str = ""
    ended: bool = False  # the run ended before the latest move ("that ended a run of ...")
    direction: str = ""  # the way its own words say it went ("two falls"), if they do
    first: bool = False  # "the first fall since P": true at P and the latest, at none between
    whole: bool = False  # "it has slipped in every survey": every change the series has

    def __bool__(self) -> bool:
        return bool(self.n or self.since or self.until or self.whole)

    def first_since(
        self, periods: Sequence[str], held: Callable[[str], bool | None]
    ) -> tuple[str, list[str]]:
        """ "the first fall since 2018-19", "the first time since 2019-20 that it was above
        England": whether ``held`` (a period's move or comparison; None where the data cannot
        say, as for the change into a series' first period) is true at the latest period and
        at ``since``, and false at every period between. Returns the status and the periods
        from ``since`` on."""
        order = list(periods)
        at = [k for k, p in enumerate(order) if matches(Stated(*years_of(self.since)), p)]
        if not at or at[0] == len(order) - 1:
            return "unverifiable", order
        shown = order[at[0] :]
        start, *between, latest = shown
        ok = held(latest) is True and held(start) is not False
        ok = ok and not any(held(p) for p in between)
        return ("supported" if ok else "contradicted"), shown

    def run(self, periods: Sequence[str]) -> tuple[list[str], str]:
        """The periods (in order, from ``periods``) whose changes the streak is about, and
        what stops the data showing it: "" (it can), "uncovered" (the series starts after
        the run's start, lacks its end, or has fewer periods than the run) or "short" (the
        series goes on past the start but has fewer changes after it than claimed)."""
        order = list(periods)
        end = len(order) - 1
        if self.until:
            hits = [k for k, p in enumerate(order) if matches(Stated(*years_of(self.until)), p)]
            if not hits:
                return [], "uncovered"
            end = hits[-1]
        if self.ended:
            end -= 1
        if self.since:
            first = min(years_of(self.since)[0], default=0)
            starts = [k for k, p in enumerate(order) if min(years_of(p)[0], default=0) >= first]
            if not starts or min(years_of(order[0])[0], default=0) > first:
                return [], "uncovered"  # the series starts after it
            begin = starts[0]
            if self.n and not self.until:
                if begin + self.n > end:
                    return order[begin:], "short"
                end = begin + self.n
        elif self.whole:
            begin = 0
        else:
            begin = end - self.n
            if begin < 0:
                return [], "uncovered"
        picked = order[begin : end + 1]
        return (picked, "") if len(picked) >= 2 else ([], "uncovered")

    def words(self) -> str:
        """How the reason names the run."""
        if self.since and self.until:
            return f"from {self.since} to {self.until}"
        if self.since:
            return f"{self.n} changes from {self.since}" if self.n else f"since {self.since}"
        if self.until:
            return f"the {self.n} changes to {self.until}"
        if self.whole:
            return "every change in the series"
        return f"the last {self.n} changes"


def streak_in(text: str, lead: str = "") -> Streak:
    """The first streak a clause claims, if any (see :func:`streaks_in`)."""
    found = streaks_in(text, lead)
    return found[0] if found else Streak()


def streaks_in(text: str, lead: str = "") -> list[Streak]:
    """The streaks a clause claims, in order (see :class:`Streak`). A run "following" or "to"
    a period starts at the period stated before it in the clause, or in ``lead`` (its sentence
    before the clause: "rose to a peak of 36.9% in 2019-20, then fell in each of the
    following four years")."""

    def stated_before(at: int) -> str:
        years = _YEARS.findall(lead + " " + text[:at])
        return years[-1] if years else ""

    def before_latest(at: int) -> bool:
        # "that ended a run of two falls", "Before that jump, the figure had fallen at every
        # survey since 2016-17"
        return (
            L.RUN_ENDED_RE.search(text, 0, at) is not None
            or L.RUN_BEFORE_RE.search(lead + " " + text[:at]) is not None
        )

    found: list[Streak] = []  # the first reading of any words wins: "first since" first
    for first in L.FIRST_SINCE_RE.finditer(text):
        way = "up" if first.group("up") else "down" if first.group("down") else ""
        found.append(
            Streak(span=first.span(), since=first.group("since"), direction=way, first=True)
        )
    for until in L.EVERY_UNTIL_RE.finditer(text):
        start = until.group("since") or stated_before(until.start())
        found.append(Streak(span=until.span(), since=start, until=until.group("until")))
    for after in L.EVERY_AFTER_THAT_RE.finditer(text):
        start = stated_before(after.start())  # "a peak of 36.1% in 2019-20, then it went
        if start:  # down every year after that"
            found.append(Streak(span=after.span(), since=start))
    for since in L.EVERY_SINCE_RE.finditer(text):
        ended = before_latest(since.start())
        found.append(Streak(span=since.span(), since=since.group("since"), ended=ended))
    for every in L.EVERY_BARE_RE.finditer(text):
        if not text[every.end() :].strip():
            continue  # the clause was cut right after it: "in every year | but one"
        # "has slipped in every survey, from 37.7% in 2016-17 down to 31.4%", "Between 2015-16
        # and 2018-19 it declined in each successive year": every change between the first
        # and last periods its sentence states; with none stated, every change of the series
        years = sorted(
            set(_YEARS.findall(lead + " " + text)),
            key=lambda y: (min(years_of(y)[0], default=0), y),
        )
        found.append(
            Streak(
                span=every.span(),
                since=years[0] if years else "",
                # "every survey since": up to the latest
                until=years[-1] if len(years) > 1 and "since" not in every.group().lower() else "",
                whole=not years,
                ended=before_latest(every.start()),
            )
        )
    for run in (*L.EACH_OF_RE.finditer(text), *L.STREAK_RE.finditer(text)):
        each = "which" in run.re.groupindex
        if not each and not (run.group("run") or L.STREAK_MARK_RE.search(run.group(0))):
            continue
        n = _count(run.group("n"))
        which = run.group("which").lower() if each else ""
        way = "" if each else "up" if run.group("up") else "down" if run.group("down") else ""
        if which in ("following", "next", "subsequent"):
            start = stated_before(run.start())
            if start:
                found.append(Streak(n, run.span(), since=start))
            continue
        # "rose three surveys in a row between 2016-17 and 2019-20": the changes in that range
        between = L.RUN_BETWEEN_RE.match(text, run.end())
        if between is not None:
            found.append(
                Streak(n, run.span(), since=between["since"], until=between["until"], direction=way)
            )
            continue
        # "a run of three rises since the low of 61.5% in 2021-22": n changes from that period
        after = L.RUN_SINCE_RE.match(text, run.end())
        if after is not None:
            found.append(Streak(n, run.span(), since=after.group("since"), direction=way))
            continue
        # "rose three years running to a peak of 37.6% in 2019-20": n changes to that period
        until = L.RUN_UNTIL_RE.match(text, run.end())
        if until is not None:
            found.append(Streak(n, run.span(), until=until.group("until"), direction=way))
            continue
        # "having fallen at each of the previous two surveys"
        # ("after falls in each of the last two years" ends with the latest move)
        ended = (before_latest(run.start()) and which != "last") or which == "previous"
        found.append(Streak(n, run.span(), ended=ended, direction=way))
    kept: list[Streak] = []
    for streak in found:  # the first reading of any words wins
        if all(streak.span[1] <= k.span[0] or k.span[1] <= streak.span[0] for k in kept):
            kept.append(streak)
    return sorted(kept, key=lambda k: k.span)


def _count(word: str) -> int:
    word = word.lower()
    return L.STREAK_WORDS.get(word) or (int(word) if word.isdigit() else 0)


def _steps(chk: Checker, f: Fact) -> list[tuple[str, str, float]]:
    """The council's values of a trend's series in period order, each with the direction of
    the change into it ("" for the first period): (direction, period, value)."""
    values = chk.ix.subject_values.get(chk.series(f), {})
    order = chronological(values)
    out: list[tuple[str, str, float]] = []
    for i, p in enumerate(order):
        d = ""
        if i:
            d = trend_direction(values[order[i - 1]], values[p])
        out.append((d, p, values[p]))
    return out


def _size_wrong(m: Mention, v0: float, v1: float, share: bool = False) -> str:
    """Why a change's stated size is clearly wrong ("" when it is not), by the rule a gap's
    strength word follows (:func:`gap_strength_wrong`: a change is the gap between two
    periods): "rose sharply" for a change under ``STRONG_MIN_PCT`` (a share's also under
    ``STRONG_MIN_POINTS``), "fell slightly" for one of more than ``WEAK_LIMIT_PCT`` (a share's
    also of more than ``WEAK_LIMIT_POINTS``, or ``WEAK_SHARE_POINTS`` that are over
    ``WEAK_SHARE_PCT``)."""
    if m.modifier not in ("much", "slightly") or not v0:
        return ""
    if not gap_strength_wrong(m.modifier, v1, v0, share):
        return ""
    rel = abs(v1 - v0) / abs(v0) * 100
    points = abs(v1 - v0)
    size = f"{fmt_num(points)}-point" if share else f"{fmt_num(rel)}%"
    return f"a {size} change is not a {'big' if m.modifier == 'much' else 'small'} one"


def _moved(v0: float, v1: float, direction: str) -> bool:
    """Whether a change from ``v0`` to ``v1`` between two named periods is what ``direction``
    says: any rise is "up" and any fall "down" (the text names both ends: "fell slightly to
    £58.1m, from £59.0m"); "flat" allows ``SAME_LIMIT_PCT`` either way."""
    if direction == "flat":
        return abs(v1 - v0) <= SAME_LIMIT_PCT / 100 * abs(v0)
    return v1 > v0 if direction == "up" else v1 < v0


def _stated_points(
    chk: Checker, stated: Sequence[Claim]
) -> dict[Key, dict[str, tuple[float, Fact]]]:
    """Series -> period -> (value, fact) of the council's own figures among supported claims."""
    by_series: dict[Key, dict[str, tuple[float, Fact]]] = {}
    for c in stated:
        f = chk.fact_of(c)
        if f is None or c.status != "supported":
            continue
        if f.kind == "trend":  # a trend's end point: which one the stated figure is
            d = f.detail
            ends = [(d.get("first_period"), d.get("first_value")),
                    (d.get("last_period"), d.get("last_value"))]  # fmt: skip
            period, value = min(ends, key=lambda e: abs(float(e[1] or 0) - (c.value or 0)))
            if period and value is not None:
                by_series.setdefault(chk.series(f), {})[str(period)] = (float(value), f)
            continue
        if f.value is None:
            continue
        if (f.kind == "value" or (f.kind == "history" and not f.comparator)) and f.period:
            by_series.setdefault(chk.series(f), {})[f.period] = (f.value, f)
    return by_series


def _as_subject(m: Mention) -> Mention:
    copy = m.model_copy_plain()
    copy.comparator = ""
    return copy


def _stated_change(
    chk: Checker, m: Mention, stated: Sequence[Claim], moved_to: bool = False
) -> Claim | None:
    """The change between the council's own figures the clause states (supported claims
    traced to the council's values of one series for different periods). With one figure:
    "down from 62.5% in 2023-24" runs from it to the latest; "fell to 20.7% in 2020-21"
    (``moved_to``) from the period before it to it."""
    for key, points in _stated_points(chk, stated).items():
        values = chk.ix.subject_values.get(key, {})
        if len(points) == 1 and values and moved_to:
            (only,) = points
            order = chronological(values)
            i = order.index(only) if only in order else -1
            if i > 0:
                points = {**points, order[i - 1]: (values[order[i - 1]], points[only][1])}
        elif len(points) == 1 and values:  # "down from 62.5% in 2023-24": from then to now
            latest = max(values, key=lambda p: sorted(years_of(p)[0]))
            if latest not in points:
                points = {**points, latest: (values[latest], points[next(iter(points))][1])}
        if len(points) < 2:
            continue
        order = chronological(points)
        (v0, f0), (v1, _f1) = points[order[0]], points[order[-1]]
        ok = _moved(v0, v1, m.direction)
        return _change_claim(chk, m, f0, ok, (v0, order[0]), (v1, order[-1]))
    return None


def _change_claim(
    chk: Checker,
    m: Mention,
    fact: Fact,
    ok: bool,
    start: tuple[float, str],
    end: tuple[float, str],
) -> Claim:
    """The verdict on a change from ``start`` to ``end`` (value, period) whose direction was
    judged ``ok``; a direction that holds may still be wrong about the change's size."""
    (v0, p0), (v1, p1) = start, end
    truth = f"{fmt_num(v0)} in {p0} to {fmt_num(v1)} in {p1}"
    reason = ("it changed from " if ok else f"not {m.direction}: it went from ") + truth
    size = _size_wrong(m, v0, v1, fact.unit == "percent") if ok else ""
    if size:
        ok, reason = False, f"{truth}: {size}"
    status = "supported" if ok else "contradicted"
    return chk._claim(m, status, fact, expected=truth, reason=reason)


def _span_trend(chk: Checker, m: Mention, chosen: list[Fact], years: set[str]) -> Claim | None:
    """A change between the periods the sentence names ("up from 58% in 2021-22", "since
    2016-17"): from the earliest named period to the latest named one, or to the series'
    latest period when only one is named; the direction rule is the facts' (2 % of the first
    value is "about the same"), except that a change said to be small ("slightly up on") may be
    any change that way."""
    stated = [Stated(*years_of(y)) for y in years]
    for f in chosen:
        values = chk.ix.subject_values.get(chk.series(f), {})
        named = chronological(p for p in values if any(matches(s, p) for s in stated))
        if not named:
            continue
        latest = max(values, key=lambda p: sorted(years_of(p)[0]))
        start, end = named[0], (named[-1] if len(named) > 1 else latest)
        if start == end:
            continue
        v0, v1 = values[start], values[end]
        pct = abs(v1 - v0) / abs(v0) * 100 if v0 else 0.0
        # any rise is a rise (the facts' 2 % "about the same" rule words a change; it is not a
        # bar for a writer's verb); "about the same" allows SAME_LIMIT_PCT
        ok = _moved(v0, v1, m.direction) if m.direction != "flat" else pct <= SAME_LIMIT_PCT
        return _change_claim(chk, m, f, ok, (v0, start), (v1, end))
    return None


_SINCE_YEAR = re.compile(r"\bsince\s+(?P<y>(?:19|20)\d\d(?:[-/]\d\d)?)", re.IGNORECASE)
_FROM_WORDS = re.compile(r"\b(?:on|from|since|than|compared|against|versus)\b", re.IGNORECASE)
_IN_YEAR = re.compile(
    r"(?<!from\s)(?<!since\s)(?<!than\s)(?<!with\s)\bin\s+(?:the\s+)?(?:(?:financial|survey)\s+)?"
    r"(?:year\s+)?(?P<y>(?:19|20)\d\d(?:[-/]\d\d)?)",
    re.IGNORECASE,
)


def _into_year(clause: str, after: int, years: set[str]) -> Stated | None:
    """The one period a trend word says its change happened in, right after it ("improved in
    2023-24", "fell by 3 points in 2024-25") or opening its clause ("In 2023-24 satisfaction
    fell four points"), when the clause names no other period; not a period a change is
    measured from ("up on the £100.4m spent in 2020-21")."""
    if not clause or after < 0:
        return None
    tail = clause[after : after + 40]
    hit = _IN_YEAR.search(tail)
    # a later "since <year>" is another claim's ("rose by 4.9 points in 2024-25, to 72.6%, its
    # highest since 2017-18"), not another period of this move
    later = {y["y"] for y in _SINCE_YEAR.finditer(clause, after + (hit.end() if hit else 0))}
    if len(years - later) != 1:
        return None
    if hit is None:  # a fronted period, with no figure before the move ("In 2023-24 it was
        # 59.7%, so it went up" measures from that figure, not into it)
        fronted = _FRONTED_YEAR.match(clause)
        if fronted is None or P.DIGIT_RE.search(clause, fronted.end(), after):
            return None
        return Stated(*years_of(fronted["y"]))
    # (searched in place: a slice would start mid-word, "informati|on" read as "on")
    if _FROM_WORDS.search(clause, max(0, after - 12), after + hit.start()):
        return None
    return Stated(*years_of(hit["y"]))


#: a period opening a clause: "In 2023-24 satisfaction fell", "During 2021-22, spending rose"
_FRONTED_YEAR = re.compile(
    r"\s*(?:in|during)\s+(?:the\s+)?(?:(?:financial|survey)\s+)?(?:year\s+)?"
    r"(?P<y>(?:19|20)\d\d(?:[-/]\d\d)?)\b",
    re.IGNORECASE,
)


def _into_trend(chk: Checker, m: Mention, chosen: list[Fact], into: Stated) -> Claim | None:
    """The change into the period ``into`` from the one before it (any change that way)."""
    for f in chosen:
        values = chk.ix.subject_values.get(chk.series(f), {})
        order = chronological(values)
        hit = [i for i, p in enumerate(order) if matches(into, p)]
        if not hit or hit[0] == 0:
            continue
        p0, p1 = order[hit[0] - 1], order[hit[0]]
        ok = _moved(values[p0], values[p1], m.direction)
        return _change_claim(chk, m, f, ok, (values[p0], p0), (values[p1], p1))
    return None


def own_extreme(
    chk: Checker,
    m: Mention,
    levels: list[set[Key]],
    stated: Sequence[Claim] = (),
    clause_text: str = "",
) -> Claim:
    """ "the highest it has been since 2015-16": the council's figure the clause states (or its
    latest) against its own values of the series (since the named period, or all of them).
    "best"/"worst" follow the measure's polarity (``data/polarity.yaml``); for a measure with
    no better way they are unverifiable.

    The figure it describes is the council's figure stated last before it (the caller passes
    only an appositive one: "61.7%, the lowest since ..."), or the latest when it says so
    ("the latest figure is the lowest on record") or states none. The series: the stated
    figure's, else those the clause names, else its sentence (precision first: any of them)."""
    before = [c for c in stated if c.end <= m.start]
    at = clause_text.find(m.text)
    if m.extra.get("after") or (
        not before and at >= 0 and L.PREDICATE_FIGURE_RE.match(clause_text, at + len(m.text))
    ):  # "peaked at 42.5% in 2021-22", "its highest on record remains the 71.1% of 2022-23":
        before = [c for c in stated if c.start >= m.end][:1]  # the figure after the words
    # "now" says the latest figure is meant, unless a figure stands between it and the words
    # ("has now fallen ... from a peak of 68.8% in 2022-23, the highest level recorded")
    figure_at = clause_text.rfind(before[-1].text, 0, at) if before and at > 0 else -1
    latest_said = L.RECENT_RE.search(clause_text, max(0, figure_at)) is not None
    if m.extra.get("after") and before:  # "has now fallen from a peak of 71.6%": the figure
        latest_said = False  # after the words is the one they describe
    points = {} if latest_said or not before else _stated_points(chk, before[-1:])
    named = chk.ix.key_words.best(tokens(clause_text)) if clause_text else set()
    keys = [k for k in points if chk.ix.subject_values.get(k)]
    for level in (named, *levels):  # the nearest words that name series with a history
        if keys:
            break
        keys = [k for k in sorted(level) if chk.ix.subject_values.get(k)]
    if not keys:
        return chk._claim(
            m, "unverifiable", reason="the data has no earlier values of this measure to compare"
        )
    # "that 2023-24 dip was the lowest": a period the clause names before the words, when it
    # states no figure (a year after them is where the comparison starts: "since 2015-16")
    head = clause_text[: max(0, clause_text.find(m.text))]
    if m.extra.get("after"):  # "peaked in 2018-19"
        head = clause_text[clause_text.find(m.text) + len(m.text) :]
    no_figure = not re.search(r"\d", _YEARS.sub(" ", head))
    named_periods = _YEARS.findall(head) if no_figure and not latest_said else []
    first = None
    for key in dict.fromkeys(keys):
        said = points.get(key) or [
            p
            for p in chk.ix.subject_values[key]
            if any(matches(Stated(*years_of(y)), p) for y in named_periods[:1])
        ]
        claim = _own_extreme_of(chk, m, key, said)
        if claim.status == "supported":
            return claim
        first = first or claim
    return first  # type: ignore[return-value]


def _own_extreme_of(chk: Checker, m: Mention, key: Key, said_periods: Iterable[str]) -> Claim:
    """``m`` checked against one series of the council (see :func:`own_extreme`)."""
    fact = chk.ix.fact_by_id.get(_value_fact_id(chk, key))
    if m.extra.get("pol") in ("best", "worst"):
        better = fact.detail.get("better") if fact is not None else None
        if better not in ("higher", "lower"):
            return chk._claim(
                m, "unverifiable", reason="the data does not say whether higher is better here"
            )
        m = m.model_copy_plain()  # "best" is the highest of a higher-is-better measure
        m.direction = "high" if (m.extra["pol"] == "best") == (better == "higher") else "low"
    values = chk.ix.subject_values[key]
    since = m.extra.get("since")
    everything = values
    if since:
        years, is_range = years_of(str(since))
        start = min(years)
        if not m.extra.get("inclusive"):
            # the next period: 2017-18 after "since 2016-17", 2020 after "since 2019"
            start = max(years) if is_range else start + 1
        values = {p: v for p, v in values.items() if min(years_of(p)[0], default=0) >= start}
    order = chronological(values)
    if len(order) < 2:
        return chk._claim(
            m, "unverifiable", reason="the data has only one period of this measure from then"
        )
    said = [p for p in said_periods if p in values] or [order[-1]]
    period = said[-1]
    figure = values[period]
    if m.extra.get("local"):  # a turning point: at least as extreme as the periods beside it
        around = chronological(everything)
        at = around.index(period)
        values = {p: everything[p] for p in around[max(0, at - 1) : at + 2]}
    extreme = max(values.values()) if m.direction == "high" else min(values.values())
    ok = figure == extreme
    word = "highest" if m.direction == "high" else "lowest"
    best = max(values, key=values.get) if m.direction == "high" else min(values, key=values.get)
    if m.extra.get("local"):
        turn = "a peak" if m.direction == "high" else "a low point"
        truth = (
            f"{fmt_num(figure)} ({period}) is {turn}: no period beside it is "
            f"{'higher' if m.direction == 'high' else 'lower'}"
            if ok
            else f"{fmt_num(figure)} ({period}) is not {turn}: {fmt_num(values[best])} in {best}"
        )
    else:
        truth = (
            f"{fmt_num(figure)} ({period}) is the {word} since {order[0]}"
            if ok
            else f"the {word} since {order[0]} was {fmt_num(values[best])} in {best}, not "
            f"{fmt_num(figure)} ({period})"
        )
    then = [p for p in everything if since and matches(Stated(*years_of(str(since))), p)]
    # "the lowest since 2019-20" says it was last this low in 2019-20 (as "has not been this
    # low since" does), unless the series starts then ("since 2015-16", its first survey);
    # "higher than at any point since 2018-19" says nothing of 2018-19 itself
    last_time = (
        bool(then)
        and not m.extra.get("inclusive")
        and _SUPERLATIVE_RE.search(m.text) is not None
        and then[0] != chronological(everything)[0]
    )
    if ok and (m.extra.get("then_as_extreme") or last_time) and then:
        # "has not been this low since 2016-17": it was at least as low in 2016-17
        v = everything[then[0]]
        ok = v >= figure if m.direction == "high" else v <= figure
        truth = f"{fmt_num(v)} in {then[0]}, {fmt_num(figure)} in {period}" + (
            "" if ok else f": {then[0]} was not as {'high' if m.direction == 'high' else 'low'}"
        )
    return chk._claim(m, "supported" if ok else "contradicted", fact, expected=truth, reason=truth)


_SUPERLATIVE_RE = re.compile(r"\b(?:highest|lowest|best|worst)\b", re.I)


def _value_fact_id(chk: Checker, key: Key) -> str:
    return next((f.id for f in chk.ix.values if chk.series(f) == key), "")


def rank(
    chk: Checker,
    m: Mention,
    levels: list[set[Key]],
    sentence: str,
    wider: set[Key] = frozenset(),
    clause: str = "",
    prior: set[Key] = frozenset(),
    cover: set[Key] | None = None,
    prev_period: str = "",
    among_peers: bool = False,
) -> Claim:
    """A rank among England's councils (or, ``among_peers``, among the council and its
    similar councils), checked against the rank facts of the series the
    sentence names (precision first: any series the sentence itself names, ``cover``, or by
    default any series of any level, that has it supports it). A superlative
    with no councils context ("the highest figure on the chart") or about the region ("the
    highest in the South East") is not a rank the data holds: unverifiable."""
    form = m.extra.get("form")
    if form in ("superlative",) and not m.extra.get("context"):
        extreme = _breakdown_extreme(chk, m, sentence)
        if extreme is not None:
            return extreme
        return chk._claim(
            m, "unverifiable", reason="the data cannot tell what this is the highest or lowest of"
        )
    if _regional(chk, sentence) and not among_peers:
        return chk._claim(
            m, "unverifiable", reason="the data ranks councils in England, not within the region"
        )
    facts = chk.ix.peer_ranks if among_peers else chk.ix.ranks
    if not facts:
        return chk._claim(m, "unverifiable", reason="the data has no ranking among councils here")
    around = str(m.extra.get("around") or "")
    if among_peers and re.search(re.escape(m.text) + _TOTAL_AFTER, around, re.IGNORECASE):
        # "the highest total among its 15 comparable councils": similar councils are compared
        # on rates and shares, never totals
        return chk._claim(
            m, "unverifiable", reason="similar councils are compared on rates, not totals"
        )
    amounts = m.extra.get("amounts")  # "more carers than any other council": a total or rate
    if not amounts and (L.RATE_WORDS_RE.search(sentence) or not L.TOTAL_WORDS_RE.search(sentence)):
        # a rate's rank, unless the figure it follows is a total ("£385.8m, the 8th largest")
        facts = [f for f in facts if f.unit not in _TOTAL_UNITS or chk.series(f) in prior]
    chosen = pick(chk, facts, levels)
    seen = {f.id for f in chosen}
    chosen += [f for f in facts if chk.series(f) in wider and f.id not in seen]
    ranks = [f for f in chosen if f.kind == "rank"]
    # precision first: the chart's other series of the same measure family may be meant
    # ("turnover" has an Oflog and an ASCOF-style series; deprivation three measures)
    # (not when the rank follows a figure of one of them: "its score of 34.9 is among the ten
    # highest" ranks the score)
    charts = {chk.ix.chart_of.get(f.id) for f in ranks} if not prior else set()
    seen = {f.id for f in ranks}
    broken_down = any(r.breakdown for r in ranks)
    family = [
        f
        for f in facts
        if f.kind == "rank"
        and f.id not in seen
        and chk.ix.chart_of.get(f.id) in charts
        and not f.breakdown
        and not broken_down
    ]
    # ... unless the sentence's words name which of them ("in the top quarter of councils for
    # still living at home" is not the reablement chart's other measures' rank)
    at = sentence.find(m.text)
    named_for = _RANKED_FOR_RE.match(sentence, at + len(m.text)) if at >= 0 else None
    if named_for is not None:
        said = chk.ix.key_words.naming(tokens(named_for["what"]))
        if said & {chk.series(f) for f in (*ranks, *family)}:
            family = [f for f in family if chk.series(f) in said]
    ranks += family
    # precision first: a series any other level names (the figures before it, the sentence, the
    # text) may be the one ranked; the verdict against the first level stands if none fits
    named = cover if cover is not None else set().union(*levels) if levels else set()
    seen = {f.id for f in ranks}
    also = [f for f in facts if f.kind == "rank" and f.id not in seen and chk.series(f) in named]
    quarts = {(chk.series(f), f.period): f for f in chk.ix.ranks if f.kind == "quartile"}
    stated = _rank_period(m, clause or sentence, prev_period)
    first = None
    # the other levels may support a rank, never be the one that contradicts it
    for f, primary in [*((f, True) for f in ranks), *((f, False) for f in also)]:
        r, of = float(f.value or 0), float(f.detail.get("of") or 0)
        tied = float(f.detail.get("tied") or 1)
        from_low = of - r + 1
        high = m.direction == "high"
        if m.direction in ("better", "worse"):  # "only 11 councils did better"
            better = f.detail.get("better")
            if better not in ("higher", "lower"):
                continue  # a measure with no better way
            high = (m.direction == "better") == (better == "higher")
        if m.extra.get("deprived"):  # lower values are more deprived
            high = not high
        if opposite(m, f):  # "less isolated than in most places"
            high = not high
        q = quarts.get((chk.series(f), f.period))
        quartile = (
            float(q.value) if q is not None and q.value is not None else 1 + (r - 1) * 4 // of
        )
        if not chk.period_fits(stated, chk.series(f), f.period, not f.detail.get("earlier")):
            continue  # "in 2016-17 it was the 3rd highest": that period's rank, not the latest
        if form == "nth":
            # a council tied with others holds every place the tie spans ("only 3 councils had
            # a lower rate" for a two-way tie 4th and 5th from the bottom)
            near, far = (r, r + tied - 1) if high else (from_low - tied + 1, from_low)
            ok = near <= (m.value or 0) <= far and (
                not m.extra.get("of") or m.extra.get("of") == of
            )
        elif form == "count":
            # "only 3 councils had a lower rate": exactly 3 councils are strictly lower (a tie
            # with the council is not lower)
            near = r if high else from_low - tied + 1
            ok = near == (m.value or 0) and (not m.extra.get("of") or m.extra.get("of") == of)
        elif form == "within":
            ok = (r if high else from_low) <= (m.value or 0) and (
                not m.extra.get("of") or m.extra.get("of") == of
            )
        elif form == "ranked":  # "ranks 26 (counting from the lowest)"
            ok = (r if high else from_low) == m.value and (
                not m.extra.get("of") or m.extra.get("of") == of
            )
        elif form == "among":
            ok = quartile == (1 if high else 4)
        elif form == "part":
            frac = float(m.extra.get("frac") or 0.25)
            ok = (r if high else from_low) <= max(1.0, frac * of)
        elif form == "most":
            ok = (r if high else from_low) <= of / 2
        elif form == "middle":  # "mid-table": not in the top or bottom fifth
            ok = of * 0.2 < r <= of * 0.8
        else:
            ok = (r if high else from_low) == 1
        pool = "with its similar councils" if among_peers else "councils"
        truth = f"{chk.name('subject')} ranks {fmt_num(r)} of {fmt_num(of)} {pool} (1 = highest)"
        claim = chk._claim(
            m, "supported" if ok else "contradicted", f, expected=truth, reason=truth
        )
        if ok:
            return claim
        if primary:
            first = first or claim
    if first is None:
        return chk._claim(
            m, "unverifiable", reason="the data has no ranking for this measure and period"
        )
    return first


#: what a rank is said to be of, right after it: "in the top quarter of councils for still
#: living at home", "the 5th highest in England on satisfaction"
_RANKED_FOR_RE = re.compile(
    r"(?:\s+(?:of|among|in)\s+(?:all\s+|the\s+)?(?:\d+\s+)?(?:councils|england|the\s+country))?"
    r"\s+(?:for|on)\s+(?P<what>[^,.;:()]{3,60})",
    re.IGNORECASE,
)


def _rank_period(m: Mention, sentence: str, prev_period: str = "") -> object:
    """The period(s) a rank is said of: the figure periods assigned to the mention (a year
    beside it, or opening its sentence), or the period before when it is said of an earlier
    one with no year ("the year before, when it was the third highest", "having ranked 8th
    the previous year"); the latest when nothing says otherwise."""
    at = sentence.find(m.text)
    if at >= 0:
        before = sentence[max(0, at - 60) : at]
        after = sentence[at + len(m.text) : at + len(m.text) + 25]
        then = L.YEAR_ON_YEAR_RE.search(before) or L.TWO_BACK_RE.search(before)
        said_then = then and re.search(r"\b(?:when|then|at\s+that\s+time)\b", before[then.end() :])
        follows = re.match(
            r"\s*(?:in\s+)?(?:" + L.YEAR_ON_YEAR_RE.pattern + "|" + L.TWO_BACK_RE.pattern + ")",
            after,
            re.IGNORECASE,
        )
        if said_then or follows:
            named = [Stated(*years_of(y)) for y in _YEARS.findall(sentence[:at])]
            return Previous(named[-1] if named else None)
        when = L.WHEN_YEAR_RE.search(before)  # "76.4% in 2023-24, when it ranked fourth"
        if when:
            return (Stated(*years_of(when.group(1))),)
    if prev_period and not _YEARS.search(sentence):
        # "Two years before it was only 19.4%. That was one of the five lowest": that period
        return (Stated(*years_of(prev_period)),)
    return m.period or (LATEST,)


_TOTAL_UNITS = ("count", "gbp_thousands")


def _regional(chk: Checker, sentence: str) -> bool:
    """Whether a rank is said to be within the region ("the highest in London")."""
    low = sentence.lower()
    for own in chk.ix.context.subject_names:  # "City of London" names the council, not London
        low = low.replace(own.lower(), " ")
    if re.search(r"\b(?:england|english|the\s+country|nationally|all\s+\d+\s+councils)\b", low):
        return False
    names = [n.lower() for n in chk.ix.context.region_names]
    return bool(re.search(r"\b(?:in|of|across)\s+the\s+region\b", low)) or any(
        re.search(rf"\b(?:in|of|across)\s+(?:the\s+)?{re.escape(n)}\b", low) for n in names
    )


def _breakdown_extreme(chk: Checker, m: Mention, sentence: str) -> Claim | None:
    """ "Direct payments were the most common type": the named breakdown must be the extreme."""
    toks = tokens(sentence)
    groups: dict[tuple[str, ...], list[Fact]] = {}
    for f in chk.ix.values:
        if f.breakdown and f.value is not None:
            src = f.sources[0].source if f.sources else ""
            group = (chk.ix.chart_of[f.id], f.measure, f.denominator, src, f.period)
            groups.setdefault(group, []).append(f)
    for facts in groups.values():
        if len(facts) < 2:
            continue
        named = [f for f in facts if tokens(f.breakdown) and tokens(f.breakdown) <= toks]
        if not named:
            named = [f for f in facts if len(tokens(f.breakdown) & toks) >= 2]
        if len(named) != 1:
            continue
        f = named[0]
        best = (
            max(facts, key=lambda x: x.value or 0.0)
            if m.direction == "high"
            else min(facts, key=lambda x: x.value or 0.0)
        )
        ok = best.id == f.id
        truth = f"the {'highest' if m.direction == 'high' else 'lowest'} is {best.breakdown}"
        return chk._claim(
            m, "supported" if ok else "contradicted", best, expected=truth, reason=truth
        )
    return None


def ratio(
    chk: Checker,
    m: Mention,
    levels: list[set[Key]],
    wider: set[Key] = frozenset(),
    period: Stated | Previous | None = None,
) -> Claim:
    """ "twice the England rate": the ratio facts of the series the sentence is about (and,
    precision first, of any other series it names); for the one period its clause states,
    from the series' history ("In 2021-22 it was a fifth higher than England")."""
    comp = m.comparator.removeprefix("rev_") or "england"
    rev = m.comparator.startswith("rev_")
    pool = [c for c in chk.ix.candidates.get("times", ()) if c.fact.comparator == comp]
    if not pool:
        return chk._claim(m, "unverifiable", reason=f"the data has no ratio to {chk.name(comp)}")
    chosen_facts = pick(chk, [c.fact for c in pool], levels)
    ids = {f.id for f in chosen_facts} | {c.fact.id for c in pool if c.key in wider}
    # precision first: a series any other level names may be the one compared; it can support
    # the ratio, never be the one that contradicts it (the first level's verdict stands)
    named = set().union(*levels[:2]) if levels else set()
    also = {c.fact.id for c in pool if c.key in named} - ids
    v = m.value or 0.0
    lo, hi = _ratio_interval(v, m.hedge)
    if m.extra.get("relative"):  # "about a third higher": a difference of 28-38 % of theirs
        f_lo, f_hi = hedge_interval(float(m.extra["frac"]), 10.0, m.hedge)  # type: ignore[arg-type]
        up = m.extra["relative"] == "up"
        lo, hi = (1 + f_lo / 100, 1 + f_hi / 100) if up else (1 - f_hi / 100, 1 - f_lo / 100)
    first = None
    for c in sorted(pool, key=lambda c: c.fact.id in also):  # the first level's series first
        if c.fact.id not in ids and c.fact.id not in also:
            continue
        at = _values_at(chk, c.fact, period)
        if at is not None and not at[1]:
            at = None  # no ratio to a comparator's zero
        value = at[0] / at[1] if at is not None else c.value
        r = 1 / value if rev and value else value
        ok = lo <= r <= hi
        pair = (
            (chk.name(comp), chk.name("subject")) if rev else (chk.name("subject"), chk.name(comp))
        )
        when = f" in {at[2]}" if at is not None else ""
        truth = f"the ratio is {fmt_num(r, 2)} ({pair[0]} vs {pair[1]}){when}"
        claim = chk._claim(
            m,
            "supported" if ok else "contradicted",
            c.fact,
            expected=truth,
            reason=f"{truth}; '{m.text.strip()}' needs {fmt_num(lo, 2)}-{fmt_num(hi, 2)}",
        )
        if ok:
            return claim
        if c.fact.id in ids:
            first = first or claim
    if first is None:
        return chk._claim(m, "unverifiable", reason="the data has no ratio of this measure")
    return first


def _ratio_interval(v: float, hedge: str) -> tuple[float, float]:
    fam = {"": "exact", "exactly": "exact"}.get(hedge)
    if fam == "exact" or not hedge:
        tol = 0.05 if v in (2.0, 0.5) else 0.1
        return v * (1 - tol), v * (1 + tol)
    lo, hi = hedge_interval(v, 0.1 * v, hedge)
    if HEDGES.get(hedge) == "just_above":  # "just over a third of England's": said in words
        return v, v * (1 + JUST_OVER_FRACTION)
    if hedge in (
        "more than",
        "over",
        "above",
        "in excess of",
        "upwards of",
        "well over",
        "at least",
    ):
        return v, float("inf")
    if hedge in ("fewer than", "less than", "under", "below", "well under", "up to", "at most"):
        return 0.0, v
    if hedge in ("about", "around", "roughly", "approximately", "some", "close to", "nearer"):
        return v * 0.9, v * 1.1
    return lo, hi


def fraction(
    chk: Checker,
    m: Mention,
    levels: list[set[Key]],
    wider: set[Key] = frozenset(),
    beside: float | None = None,
) -> Claim:
    """ "one in three", "nearly half", "most carers": a share that percent facts must support.
    With the exact share written beside it ("almost 8 in 10 (79.6%)") the words need only fit
    that figure, which is checked on its own."""
    lo, hi = fraction_interval(m)
    maybe = bool(m.extra.get("maybe_negated"))  # a negation elsewhere in its clause
    if beside is not None:
        stated = 100 - beside if m.negated else beside
        ok = lo <= stated <= hi or (maybe and lo <= 100 - beside <= hi)
        return chk._claim(
            m,
            "supported" if ok else "contradicted",
            reason=f"'{m.text.strip()}' {'fits' if ok else 'does not fit'} the "
            f"{fmt_num(beside)}% it says again",
        )
    pool = [
        c
        for c in chk.ix.candidates.get("percent", ())
        if c.entity != "relation"
        # no period stated: the latest readings only (a trend's first value is an earlier one)
        and (
            c.role not in ("history", "first_value")
            if m.period is None and not m.extra.get("dated")
            else m.period is None or chk.in_period(m.period, c)
        )
    ]
    if m.entity in PARTIES:
        pool = [c for c in pool if c.entity == m.entity] or pool
    else:  # unbound: the council's figure, or (precision first) the party named before it
        order = ["subject", str(m.extra.get("near") or "subject")]
        pool = (
            sorted((c for c in pool if c.entity in order), key=lambda c: order.index(c.entity))
            or pool
        )
    if not pool:
        return chk._claim(m, "unverifiable", reason="the data has no percentage this could be")
    named = [c for c in pool if c.key in wider]  # precision first: any series named near it
    for level in levels:
        chosen = [c for c in pool if c.key in level]
        if chosen:
            pool = chosen
            break
    readings = [m.negated]
    if m.negated and not m.extra.get("opposite"):  # "did not need more support": a measure's
        readings.append(False)  # own negation ("needed no further support") may be meant
    if maybe:
        readings.append(True)
    best = None
    for negated in readings:
        for c in [*pool, *named]:
            if negated != m.negated and not maybe and not negative_label(c.fact):
                continue
            val = 100 - c.value if negated else c.value
            if lo <= val <= hi:
                shown = chk._show(c)
                return chk._claim(m, "supported", c, expected=shown, reason="matches " + shown)
    for c in pool:
        val = 100 - c.value if m.negated else c.value
        if best is None or abs(val - (m.value or (lo + hi) / 2)) < abs(
            (100 - best.value if m.negated else best.value) - (m.value or (lo + hi) / 2)
        ):
            best = c
    return chk._claim(
        m,
        "contradicted",
        best,
        reason=(
            f"the data gives {chk._show(best)}"
            + ("" if m.kind != "majority" else f", which is not '{m.text.strip()}'")
        ),
    )


def year(chk: Checker, m: Mention) -> Claim:
    years = {int(m.value or 0)}
    if "y2" in m.extra:
        years.add(int(m.extra["y2"]))
    if not chk.ix.periods:
        return chk._claim(
            m, "unverifiable", reason="the data has no period to check this year against"
        )
    if years & chk.ix.periods:
        return chk._claim(m, "supported", reason="a period of the data")
    shown = ", ".join(str(y) for y in sorted(chk.ix.periods))
    return chk._claim(
        m, "contradicted", expected=shown, reason=f"the data covers {shown}, not {m.text.strip()}"
    )


def scale(chk: Checker, m: Mention) -> Claim:
    """ "A higher average rank means more deprived": which way a deprivation scale runs
    (``lexicon.DEPRIVATION_SCALES``), checked when the sheets show that scale; a scale named
    only as a "number" or "figure" is the one the sheets show, when they show one."""
    what = str(m.extra.get("what") or "")
    last = what.split()[-1] if what else ""
    shown = {chk.ix.chart_of.get(f.id) for f in chk.ix.values}
    scales = {
        word: way
        for word, (chart, way) in L.DEPRIVATION_SCALES.items()
        if chart in shown and (last == word or last in ("number", "figure", "value"))
    }
    if len(set(scales.values())) != 1:
        return chk._claim(
            m, "unverifiable", reason="the data here shows no single deprivation scale to check"
        )
    word, way = next(iter(scales.items()))
    ok = (m.direction == way) == bool(m.extra.get("more"))
    truth = f"a {way} {what if last == word else word} means more deprived"
    return chk._claim(m, "supported" if ok else "contradicted", expected=truth, reason=truth)


def causal(chk: Checker, m: Mention) -> Claim:
    spec = bool(m.extra.get("speculative"))
    return chk._claim(
        m,
        "unverifiable",
        reason=(
            "a claim about causes or performance"
            + (" (speculative)" if spec else "")
            + ": the data shows figures, not why they are what they are"
        ),
    )
