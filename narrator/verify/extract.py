"""Claim extraction: turn a text into structured, span-anchored mentions.

The extractor only *reads*; deciding truth is :mod:`narrator.verify.check`'s job. Any extractor
that yields :class:`Mention` objects (for example a future LLM-assisted one that turns a sentence
into measure/subject/value/comparator/direction) plugs into the same deterministic checks.

>>> ctx = ExtractionContext(subject_names=("Leicester",), region_names=("East Midlands",))
>>> [m.kind for m in RuleExtractor().extract("Leicester is below England (2,199 vs 2,438).", ctx)]
['direction', 'number', 'number']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from narrator.verify import patterns as P
from narrator.verify.numbers import HEDGES, ORDINAL_WORDS, parse_number

Entity = str  # "subject" | "england" | "region" | ""


@dataclass(slots=True)
class Mention:
    """One checkable piece of a text.

    ``kind``: number | percent | money | fraction | ratio | year | direction | trend | rank |
    majority | causal. Numbers carry ``value``/``precision`` in their written unit (money in
    pounds, percentages and fractions in percent).
    """

    kind: str
    start: int
    end: int
    text: str
    sentence: int
    value: float | None = None
    precision: float = 1.0
    hedge: str = ""
    unit: str = ""  # "", percent, pp, gbp, days, per_100k, times, ordinal
    denominator: str = ""  # normalised denominator named in a rate phrase
    entity: Entity = ""  # whose figure, when tightly bound
    relational: bool = False  # "9% more than", "239 fewer"
    total: bool = False  # "in all", "in total"
    direction: str = ""  # above/below/about_same (direction), up/down/flat (trend), high/low
    comparator: Entity = ""
    modifier: str = ""  # much / slightly
    negated: bool = False
    extra: dict[str, float | str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExtractionContext:
    """Names the extractor needs to tell whose figure a number is."""

    subject_names: tuple[str, ...] = ()
    region_names: tuple[str, ...] = ()

    def entity_re(self) -> re.Pattern[str]:
        return _entity_re(self.subject_names, self.region_names)


@lru_cache(maxsize=512)
def _entity_re(subject_names: tuple[str, ...], region_names: tuple[str, ...]) -> re.Pattern[str]:
    subj = "|".join(re.escape(n) for n in sorted(subject_names, key=len, reverse=True))
    reg = "|".join(re.escape(n) for n in sorted(region_names, key=len, reverse=True))
    parts = [
        r"(?P<england>\bEngland\b|\bEnglish\s+average|\bnational(?:ly)?\b|"
        r"\bthe\s+country\b|\bthe\s+rest\s+of\s+England\b)",
        r"(?P<region>\bthe\s+region(?:al)?\b|\bregional(?:ly)?\b|\bthe\s+region's\b"
        + (rf"|\b(?:{reg})\b" if reg else "")
        + ")",
        r"(?P<subject>\bthe\s+council\b|\bthe\s+city\b|\bthe\s+county\b|\bthe\s+borough\b|"
        r"\bthe\s+area\b|\blocally\b|\blocal\b" + (rf"|\b(?:{subj})\b" if subj else "") + ")",
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


class Extractor(Protocol):
    """Anything that finds mentions in a text (rule-based by default; LLM-assisted later)."""

    name: str

    def extract(self, text: str, context: ExtractionContext) -> list[Mention]: ...


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; full stops inside numbers do not end one.

    >>> t = "It was 0.53 days. England was 0.7!"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['It was 0.53 days.', 'England was 0.7!']
    """
    spans, start = [], 0
    for m in P.SENT_SPLIT_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def classify_denominator(phrase: str) -> str:
    """Normalise the noun phrase after "per 100,000" to a population group ("" if none).

    >>> [classify_denominator(p) for p in (" older people", " residents", "")]
    ['65+', 'all', '']
    """
    p = phrase.lower()
    if not p.strip():
        return ""
    if re.search(r"65|older|pensioner|elderly|over-?65", p):
        return "65+"
    if re.search(r"18\s*(?:-|–|to)\s*64|working[- ]age|younger adults", p):
        return "18-64"
    if "carer" in p:
        return "carers"
    if re.search(r"\badults?\b|18\s*\+|18 and over", p):
        return "18+"
    if re.search(r"resident|people|population|person|inhabitant|everyone|local", p):
        return "all"
    return ""


def normalise_fact_denominator(denominator: str) -> str:
    """The same groups for a fact's ``denominator`` field ("residents" -> "all")."""
    d = denominator.lower()
    if not d:
        return ""
    if "65" in d:
        return "65+"
    if "18-64" in d or "18 to 64" in d:
        return "18-64"
    if "carer" in d:
        return "carers"
    if "18+" in d or d.startswith("adults"):
        return "18+"
    if re.search(r"resident|population|people", d):
        return "all"
    return ""


class RuleExtractor:
    """Regex + number-word extractor: fast, offline and deterministic (the default)."""

    name = "rules"

    def extract(self, text: str, context: ExtractionContext) -> list[Mention]:
        entity_re = context.entity_re()
        out: list[Mention] = []
        for idx, (s0, s1) in enumerate(split_sentences(text)):
            out.extend(self._sentence(text, s0, s1, idx, entity_re))
        return out

    # ---- one sentence ---------------------------------------------------------------------
    def _sentence(self, text: str, s0: int, s1: int, idx: int, entity_re) -> list[Mention]:
        sent = text[s0:s1]
        taken: list[tuple[int, int]] = []
        found: list[Mention] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        def add(m: Mention) -> None:
            found.append(m)
            taken.append((m.start - s0, m.end - s0))

        for m in P.AGE_RE.finditer(sent):
            taken.append(m.span())
        rates = [(m.start(), m.end(), m.group("denom")) for m in P.RATE_RE.finditer(sent)]
        taken.extend((a, b) for a, b, _ in rates)
        ents = [(m.start(), m.end(), m.lastgroup or "") for m in entity_re.finditer(sent)]

        low = sent.lower()
        for m in P.RANK_RE.finditer(sent) if P.RANK_HINT_RE.search(low) else ():
            add(self._rank(m, s0, idx, sent))
        for m in P.RATIO_RE.finditer(sent) if P.RATIO_HINT_RE.search(low) else ():
            if free(*m.span("ratio")):
                add(self._ratio(m, s0, idx, sent, ents))
        for m in P.FRACTION_ANCHOR_RE.finditer(sent) if (" in " in low or "out of" in low) else ():
            head = sent[max(0, m.start() - 48) : m.start()]
            nm = P.FRACTION_NUM_RE.search(head)
            if not nm:
                continue
            a = m.start() - len(head) + nm.start()
            val = parse_number(nm.group("num"))
            den = parse_number(m.group("den").lower().replace("a ", "one "))
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
                    )
                )
        for m in P.FRACTION_WORD_RE.finditer(sent) if P.FRACTION_HINT_RE.search(low) else ():
            if free(*m.span("frac")):
                frac = P.FRACTION_WORDS[m.group("frac").lower().replace("-", " ")]
                tail = sent[m.end() : m.end() + 45]
                kind = "ratio" if self._comparator_follows(tail, ents, m.end()) else "fraction"
                mm = self._mk(
                    kind,
                    m,
                    s0,
                    idx,
                    frac if kind == "fraction" else frac / 100,
                    5.0 if kind == "fraction" else 0.05,
                    m.group("hedge") or "",
                    "percent" if kind == "fraction" else "times",
                )
                if kind == "ratio":
                    mm.comparator = self._ratio_comparator(sent, m.end(), ents)
                add(mm)
        for m in (
            P.MAJORITY_RE.finditer(sent)
            if ("most" in low or "minority" in low or "majority" in low)
            else ()
        ):
            if free(*m.span()):
                word = m.group("word").lower()
                lo, hi = (0.0, 50.0) if "minority" in word else (50.0, 100.0)
                mm = Mention(
                    "majority",
                    s0 + m.start(),
                    s0 + m.end(),
                    m.group(0),
                    idx,
                    unit="percent",
                    extra={"lo": lo, "hi": hi},
                )
                mm.negated = bool(P.NEGATION_RE.search(sent[m.end() : m.end() + 40]))
                add(mm)
        for m in (
            P.PERCENT_RE.finditer(sent)
            if ("%" in low or "cent" in low or "percentage" in low)
            else ()
        ):
            num = m.group("num") or m.group("num2")
            span = m.span("num") if m.group("num") else m.span("num2")
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
        for m in P.YEAR_RE.finditer(sent):
            if free(*m.span()) and not sent[m.end() : m.end() + 1].isdigit():
                after = sent[m.end() : m.end() + 12].lower()
                if not re.match(r"\s*(?:%|per|people|residents|carers|requests)", after):
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
                    add(mm)
        plain_re = P.PLAIN_RE if P.NUMWORD_HINT_RE.search(low) else P.DIGITS_ONLY_RE
        for m in plain_re.finditer(sent):
            if not free(*m.span()):
                continue
            raw = m.group(0)
            val = parse_number(raw)
            if not val:
                continue
            if not raw[0].isdigit() and not self._word_number_counts(raw, sent, m.end()):
                continue
            after = sent[m.end() : m.end() + 12]
            unit = "days" if P.DAYS_RE.match(after) else ""
            add(self._number("number", sent, m.start(), m.end(), s0, idx, val, unit))
        self._attach_rates(found, rates, sent, s0)
        for mm in found:
            if mm.kind in ("number", "percent", "money", "fraction", "majority"):
                mm.entity = self._bind_entity(sent, mm.start - s0, mm.end - s0, ents)
                if not mm.entity:
                    prior = [e[2] for e in ents if e[1] <= mm.start - s0]
                    if prior:
                        mm.extra["near"] = prior[-1]
        found.extend(self._directions(sent, s0, idx, ents, taken))
        found.extend(self._trends(sent, s0, idx, ents))
        causal_hint = any(h in low for h in P.CAUSAL_HINTS)
        for m in P.CAUSAL_RE.finditer(sent) if causal_hint else ():
            mm = Mention("causal", s0 + m.start(), s0 + m.end(), m.group(0), idx)
            mm.extra["speculative"] = "yes" if P.SPECULATIVE_RE.search(sent) else ""
            found.append(mm)
        found.sort(key=lambda x: x.start)
        return found

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
        hm = P.HEDGE_BEFORE_RE.search(sent[max(0, a - 24) : a])
        if hm:
            hedge = " ".join(hm.group(1).lower().split())
            a = a - (len(sent[max(0, a - 24) : a]) - hm.start())
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
        if re.match(
            r"\s*(?:%|per\s*cent|percentage\s+points?|points?|pounds|£|days?|"
            r"[a-z' ]{0,25}?)?\s*\b(?:more|fewer|less|higher|lower|greater|smaller|"
            r"bigger|larger|above|below|extra)\b",
            tail,
        ) or re.search(r"\b(?:difference|gap)\s+of\s*$", sent[max(0, a - 20) : a].lower()):
            mm.relational = True
        if re.match(
            r"[^.;]{0,40}?\b(?:in\s+all|in\s+total|altogether|overall|a\s+year|in\s+a\s+year)\b",
            tail,
        ) or re.search(
            r"\b(?:total|totall?ing)\s+(?:of\s+)?(?:about\s+|around\s+)?£?\s*$",
            sent[max(0, a - 25) : a].lower(),
        ):
            mm.total = True
        return mm

    @staticmethod
    def _word_number_counts(raw: str, sent: str, end: int) -> bool:
        """Bare small number words ("one of", "two sections") are not claims."""
        low = raw.lower()
        if any(w in low for w in ("thousand", "million", "billion", "hundred")):
            return True
        val = parse_number(raw)
        return bool(val and val[0] >= 10)

    @staticmethod
    def _rank(m: re.Match[str], s0: int, idx: int, sent: str) -> Mention:
        mm = Mention("rank", s0 + m.start(), s0 + m.end(), m.group(0), idx)
        g = m.groupdict()
        low_words = ("lowest", "smallest", "least", "fewest", "bottom", "worst", "most deprived")
        if g["ord"]:
            n = g["ord"].lower()
            mm.value = float(ORDINAL_WORDS.get(n) or int(re.sub(r"\D", "", n)))
            mm.direction = "low" if g["ordpol"].lower() in low_words else "high"
            mm.extra["form"] = "nth"
        elif g["ranked"]:
            mm.value = float(g["ranked"])
            mm.direction = "high"
            mm.extra["form"] = "ranked"
            if g["of"]:
                mm.extra["of"] = float(g["of"])
        elif g["among"]:
            pol = " ".join(g["amongpol"].lower().split())
            mm.direction = "low" if pol in low_words else "high"
            mm.extra["form"] = "among"
            if "deprived" in pol:
                mm.extra["deprived"] = "yes"
        elif g["qpol"]:
            mm.direction = "high" if g["qpol"].lower() in ("top", "highest") else "low"
            q = g["q"].lower()
            frac = {"quarter": 0.25, "fifth": 0.2, "tenth": 0.1, "third": 1 / 3, "half": 0.5}.get(q)
            if frac is None:
                frac = float(re.sub(r"[^\d.]", "", q)) / 100
            mm.extra["form"] = "part"
            mm.extra["frac"] = frac
        elif g["most"]:
            mm.direction = "high" if g["most"].lower().startswith(("higher", "more")) else "low"
            mm.extra["form"] = "most"
        else:
            pol = " ".join(g["suppol"].lower().split())
            mm.direction = "low" if pol in low_words or pol == "least common" else "high"
            mm.extra["form"] = "superlative"
            if "deprived" in pol:
                mm.extra["deprived"] = "yes"
        mm.extra["context"] = "yes" if P.RANK_CONTEXT_RE.search(sent) else ""
        return mm

    def _ratio(self, m, s0, idx, sent, ents) -> Mention:
        word = m.group("ratio").lower()
        if m.group("n"):
            val = parse_number(m.group("n"))
            value = val[0] if val else 0.0
        else:
            value = {"twice": 2.0, "double": 2.0, "treble": 3.0, "triple": 3.0}[word]
        mm = Mention(
            "ratio",
            s0 + m.start(),
            s0 + m.end(),
            m.group(0),
            idx,
            value=value,
            precision=0.1,
            hedge=(m.group("hedge") or "").lower(),
            unit="times",
        )
        mm.comparator = self._ratio_comparator(sent, m.end(), ents)
        return mm

    @staticmethod
    def _ratio_comparator(sent: str, end: int, ents) -> Entity:
        """Which entity a ratio compares with; reversed ("England's is 3 times Leicester's")."""
        after = [e for e in ents if e[0] >= end]
        before = [e for e in ents if e[1] <= end]
        if after and after[0][2] in ("england", "region"):
            return after[0][2]
        if after and after[0][2] == "subject" and before and before[-1][2] in ("england", "region"):
            return "rev_" + before[-1][2]
        return "england"

    @staticmethod
    def _comparator_follows(tail: str, ents, end: int) -> bool:
        return bool(
            re.match(
                r"\s*(?:of\s+)?(?:the\s+|that\s+(?:of|in|for)\s+)?(?:England|"
                r"national|regional|the\s+region|the\s+England|English)",
                tail,
                re.I,
            )
        ) or bool(
            re.match(
                r"\s*(?:of\s+)?(?:the\s+)?(?:rate|figure|level|average|amount)\s+"
                r"(?:in|for|across)\s+(?:England|the\s+region)",
                tail,
                re.I,
            )
        )

    @staticmethod
    def _attach_rates(found: list[Mention], rates, sent: str, s0: int) -> None:
        nums = [m for m in found if m.kind in ("number", "money") and not m.relational]
        for a, _b, denom in rates:
            before = [m for m in nums if m.end - s0 <= a and ";" not in sent[m.end - s0 : a]]
            if before:
                target = before[-1]
                target.unit = "per_100k" if target.kind == "number" else "gbp"
                target.denominator = classify_denominator(denom)
                target.extra["rate"] = "yes"
        for m in P.PER_RESIDENT_RE.finditer(sent):
            before = [n for n in nums if n.end - s0 <= m.start()]
            if before and before[-1].kind == "money":
                before[-1].extra["per_resident"] = "yes"

    @staticmethod
    def _bind_entity(sent: str, a: int, b: int, ents) -> Entity:
        """Whose figure a number is, when an entity name sits right next to it."""
        for ea, _eb, kind in ents:  # "2,438 for England", "12 in Leicester"
            if (
                ea >= b
                and ea - b <= 30
                and re.fullmatch(
                    r"[^\d,;()]{0,12}?\b(?:for|in|across|of)\s+(?:the\s+)?", sent[b:ea], re.I
                )
            ):
                return kind
        prior = [e for e in ents if e[1] <= a]
        if prior:
            ea, eb, kind = prior[-1]
            gap = sent[eb:a]
            if re.fullmatch(
                r"(?:'s|’s)?\s*(?:\(|:)?\s*(?:[\w'’-]+\s+){0,3}?\(?\s*", gap
            ) and not re.search(r"\b(?:than|and|while|compared|against|versus|vs)\b", gap, re.I):
                return kind
        return ""

    def _directions(self, sent, s0, idx, ents, taken) -> list[Mention]:
        out: list[Mention] = []
        for m in P.DIRECTION_WORD_RE.finditer(sent):
            a, b = m.span("dir")
            if any(x <= a < y for x, y in taken):
                continue
            tail = sent[b : b + 70]
            if re.match(r"\s*than\s+(?:about\s+|around\s+|roughly\s+)?[£\d]", tail, re.I):
                continue  # "more than 2,000": a hedge, not a comparison
            if re.match(r"\s+than\s+(?:last|the\s+previous)\s+year|\s+than\s+before", tail, re.I):
                continue  # a trend
            after = [
                e
                for e in ents
                if e[0] >= b
                and e[0] - b <= 60
                and not re.search(r"[.;]|\b(?:but|while|whereas)\b", sent[b : e[0]])
            ]
            if not after:
                continue
            gap = sent[b : after[0][0]]
            word = " ".join(m.group("dir").lower().split())
            if word in ("over", "under") and not re.fullmatch(r"\s*(?:the\s+)?", gap):
                continue
            if word in ("above", "below", "under", "over", "ahead of", "behind"):
                ok = re.fullmatch(
                    r"\s*(?:that\s+(?:of|in|for)\s+|the\s+|those\s+in\s+)?", gap, re.I
                )
            else:
                ok = re.search(r"\bthan\b", gap, re.I) and len(gap) <= 60
            if not ok:
                continue
            dir_ = P.DIRECTION_MAP[word]
            comp = after[0][2]
            if comp == "subject":
                before = [e for e in ents if e[1] <= a and e[2] in ("england", "region")]
                if not before:
                    continue
                comp = before[-1][2]
                dir_ = "below" if dir_ == "above" else "above"
            mod = P.DIRECTION_MOD_RE.search(sent[max(0, a - 16) : a])
            modifier = " ".join(mod.group("mod").lower().split()) if mod else ""
            start = a - (min(a, 16) - mod.start()) if mod else a
            mm = Mention(
                "direction",
                s0 + start,
                s0 + after[0][1],
                sent[start : after[0][1]],
                idx,
                direction=dir_,
                comparator=comp,
                modifier=modifier,
            )
            out.append(mm)
        for m in P.SAME_RE.finditer(sent):
            after = [e for e in ents if e[0] >= m.end() and e[0] - m.end() <= 25]
            if after and after[0][2] in ("england", "region"):
                out.append(
                    Mention(
                        "direction",
                        s0 + m.start(),
                        s0 + after[0][1],
                        sent[m.start() : after[0][1]],
                        idx,
                        direction="about_same",
                        comparator=after[0][2],
                    )
                )
        return out

    @staticmethod
    def _trends(sent, s0, idx, ents) -> list[Mention]:
        out = []
        for m in P.TREND_RE.finditer(sent) if P.TREND_HINT_RE.search(sent.lower()) else ():
            kind = m.lastgroup or "any"
            mm = Mention(
                "trend",
                s0 + m.start(),
                s0 + m.end(),
                m.group(0),
                idx,
                direction={"up": "up", "down": "down", "flat": "flat"}.get(kind, ""),
            )
            before = [e for e in ents if e[1] <= m.start()]
            if before and before[-1][2] in ("england", "region"):
                mm.comparator = before[-1][2]
            out.append(mm)
        return out
