"""The offline writer on real shipped data: correct by construction, short, deterministic."""

from __future__ import annotations

import asyncio
import re

import pytest

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder
from narrator.llm import get_writer
from narrator.llm.base import GenerationRequest
from narrator.llm.offline import chart_text, summary_text
from narrator.salience import findings, headline_order, series_of
from narrator.text import fmt_value
from narrator.verify import verify_text

SENTENCE = re.compile(r"(?<=[.!?])\s+")


@pytest.fixture(scope="module")
def builder():
    catalog = load_catalog()
    return FactBuilder(load_dataset(chart_ids=catalog.ids), catalog)


@pytest.fixture(scope="module")
def leicester(builder):
    return builder.sheets_for("E06000016")


def test_every_leicester_blurb_is_short_and_plain(leicester):
    for sheet in leicester:
        text = chart_text(sheet)
        sentences = SENTENCE.split(text)
        assert 1 <= len(sentences) <= 5, (sheet.chart_id, text)
        if sheet.status == "ok":  # a figure alone is too thin; a figure with England's is not
            enough = len(sentences) >= 2 or "England" in text
            assert enough or sheet.chart_id in {"density"}, (sheet.chart_id, text)
        words = [len(s.split()) for s in sentences]
        assert max(words) <= 40, (sheet.chart_id, text)
        assert sum(words) / len(words) <= 25, (sheet.chart_id, text)


def test_every_number_in_offline_blurbs_is_in_the_fact_sheet(leicester):
    """Correct by construction: the verifier traces every figure of every blurb."""
    for sheet in leicester:
        text = chart_text(sheet)
        verdict = verify_text(text, [sheet])
        wrong = [c for c in verdict.claims if c.status == "contradicted"]
        assert wrong == [], (sheet.chart_id, text, wrong)


def test_op_need_states_reference_figures(leicester):
    op = next(s for s in leicester if s.chart_id == "op_need")
    text = chart_text(op)
    assert "2,199 requests for help from people aged 65 and over for every 100,000" in text
    assert "lower than England (2,438)" in text


def test_a_measure_per_another_denominator_that_compares_the_other_way_is_said(leicester):
    """Leicester's requests from older people are below England per 100,000 residents (its
    published 2024 figure) but above England per 100,000 adults aged 65+ (the national
    2021-22 table): the blurb says both, so the first does not mislead on its own."""
    op = next(s for s in leicester if s.chart_id == "op_need")
    text = chart_text(op)
    assert "for every 100,000 residents, lower than England (2,438)" in text
    assert (
        "But Leicester had 16,825 requests for help from people aged 65 and over for every "
        "100,000 adults aged 65+ in 2021-22, higher than England (13,065)." in text
    )
    # a measure whose other denominator compares the same way is stated once
    wa = next(s for s in leicester if s.chart_id == "wa_need")
    assert "But " not in chart_text(wa)


def test_one_figure_per_measure(leicester):
    """When two sources give the same measure, only the most recent is stated."""
    info = next(s for s in leicester if s.chart_id == "carers_info")
    text = chart_text(info)
    assert text.count("carers who find it easy to get information") == 1


def test_no_data_states(builder):
    sheet = builder.sheet("E06000016", "sufficiency")
    assert "not published for each council" in chart_text(sheet)
    assert not re.search(r"\d", chart_text(builder.sheet("E06000016", "la_cqc_rating")))


def test_deterministic_and_varied(builder):
    texts = [
        chart_text(builder.sheet(a.code, "user_satisfaction"))
        for a in builder.dataset.councils()[:40]
    ]
    again = [
        chart_text(builder.sheet(a.code, "user_satisfaction"))
        for a in builder.dataset.councils()[:40]
    ]
    assert texts == again
    openings = {t.split(",")[0].split(" ")[0] for t in texts}
    assert len(openings) >= 2  # more than one sentence shape is used


def test_summary_has_titled_paragraphs(leicester):
    section = [s for s in leicester if s.section == "Carers"]
    text = summary_text("section", section, "Carers")
    titles = [p.split("\n", 1)[0] for p in text.split("\n\n")]
    assert titles[0] in ("Where Leicester does well", "Where Leicester does less well")
    assert titles[-1] == "What we cannot tell from the data"
    assert "Carers coming to us for help" in text  # the chart with no data is named


#: a unitary city, a county, a London borough, a small unitary, a metropolitan district
KINDS = ["E06000016", "E10000016", "E09000022", "E06000017", "E08000025"]


@pytest.mark.parametrize("code", KINDS)
def test_the_overall_summary_says_what_is_good_bad_changing_and_missing(builder, code):
    """Four headings; at least two strengths and two concerns where the data has them (a
    better or worse figure than England on a measure with a better way); every sentence
    verified against the report's sheets."""
    sheets = builder.sheets_for(code)
    name = sheets[0].authority.name
    text = summary_text("overall", sheets, None)
    found = findings(sheets)
    strengths = [f for f in found if f.kind == "strength"]
    concerns = [f for f in found if f.kind == "concern"]
    paragraphs = {p.split("\n", 1)[0]: p for p in text.split("\n\n")}
    for title in (
        f"Where {name} does well",
        f"Where {name} does less well",
        "What is changing",
        "What we cannot tell from the data",
    ):
        assert title in paragraphs, (title, list(paragraphs))
    well, less = paragraphs[f"Where {name} does well"], paragraphs[f"Where {name} does less well"]
    assert well.count("better than England") >= min(2, len(strengths))
    assert less.count("worse than England") >= min(2, len(concerns))
    assert verify_text(text, sheets).outcome == "pass"
    assert 150 <= len(text.split()) <= 450


def test_writer_interface(leicester):
    writer = get_writer("offline")
    request = GenerationRequest(
        kind="chart", authority=leicester[0].authority, fact_sheets=[leicester[0]]
    )
    reply = asyncio.run(writer.write(request))
    assert reply.text == chart_text(leicester[0]) and reply.model == writer.model


@pytest.mark.parametrize(
    ("code", "meaning"),
    [("E06000016", "Leicester is more deprived"), ("E06000041", "Wokingham is less deprived")],
)
def test_the_deprivation_blurb_says_which_way_the_number_points(builder, code, meaning):
    """A higher average rank of small areas is more deprived (IMD 2019 File 11): the blurb says
    so in words, and the verifier checks it."""
    sheet = builder.sheet(code, "deprivation_rank")
    text = chart_text(sheet)
    assert f"{meaning} than England" in text
    assert verify_text(text, [sheet]).outcome == "pass"


def test_a_measure_with_a_better_way_is_called_better_or_worse_than_england(builder):
    satisfaction = chart_text(builder.sheet("E06000016", "user_satisfaction"))  # 71.7 vs 65.1
    turnover = chart_text(builder.sheet("E06000016", "workforce_turnover"))  # 19.6 vs 23.7
    spending = chart_text(builder.sheet("E06000016", "gross_expenditure"))  # no better way
    assert "So this is better than England." in satisfaction
    assert "So this is better than England." in turnover  # lower turnover is better
    assert "better than England" not in spending and "worse than England" not in spending


def test_a_regional_chart_names_the_region_as_the_figures_owner(builder):
    """Workforce vacancy is published for regions only: the blurb must not call the East
    Midlands figure Leicester's."""
    text = chart_text(builder.sheet("E06000016", "workforce_vacancy"))
    assert text.startswith("These figures are for the whole East Midlands region")
    assert "in East Midlands was" in text or "For East Midlands," in text
    assert "in Leicester was" not in text and "For Leicester," not in text
    money = chart_text(builder.sheet("E06000016", "client_contributions"))
    assert "the money people paid towards their own care in Leicester was" in money


#: technical labels and codes that mean nothing to residents
INTERNAL = re.compile(
    r"LSOA|Oflog|\(community:|CQC rating \(|age-standardised|\(respite\)|\(nursing\)|"
    r"\(residential\)|\(good or outstanding\)|\(requires improvement|\(direct payment"
)


def test_no_internal_label_appears_in_any_text_of_any_council(builder):
    """Every chart blurb and summary of every council says measures in plain words
    (data/wording.yaml), never the technical labels of the source tables."""
    catalog = builder.catalog
    seen = 0
    for authority in builder.dataset.councils():
        sheets = builder.sheets_for(authority.code)
        texts = [chart_text(s) for s in sheets] + [summary_text("overall", sheets, None)]
        for section in catalog.sections:
            part = [s for s in sheets if s.section == section.name]
            texts.append(summary_text("section", part, section.name))
        for text in texts:
            seen += 1
            assert not INTERNAL.search(text), (authority.name, INTERNAL.search(text), text)
    assert seen > 6000


def test_each_blurbs_first_sentence_states_its_charts_headline_finding(builder):
    """The first sentence of every chart blurb of every council gives the headline series'
    figure and how it compares with England (the series salience puts first), when the chart
    has the council's own figures and an England comparison."""
    checked = 0
    for authority in builder.dataset.councils():
        for sheet in builder.sheets_for(authority.code):
            if sheet.status != "ok" or sheet.fact(f"{sheet.chart_id}:regional") is not None:
                continue
            series = series_of(sheet)
            head = series[headline_order(series)[0]]
            if "value" not in head or "direction:england" not in head:
                continue
            first = re.split(r"(?<!\bSt)\.\s+", chart_text(sheet))[0]  # "St. Helens"
            v = head["value"]
            figure = fmt_value(float(v.value), v.unit, v.denominator).split(" for every")[0]
            word = {"above": "higher than", "below": "lower than", "about_same": "about the same"}
            assert figure in first, (authority.name, sheet.chart_id, first)
            assert word[head["direction:england"].direction] + " England" in first or (
                "about the same as England" in first
            ), (authority.name, sheet.chart_id, first)
            checked += 1
    assert checked > 2000  # 2,537 blurbs of 153 councils
