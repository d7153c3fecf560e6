"""Plotly figure specs, text alternatives and value tables for one chart block.

A chart block's points (the council plus its comparators) are split into *panels*: one per
(unit, denominator), so values are only drawn on a shared axis when they are comparable.
A panel is a line chart over periods when it holds one measure with several periods, otherwise
a grouped bar chart (horizontal when there are several categories, so long labels fit a phone).

Every string handed to Plotly is HTML-escaped first: Plotly renders its labels from a small
HTML-like markup and decodes entities, so escaped text shows literally and never becomes markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from narrator.models import ChartBlock, SeriesPoint
from narrator.report.format import format_value, unit_label

SUBJECT_COLOUR = "#0b5d6b"  # dark teal
COMPARATOR_COLOURS = ("#b35900", "#5f5f5f", "#7a4fa3", "#2f6d2f")  # orange, grey, purple, green
ENGLAND_CODE = "E92000001"
MAX_ALT_POINTS = 12


@dataclass(frozen=True)
class Panel:
    """One plot of a chart block: a Plotly figure plus its text alternative."""

    id: str
    title: str
    kind: str  # "bar" | "line"
    axis_label: str
    figure: dict[str, Any]
    alt: str
    note: str = ""


@dataclass(frozen=True)
class TableRow:
    area: str
    measure: str
    breakdown: str
    period: str
    value: str
    unit: str
    source: str


@dataclass(frozen=True)
class ChartView:
    """What the template needs to draw one chart block."""

    panels: list[Panel] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)


def _plotly_text(text: str) -> str:
    """Escape text for Plotly's label markup (shown literally, never interpreted)."""
    return html.escape(text, quote=False)


def _label(point: SeriesPoint) -> str:
    label = point.breakdown or point.measure
    return label[:1].upper() + label[1:]


def _area_order(points: list[SeriesPoint], subject_code: str) -> list[tuple[str, str]]:
    """(code, name) of every area, subject first, England last."""
    seen: dict[str, str] = {}
    for p in points:
        seen.setdefault(p.authority_code, p.authority_name)

    def rank(code: str) -> int:
        return 0 if code == subject_code else 2 if code == ENGLAND_CODE else 1

    return sorted(seen.items(), key=lambda item: rank(item[0]))


def _colour(code: str, subject_code: str, index: int) -> str:
    if code == subject_code:
        return SUBJECT_COLOUR
    if code == ENGLAND_CODE:
        return COMPARATOR_COLOURS[1]
    return COMPARATOR_COLOURS[(index * 2) % len(COMPARATOR_COLOURS)]


def _layout(axis_title: str, kind: str, horizontal: bool, n_bars: int) -> dict[str, Any]:
    value_axis = {
        "title": {"text": _plotly_text(axis_title)},
        "rangemode": "tozero",
        "automargin": True,
        "gridcolor": "#d9d9d9",
        "zerolinecolor": "#8a8a8a",
    }
    cat_axis: dict[str, Any] = {"automargin": True, "type": "category"}
    if kind == "line":
        cat_axis["title"] = {"text": "Period"}
    if horizontal:
        cat_axis["autorange"] = "reversed"
    height = max(280, 90 + n_bars * 22) if horizontal else 320
    return {
        "barmode": "group",
        "height": height,
        "margin": {"l": 8, "r": 16, "t": 36, "b": 8},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "showlegend": kind == "line" or n_bars > 1,
        "separators": ".,",
        "bargap": 0.3,
        "font": {
            "family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
            "size": 13,
            "color": "#1a1a1a",
        },
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "hoverlabel": {"namelength": -1},
        "xaxis": value_axis if horizontal else cat_axis,
        "yaxis": cat_axis if horizontal else value_axis,
    }


def _alt_text(kind: str, title: str, points: list[SeriesPoint], axis: str) -> str:
    shown = [p for p in points if p.value is not None][:MAX_ALT_POINTS]
    parts = [
        f"{p.authority_name}, {_label(p)}, {p.period}: "
        f"{format_value(p.value, p.unit, p.suppressed)}"
        for p in shown
    ]
    more = len([p for p in points if p.value is not None]) - len(shown)
    tail = f"; and {more} more values in the table below" if more > 0 else ""
    word = "Line chart" if kind == "line" else "Bar chart"
    return f"{word} of {title} ({axis}). " + "; ".join(parts) + tail + "."


def _panel(block: ChartBlock, idx: int, points: list[SeriesPoint], subject: str) -> Panel | None:
    plotted = [p for p in points if p.value is not None]
    if not plotted:
        return None
    unit, denominator = points[0].unit, points[0].denominator
    axis = unit_label(unit, denominator)
    categories = list(dict.fromkeys(_label(p) for p in points))
    periods = sorted({p.period for p in points})
    measures = list(dict.fromkeys(p.measure for p in points))
    title = measures[0][:1].upper() + measures[0][1:] if len(measures) == 1 else axis.capitalize()
    areas = _area_order(points, subject)
    note = ""
    if len(periods) > 1 and len(categories) == 1:
        kind, horizontal = "line", False
    else:
        kind, horizontal = "bar", len(categories) > 2
        if len(periods) > 1:  # several categories and periods: show the latest of each
            latest: dict[tuple[str, str], SeriesPoint] = {}
            for p in sorted(points, key=lambda p: p.period):
                latest[(p.authority_code, _label(p))] = p
            points = list(latest.values())
            note = "Bars show the latest period of each figure; every period is in the table."
    if kind == "bar" and len(categories) == 1:
        return _single_panel(block, idx, points, subject, areas, title, axis, note)
    traces = []
    for i, (code, name) in enumerate(areas):
        mine = [p for p in points if p.authority_code == code]
        if kind == "line":
            mine = sorted(mine, key=lambda p: p.period)
            xs = [p.period for p in mine]
        else:
            by_cat = {_label(p): p for p in mine}
            mine = [by_cat[c] for c in categories if c in by_cat]
            xs = [_plotly_text(_label(p)) for p in mine]
        ys = [p.value for p in mine]
        hover = [_hover(p, axis) for p in mine]
        trace: dict[str, Any] = {
            "type": "scatter" if kind == "line" else "bar",
            "name": _plotly_text(name),
            "customdata": hover,
            "hovertemplate": "<b>%{fullData.name}</b><br>%{customdata}<extra></extra>",
            "marker": {"color": _colour(code, subject, i)},
        }
        if kind == "line":
            trace |= {
                "mode": "lines+markers",
                "x": xs,
                "y": ys,
                "line": {"color": _colour(code, subject, i), "width": 3},
            }
        elif horizontal:
            trace |= {"orientation": "h", "y": xs, "x": ys}
        else:
            trace |= {"x": xs, "y": ys}
        traces.append(trace)
    n_bars = len(categories) * len(areas)
    figure = {"data": traces, "layout": _layout(axis, kind, horizontal, n_bars)}
    return Panel(
        id=f"plot-{block.chart.id}-{idx}",
        title=title,
        kind=kind,
        axis_label=axis,
        figure=figure,
        alt=_alt_text(kind, f"{block.chart.title}: {title}", points, axis),
        note=note,
    )


def _hover(p: SeriesPoint, axis: str) -> str:
    return _plotly_text(f"{format_value(p.value, p.unit, p.suppressed)} {axis} ({p.period})")


def _single_panel(
    block: ChartBlock,
    idx: int,
    points: list[SeriesPoint],
    subject: str,
    areas: list[tuple[str, str]],
    title: str,
    axis: str,
    note: str,
) -> Panel:
    """One measure, one period: a bar per area, named on the axis (no legend needed)."""
    by_area = {p.authority_code: p for p in points if p.value is not None}
    shown = [(i, code, name) for i, (code, name) in enumerate(areas) if code in by_area]
    trace = {
        "type": "bar",
        "x": [_plotly_text(name) for _, _, name in shown],
        "y": [by_area[code].value for _, code, _ in shown],
        "customdata": [_hover(by_area[code], axis) for _, code, _ in shown],
        "hovertemplate": "<b>%{x}</b><br>%{customdata}<extra></extra>",
        "marker": {"color": [_colour(code, subject, i) for i, code, _ in shown]},
        "name": _plotly_text(title),
    }
    layout = _layout(axis, "bar", False, 1)
    layout["height"] = 300
    return Panel(
        id=f"plot-{block.chart.id}-{idx}",
        title=title,
        kind="bar",
        axis_label=axis,
        figure={"data": [trace], "layout": layout},
        alt=_alt_text("bar", f"{block.chart.title}: {title}", points, axis),
        note=note,
    )


def chart_view(block: ChartBlock, subject_code: str) -> ChartView:
    """Panels and value-table rows of one chart block (empty when it has no data)."""
    groups: dict[tuple[str, str], list[SeriesPoint]] = {}
    for p in block.points:
        if p.unit != "category":
            groups.setdefault((p.unit, p.denominator), []).append(p)
    panels = []
    for i, pts in enumerate(groups.values()):
        panel = _panel(block, i, pts, subject_code)
        if panel is not None:
            panels.append(panel)
    rows = [
        TableRow(
            area=p.authority_name,
            measure=p.measure,
            breakdown=p.breakdown,
            period=p.period,
            value=format_value(p.value, p.unit, p.suppressed),
            unit=unit_label(p.unit, p.denominator),
            source=p.source,
        )
        for p in block.points
    ]
    return ChartView(panels=panels, rows=rows)
