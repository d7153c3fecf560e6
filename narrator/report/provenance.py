"""AI text to safe HTML, with every verified number marked up with its source (provenance).

The body is untrusted (LLM output). It is cut at the claim spans of its verdict and at paragraph
breaks; each piece is escaped on its own with :func:`markupsafe.escape`, and supported claims
become ``<span class="prov" title="…">`` whose tooltip names the source value and source. No
raw text is ever concatenated into markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import Markup, escape

from narrator.models import Claim, SeriesPoint, SourceRef, TextRecord
from narrator.report.format import denominator_phrase, format_value

UNMARKED_KINDS = frozenset({"year", "period", "date"})  # labels, not figures from the data
WORDED_KINDS = frozenset({"direction", "trend", "rank", "ratio", "fraction", "comparison"})
PointKey = tuple[str, str, str, str]  # authority code, measure, breakdown, period
_PARAGRAPH = re.compile(r"(?:(?!\n[ \t]*\n).)+", re.S)
_MD_HEADING = re.compile(r"^\s*(?:#{1,6}\s+(?P<h>.+?)|\*\*(?P<b>.+?)\*\*:?)\s*$")

#: a cell reference into a CSV file ("line 11, column 'leicester'"): for maintainers, not readers
_FILE_CELL = re.compile(r"line \d+", re.IGNORECASE)

SPAN = Markup(
    '<span class="prov prov-{kind}" tabindex="0" title="{tip}" data-claim-kind="{kind}">'
    "{text}</span>"
)


class ProvenanceIndex:
    """Looks up units, denominators and area names for source references of one report."""

    def __init__(
        self,
        points: list[SeriesPoint],
        sources: Mapping[str, str] | None = None,
        names: Mapping[str, str] | None = None,
    ):
        self.points: dict[PointKey, SeriesPoint] = {
            (p.authority_code, p.measure, p.breakdown, p.period): p for p in points
        }
        self.names = dict(names or {})
        for p in points:
            self.names.setdefault(p.authority_code, p.authority_name)
        self.sources = dict(sources or {})

    def describe(self, ref: SourceRef, claim: Claim) -> str:
        """One source as a tooltip line, e.g. ``2,199 per 100,000 adults aged 65+ — …``."""
        point = self.points.get((ref.authority_code, ref.measure, ref.breakdown, ref.period))
        unit = point.unit if point else claim.unit
        denominator = point.denominator if point else ""
        value = ref.value if ref.value is not None else (point.value if point else None)
        shown = format_value(value, unit) if value is not None else "value not recorded"
        label = denominator_phrase(unit, denominator)
        what = ref.measure + (f" ({ref.breakdown})" if ref.breakdown else "")
        area = self.names.get(ref.authority_code, ref.authority_code)
        where = ", ".join(x for x in (ref.table, ref.cell) if x and not _FILE_CELL.match(x))
        source = self.source_name(ref.source) + (f" ({where})" if where else "")
        return f"{shown}{' ' + label if label else ''} — {area}, {what}, {ref.period} — {source}"

    def source_name(self, source_id: str) -> str:
        """A source by its publisher and title ("NHS Digital, Adult Social Care Activity and
        Finance Report, England 2021-22"), from its attribution line; never the internal id
        unless the report has no attribution for it."""
        line = self.sources.get(source_id, "")
        first = line.removeprefix("Source:").strip().split(". ")[0].strip().rstrip(".")
        return first or source_id

    def tooltip(self, claim: Claim) -> str:
        """All sources of a supported claim, or what it was checked against."""
        if claim.kind in WORDED_KINDS and claim.expected:
            sources = sorted({self.source_name(ref.source) for ref in claim.sources})
            tail = f" — {', '.join(sources)}" if sources else ""
            return f"Checked: {claim.expected}{tail}"
        if claim.sources:
            return "; ".join(self.describe(ref, claim) for ref in claim.sources)
        return f"Checked: {claim.expected or claim.reason or 'matches the figures for this chart'}"


def _marked_claims(text: TextRecord) -> list[Claim]:
    """Supported claims whose spans fit the body, in order, without overlaps."""
    if text.verdict is None:
        return []
    out: list[Claim] = []
    end = 0
    for c in sorted(text.verdict.claims, key=lambda c: (c.start, -c.end)):
        if c.status != "supported" or c.kind in UNMARKED_KINDS:
            continue
        if not (end <= c.start < c.end <= len(text.body)):
            continue
        out.append(c)
        end = c.end
    return out


def _escape_lines(text: str) -> Markup:
    """Escape plain text; single newlines become ``<br>``."""
    return Markup("<br>\n").join(escape(line) for line in text.split("\n"))


def _segment(body: str, start: int, stop: int, claims: list[Claim], idx: ProvenanceIndex) -> Markup:
    """Escaped ``body[start:stop]`` with claim spans wrapped; single newlines become ``<br>``."""
    parts: list[Markup] = []
    pos = start
    for c in claims:
        if c.start < start or c.end > stop:
            continue
        parts.append(_escape_lines(body[pos : c.start]))
        parts.append(SPAN.format(tip=idx.tooltip(c), kind=c.kind, text=body[c.start : c.end]))
        pos = c.end
    parts.append(_escape_lines(body[pos:stop]))
    return Markup("").join(parts)


def _heading(line: str, has_more: bool) -> str | None:
    """The title of a titled paragraph (markdown heading, bold line or a short label line)."""
    m = _MD_HEADING.match(line)
    if m:
        return m.group("h") or m.group("b")
    stripped = line.strip()
    if has_more and 0 < len(stripped) <= 60 and stripped[-1] not in ".!?:;,":
        return stripped
    return None


def render_body(text: TextRecord, idx: ProvenanceIndex) -> Markup:
    """HTML for an AI text block: ``<h4>`` titles, ``<p>`` paragraphs, provenance spans."""
    body = text.body
    claims = _marked_claims(text)
    out: list[Markup] = []
    for m in _PARAGRAPH.finditer(body):
        chunk = m.group(0).lstrip()
        if not chunk.strip():
            continue
        start, stop = m.end() - len(chunk), m.end()
        first, nl, rest = chunk.partition("\n")
        title = _heading(first, bool(rest.strip()))
        if title is not None:
            out.append(Markup('<h4 class="ai-subhead">{}</h4>').format(title.strip()))
            start += len(first) + len(nl)
            if not rest.strip():
                continue
        lead = len(body[start:stop]) - len(body[start:stop].lstrip())
        para = _segment(body, start + lead, stop, claims, idx)
        out.append(Markup("<p>{}</p>").format(para))
    return Markup("\n").join(out)
