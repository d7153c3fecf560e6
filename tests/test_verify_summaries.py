"""Section and overall summaries checked against every sheet they cover (real shipped data).

Summaries quote several charts' headline sentences, some opening with the chart's title
("Carer support type: In 2021-22, ..." -- the offline writer's earlier summaries did), followed
by a comparison sentence naming no measure ("This is lower than England (856)."). The verifier
must bind each sentence to the right series: the title narrows it to that chart, and a sentence
naming no measure goes on about the previous sentence's series. Every passing sentence has a
wrong twin that must fail; the offline writer's own summaries pass whole.
"""

from __future__ import annotations

from functools import cache

import pytest

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder
from narrator.llm.offline import chart_text, summary_text
from narrator.paths import data_dir
from narrator.verify import Verifier

pytestmark = pytest.mark.skipif(
    not (data_dir() / "observations.csv").exists(), reason="needs the shipped data"
)

BRACKNELL, LEICESTER, CALDERDALE = "E06000036", "E06000016", "E08000033"

CARERS_BRACKNELL = (
    "Carer support type: In 2021-22, Bracknell Forest had 488 carers supported for every "
    "100,000 adults aged 18+. This is lower than England (856)."
)
NEEDS_LEICESTER = (
    "Types of care provided: Leicester had 269 people aged 18-64 receiving long-term support "
    "(community: direct payment only) for every 100,000 residents in 2024. This is higher than "
    "England (122). Types of care provided: Leicester had 37 people aged 65+ receiving "
    "long-term support (nursing) for every 100,000 residents in 2024. That is lower than "
    "England (122)."
)
CARERS_CALDERDALE = (
    "Carer support type: In 2021-22, Calderdale had 239 carers supported for every 100,000 "
    "adults aged 18+. This is lower than England (856)."
)


@cache
def _builder() -> tuple[FactBuilder, object]:
    catalog = load_catalog()
    dataset = load_dataset(chart_ids=catalog.ids)
    return FactBuilder(dataset, catalog), dataset


@cache
def _verifier() -> Verifier:
    return Verifier()


def _sheets(code: str, section: str | None = None) -> list:
    sheets = _builder()[0].sheets_for(code)
    return [s for s in sheets if section is None or s.section == section]


def _verdict(text: str, code: str, section: str | None = None):
    return _verifier().verify(text, _sheets(code, section))


def _bad(verdict) -> list[tuple[str, str]]:
    return [(c.text, c.status) for c in verdict.claims if c.status != "supported"]


# ---- the real sentences pass, in the real summaries and on their own --------------------------
@pytest.mark.parametrize(
    ("code", "section", "quoted"),
    [
        (BRACKNELL, "Carers", CARERS_BRACKNELL),
        (LEICESTER, "People with needs", NEEDS_LEICESTER),
        (CALDERDALE, None, CARERS_CALDERDALE),
    ],
)
def test_real_summary_sentences_pass(code, section, quoted):
    kind = "section" if section else "overall"
    sheets = _sheets(code, section)
    summary = summary_text(kind, sheets, section)
    assert _bad(_verifier().verify(summary, sheets)) == []
    verdict = _verdict(quoted, code, section)
    assert verdict.outcome == "pass", _bad(verdict)
    numbers = [c for c in verdict.claims if c.kind == "number"]
    assert numbers and all(c.status == "supported" for c in numbers)


def test_total_is_bound_to_the_total_series_not_a_breakdown():
    verdict = _verdict(CARERS_BRACKNELL, BRACKNELL, "Carers")
    figure = next(c for c in verdict.claims if c.text == "488")
    assert "/per-adults-aged-18@" in figure.fact_ids[0]
    assert "respite" not in figure.fact_ids[0]  # the bug: bound to a breakdown series
    direction = next(c for c in verdict.claims if c.kind == "direction")
    assert direction.fact_ids[0].startswith("carers_support_type:carers-supported/per-adults")


def test_direction_after_a_value_follows_that_sentence_series():
    verdict = _verdict(NEEDS_LEICESTER, LEICESTER, "People with needs")
    directions = [c for c in verdict.claims if c.kind == "direction"]
    assert [c.status for c in directions] == ["supported", "supported"]
    assert "18-64" in directions[0].fact_ids[0] and "direct-payment" in directions[0].fact_ids[0]
    assert "65" in directions[1].fact_ids[0] and "nursing" in directions[1].fact_ids[0]


# ---- negative twins: the same sentences with one planted error fail --------------------------
@pytest.mark.parametrize(
    ("code", "section", "text", "wrong"),
    [
        # wrong figure for the council
        (BRACKNELL, "Carers", CARERS_BRACKNELL.replace("488", "588"), "588"),
        # a breakdown's figure stated as the total (respite: 31.5)
        (BRACKNELL, "Carers", CARERS_BRACKNELL.replace("488", "31.5"), "31.5"),
        # wrong direction
        (BRACKNELL, "Carers", CARERS_BRACKNELL.replace("lower", "higher"), "higher than England"),
        # wrong England figure
        (BRACKNELL, "Carers", CARERS_BRACKNELL.replace("(856)", "(956)"), "956"),
        # second series: wrong direction (both England values are 122: must not borrow the
        # first series' "higher")
        (
            LEICESTER,
            "People with needs",
            NEEDS_LEICESTER.replace("That is lower", "That is higher"),
            "higher than England",
        ),
        # first series: wrong direction
        (
            LEICESTER,
            "People with needs",
            NEEDS_LEICESTER.replace("This is higher", "This is lower"),
            "lower than England",
        ),
        # wrong figure in the second series
        (LEICESTER, "People with needs", NEEDS_LEICESTER.replace(" 37 ", " 47 "), "47"),
        (CALDERDALE, None, CARERS_CALDERDALE.replace("239", "293"), "293"),
        (CALDERDALE, None, CARERS_CALDERDALE.replace("lower", "higher"), "higher than England"),
    ],
)
def test_negative_twins_fail(code, section, text, wrong):
    verdict = _verdict(text, code, section)
    assert verdict.outcome == "fail"
    assert any(wrong in c.text for c in verdict.claims if c.status != "supported"), _bad(verdict)


def test_a_chart_title_scopes_the_sentence_to_that_chart():
    """Bracknell Forest's social-contact share (33.3%) is not a carer-support-type figure."""
    right = (
        "Social contact: In 2023-24, the share of carers who have as much social contact as "
        "they want in Bracknell Forest was 33.3%."
    )
    assert _verdict(right, BRACKNELL, "Carers").outcome == "pass"
    wrong = right.replace("Social contact:", "Carer support type:")
    assert _verdict(wrong, BRACKNELL, "Carers").outcome == "fail"


# ---- end to end: every offline text of ten councils passes -----------------------------------
COUNCILS = (
    "Leicester",
    "Bracknell Forest",
    "Calderdale",
    "Hartlepool",
    "Middlesbrough",
    "York",
    "Cornwall",
    "Barnet",
    "Rutland",
    "Bristol",
)


def test_every_offline_text_of_ten_councils_passes():
    fb, dataset = _builder()
    catalog = load_catalog()
    codes = {a.name: code for code, a in dataset.authorities.items() if a.kind == "council"}
    assert set(COUNCILS) <= set(codes)
    verifier = Verifier()
    failures, checked = [], 0
    for name in COUNCILS:
        sheets = fb.sheets_for(codes[name])
        jobs = [(f"chart {s.chart_id}", [s], chart_text(s)) for s in sheets]
        for info in catalog.sections:
            part = [s for s in sheets if s.section == info.name]
            jobs.append((f"section {info.name}", part, summary_text("section", part, info.name)))
        jobs.append(("overall", sheets, summary_text("overall", sheets, None)))
        for where, part, text in jobs:
            verdict = verifier.verify(text, part)
            checked += 1
            if verdict.outcome != "pass":
                failures.append((name, where, _bad(verdict)))
    assert checked == len(COUNCILS) * (len(catalog.charts) + len(catalog.sections) + 1)
    assert failures == []
