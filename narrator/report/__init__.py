"""The HTML report: one page per authority plus an index, rendered from typed reports."""

from narrator.report.render import (
    ReportSummary,
    copy_assets,
    load_reports,
    render_index,
    render_report,
    render_report_html,
)

__all__ = [
    "ReportSummary",
    "copy_assets",
    "load_reports",
    "render_index",
    "render_report",
    "render_report_html",
]
