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
import re
from dataclasses import dataclass, field
from typing import Any

from narrator.models import ChartBlock, SeriesPoint
from narrator.report.format import denominator_phrase, format_value, unit_label

SUBJECT_COLOUR = "#0b5d6b"  # dark teal
COMPARATOR_COLOURS = ("#b35900", "#5f5f5f", "#7a4fa3", "#2f6d2f")  # orange, grey, purple, green
ENGLAND_CODE = "E92000001"
CATEGORY_COLOURS = ("#0b5d6b", "#b35900", "#7a4fa3", "#2f6d2f", "#a4231a", "#5f5f5f")
MAX_ALT_POINTS = 12
MAX_LINES = 6  # more series than this over several periods: bars of the latest period
ABSOLUTE_UNITS = frozenset({"count", "gbp_thousands", "people"})  # totals, not rates


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


#: line styles for a second and third series of one area (its colour stays the area's)
_DASHES = ("solid", "dash", "dot")


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
        "title": {"text": _axis_title(axis_title)},
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


def _period_key(period: str) -> tuple[int, str]:
    """Order periods by the year they end in (``2023-24`` → 2024), then as written."""
    m = re.match(r"(\d{4})(?:[-/](\d{2,4}))?", period)
    if not m:
        return (0, period)
    end = m.group(2)
    year = int(m.group(1)) if not end else int(end) if len(end) == 4 else int(m.group(1)[:2] + end)
    return (year, period)


def _line_traces(
    points: list[SeriesPoint],
    areas: list[tuple[str, str]],
    categories: list[str],
    subject: str,
    axis: str,
) -> list[dict[str, Any]]:
    """One line per (area, category): each area keeps its colour on every chart (the council,
    its region, England), and its categories differ by line style; with one area, colour by
    category."""
    traces = []
    for i, (code, name) in enumerate(areas):
        for j, cat in enumerate(categories):
            mine = sorted(
                (p for p in points if p.authority_code == code and _label(p) == cat),
                key=lambda p: _period_key(p.period),
            )
            if not mine:
                continue
            label = name if len(categories) == 1 else cat if len(areas) == 1 else f"{name}: {cat}"
            colour = (
                _colour(code, subject, i)
                if len(areas) > 1 or len(categories) == 1
                else CATEGORY_COLOURS[j % len(CATEGORY_COLOURS)]
            )
            dash = _DASHES[j % len(_DASHES)] if len(areas) > 1 else "solid"
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines+markers",
                    "name": _plotly_text(label),
                    "x": [p.period for p in mine],
                    "y": [_y(p) for p in mine],
                    "customdata": [_hover(p, axis) for p in mine],
                    "hovertemplate": "<b>%{fullData.name}</b><br>%{customdata}<extra></extra>",
                    "line": {"color": colour, "width": 3, "dash": dash},
                    "marker": {"color": colour, "size": 7},
                }
            )
    return traces


def _bar_traces(
    points: list[SeriesPoint],
    areas: list[tuple[str, str]],
    categories: list[str],
    subject: str,
    axis: str,
    horizontal: bool,
) -> list[dict[str, Any]]:
    """One bar trace per area, a bar per category."""
    traces = []
    for i, (code, name) in enumerate(areas):
        by_cat = {_label(p): p for p in points if p.authority_code == code}
        mine = [by_cat[c] for c in categories if c in by_cat]
        cats = [_wrap(_label(p)) for p in mine]
        values = [_y(p) for p in mine]
        trace: dict[str, Any] = {
            "type": "bar",
            "name": _plotly_text(name),
            "customdata": [_hover(p, axis) for p in mine],
            "hovertemplate": "<b>%{fullData.name}</b><br>%{customdata}<extra></extra>",
            "marker": {"color": _colour(code, subject, i)},
        }
        trace |= (
            {"orientation": "h", "y": cats, "x": values} if horizontal else {"x": cats, "y": values}
        )
        traces.append(trace)
    return traces


def _panel(
    block: ChartBlock, idx: int, points: list[SeriesPoint], subject: str, subject_name: str
) -> Panel | None:
    if not any(p.value is not None for p in points):
        return None
    unit, denominator = points[0].unit, points[0].denominator
    axis = _plot_axis(unit, denominator)
    note = ""
    if unit in ABSOLUTE_UNITS and any(p.authority_code == subject for p in points):
        if any(p.authority_code != subject for p in points):
            note = (
                f"Only {subject_name}'s own totals are drawn: totals for larger areas are "
                "much bigger and would hide them. All figures are in the table."
            )
        points = [p for p in points if p.authority_code == subject]
    categories = list(dict.fromkeys(_label(p) for p in points))
    periods = sorted({p.period for p in points}, key=_period_key)
    measures = list(dict.fromkeys(p.measure for p in points))
    one = len(measures) == 1
    title = measures[0][:1].upper() + measures[0][1:] if one else axis[:1].upper() + axis[1:]
    areas = _area_order(points, subject)
    line = len(periods) > 1 and len(categories) * len(areas) <= MAX_LINES
    horizontal = not line and len(categories) > 2
    if not line and len(periods) > 1:  # many series over many periods: latest of each
        latest: dict[tuple[str, str], SeriesPoint] = {}
        for p in sorted(points, key=lambda p: _period_key(p.period)):
            latest[(p.authority_code, _label(p))] = p
        points = list(latest.values())
        note = (note + " " if note else "") + (
            "Bars show the latest period of each figure; every period is in the table."
        )
    kind = "line" if line else "bar"
    if kind == "bar" and len(categories) == 1:
        return _single_panel(block, idx, points, subject, areas, title, axis, note)
    if line:
        traces = _line_traces(points, areas, categories, subject, axis)
    else:
        traces = _bar_traces(points, areas, categories, subject, axis, horizontal)
    layout = _layout(axis, kind, horizontal, round(len(categories) * max(len(areas), 2.2)))
    layout["showlegend"] = len(traces) > 1
    if line:
        layout["xaxis"] |= {"categoryorder": "array", "categoryarray": periods}
    return Panel(
        id=f"plot-{block.chart.id}-{idx}",
        title=title,
        kind=kind,
        axis_label=axis,
        figure={"data": traces, "layout": layout},
        alt=_alt_text(kind, f"{block.chart.title}: {title}", points, axis),
        note=note,
    )


def _money(unit: str) -> bool:
    return unit.startswith("gbp_thousands")


def _y(p: SeriesPoint) -> float | None:
    """The plotted value: money in £ thousands is drawn in £ million (easier to read)."""
    return p.value / 1000 if p.value is not None and _money(p.unit) else p.value


def _plot_axis(unit: str, denominator: str) -> str:
    label = unit_label(unit, denominator)
    return label.replace("£ thousands", "£ million") if _money(unit) else label


def _hover(p: SeriesPoint, axis: str = "") -> str:
    """Hover text: the value as published, what it is of, and the period."""
    shown = format_value(p.value, p.unit, p.suppressed)
    if _money(p.unit) and p.value is not None and not p.suppressed:
        shown = f"£{p.value / 1000:,.1f} million ({shown})"
    of = denominator_phrase(p.unit, p.denominator)
    return _plotly_text(f"{shown}{' ' + of if of else ''} · {p.period}")


def _wrap(label: str, width: int = 18) -> str:
    """Escaped category label, broken into lines of about ``width`` characters (phones)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(_plotly_text(line) for line in lines)


def _axis_title(text: str, width: int = 28) -> str:
    """Escaped axis title, broken over two lines when long (fits a phone-height plot)."""
    if len(text) <= width:
        return _plotly_text(text)
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return _plotly_text(text)
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return _plotly_text(text[:cut]) + "<br>" + _plotly_text(text[cut + 1 :])


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
        "y": [_y(by_area[code]) for _, code, _ in shown],
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


def chart_view(block: ChartBlock, subject_code: str, subject_name: str = "") -> ChartView:
    """Panels and value-table rows of one chart block (empty when it has no data)."""
    groups: dict[tuple[str, str], list[SeriesPoint]] = {}
    for p in block.points:
        if p.unit != "category":
            groups.setdefault((p.unit, p.denominator), []).append(p)
    panels = []
    for i, pts in enumerate(groups.values()):
        panel = _panel(block, i, pts, subject_code, subject_name or subject_code)
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
