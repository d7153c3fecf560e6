"""Similar councils as a comparator: peer facts computed by hand on a tiny table, the peer
table's checks, the verifier's reading of peer claims, and what texts and charts say."""

from __future__ import annotations

import asyncio
import statistics
from functools import cache
from pathlib import Path

import pytest
from obs_factory import ENGLAND, council, row, write_csv

from narrator.catalog import load_catalog
from narrator.data import PEER_COLUMNS, load_dataset, read_peer_lists
from narrator.errors import DataError
from narrator.facts import FactBuilder
from narrator.llm.offline import OfflineWriter, chart_text, summary_text
from narrator.models import PEERS_CODE, Report
from narrator.pipeline import Pipeline
from narrator.report.charts import chart_view
from narrator.verify import Verifier

CHART = "user_satisfaction"
MEASURE = "service users satisfied with their care and support"
#: the subject (A) and six councils like it, with their satisfaction shares
VALUES = {"A": 60.0, "B": 70.0, "C": 64.0, "D": 66.0, "E": 60.0, "F": 58.0, "G": 72.0}


def _tiny(tmp_path: Path, values: dict[str, float | None], peers: list[str]):
    """A dataset of councils A..G (E0600000n), England at 65, and A's peer list."""
    codes = {name: f"E0600000{i}" for i, name in enumerate(values, 1)}
    rows = [row(ENGLAND, CHART, MEASURE, 65.0, unit="percent", denominator="people surveyed")]
    for name, value in values.items():
        rows.append(
            row(council(codes[name], f"Council {name}"), CHART, MEASURE, value, unit="percent",
                denominator="people surveyed", status="reported" if value else "missing")
        )  # fmt: skip
    dataset = load_dataset([write_csv(tmp_path / "obs.csv", rows)])
    dataset.peers[codes["A"]] = tuple(codes[p] for p in peers)
    return FactBuilder(dataset, load_catalog()).sheet(codes["A"], CHART)


def _by_id(sheet, tail: str):
    return next(f for f in sheet.facts if f.id.endswith(tail))


def test_peer_median_direction_and_rank_by_hand(tmp_path: Path) -> None:
    sheet = _tiny(tmp_path, VALUES, ["B", "C", "D", "E", "F", "G"])
    median = _by_id(sheet, ":comparator_value:peers")
    assert median.value == statistics.median([70, 64, 66, 60, 58, 72]) == 65.0
    assert {k: median.detail[k] for k in ("of", "peers", "low", "high")} == {
        "of": 6, "peers": 6, "low": 58.0, "high": 72.0,
    }  # fmt: skip
    assert median.comparator_name == "similar councils" and len(median.sources) == 6
    assert _by_id(sheet, ":direction:peers").direction == "below"  # 60 vs 65: beyond 2 %
    assert _by_id(sheet, ":difference:peers").value == -5.0
    # 72, 70, 66, 64 are higher; E ties with A at 60 (shares 5th place); F is lower
    rank = _by_id(sheet, ":rank:peers")
    assert (rank.value, rank.detail["of"], rank.detail["tied"]) == (5, 7, 2)
    # England's facts are untouched by the peers: A is below England too
    assert _by_id(sheet, ":direction:england").direction == "below"


def test_too_few_peers_with_a_figure_give_no_peer_facts(tmp_path: Path) -> None:
    values = dict(VALUES, C=None, D=None)
    sheet = _tiny(tmp_path, values, ["B", "C", "D", "E", "F", "G"])  # 4 peers with a figure
    assert not [f for f in sheet.facts if f.comparator == "peers"]
    assert _by_id(sheet, ":direction:england")  # England is still compared


def test_a_council_without_a_peer_list_has_no_peer_facts(tmp_path: Path) -> None:
    sheet = _tiny(tmp_path, VALUES, [])
    assert not [f for f in sheet.facts if f.comparator == "peers"]


def _peer_file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "peers.csv"
    path.write_text(",".join(PEER_COLUMNS) + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        (["E06000016,Leicester,1,E99999999,Nowhere,0.5,1"], "row 2, field peer_code"),
        (["E06000016,Leicester,1,E06000016,Leicester,0.5,1"], "row 2, field peer_code"),
        (["E06000016,Leicester,2,E06000018,Nottingham,0.5,1"], "row 2, field rank"),
        (["E12000004,East Midlands,1,E06000018,Nottingham,0.5,1"], "row 2, field authority_code"),
    ],
)
def test_a_broken_peer_table_is_named_by_file_row_and_field(
    tmp_path: Path, lines: list[str], where: str
) -> None:
    authorities = shipped().dataset.authorities
    with pytest.raises(DataError, match=where):
        read_peer_lists(_peer_file(tmp_path, lines), authorities)
    (tmp_path / "bad.csv").write_text("authority_code,rank\nE06000016,1\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing column"):
        read_peer_lists(tmp_path / "bad.csv", authorities)


# ---- the shipped data: Leicester ------------------------------------------------------------
@cache
def shipped() -> FactBuilder:
    catalog = load_catalog()
    return FactBuilder(load_dataset(chart_ids=catalog.ids), catalog)


@cache
def leicester(chart: str = CHART):
    return shipped().sheet("E06000016", chart)


def test_the_shipped_data_loads_every_councils_peers() -> None:
    peers = shipped().dataset.peers
    assert len(peers) == 144 and all(len(p) == 15 for p in peers.values())
    median = _by_id(leicester(), ":comparator_value:peers")
    assert median.value == 65.8 and median.detail["of"] == 14  # one peer has no 2024-25 figure


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Leicester 71.7 %, England 65.1 %, its 14 similar councils' median 65.8 %, rank 1 of 15
        ("Leicester's 71.7% is above the median of its 14 similar councils (65.8%).", "pass"),
        ("Leicester had the highest share of its 15 similar councils.", "pass"),
        ("Among Leicester and its 14 similar councils, Leicester has the highest figure.", "pass"),
        ("Satisfaction in Leicester was well above councils like it.", "pass"),
        # wrong: the side, the median (England's figure), the place, the group's size
        ("At 71.7%, satisfaction in Leicester was below similar councils.", "fail"),
        ("Similar councils had a median of 65.1%.", "fail"),
        ("Leicester had the lowest share among its statistical neighbours.", "fail"),
        ("Leicester was higher than its 12 similar councils.", "fail"),
        # the peers' median said as the council's own figure is not traced to them
        ("Satisfaction in Leicester was 65.8% in 2024-25.", "fail"),
    ],
)
def test_the_verifier_reads_peer_claims(text: str, status: str) -> None:
    verdict = Verifier().verify(text, [leicester()])
    assert verdict.outcome == status, [(c.text, c.status, c.reason) for c in verdict.claims]


def test_a_peer_claim_is_bound_to_the_peers_facts_and_named_in_the_verdict() -> None:
    verdict = Verifier().verify("Similar councils had a median of 65.1%.", [leicester()])
    bad = next(c for c in verdict.claims if c.status == "contradicted")
    assert bad.reason.startswith("65.1% is England's figure, not similar councils'")


def test_offline_texts_say_how_leicester_compares_with_similar_councils() -> None:
    sheets = shipped().sheets_for("E06000016")
    blurb = chart_text(leicester())
    assert "Among Leicester and its 14 similar councils, Leicester has the highest share" in blurb
    overall = summary_text("overall", sheets, None)
    assert "Compared with councils like Leicester" in overall
    verifier = Verifier()
    assert verifier.verify(blurb, [leicester()]).outcome == "pass"
    assert verifier.verify(overall, sheets).outcome == "pass"


def test_a_contrast_with_england_is_told_in_the_blurb() -> None:
    # Surrey's carers: below England (57.7 % vs 59.1 %) but about the same as its similar
    # councils (57.8 %): a different story
    sheet = shipped().sheet("E10000030", "carers_info")
    blurb = chart_text(sheet)
    assert (
        "But Surrey's share of carers who find it easy to get information is about the same as "
        "similar councils (57.8%)." in blurb
    )
    assert Verifier().verify(blurb, [sheet]).outcome == "pass"


@cache
def leicester_report() -> Report:
    builder = shipped()
    pipeline = Pipeline(dataset=builder.dataset, catalog=builder.catalog, writer=OfflineWriter())
    return asyncio.run(pipeline.authority_report(builder.dataset.authority("Leicester")))


def test_charts_draw_the_peer_median_with_its_range() -> None:
    report = leicester_report()
    block = next(b for b in report.charts if b.chart.id == CHART)
    peers = [p for p in block.points if p.authority_code == PEERS_CODE]
    assert {p.period for p in peers} >= {"2024-25", "2023-24"}
    latest = next(p for p in peers if p.period == "2024-25")
    assert (latest.value, latest.of, latest.low, latest.high) == (65.8, 14, 57.6, 70.1)
    view = chart_view(block, "E06000016", "Leicester")
    line = next(p for p in view.panels if p.kind == "line")
    names = [t.get("name") for t in line.figure["data"]]
    assert "Typical similar council" in names and "Similar councils: lowest to highest" in names
    assert "Typical similar council: the middle figure" in line.note
    assert any(r.area == "Typical similar council" for r in view.rows)


def test_every_chart_with_a_compared_council_figure_shows_similar_councils() -> None:
    report = leicester_report()
    sheets = {s.chart_id: s for s in shipped().sheets_for("E06000016")}
    shown = 0
    for block in report.charts:
        compared = any(f.comparator == "peers" for f in sheets[block.chart.id].facts)
        drawn = any(p.authority_code == PEERS_CODE for p in block.points)
        assert drawn == compared, block.chart.id
        shown += drawn
        if drawn:  # a bar of the median carries a whisker of their range
            bars = [
                t
                for panel in chart_view(block, "E06000016", "Leicester").panels
                for t in panel.figure["data"]
                if t.get("type") == "bar" and t.get("name") == "Typical similar council"
            ]
            assert all("error_y" in t or "error_x" in t for t in bars)
    assert shown >= 15
