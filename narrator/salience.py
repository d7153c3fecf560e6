"""What matters in a report: each chart's headline series and the findings a summary leads with.

A fact sheet holds every fact about a chart; a reader needs the few that say something. This
module groups a sheet's facts by series, orders the series (the headline first) and turns the
headline series of each chart into *findings*:

* a **strength** or a **concern**: the council is better or worse than England on a measure
  with a better way (``data/polarity.yaml``, carried in ``detail["better"]``);
* a **difference** from England on a measure with no better way (spending, requests);
* a change that is **better** or **worse** over the series' periods.
* a **contrast**: the council compares with its similar councils (``narrator.peers``) the
  other way than with England ("above England but below councils like it"): a different
  story, worth telling.
* a **peer_extreme**: the council has the highest or the lowest figure of itself and its
  similar councils (and no contrast to tell).

Each finding is scored by its size (the relative difference from England, or the change as a
share of the first value, in per cent), so writers can lead with the largest. Nothing here
writes text: the writers do (``narrator.llm.offline``), from these facts only.

>>> Finding(chart_id="x", title="X", kind="strength", score=12.5, facts={}).good
True
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from narrator.models import Fact, FactSheet, Frozen

FindingKind = Literal[
    "strength", "concern", "difference", "better", "worse", "contrast", "peer_extreme"
]


class Finding(Frozen):
    """One thing a chart shows, with how big it is (per cent)."""

    chart_id: str
    title: str
    kind: FindingKind
    score: float
    facts: dict[str, Fact]  # the series' facts, keyed by kind[:comparator] (see ``series_of``)

    @property
    def good(self) -> bool | None:
        """Good news (True), bad news (False), or neither (None)."""
        return {"strength": True, "better": True, "concern": False, "worse": False}.get(self.kind)


def series_of(sheet: FactSheet) -> dict[str, dict[str, Fact]]:
    """A sheet's facts grouped by series (fact id prefix ``chart:series``), each keyed by
    ``kind`` or ``kind:comparator`` ("value", "direction:england", "trend", "rank",
    "rank:peers")."""
    grouped: dict[str, dict[str, Fact]] = defaultdict(dict)
    for f in sheet.facts:
        parts = f.id.split(":")
        if len(parts) < 3:
            continue
        # a rank among councils is "rank"; among the council and its peers "rank:peers"
        among = "" if f.kind == "rank" and f.comparator == "councils" else f.comparator
        key = f"{f.kind}:{among}" if among else f.kind
        grouped[":".join(parts[:2])][key] = f
    return grouped


def headline_order(series: dict[str, dict[str, Fact]]) -> list[str]:
    """Series worth stating first: with a value, with an England comparison, most recent,
    without a breakdown, and the most different from England."""

    def score(base: str) -> tuple:
        facts = series[base]
        value = facts.get("value") or facts.get("suppressed")
        if value is None or value.value == 0:
            return (1, 0, 0, 0, 0.0, base)
        period_end = int("".join(c for c in value.period[:4] if c.isdigit()) or 0)
        return (
            0,
            "direction:england" not in facts,
            -period_end,
            bool(value.breakdown),
            -relative_difference(facts),
            base,
        )

    return sorted(series, key=score)


def relative_difference(facts: dict[str, Fact], comparator: str = "england") -> float:
    """How far the council's figure is from a comparator's (England's unless said), in per
    cent of the comparator's (0 if none)."""
    diff = facts.get(f"difference:{comparator}")
    return abs(float(diff.detail.get("relative_pct") or 0)) if diff is not None else 0.0


def peer_extreme(rank: Fact) -> str:
    """ "highest" or "lowest" when a rank among the council and its similar councils is the
    first or the last (shared with no one), else ""."""
    of, tied = rank.detail.get("of"), rank.detail.get("tied")
    if tied != 1 or rank.value is None:
        return ""
    return "highest" if rank.value == 1 else "lowest" if rank.value == of else ""


def findings(sheets: list[FactSheet]) -> list[Finding]:
    """The findings of every chart's headline series, largest first."""
    out: list[Finding] = []
    for sheet in sheets:
        if sheet.status != "ok" or sheet.fact(f"{sheet.chart_id}:regional") is not None:
            continue  # regional-only charts are not the council's own figures
        series = series_of(sheet)
        for base in headline_order(series)[:1]:
            out.extend(_of_series(sheet, series[base]))
    return sorted(out, key=lambda f: (-f.score, f.chart_id))


def _of_series(sheet: FactSheet, facts: dict[str, Fact]) -> list[Finding]:
    value, direction = facts.get("value"), facts.get("direction:england")
    if value is None or direction is None or "comparator_value:england" not in facts:
        return []
    better = direction.detail.get("better")
    made: list[Finding] = []
    common = {"chart_id": sheet.chart_id, "title": sheet.chart_title, "facts": facts}
    if direction.direction in ("above", "below"):
        if better in ("higher", "lower"):
            good = (direction.direction == "above") == (better == "higher")
            kind: FindingKind = "strength" if good else "concern"
        else:
            kind = "difference"
        made.append(Finding(kind=kind, score=relative_difference(facts), **common))
    peers, place = facts.get("direction:peers"), facts.get("rank:peers")
    peer_gap = relative_difference(facts, "peers")
    if peers is not None and peers.direction and peers.direction != direction.direction:
        made.append(Finding(kind="contrast", score=peer_gap, **common))
    elif place is not None and peer_extreme(place):
        made.append(Finding(kind="peer_extreme", score=peer_gap, **common))
    trend = facts.get("trend")
    if trend is not None and better in ("higher", "lower") and trend.direction in ("up", "down"):
        pct = abs(float(trend.detail.get("change_pct") or 0))
        good = (trend.direction == "up") == (better == "higher")
        made.append(Finding(kind="better" if good else "worse", score=pct, **common))
    return made
