"""Chart panels drawn from real reports: one way of counting time per axis, legends in plain
words, and titles that say which part of a measure a single bar counts."""

from __future__ import annotations

import asyncio
import re

import pytest

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.llm.offline import OfflineWriter
from narrator.models import Report
from narrator.pipeline import Pipeline
from narrator.report.charts import chart_view

# Leicester (a city with published-report figures beside the national tables), a county, a
# London borough, a small unitary and a metropolitan district
COUNCILS = ("Leicester", "Kent", "Lambeth", "Rutland", "Birmingham")
YEAR = re.compile(r"^(?:19|20)\d\d$")
FINANCIAL = re.compile(r"^(?:19|20)\d\d-\d\d$")


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    catalog = load_catalog()
    dataset = load_dataset(chart_ids=catalog.ids)
    pipeline = Pipeline(dataset=dataset, catalog=catalog, writer=OfflineWriter())

    async def build() -> list[Report]:
        return [await pipeline.authority_report(dataset.authority(n)) for n in COUNCILS]

    return asyncio.run(build())


def _panels(report: Report):
    for block in report.charts:
        for panel in chart_view(block, report.authority.code, report.authority.name).panels:
            yield block, panel


def test_no_axis_mixes_single_years_with_financial_years(reports: list[Report]) -> None:
    mixed_blocks = 0
    for report in reports:
        for block in report.charts:
            periods = {p.period for p in block.points if p.unit != "category"}
            kinds = {bool(YEAR.match(p)) for p in periods if YEAR.match(p) or FINANCIAL.match(p)}
            mixed_blocks += len(kinds) == 2
        for block, panel in _panels(report):
            for trace in panel.figure["data"]:
                # a line over periods (not the similar councils' range, drawn without hover)
                if trace["type"] == "scatter" and trace.get("hoverinfo") != "skip":
                    xs = set(trace["x"])
                    assert all(YEAR.match(x) for x in xs) or all(FINANCIAL.match(x) for x in xs), (
                        block.chart.id,
                        sorted(xs),
                    )
    # Leicester's published-report figures ("2024") sit beside the yearly tables ("2023-24"),
    # so the split is exercised, and each such panel says why it stands apart
    assert mixed_blocks >= 5
    leicester = reports[0]
    notes = [p.note for _, p in _panels(leicester) if "dated by a single year" in p.note]
    assert notes


def test_legends_and_bar_names_use_plain_words(reports: list[Report]) -> None:
    catalog = load_catalog()
    technical = {w.breakdown for w in catalog.wording if w.breakdown} - {
        w.plain for w in catalog.wording
    }
    seen = 0
    for report in reports:
        for block, panel in _panels(report):
            for trace in panel.figure["data"]:
                legend = panel.figure["layout"]["showlegend"]
                names = [trace["name"]] if legend else []
                names += list(trace["y"] if trace.get("orientation") == "h" else trace["x"])
                for name in names:
                    flat = str(name).replace("<br>", " ").lower()
                    assert flat not in {t.lower() for t in technical}, (block.chart.id, name)
                    assert "(" not in flat and "lsoa" not in flat, (block.chart.id, name)
                    seen += 1
    assert seen > 500


def test_shared_words_are_said_once_and_single_bars_say_what_they_count(
    reports: list[Report],
) -> None:
    kent = reports[1]
    op_types = next(b for b in kent.charts if b.chart.id == "op_care_types")
    panel = chart_view(op_types, kent.authority.code, kent.authority.name).panels[0]
    names = {n.replace("<br>", " ") for t in panel.figure["data"] for n in t["y"]}
    # "people aged 65 and over getting" is said once by the title, not in every bar name
    assert "Long-term care in a nursing home" in names
    assert not any(n.lower().startswith("people aged") for n in names)

    leicester = reports[0]
    cqc = next(b for b in leicester.charts if b.chart.id == "providers_cqc")
    titles = [p.title for p in chart_view(cqc, leicester.authority.code).panels]
    assert "Care providers by CQC rating: requires improvement or inadequate" in titles
