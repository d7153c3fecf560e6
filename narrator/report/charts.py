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
from dataclasses import dataclass, field, replace
from typing import Any

from narrator.models import PEERS_CODE, ChartBlock, SeriesPoint
from narrator.report.format import denominator_phrase, format_value, unit_label
from narrator.verify.periods import chronological, years_of

SUBJECT_COLOUR = "#0b5d6b"  # dark teal
ENGLAND_COLOUR = "#5f5f5f"  # grey
REGION_COLOUR = "#7a4fa3"  # purple
PEERS_COLOUR = "#b35900"  # burnt orange
PEERS_RANGE_COLOUR = "rgba(179, 89, 0, 0.15)"
ENGLAND_CODE = "E92000001"
CATEGORY_COLOURS = ("#0b5d6b", "#b35900", "#7a4fa3", "#2f6d2f", "#a4231a", "#5f5f5f")
DATED = {  # note on a panel whose figures are counted in one kind of year, when the other is too
    True: "These figures are dated by a single year, as their source gives them; figures for "
    "financial or survey years (such as 2023-24) are drawn separately.",
    False: "These figures are for financial or survey years (such as 2023-24); figures dated "
    "by a single year are drawn separately.",
}
#: what the similar councils' figures on a panel are
PEERS_NOTE = (
    "Typical similar council: the middle figure of the councils most like {name} in "
    "deprivation, age, size and type; the thin line or shaded band runs from the lowest of them "
    "to the highest."
)
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


Names = dict[tuple[str, str], str]


def _series_names(points: list[SeriesPoint]) -> Names:
    """Legend and axis names of a panel's series, in plain words where the catalogue has them
    ("Care at home paid for only by a direct payment", not "community: direct payment only").
    Words every name shares ("people aged 65 and over getting …") are said once, in the title,
    and left out of each name, unless that would leave a name of one word."""
    full = {(p.measure, p.breakdown): p.plain or p.breakdown or p.measure for p in points}
    words = [name.split() for name in full.values()]
    n = 0
    while len(words) > 1 and all(len(w) > n + 2 for w in words) and len({w[n] for w in words}) == 1:
        n += 1
    return {key: _capital(" ".join(name.split()[n:])) for key, name in full.items()}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(point: SeriesPoint, names: Names) -> str:
    return names[(point.measure, point.breakdown)]


def _dated_by_year(period: str) -> bool:
    """A period written as one year ("2024"), not as a financial or survey year ("2023-24")."""
    return not years_of(period)[1]


#: line styles for a second and third series of one area (its colour stays the area's)
_DASHES = ("solid", "dash", "dot")


def _area_order(points: list[SeriesPoint], subject_code: str) -> list[tuple[str, str]]:
    """(code, name) of every area, subject first, England last."""
    seen: dict[str, str] = {}
    for p in points:
        seen.setdefault(p.authority_code, p.authority_name)

    def rank(code: str) -> int:
        order = {subject_code: 0, PEERS_CODE: 2, ENGLAND_CODE: 3}
        return order.get(code, 1)  # the region

    return sorted(seen.items(), key=lambda item: rank(item[0]))


def _colour(code: str, subject_code: str) -> str:
    """One colour per area on every chart: the council, its region, its similar councils and
    England."""
    if code == subject_code:
        return SUBJECT_COLOUR
    return {ENGLAND_CODE: ENGLAND_COLOUR, PEERS_CODE: PEERS_COLOUR}.get(code, REGION_COLOUR)


def _spread(p: SeriesPoint) -> tuple[float, float] | None:
    """How far a median point's lowest and highest councils lie below and above it (plotted
    units), or None for a single area's point."""
    if p.authority_code != PEERS_CODE or p.value is None or p.low is None or p.high is None:
        return None
    scale = 1000 if _money(p.unit) else 1  # money is drawn in £ million
    return (p.value - p.low) / scale, (p.high - p.value) / scale


def _layout(axis_title: str, kind: str, horizontal: bool, height: int = 320) -> dict[str, Any]:
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
    return {
        "barmode": "group",
        "height": height,
        "margin": {"l": 8, "r": 16, "t": 36, "b": 8},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "showlegend": False,  # a panel of several traces turns it on
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


def _alt_text(kind: str, title: str, points: list[SeriesPoint], axis: str, names: Names) -> str:
    shown = [p for p in points if p.value is not None][:MAX_ALT_POINTS]
    parts = [
        f"{p.authority_name}, {_label(p, names)}, {p.period}: "
        f"{format_value(p.value, p.unit, p.suppressed)}"
        for p in shown
    ]
    more = len([p for p in points if p.value is not None]) - len(shown)
    tail = f"; and {more} more values in the table below" if more > 0 else ""
    word = "Line chart" if kind == "line" else "Bar chart"
    return f"{word} of {title} ({axis}). " + "; ".join(parts) + tail + "."


def _range_band(points: list[SeriesPoint]) -> list[dict[str, Any]]:
    """A shaded band from the similar councils' lowest to highest value in each period."""
    spreads = [_spread(p) for p in points]
    if not all(spreads):
        return []
    x = [p.period for p in points]
    lows = [(_y(p) or 0) - d[0] for p, d in zip(points, spreads, strict=True) if d]
    highs = [(_y(p) or 0) + d[1] for p, d in zip(points, spreads, strict=True) if d]
    common = {"type": "scatter", "mode": "lines", "x": x, "hoverinfo": "skip",
              "name": "Similar councils: lowest to highest",
              "line": {"width": 0, "color": PEERS_RANGE_COLOUR}}  # fmt: skip
    return [
        common | {"y": lows, "showlegend": False},
        common | {"y": highs, "fill": "tonexty", "fillcolor": PEERS_RANGE_COLOUR},
    ]


def _line_traces(
    points: list[SeriesPoint],
    areas: list[tuple[str, str]],
    categories: list[str],
    periods: list[str],
    subject: str,
    axis: str,
    names: Names,
) -> list[dict[str, Any]]:
    """One line per (area, category): each area keeps its colour on every chart (the council,
    its region, England), and its categories differ by line style; with one area, colour by
    category."""
    traces = []
    for code, name in areas:
        for j, cat in enumerate(categories):
            mine = sorted(
                (p for p in points if p.authority_code == code and _label(p, names) == cat),
                key=lambda p: periods.index(p.period),
            )
            if not mine:
                continue
            label = name if len(categories) == 1 else cat if len(areas) == 1 else f"{name}: {cat}"
            colour = (
                _colour(code, subject)
                if len(areas) > 1 or len(categories) == 1
                else CATEGORY_COLOURS[j % len(CATEGORY_COLOURS)]
            )
            dash = _DASHES[j % len(_DASHES)] if len(areas) > 1 else "solid"
            if code == PEERS_CODE and len(categories) == 1:
                traces += _range_band(mine)
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines+markers",
                    "name": _wrap(label, 32),
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
    names: Names,
) -> list[dict[str, Any]]:
    """One bar trace per area, a bar per category."""
    traces = []
    for code, name in areas:
        by_cat = {_label(p, names): p for p in points if p.authority_code == code}
        mine = [by_cat[c] for c in categories if c in by_cat]
        cats = [_wrap(_label(p, names)) for p in mine]
        values = [_y(p) for p in mine]
        trace: dict[str, Any] = {
            "type": "bar",
            "name": _plotly_text(name),
            "customdata": [_hover(p, axis) for p in mine],
            "hovertemplate": "<b>%{fullData.name}</b><br>%{customdata}<extra></extra>",
            "marker": {"color": _colour(code, subject)},
        }
        trace |= (
            {"orientation": "h", "y": cats, "x": values} if horizontal else {"x": cats, "y": values}
        )
        spreads = [_spread(p) for p in mine]
        if code == PEERS_CODE and all(spreads):  # their lowest to highest, as a whisker
            error = {
                "type": "data", "symmetric": False, "color": PEERS_COLOUR, "thickness": 1.5,
                "arrayminus": [d[0] for d in spreads if d], "array": [d[1] for d in spreads if d],
            }  # fmt: skip
            trace["error_x" if horizontal else "error_y"] = error
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
    if any(p.authority_code == PEERS_CODE for p in points):
        note = (note + " " if note else "") + PEERS_NOTE.format(name=subject_name)
    names = _series_names(points)
    categories = list(dict.fromkeys(_label(p, names) for p in points))
    periods = chronological({p.period for p in points})
    measures = list(dict.fromkeys(p.measure for p in points))
    title = _capital(measures[0] if len(measures) == 1 else axis)
    if len(categories) == 1 and points[0].breakdown:  # say which part of the measure is drawn
        title = f"{title}: {points[0].breakdown}"
    areas = _area_order(points, subject)
    line = len(periods) > 1 and len(categories) * len(areas) <= MAX_LINES
    horizontal = not line and len(categories) > 2
    if not line and len(periods) > 1:  # many series over many periods: latest of each
        latest: dict[tuple[str, str], SeriesPoint] = {}
        for p in sorted(points, key=lambda p: periods.index(p.period)):
            latest[(p.authority_code, _label(p, names))] = p
        points = list(latest.values())
        note = (note + " " if note else "") + (
            "Bars show the latest period of each figure; every period is in the table."
        )
    kind = "line" if line else "bar"
    if kind == "bar" and len(categories) == 1:
        return _single_panel(block, idx, points, subject, areas, title, axis, note, names)
    if line:
        traces = _line_traces(points, areas, categories, periods, subject, axis, names)
    else:
        traces = _bar_traces(points, areas, categories, subject, axis, horizontal, names)
    layout = _layout(
        axis, kind, horizontal, _bars_height(categories, len(areas)) if horizontal else 320
    )
    layout["showlegend"] = len(traces) > 1
    if line:
        layout["xaxis"] |= {"categoryorder": "array", "categoryarray": periods}
    return Panel(
        id=f"plot-{block.chart.id}-{idx}",
        title=title,
        kind=kind,
        axis_label=axis,
        figure={"data": traces, "layout": layout},
        alt=_alt_text(kind, f"{block.chart.title}: {title}", points, axis, names),
        note=note,
    )


def _bars_height(categories: list[str], n_areas: int) -> int:
    """Height of a horizontal bar chart: each category gets room for its bars and for every line
    of its wrapped name, so names on a phone never run into each other."""
    rows = sum(max(n_areas, 2) * 22 + _wrap(c).count("<br>") * 17 for c in categories)
    return max(280, 90 + rows)


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
    spread = ""
    if p.authority_code == PEERS_CODE and p.low is not None and p.high is not None:
        low, high = (format_value(v, p.unit, False) for v in (p.low, p.high))
        spread = f" · the middle of {p.of} similar councils, from {low} to {high}"
    return _plotly_text(f"{shown}{' ' + of if of else ''} · {p.period}{spread}")


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
    names: Names,
) -> Panel:
    """One measure, one period: a bar per area, named on the axis (no legend needed)."""
    by_area = {p.authority_code: p for p in points if p.value is not None}
    shown = [(code, name) for code, name in areas if code in by_area]
    trace = {
        "type": "bar",
        "x": [_plotly_text(name) for _, name in shown],
        "y": [_y(by_area[code]) for code, _ in shown],
        "customdata": [_hover(by_area[code], axis) for code, _ in shown],
        "hovertemplate": "<b>%{x}</b><br>%{customdata}<extra></extra>",
        "marker": {"color": [_colour(code, subject) for code, _ in shown]},
        "name": _plotly_text(title),
    }
    traces: list[dict[str, Any]] = [trace]
    peers = by_area.get(PEERS_CODE)
    spread = _spread(peers) if peers is not None else None
    if peers is not None and spread is not None:  # their lowest to highest, over their bar
        mid, name = _y(peers) or 0.0, _plotly_text(peers.authority_name)
        traces.append(
            {"type": "scatter", "mode": "lines+markers", "x": [name, name],
             "y": [mid - spread[0], mid + spread[1]], "hoverinfo": "skip", "showlegend": False,
             "name": "Similar councils: lowest to highest",
             "line": {"color": PEERS_COLOUR, "width": 1.5},
             "marker": {"color": PEERS_COLOUR, "symbol": "line-ew-open", "size": 12}}
        )  # fmt: skip
    layout = _layout(axis, "bar", False, 300)
    return Panel(
        id=f"plot-{block.chart.id}-{idx}",
        title=title,
        kind="bar",
        axis_label=axis,
        figure={"data": traces, "layout": layout},
        alt=_alt_text("bar", f"{block.chart.title}: {title}", points, axis, names),
        note=note,
    )


def chart_view(block: ChartBlock, subject_code: str, subject_name: str = "") -> ChartView:
    """Panels and value-table rows of one chart block (empty when it has no data).

    Figures dated by a single year ("2024") and by a financial or survey year ("2023-24") are
    drawn on separate panels: one axis never mixes the two ways of counting time."""
    groups: dict[tuple[str, str, bool], list[SeriesPoint]] = {}
    for p in block.points:
        if p.unit != "category":
            groups.setdefault((p.unit, p.denominator, _dated_by_year(p.period)), []).append(p)
    panels = []
    for i, ((unit, denominator, by_year), pts) in enumerate(groups.items()):
        panel = _panel(block, i, pts, subject_code, subject_name or subject_code)
        if panel is None:
            continue
        if (unit, denominator, not by_year) in groups:
            panel = replace(panel, note=" ".join(filter(None, [panel.note, DATED[by_year]])))
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
