"""Claim extraction: turn a text into structured, span-anchored mentions.

The extractor only *reads*; deciding truth is :mod:`narrator.verify.check`'s job. Any extractor
that yields :class:`Mention` objects (for example a future LLM-assisted one that turns a sentence
into measure/subject/value/comparator/direction) plugs into the same deterministic checks.

>>> ctx = ExtractionContext(subject_names=("Leicester",), region_names=("East Midlands",))
>>> [m.kind for m in RuleExtractor().extract("Leicester is below England (2,199 vs 2,438).", ctx)]
['direction', 'number', 'number']
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from narrator.verify import comparisons as C
from narrator.verify import lexicon as L
from narrator.verify import patterns as P
from narrator.verify import scan as S
from narrator.verify.mention import COMPARATORS, Entity, Mention
from narrator.verify.numbers import HEDGES, parse_number
from narrator.verify.spans import (
    classify_denominator,
    lower_in_place,
    may_end_in_number,
    normalise_fact_denominator,
    split_sentences,
)

__all__ = [
    "ExtractionContext",
    "Extractor",
    "Mention",
    "RuleExtractor",
    "classify_denominator",
    "normalise_fact_denominator",
    "split_sentences",
]


#: words that name a gap (a cheap first test before GAP_BEFORE_RE)
_GAP_WORDS = ("difference", "gap", "margin", "lead", "shortfall")


@dataclass(frozen=True, slots=True)
class ExtractionContext:
    """Names the extractor needs to tell whose figure a number is."""

    subject_names: tuple[str, ...] = ()
    region_names: tuple[str, ...] = ()

    def entity_re(self, peers: bool = True) -> re.Pattern[str]:
        """The names of the parties a text compares: the council, its region, England and
        (``peers``, for a text with a word that can name them: ``PEERS_HINT_RE``) its similar
        councils."""
        return _entity_re(self.subject_names, self.region_names, peers)


#: a word without which no text names the similar councils (a cheap test before the regex, on
#: the lower-cased text)
PEERS_HINT_RE = re.compile(
    r"similar|comparable|comparator|statistical|peer|neighbo|\bgroup\b|\blike\b"
)


# A pure function of immutable name tuples (one per council), bounded: compiling the pattern
# once per council instead of once per text. It holds patterns only, never sheets or indexes.
@lru_cache(maxsize=512)
def _entity_re(
    subject_names: tuple[str, ...], region_names: tuple[str, ...], peers: bool = True
) -> re.Pattern[str]:
    subj = "|".join(re.escape(n) for n in sorted(subject_names, key=len, reverse=True))
    reg = "|".join(re.escape(n) for n in sorted(region_names, key=len, reverse=True))
    subj_or_it = rf"(?:it|this\s+one|{subj})" if subj else r"(?:it|this\s+one)"
    owner = rf"(?:{subj})(?:'s|’s)" if subj else "its"
    # its similar councils (the peer group's median): "similar councils", "its 15 most similar
    # councils", "statistical neighbours", "councils like Leicester", "its peers"
    # "its 15 closest statistical neighbours", "Kingston's group of 15 comparable councils"
    lead = (
        rf"(?:(?:its|their|the|that|this|{owner})\s+)?(?:group\s+of\s+)?"
        r"(?:(?:\d+|fifteen)(?:-strong)?\s+)?(?:(?:most|closest|nearest)\s+)?"
    )
    peer_group = (
        r"(?P<peers>(?:(?:the\s+)?(?:median|middle|typical\s+(?:figure|value))\s+"
        r"(?:of|for|among|across)\s+)?"
        rf"{lead}(?:similar|comparable|comparator|statistically\s+similar)\s+(?:[A-Z][\w-]*\s+)?"
        r"(?:councils|areas|places|authorities|local\s+authorities|boroughs|counties|cities)\b|"
        r"the\s+typical\s+(?:similar|comparable)\s+(?:council|county|borough|city|authority|"
        r"area|place)\b|the\s+typical\s+(?:peer|neighbou?r)\b|"
        rf"{lead}(?:statistical|nearest)\s+neighbou?rs\b|"
        rf"{lead}peer(?:s\b|[-\s]group\b|\s+councils\b|\s+median\b)|"
        rf"{lead}comparator\s+group\b|"
        # "the middle of that group", "the median for the group", "the group's median"
        r"the\s+(?:median|middle)\s+(?:of|for)\s+(?:that|the|this)\s+group\b|"
        r"the\s+group(?:'s|’s)?\s+median\b|"
        # "councils like it", "one council like it", "the councils most like Haringey"
        rf"(?:councils?|areas|places|authorities|boroughs)\s+(?:most\s+|very\s+)?"
        rf"(?:like|similar\s+to)\s+{subj_or_it}"
        r"(?:'s|’s)?\b)"
    )
    parts = [peer_group] if peers else []
    parts += [
        r"(?P<england>England\b|English\s+average|national(?:ly)?\b|"
        r"the\s+country\b|the\s+rest\s+of\s+(?:England|the\s+country)\b|elsewhere\b|"
        r"(?:most\s+)?other\s+(?:councils|areas|places)\b|"
        # "more deprived than average", "above the average": the national average
        # (not "above average at 3,081" or "above average:", where the figure is the council's)
        r"(?:(?<=than )(?:the\s+)?|(?:(?<=above )|(?<=below ))the\s+)average\b(?!\s+at\b|\s*:))",
        r"(?P<region>the\s+region(?:al)?\b|regional(?:ly)?\b|the\s+region's\b"
        + (rf"|(?:{reg})\b" if reg else "")
        + ")",
        r"(?P<subject>the\s+council\b|the\s+city\b|the\s+county\b|the\s+borough\b|"
        r"the\s+area\b|locally\b|local\b" + (rf"|(?:{subj})\b" if subj else "") + ")",
    ]
    # every branch starts at a word boundary with one of these letters: test both once (speed)
    first = {
        # similar, statistical, councils, comparable, its, peer(s), the, fifteen, group, and a
        # count ("15 similar councils")
        *("sciptfg0123456789" if peers else ""),
        "e",
        "n",
        "t",
        "r",
        "l",
        "m",
        "o",
        "a",
        *(n[0].lower() for n in (*subject_names, *region_names) if n),
    }
    cls = "".join(re.escape(c) for c in sorted(first))
    return re.compile(rf"\b(?=[{cls}])(?:" + "|".join(parts) + ")", re.IGNORECASE)


class Extractor(Protocol):
    """Anything that finds mentions in a text (rule-based by default; LLM-assisted later)."""

    name: str

    def extract(self, text: str, context: ExtractionContext) -> list[Mention]: ...


_START = operator.attrgetter("start")


class RuleExtractor:
    """Regex + number-word extractor: fast, offline and deterministic (the default)."""

    name = "rules"

    def extract(self, text: str, context: ExtractionContext) -> list[Mention]:
        low = text.lower()
        peers = PEERS_HINT_RE.search(low) is not None
        entity_re = context.entity_re(peers)
        hints = P.hints_in(low)  # a hint absent from the text is absent everywhere
        if peers:
            hints |= {"peers"}
        out: list[Mention] = []
        prior: list[str] = []  # the comparators the sentence before names
        for idx, (s0, s1) in enumerate(split_sentences(text)):
            found, prior = self._sentence(text, s0, s1, idx, entity_re, hints, prior)
            out.extend(found)
        return out

    # ---- one sentence ---------------------------------------------------------------------
    def _sentence(
        self,
        text: str,
        s0: int,
        s1: int,
        idx: int,
        entity_re,
        hints: frozenset[str],
        prior: list[str] = (),  # type: ignore[assignment]
    ) -> tuple[list[Mention], list[str]]:
        """The mentions of one sentence, and the comparators it names (the next sentence's
        ``prior``: "England's rate is 850. So Lambeth is lower.")."""
        sent = text[s0:s1]
        taken: list[tuple[int, int]] = []
        found: list[Mention] = []

        def free(a: int, b: int) -> bool:
            for x, y in taken:
                if b > x and a < y:
                    return False
            return True

        def add(m: Mention) -> None:
            found.append(m)
            taken.append((m.start - s0, m.end - s0))

        low = lower_in_place(sent)
        # exact prefilters: each pattern below needs the trigger it is gated on to match at all
        digit = P.DIGIT_RE.search(sent) is not None
        if digit and (not sent.isascii() or P.AGE_NEEDS_RE.search(low)):
            taken.extend(m.span() for m in P.AGE_RE.finditer(sent))
        if "100" in sent or "hundred" in low or "thousand" in low or "1,000" in sent:
            rates = [
                (m.start(), m.end(), m.group("denom"), _rate_scale(m.group("base")))
                for m in P.RATE_RE.finditer(sent)
            ]
            taken.extend((a, b) for a, b, _, _ in rates)
        else:
            rates = []
        ents = [(m.start(), m.end(), m.lastgroup or "") for m in entity_re.finditer(sent)]
        for m in P.OWN_EXTREME_RE.finditer(low) if P.OWN_EXTREME_HINT_RE.search(low) else ():
            if P.RANK_CONTEXT_RE.search(m.group(0)):
                continue  # "the lowest of all 151 councils that year": a rank among councils
            end = m.start("since") if m.group("since") else m.end()  # the year stays a year
            phrase = sent[m.start() : end].rstrip()
            mm = Mention("own_extreme", s0 + m.start(), s0 + m.start() + len(phrase), phrase, idx)
            if m.group("nsince"):  # "has not been this low since 2016-17"
                phrase = sent[m.start() : m.start("nsince")].rstrip()
                mm = Mention(
                    "own_extreme", s0 + m.start(), s0 + m.start() + len(phrase), phrase, idx
                )
            peak = (m.group("peak") or "").lower()
            anyp = {"higher": "highest", "lower": "lowest", "better": "best", "worse": "worst"}
            pol = (
                m.group("pol")
                or m.group("rec")
                or anyp.get((m.group("anyp") or "").lower())
                or {"good": "best", "bad": "worst"}.get((m.group("not") or "").lower())
                or m.group("not")
                or ("low" if re.search(r"low|bottom|trough", peak) else "high" if peak else "")
            ).lower()
            mm.direction = "high" if pol in ("highest", "largest", "high", "best") else "low"
            mm.extra["pol"] = pol
            mm.extra["since"] = m.group("since") or m.group("nsince") or m.group("asince") or ""
            if m.group("nsince"):
                mm.extra["then_as_extreme"] = "yes"
            if peak.startswith("a "):  # "from a low of 59.1% in 2022-23": a turning point
                mm.extra["local"] = "yes"  # of the series, not its lowest
            if peak or P.EXTREME_YEAR_RE.match(sent, m.start()):
                # the figure (or period) it names comes after the words: "peaked at 42.5%",
                # "the best year on record was 2017-18, at 74.5%"
                mm.extra["after"] = "yes"
            # "since 2016-17" leaves that year out (it was higher then); "since the series
            # began in 2015-16" keeps it
            mm.extra["inclusive"] = "yes" if re.search(r"began|start", m.group(0), re.I) else ""
            add(mm)
        for m in P.PEER_RANK_RE.finditer(sent) if "peers" in hints else ():
            if free(*m.span()):
                add(C.peer_rank_mention(m, s0, idx, sent))
        for m in P.RANK_RE.finditer(low) if "rank" in hints and P.RANK_HINT_RE.search(low) else ():
            if free(*m.span()):
                add(C.rank_mention(m, s0, idx, sent))
        for m in (
            P.RATIO_RE.finditer(sent) if "ratio" in hints and P.RATIO_HINT_RE.search(low) else ()
        ):
            if free(*m.span("ratio")):
                add(C.ratio_mention(m, s0, idx, sent, ents))
        for m in P.FRACTION_ANCHOR_RE.finditer(sent) if (" in " in low or "out of" in low) else ():
            head = sent[max(0, m.start() - 48) : m.start()]
            nm = (
                P.FRACTION_NUM_RE.search(head)
                if may_end_in_number(head)
                else P.FRACTION_NOUN_NUM_RE.search(head)  # "one provider in five"
            )
            if not nm:
                continue
            a = m.start() - len(head) + nm.start()
            val = parse_number(nm.group("num"))
            den = parse_number(m.group("den").lower().replace("a ", "one "))
            if den and 1900 <= den[0] < 2100:
                continue  # "£63 million in 2021-22": a year, not "N in M"
            if free(a, m.end()) and val and den and den[0] > 0:
                decimal = den[0] in (10, 100, 1000)
                add(
                    Mention(
                        "fraction",
                        s0 + a,
                        s0 + m.end(),
                        sent[a : m.end()],
                        idx,
                        value=100 * val[0] / den[0],
                        precision=100 / den[0] if decimal else 6.0,
                        hedge=(nm.group("hedge") or "").lower(),
                        unit="percent",
                        # "2 in 10" is a share rounded to tenths, not a simple fraction
                        extra={"decimal": "yes"} if decimal else {},
                    )
                )
        frac_hint = "fraction" in hints and P.FRACTION_HINT_RE.search(low)
        for m in P.FRACTION_WORD_RE.finditer(sent) if frac_hint else ():
            if free(*m.span("frac")):
                words = " ".join(m.group("frac").lower().replace("-", " ").split())
                hedge = m.group("hedge") or ""
                if words.startswith("a good "):  # "a good third": at least a third
                    words, hedge = "a " + words.removeprefix("a good "), hedge or "at least"
                frac = P.FRACTION_WORDS[words]
                tail = sent[m.end() : m.end() + 45]
                again = P.AGAIN_RE.match(tail)  # "half as much again as England's": 1.5 times
                compares = C.comparator_follows(tail, ents, m.end()) or P.AS_OFTEN_RE.match(tail)
                # "a third higher than England": the council's figure is 1 1/3 times England's
                rel = P.RELATIVE_AFTER_RE.match(tail)
                # the area it is a ratio to: named after it, or just before it with nothing
                # else compared between ("below England's £49.7m — roughly a third lower")
                named_before = [
                    k for _a, b, k in ents if k in COMPARATORS and 0 <= m.start() - b <= 40
                ]
                named_after = any(k in COMPARATORS and 0 <= a - m.end() <= 60 for a, _b, k in ents)
                if rel and not named_after:
                    rel = rel if named_before else None
                if again:
                    kind, value = "ratio", 1 + frac / 100
                elif rel:
                    kind, value = "ratio", 1 + frac / 100 if rel["up"] else 1 - frac / 100
                elif compares:
                    kind, value = "ratio", frac / 100
                else:
                    kind, value = "fraction", frac
                mm = self._mk(
                    kind,
                    m,
                    s0,
                    idx,
                    value,
                    10.0 if kind == "fraction" else 0.05,  # "about half" of 53%: within 5 points
                    hedge,
                    "percent" if kind == "fraction" else "times",
                )
                if kind == "ratio":
                    mm.comparator = C.ratio_comparator(sent, m.end(), ents)
                    if rel and not named_after:
                        mm.comparator = named_before[-1]
                if rel:  # the size of the difference is the fraction: "about a third" ± 5 points
                    mm.extra["relative"] = "up" if rel["up"] else "down"
                    mm.extra["frac"] = frac
                add(mm)
        for m in (
            P.MAJORITY_RE.finditer(sent)
            if ("most" in low or "minority" in low or "majority" in low)
            else ()
        ):
            if free(*m.span()):
                word = m.group("word").lower()
                mm = _share(m, s0, idx, (0.0, 50.0) if "minority" in word else (50.0, 100.0))
                mm.negated = bool(P.NEGATION_RE.search(sent[m.end() : m.end() + 40]))
                mm.extra["tail"] = sent[m.end() : m.end() + 60]
                add(mm)
        for m in P.ALL_NONE_RE.finditer(sent) if P.ALL_NONE_HINT_RE.search(low) else ():
            if free(*m.span()):
                word = " ".join(m.group("word").lower().split())
                full = (90.0, 100.0) if m.group("near") else (99.95, 100.0)  # "almost all"
                nil = (0.0, 10.0) if m.group("near") else (0.0, 0.05)
                add(_share(m, s0, idx, full if word in ("all", "every") else nil))
        for m in (
            P.PERCENT_RE.finditer(sent)
            if ("%" in low or "cent" in low or "percentage" in low or "point" in low)
            else ()
        ):
            num = m.group("num") or m.group("num2")
            span = m.span("num") if m.group("num") else m.span("num2")
            if P.BAND_BEFORE_RE.search(sent, max(0, span[0] - 24), span[0]):
                continue  # "the most deprived 10%": the band's name, not a figure
            if free(*span) and (val := parse_number(num)):
                pts = bool(m.group("pts")) or bool(m.group("num2"))
                add(
                    self._number(
                        "percent", sent, span[0], m.end(), s0, idx, val, "pp" if pts else "percent"
                    )
                )
        for m in P.MONEY_RE.finditer(sent) if ("£" in low or "pound" in low) else ():
            num = m.group("num") or m.group("num2")
            if not free(*m.span()):
                continue
            val = (
                parse_number(num + (m.group("scale") or ""))
                if m.group("num")
                else parse_number(num)
            )
            if val:
                add(self._number("money", sent, m.start(), m.end(), s0, idx, val, "gbp"))
        for m in P.YEAR_RE.finditer(sent) if digit else ():
            if free(*m.span()) and not sent[m.end() : m.end() + 1].isdigit():
                after = sent[m.end() : m.end() + 12].lower()
                if m.group("y2") or not P.YEAR_NOT_BEFORE_RE.match(after):
                    mm = Mention(
                        "year",
                        s0 + m.start(),
                        s0 + m.end(),
                        m.group(0),
                        idx,
                        value=float(m.group("y")),
                    )
                    if m.group("y2"):
                        y2 = m.group("y2")
                        mm.extra["y2"] = float(y2 if len(y2) == 4 else m.group("y")[:2] + y2)
                    elif L.YEAR_TO_MARCH_RE.search(sent, max(0, m.start() - 60), m.start()):
                        mm.value, mm.extra["y2"] = mm.value - 1, mm.value  # "year to March 2022"
                    add(mm)
        words = "numword" in hints and S.search(P.NUMWORD_HINT_RE, P.NUMWORD_ANCHOR_RE, low)
        plain_re = P.PLAIN_RE if words else P.DIGITS_ONLY_RE
        for m in plain_re.finditer(sent) if digit or plain_re is P.PLAIN_RE else ():
            if not free(*m.span()):
                continue
            raw = m.group(0)
            val = parse_number(raw)
            if not val:
                continue
            if not raw[0].isdigit() and not self._word_number_counts(raw, sent, m.end()):
                continue
            after = sent[m.end() : m.end() + 12]
            if P.BAND_BEFORE_RE.search(sent, max(0, m.start() - 24), m.start()):
                continue  # "the most deprived 10 per cent": the band's name, not a figure
            if P.DURATION_RE.match(after):
                continue  # "twelve weeks after", "over five years": a span of time, not a figure
            unit = "days" if P.DAYS_RE.match(after) else ""
            mm = self._number("number", sent, m.start(), m.end(), s0, idx, val, unit)
            before = sent[max(0, m.start() - 6) : m.start()].lower()
            if before.endswith(P.COUNCIL_COUNT_BEFORE) and (
                P.COUNCIL_COUNT_RE.match(sent[m.end() : m.end() + 24])
            ):
                mm.extra["councils"] = "yes"  # "of the 149 councils": how many were ranked
            elif any(k == "peers" and a <= m.start() < b for a, b, k in ents):
                mm.extra["peers"] = "yes"  # "its 15 similar councils": how many peers
            add(mm)
        self._attach_rates(found, rates, sent, s0)
        for mm in found:
            if mm.kind in ("number", "percent", "money", "fraction", "majority"):
                mm.entity = self._bind_entity(sent, mm.start - s0, mm.end - s0, ents)
                if mm.entity in ("england", "region") and any(
                    kind == mm.entity and P.OWNER_GAP_RE.fullmatch(sent, eb, mm.start - s0)
                    for _ea, eb, kind in ents
                ):  # "The East Midlands is 71.4%": said to be the area's, not only near it
                    mm.extra["owner_said"] = "yes"
                if not mm.entity:
                    # the area named before it in its own clause ("...; in other words, two
                    # thirds of carers lacked contact" names none)
                    at = mm.start - s0
                    clause = max(sent.rfind(";", 0, at), sent.rfind(":", 0, at))
                    prior = [e[2] for e in ents if clause < e[0] and e[1] <= at]
                    if prior:
                        mm.extra["near"] = prior[-1]
        self._pair_gaps(found, sent, s0)
        self._pair_range(found, sent, s0)
        for mm in found:  # "a third were not satisfied": the complement of the share
            if mm.kind in ("percent", "fraction") and not mm.relational:
                tail = _share_tail(sent, mm.start - s0, mm.end - s0)
                mm.negated = L.NEGATION_RE.search(tail) is not None
                mm.extra["tail"] = tail  # the words saying what the share is of
                if not mm.negated and L.NEGATION_RE.search(_own_clause(sent, mm.start - s0)):
                    # "the share of carers lacking contact held at 64.1%", "almost half do not
                    # find it easy, 48.5 percent": a negation elsewhere in its clause may make
                    # the figure the complement; precision first, either reading may be meant
                    mm.extra["maybe_negated"] = "yes"
        if ents:  # a direction needs a comparator named after it
            found.extend(C.direction_mentions(sent, s0, idx, ents, taken, low, "same" in hints))
        if ents or "average" in low:  # ... or before it ("so Hounslow is more", "above average")
            found.extend(C.implicit_direction_mentions(sent, s0, idx, ents, taken, found, prior))
        if "trend" in hints:
            found.extend(C.trend_mentions(sent, s0, idx, ents, low))
        for m in P.GAP_MOVE_RE.finditer(sent) if "gap" in hints else ():
            way = m.group("way").lower()
            mm = Mention("gap_move", s0 + m.start(), s0 + m.end(), m.group(0), idx)
            mm.direction = "wider" if way[:2] in ("wi", "gr", "in", "op") else "narrower"
            mm.comparator = next(
                (k for a, _b, k in ents if m.start() <= a < m.end() and k in COMPARATORS), ""
            )
            found.append(mm)
        for m in P.SCALE_RE.finditer(sent) if "scale" in hints else ():
            mm = Mention("scale", s0 + m.start(), s0 + m.end(), m.group(0), idx)
            way = (m.group("way") or m.group("way2")).lower()
            dep = (m.group("dep") or m.group("dep2") or "").lower()
            mm.direction = "higher" if way in ("higher", "bigger", "larger") else "lower"
            more = dep in ("more", "most", "greater") or bool(m.group("poor"))
            mm.extra["more"] = "yes" if more else ""
            mm.extra["what"] = " ".join((m.group("what") or m.group("what2")).lower().split())
            found.append(mm)
        causal = "causal" in hints and P.CAUSAL_HINT_RE.search(low)
        for m in P.CAUSAL_RE.finditer(sent) if causal else ():
            mm = Mention("causal", s0 + m.start(), s0 + m.end(), m.group(0), idx)
            mm.extra["speculative"] = "yes" if P.SPECULATIVE_RE.search(sent) else ""
            found.append(mm)
        found.sort(key=_START)
        return found, [k for _a, _b, k in ents if k in COMPARATORS]

    # ---- helpers --------------------------------------------------------------------------
    @staticmethod
    def _mk(kind, m, s0, idx, value, precision, hedge, unit) -> Mention:
        return Mention(
            kind,
            s0 + m.start(),
            s0 + m.end(),
            m.group(0),
            idx,
            value=value,
            precision=precision,
            hedge=hedge.lower(),
            unit=unit,
        )

    @staticmethod
    def _number(kind, sent, a, b, s0, idx, val, unit) -> Mention:
        hedge = ""
        before = sent[max(0, a - 24) : a]
        hm = (
            P.HEDGE_BEFORE_RE.search(before)
            if not before.isascii() or before.rstrip().lower().endswith(P.HEDGE_ENDS)
            else None
        )
        if hm:
            hedge = " ".join(hm.group(1).lower().split())
            if hedge == "up to" and P.MOVED_UP_RE.search(before, 0, hm.start()):
                hedge = ""  # "edged up to 67.3%": where it moved to
            else:
                a = a - (len(before) - hm.start())
        if kind == "money" and a > 0 and sent[a - 1] == "£":
            a -= 1
        mm = Mention(
            kind,
            s0 + a,
            s0 + b,
            sent[a:b],
            idx,
            value=val[0],
            precision=val[1],
            hedge=hedge if hedge in HEDGES else "",
            unit=unit,
        )
        tail = sent[b : b + 60].lower()
        if P.RELATIONAL_NEEDS_RE.search(tail) and P.RELATIONAL_AFTER_RE.match(tail):
            mm.relational = True
        else:  # "a gap of 4.6 points", "the margin has narrowed from 8.7 points", "trailing
            # England (65.1%) by about six points"
            gap = sent[max(0, a - 60) : a].lower()
            mm.relational = (
                (any(w in gap for w in _GAP_WORDS) and P.GAP_BEFORE_RE.search(gap) is not None)
                or (" by" in gap[-20:] and P.BY_GAP_RE.search(gap) is not None)
                # "a three-point gap", "a 2.5-point lead"
                or (unit == "pp" and P.GAP_NOUN_AFTER_RE.match(tail) is not None)
            )
        ascii_tail = tail.isascii()
        if (not ascii_tail or P.TOTAL_AFTER_NEEDS_RE.search(tail)) and (
            P.TOTAL_AFTER_RE.match(tail)
        ):
            mm.total = True
        else:
            lead = sent[max(0, a - 25) : a].lower()
            mm.total = "total" in lead and bool(P.TOTAL_BEFORE_RE.search(lead))
        return mm

    @staticmethod
    def _pair_gaps(found: list[Mention], sent: str, s0: int) -> None:
        """A figure said right after a gap, the same way, is a gap too ("6.3 points behind
        England, against 3.9 points a year earlier"; "the gap widened from 1.6 to 1.8
        percentage points")."""
        figures = sorted(
            (mm for mm in found if mm.kind in ("number", "percent", "money")), key=_START
        )
        for first, second in zip(figures, figures[1:], strict=False):
            # "from 1.6 to 1.8 percentage points": the first may leave its unit to the second
            same = second.unit == first.unit or (second.unit == "pp" and not first.unit)
            if first.relational and not second.relational and same:
                between = sent[first.end - s0 : second.start - s0].lower()
                second.relational = P.GAP_PAIR_RE.fullmatch(between) is not None

    @staticmethod
    def _pair_range(found: list[Mention], sent: str, s0: int) -> None:
        """The two ends of a range belong to one party ("similar councils ranged from 20.8%
        to 44.2%")."""
        figures = sorted(
            (mm for mm in found if mm.kind in ("number", "percent", "money")), key=_START
        )
        for first, second in zip(figures, figures[1:], strict=False):
            if first.entity in ("", "subject") or second.entity not in ("", "subject"):
                continue
            lead = P.RANGE_LEAD_RE.search(sent, max(0, first.start - s0 - 30), first.start - s0)
            join = L.LIST_JOIN_RE.fullmatch(sent, first.end - s0, second.start - s0)
            if lead is not None and join is not None:
                second.entity = first.entity
                second.extra["range"] = "yes"

    @staticmethod
    def _word_number_counts(raw: str, sent: str, end: int) -> bool:
        """Bare small number words ("one of", "two sections") are not claims."""
        low = raw.lower()
        if any(w in low for w in ("thousand", "million", "billion", "hundred")):
            return True
        val = parse_number(raw)
        return bool(val and val[0] >= 10)

    @staticmethod
    def _attach_rates(found: list[Mention], rates, sent: str, s0: int) -> None:
        nums = sorted(  # in text order: money is found before plain numbers
            (m for m in found if m.kind in ("number", "money") and not m.relational), key=_START
        )
        for a, b, denom, scale in rates:
            before = [m for m in nums if m.end - s0 <= a and ";" not in sent[m.end - s0 : a]]
            after = [m for m in nums if m.start - s0 >= b]
            if (
                before
                and after
                and L.STATEMENT_JOIN_RE.search(sent, before[-1].end - s0, a)
                and P.RATE_THEN_FIGURE_RE.fullmatch(sent, b, after[0].start - s0)
            ):
                # "the income was £23.3 million and the income per 100,000 residents was £10.1
                # million": a rate in a new statement, before its figure, is that figure's
                before = []
            if before:
                target = before[-1]
            elif after and (
                (
                    P.LEADING_RATE_RE.fullmatch(sent, 0, a)
                    and (sent[b : b + 1] == "," or after[0].start - s0 - b <= 30)
                )
                or P.RATE_THEN_FIGURE_RE.fullmatch(sent, b, after[0].start - s0)
            ):
                # "Per 100,000 residents, gross spending came to £42.4 million", "Per 100,000
                # residents it was £56,583 thousand": a rate opening its sentence is the
                # figure's after it; so is one in the figure's own clause with no figure
                # before it ("the gross spending per 100,000 adults in Stockton-on-Tees was
                # £48.0 million")
                target = after[0]
            else:
                continue
            target.unit = "per_100k" if target.kind == "number" else "gbp"
            target.denominator = classify_denominator(denom)
            target.extra["rate"] = "yes"
            if scale != 1:
                _rescale(target, scale)
        money = [n for n in nums if n.kind == "money" and not n.extra.get("rate")]
        if not money:
            return
        heads = [
            h
            for h in P.PER_HEAD_RE.finditer(sent)
            if any(
                n.end - s0 <= h.start() and P.PER_HEAD_GAP_RE.fullmatch(sent, n.end - s0, h.start())
                for n in money
            )
        ]
        lead = P.LEADING_PER_HEAD_RE.match(sent)
        if not heads and not lead:
            return
        # "about £473 for each adult in 2021-22, compared with roughly £504 across the South
        # East and £497 for England": every sum of a few hundred pounds in the sentence is per
        # head once one is said to be (the data's are per 100,000 adults, in £ millions)
        for n in money:
            if (n.value or 0) < 10_000 and n.precision < 1000:
                n.unit = "gbp"
                n.denominator = _head_group(heads)
                n.extra["rate"] = "yes"
                n.extra["per_head"] = "yes"
                _rescale(n, 100_000)

    @staticmethod
    def _bind_entity(sent: str, a: int, b: int, ents) -> Entity:
        """Whose figure a number is, when an entity name sits right next to it."""
        if P.MEDIAN_BEFORE_RE.search(sent, max(0, a - 40), a) and any(
            kind == "peers" for _a, _b, kind in ents
        ):
            return "peers"  # "a median of 26.9% among councils like it": only peers have one
        prior = [e for e in ents if e[1] <= a]
        if (
            prior
            and _VERSUS_BEFORE_RE.search(sent, max(0, a - 20), a)
            and {k for _a, _b, k in ents} <= {prior[-1][2], "subject"}
            and prior[-1][2] in ("england", "region")
            and ":" in sent[prior[-1][1] : a]
        ):
            # "More got reablement than in England: 9.8% compared with 6.7%": the figure set
            # against the council's after the colon is the one area the sentence names
            return prior[-1][2]
        if prior and P.POSSESSIVE_GAP_RE.fullmatch(sent[prior[-1][1] : a]):
            return prior[-1][2]  # "England's 67.8%", whatever is named after it
        for ea, eb, kind in ents:  # "2,438 for England", "12 in Leicester"
            if ea >= b and ea - b <= 30 and P.BIND_AFTER_RE.fullmatch(sent[b:ea]):
                if P.BAND_AFTER_NAME_RE.match(sent, eb):
                    break  # "none of its small areas sit in England's most deprived 10%"
                return kind
        if prior:
            ea, eb, kind = prior[-1]
            gap = sent[eb:a]
            compared = P.COMPARED_BEFORE_RE.search(sent[max(0, ea - 16) : ea])
            if compared and ":" in gap:  # "lower than in England: 452, compared with 630"
                return ""
            if P.BIND_BEFORE_RE.fullmatch(gap) and not P.CONTRAST_RE.search(gap):
                return kind
            if P.WHERE_GAP_RE.fullmatch(gap):
                return kind
            if P.COMMA_GAP_RE.fullmatch(gap) and P.OPENING_AREA_RE.search(sent, 0, ea):
                return kind  # "In England, 82.9% were rated good"
            if kind == "peers" and P.PEER_GAP_RE.fullmatch(gap) and not P.CONTRAST_RE.search(gap):
                # the peer group is a clause's subject: "the typical similar council, on
                # 65.5%", "similar councils had an average rank of 9,823"
                return kind
        return ""


def _share(m: re.Match[str], s0: int, idx: int, bounds: tuple[float, float]) -> Mention:
    """A share said in words ("most carers", "every provider"): a percentage in ``bounds``."""
    lo, hi = bounds
    return Mention(
        "majority", s0 + m.start(), s0 + m.end(), m.group(0), idx, unit="percent",
        extra={"lo": lo, "hi": hi},
    )  # fmt: skip


_VERSUS_BEFORE_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:about\s+|around\s+)?$", re.I
)
_NEXT_ITEM_RE = re.compile(r"\s*(?:and|or|as\s+well\s+as|plus)\b|\s*[,.;]", re.IGNORECASE)
#: a figure set off by dashes or brackets ("More than half — 56% — said it was not easy")
_APPOSITIVE_CLOSE = {"(": ")", "—": "—", "–": "–"}


def _share_tail(sent: str, start: int, end: int) -> str:
    """The words after a share that say what it is of, up to its clause's end; a share set off
    by dashes or brackets, or followed by such an aside, goes on after the aside ("56% — said
    it was not easy" inside "More than half of carers — 56% — said ...", "almost four in ten
    people (39.3 per cent) did not find it easy")."""
    opening = sent[:start].rstrip()[-1:]
    rest = sent[end : end + 90]
    if opening in _APPOSITIVE_CLOSE:  # the share is the aside: its statement goes on after it
        close = rest.find(_APPOSITIVE_CLOSE[opening])
        if close >= 0 and not P.CLAUSE_END_RE.search(rest[:close].replace(",", " ")):
            # (not into the next item of a list: "low social contact (22.3%) and difficulty")
            rest = "" if _NEXT_ITEM_RE.match(rest, close + 1) else rest[close + 1 :]
    head = P.CLAUSE_END_RE.split(rest, maxsplit=1)[0]
    after = rest[len(head) :]
    mark = after[:1]
    if mark in _APPOSITIVE_CLOSE:  # "of carers — 56% — said ...": skip the aside
        close = after.find(_APPOSITIVE_CLOSE[mark], 1)
        if close > 0:
            head += " " + P.CLAUSE_END_RE.split(after[close + 1 :], maxsplit=1)[0]
    return head[:60]


def _own_clause(sent: str, at: int) -> str:
    """The words of a figure's sentence from the last semicolon or clause-joining word before
    it to the next after it (not across "but", "while", "whereas" or a semicolon)."""
    before = sent[:at]
    cut = max((x.end() for x in L.CLAUSE_JOIN_RE.finditer(before)), default=0)
    after = L.CLAUSE_JOIN_RE.search(sent, at)
    return sent[cut : after.start() if after else len(sent)]


def _rate_scale(base: str) -> float:
    """How many times a rate per ``base`` people must be multiplied to be one per 100,000."""
    b = re.sub(r"[\s,]", "", base.lower())
    return 1.0 if "hundred" in b or b in ("100000", "100k") else 100.0


def _rescale(m: Mention, factor: float) -> None:
    """A rate said per 1,000 or per person, read as the same rate per 100,000."""
    if m.value is not None:
        m.value *= factor
    m.precision *= factor


def _head_group(heads: list[re.Match[str]]) -> str:
    """The group a sum per person is said of: adults ("per adult", "for each grown-up"), all
    residents ("per resident": a slip, the data's sums are per adult), or unsaid ("per head",
    "per person")."""
    words = {h.group("who").lower()[:5] for h in heads}
    if words & {"adult", "grown"}:
        return "18+"
    if words & {"resid", "inhab", "citiz"} or any(h.group("living") for h in heads):
        return "all"
    return ""
