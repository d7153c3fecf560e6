"""Deterministic checks: each extracted :class:`Mention` against the indexed facts -> Claim.

Decision rules (see also ``narrator/verify/__init__.py``):

* a number is **supported** when a fact of a compatible unit, of the right party (the council,
  England, the region) and of the measure the sentence talks about lies inside the interval the
  hedge allows; **contradicted** when such facts exist but none fits (the expected value is the
  nearest one); **unverifiable** when the sheets hold nothing it could be.
* directions, trends, ranks and ratios are compared with the matching direction / trend /
  rank / quartile / ratio facts; a trend claim with no trend fact is an invented trend.
* causal or evaluative phrases are always unverifiable (the data cannot show why).
"""

from __future__ import annotations

from narrator.models import Claim, Fact
from narrator.text import fmt_num, fmt_value
from narrator.verify.extract import Mention
from narrator.verify.index import (
    Candidate,
    FactIndex,
    Key,
    KeyWords,
    fact_denominator,
    negative_label,
    series_of,
    tokens,
)
from narrator.verify.mention import COMPARATORS, PARTIES
from narrator.verify.numbers import hedge_interval
from narrator.verify.periods import (
    LATEST,
    Between,
    Earlier,
    Later,
    LatestIfHeld,
    Next,
    Previous,
    Stated,
    chronological,
    matches,
    years_of,
)

_CLS = {"percent": "percent", "pp": "pp", "gbp": "gbp", "days": "days", "times": "times"}
_ENT_LABEL = {"england": "England", "region": "the region", "subject": "", "relation": ""}


class Checker:
    """Checks the mentions of one text against one :class:`FactIndex`."""

    def __init__(self, index: FactIndex) -> None:
        self.ix = index
        self.focus_memo: dict[int, set[Key]] = {}

    # ---- context ----------------------------------------------------------------------
    def focus(self, sentence_text: str) -> set[Key]:
        """Keys (chart, measure, breakdown) whose distinctive words the sentence uses.

        A sentence opening with a chart's title ("Carer support type: In 2021-22, ...", as
        summaries quote their charts) is about that chart alone: its words are matched against
        the series of the chart(s) of that title only, as in that chart's own text, and with no
        distinctive word it may still use any series of those charts, but no other chart's.
        """
        titled = self._title(sentence_text) if ":" in sentence_text else None
        if titled is None:
            return self.ix.key_words.best(tokens(sentence_text))
        title, rest = titled
        words = self.ix.title_words.get(title)
        if words is None:
            charts = self.ix.title_charts[title]
            raw = {
                k: t
                for k, t in self.ix.series_tokens.items()
                if any(k in self.ix.chart_series[c] for c in charts)
            }
            words = self.ix.title_words[title] = KeyWords(raw)
        keys = words.best(tokens(rest))
        if not keys:
            keys = set().union(*(self.ix.chart_series[c] for c in self.ix.title_charts[title]))
        return keys

    def titled_series(self, sentence_text: str) -> set[Key] | None:
        """The series of the chart(s) a "<chart title>:" opening scopes the sentence to."""
        titled = self._title(sentence_text) if ":" in sentence_text else None
        if titled is None:
            return None
        return set().union(*(self.ix.chart_series[c] for c in self.ix.title_charts[titled[0]]))

    def _title(self, sentence_text: str) -> tuple[str, str] | None:
        """(chart title, the rest) when a line of the sentence opens with "<chart title>:"."""
        colon = sentence_text.find(":")
        line = sentence_text.rfind("\n", 0, colon) + 1
        title = sentence_text[line:colon].strip().lower()
        if title in self.ix.title_charts:
            return title, sentence_text[colon + 1 :]
        return None

    def fact_of(self, claim: Claim) -> Fact | None:
        """The fact a claim was traced to (its first), if any."""
        return self.ix.fact_by_id.get(claim.fact_ids[0]) if claim.fact_ids else None

    def series(self, f: Fact) -> Key:
        key = self.ix.series_by_id.get(f.id)
        return key if key is not None else series_of(f, self.ix.chart_of.get(f.id, ""))

    def name(self, entity: str) -> str:
        if entity == "england":
            return "England"
        if entity == "peers":
            return "similar councils"
        if entity == "region":
            return self.ix.region_name or "the region"
        return self.ix.subject_name or "the council"

    # ---- numbers ----------------------------------------------------------------------
    def number(
        self,
        m: Mention,
        focus: set[Key],
        previous: set[Key] | None = None,
        local: set[Key] | None = None,
        named: set[Key] | None = None,
    ) -> Claim:
        """Check one figure against the series it is bound to.

        Binding, most specific first: ``local`` (the series the words right around the figure
        name), ``focus`` (the series its sentence names most), ``previous`` (the series the
        prior sentence's figures matched: "That is lower than England (122)."; a total such as
        "that works out at about 8,350 in all" refers back to it). Precision first: a figure
        that fits no series it is bound to but fits another series its sentence also names
        (``named``) is supported; it is contradicted only when no series the sentence names
        has it."""
        if m.extra.get("councils"):  # "of the 149 councils": only a ranking's count fits
            # (of any period: "in 2021-22, the highest of the 103 councils with data")
            counts = [f for f in self.ix.ranks if f.kind == "rank" and f.detail.get("of")]
            hit = next((f for f in counts if f.detail["of"] == m.value), None)
            if hit is not None:
                c = Candidate(
                    m.value or 0.0, "plain", "subject", hit, self.series(hit),
                    role="detail", period=hit.period,
                )  # fmt: skip
                return self._supported_number(m, c)
            return self._claim(
                m, "unverifiable", reason="no ranking here counts this many councils"
            )
        if m.extra.get("peers"):  # "its 15 similar councils": the size of its peer group
            return self._peer_count(m)
        cls = "percent" if m.kind in ("fraction",) else _CLS.get(m.unit, "plain")
        if m.unit == "per_100k":
            cls = "plain"
        peers = "peers" in (m.entity, m.comparator)
        pool = self._pool(cls, bool(m.extra.get("rate")), m.relational, m.total, peers)
        if m.relational and m.comparator:  # "4.6 points above the South West": its gaps only
            pool = [c for c in pool if c.entity != "relation" or c.fact.comparator == m.comparator]
        if m.extra.get("maybe_negated") and m.unit == "percent" and not m.negated:
            # a negation elsewhere in its clause: the share or its complement may be meant
            plain = m.model_copy_plain()
            del plain.extra["maybe_negated"]
            claim = self.number(plain, focus, previous, local, named)
            if claim.status != "supported":
                plain.negated = True
                other = self.number(plain, focus, previous, local, named)
                if other.status == "supported":
                    return other
            return claim
        stated = m.value or 0.0
        if m.negated and m.unit == "percent":  # "32% were not satisfied": 68% were
            stated = 100.0 - stated
            # unless the measure's own name is negative ("no further support"), when the words
            # are a plain negation, not its opposite ("needed further support")
            if self.ix.negated_labels and not m.extra.get("opposite"):
                plain = self.number(m.model_copy_plain(), focus, previous, local, named)
                fact = self.fact_of(plain)
                if plain.status == "supported" and fact is not None and negative_label(fact):
                    return plain
        lo, hi = hedge_interval(stated, m.precision, m.hedge)
        every = pool
        if m.period is not None:  # a stated period: only that period's readings may match
            every = pool + self._history_pool(cls, bool(m.extra.get("rate")), m.relational)
            pool = [c for c in every if self.in_period(m.period, c)]
            if not pool:
                return self._other_period(m, every, lo, hi, focus)
        if not pool:
            return self._claim(m, "unverifiable", reason=self._no_fact_reason(m))
        if m.total and not focus and previous:
            focus = previous
        focused = [c for c in pool if c.key in focus] if focus else []
        scoped = focused or pool
        bound = m.entity if m.entity in PARTIES else ""
        if bound == "region" and self.ix.regional and not any(c.entity == "region" for c in scoped):
            # a regional chart's own figures are the region's ("the East Midlands' turnover");
            # in a summary, another chart's region figures stay the region's
            bound = "subject"
        if bound:
            own = [c for c in scoped if c.entity in (bound, "relation")]
            own = own or [c for c in pool if c.entity in (bound, "relation")]
            scoped = own or scoped
        hit = None
        if local:
            near_words = [c for c in pool if c.key in local]
            if bound:
                near_words = [c for c in near_words if c.entity in (bound, "relation")]
            hit = self._first_fit(near_words, lo, hi, m, bound)
        if hit is None and not focus and previous and not m.total:
            # "That is lower than England (122).": a sentence naming no measure goes on about
            # the series the previous sentence's figures were traced to, when it fits
            hit = self._first_fit([c for c in scoped if c.key in previous], lo, hi, m, bound)
        hit = hit or self._first_fit(scoped, lo, hi, m, bound)
        if hit is None and bound and named:
            # precision first: the bound party's figure of another series the sentence names
            # ("requests ran at 960, roughly half England's 1,800, while 795 got support")
            theirs = [c for c in pool if c.key in named and c.entity in (bound, "relation")]
            hit = self._first_fit(theirs, lo, hi, m, bound)
        if hit is None and focus:
            # one measure from two sources (Oflog's turnover and ASCOF 6A's): a figure either
            # publishes is the measure's
            twins = set().union(*(self.ix.twins.get(k, set()) for k in focus)) - focus
            theirs = [c for c in pool if c.key in twins and (not bound or c.entity == bound)]
            hit = self._first_fit(theirs, lo, hi, m, bound) if theirs else None
        if hit is not None:
            return self._supported_number(m, hit)
        other = self._best(pool, lo, hi, m)
        near = min(scoped, key=lambda c: abs(c.value - (m.value or 0.0)))
        if m.kind == "money":
            slip = self._unit_slip(m, scoped)
            if slip is not None:
                return slip
        if (
            other is not None
            and bound in COMPARATORS
            and other.entity == "subject"
            and not m.extra.get("range")
            and not m.extra.get("owner_said")
        ):
            # the council's own figure near words naming England or the region ("among the ten
            # lowest in the country at £6.5 million"): the text is about the council, and its
            # figure is traced; a comparator's figure said as the council's stays a slip below
            # (not a range's end: "similar councils ranged from 60.3% to 72.9%" states the
            # peers' range, and the council's own 72.9% is not their top; nor a figure said
            # to be the area's: "The East Midlands is 71.4%")
            return self._supported_number(m, other)
        if other is not None and bound and other.entity not in (bound, "relation"):
            who = self.name(other.entity)
            return self._claim(
                m,
                "contradicted",
                near,
                reason=(
                    f"{m.text.strip()} is {owner(who)} figure, not {owner(self.name(bound))} "
                    f"({self._show(near)})"
                ),
            )
        if other is not None and (
            not focused
            or (named and other.key in named)
            or not (focus & (named or set()))
            or (local is not None and not local and len(self.ix.sheets) > 1)
        ):  # a figure of a series the sentence names, or the sentence (or, in a summary, the
            # figure's own words) names none for sure
            return self._supported_number(m, other)
        if m.period is not None:
            wrong_period = self._other_period(m, every, lo, hi, focus)
            if wrong_period.status == "contradicted":
                return wrong_period
        if bound in COMPARATORS and not any(c.entity == bound for c in pool):
            # precision first: "England's growth rate of 3.4%" when the data holds no figure of
            # England's in this unit (no change of England's): nothing to check it against
            return self._claim(
                m,
                "unverifiable",
                reason=f"the data gives no figure like {m.text.strip()} for {self.name(bound)}",
            )
        if other is not None and other.entity == "subject" and not local:
            # precision first: the council's own figure of a series its sentence names only
            # loosely ("A higher score means more deprived, and Leicester's 30.9 is among the
            # 30 highest"): no words beside the figure bind it, so which it is stays open
            return self._claim(
                m,
                "unverifiable",
                other,
                reason=(
                    f"{m.text.strip()} is {self._show(other)} for {self._label(other.fact)}, "
                    "but the words around it do not say which measure it is"
                ),
            )
        return self._claim(
            m,
            "contradicted",
            near,
            reason=(
                f"the data gives {self._show(near)}"
                + (f" for {self._label(near.fact)}" if near.fact.measure else "")
            ),
        )

    def relates(self, keys: set[Key]) -> bool:
        """Whether any of the series ``keys`` has a relation fact (a gap or a ratio to England
        or the region) to check a relation against."""
        if self.ix.relation_keys is None:
            self.ix.relation_keys = {
                c.key
                for cands in self.ix.candidates.values()
                for c in cands
                if c.entity == "relation"
            }
        return bool(keys & self.ix.relation_keys)

    # ---- periods ----------------------------------------------------------------------
    def in_period(self, stated: object, c: Candidate) -> bool:
        """Whether candidate ``c`` is a reading of the period(s) ``stated`` (a mention's
        ``period``: a tuple of stated periods and ``LATEST``, or a ``Previous``)."""
        latest = c.role not in ("history", "first_value")  # the latest period's readings
        return self.period_fits(stated, c.key, c.period, latest, c.entity in COMPARATORS)

    def period_fits(
        self, stated: object, key: Key, period: str, latest: bool, comparator: bool = False
    ) -> bool:
        """Whether a fact of series ``key`` for ``period`` (``latest``: the series' latest
        period) is what the period(s) ``stated`` refer to. A ``comparator``'s figure is
        loosely of the latest period whatever its series holds (England's figure beside a
        council's said for the wrong year)."""
        if type(stated) is tuple:  # stated periods, the latest, or relative ones: any of them
            for s in stated:
                if s == LATEST:
                    if latest:
                        return True
                elif type(s) is Stated:
                    if period and matches(s, period):
                        return True
                elif type(s) is LatestIfHeld:
                    if latest and (comparator or self._holds(key, s.stated)):
                        return True
                elif self.period_fits(s, key, period, latest, comparator):
                    return True
            return False
        if isinstance(stated, Previous):
            before = self._previous(key, stated.anchor, stated.back, stated.surveys)
            return bool(period) and period == before
        if isinstance(stated, Earlier):
            end = max(stated.anchor.years) if stated.anchor else self.ix.series_end.get(key, 0)
            return bool(period) and max(years_of(period)[0], default=0) < end
        if isinstance(stated, Next):
            return bool(period) and period == self._next(key, stated.anchor)
        if isinstance(stated, Later):
            return bool(period) and max(years_of(period)[0], default=0) > max(stated.anchor.years)
        if isinstance(stated, Between):  # a list of figures over a run of periods
            year = max(years_of(period)[0], default=0) if period else 0
            return stated.since <= year <= (stated.until or year)
        return False

    def _periods(self, key: Key) -> set[str]:
        """The periods of series ``key``: its earlier readings and its latest ones."""
        return set(self.ix.history_periods.get(key, set())) | set(
            self.ix.subject_values.get(key, {})
        )

    def _holds(self, key: Key, stated: Stated) -> bool:
        """Whether series ``key`` has a reading of the ``stated`` period."""
        return any(matches(stated, p) for p in self._periods(key))

    def _previous(
        self, key: Key, anchor: Stated | None = None, back: int = 1, surveys: bool = False
    ) -> str:
        """The period of a series ``back`` periods before ``anchor`` (or before its latest):
        what "the year before" (1) or "two years earlier" (2) refers to; with ``surveys``
        ("two surveys earlier") counted in readings, never by the calendar."""
        memo = self.ix.previous
        if (key, anchor, back, surveys) not in memo:
            periods = self._periods(key)
            # (with no anchor: before the council's latest reading; a comparator's later one,
            # England's calendar-year 2024 beside a survey's 2023-24, is not the latest)
            own = [max(years_of(p)[0], default=0) for p in self.ix.subject_values.get(key, {})]
            end = (
                max(anchor.years) if anchor else max(own) if own else self.ix.series_end.get(key, 0)
            )
            before = chronological(p for p in periods if max(years_of(p)[0], default=0) < end)
            # by the calendar when a period ends that many years earlier (a survey every two
            # years has no period one year back), else that many periods back
            dated = [p for p in before if max(years_of(p)[0]) == end - back and not surveys]
            # (not for a series that ended before the anchor: "down from 27.3% the year
            # before" 2024-25 is not the Oflog series' 2022-23, its last)
            ended = anchor is not None and self.ix.series_end.get(key, 0) < end
            memo[(key, anchor, back, surveys)] = (
                dated[-1] if dated else (before[-back] if len(before) >= back and not ended else "")
            )
        return memo[(key, anchor, back, surveys)]

    def _next(self, key: Key, anchor: Stated) -> str:
        """The period of a series after ``anchor``: what "a year later" refers to (by the
        calendar when a period ends a year later, else the next one the series has)."""
        periods = self._periods(key)
        end = max(anchor.years)
        after = chronological(p for p in periods if max(years_of(p)[0], default=0) > end)
        dated = [p for p in after if max(years_of(p)[0]) == end + 1]
        return dated[0] if dated else (after[0] if after else "")

    def _other_period(
        self, m: Mention, every: list[Candidate], lo: float, hi: float, focus: set[Key]
    ) -> Claim:
        """A figure whose stated period holds no matching reading: contradicted when it is the
        figure of another period of a series the sentence names, else unverifiable."""
        label = (
            " or ".join(
                s.label
                if isinstance(s, Stated)
                else "the year before"
                if isinstance(s, Previous)
                else "the latest period"
                for s in m.period
                if not isinstance(s, LatestIfHeld)
            )
            if isinstance(m.period, tuple)
            else "an earlier period"
            if isinstance(m.period, Earlier)
            else "a later period"
            if isinstance(m.period, Later)
            else f"the period after {m.period.anchor.label}"
            if isinstance(m.period, Next)
            else f"the periods from {m.period.since}"
            if isinstance(m.period, Between)
            else "the year before"
            if getattr(m.period, "back", 1) == 1
            else "two periods before"
        )
        named = [c for c in every if c.key in focus] if focus else every
        fit = self._best([c for c in named if c.period], lo, hi, m)
        if fit is not None and m.value is not None:
            return self._claim(
                m,
                "contradicted",
                fit,
                reason=f"{self._show(fit)} is the figure for {fit.period}, not {label} "
                "(wrong period)",
            )
        return self._claim(
            m,
            "unverifiable",
            reason=f"the data has no figure of this kind for {label} that matches",
        )

    def _history_pool(self, cls: str, rate: bool, relational: bool) -> list[Candidate]:
        """Earlier periods' readings (and gaps, for a figure said as one)."""
        key = ("history", cls, rate, relational)
        pool = self.ix.pools.get(key)  # type: ignore[arg-type]
        if pool is None:
            pool = [c for c in self.ix.candidates.get(cls, ()) if c.role == "history"]
            if rate:
                pool = [c for c in pool if c.rate or c.entity == "relation"]
            if not relational:
                pool = [c for c in pool if c.entity != "relation"]
            self.ix.pools[key] = pool  # type: ignore[index]
        return pool

    def _peer_count(self, m: Mention) -> Claim:
        """A number of similar councils: all of them (the peer list), those with a figure, or
        those with a figure and the council itself (a place "of 15")."""
        sizes: dict[float, Fact] = {}
        for f in self.ix.peer_ranks:
            of = float(f.detail.get("of") or 0)
            sizes |= {of - 1: f, of: f}
        for f in self.ix.fact_by_id.values():
            if f.kind == "comparator_value" and f.comparator == "peers":
                sizes |= {float(f.detail.get(k) or 0): f for k in ("of", "peers")}
        hit = sizes.get(m.value or 0.0)
        if hit is None:
            known = ", ".join(fmt_num(n) for n in sorted(sizes) if n) or "none"
            return self._claim(
                m,
                "contradicted" if sizes else "unverifiable",
                reason=f"the similar councils here number {known}",
            )
        c = Candidate(m.value or 0.0, "plain", "peers", hit, self.series(hit), role="detail")
        return self._supported_number(m, c)

    def _pool(
        self, cls: str, rate: bool, relational: bool, total: bool, peers: bool = False
    ) -> list[Candidate]:
        """Candidates a figure of this shape may match (memoised on the index; never mutated).
        Earlier periods' readings (``history``) are left out: a figure with no stated period
        is about the latest period. The similar councils' median and the gaps to it are
        candidates only of a figure bound to them (``peers``: "similar councils' 65.2%"): a
        figure the text gives as the council's, England's or no one's is never traced to it."""
        key = (cls, rate, relational, total, peers)
        pool = self.ix.pools.get(key)
        if pool is None:
            pool = [
                c
                for c in self.ix.candidates.get(cls, ())
                if c.role != "history" and (peers or c.fact.comparator != "peers")
            ]
            if rate:
                pool = [c for c in pool if c.rate or c.entity == "relation"]
            if not relational:
                pool = [
                    c for c in pool if c.entity != "relation" or c.role in ("change", "change_pct")
                ]
            if total:
                pool = [c for c in pool if c.total] or pool
            self.ix.pools[key] = pool
        return pool

    def _first_fit(
        self, scoped: list[Candidate], lo: float, hi: float, m: Mention, bound: str
    ) -> Candidate | None:
        """The best fit, among the figures of the entity a nearby name suggests first."""
        near_entity = m.extra.get("near")
        hit = None
        if not bound and near_entity:
            hit = self._best([c for c in scoped if c.entity == near_entity], lo, hi, m)
        return hit or self._best(scoped, lo, hi, m)

    def _best(self, pool: list[Candidate], lo: float, hi: float, m: Mention) -> Candidate | None:
        best, dist = None, float("inf")
        for c in pool:
            if c.suppressed:
                ok = (
                    m.hedge
                    in ("up to", "at most", "no more than", "fewer than", "less than", "under")
                    and (m.value or 0) >= c.value
                )
            else:
                ok = lo <= c.value <= hi
            if ok and abs(c.value - (m.value or 0)) < dist:
                best, dist = c, abs(c.value - (m.value or 0))
        return best

    def _supported_number(self, m: Mention, c: Candidate) -> Claim:
        if m.denominator and c.rate:
            fd = fact_denominator(c.fact)
            if fd and fd != m.denominator:
                said = f"per 100,000 {_DENOM_WORDS.get(m.denominator, m.denominator)}"
                if m.extra.get("per_head"):  # "£476 per resident", "for every person there"
                    said = "per resident"
                return self._claim(
                    m,
                    "contradicted",
                    c,
                    reason=(
                        f"the figure is per 100,000 {c.fact.denominator}, not {said} "
                        "(wrong denominator)"
                    ),
                )
        if c.suppressed and not m.hedge:
            return self._claim(
                m,
                "contradicted",
                c,
                reason=(
                    "the published figure is suppressed (1-5 shown as 5); do not state it as exact"
                ),
            )
        shown = self._show(c)
        return self._claim(m, "supported", c, expected=shown, reason="matches " + shown)

    def _unit_slip(self, m: Mention, pool: list[Candidate]) -> Claim | None:
        lo, hi = hedge_interval(m.value or 0.0, m.precision, m.hedge)
        for c in self.ix.candidates.get("gbp", ()):
            if lo <= c.value / 1000 <= hi:
                return self._claim(
                    m,
                    "contradicted",
                    c,
                    reason=(
                        f"unit slip: the table is in £ thousands, so {fmt_num(c.value / 1000)} "
                        f"means "
                        f"{self._money(c.value)}, not {m.text.strip()}"
                    ),
                )
        return None

    def _no_fact_reason(self, m: Mention) -> str:
        what = {"gbp": "money", "percent": "percentage", "times": "ratio", "days": "days"}.get(
            m.unit, "figure"
        )
        return f"no {what} in the data for this chart matches; it cannot be traced to a source"

    # ---- formatting -------------------------------------------------------------------
    @staticmethod
    def _money(pounds: float) -> str:
        if abs(pounds) >= 1e6:
            return f"£{fmt_num(pounds / 1e6, 1)} million"
        return f"£{fmt_num(pounds, 0)}"

    def _show(self, c: Candidate) -> str:
        f = c.fact
        who = self.name(c.entity) if c.entity in PARTIES else ""
        if c.cls == "gbp":
            txt = self._money(c.value)
            if c.rate:
                txt += f" per 100,000 {f.denominator or 'residents'}"
        elif c.cls in ("percent", "pp"):
            txt = f"{fmt_num(c.value)}%" if c.cls == "percent" else f"{fmt_num(c.value)} points"
            if c.role == "relative":
                txt += " (relative difference)"
        elif c.cls == "times":
            txt = f"{fmt_num(c.value, 2)} times"
        elif c.role == "value" and f.unit and f.kind in ("value", "comparator_value"):
            txt = fmt_value(c.value, f.unit, f.denominator)
        else:
            txt = fmt_num(c.value)
        if c.role in ("low", "high"):  # the similar councils' range
            txt = f"{'lowest' if c.role == 'low' else 'highest'} {txt}"
        return f"{who} {txt}".strip() if who else txt

    @staticmethod
    def _label(f: Fact) -> str:
        return f"{f.measure} ({f.breakdown})" if f.breakdown else f.measure

    def _claim(
        self,
        m: Mention,
        status: str,
        c: Candidate | Fact | None = None,
        expected: str = "",
        reason: str = "",
    ) -> Claim:
        fact = c.fact if isinstance(c, Candidate) else c
        if isinstance(c, Candidate) and not expected:
            expected = self._show(c)
        elif fact is not None and not expected:
            expected = fact.text_hint
        # a validated constructor: pydantic-core builds it faster than model_construct (measured)
        return Claim(
            text=m.text,
            start=m.start,
            end=m.end,
            kind=m.kind,
            value=m.value,
            unit=m.unit,
            hedge=m.hedge,
            comparator=m.comparator,
            status=status,
            expected=expected,
            reason=reason,
            fact_ids=[fact.id] if fact is not None else [],
            sources=list(fact.sources) if fact is not None else [],
        )


_DENOM_WORDS = {
    "65+": "people aged 65+",
    "18-64": "adults aged 18-64",
    "18+": "adults",
    "all": "residents",
    "carers": "carers",
}


def owner(name: str) -> str:
    """ "England's", "similar councils'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"
