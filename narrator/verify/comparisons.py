"""Extraction of comparative mentions: ranks, ratios, directions vs a comparator, trends.

Each function reads one sentence (``sent``, starting at ``s0`` in the text) and returns
:class:`~narrator.verify.mention.Mention` objects; ``ents`` are the (start, end, kind) entity
names found in the sentence (kind: subject, england, region).
"""

from __future__ import annotations

import re

from narrator.verify import lexicon as L
from narrator.verify import patterns as P
from narrator.verify import scan as S
from narrator.verify.mention import COMPARATORS, Entity, Mention
from narrator.verify.numbers import ORDINAL_WORDS, UNITS_WORDS, parse_number
from narrator.verify.spans import lower_in_place


def rank_mention(m: re.Match[str], s0: int, idx: int, sent: str) -> Mention:
    mm = Mention("rank", s0 + m.start(), s0 + m.end(), sent[m.start() : m.end()], idx)
    g = m.groupdict()
    low_words = ("lowest", "smallest", "least", "fewest", "bottom", "worst", "most deprived")
    if g["ord"] or g["butone"]:  # "the 3rd highest"; "the lowest but one": the second lowest
        n = (g["ord"] or "2nd").lower()
        mm.value = float(ORDINAL_WORDS.get(n) or int(re.sub(r"\D", "", n)))
        pol = (g["ordpol"] or g["butone"]).lower()
        if pol in ("best", "worst"):  # "the second-best figure": which end is the measure's
            mm.direction = "better" if pol == "best" else "worse"
        else:
            mm.direction = "low" if pol in low_words else "high"
        mm.extra["form"] = "nth"
        if g["ordof"] or g["butoneof"]:
            mm.extra["of"] = float(g["ordof"] or g["butoneof"])
    elif g["bare"]:  # "8th of 146": a place counted from the top
        mm.value = float(g["bare"])
        mm.direction = "high"
        mm.extra["form"] = "nth"
        mm.extra["of"] = float(g["bareof"])
    elif g["fb"]:  # "fifth from bottom": the fifth lowest
        n = g["fb"].lower()
        mm.value = float(ORDINAL_WORDS.get(n) or int(re.sub(r"\D", "", n)))
        mm.direction = "high" if g["fbpol"].lower() == "top" else "low"
        mm.extra["form"] = "nth"
        if g["fbof"]:
            mm.extra["of"] = float(g["fbof"])
    elif g["cn2"]:  # "120 councils had lower satisfaction": 121st lowest; "fewer than 20
        # councils had a higher rate": 20th or better
        _counted(
            mm, g["cn2"], g["cdir2"], g["cof2"] or g["cof2a"], "within" if g["cfew"] else "count"
        )
    elif g["ranked"] or g["ranked2"] or g["ranked3"]:
        n = (g["ranked"] or g["ranked2"] or g["ranked3"]).lower()
        mm.value = float(ORDINAL_WORDS.get(n) or int(re.sub(r"\D", "", n)))
        mm.direction = "low" if (g["cfrom"] or "").lower() == "lowest" else "high"
        mm.extra["form"] = "ranked"
        if g["of"]:
            mm.extra["of"] = float(g["of"])
    elif g["cn"]:  # "only 7 councils had a higher score": 8th highest
        _counted(mm, g["cn"], g["cdir"], g["cof"], "count")
    elif g["nn"] or g["nn2"] or g["nn3"]:  # "among the ten lowest", "in the top 20 of 152"
        n = parse_number(g["nn"] or g["nn2"] or g["nn3"])
        mm.value = n[0] if n else 0.0
        pol = " ".join((g["npol"] or g["npol2"] or g["npol3"]).lower().split())
        mm.direction = "high" if pol in ("top", "highest", "largest", "biggest", "most") else "low"
        if "deprived" in pol:  # "one of the five least deprived": read as "among" reads it
            mm.direction = "low" if pol in low_words else "high"
            mm.extra["deprived"] = "yes"
        mm.extra["form"] = "within"
        if g["nof"]:
            mm.extra["of"] = float(g["nof"])
    elif g["among"]:
        pol = " ".join(g["amongpol"].lower().split())
        mm.direction = "low" if pol in low_words else "high"
        mm.extra["form"] = "among"
        if "deprived" in pol:
            mm.extra["deprived"] = "yes"
    elif g["qpol"]:
        mm.direction = "high" if g["qpol"].lower() in ("top", "highest", "upper") else "low"
        q = g["q"].lower()
        frac = {"quarter": 0.25, "fifth": 0.2, "tenth": 0.1, "third": 1 / 3, "half": 0.5}.get(q)
        if frac is None:
            frac = float(re.sub(r"[^\d.]", "", q)) / 100
        mm.extra["form"] = "part"
        mm.extra["frac"] = frac
    elif g["nonedir"] or g["table"]:  # "no council had higher", "topped the table": first
        word = (g["nonedir"] or g["table"]).lower()
        up = word in _MORE_WORDS or word == "better" or "top" in word
        mm.direction = (
            "better"
            if word == "better"
            else "worse"
            if word == "worse"
            else ("high" if up else "low")
        )
        mm.value = 1.0
        mm.extra["form"] = "nth"
    elif g["anyw"]:  # "more than anywhere else": the highest of all
        up = g["anyw"].lower().startswith(("higher", "more", "bigger"))
        mm.direction = "high" if up else "low"
        mm.extra["form"] = "superlative"
        mm.extra["context"] = "yes"
        if g["anyw"].lower().startswith(("more", "fewer", "less")):
            mm.extra["amounts"] = "yes"  # precision first: a total's rank or a rate's
        return mm
    elif g["bardir"]:  # "higher than every similar council bar one": second
        n = g["barn"].lower()
        count = 12.0 if "dozen" in n else float(UNITS_WORDS.get(n) or n)
        mm.value = count + 1
        mm.direction = _rank_way(g["bardir"])
        mm.extra["form"] = "nth"
    elif g["neardir"]:  # "more than in nearly every other part of England": near the top
        mm.direction = _rank_way(g["neardir"])
        mm.extra["form"] = "part"
        mm.extra["frac"] = 0.15
    elif g["mid"]:  # "mid-table": neither near the top nor near the bottom
        mm.direction = "high"
        mm.extra["form"] = "middle"
    elif g["mdep"]:  # "one of the more deprived places": more deprived than most
        mm.direction = "high" if g["mdep"].lower() == "more" else "low"
        mm.extra["form"] = "most"
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


def peer_rank_mention(m: re.Match[str], s0: int, idx: int, sent: str) -> Mention:
    """A place among similar councils said as a count of them (``PEER_RANK_RE``)."""
    mm = Mention("rank", s0 + m.start(), s0 + m.end(), sent[m.start() : m.end()], idx)
    if m.group("pn"):  # "only two of its 15 similar councils had a higher share": 3rd
        _counted(mm, m.group("pn"), m.group("pdir"), None, "count")
    else:  # "lower than 13 of its 14 similar councils": 13 had a higher figure
        _counted(mm, m.group("vsn"), _OTHER_WAY[m.group("vsdir").lower()], None, "count")
    mm.extra["context"] = "yes"
    return mm


#: a comparison word and the one that says it the other way round
_OTHER_WAY = {
    "higher": "lower", "more": "fewer", "bigger": "smaller", "larger": "smaller",
    "greater": "smaller", "better": "worse", "lower": "higher", "fewer": "more",
    "less": "more", "smaller": "larger", "worse": "better",
}  # fmt: skip
_MORE_WORDS = frozenset({"higher", "more", "bigger", "larger", "greater"})


def _counted(mm: Mention, count: str, word: str, of: str | None, form: str) -> None:
    """A rank said as a number of councils beyond the council: ``count`` councils had a
    higher (or lower) figure, so it is the next place (``form`` "count"), or, with "fewer
    than", that place or better ("within")."""
    n = parse_number(count)
    mm.value = (n[0] if n else 0.0) + (1 if form == "count" else 0)
    word = word.lower()
    # "only 11 councils did better": which end is the measure's better one (see relations.rank)
    mm.direction = word if word in ("better", "worse") else "high" if word in _MORE_WORDS else "low"
    mm.extra["form"] = form
    if of:
        mm.extra["of"] = float(of)


def ratio_mention(m, s0, idx, sent, ents) -> Mention:
    word = m.group("ratio").lower()
    if m.group("n"):
        val = parse_number(m.group("n"))
        value = val[0] if val else 0.0
        if m.group("part"):  # "two and a half times"
            value += 0.5 if "half" in m.group("part").lower() else 0.25
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
    mm.comparator = ratio_comparator(sent, m.end(), ents)
    if _TIMES_LESS_RE.match(sent, m.end()) and not mm.comparator.startswith("rev_"):
        # "six times less than in England": England's figure is six times the council's
        mm.comparator = "rev_" + mm.comparator
    return mm


#: "times less", "times fewer", "times lower": the ratio the other way round
_TIMES_LESS_RE = re.compile(r"\s+(?:less|fewer|lower|smaller)\b", re.IGNORECASE)


def ratio_comparator(sent: str, end: int, ents) -> Entity:
    """Which entity a ratio compares with; reversed ("England's is 3 times Leicester's")."""
    after = [e for e in ents if e[0] >= end]
    before = [e for e in ents if e[1] <= end]
    if after and after[0][2] in COMPARATORS:
        return after[0][2]
    if after and after[0][2] == "subject" and before and before[-1][2] in COMPARATORS:
        return "rev_" + before[-1][2]
    return "england"


def comparator_follows(tail: str, ents, end: int) -> bool:
    """Whether a comparator is named right after ``end`` ("half the London average")."""
    if P.COMPARATOR_NEXT_RE.match(tail) or P.COMPARATOR_RATE_NEXT_RE.match(tail):
        return True
    return any(
        kind in COMPARATORS
        and 0 <= start - end <= 12
        and P.LEAD_TO_NAME_RE.fullmatch(tail[: start - end])
        for start, _e, kind in ents
    )


def direction_mentions(
    sent, s0, idx, ents, taken, low: str | None = None, same: bool = True
) -> list[Mention]:
    """``same=False`` (the whole text lacks the "same" hint) skips "about the same as"."""
    out: list[Mention] = []
    if not ents:
        return out
    # a direction needs a comparator named after it: words after the last name cannot be one
    # (scanning up to one character past that name's start keeps ``\b`` exact there)
    low = sent.lower() if low is None else low
    end = ents[-1][0] + 1
    words = (
        S.finditer(P.DIRECTION_WORD_RE, P.DIRECTION_ANCHOR_RE, sent[:end], False, low[:end])
        if sent.isascii()  # the lower-cased text then has the same positions
        else P.DIRECTION_WORD_RE.finditer(sent, 0, end)
    )
    for m in words:
        a, b = m.span("dir")
        if any(x <= a < y for x, y in taken):
            continue
        tail = sent[b : b + 70]
        if P.THAN_FIGURE_RE.match(tail):
            continue  # "more than 2,000": a hedge, not a comparison
        if P.THAN_PAST_RE.match(tail):
            continue  # a trend
        after = [
            e
            for e in ents
            if e[0] >= b and e[0] - b <= 60 and not P.CLAUSE_BREAK_RE.search(sent[b : e[0]])
        ]
        if not after:
            continue
        gap = sent[b : after[0][0]]
        if P.DIRECTION_WORD_RE.search(gap):
            continue  # "no more help after it, which is lower than England": the nearer word's
        word = " ".join(m.group("dir").lower().split())
        if word in ("over", "under") and not P.THE_GAP_RE.fullmatch(gap):
            continue
        if word in (
            "above",
            "below",
            "under",
            "over",
            "ahead of",
            "behind",
            "adrift of",
            "shy of",
        ) or (word in P.VERB_DIRECTIONS):
            ok = P.PLACE_GAP_RE.fullmatch(gap)
        else:
            ok = P.THAN_RE.search(gap) and len(gap) <= 60
        if not ok:
            continue
        dir_ = P.DIRECTION_MAP[word]
        comp = after[0][2]
        if comp == "subject":
            before = [e for e in ents if e[1] <= a and e[2] in COMPARATORS]
            if not before:
                continue
            comp = before[-1][2]
            dir_ = "below" if dir_ == "above" else "above"
        modifier, start = modifier_before(sent, a)
        if not modifier and word in P.VERB_MODIFIERS:  # "dwarfs the England average"
            modifier = P.VERB_MODIFIERS[word]
        margin = P.MARGIN_AFTER_RE.match(sent, after[0][1]) if not modifier else None
        end = after[0][1]
        if margin is not None:  # "trailed the region's £50.0m by a wide margin": the claim
            modifier = "well" if margin["wide"] else "slightly"  # spans the margin's words
            end = margin.end()
        mm = Mention(
            "direction",
            s0 + start,
            s0 + end,
            sent[start:end],
            idx,
            direction=dir_,
            comparator=comp,
            modifier=modifier,
        )
        out.append(mm)
        if len(after) > 1 and after[1][2] in COMPARATORS and after[1][2] != comp:
            # "lower than England (60.7%) and the East Midlands": the same comparison with a
            # second area, of the figure the first one's words compare (``words_from``)
            e0, e1, second = after[1]
            if P.AND_ALSO_RE.fullmatch(sent, after[0][1], e0):
                also = Mention(
                    "direction", s0 + e0, s0 + e1, sent[e0:e1], idx,
                    direction=dir_, comparator=second, modifier=modifier,
                )  # fmt: skip
                also.extra["words_from"] = s0 + start
                out.append(also)
    for m in P.SAME_RE.finditer(sent) if same and P.SAME_HINT_RE.search(low) else ():
        after = [e for e in ents if e[0] >= m.end() and e[0] - m.end() <= 25]
        if after and after[0][2] in COMPARATORS:
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


#: a comparison said from the comparator's side, from the council's
_FLIP = {"above": "below", "below": "above", "better": "worse", "worse": "better"}


def modifier_before(sent: str, at: int) -> tuple[str, int]:
    """The strength word written right before a comparison word at ``at`` ("well above",
    "a touch higher"), normalised, and where the comparison's words then start."""
    mod = P.DIRECTION_MOD_RE.search(sent, max(0, at - 24), at)
    if mod is None:
        return "", at
    return " ".join(mod.group("mod").lower().split()), mod.start()


def implicit_direction_mentions(sent, s0, idx, ents, taken, found, prior=()) -> list[Mention]:
    """Comparisons whose comparator is named before them, not after: "England is 5,055, so
    Hounslow is more", "higher than both of them", "having been below it (85.1%) the year
    before", "above average", and, with the comparators the sentence before names
    (``prior``), "So Lambeth is lower." One mention per comparator meant ("both": each area
    named before it in the sentence); the other way round when a comparator is the subject
    ("In England it was higher")."""
    named = [e for e in ents if e[2] in COMPARATORS]
    if not named and not prior and "average" not in sent.lower():
        return []
    covered = [(m.start - s0, m.end - s0) for m in found if m.kind == "direction"]
    out: list[Mention] = []
    for m in P.IMPLICIT_DIRECTION_RE.finditer(sent):
        a, b = m.span("dir")
        if any(x <= a < y for x, y in (*taken, *covered)):
            continue
        mod, start = modifier_before(sent, a)
        direction = P.DIRECTION_MAP[" ".join(m.group("dir").lower().split())]
        before = [e for e in named if e[1] <= a]
        obj = (m.group("obj") or "").lower()
        lead = sent[:start]
        subject = [e for e in ents if e[1] <= a]
        if (
            subject
            and subject[-1][2] in COMPARATORS
            and P.PREDICATE_GAP_RE.fullmatch(sent[subject[-1][1] : start])
        ):
            # "In England it was higher, at 67.9 out of 100", "Across the East Midlands the
            # share was higher too": the comparator is the subject, so the council is the other
            # way round from it ("England was lower than it" is a comparison of another shape)
            flipped = _FLIP.get(direction)
            meant = [(flipped, subject[-1][2])] if flipped and not obj else []
        else:
            if obj.endswith("average"):
                comps = ["england"]
            elif obj == "it":
                comps = [before[-1][2]] if before else []
            elif obj.startswith(("both", "them")):
                comps = list(dict.fromkeys(e[2] for e in before))
            elif P.PREDICATE_END_RE.search(lead) and subject and subject[-1][2] == "subject":
                # "so Hounslow is more."; "England's rate is 850. So Lambeth is lower."
                comps = list(dict.fromkeys(e[2] for e in before)) or list(dict.fromkeys(prior))
            else:
                comps = []
            meant = [(direction, comp) for comp in comps]
        for way, comp in meant:
            out.append(
                Mention(
                    "direction",
                    s0 + start,
                    s0 + m.end(),
                    sent[start : m.end()],
                    idx,
                    direction=way,
                    comparator=comp,
                    modifier=mod,
                )
            )
    return out


def trend_mentions(sent, s0, idx, ents, low: str | None = None) -> list[Mention]:
    out: list[Mention] = []
    low = lower_in_place(sent) if low is None else low
    if not (P.TREND_WORD_RE.search(low) and P.TREND_HINT_RE.search(low)):
        return out
    for m in P.TREND_RE.finditer(low):
        kind = m.lastgroup or "any"
        mm = Mention(
            "trend",
            s0 + m.start(),
            s0 + m.end(),
            sent[m.start() : m.end()],
            idx,
            direction=kind if kind in ("up", "down", "flat", "better", "worse") else "",
        )
        before = [e for e in ents if e[1] <= m.start()]
        if before and before[-1][2] in COMPARATORS and _subject_of(sent, before[-1], m):
            mm.comparator = before[-1][2]
        mm.modifier = _change_size(sent, m.start(), m.end())
        out.append(mm)
    return out


_SPACE_RE = re.compile(r"\s")
#: a name after these is what something is compared with, not what moved
_COMPARED_NAME_RE = re.compile(
    r"\b(?:than|beats?|beating|above|below|with|versus|vs\.?|against|over|behind|ahead\s+of|"
    r"adrift\s+of|shy\s+of|"
    r"trails?|trailing|to|of|like)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _subject_of(sent: str, ent: tuple[int, int, str], m: re.Match[str]) -> bool:
    """Whether a comparator's name before a trend word is what moved ("England's rate fell",
    "nationally the share rose"), not what the council was compared with just before ("beats
    London (60.7%) and has gone up")."""
    start, end, _kind = ent
    between = sent[end : m.start()]
    if re.search(r"\d", between) or len(between) > 40:
        return False
    return not _COMPARED_NAME_RE.search(sent[max(0, start - 20) : start])


def _change_size(sent: str, a: int, b: int) -> str:
    """ "much" for a change said to be big ("rose sharply", "a steep fall"), "slightly" for
    one said to be small ("fell slightly", "a small rise", "edged up"), else ""."""
    inside = [m.start() for m in _SPACE_RE.finditer(sent, a, b)]  # "up sharply from"
    # the words before it, and before its own last word ("a sharp jump": "a sharp ")
    heads = [sent[max(0, a - 24) : a]]
    if inside:
        heads.append(sent[a : inside[-1] + 1])
    if (
        any(L.STRONG_CHANGE_AFTER_RE.match(sent, i) for i in (*inside, b))
        or any(L.STRONG_CHANGE_BEFORE_RE.search(h) for h in heads)
        or L.STRONG_CHANGE_VERB_RE.match(sent, a)
    ):
        return "much"
    if (
        any(L.WEAK_CHANGE_AFTER_RE.match(sent, i) for i in (*inside, b))
        or any(L.WEAK_CHANGE_BEFORE_RE.search(h) for h in heads)
        or L.WEAK_CHANGE_VERB_RE.match(sent, a)
    ):
        return "slightly"
    return ""


def _rank_way(word: str) -> str:
    """Which end of the table a comparison word counts from ("better" and "worse" follow the
    measure's polarity, see ``relations.rank``)."""
    w = word.lower()
    if w in ("better", "worse"):
        return w
    return "high" if w in ("higher", "more", "bigger", "larger", "greater") else "low"
