"""Claim extraction: spans, numbers in words, hedges, rates, fractions, directions."""

from __future__ import annotations

import pytest

from narrator.verify import ExtractionContext, RuleExtractor
from narrator.verify.numbers import hedge_interval, parse_number

CTX = ExtractionContext(subject_names=("Leicester",), region_names=("East Midlands",))


def mentions(text: str):
    return RuleExtractor().extract(text, CTX)


@pytest.mark.parametrize(
    ("raw", "value", "precision"),
    [
        ("5,027", 5027, 1),
        ("five thousand", 5000, 1000),
        ("two and a half thousand", 2500, 500),
        ("forty-three", 43, 1),
        ("one hundred and five", 105, 1),
        ("0.53", 0.53, 0.01),
        ("52 million", 52e6, 1e6),
        ("1.2bn", 1.2e9, 1e8),
    ],
)
def test_parse_number(raw, value, precision):
    assert parse_number(raw) == pytest.approx((value, precision))


def test_spans_point_at_the_claim_text():
    text = "In 2024 Leicester had about 2,200 requests for every 100,000 residents."
    found = mentions(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    num = next(m for m in found if m.kind == "number")
    assert (num.text, num.value, num.hedge, num.unit, num.denominator) == (
        "about 2,200",
        2200,
        "about",
        "per_100k",
        "all",
    )
    assert next(m for m in found if m.kind == "year").value == 2024


def test_words_percent_money_days():
    found = mentions(
        "Nine per cent more was spent: about £52 million, not £52,000. The delay was 0.53 days."
    )
    kinds = {(m.kind, m.text) for m in found}
    assert ("percent", "Nine per cent") in kinds
    assert ("money", "about £52 million") in kinds
    assert ("money", "£52,000") in kinds
    days = next(m for m in found if m.text == "0.53")
    assert days.unit == "days"
    money = next(m for m in found if m.text == "about £52 million")
    assert money.value == 52e6


def test_fractions_ratios_and_majorities():
    found = mentions(
        "One in three carers, 8 out of 10 users and 12 in every 100 people. "
        "Leicester is more than double England and nearly half of carers agree; most carers do."
    )
    by_text = {m.text: m for m in found}
    assert by_text["One in three"].value == pytest.approx(33.33, abs=0.01)
    assert by_text["8 out of 10"].value == 80
    assert by_text["12 in every 100"].value == 12
    assert by_text["more than double"].kind == "ratio"
    assert by_text["more than double"].hedge == "more than"
    assert by_text["nearly half"].kind == "fraction"
    assert any(m.kind == "majority" for m in found)


def test_age_bands_and_rate_bases_are_not_claims():
    found = mentions("People aged 65 and over and adults aged 18-64, per 100,000 residents.")
    assert not [m for m in found if m.kind == "number"]


def test_directions_hedges_and_reversal():
    found = mentions(
        "Leicester (2,199) is lower than England (2,438). More than 2,000 people asked. "
        "England's rate is higher than Leicester's. It is about the same as the East Midlands."
    )
    dirs = [(m.direction, m.comparator) for m in found if m.kind == "direction"]
    assert dirs == [("below", "england"), ("below", "england"), ("about_same", "region")]
    hedged = next(m for m in found if m.text == "More than 2,000")
    assert hedged.hedge == "more than"


def test_trends_ranks_and_causes():
    found = mentions(
        "Requests went down and have fallen since 2019; spending is rising. Leicester is among the "
        "lowest councils and in the top quarter. This is because the council is failing."
    )
    trends = [m.direction for m in found if m.kind == "trend"]
    assert trends[:2] == ["down", "down"] and "up" in trends
    ranks = [m.extra["form"] for m in found if m.kind == "rank"]
    assert ranks == ["among", "part"]
    assert [m.text for m in found if m.kind == "causal"] == ["because", "is failing"]


def test_hedge_intervals():
    assert hedge_interval(2200, 100, "about")[0] <= 2199
    lo, hi = hedge_interval(3000, 1000, "about")
    assert not lo <= 2199 <= hi
    lo, hi = hedge_interval(19, 1, "almost")
    assert lo <= 18.4 <= hi and not lo <= 19.2 <= hi
    lo, hi = hedge_interval(2000, 1000, "just over")
    assert lo <= 2100 <= hi and not lo <= 1990 <= hi
