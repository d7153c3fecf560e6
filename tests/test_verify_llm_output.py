"""Real SmolLM2-135M chart blurbs for Leicester (outputs/ci-local, bundled data) that an
earlier verifier passed: each must fail for the right reason, and a correct twin must pass."""

from __future__ import annotations

import pytest

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder
from narrator.verify import Verifier
from narrator.verify.sample import LEICESTER

CATALOG = load_catalog()
FB = FactBuilder(load_dataset(chart_ids=CATALOG.ids), CATALOG)  # the real data the model saw
V = Verifier()

# chart, text the model wrote, reason fragment expected on a failing claim
REAL = [
    ("population", "In 2023, Leicester had 380,000 residents, a population increase of 380,000.",
     "is not the change"),
    ("deprivation_decile", "The chart does not match the data. The chart is missing the figure "
     "from the fact sheet. Use only figures from the fact sheet to provide accurate information.",
     "no fact supports this sentence"),
    ("dtoc", "There is no data for Leicester on this chart: Leicester has ceased to exist.",
     "no fact supports this sentence"),
    ("ombudsman", "In 2024, Leicester had 2.4 people using day services for every 100,000 "
     "residents. That is lower than England (4.1).", "measure mismatch"),
    ("gross_expenditure", "In 2023-24, Leicester had 51,917 people using gross current "
     "expenditure for every 100,000 residents. That is higher than England (47,758).",
     "unit slip"),
    ("nhs_contributions", "In 2023-24, Leicester had 9,800 people contributing to the NHS, "
     "which is higher than England (7,900).", "unit slip"),
    ("client_contributions", "Leicester had 6,600 clients contributing to client contributions "
     "for every 100,000 residents.", "unit slip"),
    ("workforce_turnover", "In 2024-25, 19.6% of the care staff in Leicester left their job, "
     "while England (23.7) is lower than England (23.7).", "with itself"),
    ("users_info", "In 2024-25, 72.9% of people in Leicester found it easy to get information, "
     "while England (67.8) is higher than 72.9%.", "is not higher than"),
    ("carers_count", "Leicester had 7,230 people using unpaid carers for every 100,000 "
     "residents.", "measure mismatch"),
]  # fmt: skip

TWINS = [
    ("population", "In 2023, Leicester had 380,000 residents, a population increase of 13,000 "
     "since 2019."),
    ("population", "In 2023, Leicester had 380,000 residents, up by about 13,000 from 2019."),
    ("deprivation_decile", "In 2019, the average deprivation decile of small areas in Leicester "
     "was 3.6. That is lower than England (5.9)."),
    ("dtoc", "There is no data for Leicester on this chart: it is no longer collected."),
    ("ombudsman", "In 2024, Leicester had 2.4 complaints decided by the ombudsman for every "
     "100,000 residents. That is lower than England (4.1)."),
    ("gross_expenditure", "In 2023-24, Leicester spent £51.9 million on adult social care for "
     "every 100,000 residents. That is higher than England (£47.8 million)."),
    ("nhs_contributions", "In 2023-24, Leicester received £9.8 million from the NHS for every "
     "100,000 residents, which is higher than England (£7.9 million)."),
    ("client_contributions", "In 2023-24, Leicester had £6.6 million in client contributions "
     "for every 100,000 residents."),
    ("workforce_turnover", "In 2024-25, 19.6% of the care staff in Leicester left their job, "
     "while England (23.7%) is higher than Leicester (19.6%)."),
    ("users_info", "In 2024-25, 72.9% of people in Leicester found it easy to get information, "
     "while England (67.8) is lower than 72.9%."),
    ("carers_count", "Leicester had 7,230 unpaid carers for every 100,000 residents."),
]  # fmt: skip


def _sheet(chart: str):
    return [FB.sheet(LEICESTER.code, chart)]


@pytest.mark.parametrize(("chart", "text", "reason"), REAL, ids=[r[0] for r in REAL])
def test_real_small_model_texts_fail_for_the_right_reason(chart, text, reason):
    verdict = V.verify(text, _sheet(chart))
    assert verdict.outcome == "fail"
    reasons = [c.reason for c in verdict.claims if c.status != "supported"]
    assert any(reason in r for r in reasons), reasons


@pytest.mark.parametrize(("chart", "text"), TWINS, ids=[t[0] for t in TWINS])
def test_correct_twins_pass(chart, text):
    verdict = V.verify(text, _sheet(chart))
    bad = [(c.text, c.reason) for c in verdict.claims if c.status != "supported"]
    assert verdict.outcome == "pass", bad
