"""Render ``outputs/<slug>/report.html`` and ``outputs/index.html`` from typed reports.

>>> render_report(report, Path("outputs"))  # doctest: +SKIP
PosixPath('outputs/leicester/report.html')

Templates live in ``templates/`` (autoescape on); CSS/JS in ``static/`` are copied with
plotly.js (from the installed ``plotly`` package) to ``outputs/assets/``, so a report opens from
disk without any network.
"""

from __future__ import annotations

import shutil
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import plotly
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from narrator.models import Chart, ChartBlock, Report, SectionBlock, TextRecord
from narrator.paths import atomic_write_text
from narrator.readability import readability
from narrator.report.charts import ChartView, chart_view
from narrator.report.format import script_json
from narrator.report.provenance import ProvenanceIndex, render_body
from narrator.report.shelf import REPORT_FILE, read_report

STATIC_DIR = Path(__file__).with_name("static")
ASSET_FILES = ("narrator.css", "narrator.js", "review.js")
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

STATUS_NOTES = {
    "verified": "",
    "repaired": "The first AI draft had a mistake; it was corrected and checked again.",
    "fallback": (
        "This text was written by narrator's built-in fact writer, because the AI text did not "
        "pass checking against the figures."
    ),
    "unverified": "This AI text has not been checked against the figures.",
    "failed": "No text passed our checks for this block, so none is shown.",
    "edited": "A person reviewed this text and corrected it; the correction was checked "
    "against the figures again.",
}
AVAILABILITY = {
    "no_data": "No data available for this local authority.",
    "no_la_data": "Not available at local authority level: these figures are not published "
    "for individual councils.",
    "discontinued": "No longer collected: this information is not published any more, so there "
    "are no recent figures.",
}


class ReportSummary(BaseModel):
    """One line of the index page."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    slug: str
    region: str = ""
    synthetic: bool = False
    generated_at: str = ""
    charts_with_data: int = 0
    charts: int = 0

    @classmethod
    def of(cls, report: Report) -> ReportSummary:
        """Summarise a full report for the index."""
        a = report.authority
        return cls(
            code=a.code,
            name=a.name,
            slug=a.slug,
            region=a.region_name,
            synthetic=a.synthetic,
            generated_at=report.generated_at,
            charts_with_data=sum(1 for c in report.charts if c.status == "ok"),
            charts=len(report.charts),
        )


@dataclass
class AiBlock:
    """A ✨ AI text block with its vote buttons."""

    text: TextRecord | None
    html: Markup
    note: str
    kind: str  # chart | section | overall


@dataclass
class ChartCtx:
    chart: Chart
    block: ChartBlock
    view: ChartView
    ai: AiBlock
    state: str  # ok | no_data | no_la_data | discontinued
    message: str


@dataclass
class SectionCtx:
    block: SectionBlock
    charts: list[ChartCtx] = field(default_factory=list)
    summary: AiBlock | None = None


def nice_date(stamp: str) -> str:
    """``2025-06-01T12:00:00Z`` → ``1 June 2025`` (unparseable stamps are returned as given).

    >>> nice_date("2025-06-01T12:00:00Z")
    '1 June 2025'
    """
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return f"{when.day} {when:%B %Y}"


def environment() -> Environment:
    """The Jinja2 environment of the report templates (autoescape always on)."""
    env = Environment(
        loader=PackageLoader("narrator.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["script_json"] = script_json
    env.filters["nice_date"] = nice_date
    return env


def copy_assets(out_dir: Path) -> Path:
    """Copy plotly.min.js, CSS and JS to ``out_dir/assets`` (only what changed)."""
    assets = out_dir / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    sources = [STATIC_DIR / name for name in ASSET_FILES] + [PLOTLY_JS]
    for src in sources:
        dst = assets / src.name
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            tmp = dst.with_name(f".{dst.name}.tmp")
            shutil.copyfile(src, tmp)
            tmp.replace(dst)
    return assets


def _ai_block(report: Report, text_id: str, kind: str, idx: ProvenanceIndex) -> AiBlock:
    try:
        text = report.text(text_id)
    except KeyError:
        return AiBlock(None, Markup(""), "This text is missing from the report.", kind)
    return AiBlock(text, render_body(text, idx), STATUS_NOTES.get(text.status, ""), kind)


def _chart_ctx(report: Report, block: ChartBlock, idx: ProvenanceIndex) -> ChartCtx:
    view = chart_view(block, report.authority.code, report.authority.name)
    # the table names each source by its publication, not by the internal source id
    rows = [replace(r, source=idx.source_name(r.source)) for r in view.rows]
    view = replace(view, rows=rows)
    availability = block.chart.availability
    if availability in ("no_la_data", "discontinued"):
        state = availability
    elif block.status != "ok" or not block.points:
        state = block.status if block.status != "ok" else "no_data"
    else:
        state = "ok"
    message = AVAILABILITY.get(state, "")
    if state == "ok" and not view.panels:
        message = "There are no figures to draw for this chart; see the table below."
    ai = _ai_block(report, block.text_id, "chart", idx)
    return ChartCtx(block.chart, block, view, ai, state, message)


def report_context(report: Report) -> dict[str, object]:
    """Everything the report template needs, computed in Python (templates stay dumb)."""
    points = [p for block in report.charts for p in block.points]
    names = {report.authority.code: report.authority.name}
    idx = ProvenanceIndex(points, report.sources, names)
    blocks = {b.chart.id: b for b in report.charts}
    sections = []
    for sec in report.sections:
        ctx = SectionCtx(sec)
        ctx.charts = [_chart_ctx(report, blocks[c], idx) for c in sec.chart_ids if c in blocks]
        ctx.summary = _ai_block(report, sec.summary_text_id, "section", idx)
        sections.append(ctx)
    figures = {p.id: p.figure for s in sections for c in s.charts for p in c.view.panels}
    text_ids = [t.id for t in report.texts]
    return {
        "report": report,
        "authority": report.authority,
        "overall": _ai_block(report, report.overall_text_id, "overall", idx),
        "sections": sections,
        "figures": figures,
        "page": {"slug": report.authority.slug, "textIds": text_ids, "api": "/api"},
        "sources": page_sources(report, points),
        "reading": reading_levels(report),
        "assets": "../assets",
        "home": "../index.html",
    }


def reading_levels(report: Report) -> str:
    """ "chart texts 6.7, summaries 5.4": the median Flesch-Kincaid grade of the page's chart
    texts and of its summaries (figures counted as one short word; see narrator.readability),
    for the technical details; "" when the page has no text."""
    grades: dict[str, list[float]] = {"chart texts": [], "summaries": []}
    for t in report.texts:
        if t.body and t.status != "failed":
            grades["chart texts" if t.kind == "chart" else "summaries"].append(
                readability(t.body).grade
            )
    return ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in grades.items() if v)


def page_sources(report: Report, points: list) -> list[tuple[str, str]]:
    """(attribution line, publisher's page or "") of the sources this page's figures come
    from, by their names (never internal source ids; a synthetic-data source only on a
    synthetic council)."""
    used = {p.source for p in points}
    return [
        (line, report.source_links.get(sid, ""))
        for sid, line in sorted(report.sources.items())
        if sid in used and (sid != "synthetic" or report.authority.synthetic)
    ]


def render_report_html(report: Report) -> str:
    """The report page as a string."""
    return environment().get_template("report.html.j2").render(**report_context(report))


def render_report(report: Report, out_dir: Path) -> Path:
    """Write ``out_dir/<slug>/report.html`` atomically (and the shared assets); return its path."""
    out_dir = Path(out_dir)
    copy_assets(out_dir)
    path = out_dir / report.authority.slug / "report.html"
    atomic_write_text(path, render_report_html(report))
    return path


def render_index(reports: list[Report] | list[ReportSummary], out_dir: Path) -> Path:
    """Write ``out_dir/index.html``: every authority, with a client-side search box."""
    out_dir = Path(out_dir)
    copy_assets(out_dir)
    rows = [r if isinstance(r, ReportSummary) else ReportSummary.of(r) for r in reports]
    rows.sort(key=lambda r: (r.synthetic, r.name.lower()))
    html = environment().get_template("index.html.j2").render(reports=rows, assets="assets")
    path = out_dir / "index.html"
    atomic_write_text(path, html)
    return path


def load_reports(out_dir: Path, skip: Iterable[str] = ()) -> list[Report]:
    """Every ``out_dir/*/report.json`` (sorted by folder name, except the folders in ``skip``),
    parsed. A file that cannot be read or parsed (cut short, edited by hand) is left out with a
    one-line warning on stderr, never a crash: the other reports still serve and render."""
    skipped = set(skip)
    paths = sorted(Path(out_dir).glob(f"*/{REPORT_FILE}"))
    found = (read_report(p) for p in paths if p.parent.name not in skipped)
    return [report for report in found if report is not None]
