"""What a stated number is said to be: its noun, its change, its relation to another number.

* **Unit/measure binding**: a figure followed by a noun naming people, clients, complaints,
  requests ... is a count of that thing. A matched fact in £ thousands stated as a count is a
  unit slip (contradicted); a noun the fact's measure does not name (``2.4 people using day
  services`` for complaints decided by the ombudsman, ``7,230 people using unpaid carers``) is
  a measure mismatch (unverifiable).
* **Change claims**: "an increase of N", "up by N", "N more than in 2019" state a change, so N
  must be a trend's change or a difference from a comparator, not a level.
* **Stated relations**: "England (67.8) is higher than 72.9%" must hold between the two stated
  numbers; a comparison of a party with itself ("England ... than England") is contradicted.

>>> head_noun(" people using day services for every 100,000 residents")
('people', 'person')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from narrator.models import Claim, Fact
from narrator.text import fmt_num
from narrator.verify import comparisons as C
from narrator.verify import lexicon as L
from narrator.verify import patterns as P
from narrator.verify import relations as R
from narrator.verify.check import Checker, owner
from narrator.verify.index import AGES, PEOPLE, Key, tokens
from narrator.verify.mention import COMPARATORS, Mention
from narrator.verify.numbers import fraction_interval, hedge_interval, parse_number
from narrator.verify.periods import Previous, Stated, chronological, matches, years_of
from narrator.verify.spans import figure_list

# head noun -> group; a group is compatible with a measure whose words contain one of its stems
_HEADS = {
    "people": "person", "persons": "person", "person": "person", "adults": "person",
    "residents": "person", "individuals": "person", "inhabitants": "person",
    "clients": "client", "users": "client", "recipients": "client",
    "carers": "carer", "complaints": "complaint", "requests": "request", "asks": "request",
    "referrals": "request", "contacts": "request", "staff": "staff", "workers": "staff",
    "employees": "staff", "jobs": "post", "posts": "post", "vacancies": "post",
    "providers": "provider", "homes": "provider", "beds": "bed",
}  # fmt: skip
_STEMS = {
    "person": ("people", "person", "adult", "resident", "population", "individual", "client",
               "user", "recipient", "request", "support", "aged", "older", "men", "women"),
    "client": ("client", "user", "people", "person", "recipient", "support", "service"),
    "carer": ("carer",),
    "complaint": ("complaint",),
    "request": ("request", "contact", "referral", "ask"),
    "staff": ("staff", "worker", "workforce", "post", "job", "employ", "left", "turnover"),
    "post": ("post", "job", "vacan", "filled", "staff", "workforce"),
    "provider": ("provider", "home", "location", "service", "residential", "nursing"),
    "bed": ("bed",),
}  # fmt: skip
_NOUN_RE = re.compile(r"\s+((?:[a-z][\w'-]*\s+){0,2}?)([a-z]+)\b", re.IGNORECASE)
_STOP_BEFORE_HEAD = frozenset("for per in of from a an the and or to with than is was are".split())

_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:(?:increase|rise|growth|fall|drop|decrease|decline|reduction|jump|gain|change|"
    r"improvement|deterioration|recovery|rebound|cut|uplift)s?"
    r"\s+of|(?:up|down|rose|risen|fell|fallen|grew|grown|increased|decreased|dropped|declined|"
    r"went\s+up|went\s+down|gone\s+up|gone\s+down|climbed|slipped|jumped)(?:\s+by)?)\s*"
    r"(?:(?:about|around|roughly|some|nearly|almost|just\s+(?:over|under)|over|under)\s+)?$",
    re.IGNORECASE,
)
#: the last word before a figure that _CHANGE_BEFORE_RE can match (a cheap first test)
_CHANGE_LAST_WORDS = frozenset(
    "of by up down rose risen fell fallen grew grown increased decreased dropped declined "
    "climbed slipped jumped about around roughly some nearly almost over under".split()
)
_CHANGE_AFTER_RE = re.compile(  # not "22.6% is higher than last year": a level compared
    r"\s*(?:%|per\s*cent|points?)?\s*(?:(?!(?:is|was|are|were|remains?|remained|stood|sits?)\b)"
    r"[a-z-]+\s+){0,3}?(?:more|fewer|less|higher|lower)\s+than"
    r"\s+(?:in\s+|it\s+was\s+in\s+)?(?:(?:19|20)\d\d|the\s+(?:year|previous)|before|last\s+year)",
    re.IGNORECASE,
)
#: which way a change said with these words went ("5 points lower than the year before")
_CHANGE_WAY = {"up": "up", "higher": "up", "more": "up", "down": "down", "lower": "down"}
_CHANGE_WAY |= {"fewer": "down", "less": "down"}
_YEARS_RE = re.compile(r"(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?")
_CHANGE_ROLES = ("change", "change_pct", "difference", "relative")
#: a move over time: a trend's change only
_MOVE_ROLES = ("change", "change_pct")

_GREATER = frozenset("higher above more greater bigger larger over".split())
_GREATER_STEMS = ("higher", "above", "more", "greater", "bigger", "larger", "exceed", "ahead", "up")
_LESS = frozenset("lower below less fewer smaller under".split())
_RELATION_RE = re.compile(
    r"^\)?\s*,?\s*(?:which\s+|and\s+)?(?:is|was|are|were)\s+(?:(?:much|slightly|a\s+bit|a\s+little|"
    r"far|well|still)\s+)?(higher|lower|above|below|more|less|greater|smaller|bigger|larger|"
    r"fewer|over|under)\s+(?:than\s+)?"
    # what it is compared with: no other statement or period in between ("22.6% is higher than
    # last year but still below England's 23.7%" compares 22.6% with last year, not 23.7%)
    r"(?:(?!\b(?:but|while|whereas|although|though|yet|last|year|before|previous|earlier)\b)"
    r"[^.;:\d]){0,40}$",
    re.IGNORECASE,
)


def head_noun(after: str) -> tuple[str, str] | None:
    """The counted noun right after a figure ("people", "complaints") and its group."""
    m = _NOUN_RE.match(after)
    if m is None:
        return None
    mods = m.group(1).lower().split()
    if any(w in _STOP_BEFORE_HEAD for w in mods):
        return None
    word = m.group(2).lower()
    group = _HEADS.get(word)
    return (word, group) if group else None


def measure_swap(
    chk: Checker, claim: Claim, local: set[Key], toks: set[str], comparator: bool = False
) -> Claim:
    """A supported figure of one series stated in the words of another: "8,555 per 100,000
    older residents were receiving long-term support" when 8,555 is the requests rate. The
    words right around the figure must name series (``local``) that have a figure, and hold,
    for each of them, a word that sets it apart from the series the figure matched, and none
    that sets that one apart ("people aged 18-64" against the 65+ population: "18-64" names
    every series the words may mean, none of them the one matched). With ``comparator``, a
    comparator's figure in the words between its name and it ("an England nursing rate of
    1,271")."""
    if claim.status != "supported" or not claim.fact_ids or not local:
        return claim
    f = chk.ix.fact_by_id.get(claim.fact_ids[0])
    if f is None or bool(f.comparator) != comparator:
        return claim  # the council's own figure: a comparator's words come before it
    if f.kind not in ("value", "history", "comparator_value"):
        return claim
    matched = chk.series(f)
    if matched in local:
        return claim
    kw = chk.ix.key_words
    # a series named only by words for whom it counts (a population: "adults aged 18-64") is
    # the rate's denominator when the words name a measure too ("working-age adults in nursing
    # care numbered 165 per 100,000 adults aged 18-64")
    local = {k for k in local if kw.raw.get(k, set()) - PEOPLE} or local
    # series the words name only in part: the words also hold a word of the matched series'
    # name that theirs lacks ("25,070 requests for support from working-age adults" names the
    # 18-64 requests, not the 18-64 long-term support its "support" and "received" share)
    own = kw.raw.get(matched, set()) - PEOPLE
    local = {k for k in local if not (own - kw.raw.get(k, set())) & toks} or local
    if not all(kw.contrast(toks, named, matched) for named in local):
        return claim
    named = [v for v in chk.ix.values if chk.series(v) in local]
    theirs = [v for v in named if v.value is not None]
    if not theirs:
        # the words name a series the data has no figure of (missing or withheld): the figure
        # is another series', said as one that cannot be checked
        empty = named
        # (by two words of its own at least, not by a word as common as "only")
        apart = kw.raw.get(chk.series(empty[0]), set()) if empty else set()
        apart = (apart - kw.raw.get(matched, set()) - _GENERIC_PART_WORDS - PEOPLE) & toks
        if not empty or len(apart) < 2:
            return claim
        return _rejudged(
            claim,
            "unverifiable",
            f"{claim.text.strip()} is the figure for {chk._label(f)}; the words name "
            f"{chk._label(empty[0])}, which has no figure in the data",
        )
    own = next((v for v in theirs if v.unit == f.unit), theirs[0])
    # (the council's value of the series named, not the comparator's, so said only for it)
    value = "" if comparator else f" ({fmt_num(float(own.value))} in {own.period})"
    return _rejudged(
        claim,
        "contradicted",
        (
            f"measure swap: {claim.text.strip()} is the figure for {chk._label(f)}; the "
            f"words name {chk._label(own)}{value}"
        ),
    )


def whole_as_part(chk: Checker, claim: Claim, local: set[Key], toks: set[str]) -> Claim:
    """A part's share has a whole: "1,020 carers got a direct payment" when 1,020 carers were
    supported in all and 845 got a direct payment. A figure that fits the whole of the share
    of the series its words name in full (not said as the whole: "of the 1,020 carers") is
    the whole said as the part."""
    f = chk.fact_of(claim)
    if claim.status != "supported" or f is None or f.kind != "share" or claim.value is None:
        return claim
    total, part = f.detail.get("total"), f.detail.get("part")
    if not isinstance(total, (int, float)) or not isinstance(part, (int, float)):
        return claim
    named = chk.ix.key_words.distinct.get(chk.series(f))
    if chk.series(f) not in local or not named or not named <= toks:
        return claim  # (the part's own words, all of them: not "supported" for "no support")
    if abs(claim.value - total) >= abs(claim.value - part):
        return claim
    return _rejudged(
        claim,
        "contradicted",
        f"{claim.text.strip()} is the whole ({fmt_num(float(total))}); the part the words name, "
        f"{chk._label(f)}, is {fmt_num(float(part))}",
    )


def comparator_words(chk: Checker, text: str, start: int, m: Mention) -> str:
    """The words between a comparator's name and its figure ("an England nursing rate of
    1,271": "nursing rate"), or none."""
    names = ["England", "national", "nationally", "the country"]
    if chk.ix.region_name:
        names.append(re.escape(chk.ix.region_name))
    found = re.search(
        rf"\b(?:{'|'.join(names)})(?:['’]s)?\s+((?:[a-z][\w-]*\s+){{1,3}}?)"
        r"(?:of\s+|at\s+|was\s+|is\s+)?(?:about\s+|around\s+|roughly\s+)?£?$",
        text[start : m.start],
    )
    return found.group(1) if found else ""


#: words of a breakdown's name that do not say which part it is
_GENERIC_PART_WORDS = frozenset({"community", "only", "support", "part", "not"})


def breakdown_unnamed(chk: Checker, claim: Claim, words: frozenset[str] | set[str]) -> Claim:
    """A figure of one part of a measure said as the whole measure ("Leicester had 37 people
    aged 65+ receiving long-term support for every 100,000 residents", when 37 is one kind of
    support and the chart shows several): unverifiable when neither its sentence nor the one
    before it names that part or another (a named other part is a swap or a near value, which
    the other checks judge) and the data has other parts of the same measure for that
    period."""
    if claim.status != "supported" or not claim.fact_ids:
        return claim
    facts = [chk.ix.fact_by_id.get(i) for i in claim.fact_ids]
    f = facts[0]
    if f is None or not f.breakdown or f.comparator or f.kind not in ("value", "history"):
        return claim
    for g in facts:
        if g is not None and (tokens(g.breakdown) - _GENERIC_PART_WORDS) & words:
            return claim
    siblings = [
        v
        for v in chk.ix.values
        if v.measure == f.measure
        and v.unit == f.unit
        and v.period == f.period
        and v.breakdown
        and v.breakdown != f.breakdown
        and not v.comparator
    ]
    if not siblings:
        return claim
    # a word of the part's plain name (data/wording.yaml) beyond the measure's own words
    alt = chk.ix.key_words.alt
    plain = alt.raw.get(chk.series(f), set()) if alt is not None else set()
    if (plain - tokens(f.measure) - PEOPLE - _GENERIC_PART_WORDS) & words:
        return claim
    if any((tokens(v.breakdown) - _GENERIC_PART_WORDS) & words for v in siblings):
        return claim  # words naming another part: a swap or a near value, judged elsewhere
    return _rejudged(
        claim,
        "unverifiable",
        f"{claim.text.strip()} is the figure for {chk._label(f)}; the words do not say which "
        f"part of {f.measure} it is",
    )


def comparator_swap(
    text: str,
    sentence: tuple[int, int],
    m: Mention,
    claim: Claim,
    claims: list[Claim],
    chk: Checker,
    local: set[Key],
) -> Claim:
    """England's or the region's figure of one series set against the council's figure of
    another: "72.0% found information easy, above the England rate of 65.4%" when 65.4% is
    England's satisfaction figure and its information figure is 67.9%.

    The comparison is with the council's own figure stated before it in its sentence (of the
    comparator's period, when several of one series come before it), with words of comparison
    and no other figure, new statement or contrast between them
    ("..., while England's satisfaction was 65.4%" is a statement of its own). Left alone:
    words beside the comparator's figure that name its series (``local``); several council
    figures of different series before it or another figure between ("both below England's
    £49.7m and £42.6m"); another period; a council figure that is as much the matched series'
    own; and near twins (gross current and gross total spending differ by under 2 %)."""
    f = chk.fact_of(claim)
    if (
        claim.status != "supported"
        or f is None
        or f.kind not in ("comparator_value", "history")
        or f.comparator not in ("england", "region")
    ):
        return claim
    matched = chk.series(f)
    if matched in local:
        return claim
    before: list[tuple[Claim, Fact]] = []
    for c, own in _own_before(sentence, m, claims, chk):
        if L.ANCHOR_BREAK_RE.search(text, c.end, m.start):
            break
        before.append((c, own))
    anchor = chk.series(before[0][1]) if before else None
    if anchor is None or any(chk.series(o) != anchor for _c, o in before[1:]):
        return claim
    # of one series: the figure of the comparator's period ("slipped to 65.6% in 2024-25
    # from 68.8% a year earlier, below the North East's 73.1%" sets 73.1% against 65.6%)
    c, own = next(((c, o) for c, o in before if o.period == f.period), before[0])
    if f.period != own.period or not (
        L.COMPARED_RE.search(text, c.end, m.start)
        or L.PARALLEL_COMPARATOR_RE.match(text, c.end, m.start)
    ):
        return claim
    ours = {id(x) for x, _o in before}

    def of_anchor(x: Claim) -> bool:  # another comparator's figure of the council's series
        g = chk.fact_of(x)  # ("below both England's 65.1% and the regional figure of 68.0%")
        return g is not None and bool(g.comparator) and chk.series(g) == anchor

    if any(
        c.end <= x.start and x.end <= m.start and id(x) not in ours and not of_anchor(x)
        for x in claims
    ):
        return claim  # another figure between them: "both above England (£49.7m and £42.6m)"
    if anchor == matched or matched in chk.ix.twins.get(anchor, ()):
        return claim
    theirs = chk.ix.comparator_values.get((anchor, f.comparator), {}).get(own.period)
    lo, hi = hedge_interval(m.value or 0.0, m.precision, m.hedge)
    if theirs is None or lo <= theirs <= hi:
        return claim
    mine = chk.ix.subject_values.get(anchor, {}).get(own.period)
    also = chk.ix.subject_values.get(matched, {}).get(own.period)
    if _close(c.value, also, 0.005):
        return claim  # the council's figure is as much the matched series' (a tie of values)
    if _close(mine, also) and _close(theirs, f.value):
        return claim  # near twins: the council's and the comparator's figures hardly differ
    who = owner(chk.name(f.comparator))
    return _rejudged(
        claim,
        "contradicted",
        (
            f"measure swap: {claim.text.strip()} is {who} figure for {chk._label(f)}, but "
            f"the council's figure it is set against is for {chk._label(own)}, where "
            f"{who} figure is {fmt_num(theirs)} ({own.period})"
        ),
    )


def _close(a: float | None, b: float | None, share: float = 0.02) -> bool:
    """Whether two figures differ by at most ``share`` of the first (2 %: gross current and
    gross total spending)."""
    return a is not None and b is not None and abs(a - b) <= share * abs(a)


#: words that name the people a survey asked: carers, or people who use care and support
_CARERS = frozenset({"carer"})
_USERS = frozenset({"user"})
_USE_WORDS = frozenset({"use", "uses", "using", "client"})
_SERVICE_WORDS = frozenset({"service", "services", "care"})


def group_swap(
    chk: Checker, claim: Claim, toks: set[str], interval: tuple[float, float] | None = None
) -> Claim:
    """A supported figure of one surveyed group said of the other: "unpaid carers finding
    information easy: 81.8%" when 81.8% is the share of service users (and the reverse). The
    words beside the figure must name one group and not the other. With ``interval`` (the
    shares words such as "two in three" allow), a figure of the named group inside it is
    what the words meant."""
    f = chk.fact_of(claim)
    if claim.status != "supported" or f is None:
        return claim
    kw = chk.ix.key_words
    raw = kw.raw.get(chk.series(f), set())
    carers = bool(toks & _CARERS)
    # "care users", or "people who use care services"
    users = bool(toks & _USERS) or bool(toks & _USE_WORDS and toks & _SERVICE_WORDS)
    if carers == users:
        return claim
    said = "carers" if carers else "people who use services"
    if interval is not None:
        group = _CARERS if carers else _USERS
        theirs = [
            v
            for k, by_period in chk.ix.subject_values.items()
            if kw.raw.get(k, set()) & group
            for v in by_period.values()
        ]
        if any(interval[0] <= v <= interval[1] for v in theirs):
            return claim
    if (carers and raw & _USERS and not raw & _CARERS) or (users and raw & _CARERS):
        return _rejudged(
            claim,
            "contradicted",
            f"{claim.text.strip()} is the figure for {chk._label(f)}, not for {said}",
        )
    return claim


#: words that point back to a group named before them ("79.1% of them found it easy")
_PRONOUN_RE = re.compile(r"\b(?:they|them|those|these)\b", re.I)


def with_antecedent(
    text: str, sentences: list[tuple[int, int]], m: Mention, name_text: str
) -> set[str]:
    """The words naming a figure's group: its own, and when they only point back ("Carers
    seem well served on information: 79.1% of them found it easy"), the words of its sentence
    before it too."""
    words = tokens(name_text)
    if _PRONOUN_RE.search(name_text):
        words = words | tokens(text[sentences[m.sentence][0] : m.start])
    return words


_RATE_UNITS = {"per_100k": "count", "gbp_thousands_per_100k": "gbp_thousands"}
_DASH_RE = re.compile(r"\s[—–-]\s|[—–]")


def rate_as_count(
    chk: Checker,
    claim: Claim,
    m: Mention,
    text: str,
    sentences: list[tuple[int, int]],
    counted: bool = False,
) -> Claim:
    """A rate per 100,000 stated as a number of people or pounds: "725 working-age adults got
    long-term support" when 725 is the rate per 100,000 aged 18-64 (and 1,210 the number),
    "the NHS gave £7.0 million" when £7.0m is per 100,000 adults. Only when no words speak of
    a rate in the figure's own statement (not a comparison after it: "725 working-age adults,
    fewer per head than England"), in the sentence before or in the text's opening ("...,
    for every 100,000 adults."), and the data has the number of the same measure and period
    to set against it; a figure of people must be followed by the people it counts. A text
    that has already given a number of people as a number (``counted``: "received by 1,975
    carers (325 per 100,000 adults)") writes its rates as rates: then only the figure's own
    statement can make it one ("Only 58 carers received advice" is a number)."""
    f = chk.fact_of(claim)
    if (
        claim.status != "supported"
        or f is None
        or f.comparator
        or f.kind not in ("value", "history")
        or f.unit not in _RATE_UNITS
        or m.extra.get("rate")
        or m.denominator
        or (
            m.kind != "money"
            and not L.PEOPLE_AFTER_RE.match(text, m.end)
            and not L.OF_THESE_BEFORE_RE.search(text, max(0, m.start - 20), m.start)
        )
    ):
        return claim
    s0, s1 = sentences[m.sentence]
    # its own statement ends at a clause break or a dash ("8,235 older residents were getting
    # long-term support — about 1.6 times the England rate": the rate is England's, after it)
    stops = [
        x.start()
        for x in (L.NAME_WINDOW_STOP_RE.search(text, m.end, s1), _DASH_RE.search(text, m.end, s1))
        if x is not None
    ]
    spans = [(s0, min(stops, default=s1))]
    # (a figure that opens its sentence with the people it counts, "835 working age adults
    # got long-term support", is a number whatever the sentence before said)
    opens = not text[s0 : m.start].strip() and L.PEOPLE_AFTER_RE.match(text, m.end) is not None
    if m.sentence and not counted and not opens:
        spans += [sentences[m.sentence - 1], sentences[0]]
    if any(L.RATE_MARKER_RE.search(text, a, b) for a, b in spans):
        return claim
    chart = chk.ix.chart_of.get(f.id)
    twin = next(
        (
            v
            for v in chk.ix.fact_by_id.values()
            if v.unit == _RATE_UNITS[f.unit]
            and v.kind in ("value", "history")
            and not v.comparator
            and v.value is not None
            and (v.measure, v.breakdown, v.period) == (f.measure, f.breakdown, f.period)
            and chk.ix.chart_of.get(v.id) == chart
        ),
        None,
    )
    if twin is None and f.unit.startswith("gbp"):
        return claim  # a sum said as people is a unit slip, judged with the units
    if twin is None:  # no number to set against it: still not a number of people
        return _rejudged(
            claim,
            "unverifiable",
            f"{claim.text.strip()} is a rate per 100,000 {f.denominator or 'residents'}, said "
            "as a number (the data has no number to check it against)",
        )
    number = chk._money(twin.value * 1000) if f.unit.startswith("gbp") else fmt_num(twin.value)
    return _rejudged(
        claim,
        "contradicted",
        (
            f"{claim.text.strip()} is the rate per 100,000 {f.denominator or 'residents'}, "
            f"not a number; the number was {number} (wrong unit)"
        ),
    )


def peers_then(chk: Checker, claim: Claim, stated: Iterable[Stated]) -> Claim:
    """A comparison with the similar councils (or a figure of theirs) in a sentence about an
    earlier period ("A year earlier, in 2023-24, ... more than the typical similar council
    (59.4)"): the data holds the similar councils' figures for the latest period only, so the
    claim cannot be checked either way (unverifiable)."""
    f = chk.fact_of(claim)
    if claim.status == "unverifiable" or f is None or f.comparator != "peers" or not f.period:
        return claim
    stated = list(stated)
    earlier = [s for s in stated if not matches(s, f.period) and max(s.years) < _end(f.period)]
    # a supported one only when the sentence names no other period ("rose from 61.8% in
    # 2023-24 to 71.7% in 2024-25, above the typical similar council" is about 2024-25)
    if not earlier or (claim.status == "supported" and len(earlier) < len(stated)):
        return claim
    return _rejudged(
        claim,
        "unverifiable",
        f"the data gives the similar councils' figures for {f.period} only, and "
        f"this sentence is about {earlier[0].label}",
    )


def _rejudged(claim: Claim, status: str, reason: str) -> Claim:
    """The claim with the verdict a later check gives it, and that check's reason."""
    return claim.model_copy(update={"status": status, "reason": reason})


def _end(period: str) -> int:
    return max(years_of(period)[0], default=0)


#: the two ends of a band a measure may be named by ("the most deprived 10%"): a figure of one
#: said of the other is a swap
_BANDS = (("most deprived", "least deprived"), ("least deprived", "most deprived"))


def band_swap(chk: Checker, claim: Claim, words: str) -> Claim:
    """A supported figure of a band said of the opposite band: "12.8% of small areas are in
    the least deprived 10 percent" when 12.8% is the share in the most deprived 10%."""
    if claim.status != "supported" or not claim.fact_ids:
        return claim
    f = chk.ix.fact_by_id.get(claim.fact_ids[0])
    if f is None:
        return claim
    label, said = chk._label(f).lower(), " ".join(words.lower().split())
    for own, other in _BANDS:
        if own in label and other in said and own not in said:
            return _rejudged(
                claim,
                "contradicted",
                f"{claim.text.strip()} is the figure for {chk._label(f)}, not the {other} band",
            )
    return claim


#: a category made of two ratings, and the words that name each of its halves ("needed to
#: improve", "not good enough"): a figure of both said of one alone is a merge of two categories
_PAIRS = {
    "good or outstanding": (
        re.compile(r"\bgood\b(?!\s+enough)", re.I),
        re.compile(r"\boutstanding\b|\bor[\s-]+(?:better|above)\b|\bat\s+least\b", re.I),
    ),
    "requires improvement or inadequate": (
        re.compile(r"\b(?:requir\w*|need\w*)[\s-]+(?:to[\s-]+)?improv", re.I),
        re.compile(r"\binadequate\b|\bnot\s+good\s+enough\b|\bpoor|\bor[\s-]+worse\b", re.I),
    ),
}


def category_merge(
    chk: Checker, claim: Claim, text: str, sentence: tuple[int, int], m: Mention
) -> Claim:
    """A supported figure of a category of two ratings said of one of them alone: "9.1% were
    judged inadequate" when 9.1% is the share rated requires improvement or inadequate, "90.9%
    were rated outstanding" for the share rated good or outstanding (the data has no figure for
    either rating alone), in the words of the figure's clause."""
    f = chk.fact_of(claim)
    pair = _PAIRS.get(f.breakdown or "") if claim.status == "supported" and f else None
    if pair is None or f is None:
        return claim
    a, b = clause_of(text, sentence, m)
    words = text[a:b]
    said = [bool(p.search(words)) for p in pair]
    if said[0] == said[1]:  # both halves, or neither: the words do not name one alone
        return claim
    return _rejudged(
        claim,
        "contradicted",
        f"{claim.text.strip()} is the share rated {f.breakdown} together; the data "
        "has no figure for either rating alone",
    )


#: a share said to be of the whole population right after its figure: "1.8% of all people in
#: Hackney", "11.1% of people living in the most deprived 10%" (not a group: "of people who
#: use care", "of all people aged 65+"; not "of people in Leicester were satisfied with their
#: care", whose words name the group)
_OF_EVERYONE_RE = re.compile(
    r"\s+of\s+(?:(?:all\s+(?:the\s+)?(?:people|residents|adults)|(?:the\s+)?(?:people|residents|"
    r"population)\s+living)\s+in\s+"
    r"(?:the\s+(?:borough|city|county|area|most\s+deprived\s+\S+)|(?:[A-Z][\w'’.-]*\s?)+)"
    # the place ends the group: "... in Hackney got reablement" ("in Leeds who were new to
    # services" is a group)
    r"(?=\s*[,.;:)]|\s+(?:got|get|gets|received|were|was|are|is|had|have|lived?|in|said|say|"
    r"says|reported|found|felt)\b)"
    r"|all\s+(?:the\s+)?(?:people|residents)\b(?!\s+(?:who|that|aged|over|using|receiving|"
    r"discharged|with|in\b))|everyone\b|the\s+(?:whole\s+)?population\b"
    # "of all the people who live there", "of Walsall residents", "of Walsall's residents"
    r"|(?:all\s+)?(?:the\s+)?people\s+who\s+live\s+there\b"
    r"|(?:[A-Z][\w'’.-]*\s)+residents\b(?!\s+(?:aged|who|that|over|using|receiving|"
    r"discharged|with)\b))"
)


_ALL_RE = re.compile(r"\b(?:all|everyone|whole)\b", re.IGNORECASE)
_GROUP_AFTER_RE = re.compile(
    r"\btheir\s+(?:care|support)\b|\bcare\s+and\s+support\b|\bservices\b|\bcare\s+users?\b",
    re.IGNORECASE,
)


def share_of(chk: Checker, claim: Claim, text: str, end: int) -> Claim:
    """A supported share said to be of everyone living there when its denominator is a group:
    "1.8% of all people in Hackney got reablement" for 1.8% of people aged 65+ discharged from
    hospital."""
    if claim.status != "supported" or not claim.fact_ids:
        return claim
    f = chk.ix.fact_by_id.get(claim.fact_ids[0])
    if f is None or f.unit != "percent" or not f.denominator or f.denominator == "residents":
        return claim
    said = _OF_EVERYONE_RE.match(text, end)
    if said is None:
        claim = _group_said(f, claim, text, end)
        before = _BRACKETED_AFTER_GROUP_RE.search(text, max(0, claim.start - 90), claim.start)
        if claim.status == "supported" and before is not None:
            # "a quarter of the borough's home care agencies (27.3%)": the group before the
            # bracket the figure restates
            claim = _group_said(f, claim, text, before.start("of"))
        return claim
    if not _ALL_RE.search(said.group()) and _GROUP_AFTER_RE.search(
        text, said.end(), said.end() + 60
    ):
        return claim  # "of people living in Leicester were satisfied with their care": the
        # words after it name the group (not after "all the people who live there")
    return _rejudged(
        claim,
        "contradicted",
        (
            f"{claim.text.strip()} is a share of {f.denominator}, not of everyone living "
            "there (wrong denominator)"
        ),
    )


#: the group before a bracket a share stands in: "of the borough's home care agencies ("
_BRACKETED_AFTER_GROUP_RE = re.compile(r"(?P<of>\bof\s)(?:(?!\bof\s)[^()\d.;:]){3,80}\(\s*$", re.I)
#: the group a share is said of, right after it: "32.1% of Nottingham's adult residents",
#: "97.3% of adults receiving long-term support" (past a restated figure in brackets)
_SHARE_GROUP_RE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:of\s+(?:the\s+)?)?(?P<g>(?:[\w'’+-]+\s*){0,8})",
)
#: a whole population: said of a group with its own denominator, a share is of the wrong people
_POPULATION_RE = re.compile(
    r"\b(?:residents?|adults?|population|everyone|inhabitants|locals|citizens)\b"
    # "all older people leaving hospital", "all Barnet's over-65s", "Barnet's over-65s":
    # everyone of an age
    r"|\ball\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:older\s+)?(?:people|patients|over-65s|pensioners)\b"
    # "Redcar and Cleveland's over-65s": everyone of an age living there
    r"|(?:['’]s|(?<=s)['’])\s+(?:over-65s|pensioners|older\s+(?:people|residents|population))\b",
    re.I,
)
#: the words a share's group must have, by the denominator of its measure; a relative clause
#: after the group may say them ("residents aged 65 and over who went home from hospital")
_GROUP_NEEDS = {
    "carers surveyed": r"carer",
    "people using services surveyed": r"us(?:e|es|ing|ers?)\b|client|receiv|care\b|support"
    r"|service|surveyed",
    "small areas": r"area|neighbourhood|lsoa|district|part",
    "care workforce staff": r"staff|worker|workforce|employee",
    "people new to services who received reablement": r"new|reablement|short|rehab",
    # of those who went into reablement, not of everyone leaving hospital
    "hospital into reablement": r"reablement|rehab|recover|short[- ]term|support\b|help",
    "hospital": r"hospital|discharg|reablement|rehab",
}
#: an age in a group's words ("older people", "aged 65 and over", "pensioners")
_AGE_RE = re.compile(r"\b(?:older|elderly|pensioners?|over-65s?|65|aged|age|senior)", re.I)
_RELATIVE_RE = re.compile(r"\b(?:who|that|which)\b", re.I)
#: an age group: the wrong people for a share whose denominator has no age ("70.3 out of every
#: 100 older people said it was easy to find information" for people using services surveyed)
_OLDER_RE = re.compile(
    r"\b(?:older\s+(?:people|residents|adults)|over-65s|pensioners|elderly)\b", re.I
)
#: words that name other people or things than a share's denominator counts: care homes'
#: ratings are not home care agencies'
_GROUP_EXCLUDES = {
    "residential providers": r"\bhome\s+care\b|\bagenc(?:y|ies)\b|\bdomiciliary\b",
    # the carers' survey is not the survey of people using services, nor the other way round
    "carers surveyed": (
        r"\bpeople\s+(?:using|who\s+use)\s+(?:services|care)\b|\b(?:service|care)\s+users?\b"
    ),
    "people using services surveyed": r"\bcarers?\b",
    # a share of the staff who work in care, not of its posts ("13.7% of care posts")
    "care workforce staff": r"\bposts?\b|\bvacanc",
}


def _group_said(f: Fact, claim: Claim, text: str, end: int) -> Claim:
    """A share said of a whole population ("32.1% of Nottingham's adult residents reported
    having as much social contact as they wanted") when its denominator is a group the words
    do not name (carers surveyed): the wrong people."""
    group = _SHARE_GROUP_RE.match(text, end)  # always matches (maybe nothing)
    words = group["g"] if group else ""
    if group is None:
        return claim
    own = _group_words(words)  # the group's own words, up to its verb
    excluded = next((v for k, v in _GROUP_EXCLUDES.items() if k in f.denominator), None)
    if excluded is not None and re.search(excluded, own, re.I):
        return _rejudged(
            claim,
            "contradicted",
            f"{claim.text.strip()} is a share of {f.denominator}, not of {own} (wrong denominator)",
        )
    if "residential providers" in f.denominator and re.search(
        r"\bcare\s+providers\b|\bservices\b", own, re.I
    ):
        if not re.search(r"residential|\bhomes?\b|nursing|bed", own, re.I):
            # "70.8% of Nottingham's care providers": care homes' ratings, not every provider's
            return _rejudged(
                claim,
                "contradicted",
                f"{claim.text.strip()} is a share of {f.denominator}, not of all {own} "
                "(wrong denominator)",
            )
    aged = "65" in f.denominator or "older" in f.denominator
    if not _POPULATION_RE.search(words) and (aged or not _OLDER_RE.search(own)):
        return claim
    needs = next((v for k, v in _GROUP_NEEDS.items() if k in f.denominator), None)
    if needs is None:
        return claim
    if _RELATIVE_RE.search(own):  # "... aged 65 and over who went home from hospital"
        own = text[end : group.end() + 80]
    # "of all patients leaving hospital" when the share is of those aged 65 and over
    everyone = aged and re.match(r"\s*all\b", own, re.I) and not _AGE_RE.search(own)
    if re.search(needs, own, re.I) and not everyone:
        return claim
    return _rejudged(
        claim,
        "contradicted",
        f"{claim.text.strip()} is a share of {f.denominator}, not of "
        f"{_group_words(words)} (wrong denominator)",
    )


def _group_words(words: str) -> str:
    """The group's own words, up to its verb ("Nottingham's adult residents")."""
    out = []
    for w in words.split():
        if w.lower() in _GROUP_VERBS or len(out) == 8:
            break
        out.append(w)
    return " ".join(out)


_GROUP_VERBS = frozenset(
    "reported were was had have has said say says found got get gets received needed need "
    "are is did do does felt feel left quit changed remained stayed".split()
)


def bind_units(text: str, claims: list[Claim], chk: Checker) -> list[Claim]:
    """Unit slips and measure mismatches of supported counts (see the module doc)."""
    out = []
    for c in claims:
        if c.kind == "number" and c.status == "supported" and c.fact_ids:
            c = _bound(text, c, chk) or c
        out.append(c)
    return out


def _bound(text: str, c: Claim, chk: Checker) -> Claim | None:
    noun = head_noun(text[c.end : c.end + 60])
    if noun is None:
        return None
    f = chk.ix.fact_by_id.get(c.fact_ids[0])
    if f is None:
        return None
    word, group = noun
    if f.unit.startswith("gbp_thousands"):
        return _rejudged(
            c,
            "contradicted",
            (
                f"unit slip: {c.text.strip()} is £ thousands of {f.measure} "
                f"({c.expected}), not a number of {word}"
            ),
        )
    words = f"{f.measure} {f.breakdown}".lower()
    if f.kind == "count_estimate":
        words += " resident population"
    if any(stem in words for stem in _STEMS[group]):
        return None
    return _rejudged(
        c,
        "unverifiable",
        (
            f"measure mismatch: {c.text.strip()} is {f.measure}"
            f"{f' ({f.breakdown})' if f.breakdown else ''}, not a number of {word}"
        ),
    )


def change(
    chk: Checker,
    m: Mention,
    claim: Claim,
    text: str,
    focus: set,
    sentence: tuple[int, int],
    moved_from: tuple[Key, str] | None = None,
) -> Claim:
    """A figure stated as a change must be a trend's change or a difference, not a level.
    ``moved_from``: the series and period of the council's earlier figure the sentence states
    before it ("down from 69.6% the year before, a drop of more than five points"), which is
    where the change starts unless its own words say otherwise."""
    head = text[max(0, m.start - 40) : m.start].rstrip().lower()
    last = head.rsplit(None, 1)[-1] if head else ""
    before = last in _CHANGE_LAST_WORDS and _CHANGE_BEFORE_RE.search(head + " ") is not None
    # "a 12.6-point slide", "a 15-point leap": the noun after the figure makes it a change
    before = before or (m.unit == "pp" and P.CHANGE_NOUN_AFTER_RE.match(text, m.end) is not None)
    base = L.CHANGE_BASE_RE.match(text, m.end)
    after = base is not None and base.group("dir") is not None
    if not (before or after) and not (
        "than" in text[m.end : m.end + 60] and _CHANGE_AFTER_RE.match(text, m.end)
    ):
        return claim
    judged = _council_change(
        chk, m, claim, text, focus, sentence, moved_from, base, before or after
    )
    if judged.status != "contradicted":
        return judged
    s0, _s1 = sentence
    movers = [e.lastgroup for e in chk.ix.context.entity_re().finditer(text, s0, m.start)]
    if m.entity in COMPARATORS:  # "about 3.4% across England"
        movers.append(m.entity)
    if movers and movers[-1] in COMPARATORS:
        # precision first: "across England as a whole, where it rose by less than 3.5%" may
        # be England's move, and the sheets hold no change of a comparator's to check it by
        return chk._claim(
            m,
            "unverifiable",
            reason=f"this may be {chk.name(movers[-1])}'s change, which the data does not give",
        )
    return judged


_PER_HUNDRED_RE = re.compile(r"\bin\s+(?:every\s+)?(?:100|a\s+hundred|one\s+hundred)\b", re.I)


def _council_change(
    chk: Checker,
    m: Mention,
    claim: Claim,
    text: str,
    focus: set,
    sentence: tuple[int, int],
    moved_from: tuple[Key, str] | None,
    base: re.Match[str] | None,
    moving: bool,
) -> Claim:
    """The figure ``m`` checked as a change of a series ``focus`` names (see :func:`change`);
    ``moving``: its words make it the size of a move over time ("rose by", "a fall of", "5
    points lower than the year before")."""
    cls = {"percent": "percent", "pp": "pp", "gbp": "gbp", "days": "days"}.get(m.unit, "plain")
    if m.kind == "fraction":  # "a rise of about a quarter": a change relative to its start
        # (but "went up by 11 in every 100" is 11 points)
        cls = "pp" if _PER_HUNDRED_RE.search(m.text) else "relative"
    # "up 3.2 points on the previous year": from that period; "rose from £36.2m in 2020-21
    # to £40.8m, a rise of about a quarter": between the periods the sentence names
    from_base = _change_from(chk, m, focus, cls, base, text, sentence, moved_from)
    if from_base is not None and (
        cls == "relative"
        or base is not None
        or moved_from is not None
        or from_base.status == "supported"
    ):  # without words or a figure naming its start, a change that fits no named pair is
        # judged below
        return from_base
    # the size of a move over time ("rose by 30%", "a fall of a fifth", "5 points lower than
    # the year before") is a trend's change, never a gap to a comparator
    roles = _MOVE_ROLES if moving else _CHANGE_ROLES
    if cls == "relative":  # "rose by about a fifth": per cent of where it started
        pool = [c for c in chk.ix.candidates.get("percent", ()) if c.role == "change_pct"]
    else:
        pool = [c for c in chk.ix.candidates.get(cls, ()) if c.role in roles]
    if not pool:
        return chk._claim(
            m, "unverifiable", reason="no trend or difference in the data gives this change"
        )
    scoped = [c for c in pool if c.key in focus] or pool
    if m.kind == "fraction":
        lo, hi = fraction_interval(m)
    else:
        lo, hi = hedge_interval(m.value or 0.0, m.precision, m.hedge)
    hit = chk._best(scoped, lo, hi, m)
    if hit is None and scoped is not pool:
        # one measure from two sources (Oflog's turnover and ASCOF 6A's): either's change
        twins = set().union(*(chk.ix.twins.get(k, set()) for k in focus))
        hit = chk._best([c for c in pool if c.key in twins], lo, hi, m)
    if hit is None and scoped is pool:
        # (a change of the series its sentence names that fits none of them is not covered
        # by another series' change: "Net spending climbed by about £8 million" when net rose
        # £6.0 million and gross £8.1 million)
        hit = chk._best(pool, lo, hi, m)
    if hit is not None:
        return chk._supported_number(m, hit)
    between = _between_periods(chk, focus, cls, lo, hi)
    if between is not None:  # "a fall of 7.2 points from 67.6% in 2023-24"
        return between_claim(chk, m, *between)
    points = _between_periods(chk, focus, "pp", lo, hi) if cls == "percent" else None
    if points is not None:  # "an increase of 2.5 per cent" for a rise of 2.5 points
        value, a, b, fact = points
        values = chk.ix.subject_values.get(chk.series(fact), {}) if fact is not None else {}
        rel = abs(values[b] - values[a]) / abs(values[a]) * 100 if values.get(a) else None
        truth = f"from {a} to {b} it moved {fmt_num(value)} percentage points" + (
            f", which is {fmt_num(rel)}% of where it started" if rel is not None else ""
        )
        return chk._claim(
            m, "contradicted", fact, expected=truth, reason=f"points, not per cent: {truth}"
        )
    trends = [c for c in scoped if c.role == "change"] or scoped
    near = min(trends, key=lambda c: abs(c.value - (m.value or 0.0)))
    f = near.fact
    if f.kind == "trend":
        d = f.detail
        said = (
            f"the change from {d.get('first_period')} to {d.get('last_period')} was "
            f"{chk._show(near)} ({fmt_num(float(d.get('first_value') or 0))} to "
            f"{fmt_num(float(d.get('last_value') or 0))})"
        )
    else:
        said = f"the difference in the data is {chk._show(near)}"
    return chk._claim(m, "contradicted", near, reason=f"{m.text.strip()} is not the change: {said}")


def _change_from(
    chk: Checker,
    m: Mention,
    focus: set,
    cls: str,
    base: re.Match[str] | None,
    text: str,
    span: tuple[int, int],
    moved_from: tuple[Key, str] | None = None,
) -> Claim | None:
    """A change stated with the period it is measured from ("up 3.2 points on the previous
    year", "8% more than in 2020-21"): from that period to the sentence's latest stated period
    after it (or the series' latest); with no such words, between the first and last periods
    the sentence names, if it names two. Supported when a series the sentence names changed
    by that much (points or units, or per cent of the first value; only per cent for a
    fraction); contradicted when none did; None when no named series has both periods (the
    looser checks decide)."""
    scale = 1000.0 if cls == "gbp" else 1.0  # money facts are in £ thousands
    if m.kind == "fraction":
        lo, hi = fraction_interval(m)
    else:
        lo, hi = hedge_interval(m.value or 0.0, m.precision, m.hedge)
    s0, s1 = span
    if base is not None:
        sentence = (
            text[s0 : base.start()] + " " * (base.end() - base.start()) + text[base.end() : s1]
        )
    else:
        sentence = text[s0:s1]
    named_years = [Stated(*years_of(y)) for y in _YEARS_RE.findall(sentence)]
    # a change measured from a stated base ends at the period its statement is about: one named
    # before it, or the latest ("70.0% was up 4.9 points on the year before and has risen from
    # 60.9% in 2021-22": the later 2021-22 is not where it ends)
    ends_before = [Stated(*years_of(y)) for y in _YEARS_RE.findall(text[s0 : m.start])]
    checked: list[tuple[Key, str, str, float, float]] = []
    if moved_from is not None:
        focus = {*focus, moved_from[0]}
    for key in sorted(focus):
        values = chk.ix.subject_values.get(key, {})
        order = chronological(values)
        if len(order) < 2:
            continue
        named = [p for p in order if any(matches(y, p) for y in named_years)]
        end = named[-1] if named else order[-1]
        if base is not None:
            before = [p for p in order if any(matches(y, p) for y in ends_before)]
            end = before[-1] if before else order[-1]
        if base is None and len(named) > 1:  # the first and last periods the sentence names
            start = named[0]
        elif base is None and moved_from is None and len(named) == 1 and named[0] != order[-1]:
            # one earlier period ("Last time, in 2021-22, it was 60 in 100, so it went up by
            # 7"): from it to the latest, or into it; either fits, neither decides
            p = named[0]
            i = order.index(p)
            fits = [
                (a, b)
                for a, b in ((p, order[-1]), (order[i - 1] if i else None, p))
                if a is not None and _moved_by(values[a], values[b], cls, scale, lo, hi)
            ]
            if fits:
                fact = next((f for f in chk.ix.values if chk.series(f) == key), None)
                a, b = fits[0]
                return between_claim(chk, m, _size(values[a], values[b], cls, scale), a, b, fact)
            continue
        elif base is None:  # from the earlier figure stated before it ("down from 69.6%")
            start = moved_from[1] if moved_from is not None and moved_from[0] == key else None
        elif base.group("year"):
            start = next((p for p in order if matches(Stated(*years_of(base["year"])), p)), None)
        else:
            back = 2 if base.group("two") else 1
            i = order.index(end)
            start = order[i - back] if i >= back else None
        if start is not None and start == end and base is None and start != order[-1]:
            end = order[-1]  # "Last time, in 2021-22, it was 60 in 100, so it went up by 7"
        if start is None or start == end or order.index(start) > order.index(end):
            continue
        diff = abs(values[end] - values[start]) * scale
        rel = abs(values[end] - values[start]) / abs(values[start]) * 100 if values[start] else None
        said = (rel,) if cls in ("percent", "relative") else (diff,)
        fits = any(v is not None and lo <= v <= hi for v in said)
        way = _CHANGE_WAY.get((base["dir"] or "").lower()) if base is not None else None
        if fits and way is not None and (values[end] > values[start]) != (way == "up"):
            # "3.2 points lower than the year before" when it was 3.2 points higher
            fact = next((f for f in chk.ix.values if chk.series(f) == key), None)
            truth = (
                f"it went {'down' if way == 'up' else 'up'}: {fmt_num(values[start])} in "
                f"{start} to {fmt_num(values[end])} in {end}"
            )
            return chk._claim(m, "contradicted", fact, expected=truth, reason=truth)
        if fits:
            fact = next((f for f in chk.ix.values if chk.series(f) == key), None)
            value = next(v for v in said if v is not None and lo <= v <= hi)
            return between_claim(chk, m, value, start, end, fact)
        checked.append((key, start, end, diff, rel or 0.0))
    if not checked:
        return None
    key, start, end, diff, rel = checked[0]
    fact = next((f for f in chk.ix.values if chk.series(f) == key), None)
    shown = f"{fmt_num(diff / scale if cls == 'gbp' else diff)}"
    truth = f"the change from {start} to {end} was {shown} ({fmt_num(rel)}%)"
    return chk._claim(m, "contradicted", fact, expected=truth, reason=truth)


def _moved_by(v0: float, v1: float, cls: str, scale: float, lo: float, hi: float) -> bool:
    """Whether a change from ``v0`` to ``v1`` is ``lo``-``hi`` (points or units; per cent of
    ``v0`` for a change said in per cent or as a fraction)."""
    if cls == "percent":
        return v0 != 0 and lo <= abs(v1 - v0) / abs(v0) * 100 <= hi
    return lo <= _size(v0, v1, cls, scale) <= hi


def _size(v0: float, v1: float, cls: str, scale: float) -> float:
    if cls == "relative":
        return abs(v1 - v0) / abs(v0) * 100 if v0 else float("inf")
    return abs(v1 - v0) * scale


def _between_periods(chk: Checker, focus: set, cls: str, lo: float, hi: float):
    """A change between any earlier period of a named series and its latest, or between two
    neighbouring periods, that lies in ``[lo, hi]``: (value, from, to, fact) or None."""
    scale = 1000.0 if cls == "gbp" else 1.0  # money facts are in £ thousands
    for key in sorted(focus):
        values = chk.ix.subject_values.get(key, {})
        order = chronological(values)
        if len(order) < 2:
            continue
        pairs = [(p, order[-1]) for p in order[:-1]] + list(zip(order, order[1:], strict=False))
        for a, b in pairs:
            diff = abs(values[b] - values[a]) * scale
            rel = abs(values[b] - values[a]) / abs(values[a]) * 100 if values[a] else None
            for value in (rel,) if cls == "percent" else (diff,):
                if value is not None and lo <= value <= hi:
                    fact = next((f for f in chk.ix.values if chk.series(f) == key), None)
                    return value, a, b, fact
    return None


def between_claim(chk: Checker, m: Mention, value: float, a: str, b: str, fact) -> Claim:
    truth = f"the change from {a} to {b} is {fmt_num(value)}"
    return chk._claim(m, "supported", fact, expected=truth, reason=truth)


def relations(text: str, claims: list[Claim], chk: Checker) -> list[Claim]:
    """Claims stating "<a> is higher/lower than <b>": contradicted when it does not hold (see
    the module doc)."""
    nums = [c for c in claims if c.kind in ("number", "percent", "money") and c.value is not None]
    out: list[Claim] = []
    for a, b in zip(nums, nums[1:], strict=False):
        gap = text[a.end : b.start]
        m = _RELATION_RE.match(gap)
        if m is None or not _same_scale(a, b):
            continue
        word = m.group(1).lower()
        holds = a.value > b.value if word in _GREATER else a.value < b.value  # type: ignore[operator]
        # a relation that holds is read too (see ``grounding.unread``)
        out.append(_relation(text, b, a.start, holds, a.text.strip(), word, b.text.strip()))
    out.extend(_self_comparisons(text, chk))
    out.extend(_comparative_at(text, nums, chk))
    read = [
        (c.start, c.end)
        for c in [*claims, *out]
        if c.kind not in ("number", "percent", "money", "grounding")
    ]
    out.extend(_figure_comparisons(text, nums, read, chk))
    return out


def _own_level(c: Claim, chk: Checker) -> Fact | None:
    """The fact of a supported figure that is the council's own level (a value of its own, of
    the latest or an earlier period), else None: not England's or the region's, not a rank's
    count, a gap or a ratio."""
    f = chk.ix.fact_by_id.get(c.fact_ids[0]) if c.fact_ids and c.status == "supported" else None
    if f is None or f.comparator or f.kind not in ("value", "history"):
        return None
    return f


def _own(c: Claim, chk: Checker) -> bool:
    """Whether a figure is the council's own level as stated, not a change traced to the
    series' value fact ("up 3.2 points on the year before")."""
    return _own_level(c, chk) is not None and not _POINTS_RE.search(c.text)


_POINTS_RE = re.compile(r"\bpoints?\b", re.IGNORECASE)


def _figure_comparisons(
    text: str, nums: list[Claim], read: list[tuple[int, int]], chk: Checker
) -> list[Claim]:
    """ "£59.1 million, slightly lower than the £61.3 million spent in 2020-21", "12.4%, a hair
    below the 12.9% of the year before", "exceeded England's £42.6 million": a comparison word
    with a figure after it in its clause compares the figure stated before it (in its sentence,
    with no other statement between) with that one, both figures checked already. A word
    another check already read is left to it."""
    out = []
    taken = bytearray(len(text) + 1)  # characters another check already read
    for x, y in read:
        taken[max(0, x) : y] = b"\x01" * (max(0, y) - max(0, x))
    starts = [c.start for c in nums]  # claims in text order
    for m in L.FIGURE_COMPARE_RE.finditer(text):
        group = "w" if m["w"] else "w2"
        word = m[group].lower()
        a0, a1 = m.span(group)
        if any(taken[a0:a1]):
            continue
        i = bisect.bisect_left(starts, m.end() - 1)
        after = nums[i] if i < len(nums) else None
        if (
            after is None
            or after.start - m.end() > 40
            or L.ANCHOR_BREAK_RE.search(text, m.end(), after.start)
        ):
            continue
        s = text.rfind(". ", 0, a0)
        # the council's own figure before it in its sentence: "60.7% and lower than region
        # 58.2%" is not about England's 60.7%
        first = None
        for c in reversed(nums[: bisect.bisect_left(starts, a0)]):
            if c.start < s:
                break  # its own sentence only
            if c.end <= a0 and _own(c, chk):
                first = c
                break
        if first is None or L.ANCHOR_BREAK_RE.search(text, first.end, a0):
            continue  # no figure of its own statement to compare
        if after.status != "supported" or first.kind != after.kind:
            continue  # two checked figures of one kind (a matched figure is close to its value)
        va, vb = first.value, after.value
        if va is None or vb is None or va == vb:
            continue
        higher = word.startswith(_GREATER_STEMS)
        holds = va > vb if higher else va < vb
        modifier, at = C.modifier_before(text, a0)  # "far above the £9.2m across England"
        wrong = R.gap_strength_wrong(modifier, va, vb, after.kind == "percent") if holds else ""
        # (a strength word wrong for the gap: the claim is the comparison's words, not the
        # first figure, which holds)
        claim = _relation(
            text, after, at if wrong else first.start, holds, first.text.strip(), word,
            after.text.strip(),
        )  # fmt: skip
        if wrong:
            claim = _rejudged(claim, "contradicted", f"{claim.reason}: {wrong}")
        out.append(claim)
    return out


def _comparative_at(text: str, nums: list[Claim], chk: Checker) -> list[Claim]:
    """ "England's figure was higher, at 30%", "in 2023-24 the rate was lower, at 20.4%": the
    figure after the word against the figure of the same series stated last before it (another
    area's or period's), or, with none, the council's latest."""
    out = []
    for i, b in enumerate(nums):
        word = L.COMPARATIVE_AT_RE.search(text, max(0, b.start - 40), b.start)
        if word is None or b.status != "supported" or not b.fact_ids:
            continue
        fb = chk.ix.fact_by_id.get(b.fact_ids[0])
        if fb is None or fb.value is None:
            continue
        key = chk.series(fb)
        ref = None
        for a in reversed(nums[:i]):  # the council's figure of that series stated before it
            fa = _own_level(a, chk)
            if fa is None or fa.value is None or fa.id == fb.id or not a.value or not _own(a, chk):
                continue
            if chk.series(fa) == key:
                ref = (float(a.value), a.text.strip())  # as stated (a trend's fact holds its
                break  # change, not this figure)
        if ref is None:
            values = chk.ix.subject_values.get(key, {})
            latest = chronological(values)[-1] if values else None
            if latest is None or (fb.period == latest and not fb.comparator):
                continue
            ref = (float(values[latest]), f"{fmt_num(values[latest])} in {latest}")
        higher = word["w"].lower() in _GREATER
        stated = float(b.value if b.value is not None else fb.value)
        holds = stated > ref[0] if higher else stated < ref[0]
        where = word.start("w")
        out.append(_relation(text, b, where, holds, b.text.strip(), word["w"].lower(), ref[1]))
    return out


def _relation(text: str, c: Claim, start: int, holds: bool, a: str, word: str, b: str) -> Claim:
    """The claim that figure ``a`` is ``word`` (higher, below ...) than ``b``, spanning the text
    from ``start`` to the end of claim ``c`` (the figure it was checked through)."""
    than = " than" if word in _COMPARATIVES else ""
    return c.model_copy(
        update={
            "kind": "relation",
            "status": "supported" if holds else "contradicted",
            "start": start,
            "text": text[start : c.end],
            "reason": f"{a} is {'' if holds else 'not '}{word}{than} {b}",
        }
    )


_COMPARATIVES = frozenset("higher lower greater smaller bigger larger more less fewer".split())


def _same_scale(a: Claim, b: Claim) -> bool:
    if a.kind == b.kind:
        return True
    return {a.kind, b.kind} <= {"number", "percent"}


def _self_comparisons(text: str, chk: Checker) -> list[Claim]:
    names = [n for n in (chk.ix.subject_name, chk.ix.region_name, "England") if n]
    out = []
    for m in _self_re(tuple(names)).finditer(text):
        out.append(
            Claim(
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                kind="relation",
                status="contradicted",
                reason=f"compares {m.group('who')} with itself",
            )
        )
    return out


_SELF: dict[tuple[str, ...], re.Pattern[str]] = {}


def _self_re(names: tuple[str, ...]) -> re.Pattern[str]:
    pat = _SELF.get(names)
    if pat is None:
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pat = _SELF[names] = re.compile(
            rf"\b(?P<who>{alt})\b(?:'s)?\s*(?:\([^)]*\))?\s*(?:is|was|are|were)\s+"
            rf"(?:\w+\s+)?(?:higher|lower|above|below|more|less|greater|smaller|fewer|"
            rf"the\s+same)\s+(?:than|as)\s+(?:that\s+of\s+)?(?:the\s+)?(?P=who)\b",
            re.IGNORECASE,
        )
        if len(_SELF) > 512:
            _SELF.clear()
    return pat


def window(
    text: str,
    sentence: tuple[int, int],
    m,
    figures: list,
    stops: re.Pattern[str] = L.WINDOW_STOP_RE,
    names: Callable[[str], bool] | None = None,
) -> str:
    """The words that belong to figure ``m``: from the previous figure or clause break in its
    sentence to the next one ("36.7% had as much social contact as they wanted" names its own
    measure, whatever else the sentence names).

    With ``names`` (whether some words name a measure), an adverb set off by commas ("Long-term
    support for working-age adults, meanwhile, reached 8,635") ends nothing, and a figure
    right after a fronted phrase that opens its sentence ("Among over-65s, 930 per 100,000
    were receiving ...") takes that phrase's words too, when the words between the comma and
    the figure name no measure."""
    s0, s1 = sentence
    a, b = s0, s1
    for f in figures:
        if f is m or f.sentence != m.sentence:
            continue
        if f.end <= m.start:
            a = max(a, f.end)
        elif f.start >= m.end:
            b = min(b, f.start)
    if a > s0:  # "212,475 working-age adults and 45,660 over-65s": the words before "and"
        joins = list(L.FIGURE_JOIN_RE.finditer(text, a, m.start))  # name the figure before
        if joins:
            a = joins[-1].end()
    before = list(stops.finditer(text, a, m.start))
    if before and before[-1].group() == "(" and not text[before[-1].end() : m.start].strip():
        before.pop()  # "direct payments (674 per 100,000)": the words before the bracket
    if len(before) >= 2 and before[-1].group() == ")" and before[-2].group() == "(":
        # "the carers who get a break (respite) was 769": a bracketed name with no figure in
        # it is part of the words before it
        if not any(ch.isdigit() for ch in text[before[-2].end() : before[-1].start()]):
            del before[-2:]
    if names is not None and len(before) >= 2:  # ", meanwhile," does not end a clause
        last, prev = before[-1], before[-2]
        if (
            last.group().startswith(",")
            and prev.group().startswith(",")
            and L.PARENTHETICAL_RE.fullmatch(text, prev.end(), last.start())
        ):
            del before[-2:]
    if before:
        if (
            names is not None
            and len(before) == 1
            and before[0].group().startswith(",")
            and L.FRONTED_PHRASE_RE.match(text, a)
            and not names(text[before[0].end() : m.start])
        ):
            before.pop()
        if before:
            a = before[-1].end()
    after = stops.search(text, m.end, b)
    bracketed = text[a : m.start].rstrip().endswith("(")
    if (
        after
        and bracketed
        and after.group().startswith(")")
        and after.start() - m.end <= 25
        and not L.LIST_GOES_ON_RE.match(text, after.end())
    ):
        # "just over six in ten care users (62.9%) said they were satisfied": a figure in
        # brackets restates its clause, whose words go on after the bracket (not a list's next
        # item: "information and advice (478) or a direct payment (303)")
        after = stops.search(text, after.end(), b)
    if after:
        b = after.start()
    if names is not None and not names(
        P.RATE_RE.sub(" ", text[a : m.start] + " " + text[m.end : b])
    ):
        a = _clause_before(text, s0, m, figures, a, names)
    return text[a : m.start] + " " + text[m.end : b]


def _clause_before(
    text: str, s0: int, m, figures: list, a: int, names: Callable[[str], bool]
) -> int:
    """Where the words of a figure start whose own words name no measure, only whom a rate
    counts ("Many older people got nursing care too, about 1,980 for every 100,000 aged 65 and
    over"): the figure restates the clause before it, back over commas and dashes to the first
    clause whose words name one. Not when another figure comes before it in its sentence (the
    words between are that figure's: it goes back only to the figure before), nor into a
    clause of its own (", and in 2021-22 it had 30,570 residents aged 65+")."""
    # never back over another figure of its sentence (the words between are that figure's:
    # "while nursing care, at 290 per 100,000" after "... England (1,271)") nor a semicolon,
    # which ends a statement ("... signposting; the rest, some 590, received ...")
    ends = [f.end for f in figures if f is not m and f.sentence == m.sentence and f.end <= m.start]
    s0 = max([s0, *ends])
    s0 = max(s0, text.rfind(";", s0, m.start) + 1)
    start = a
    while (
        a > s0
        and L.COMMA_BREAK_END_RE.search(text, max(s0, a - 3), a)
        and not L.NEW_CLAUSE_RE.match(text, a)
    ):
        earlier = list(L.COMMA_BREAK_RE.finditer(text, s0, a - 1))
        a = earlier[-1].end() if earlier else s0
        if names(P.RATE_RE.sub(" ", text[a : m.start])):
            return a
    return start


_NEW_CLAUSE_FIGURE_RE = re.compile(
    r",\s+and\s+(?:(?:about|around|roughly|some|nearly|almost|just\s+(?:over|under))\s+)?£?$",
    re.IGNORECASE,
)


def party(text: str, sentence: tuple[int, int], m, entity_re) -> str:
    """Whose figure ``m`` is when no name sits right next to it: the council the text is
    about when nothing before it in its sentence names England or the region, or a comparison
    ("Satisfaction was 66.5%, roughly in line with England" states the council's figure);
    otherwise left open ("" : the checks try each party)."""
    s0, _s1 = sentence
    # a new clause after "while"/"whereas" that names no one ("..., above England's £7.2m,
    # while income from the NHS was £13.7m") states the council's figure
    turns = [t.end() for t in L.WHILE_RE.finditer(text, s0, m.start)]
    back = text[turns[-1] if turns else s0 : m.start]
    if _NEW_CLAUSE_FIGURE_RE.search(text, s0, m.start):
        # "..., above England's 13,065, and 4,810 per 100,000 got long-term support": a figure
        # opening a clause of its own after ", and" is the council's, like one after "while"
        return "subject"
    if L.COMPARE_BEFORE_FIGURE_RE.search(back):
        return ""
    if any(e.lastgroup in COMPARATORS for e in entity_re.finditer(back)):
        return ""
    return "subject"


#: a rank's pool said as England's councils ("8th of 151 councils", "among all councils")
_COUNCIL_POOL_RE = re.compile(
    r"\b(?:of|among|across)\s+(?:the\s+|all\s+)*(?:\d+\s+)?(?:councils|local\s+authorities)\b",
    re.IGNORECASE,
)


def rank_among_peers(text: str, sentence: tuple[int, int], m, entity_re) -> bool:
    """Whether a rank is a place among the council and its similar councils: the pool its
    sentence names nearest to it is the peer group ("the highest of its 15 similar councils",
    "Among Leicester and its 14 similar councils, Leicester has the highest figure"), not
    England's councils ("one of the five lowest in England", "8th of 151 councils")."""
    s0, s1 = sentence
    if _PEER_WORD_RE.search(m.text):  # "higher than every similar council bar one"
        return True
    pools = [
        (e.start(), e.end(), e.lastgroup == "peers")
        for e in entity_re.finditer(text, s0, s1)
        if e.lastgroup in ("peers", "england")
    ]
    pools += [(c.start(), c.end(), False) for c in _COUNCIL_POOL_RE.finditer(text, s0, s1)]
    if not any(peers for _a, _b, peers in pools):
        return False
    # the pool the rank's own words go on to name ("the highest among Hartlepool's 15 similar
    # councils", "14th of 15 among its similar councils"), else the nearest
    after = [p for p in pools if p[0] >= m.end and _POOL_AFTER_RE.fullmatch(text, m.end, p[0])]
    if after:
        return min(after)[2]
    nearest = min(pools, key=lambda p: (max(p[0] - m.end, m.start - p[1], 0), not p[2]))
    return nearest[2]


_PEER_WORD_RE = re.compile(
    r"\b(?:similar|comparable|comparator|statistical\s+neighbou?rs?|peers?)\b", re.IGNORECASE
)
#: the words between a rank and the pool it names after it: "among", "of", "out of" and a few
#: more ("share among", "among Lewisham and", "of 15 among")
_POOL_AFTER_RE = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,2}?(?:among|of|out\s+of|in|within|across)\s+"
    r"(?:[A-Z][\w'’ -]{0,30}\s+and\s+|the\s+(?:city|borough|county|council|area)(?:'s|’s)\s+)?",
    re.IGNORECASE,
)


def relation_comparator(text: str, sentence: tuple[int, int], m, entity_re) -> str:
    """Who a gap compares with: the area named right after its words ("ten points above the
    South West figure" → "region"); "" when none is named there."""
    _s0, s1 = sentence
    tail = text[m.end : min(s1, m.end + 45)]
    stop = L.ANCHOR_BREAK_RE.search(tail)
    for e in entity_re.finditer(tail[: stop.start()] if stop else tail):
        if e.lastgroup in COMPARATORS:
            return e.lastgroup
        return ""
    return ""


def sole_comparator(text: str, sentence: tuple[int, int], entity_re) -> str:
    """The comparator a sentence names, when it names exactly one ("" otherwise)."""
    s0, s1 = sentence
    named = {e.lastgroup for e in entity_re.finditer(text, s0, s1)} & set(COMPARATORS)
    return named.pop() if len(named) == 1 else ""


_IN_YEAR_RE = re.compile(
    r"(?:\b(?:in|for|during|back\s+in|by)\s+(?:the\s+)?(?:(?:financial|survey)\s+)?(?:year\s+)?)"
    r"(?P<y>(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?)\b",
    re.IGNORECASE,
)


def comparison_period(text: str, clause: tuple[int, int], m) -> Stated | Previous | None:
    """The one period a comparison's clause states for it: "In 2023-24 Somerset was higher
    than England", "below England in 2022-23", "having been above it the year before";
    None when it states none, or more than one."""
    a, b = clause
    # "having been above it the year before (24.8%)", "ahead of it (85.1%) a year earlier"
    back = L.PREVIOUS_AFTER_RE.match(text, m.end, min(b, m.end + 40))
    if back is not None:
        return Previous()
    # a year opening the clause ("In 2023-24 Somerset was higher", "whereas in 2023-24 both
    # were below it"), or right after the comparator ("below England in 2022-23"); not one a
    # figure before it names ("down from 80.8% in 2015-16, below England")
    lead = L.CLAUSE_LEAD_RE.match(text, a, m.start)
    opening = _IN_YEAR_RE.match(text, lead.end() if lead else a, m.start)
    found = {opening["y"]} if opening else set()
    found |= {y["y"] for y in _IN_YEAR_RE.finditer(text[m.end : min(b, m.end + 20)])}
    # "the 2023-24 figure was a shade under the national rate"; "63.5% in 2023-24, the one
    # year when the borough slipped below the national figure"
    found |= {y["y"] or y["y2"] for y in L.YEAR_SUBJECT_RE.finditer(text, a, m.start)}
    if (
        not found
        and not _FIGURE_RE.search(_YEAR_RE.sub(" ", text[a : m.start]))
        # (not the year of a comparison before it: "was above it in 2023-24 and is again")
        and not _COMPARED_RE.search(text, a, m.start)
    ):
        # a clause with no figure that names one year before its comparison: "Satisfaction in
        # 2021-22 was well above the England average", "Southwark's 2023-24 satisfaction score
        # was close to the national average" (not "since 2016-17", a run of years)
        years = list(_YEAR_RE.finditer(text, a, m.start))
        if not any(_RANGE_BEFORE_RE.search(text, max(a, y.start() - 30), y.start()) for y in years):
            found = {y["y"] for y in years}
    stated = {Stated(*years_of(y)) for y in found}
    return next(iter(stated)) if len(stated) == 1 else None


_YEAR_RE = re.compile(r"\b(?P<y>(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?)\b")
_FIGURE_RE = re.compile(r"\d")
_COMPARED_RE = re.compile(r"\b(?:above|below|than|ahead|behind|under|over)\b", re.IGNORECASE)
#: a year that starts or ends a run ("since the series began in 2015-16", "from 2018-19")
_RANGE_BEFORE_RE = re.compile(
    r"\b(?:since|from|until|till|between|through|began|begun|started|first)\b[^,;.]*$"
    r"|\b(?:to|and)\s+$",
    re.IGNORECASE,
)


_FIGURE_KINDS = ("number", "percent", "money", "fraction")
_ASIDE_RE = re.compile(r"\([^()]*\)")
#: "half of councils", "a quarter of all areas": a part of a ranking's pool, not a figure
_OF_POOL_RE = re.compile(
    r"\s+of\s+(?:all\s+)?(?:the\s+)?(?:\d+\s+)?(?:other\s+)?(?:councils|areas|places|"
    r"authorities|local\s+authorities|boroughs|counties)\b",
    re.IGNORECASE,
)


def figures_period(
    text: str, claims: list[Claim], clause: tuple[int, int], m: Mention, chk: Checker
) -> Stated | None:
    """The earlier period a comparison's own figures are of: "when the council's 32.4 per
    cent exceeded England's 28.0 per cent" compares 2021-22's figures, whatever the latest
    period. The figures are the supported ones of its clause before the comparison words and
    the first within a few words after them; None when any is of the latest period ("rose to
    66.4% from 55.6%, overtaking London" is about the latest), they are of different periods,
    there are none, or the words say it is now."""
    a, _b = clause
    if L.RECENT_RE.search(text, a, m.end):  # "Both are now above England"
        return None
    supported = [c for c in claims if c.status == "supported" and c.kind in _FIGURE_KINDS]
    before = [c for c in supported if a <= c.start and c.end <= m.start]
    # the comparator's figure right after its name, in its clause or the next ("lower than
    # England, which was 65.4%")
    after = [c for c in supported if m.end <= c.start <= m.end + 40][:1]
    periods = set()
    for c in before + after:
        f = chk.fact_of(c)
        reading = _reading(c, f) if f is not None else None
        if reading is None:
            return None
        periods.add(reading)
    if len(periods) != 1:
        return None
    period, earlier = next(iter(periods))
    return Stated(*years_of(period)) if earlier else None


def _reading(c: Claim, f: Fact) -> tuple[str, bool] | None:
    """The period a figure traced to ``f`` is a reading of, and whether it is an earlier one:
    a level's own, or, for the start or end of a change ("fell from 24.6% in 2023-24 to
    10.3%"), the end it is nearer to."""
    if f.kind in ("value", "history", "comparator_value") and f.period:
        return f.period, f.kind == "history"
    d = f.detail
    ends = (d.get("first_value"), d.get("last_value"))
    if f.kind != "trend" or c.value is None or not all(isinstance(v, (int, float)) for v in ends):
        return None
    first = abs(c.value - ends[0]) <= abs(c.value - ends[1])  # type: ignore[operator]
    period = d.get("first_period") if first else d.get("last_period")
    return (str(period), first) if period else None


def clause_of(text: str, sentence: tuple[int, int], m) -> tuple[int, int]:
    """The span of the clause of ``m``'s sentence that holds it (split at contrasts)."""
    s0, s1 = sentence
    a, b = s0, s1
    for cut in L.CONTRAST_RE.finditer(text, s0, s1):
        if cut.end() <= m.start:
            a = cut.end()
        elif cut.start() >= m.end:
            b = cut.start()
            break
    return a, b


def read_opposite(m, opposites: dict[str, set]) -> None:
    """A share said of a measure's opposite ("31% found it hard", "most were dissatisfied",
    "a fifth still needed ongoing support"): read as the complement of that measure's share,
    bound to it (``extra["opposite"]``: its series); a plain negation then flips it back."""
    tail = str(m.extra.get("tail") or "")
    if not tail:
        return
    keys = set()
    for word, series in opposites.items():
        if re.search(rf"\b{re.escape(word)}", tail, re.IGNORECASE):
            keys |= series
    if keys:
        m.negated = not m.negated
        m.extra["opposite"] = keys


def negation_in_label(text: str, m, labels: set[str]) -> bool:
    """Whether the negation after a share belongs to a category's own name ("not yet rated",
    "no further ongoing support"), not to the sentence."""
    neg = L.NEGATION_RE.search(text, m.end, m.end + 60)
    if neg is None:
        return False
    phrase = " ".join(_content(text[neg.start() : neg.start() + 40])[:2])
    return any(phrase in " ".join(_content(label)) for label in labels)


def _content(words: str) -> list[str]:
    return [w for w in re.findall(r"[a-z']+", words.lower()) if w not in L.FILLERS]


#: where a move's own statement ends, after its figure: a comma, semicolon or dash
_MOVE_BREAK_RE = re.compile(r"[,;—–]")


def own_move(text: str, m, stated: list[Claim], mentions: list, clause: tuple[int, int]):
    """The figures a trend word's own move runs between, of those its clause states: in a
    chain of moves ("climbed from 55.6% in 2019-20 to 64.8% in 2023-24, before slipping to
    62.9% in 2024-25") a move starts at the figure the one before it ended on and ends before
    the next; "climbed since then" starts at the last figure stated before it."""
    a, b = clause
    if L.SINCE_THEN_RE.match(text, m.end):
        before = [c for c in stated if c.end <= m.start]
        return before[-1:]
    movers = [o for o in mentions if o.kind == "trend" and o.direction and a <= o.start < b]
    prev_end = max((o.end for o in movers if o.end <= m.start), default=None)
    next_start = min((o.start for o in movers if o.start >= m.end), default=b)
    if prev_end is None and next_start == b:
        # the clause's only move: its figures, up to the break after the first figure that
        # follows it ("rose to 62.0% in 2024-25, ... the highest since 2020-21, when 62.4% was
        # recorded": 62.0% is where the move ended, 62.4% is another statement's)
        after = [c for c in stated if c.start >= m.end]
        if after:
            cut = _MOVE_BREAK_RE.search(text, after[0].end, b)
            if cut is not None:
                end = cut.start()
                return [c for c in stated if c.start < m.end or c.end <= end]
        return stated
    if prev_end is None:  # the first move: the figures before it and up to the next one
        return [c for c in stated if c.end <= next_start]
    # a later move: from where the move before ended to the figures up to the next one
    after = [c for c in stated if m.end <= c.start and c.end <= next_start]
    return [c for c in stated if c.end <= m.start][-1:] + after


def last_period(claims: list[Claim], chk: Checker) -> str:
    """The period of the council's last checked figure among ``claims`` ("" if none)."""
    for c in reversed(claims):
        f = _own_level(c, chk)
        if f is not None and f.period:
            return f.period
    return ""


def earlier_figure(
    sentence: tuple[int, int], m, claims: list[Claim], chk: Checker
) -> tuple[Key, str] | None:
    """The series and period of the council's earlier figure stated nearest before ``m`` in
    its sentence ("down from 69.6% the year before"), if any."""
    for _c, f in _own_before(sentence, m, claims, chk):
        if f.kind == "history":
            return chk.series(f), f.period
    return None


def earlier_reading(
    text: str, sentence: tuple[int, int], m, claim: Claim, claims: list[Claim], chk: Checker
) -> Claim:
    """A figure said as the earlier reading of the council's figure before it in its sentence
    ("Satisfaction dipped to 63.0%, below England's 65.4%, having stood at 77.2% in 2022-23";
    "£234.1 million gross, up from £182.5 million the year before"), or said to be "that
    figure" at another time, is a reading of that figure's series: a figure of another series
    that none of its readings comes close to is a measure swap."""
    f = chk.fact_of(claim)
    if claim.status != "supported" or f is None or f.comparator:
        return claim
    # the figure's value: a level's, or the first of the change it was read as the start of
    stated = f.value if f.kind in ("value", "history") else f.detail.get("first_value")
    if not isinstance(stated, (int, float)):
        return claim
    pointed = L.THAT_FIGURE_RE.search(text, sentence[0], m.start) is not None
    if not pointed and L.EARLIER_READING_RE.search(text, sentence[0], m.start) is None:
        return claim
    ref = next(_own_before(sentence, m, claims, chk), None)
    # ("...; back in 2021-22 that figure was 62.3%": words that point back bridge a break)
    if ref is None or (not pointed and L.ANCHOR_BREAK_RE.search(text, ref[0].end, m.start)):
        return claim
    g = ref[1]
    series = chk.series(g)
    readings = chk.ix.subject_values.get(series, {})
    if chk.series(f) == series or g.unit != f.unit or not readings:
        return claim
    # a reading the words could mean: within the figure's own precision ("£72.0 million" is
    # not £72.2 million), the reading scaled to the figure's unit by the fact it matched
    lo, hi = hedge_interval(m.value or 0.0, m.precision, m.hedge)
    if not stated or any(lo <= (m.value or 0.0) * v / stated <= hi for v in readings.values()):
        return claim
    return _rejudged(
        claim,
        "contradicted",
        f"measure swap: {claim.text.strip()} is the figure for {chk._label(f)}, said as an "
        f"earlier figure of {chk._label(g)}, which was never close to it",
    )


def anchor_series(
    text: str, sentence: tuple[int, int], m, claims: list[Claim], chk: Checker
) -> set:
    """The series a relation ("more than double the England rate", "ten points above the
    region") compares: that of the council's own figure stated before it in its sentence
    ("2,930 requests per 100,000, the 18th highest of 148 and more than double the England
    rate"), unless a contrast or a new statement comes between them. Empty when there is none:
    the relation is then bound by its words, as before."""
    for c, f in _own_before(sentence, m, claims, chk):
        if L.ANCHOR_BREAK_RE.search(text, c.end, m.start):
            return set()
        return {chk.series(f)}
    return set()


def _own_before(sentence: tuple[int, int], m, claims: list[Claim], chk: Checker):
    """(claim, fact) of the council's own levels stated before ``m`` in its sentence, nearest
    first (a rank's count, a comparator's figure or a relation is none of them)."""
    s0, _s1 = sentence
    for c in sorted(claims, key=lambda c: -c.end):
        if s0 <= c.start and c.end <= m.start and (f := _own_level(c, chk)) is not None:
            yield c, f


def prior_series(text: str, sentence: tuple[int, int], m, claims: list[Claim], chk: Checker) -> set:
    """The series of the council's supported figure nearest before ``m`` in its clause (no
    clause break between them), if any."""
    s0, _s1 = sentence
    before = [
        c
        for c in claims
        if c.status == "supported"
        and c.fact_ids
        and s0 <= c.start
        and c.end <= m.start
        and c.kind in _FIGURE_KINDS
    ]
    # a bracket closed before the mention, after a figure, is an aside ("111,765 aged 65 and
    # over (against 200,330 aged 18-64), the 25th largest"): its figures are not the one
    # spoken of (but "in raw numbers (27,450 requests) no council had more" is)
    asides = [(s0 + x.start(), s0 + x.end()) for x in _ASIDE_RE.finditer(text[s0 : m.start])]
    outside = [c for c in before if not any(x <= c.start and c.end <= y for x, y in asides)]
    before = outside or before
    if not before:
        return set()
    last = max(before, key=lambda c: c.end)
    if re.search(r"[.;]|\b(?:while|whereas|but|and|yet)\b", text[last.end : m.start]):
        return set()
    if last.kind == "fraction" and _OF_POOL_RE.match(text, last.end):
        return set()  # "in the less deprived half of councils": a share of the ranking's pool
    f = chk.fact_of(last)
    if f is None or f.kind in ("difference", "ratio") or f.comparator:
        return set()
    # every series of its chart with the same figure ("£39.7 million" per 100,000 is both gross
    # current and gross total expenditure), each ranked in its own right
    chart = chk.ix.chart_of.get(f.id)
    return {chk.series(f)} | {
        chk.series(g)
        for g in chk.ix.values
        if g.value == f.value
        and g.period == f.period
        and g.unit == f.unit
        and g.denominator == f.denominator
        and chk.ix.chart_of.get(g.id) == chart
    }


def respective(
    text: str,
    sentences: list[tuple[int, int]],
    m,
    figures: list,
    claim: Claim,
    claims: list[Claim],
    chk: Checker,
) -> Claim:
    """A figure in a list said "respectively" or "in that order" ("Requests and long-term
    support stood at 8,565 and 7,795 per 100,000 respectively"; "In 2016-17 they were 45.8% and
    67.0% in that order") goes with the name in the same place of the list it answers: the
    names listed right before the figures in their clause, else right after them ("... for
    requests and support respectively"), else the series of the council's own figures stated
    last before the list. A figure that fits the series of another place in the list and not
    its own is a measure swap."""
    f = chk.fact_of(claim)
    if claim.status != "supported" or f is None or f.kind not in _LEVEL_KINDS:
        return claim
    mine = sorted((x for x in figures if x.sentence == m.sentence), key=lambda x: x.start)
    items = figure_list(text, mine, m)
    s0, s1 = sentences[m.sentence]
    after = [x for x in mine if x.start >= items[-1].end]
    said = L.RESPECTIVELY_RE.match(text, items[-1].end, after[0].start if after else s1)
    if len(items) < 2 or said is None:
        return claim
    before = [x for x in mine if x.end <= items[0].start]
    start = before[-1].end if before else s0
    start = max(
        [start, *(b.end() for b in L.NAME_LIST_START_RE.finditer(text, start, items[0].start))]
    )
    places = (
        _names_listed(text[start : items[0].start], len(items), chk)
        # (the names after: each with the words before the figures, "Long-term support
        # rates were 7,855 and 1,090 per 100,000 for working-age and older adults")
        or _names_listed(
            text[items[-1].end : said.end()], len(items), chk, tokens(text[start : items[0].start])
        )
        or _series_listed(items, claims, chk)
    )
    if not places:
        return claim
    k, matched = next(j for j, x in enumerate(items) if x is m), chk.series(f)
    if matched in places[k] or not any(matched in p for p in places[:k] + places[k + 1 :]):
        return claim
    own = places[k]
    rebound = chk.number(m, own, None, own, own)
    if rebound.status == "supported":  # (it fits its own place too: the same figure twice)
        return rebound
    theirs = next((v for v in chk.ix.values if chk.series(v) in own and not v.comparator), None)
    return _rejudged(
        claim,
        "contradicted",
        f"measure swap: {claim.text.strip()} is the figure for {chk._label(f)}; said in place "
        f"{k + 1} of a list taken in order, it stands for "
        + (chk._label(theirs) if theirs is not None else "another series"),
    )


#: facts whose figure is a level of their series, of any period or party (a trend's: its start
#: or end), not a gap, a ratio or a place
_LEVEL_KINDS = frozenset({"value", "history", "comparator_value", "trend"})


def _names_listed(
    words: str, n: int, chk: Checker, shared: frozenset[str] = frozenset(), headed: bool = False
) -> list[set[Key]]:
    """The series each of the last ``n`` names of a list names, with the words ``shared`` by
    all of them ("Requests and long-term support stood at": two names; ``headed``: the last
    name's words may be the head of all), or [] when the words are no list of ``n`` names that
    each name series of their own (or a name before them names one too: not one list)."""
    pieces = L.NAME_LIST_SPLIT_RE.split(words.strip())
    naming = chk.ix.key_words.naming
    if len(pieces) < n or (len(pieces) > n and naming(tokens(pieces[-n - 1]))):
        return []
    head = tokens(pieces[-1]) if headed else frozenset()
    # (a name that names nothing alone may take the last name's words as its head:
    # "residential and nursing care rates"; it is then every series it may be)
    places = [naming(tokens(p) | shared) or naming(tokens(p) | shared | head) for p in pieces[-n:]]
    if not all(places) or len({frozenset(p) for p in places}) < n:
        return []
    return places


def _series_listed(items: list, claims: list[Claim], chk: Checker, n: int = 0) -> list[set[Key]]:
    """The series of the council's own figures stated last before ``items`` (a list of
    figures, or the words of a comparison), as many as ``n`` (else as the items), in the order
    they were stated, or [] when there are fewer of them."""
    found: list[Key] = []
    for c in sorted((c for c in claims if c.end <= items[0].start), key=lambda c: -c.start):
        f = _own_level(c, chk)
        if f is not None and chk.series(f) not in found:
            found.append(chk.series(f))
            if len(found) == (n or len(items)):
                return [{k} for k in reversed(found)]
    return []


def each_named(
    text: str,
    clause: tuple[int, int],
    m,
    claims: list[Claim],
    chk: Checker,
    focus: Callable[[], set[Key]],
) -> list[set[Key]]:
    """The measures a comparison said of several at once is said of, one set of series for
    each ("Both residential and nursing care rates for older people exceeded the England
    figures", "Both are above England", "beat England on all three measures"): the names
    listed between the gathering word and the comparison, else the series its sentence names
    (``focus()``, computed only when needed) when they are as many as the words count, else
    the council's own series stated last before it (after "Both are", "all three figures").
    [] when it is said of one."""
    a, b = clause
    gathers = list(L.EACH_BEFORE_RE.finditer(text, a, m.start))
    after = L.EACH_AFTER_RE.match(text, m.end, b)
    word = gathers[-1] if gathers else after
    if word is None:
        return []
    counted = parse_number(word["n"] or "two")  # "both": two
    if counted is None:
        return []
    n = int(counted[0])
    if gathers:
        between = text[word.end() : m.start]
        places = _names_listed(between, n, chk, headed=True)
        if places:
            return places
    named = set() if gathers else focus()
    if len(named) == n:
        return [{k} for k in sorted(named)]
    if after is not None or L.EACH_ANAPHOR_RE.match(text, word.end()):
        # the figures it gathers: those right after it in its clause ("both rates trailed
        # England's: 725 and 640 per 100,000"), else the last stated before it
        later = [f for c in claims if m.end <= c.start and c.end <= b and (f := _own_level(c, chk))]
        series = list(dict.fromkeys(chk.series(f) for f in later))
        if len(series) >= n:
            return [{k} for k in series[:n]]
        return _series_listed([m], claims, chk, n)
    return []


def fronted_group(text: str, sentence: tuple[int, int], at: int) -> frozenset[str]:
    """The age group a phrase opening a sentence scopes its figures to, up to ``at`` ("Among
    working-age adults in long-term support, personal budgets were the largest at 493 per
    100,000, whereas direct payments alone accounted for 263": {"18", "64"}; "For over-65s,
    ...": {"65"}); nothing when the phrase names no age group or both, or when words after it
    and before ``at`` name another ("Of older people, 8,330 ...; among those aged 18-64 the
    figure was 915")."""
    m = L.FRONTED_PHRASE_RE.match(text, sentence[0], sentence[1])
    comma = text.find(",", sentence[0], sentence[1])
    if m is None or comma < 0 or comma - m.end() > 70 or comma > at:
        return frozenset()
    ages = tokens(text[m.end() : comma]) & AGES
    if not ages or not (ages <= {"18", "64"} or ages == {"65"}):
        return frozenset()
    return frozenset() if tokens(text[comma:at]) & AGES - ages else ages


def in_group(chk: Checker, claim: Claim, group: frozenset[str], toks: set[str]) -> set[Key]:
    """The series of age ``group`` (see :func:`fronted_group`) to check a supported figure
    against again when it matched another age group's series and its own words ``toks`` name
    no age group: "..., whereas direct payments alone accounted for 758" (the 65+ rate) in a
    sentence opening "Among working-age adults". Empty when nothing needs checking again."""
    f = chk.fact_of(claim) if claim.status == "supported" else None
    if f is None or toks & AGES:
        return set()
    raw = chk.ix.key_words.raw
    own = raw.get(chk.series(f), set()) & AGES
    if not own or own & group:
        return set()
    # the same kind of chart's lines for the group ("wa_care_types" for "op_care_types")
    kind = chk.series(f).split(":")[0].split("_", 1)[-1]
    return {
        k
        for k in raw
        if raw[k] & group and not raw[k] & own and k.split(":")[0].split("_", 1)[-1] == kind
    }
