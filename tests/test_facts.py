"""Fact computation with hand-checked expectations."""

from __future__ import annotations

import pytest

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder, direction_of
from tests.obs_factory import EAST_MIDLANDS, ENGLAND, LEICESTER, council, row, write_csv

REQ = "requests for support from people aged 65+"
SAT = "people using services who are satisfied with their care and support"


@pytest.fixture(scope="module")
def builder(tmp_path_factory):
    others = [council(f"E0600{i:04d}", f"Town {i:02d}") for i in range(1, 12)]
    rows = [
        row(LEICESTER, "op_need", REQ, 2199),
        row(ENGLAND, "op_need", REQ, 2438),
        row(EAST_MIDLANDS, "op_need", REQ, 2199 * 1.01),  # within 2 %: about the same
        row(LEICESTER, "wa_need", "requests for support from people aged 18-64", 1194),
        row(ENGLAND, "wa_need", "requests for support from people aged 18-64", 1143),
        # satisfaction: a time series for ranks and trends
        *[
            row(
                LEICESTER,
                "user_satisfaction",
                SAT,
                v,
                period=p,
                period_end=e,
                unit="percent",
                denominator="people using services surveyed",
            )
            for p, e, v in [
                ("2021-22", 2022, 66.0),
                ("2022-23", 2023, 63.5),
                ("2023-24", 2024, 61.8),
            ]
        ],
        row(
            ENGLAND,
            "user_satisfaction",
            SAT,
            65.4,
            period="2023-24",
            unit="percent",
            denominator="people using services surveyed",
        ),
        # 11 other councils 60.0 .. 70.0: nine (62..70) are higher, so Leicester (61.8) is 10th
        *[
            row(
                c,
                "user_satisfaction",
                SAT,
                60.0 + i,
                period="2023-24",
                unit="percent",
                denominator="people using services surveyed",
            )
            for i, c in enumerate(others)
        ],
        # population for rate -> count
        row(
            LEICESTER,
            "population",
            "resident population",
            380000,
            period="2023",
            period_end=2023,
            unit="count",
            denominator="",
        ),
        # care types: shares
        row(
            LEICESTER,
            "op_care_types",
            "people aged 65+ receiving long-term support",
            37,
            breakdown="nursing",
        ),
        row(
            LEICESTER,
            "op_care_types",
            "people aged 65+ receiving long-term support",
            63,
            breakdown="residential",
        ),
        row(
            ENGLAND,
            "op_care_types",
            "people aged 65+ receiving long-term support",
            122,
            breakdown="nursing",
        ),
        # suppressed helpline count and a missing latest value
        row(
            LEICESTER,
            "helpline_requests",
            "helpline requests about safeguarding",
            5,
            suppressed=True,
            unit="count",
            denominator="",
        ),
        row(
            LEICESTER,
            "carers_info",
            "carers who find it easy to get information",
            43.3,
            period="2021-22",
            period_end=2022,
            unit="percent",
            denominator="carers surveyed",
        ),
        row(
            LEICESTER,
            "carers_info",
            "carers who find it easy to get information",
            None,
            period="2023-24",
            period_end=2024,
            unit="percent",
            denominator="carers surveyed",
            status="missing",
        ),
        # regional-only chart
        row(
            EAST_MIDLANDS,
            "workforce_vacancy",
            "vacancy rate",
            7.2,
            unit="percent",
            denominator="posts",
        ),
        row(ENGLAND, "workforce_vacancy", "vacancy rate", 8.4, unit="percent", denominator="posts"),
    ]
    path = write_csv(tmp_path_factory.mktemp("facts") / "obs.csv", rows)
    catalog = load_catalog()
    return FactBuilder(load_dataset([path], chart_ids=catalog.ids), catalog)


def facts_by_kind(sheet, kind, comparator=None):
    return [
        f
        for f in sheet.facts
        if f.kind == kind and (comparator is None or f.comparator == comparator)
    ]


def test_direction_tolerance_is_two_percent():
    assert direction_of(102, 100) == "about_same"
    assert direction_of(102.01, 100) == "above"
    assert direction_of(97.9, 100) == "below"


def test_leicester_older_people_requests_are_below_england(builder):
    sheet = builder.sheet("E06000016", "op_need")
    assert sheet.status == "ok"
    (value,) = facts_by_kind(sheet, "value")
    assert (value.value, value.unit, value.denominator, value.period) == (
        2199,
        "per_100k",
        "residents",
        "2024",
    )
    (direction,) = facts_by_kind(sheet, "direction", "england")
    assert direction.direction == "below"
    (diff,) = facts_by_kind(sheet, "difference", "england")
    assert diff.value == pytest.approx(-239)
    assert diff.detail["relative_pct"] == pytest.approx(-9.8, abs=0.01)
    (ratio,) = facts_by_kind(sheet, "ratio", "england")
    assert ratio.value == pytest.approx(0.902, abs=0.001)
    (region_dir,) = facts_by_kind(sheet, "direction", "region")
    assert region_dir.direction == "about_same" and region_dir.comparator_name == "East Midlands"
    # provenance: both cells behind the comparison
    assert {s.authority_code for s in direction.sources} == {"E06000016", "E92000001"}


def test_working_age_requests_are_above_england(builder):
    (direction,) = facts_by_kind(builder.sheet("E06000016", "wa_need"), "direction", "england")
    assert direction.direction == "above"


def test_count_estimate_uses_matching_population(builder):
    (est,) = facts_by_kind(builder.sheet("E06000016", "op_need"), "count_estimate")
    assert est.value == pytest.approx(2199 * 380000 / 100000, abs=0.1)  # 8,356.2
    assert est.detail["population"] == 380000 and est.unit == "count"


def test_rank_quartile_and_trend(builder):
    sheet = builder.sheet("E06000016", "user_satisfaction")
    (rank,) = facts_by_kind(sheet, "rank")
    assert (rank.value, rank.detail["of"]) == (10, 12)
    (quartile,) = facts_by_kind(sheet, "quartile")
    assert quartile.value == 4
    (trend,) = facts_by_kind(sheet, "trend")
    assert trend.direction == "down"
    assert trend.value == pytest.approx(-4.2)
    assert (trend.detail["first_period"], trend.detail["last_period"]) == ("2021-22", "2023-24")
    assert trend.detail["n_periods"] == 3


def test_no_rank_with_fewer_than_ten_councils(builder):
    assert facts_by_kind(builder.sheet("E06000016", "op_need"), "rank") == []


def test_shares_of_care_settings(builder):
    sheet = builder.sheet("E06000016", "op_care_types")
    shares = {f.breakdown: f.value for f in facts_by_kind(sheet, "share")}
    assert shares == {"nursing": 37.0, "residential": 63.0}
    nursing_dir = [
        f for f in facts_by_kind(sheet, "direction", "england") if f.breakdown == "nursing"
    ]
    assert nursing_dir[0].direction == "below"


def test_suppressed_value_is_not_an_exact_value(builder):
    sheet = builder.sheet("E06000016", "helpline_requests")
    assert facts_by_kind(sheet, "value") == []
    (sup,) = facts_by_kind(sheet, "suppressed")
    assert sup.detail["upper_bound"] == 5 and "not an exact number" in sup.text_hint


def test_missing_latest_value_is_flagged_and_older_value_kept(builder):
    sheet = builder.sheet("E06000016", "carers_info")
    (missing,) = facts_by_kind(sheet, "missing")
    assert missing.period == "2023-24"
    (value,) = facts_by_kind(sheet, "value")
    assert (value.value, value.period) == (43.3, "2021-22")


def test_no_data_and_no_la_data_states(builder):
    empty = builder.sheet("E06000016", "ombudsman")
    assert empty.status == "no_data" and [f.kind for f in empty.facts] == ["no_data"]
    assert builder.sheet("E06000016", "budget_cuts").status == "no_la_data"
    assert builder.sheet("E06000016", "dtoc").status == "discontinued"


def test_regional_chart_uses_region_values_and_says_so(builder):
    sheet = builder.sheet("E06000016", "workforce_vacancy")
    assert sheet.status == "ok"
    assert facts_by_kind(sheet, "note")[0].text_hint.startswith(
        "These figures are for the whole East Midlands"
    )
    (value,) = facts_by_kind(sheet, "value")
    assert value.value == 7.2 and value.subject == "E12000004"
    (direction,) = facts_by_kind(sheet, "direction", "england")
    assert direction.direction == "below"


def test_every_catalogue_chart_gets_a_sheet(builder):
    sheets = builder.sheets_for("E06000016")
    assert [s.chart_id for s in sheets] == [c.id for c in load_catalog().charts]
    assert len({s.content_hash() for s in sheets}) == len(sheets)
