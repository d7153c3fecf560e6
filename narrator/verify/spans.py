"""Text helpers of the extractor: sentence spans, denominator phrases, number-ending tests."""

from __future__ import annotations

import re
from functools import lru_cache

from narrator.verify import lexicon as L
from narrator.verify import patterns as P


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; full stops inside numbers do not end one.

    >>> t = "It was 0.53 days. England was 0.7!"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['It was 0.53 days.', 'England was 0.7!']
    >>> t = "Among St. Helens and its peers, St. Helens is highest."
    >>> len(split_sentences(t))
    1
    """
    return list(_sentence_spans(text))


# A pure function of one text (bounded): extraction and checking both need the sentences.
@lru_cache(maxsize=64)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for m in P.SENT_END_RE.finditer(text):
        cut = m.start(1)  # the whitespace after ".", "!" or "?" -- unless it ends "e.g."/"i.e."
        if text[cut - 4 : cut] in ("e.g.", "i.e.") and (
            cut < 5 or not P.WORD_CHAR_RE.match(text, cut - 5)
        ):
            continue
        if text[cut - 3 : cut] == "St." and (cut < 4 or not P.WORD_CHAR_RE.match(text, cut - 4)):
            continue  # "St. Helens": a place's name, not a sentence's end
        spans.append((start, cut))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return tuple(spans)


_SAME_GROUP_RE = re.compile(
    r"\b(?:that|this|the\s+same)\s+age(?:\s+group|\s+band|\s+range)?\b|\bof\s+that\s+age\b"
)


def lower_in_place(text: str) -> str:
    """``text`` lower-cased with every character where it was (a pattern matched on it gives
    spans of ``text``): the rare character whose lower case is longer keeps its first letter.

    >>> lower_in_place("Rose İn 2024")
    'rose in 2024'
    """
    low = text.lower()
    return low if len(low) == len(text) else "".join(ch.lower()[:1] for ch in text)


def classify_denominator(phrase: str) -> str:
    """Normalise the noun phrase after "per 100,000" to a population group ("" if none).

    >>> [classify_denominator(p) for p in (" older people", " residents", "")]
    ['65+', 'all', '']
    """
    p = phrase.lower()
    if not p.strip() or _SAME_GROUP_RE.search(p):
        return ""  # "per 100,000 people in that age group": the group named before it
    if P.DEN_65_RE.search(p):
        return "65+"
    if P.DEN_WORKING_RE.search(p):
        return "18-64"
    if "carer" in p:
        return "carers"
    if P.DEN_ADULTS_RE.search(p):
        return "18+"
    if P.DEN_ALL_RE.search(p):
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


def may_end_in_number(head: str) -> bool:
    """Exact prefilter of ``FRACTION_NUM_RE``: ``head`` (before an optional final newline)
    ends in a digit or in a number word (any text that is not ASCII is searched anyway)."""
    if not head.isascii():
        return True
    h = head[:-1] if head.endswith("\n") else head
    if not h:
        return False
    if h[-1].isdigit():
        return True
    i = len(h)
    while i and h[i - 1].isalpha():
        i -= 1
    return h[i:].lower() in P.NUMBER_WORD_ENDS


def figure_list(text: str, figures: list, m) -> list:
    """The figures of the list or range ``m`` stands in ("69.1%, 69.2% and 69.3%", "ranged
    from 20.8% to 44.2%"), in text order; just ``[m]`` when it stands alone. ``figures``: its
    sentence's, in text order."""
    at = next((i for i, f in enumerate(figures) if f is m), None)
    if at is None:
        return [m]
    first = last = at
    while first > 0 and L.LIST_JOIN_RE.fullmatch(
        text, figures[first - 1].end, figures[first].start
    ):
        first -= 1
    while last + 1 < len(figures) and L.LIST_JOIN_RE.fullmatch(
        text, figures[last].end, figures[last + 1].start
    ):
        last += 1
    return figures[first : last + 1]
