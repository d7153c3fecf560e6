"""verify_text on the spec's Tone examples and on every planted failure mode."""

from __future__ import annotations

import pytest

from narrator.models import TextRecord
from narrator.verify import check_consistency, verify_text, violations_feedback
from narrator.verify.sample import LEICESTER, sample_builder

FB = sample_builder()


def sheets(*charts: str):
    return [FB.sheet(LEICESTER.code, c) for c in charts]


TONE = {
    "op_need": "In 2024 Leicester had about 2,200 requests for care from people aged 65 and over "
    "for every 100,000 residents. That is lower than the England average of about 2,400. About 12 "
    "in every 100 people in Leicester are 65 or older, fewer than across England (about 18).",
    "carers_info": "Fewer than half of carers in Leicester (43 in every 100) found it easy to get "
    "information about support. Across England it was nearer 6 in 10.",
    "gross_expenditure": "In 2023-24 Leicester spent about £52 million on adult social care for "
    "every 100,000 residents, around £197 million in all. That is about 9% more per resident than "
    "the England average of about £48 million per 100,000.",
}


@pytest.mark.parametrize("chart", sorted(TONE))
def test_tone_examples_pass(chart):
    verdict = verify_text(TONE[chart], sheets(chart))
    assert verdict.outcome == "pass", [(c.text, c.reason) for c in verdict.claims]
    assert len(verdict.claims) >= 3
    assert all(c.fact_ids for c in verdict.claims if c.kind != "year")


@pytest.mark.parametrize(
    "text",
    [
        "Leicester had 2,199 requests for support per 100,000 residents in 2024.",
        "Leicester had two thousand two hundred requests for support per 100,000 residents.",
        "Requests from older people were roughly 2,000 per 100,000 residents, below England.",
        "Leicester had just under 2,200 requests for support for every 100,000 residents.",
        "Leicester's nursing care rate for people aged 65+ (37 per 100,000) is less than a third "
        "of England's 122.",
        "Direct payments for older people in Leicester are more than three times the England rate.",
        "Leicester is a little above England for requests from working-age adults (1,194 against "
        "1,143 per 100,000 residents).",
        "Spending went up between 2022-23 and 2023-24.",
        "The average delay was 0.53 days, shorter than England's 0.7 days.",
    ],
)
def test_correct_paraphrases_pass(text):
    charts = ["op_need", "op_care_types", "wa_need", "gross_expenditure", "average_delay"]
    verdict = verify_text(text, sheets(*charts))
    assert verdict.outcome == "pass", [(c.text, c.status, c.reason) for c in verdict.claims]


CASES = [
    # (mode, chart, text, the quoted claim that must be flagged, status)
    ("wrong_direction", "op_need", "Leicester had 2,199 requests per 100,000 residents, more than "
     "the England average of 2,438.", "more than the England", "contradicted"),
    ("wrong_number", "op_need", "Leicester had about 3,000 requests for support per 100,000 "
     "residents.", "about 3,000", "contradicted"),
    ("wrong_denominator", "op_need", "Leicester had 2,199 requests per 100,000 older people.",
     "2,199", "contradicted"),
    ("overstated_ratio", "op_care_types", "England's nursing rate for older people is more than "
     "double Leicester's... Leicester's rate is more than double England's.", "more than double",
     "contradicted"),
    ("unit_slip", "gross_expenditure", "Leicester spent £52,000 for every 100,000 residents.",
     "£52,000", "contradicted"),
    ("invented_trend", "op_need", "Requests from older people have gone down.", "gone down",
     "unverifiable"),
    ("wrong_trend", "gross_expenditure", "Gross spending fell between 2022-23 and 2023-24.",
     "fell", "contradicted"),
    ("rank_error", "op_need", "For requests from older people Leicester is among the highest "
     "councils.", "among the highest", "contradicted"),
    ("causal", "op_need", "Requests are lower because the council is failing older people.",
     "because", "unverifiable"),
    ("wrong_count", "op_need", "Leicester had 2,199 requests per 100,000 residents. That is about "
     "20,000 people in all.", "about 20,000", "contradicted"),
    ("wrong_year", "op_need", "In 2019 Leicester had 2,199 requests per 100,000 residents.",
     "2019", "contradicted"),
    ("majority", "carers_info", "Most carers in Leicester found it easy to get information.",
     "Most carers", "contradicted"),
    ("nearly_half", "carers_info", "Nearly half of carers in England found it easy to get "
     "information.", "Nearly half", "contradicted"),
    ("slight_overstated", "op_care_types", "Leicester's nursing care rate for older people is "
     "slightly below England.", "slightly below England", "contradicted"),
    ("swapped", "op_need", "Leicester had 2,438 requests per 100,000 residents.", "2,438",
     "contradicted"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mode", "chart", "text", "quote", "status"), CASES, ids=[c[0] for c in CASES]
)
def test_failure_modes_are_caught(mode, chart, text, quote, status):
    verdict = verify_text(text, sheets(chart))
    assert verdict.outcome == "fail"
    flagged = [c for c in verdict.claims if c.status != "supported"]
    hit = [c for c in flagged if quote in c.text or c.text in quote]
    assert hit, [(c.text, c.status, c.reason) for c in verdict.claims]
    assert hit[-1].status == status
    assert hit[-1].reason


def test_contradiction_carries_expected_value_and_source():
    verdict = verify_text(
        "Leicester had 2,199 requests per 100,000 residents, above England.", sheets("op_need")
    )
    bad = next(c for c in verdict.claims if c.status == "contradicted")
    assert "below" in bad.expected and "2,438" in bad.expected
    assert bad.sources and bad.sources[0].authority_code == LEICESTER.code
    feedback = violations_feedback(verdict)
    assert feedback == [
        "You wrote 'above England' but Leicester (2,199) is below England (2,438). "
        "Correct it or remove it."
    ]


def test_section_summary_checked_against_all_its_sheets():
    text = (
        "Leicester had about 2,200 requests from older people per 100,000 residents, and "
        "37 older people per 100,000 were in nursing care, far below England's 122."
    )
    assert verify_text(text, sheets("op_need")).outcome == "fail"  # 37 is not on op_need
    assert verify_text(text, sheets("op_need", "op_care_types")).outcome == "pass"


def test_consistency_across_report():
    chart = TextRecord(
        id="t1",
        kind="chart",
        authority_code=LEICESTER.code,
        chart_id="op_need",
        body="About 18% of people in England are 65 or over.",
        backend="x",
        model="x",
        prompt_version="v1",
        fact_sheet=FB.sheet(LEICESTER.code, "op_need"),
    )
    summary = chart.model_copy(
        update={"id": "t2", "kind": "overall", "body": "Across England almost 19% are 65 or older."}
    )
    same = chart.model_copy(update={"id": "t3", "body": "In England it is about 18%."})
    flagged = check_consistency([chart, summary, same])
    assert [c.text for c in flagged] == ["almost 19%"]
    assert "t1" in flagged[0].reason and "t2" in flagged[0].reason
    assert check_consistency([chart, same]) == []


def test_inconsistent_figures_within_one_text_fail():
    verdict = verify_text(
        "England's share is 18%. Across England almost 19% are 65 or over.", sheets("op_need")
    )
    assert verdict.outcome == "fail"


def test_no_data_statement_needs_a_sheet_without_data():
    """A sentence with no number is grounded only by what the sheet licenses: "no data" is
    true of a discontinued chart, and an unsupported claim about a chart that has data."""
    text = "No data is available for Leicester on this chart."
    assert verify_text(text, sheets("dtoc")).outcome == "pass"
    verdict = verify_text(text, sheets("op_need"))
    assert verdict.outcome == "fail"
    assert [c.reason for c in verdict.claims] == ["no fact supports this sentence"]
