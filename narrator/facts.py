"""Deterministic fact sheets: every fact a writer may state about one chart for one authority.

Facts are computed only from like-with-like observations: the comparable key of a value is its
*series* — (measure, breakdown, unit, denominator, source) — and comparisons use the same period.

Rules (documented here because writers and the verifier rely on them):

* **direction** vs a comparator is ``about_same`` when the two values differ by no more than
  ``ABOUT_SAME_TOLERANCE`` (2 %) of the comparator, otherwise ``above`` / ``below``.
* only rates, shares and averages are compared or ranked: totals (``count``, ``gbp_thousands``)
  depend on the size of the place, so they get no direction, difference, ratio or rank.
* **rank** is computed among councils of the same kind (real councils for a real council,
  synthetic for synthetic) that report a non-suppressed value for the same series and period,
  and only when at least ``MIN_RANK_POOL`` (10) do. Rank 1 is the highest value; quartile 1 is
  the highest quarter.
* **trend** uses the subject's reported values of one series over at least two periods: the
  direction is ``flat`` when the change is within ``ABOUT_SAME_TOLERANCE`` of the first value.
* **count_estimate** turns a per-100k rate into an approximate number of people using the
  subject's population for exactly the rate's denominator (never another age group).
* **similar councils** (``peers``): each council's 15 nearest councils in the open peer model
  (``data/peers.csv``, :mod:`narrator.peers`) are a third comparator beside England and the
  region: their **median** for the same series and period, with its difference, ratio and
  direction (same tolerance), and the council's rank among itself and its peers (``rank`` with
  comparator ``peers``), when at least ``MIN_PEER_POOL`` (5) peers report a value.
* **share** gives each breakdown's percentage of the total across the breakdowns shown, for
  count and per-100k series of one measure and period.

>>> fb = FactBuilder(load_dataset(...), load_catalog())   # doctest: +SKIP
>>> [f.direction for f in fb.sheet("E06000016", "op_need").facts if f.kind == "direction"]
['below', 'about_same']
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable

from narrator.catalog import Catalog
from narrator.data import Dataset
from narrator.factrules import (
    ABOUT_SAME_TOLERANCE,
    SeriesKey,
    direction_of,
    ref,
    series_key,
    series_slug,
    share_facts,
    trend_facts,
    usable,
)
from narrator.models import Authority, Chart, Fact, FactSheet, Observation, SourceRef
from narrator.text import fmt_num, fmt_value

MIN_RANK_POOL = 10
#: a council's similar councils (``Dataset.peers``) are compared as one comparator, their
#: median, only when at least this many of them report the series for the period
MIN_PEER_POOL = 5
#: how facts name the comparator "peers" (readers' words for the peer group)
PEERS_NAME = "similar councils"
#: chart availabilities with no council data at all, and how a fact sheet says so
UNAVAILABLE = {
    "no_la_data": "not available at local authority level",
    "discontinued": "no longer collected",
}
#: units whose values grow with the size of the place; only rates and shares are compared
ABSOLUTE_UNITS = {"count", "gbp_thousands"}
#: denominator of a rate -> population measure labels (chart ``population``) that count it
POPULATION_MEASURES: dict[str, tuple[str, ...]] = {
    "residents": ("resident population", "residents"),
    "adults aged 18-64": ("adults aged 18-64",),
    "adults aged 65+": ("adults aged 65+",),
    "adults aged 18+": ("adults aged 18+",),
}


class FactBuilder:
    """Builds fact sheets; indexes the dataset once per instance (no global cache)."""

    def __init__(self, dataset: Dataset, catalog: Catalog) -> None:
        self.dataset = dataset
        self.catalog = catalog
        # (chart, series key, period) -> {authority code: observation}
        self._cells: dict[tuple[str, SeriesKey, str], dict[str, Observation]] = defaultdict(dict)
        for obs in dataset.observations:
            self._cells[(obs.chart_id, series_key(obs), obs.period)][obs.authority_code] = obs
        # (chart, series key) -> every period any authority reports it for
        self._periods: dict[tuple[str, SeriesKey], set[tuple[int, str]]] = defaultdict(set)
        for chart_id, key, period in self._cells:
            obs = next(iter(self._cells[(chart_id, key, period)].values()))
            self._periods[(chart_id, key)].add((obs.period_end, period))
        self._slugs: dict[SeriesKey, str] = {}
        self._ranks: dict[tuple[str, SeriesKey, str, bool], dict[str, tuple[int, int, int]]] = {}
        # (measure, breakdown) -> which way is better, memoised from the catalogue
        self._polarity: dict[tuple[str, str], dict[str, str]] = {}

    # ---- public API -------------------------------------------------------------------------
    def sheet(self, authority_code: str, chart_id: str) -> FactSheet:
        """The fact sheet of one chart for one authority (code as in the dataset)."""
        authority = self.dataset.authorities[authority_code]
        chart = self.catalog.chart(chart_id)
        facts: list[Fact] = []
        history: list[Fact] = []
        status = chart.availability if chart.availability in UNAVAILABLE else "no_data"
        if status == "no_data":
            facts, history = self._chart_facts(authority, chart)
            if any(f.kind in ("value", "suppressed") for f in facts):
                status = "ok"
        if status != "ok":
            why = UNAVAILABLE.get(status, "not available for this council")
            facts.append(
                Fact(
                    id=f"{chart_id}:no_data",
                    kind="no_data",
                    subject=authority.code,
                    text_hint=f"There is no data for {authority.name} on this chart: it is {why}.",
                )
            )
        return FactSheet(
            authority=authority,
            chart_id=chart_id,
            chart_title=chart.title,
            section=chart.section,
            status=status,
            facts=self._with_polarity(facts),
            notes=list(chart.notes),
            history=self._with_polarity(history),
        )

    def _with_polarity(self, facts: list[Fact]) -> list[Fact]:
        """Facts of a measure with a better way (``data/polarity.yaml``) carry it in
        ``detail["better"]`` ("higher" or "lower"), and the words for its opposite, if any, in
        ``detail["opposite"]`` ("isolated|lonely"); every measure's plain words for residents
        (``data/wording.yaml``) are in ``detail["plain"]``. For writers and the verifier."""
        out = []
        for f in facts:
            key = (f.measure, f.breakdown)
            if key not in self._polarity:
                self._polarity[key] = self._meaning(*key) if f.measure else {}
            extra = self._polarity[key]
            if extra:
                f = f.model_copy(update={"detail": {**f.detail, **extra}})
            out.append(f)
        return out

    def _meaning(self, measure: str, breakdown: str) -> dict[str, str]:
        p = self.catalog.polarity_of(measure, breakdown)
        extra: dict[str, str] = {}
        if p is not None:
            extra["better"] = p.better
            if p.opposite:
                extra["opposite"] = "|".join(p.opposite)
        plain = self.catalog.plain(measure, breakdown)
        if plain:
            extra["plain"] = plain
        return extra

    def _chart_facts(self, authority: Authority, chart: Chart) -> tuple[list[Fact], list[Fact]]:
        """Facts of every series the authority (or, for regional charts, its region) has, and
        the history of those series (earlier periods)."""
        subject = authority
        rows = self.dataset.for_chart(authority.code, chart.id)
        facts: list[Fact] = []
        if not any(usable(o) or o.suppressed for o in rows):
            region = self.dataset.region_of(authority)
            region_rows = self.dataset.for_chart(region.code, chart.id) if region else []
            if chart.availability == "regional" and region and region_rows:
                subject, rows = region, region_rows
                facts.append(
                    Fact(
                        id=f"{chart.id}:regional",
                        kind="note",
                        subject=region.code,
                        comparator_name=region.name,
                        text_hint=f"These figures are for the whole {region.name} region, "
                        f"not for {authority.name} alone.",
                    )
                )
        history: list[Fact] = []
        for key, obs_list in self._group(rows).items():
            facts.extend(self._series_facts(chart.id, subject, key, obs_list))
            history.extend(self._history(chart.id, subject, key, facts))
        facts.extend(share_facts(chart.id, subject, rows))
        return facts, history

    def sheets_for(self, authority_code: str) -> list[FactSheet]:
        """Every chart's sheet for one authority, in catalogue order."""
        return [self.sheet(authority_code, c.id) for c in self.catalog.charts]

    # ---- internals --------------------------------------------------------------------------
    @staticmethod
    def _group(rows: Iterable[Observation]) -> dict[SeriesKey, list[Observation]]:
        grouped: dict[SeriesKey, list[Observation]] = defaultdict(list)
        for obs in rows:
            grouped[series_key(obs)].append(obs)
        for obs_list in grouped.values():
            obs_list.sort(key=lambda o: (o.period_end, o.period))
        return dict(grouped)

    def _series_facts(
        self, chart_id: str, subject: Authority, key: SeriesKey, obs_list: list[Observation]
    ) -> list[Fact]:
        measure, breakdown, unit, denominator, _source = key
        slug = self._slugs.get(key) or self._slugs.setdefault(key, series_slug(key))
        base = f"{chart_id}:{slug}"
        common = dict(measure=measure, breakdown=breakdown, unit=unit, denominator=denominator)
        label = f"{measure} ({breakdown})" if breakdown else measure
        facts: list[Fact] = []
        latest_period_end = obs_list[-1].period_end
        for obs in obs_list:
            if obs.status != "reported" and obs.period_end == latest_period_end:
                facts.append(
                    Fact(
                        id=f"{base}:missing:{obs.period}",
                        kind="missing",
                        period=obs.period,
                        subject=subject.code,
                        **common,
                        text_hint=f"No figure was published for {subject.name} for {label} "
                        f"in {obs.period}.",
                        sources=[ref(obs)],
                    )
                )
        good = [o for o in obs_list if usable(o)]
        suppressed = [o for o in obs_list if o.suppressed]
        if suppressed and (not good or suppressed[-1].period_end >= good[-1].period_end):
            obs = suppressed[-1]
            bound = f" (published as {fmt_num(obs.value)}, meaning 5 or fewer)" if obs.value else ""
            facts.append(
                Fact(
                    id=f"{base}:suppressed",
                    kind="suppressed",
                    period=obs.period,
                    subject=subject.code,
                    value=obs.value,
                    **common,
                    detail={"upper_bound": obs.value},
                    text_hint=f"The figure for {label} in {obs.period} is withheld to protect "
                    f"privacy{bound}; it is not an exact number.",
                    sources=[ref(obs)],
                )
            )
            return facts
        if not good:
            return facts
        latest = good[-1]
        value = float(latest.value)  # type: ignore[arg-type]
        facts.append(
            Fact(
                id=f"{base}:value",
                kind="value",
                period=latest.period,
                subject=subject.code,
                value=value,
                **common,
                text_hint=f"{subject.name}: {fmt_value(value, unit, denominator)} — {label}, "
                f"{latest.period}.",
                sources=[ref(latest)],
            )
        )
        if unit not in ABSOLUTE_UNITS:  # totals depend on size: never compared or ranked
            facts.extend(self._comparisons(chart_id, subject, key, latest, base, common, label))
            facts.extend(self._rank(chart_id, subject, key, latest, base, common, label))
            facts.extend(self._peer_rank(chart_id, subject, key, latest, base, common, label))
        facts.extend(trend_facts(subject, good, base, common, label))
        facts.extend(self._count_estimate(subject, latest, base, common, label))
        return facts

    def _history(
        self, chart_id: str, subject: Authority, key: SeriesKey, facts: list[Fact]
    ) -> list[Fact]:
        """Every reported value of the series for the subject, England and the region, except
        those the sheet's facts already state (the subject's and comparators' latest)."""
        slug = self._slugs.get(key) or series_slug(key)
        base = f"{chart_id}:{slug}"
        stated = {
            (f.comparator if f.kind == "comparator_value" else "", f.period)
            for f in facts
            if f.kind in ("value", "comparator_value", "suppressed") and f.id.startswith(base + ":")
        }
        parties: list[tuple[str, Authority | None]] = [("", subject)]
        if subject.kind != "england":
            parties.append(("england", self.dataset.england_for(subject)))
        if subject.kind == "council":
            parties.append(("region", self.dataset.region_of(subject)))
        measure, breakdown, unit, denominator, _source = key
        label = f"{measure} ({breakdown})" if breakdown else measure
        out: list[Fact] = []
        latest = next((f for f in facts if f.kind == "value" and f.id.startswith(base + ":")), None)
        common = dict(measure=measure, breakdown=breakdown, unit=unit, denominator=denominator)
        if unit in ABSOLUTE_UNITS and latest is not None:
            # a total's rank ("the 8th largest budget of 147 councils"): evidence a text may
            # cite, never a headline (totals mostly say how big a place is)
            obs = self._cells[(chart_id, key, latest.period)].get(subject.code)
            if obs is not None:
                out += self._rank(chart_id, subject, key, obs, base, common, label)
        for _end, period in sorted(self._periods.get((chart_id, key), ())):
            cell = self._cells[(chart_id, key, period)]
            own = cell.get(subject.code)
            if own is not None and usable(own) and ("", period) not in stated:
                # the rank of an earlier period ("in 2016-17 it was the 3rd highest of 146"):
                # evidence a text may cite when it names that period, never a headline
                out += self._rank(
                    chart_id, subject, key, own, base, common, label, tag=f":history:{period}"
                )
            for role, party in parties:
                obs = cell.get(party.code) if party is not None else None
                if obs is None or not usable(obs) or (role, period) in stated:
                    continue
                value = float(obs.value)  # type: ignore[arg-type]
                out.append(
                    Fact(
                        id=f"{base}:history:{role or 'subject'}:{period}",
                        kind="history",
                        measure=measure,
                        breakdown=breakdown,
                        period=period,
                        subject=subject.code,
                        comparator=role,
                        comparator_name=party.name if role else "",
                        value=value,
                        unit=unit,
                        denominator=denominator,
                        text_hint=f"{party.name}: {fmt_value(value, unit, denominator)} — "
                        f"{label}, {period}.",
                        sources=[ref(obs)],
                    )
                )
        return out

    def _comparators(
        self, chart_id: str, subject: Authority, key: SeriesKey, period: str
    ) -> list[tuple[str, str, float, list[SourceRef], dict]]:
        """What the subject's value of ``period`` is compared with: (comparator, its name,
        its value, the cells it comes from, detail): England, the region, and the median of
        the council's similar councils (``peer_median``)."""
        cell = self._cells.get((chart_id, key, period), {})
        out: list[tuple[str, str, float, list[SourceRef], dict]] = []
        parties: list[tuple[str, Authority | None]] = [
            ("england", self.dataset.england_for(subject))
        ]
        if subject.kind == "council":
            parties.append(("region", self.dataset.region_of(subject)))
        for name, comp in parties:
            other = cell.get(comp.code) if comp is not None and comp.code != subject.code else None
            if comp is not None and other is not None and usable(other):
                out.append((name, comp.name, float(other.value), [ref(other)], {}))  # type: ignore[arg-type]
        peers = self.peer_median(chart_id, subject, key, period)
        if peers is not None:
            median, cells, detail = peers
            out.append(("peers", PEERS_NAME, median, cells, detail))
        return out

    def peer_values(
        self, chart_id: str, subject: Authority, key: SeriesKey, period: str
    ) -> list[Observation]:
        """The reported values of the subject's similar councils for one series and period
        (nearest peer first); empty for a council without peers."""
        if subject.kind != "council":
            return []
        cell = self._cells.get((chart_id, key, period), {})
        found = (cell.get(code) for code in self.dataset.peers.get(subject.code, ()))
        return [o for o in found if o is not None and usable(o)]

    def peer_median(
        self, chart_id: str, subject: Authority, key: SeriesKey, period: str
    ) -> tuple[float, list[SourceRef], dict] | None:
        """The median of the similar councils' values (with their cells, and how many, the
        lowest and the highest in ``detail``) when at least ``MIN_PEER_POOL`` report one."""
        values = self.peer_values(chart_id, subject, key, period)
        if len(values) < MIN_PEER_POOL:
            return None
        numbers = [float(o.value) for o in values]  # type: ignore[arg-type]
        detail = {
            "of": len(numbers),  # peers with a figure
            "peers": len(self.dataset.peers.get(subject.code, ())),  # peers in the model
            "low": min(numbers),
            "high": max(numbers),
        }
        return statistics.median(numbers), [ref(o) for o in values], detail

    def _comparisons(self, chart_id, subject, key, latest, base, common, label) -> list[Fact]:
        facts: list[Fact] = []
        value = float(latest.value)
        for name, comp_name, cval, cells, extra in self._comparators(
            chart_id, subject, key, latest.period
        ):
            srcs = [ref(latest), *cells]
            shared = dict(
                period=latest.period,
                subject=subject.code,
                comparator=name,
                comparator_name=comp_name,
                **common,
            )
            direction = direction_of(value, cval)
            diff = value - cval
            rel = diff / cval * 100 if cval else None
            ratio = value / cval if cval else None
            shown_c = fmt_value(cval, common["unit"], common["denominator"])
            who = f"the median of its {extra['of']} {comp_name}" if extra else comp_name
            words = {
                "above": "higher than",
                "below": "lower than",
                "about_same": "about the same as",
            }[direction]
            facts += [
                Fact(
                    id=f"{base}:comparator_value:{name}",
                    kind="comparator_value",
                    value=cval,
                    sources=cells,
                    detail=extra,
                    **shared,
                    text_hint=f"{who[0].upper()}{who[1:]}: {shown_c} — {label}, {latest.period}.",
                ),
                Fact(
                    id=f"{base}:difference:{name}",
                    kind="difference",
                    value=diff,
                    sources=srcs,
                    **shared,
                    detail={"relative_pct": None if rel is None else round(rel, 2)},
                    text_hint=f"{subject.name} minus {who}: {fmt_num(diff)}"
                    + (f" ({fmt_num(rel, 1)}%)" if rel is not None else "")
                    + ".",
                ),
                Fact(
                    id=f"{base}:direction:{name}",
                    kind="direction",
                    direction=direction,
                    sources=srcs,
                    **shared,
                    detail={
                        "tolerance_pct": ABOUT_SAME_TOLERANCE * 100,
                        "subject_value": value,
                        "comparator_value": cval,
                    },
                    text_hint=f"{subject.name} ({fmt_num(value)}) is {words} {who} "
                    f"({fmt_num(cval)}).",
                ),
            ]
            if ratio is not None:
                facts.append(
                    Fact(
                        id=f"{base}:ratio:{name}",
                        kind="ratio",
                        value=round(ratio, 4),
                        sources=srcs,
                        **shared,
                        text_hint=f"{subject.name}'s value is {fmt_num(ratio, 2)} times "
                        + (f"that of {who}." if extra else f"{comp_name}'s."),
                    )
                )
        return facts

    def _rank_table(
        self, chart_id: str, key: SeriesKey, period: str, synthetic: bool
    ) -> dict[str, tuple[int, int]]:
        cache_key = (chart_id, key, period, synthetic)
        table = self._ranks.get(cache_key)
        if table is None:
            cell = self._cells.get((chart_id, key, period), {})
            pool = [
                (float(o.value), code)
                for code, o in cell.items()
                if usable(o)
                and (a := self.dataset.authorities[code]).kind == "council"
                and a.synthetic == synthetic
            ]
            pool.sort(key=lambda t: (-t[0], t[1]))
            table = {}
            if len(pool) >= MIN_RANK_POOL:
                sharing = Counter(val for val, _ in pool)
                for i, (val, code) in enumerate(pool):
                    # ties share the best rank; how many share it is kept too
                    rank = i + 1 if i == 0 or val != pool[i - 1][0] else table[pool[i - 1][1]][0]
                    table[code] = (rank, len(pool), sharing[val])
            self._ranks[cache_key] = table
        return table

    def _rank(self, chart_id, subject, key, latest, base, common, label, tag="") -> list[Fact]:
        """The council's rank and quarter among councils for the period of ``latest`` (ids
        ``…:rank`` and ``…:quartile``, with ``tag`` after them for an earlier period)."""
        if subject.kind != "council":
            return []
        entry = self._rank_table(chart_id, key, latest.period, subject.synthetic).get(subject.code)
        if entry is None:
            return []
        rank, of, tied = entry
        quartile = min(4, 1 + (rank - 1) * 4 // of)
        shared = dict(period=latest.period, subject=subject.code, comparator="councils", **common)
        pool_name = "synthetic councils" if subject.synthetic else "councils in England"
        return [
            Fact(
                id=f"{base}:rank{tag}",
                kind="rank",
                value=rank,
                # ``tied``: councils sharing this value (itself included), ranked together
                detail={"of": of, "order": "highest_first", "tied": tied}
                | ({"earlier": True} if tag else {}),
                sources=[ref(latest)],
                **shared,
                text_hint=f"{subject.name} ranks {rank} of {of} {pool_name} for {label} "
                f"(1 = highest), {latest.period}.",
            ),
            Fact(
                id=f"{base}:quartile{tag}",
                kind="quartile",
                value=quartile,
                detail={"of": of},
                sources=[ref(latest)],
                **shared,
                text_hint=f"{subject.name} is in quarter {quartile} of {pool_name} "
                f"(1 = highest quarter) for {label}, {latest.period}.",
            ),
        ]

    def _peer_rank(self, chart_id, subject, key, latest, base, common, label) -> list[Fact]:
        """The council's place among itself and its similar councils with a value (1 = the
        highest; ties share the best place), when at least ``MIN_PEER_POOL`` peers have one."""
        values = self.peer_values(chart_id, subject, key, latest.period)
        if len(values) < MIN_PEER_POOL:
            return []
        mine = float(latest.value)
        others = [float(o.value) for o in values]  # type: ignore[arg-type]
        rank = 1 + sum(v > mine for v in others)
        of = len(others) + 1
        return [
            Fact(
                id=f"{base}:rank:peers",
                kind="rank",
                value=rank,
                period=latest.period,
                subject=subject.code,
                comparator="peers",
                comparator_name=PEERS_NAME,
                **common,
                detail={"of": of, "order": "highest_first", "tied": 1 + others.count(mine)},
                sources=[ref(latest), *(ref(o) for o in values)],
                text_hint=f"{subject.name} ranks {rank} of {of} among itself and its "
                f"{PEERS_NAME} for {label} (1 = highest), {latest.period}.",
            )
        ]

    def _count_estimate(self, subject, latest, base, common, label) -> list[Fact]:
        if common["unit"] not in ("per_100k", "gbp_thousands_per_100k"):
            return []
        wanted = POPULATION_MEASURES.get(common["denominator"], ())
        pops = [
            o
            for o in self.dataset.for_chart(subject.code, "population")
            if o.measure in wanted and o.unit == "count" and usable(o)
        ]
        if not pops:
            return []
        pop = min(pops, key=lambda o: (abs(o.period_end - latest.period_end), -o.period_end))
        population = float(pop.value)
        estimate = float(latest.value) * population / 100_000
        rate_shown = fmt_value(float(latest.value), common["unit"], common["denominator"])
        money = common["unit"] == "gbp_thousands_per_100k"
        unit = "gbp_thousands" if money else "count"
        shown = (
            fmt_value(estimate, unit)
            if money
            else f"about {fmt_num(round(estimate, -1) if estimate >= 100 else round(estimate))}"
        )
        return [
            Fact(
                id=f"{base}:count_estimate",
                kind="count_estimate",
                value=round(estimate, 1),
                period=latest.period,
                subject=subject.code,
                measure=common["measure"],
                breakdown=common["breakdown"],
                unit=unit,
                denominator="",
                detail={
                    "rate": float(latest.value),
                    "population": population,
                    "population_period": pop.period,
                    "population_measure": pop.measure,
                },
                sources=[ref(latest), ref(pop)],
                text_hint=f"{label}: {rate_shown} "
                f"with {fmt_num(population)} {pop.measure} ({pop.period}) is {shown} in all.",
            )
        ]
