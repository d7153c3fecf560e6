"""An index over the facts of one or more fact sheets, shaped for fast claim checking.

Every numeric reading a writer could legitimately make of a fact becomes a :class:`Candidate`
in a *unit class* (plain, percent, pp, gbp, days, times, ordinal): e.g. a £-thousands fact is
a ``gbp`` candidate at value × 1000 and a ``plain`` one at its published value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from narrator.models import Fact, FactSheet
from narrator.verify.extract import ExtractionContext, normalise_fact_denominator

Key = str  # one series: "chart:series" (the fact id up to its kind), see :func:`series_of`

_STOP = frozenset(
    "a an and the of for to in on by from with who that their they are is was were as at it its "
    "per people aged than or more much this these those be been has have had all england "
    "english national region regional rank ranks ranked ranking "
    "value values council councils authority authorities borough city county "
    "rate rates share proportion percentage figure figures number level average".split()
)
_SYN = {
    "asked": "request", "asking": "request", "ask": "request", "request": "request",
    "supported": "receiving", "supporting": "receiving", "receive": "receiving",
    "received": "receiving", "receives": "receiving", "got": "receiving", "get": "receiving",
    "gets": "receiving", "getting": "receiving", "given": "receiving",
    "discharged": "left", "discharge": "left", "discharges": "left",
    "longterm": "long", "ongoing": "long", "nurse": "nursing", "home": "home",
    "spend": "expenditure", "spent": "expenditure", "spending": "expenditure",
    "cost": "expenditure", "costs": "expenditure", "complaint": "complaint",
    "contributed": "contribution", "contribute": "contribution", "contributing": "contribution",
    "satisfied": "satisfied", "satisfaction": "satisfied", "vacancy": "vacant",
    "vacancies": "vacant", "turnover": "left", "leaving": "left", "leave": "left",
    "delayed": "delay", "delays": "delay", "contribution": "contribution", "nhs": "nhs",
    "residential": "residential", "deprivation": "deprived", "deprived": "deprived",
    "disability": "disabled", "recruiting": "recruitment", "recruit": "recruitment",
    "retaining": "retention", "retain": "retention", "information": "information",
    "info": "information", "advice": "information", "gross": "gross", "net": "net",
    "ombudsman": "ombudsman", "payment": "payment", "payments": "payment", "carer": "carer",
    "density": "density", "dense": "density", "crowded": "density", "older": "65",
    "elderly": "65", "pensioner": "65", "working": "64", "younger": "64", "65s": "65",
    "75s": "75", "85s": "85", "happy": "satisfied", "unhappy": "satisfied", "jobs": "job",
    "worker": "staff", "workers": "staff", "ease": "easy", "easier": "easy", "easily": "easy",
    "finding": "find", "finds": "find", "found": "find", "chipped": "contribution",
}  # fmt: skip
_TOKEN = re.compile(r"[a-z0-9]+")
AGES = frozenset({"18", "64", "65", "75", "85"})
#: words that name who is counted, which a rate's denominator names too ("per 100,000 adults
#: aged 65+"): they never set one measure apart from another
PEOPLE = AGES | frozenset({"adult", "person", "resident", "population", "over", "older"})


# A pure function of a short string; memoised because a sentence's words are read by several
# checks (its focus, the series it names, each figure's window). Holds strings only.
@lru_cache(maxsize=8192)
def tokens(text: str) -> frozenset[str]:
    """Content words, lightly stemmed and mapped to shared synonyms.

    >>> sorted(tokens("Requests for support from people aged 65+"))
    ['65', 'request', 'support']
    """
    low = text.lower().replace("long-term", "longterm")
    if "without nurs" in low:  # a residential home: "care homes without nursing", "without nurses"
        low = _WITHOUT_NURSING_RE.sub("residential", low)
    if "rank" in low or "score" in low:
        low = _PHRASE_RE.sub(lambda m: f" {_PHRASE_TOKENS[m.lastgroup or '']} ", low)
    if "before" in low:  # "the year before" is a time, not "spending before income"
        low = _TIME_BEFORE_RE.sub(" ", low)
    if "income" in low or "back" in low or "fees" in low:  # spending net of income, in words
        low = _NET_OF_RE.sub(" net ", low)
    if "like" in low:  # "as much contact as they'd like": as they want ("councils like it" is not)
        low = _WOULD_LIKE_RE.sub(" want", low)
    if "toward" in low:  # "what people pay towards their care": their contributions
        low = _PAY_TOWARDS_RE.sub(" contribution ", low)
    return frozenset(map(_word_token, _TOKEN.findall(low))) - {""}


_WITHOUT_NURSING_RE = re.compile(r"without\s+(?:a\s+)?nurs(?:ing|es|e)\b")
#: spending after income is taken off, said in words: "net of income", "after taking away
#: money it got back", "once fees and other income were taken off", "minus income"
_NET_OF_RE = re.compile(
    r"\bnet\s+of\s+(?:its\s+)?income\b"
    r"|\b(?:after|once|minus|less)\s+(?:\w+\s+){0,4}?(?:income|money\s+(?:it\s+)?(?:got|gets|received|"
    r"receives)\s+back|fees)\b(?:\s+(?:\w+\s+){0,3}?(?:taken\s+off|deducted|subtracted|taken\s+away|"
    r"removed))?"
)
_WOULD_LIKE_RE = re.compile(r"(?:\bwould|['’]d)\s+like\b")
#: what people pay towards their own care, in words ("paid towards the cost of their care")
_PAY_TOWARDS_RE = re.compile(r"\b(?:pay|pays|paid|paying)\s+towards?\b")
#: "before" said of a time ("the year before", "two surveys before", "before that")
_TIME_BEFORE_RE = re.compile(
    r"\b(?:years?|surveys?|periods?|time|one|that|this)\s+before\b|\bbefore\s+(?:that|then)\b"
)


#: measure names of several words whose words alone are generic ("rank" and "average" name no
#: measure on their own: "the average rank of its small areas" names one)
_PHRASE_RE = re.compile(
    r"(?P<avgrank>average\s+(?:small[- ]area\s+|lsoa\s+|neighbourhood\s+)?"
    r"(?:deprivation\s+|imd\s+)?rank)"
    r"|(?P<depscore>(?:average\s+)?(?:deprivation|imd)\s+score|average\s+score)"
)
_PHRASE_TOKENS = {"avgrank": "avgrank", "depscore": "depscore"}


# A pure function of one word (a bounded vocabulary); memoised because every sentence of every
# verified text is tokenised. Holds only short strings, never fact sheets.
@lru_cache(maxsize=16384)
def _word_token(raw: str) -> str:
    """The token a word stands for ("" for stop words and bare numbers)."""
    if raw in _STOP or (raw.isdigit() and raw not in AGES):
        return ""
    tok = _SYN.get(raw)
    if tok is None:
        tok = raw[:-1] if len(raw) > 4 and raw.endswith("s") and not raw.endswith("ss") else raw
        tok = _SYN.get(tok, tok)
    return tok


#: a word in the distinctive words of at most this many series names them on its own
_RARE = 4
#: the words of the synonym table that name what a measure is about (not who it counts)
_TOPICS = frozenset(_SYN.values()) - PEOPLE - {"receiving", "home", "left", "long", "deprived"}


@dataclass(slots=True)
class Candidate:
    value: float
    cls: str  # plain, percent, pp, gbp, days, times, ordinal
    entity: str  # subject, england, region, relation
    fact: Fact
    key: Key
    rate: bool = False  # a per-100k reading (denominator applies)
    total: bool = False  # a whole-area total (count estimate)
    suppressed: bool = False
    role: str = "value"  # value, relative, change, first, last, detail, history ...
    period: str = ""  # the period the reading is for ("" when it spans periods)


class KeyWords:
    """Which series a sentence's words point to: the keys sharing the most distinctive words
    with it; with none shared, the series without a breakdown whose measure the sentence names
    in full ("488 carers supported" is the total, not a breakdown's figure), else none."""

    __slots__ = ("by_token", "bare", "raw", "distinct", "alt")

    def __init__(self, raw: dict[Key, set[str]], alt: dict[Key, set[str]] | None = None) -> None:
        #: ``alt``: each series' second name, its plain words for residents
        #: (``data/wording.yaml``): words of either name point to it
        self.alt = KeyWords(alt) if alt else None
        self.raw = raw
        self.by_token: dict[str, list[Key]] = {}
        self.bare: list[Key] = []
        self.distinct = distinctive(raw)
        for key, kt in self.distinct.items():
            for tok in kt:
                self.by_token.setdefault(tok, []).append(key)
            if not kt and raw[key]:
                self.bare.append(key)

    def mentioned(self, toks: set[str]) -> set[Key]:
        """Every series the words name: at least half of its distinctive words (a breakdown's
        own words included), or all of its words; by the plain names when the labels name
        none."""
        out = self._mentioned(toks)
        if not out and self.alt is not None:
            return self.alt.mentioned(toks)
        return out

    def _mentioned(self, toks: set[str]) -> set[Key]:
        scores: dict[Key, int] = {}
        for tok in toks - AGES:  # an age group alone names no measure
            for key in self.by_token.get(tok, ()):
                scores[key] = scores.get(key, 0) + 1
        for tok in toks & AGES:
            for key in self.by_token.get(tok, ()):
                if key in scores:
                    scores[key] += 1
        out = {k for k, n in scores.items() if 2 * n >= len(self.distinct[k])}
        return out | {k for k in self.bare if self.raw[k] <= toks}

    def named(self, toks: set[str]) -> set[Key]:
        """The series the words name (see :meth:`mentioned`) that share the most words."""
        keys = self._mentioned(toks)
        if not keys and self.alt is not None:
            return self.alt.named(toks)
        if len(keys) < 2:
            return keys
        overlap = {k: len(self.distinct[k] & toks) for k in keys}
        top = max(overlap.values())
        return {k for k, n in overlap.items() if n == top}

    def naming(self, toks: set[str]) -> set[Key]:
        """The series the words name (:meth:`named`), or, when they name none outright, those
        sharing the most words with them if that is two words or more ("people aged 18-64"
        names every 18-64 series)."""
        keys = self.named(toks)
        if keys:
            return keys
        scores = self._overlaps(toks)
        top = max(scores.values(), default=0)
        if top >= 2:
            return {k for k, n in scores.items() if n == top}
        # a topic word only a few series have ("satisfaction", "nursing") names them on its own
        rare = [
            set(self.by_token[t])
            for t in toks & _TOPICS
            if 0 < len(self.by_token.get(t, ())) <= _RARE
        ]
        return set.intersection(*rare) if rare else set()

    def _overlaps(self, toks: set[str]) -> dict[Key, int]:
        """How many of the words each series' distinctive words share."""
        scores: dict[Key, int] = {}
        for tok in toks:
            for key in self.by_token.get(tok, ()):
                scores[key] = scores.get(key, 0) + 1
        return scores

    def contrast(self, toks: set[str], a: Key, b: Key) -> bool:
        """Whether the words name series ``a`` rather than ``b``: they hold a distinctive word
        of ``a``'s label that neither of ``b``'s names has, and no word of ``b``'s label that
        ``a``'s lacks (words for who is counted aside: a denominator names them too)."""
        raw = self.raw
        if a not in raw or b not in raw:
            return False
        # ``a``'s side: a distinctive word only ("care" is in too many names to set one apart)
        # ... or of its plain name ("what people paid towards their own care" for client
        # contributions), when neither of ``b``'s names has it
        a_plain = self.alt.distinct.get(a, set()) if self.alt is not None else set()
        b_plain = self.alt.raw.get(b, set()) if self.alt is not None else set()
        only_a = (self.distinct.get(a, set()) | a_plain) - raw[b] - b_plain - PEOPLE
        only_b = raw[b] - raw[a] - PEOPLE
        if only_b & toks:
            return False
        # an age group of ``a``'s that ``b`` names another age for ("people aged 18-64" is not
        # the 65+ population), however many series share it
        ages_a, ages_b = raw[a] & AGES, raw[b] & AGES
        other_age = bool(ages_b) and not (ages_a & ages_b) and bool((ages_a & toks) - ages_b)
        return bool(only_a & toks) or (other_age and not (ages_b & toks))

    def best(self, toks: set[str]) -> set[Key]:
        scores = self._overlaps(toks)
        if not scores and self.alt is not None:  # the plain name, when the label names none
            return self.alt.best(toks)
        if scores:
            top = max(scores.values())
            return {k for k, n in scores.items() if n == top}
        raw = self.raw
        return {k for k in self.bare if raw[k] <= toks}


@dataclass(slots=True)
class FactIndex:
    sheets: list[FactSheet]
    subject_code: str = ""
    subject_name: str = ""
    region_name: str = ""
    regional: bool = False  # the sheet's figures are the region's (workforce charts)
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)
    directions: list[Fact] = field(default_factory=list)
    directions_to: dict[str, list[Fact]] = field(default_factory=dict)  # by comparator
    trends: list[Fact] = field(default_factory=list)
    ranks: list[Fact] = field(default_factory=list)  # among England's councils
    peer_ranks: list[Fact] = field(default_factory=list)  # among the council and its peers
    values: list[Fact] = field(default_factory=list)
    series_tokens: dict[Key, set[str]] = field(default_factory=dict)  # all words per key
    plain_tokens: dict[Key, set[str]] = field(default_factory=dict)  # plain name's words
    key_words: KeyWords = field(default_factory=lambda: KeyWords({}))
    periods: set[int] = field(default_factory=set)
    context: ExtractionContext = field(default_factory=ExtractionContext)
    chart_of: dict[str, str] = field(default_factory=dict)  # fact id -> chart id
    series_end: dict[Key, int] = field(default_factory=dict)  # series -> latest period year
    history_periods: dict[Key, set[str]] = field(default_factory=dict)  # series -> earlier periods
    previous: dict[tuple[Key, object], str] = field(default_factory=dict)  # memo: the period before
    #: series -> period -> the subject's value (latest and earlier periods)
    subject_values: dict[Key, dict[str, float]] = field(default_factory=dict)
    #: (series, "england" | "region") -> period -> the comparator's value
    comparator_values: dict[tuple[Key, str], dict[str, float]] = field(default_factory=dict)
    series_by_id: dict[str, Key] = field(default_factory=dict)  # fact id -> series
    fact_by_id: dict[str, Fact] = field(default_factory=dict)
    measure_texts: set[str] = field(default_factory=set)  # "care staff who left ... 12 months"
    labels: set[str] = field(default_factory=set)  # every "measure breakdown", lower case
    #: some measure states a negation itself ("needed no further ongoing support")
    negated_labels: bool = False
    #: chart title (lower case) -> ids of the charts with that title ("Types of care provided")
    title_charts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    chart_series: dict[str, set[Key]] = field(default_factory=dict)  # chart id -> its series
    #: memo of the checker: title -> the words of the titled charts' series alone
    title_words: dict[str, KeyWords] = field(default_factory=dict)
    #: memo of the checker: (unit class, rate, relational, total, peers) -> candidates (see Checker)
    pools: dict[tuple[str, bool, bool, bool, bool], list[Candidate]] = field(default_factory=dict)
    #: memo of the grounding check: the statements these sheets license (see grounding.py)
    grounding: object = None
    #: a word naming a measure's opposite ("dissatisfied", "hard to") -> the series it negates
    opposites: dict[str, set[Key]] = field(default_factory=dict)
    #: memo of the checker: the series with a relation fact (a gap or ratio to a comparator)
    relation_keys: set[Key] | None = None
    #: one measure from two sources: series of the same chart, unit and denominator with no
    #: breakdown, from another source (Oflog's turnover and ASCOF 6A's) -> each other
    twins: dict[Key, set[Key]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(self.candidates.values()) and not self.directions and not self.ranks


# pure function of a period label ("2023-24"), bounded; no sheets or indexes are held
@lru_cache(maxsize=4096)
def _years(text: str) -> frozenset[int]:
    out: set[int] = set()
    for m in re.finditer(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-/]\s*(\d{2}))?(?!\d)", text or ""):
        y = int(m.group(1))
        out.add(y)
        if m.group(2):
            out.add(int(str(y)[:2] + m.group(2)))
    return frozenset(out)


def build_index(sheets: list[FactSheet]) -> FactIndex:
    """Index every fact of ``sheets`` (all for one authority)."""
    idx = FactIndex(sheets=list(sheets))
    if sheets:
        a = sheets[0].authority
        idx.subject_code, idx.subject_name, idx.region_name = a.code, a.name, a.region_name
    names = {idx.subject_name} if idx.subject_name else set()
    regions = {idx.region_name} if idx.region_name else set()
    cands: dict[str, list[Candidate]] = {}
    earlier_gaps: list[tuple[Fact, Key]] = []  # comparators' readings of earlier periods

    def add(value: float | None, cls: str, entity: str, fact: Fact, key: Key, **kw) -> None:
        if value is None:
            return
        if "period" not in kw:  # a trend's end points are readings of their own periods
            role = kw.get("role", "")
            kw["period"] = (
                str(fact.detail.get(role.replace("value", "period")) or "")
                if role in ("first_value", "last_value")
                else ("" if fact.kind == "trend" else fact.period)
            )
        cands.setdefault(cls, []).append(Candidate(float(value), cls, entity, fact, key, **kw))

    for sheet in sheets:
        title = sheet.chart_title.strip().lower()
        if title and sheet.chart_id not in idx.title_charts.get(title, ()):
            idx.title_charts[title] = (*idx.title_charts.get(title, ()), sheet.chart_id)
        in_chart = idx.chart_series.setdefault(sheet.chart_id, set())
        for f in sheet.facts:
            idx.chart_of[f.id] = sheet.chart_id
            key = series_of(f, sheet.chart_id)
            idx.series_by_id[f.id] = key
            in_chart.add(key)
            idx.fact_by_id.setdefault(f.id, f)
            if f.measure:
                idx.labels.add(f"{f.measure} {f.breakdown}".lower())
            if (
                f.measure
                and f.detail.get("plain")  # a catalogue label (data/wording.yaml), vetted
                and any(ch.isdigit() for ch in f.measure + f.breakdown)
            ):  # its own figures ("in the last 12 months") are its name, not claims; a label
                # the catalogue does not know licenses nothing ("99% of residents are happy")
                idx.measure_texts.add(f"{f.measure} {f.breakdown}".lower())
            if f.measure and key not in idx.series_tokens:
                idx.series_tokens[key] = set(tokens(f"{f.measure} {f.breakdown}"))
                if f.detail.get("plain"):  # the plain words texts for residents use
                    idx.plain_tokens[key] = set(tokens(str(f.detail["plain"])))
            for text in (f.period, *(str(v) for k, v in f.detail.items() if "period" in k)):
                years = _years(text)
                idx.periods |= years
                if years and f.kind != "trend":
                    idx.series_end[key] = max(idx.series_end.get(key, 0), max(years))
            if f.kind == "note" and f.subject and f.subject != idx.subject_code:
                idx.regional = True
                if f.comparator_name:
                    regions.add(f.comparator_name)
            if f.comparator_name and f.comparator == "region":
                regions.add(f.comparator_name)
            _add_fact(f, key, add, idx)
            if f.kind == "value" and f.value is not None:
                idx.subject_values.setdefault(key, {})[f.period] = f.value
            if f.kind == "comparator_value" and f.value is not None and f.comparator:
                idx.comparator_values.setdefault((key, f.comparator), {})[f.period] = f.value
        for f in sheet.history:  # earlier periods: traceable only when a text names the period
            key = series_of(f, sheet.chart_id)
            idx.chart_of[f.id] = sheet.chart_id
            idx.series_by_id[f.id] = key
            idx.fact_by_id.setdefault(f.id, f)
            if f.kind in ("rank", "quartile"):  # a total's rank among councils
                idx.ranks.append(f)
                continue
            idx.periods |= _years(f.period)
            idx.history_periods.setdefault(key, set()).add(f.period)
            if not f.comparator and f.value is not None:
                idx.subject_values.setdefault(key, {})[f.period] = f.value
            elif f.value is not None and f.kind == "history":
                idx.comparator_values.setdefault((key, f.comparator), {})[f.period] = f.value
                earlier_gaps.append((f, key))
            _add_fact(f, key, add, idx)
    families: dict[tuple[str, str, str], dict[str, set[Key]]] = {}
    for f in idx.values:
        if f.kind == "value" and not f.breakdown and f.sources:
            group = (idx.chart_of.get(f.id, ""), f.unit, f.denominator)
            families.setdefault(group, {}).setdefault(f.sources[0].source, set()).add(
                idx.series_by_id[f.id]
            )
    for by_source in families.values():
        if len(by_source) > 1:
            every = set().union(*by_source.values())
            for keys in by_source.values():
                for key in keys:
                    idx.twins[key] = every - keys
    for f, key in earlier_gaps:
        # "13.7 points behind England in 2016-17": an earlier period's gap, traceable (like
        # any earlier reading) only when a text names that period
        own = idx.subject_values.get(key, {}).get(f.period)
        if own is not None and f.value is not None:
            _add_gap(own - f.value, f, key, add)
    idx.candidates = cands
    idx.negated_labels = any(_NEGATIVE_RE.search(label) for label in idx.labels)
    idx.context = ExtractionContext(tuple(n for n in names if n), tuple(n for n in regions if n))
    idx.key_words = KeyWords(idx.series_tokens, idx.plain_tokens)
    return idx


def distinctive(key_tokens: dict[Key, set[str]]) -> dict[Key, set[str]]:
    """Tokens shared by every key say nothing about which measure a sentence means."""
    if len(key_tokens) < 2:
        return key_tokens
    common = set.intersection(*key_tokens.values())
    return {k: t - common for k, t in key_tokens.items()}


def _add_gap(gap: float, f: Fact, key: Key, add, role: str = "history") -> None:
    """The council's gap to a comparator (``f``'s): in its unit, and in points for a share.
    The latest period's is a ``difference`` fact; an earlier one's is read from the
    comparator's ``history`` fact (a reading of its period)."""
    unit = f.unit
    rate = unit in ("per_100k", "gbp_thousands_per_100k")
    kw = {"role": role} if role == "difference" else {"role": role, "period": f.period}
    if unit.startswith("gbp_thousands"):
        add(abs(gap) * 1000, "gbp", "relation", f, key, rate=rate, **kw)
    add(abs(gap), "plain", "relation", f, key, rate=rate, **kw)
    if unit == "percent":
        add(abs(gap), "pp", "relation", f, key, **kw)
    elif unit == "days":
        add(abs(gap), "days", "relation", f, key, **kw)


def _add_fact(f: Fact, key: Key, add, idx: FactIndex) -> None:
    unit, v = f.unit, f.value
    money = unit.startswith("gbp_thousands")
    rate = unit in ("per_100k", "gbp_thousands_per_100k")
    ent = f.comparator if f.kind == "comparator_value" else "subject"
    if f.kind == "history":
        cls = {"percent": "percent", "days": "days"}.get(unit, "plain")
        kw = dict(rate=rate, role="history", period=f.period)
        who = f.comparator or "subject"
        if money:
            add(v * 1000 if v is not None else None, "gbp", who, f, key, **kw)
        add(v, cls, who, f, key, **kw)
        if cls != "plain":
            add(v, "plain", who, f, key, **kw)
        return
    if f.kind in ("value", "comparator_value", "suppressed"):
        if f.kind != "comparator_value":
            idx.values.append(f)
            for word in str(f.detail.get("opposite") or "").split("|"):
                if word:  # "dissatisfied" names the measure of satisfied users, negated
                    idx.opposites.setdefault(word.lower(), set()).add(key)
        sup = f.kind == "suppressed" or bool(f.detail.get("suppressed"))
        if money:
            add(v * 1000 if v is not None else None, "gbp", ent, f, key, rate=rate, suppressed=sup)
        cls = {"percent": "percent", "days": "days"}.get(unit, "plain")
        add(v, cls, ent, f, key, rate=rate, suppressed=sup)
        if cls != "plain":
            add(v, "plain", ent, f, key, rate=rate, suppressed=sup)
        if ent == "peers":  # "similar councils ranged from 20.8% to 44.2%": their range
            for end in ("low", "high"):
                x = f.detail.get(end)
                if x is not None:
                    if money:
                        add(float(x) * 1000, "gbp", ent, f, key, rate=rate, role=end)
                    add(float(x), cls, ent, f, key, rate=rate, role=end)
    elif f.kind == "count_estimate":
        if money:
            add(v * 1000 if v is not None else None, "gbp", "subject", f, key, total=True)
        add(v, "plain", "subject", f, key, total=True)
        add(f.detail.get("population"), "plain", "subject", f, key, role="detail")  # type: ignore[arg-type]
    elif f.kind == "difference" and v is not None:
        _add_gap(v, f, key, add, role="difference")
        rel = f.detail.get("relative_pct")
        if rel is not None:
            add(abs(float(rel)), "percent", "relation", f, key, role="relative")
    elif f.kind == "ratio":
        add(v, "times", "relation", f, key)
    elif f.kind == "direction":
        idx.directions.append(f)
        idx.directions_to.setdefault(f.comparator, []).append(f)
    elif f.kind == "trend":
        idx.trends.append(f)
        d = f.detail
        cls = "percent" if unit == "percent" else "plain"
        for role in ("first_value", "last_value"):
            val = d.get(role)
            if val is not None:
                add(float(val), cls, "subject", f, key, role=role)
                if cls != "plain":
                    add(float(val), "plain", "subject", f, key, role=role)
                if money:
                    add(float(val) * 1000, "gbp", "subject", f, key, role=role)
        if v is not None:
            # a share's change is in points ("fell by 1.7 points"); said in per cent it is
            # relative to where it started (``change_pct``): "fell by 1.7 per cent" for a fall
            # of 1.7 points is wrong (a bare "by 1.7" may mean either)
            add(abs(v), "plain" if unit == "percent" else cls, "relation", f, key, role="change")
            if money:  # "net spending rose by £5.6 million"
                add(abs(v) * 1000, "gbp", "relation", f, key, role="change")
            if unit == "percent":
                add(abs(v), "pp", "relation", f, key, role="change")
        if d.get("change_pct") is not None:
            add(abs(float(d["change_pct"])), "percent", "relation", f, key, role="change_pct")
    elif f.kind in ("rank", "quartile"):
        (idx.peer_ranks if f.comparator == "peers" else idx.ranks).append(f)
        if f.kind == "rank":
            add(v, "ordinal", "subject", f, key)
            add(v, "plain", "subject", f, key, role="rank")
            add(f.detail.get("of"), "plain", "subject", f, key, role="detail")  # type: ignore[arg-type]
    elif f.kind == "share":
        add(v, "percent", "subject", f, key, role="share")
        add(f.detail.get("total"), "plain", "subject", f, key, role="detail")  # type: ignore[arg-type]


def series_of(f: Fact, chart_id: str) -> Key:
    """The series a fact belongs to: facts.py ids read ``chart:series:kind[:...]``.

    Falls back to chart/measure/breakdown/denominator for ids of another shape.
    """
    parts = f.id.split(":")
    if len(parts) >= 3 and parts[0] == chart_id:
        return f"{parts[0]}:{parts[1]}"
    return f"{chart_id}:{f.measure}/{f.breakdown}/{f.denominator}"


def fact_denominator(f: Fact) -> str:
    return normalise_fact_denominator(f.denominator)


_NEGATIVE_RE = re.compile(r"\b(?:no|not|without)\b")


def negative_label(f: Fact) -> bool:
    """Whether a fact's measure or category is named negatively ("needed no further ongoing
    support", "not yet rated"): a negation in a text may then be that name, not a complement."""
    return _NEGATIVE_RE.search(f"{f.measure} {f.breakdown}") is not None
