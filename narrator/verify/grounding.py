"""Sentence grounding: every sentence of a text must say something the facts support.

A sentence -- and every clause of it: after a colon or semicolon, or after a comma before a
conjunction or "which" (``lexicon.CONJUNCTIONS``) -- is *grounded* when it holds at least one
supported claim other than a bare year, or when it is one of the recognised statements a fact
sheet licenses. A clause never borrows support from its neighbour ("5.8, which places it
among the deprived 10%" needs its own):

* a no-data statement ("no data", "not published for each council", "no longer collected")
  when a sheet has no data (status ``no_data``/``no_la_data``/``discontinued``, or no figure);
  it licenses itself only, and a bare list of chart titles after it ("...: Budget cuts,
  Ombudsman.") asserts nothing;
* a privacy statement ("kept private", "withheld", "5 or fewer") with a suppressed fact;
* a regional note ("for the whole East Midlands region") with the sheet's note fact.

Headings (a short first line of a paragraph without a full stop, "### Title" lines) and a
chart title opening a sentence ("Ombudsman: In 2024 ...") are labels, not sentences; so is a
framing sentence made only of report and domain words, names and periods ("Westminster at a
glance", "Here's the money side for Sunderland in 2021-22.": ``lexicon.FRAMING_WORDS``). Anything
else -- an echo of instructions, an invented event -- is ``unverifiable``: "no fact supports
this sentence".

>>> heading_lines("How the figures compare\\nIn 2024 it rose.")
[(0, 23)]
"""

from __future__ import annotations

import re
from bisect import bisect_left

from narrator.models import Claim
from narrator.verify import lexicon as L
from narrator.verify.index import FactIndex
from narrator.verify.spans import lower_in_place

REASON = "no fact supports this sentence"
_NO_DATA_STATUS = ("no_data", "no_la_data", "discontinued")
_CLAUSE_RE = re.compile(r"[:;](?=\s|$)")
_TERMINAL = ".!?:;"
_NO_DATA_RE = re.compile(
    r"\bno\s+(?:published\s+|recent\s+|local\s+|current\s+)?(?:data|figures?|information|numbers?)\b|"
    r"\bnot\s+(?:been\s+)?(?:published|available|collected|reported|recorded)\b|"
    r"\bno\s+longer\s+(?:collected|published|reported|available)\b|"
    r"\b(?:is|are)n't\s+(?:published|available|collected)\b|"
    r"\bat\s+(?:local\s+authority|council)\s+level\b|\bfor\s+each\s+council\b|"
    r"\bhas\s+no\s+figures?\b|\bhave\s+no\s+figures?\b",
    re.IGNORECASE,
)
_PRIVATE_RE = re.compile(
    r"\bkept\s+private\b|\bwithheld\b|\bsuppressed\b|\b(?:5|five)\s+or\s+(?:fewer|less)\b|"
    r"\bfewer\s+than\s+(?:6|six)\b|\btoo\s+small\s+to\s+(?:publish|show|report)\b|"
    r"\bnot\s+an\s+exact\s+number\b",
    re.IGNORECASE,
)
_REGIONAL_RE = re.compile(
    r"\bwhole\s+(?:of\s+the\s+)?[\w ]{0,40}?region\b|\bregion\s+as\s+a\s+whole\b|"
    r"\bregional\s+figures?\b|\bnot\s+for\s+[\w' -]{1,60}?\s+alone\b",
    re.IGNORECASE,
)


def heading_lines(text: str) -> list[tuple[int, int]]:
    """Spans of heading lines: "### ..." lines, and short first lines of a paragraph that end
    without a full stop and are followed by more text."""
    out: list[tuple[int, int]] = []
    pos = 0
    first = True  # the first line of a paragraph
    for line in text.split("\n"):
        end = pos + len(line)
        s = line.strip()
        if s.startswith("#") or (
            first and s and s[-1] not in _TERMINAL and len(s.split()) <= 10 and end < len(text)
        ):
            out.append((pos, end))
        first = not s
        pos = end + 1
    return out


class Grounding:
    """What statements the facts of one index license (computed once per index)."""

    __slots__ = (
        "no_data", "titles", "private", "regional", "no_compare", "labels", "names", "measures"
    )  # fmt: skip

    def __init__(self, ix: FactIndex) -> None:
        kinds = {f.kind for f in ix.fact_by_id.values()}
        empty = [s for s in ix.sheets if s.status in _NO_DATA_STATUS]
        no_figure = [
            s
            for s in ix.sheets
            if not any(f.kind in ("value", "suppressed", "share") for f in s.facts)
        ]
        self.no_data = bool(empty or no_figure)
        #: a bare list of chart titles asserts nothing by itself (the clause before it does)
        self.titles = frozenset(ix.title_charts)
        self.private = "suppressed" in kinds or any(f.detail.get("suppressed") for f in ix.values)
        self.regional = "note" in kinds or ix.regional
        self.no_compare = not ix.directions
        names = (*ix.context.subject_names, *ix.context.region_names, "England")
        # a chart title or a name opening a sentence before a colon labels what follows
        self.labels = frozenset((*ix.title_charts, *(n.lower() for n in names)))
        #: words a framing sentence may use besides FRAMING_WORDS: the names and chart titles
        self.names = frozenset(
            w.lower()
            for n in (*names, *ix.title_charts, *ix.context.subject_names)
            for w in L.FRAMING_TOKEN_RE.findall(n)
        )
        #: the words of the measures' own names: a lead-in made of them names what follows
        self.measures = frozenset(
            w.lower() for label in ix.labels for w in L.FRAMING_TOKEN_RE.findall(label)
        ) | {"with", "without"}

    def framing(self, clause: str) -> bool:
        """A clause that frames the text and asserts nothing: only report and domain words,
        names and periods ("Westminster at a glance", "Knowsley carers section.")."""
        words = L.FRAMING_TOKEN_RE.findall(clause)
        return bool(words) and all(
            w[0].isdigit()
            or (low := w.lower().removesuffix("'s").removesuffix("’s")) in L.FRAMING_WORDS
            or low in self.names
            for w in words
        )

    def lead_in(self, clause: str) -> bool:
        """A clause before a colon made only of framing words, names and the measures' own
        words: a label for the figures after it ("Nursing care: 447 in every 100,000"), a
        name with no verb ("Reading is a small council:" says something of its own)."""
        words = L.FRAMING_TOKEN_RE.findall(clause)
        return (
            bool(words)
            and all(w.lower() not in _VERBS for w in words)
            and all(
                (low := w.lower()) in L.FRAMING_WORDS or low in self.names or low in self.measures
                for w in words
            )
        )

    def licensed(self, clause: str) -> bool:
        """A recognised grounded statement (no data, privacy, regional note)."""
        low = clause.lower()
        if self.no_data and _only_titles(low, self.titles):
            return True  # a list of charts after a no-data clause ("...: Budget cuts, Ombudsman.")
        if _NO_DATA_RE.search(clause) and (self.no_data or (self.no_compare and "compare" in low)):
            return True  # a no-data statement licenses itself, never a neighbouring clause
        if self.private and _PRIVATE_RE.search(clause):
            return True
        return self.regional and _REGIONAL_RE.search(clause) is not None


_VERBS = frozenset("is are was were be been has have had".split())
_LIST_REST_RE = re.compile(r"(?:[\s,.]|\band\b|\bothers\b|\bother\s+charts\b|\bmore\b)*")


def _only_titles(low: str, titles: frozenset[str]) -> bool:
    """Whether a clause is nothing but a list of the given chart titles."""
    rest, found = " ".join(low.split()), False
    for title in sorted(titles, key=len, reverse=True):  # "Average delay" inside a longer one
        if title in rest:
            rest, found = rest.replace(title, ","), True
    return found and _LIST_REST_RE.fullmatch(rest) is not None


def _grounding(ix: FactIndex) -> Grounding:
    g = ix.grounding  # memo on the index: computed for the first text that needs it
    if not isinstance(g, Grounding):
        g = ix.grounding = Grounding(ix)
    return g


def ungrounded(
    text: str, sentences: list[tuple[int, int]], claims: list[Claim], ix: FactIndex
) -> list[Claim]:
    """An ``unverifiable`` claim for every sentence or clause no supported claim grounds."""
    if not ix.sheets:
        return []
    anchors = sorted(
        (c.start, c.end)
        for c in claims
        if c.status == "supported" and c.kind not in ("year", "grounding")
    )
    starts = [x for x, _ in anchors]
    longest = max((y - x for x, y in anchors), default=0)

    def anchored(a: int, b: int) -> bool:  # a supported claim overlaps [a, b)
        i = bisect_left(starts, a - longest)
        j = bisect_left(starts, b)
        return any(y > a for _x, y in anchors[i:j])

    heads = heading_lines(text) if "\n" in text else []
    out: list[Claim] = []
    g: Grounding | None = None
    for s0, s1 in sentences:
        parts = _clauses(text, s0, s1, heads)
        for a, b in parts:
            if anchored(a, b):
                continue
            clause = text[a:b]
            if g is None:
                g = _grounding(ix)
            if clause.strip(" .!?").lower() in g.labels or g.licensed(clause) or g.framing(clause):
                continue
            if text.startswith(":", b) and g.lead_in(clause):
                continue
            out.append(
                Claim(
                    text=clause,
                    start=a,
                    end=b,
                    kind="grounding",
                    status="unverifiable",
                    reason=REASON,
                )
            )
    return out


UNREAD = "the checker could not read this claim, so it cannot be verified"
#: the claims that read each kind of cue word
_READ_BY = {
    "trend": frozenset({"trend", "own_extreme", "rank", "direction", "ratio"}),
    "rank": frozenset({"rank", "own_extreme"}),
    "streak": frozenset({"trend", "own_extreme", "direction", "rank"}),
    "compare": frozenset({"direction", "ratio", "rank", "trend", "own_extreme", "relation"}),
}


_DEFINES_RE = re.compile(r"[\w\s-]{0,25}\bmeans?\b", re.IGNORECASE)


def unread(
    text: str, sentences: list[tuple[int, int]], claims: list[Claim], ix: FactIndex
) -> list[Claim]:
    """An ``unverifiable`` claim for every word asserting a change, a rank or a comparison
    that no check read: a claim of the kinds that read it must overlap the word. Precision
    first: the checker passes only what it checked, so a clause it cannot read is flagged,
    not waved through because a figure beside it was right. Words inside a measure's own name
    ("requests for support from people aged 65+") are the name, not a claim."""
    cues = list(L.CLAIM_CUE_RE.finditer(lower_in_place(text))) if ix.sheets else []
    if not cues:
        return []
    spans = [(c.start, c.end, c.kind) for c in claims]
    out: list[Claim] = []
    for m in cues:
        kind = m.lastgroup or "compare"
        a, b = m.span()
        # read when a claim of a kind that reads it touches the word ("4th" + "highest")
        if any(x < b + 2 and y > a - 2 and k in _READ_BY[kind] for x, y, k in spans):
            continue
        if kind == "compare" and not L.NAMED_AFTER_RE.match(text, b):
            # a bare "is lower", "very much higher": read when its sentence's comparison was
            s0, s1 = next(((x, y) for x, y in sentences if x <= a < y), (0, len(text)))
            if any(s0 <= x < s1 and k in ("direction", "ratio") for x, _y, k in spans):
                continue
        if _DEFINES_RE.match(text, b, min(len(text), b + 30)):
            continue  # "(a lower decile means more deprived)": how to read a scale, no claim
        if L.RATING_OR_RE.search(text, max(0, a - 20), a):
            continue  # "rated good or better": a rating category, no comparison
        word = m.group(0)
        if any(word in label for label in ix.labels):  # rare: a cue word inside a label
            around = text[max(0, a - 25) : b + 25].lower()
            if any(word in label and label in around for label in ix.labels):
                continue
        out.append(
            Claim(
                text=text[a:b], start=a, end=b, kind="unread", status="unverifiable", reason=UNREAD
            )
        )
    return out


def _clauses(text: str, s0: int, s1: int, heads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses of one sentence (split after ":" and ";", and at a comma before a
    conjunction or "which"), without heading lines."""
    for h0, h1 in heads:
        if h0 >= s0 and h0 < s1:
            s0 = max(s0, h1 + 1)
    sent = text[s0:s1]
    commas = [m.end() for m in L.CLAUSE_COMMA_RE.finditer(sent)] if "," in sent else []
    if ":" not in sent and ";" not in sent and not commas and sent[:1].isalnum():
        return [(s0, s1)]  # the common case
    cuts = commas
    if ":" in sent or ";" in sent:  # not inside brackets: "(community: direct payment only)"
        cuts = sorted(
            cuts
            + [
                m.end()
                for m in _CLAUSE_RE.finditer(sent)
                if sent.count("(", 0, m.start()) <= sent.count(")", 0, m.start())
            ]
        )
    out: list[tuple[int, int]] = []
    a = 0
    for cut in [*cuts, len(sent)]:
        piece = sent[a:cut]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip().rstrip(":;").strip()
        if body and any(ch.isalnum() for ch in body):
            start = s0 + a + lead
            out.append((start, start + len(body)))
        a = cut
    return out
