"""Pure rules behind fact sheets: series keys, directions, trends and shares.

See :mod:`narrator.facts` for the documented tolerances.
"""

from __future__ import annotations

from collections import defaultdict

from narrator.models import Authority, Fact, Observation, SourceRef
from narrator.text import fmt_num, slugify

ABOUT_SAME_TOLERANCE = 0.02
SHARE_UNITS = {"count", "per_100k"}

SeriesKey = tuple[str, str, str, str, str]  # measure, breakdown, unit, denominator, source


def series_key(obs: Observation) -> SeriesKey:
    return (obs.measure, obs.breakdown, obs.unit, obs.denominator, obs.source)


def series_slug(key: SeriesKey) -> str:
    measure, breakdown, _unit, denominator, source = key
    parts = [slugify(measure)]
    if breakdown:
        parts.append(slugify(breakdown))
    if denominator:
        parts.append("per-" + slugify(denominator))
    return "/".join(parts) + "@" + source


def direction_of(value: float, comparator: float) -> str:
    """``above`` / ``below`` / ``about_same`` with the documented 2 % tolerance.

    >>> direction_of(2199, 2438), direction_of(1194, 1143), direction_of(100, 101.5)
    ('below', 'above', 'about_same')
    """
    if abs(value - comparator) <= ABOUT_SAME_TOLERANCE * abs(comparator):
        return "about_same"
    return "above" if value > comparator else "below"


def usable(obs: Observation) -> bool:
    return obs.value is not None and obs.status == "reported"


def ref(obs: Observation) -> SourceRef:
    """Provenance of one observation (cached on the observation)."""
    return obs.ref


def trend_direction(first: float, last: float) -> str:
    """``up`` / ``down`` / ``flat`` for a change from ``first`` to ``last``: ``flat`` when it is
    within the documented 2 % of the first value.

    >>> trend_direction(67.3, 68.1), trend_direction(58.9, 62.8), trend_direction(72.5, 60.4)
    ('flat', 'up', 'down')
    """
    change = last - first
    if abs(change) <= ABOUT_SAME_TOLERANCE * abs(first):
        return "flat"
    return "up" if change > 0 else "down"


def trend_facts(subject, usable, base, common, label) -> list[Fact]:
    if len(usable) < 2:
        return []
    first, last = usable[0], usable[-1]
    v0, v1 = float(first.value), float(last.value)
    change = v1 - v0
    pct = change / v0 * 100 if v0 else None
    direction = trend_direction(v0, v1)
    word = {"up": "went up", "down": "went down", "flat": "stayed about the same"}[direction]
    return [
        Fact(
            id=f"{base}:trend",
            kind="trend",
            value=change,
            direction=direction,
            period=f"{first.period} to {last.period}",
            subject=subject.code,
            **common,
            detail={
                "first_period": first.period,
                "last_period": last.period,
                "first_value": v0,
                "last_value": v1,
                "change_pct": None if pct is None else round(pct, 2),
                "n_periods": len(usable),
            },
            sources=[ref(o) for o in usable],
            text_hint=f"{label} for {subject.name} {word}, from {fmt_num(v0)} in {first.period} "
            f"to {fmt_num(v1)} in {last.period}.",
        )
    ]


def share_facts(chart_id: str, subject: Authority, rows: list[Observation]) -> list[Fact]:
    groups: dict[tuple[str, str, str, str, str], list[Observation]] = defaultdict(list)
    for o in rows:
        if o.breakdown and o.unit in SHARE_UNITS and usable(o):
            groups[(o.measure, o.unit, o.denominator, o.source, o.period)].append(o)
    latest: dict[tuple[str, str, str, str], tuple[int, str]] = {}
    for (m, u, d, s, p), obs in groups.items():
        if len(obs) >= 2:
            pe = obs[0].period_end
            if (m, u, d, s) not in latest or pe > latest[(m, u, d, s)][0]:
                latest[(m, u, d, s)] = (pe, p)
    facts: list[Fact] = []
    for (m, u, d, s), (_pe, p) in sorted(latest.items()):
        obs = sorted(groups[(m, u, d, s, p)], key=lambda o: o.breakdown)
        total = sum(float(o.value) for o in obs)
        if total <= 0:
            continue
        for o in obs:
            share = float(o.value) / total * 100
            facts.append(
                Fact(
                    id=f"{chart_id}:{series_slug(series_key(o))}:share",
                    kind="share",
                    value=round(share, 2),
                    measure=m,
                    breakdown=o.breakdown,
                    period=p,
                    subject=subject.code,
                    unit="percent",
                    denominator=f"total of {m}",
                    detail={"total": total, "part": float(o.value), "n_parts": len(obs)},
                    sources=[ref(x) for x in obs],
                    text_hint=f"{o.breakdown} is {fmt_num(share, 1)}% of the {len(obs)} kinds of "
                    f"{m} shown for {subject.name} ({p}).",
                )
            )
    return facts
