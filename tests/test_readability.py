"""Readability with figures fairly counted (narrator.readability, textstat 0.7.4)."""

from __future__ import annotations

import statistics

import textstat

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder
from narrator.llm.offline import chart_text
from narrator.readability import plain_for_reading, readability


def test_a_decimal_point_does_not_end_a_sentence():
    text = "It was 19.6% in 2024-25. Leicester supported 6.6 carers for every 100,000 adults."
    assert textstat.sentence_count(text) > 2  # the formula alone takes decimals for stops
    r = readability(text)
    assert (r.sentences, r.words) == (2, 13)
    assert "19.6" not in plain_for_reading(text) and "100,000" not in plain_for_reading(text)


def test_figures_do_not_make_a_plain_sentence_hard():
    plain = readability("In 2024-25, 71.7% of people said yes. That is more than in England.")
    padded = readability(
        "In the financial year two thousand and twenty four, seventy one point seven per cent "
        "of the respondents indicated agreement, substantially exceeding the national average."
    )
    assert plain.grade < 4 < padded.grade


def test_the_offline_blurbs_stay_at_a_reading_age_of_about_ten():
    catalog = load_catalog()
    facts = FactBuilder(load_dataset(chart_ids=catalog.ids), catalog)
    blurbs = [chart_text(s) for s in facts.sheets_for("E06000016") if s.status == "ok"]
    grades = [readability(t).grade for t in blurbs]
    assert statistics.median(grades) <= 7, sorted(grades)
