"""A tiny in-memory dataset with Leicester's reference figures, for tests and the corpus.

Leicester and England use the published reference values (``../shared/data/
leicester_reference.csv``); twelve made-up councils give ranks a pool; the real
:class:`narrator.facts.FactBuilder` turns it into fact sheets, so the verifier is exercised on
exactly the fact shapes the pipeline produces.

>>> sheet = sample_builder().sheet("E06000016", "op_need")
>>> sorted({f.kind for f in sheet.facts})[:3]
['comparator_value', 'count_estimate', 'difference']
"""

# ruff: noqa: E501
from __future__ import annotations

from narrator.catalog import load_catalog
from narrator.data import Dataset
from narrator.facts import FactBuilder
from narrator.models import Authority, Observation

LEICESTER = Authority(
    code="E06000016",
    name="Leicester",
    kind="council",
    region_code="E12000004",
    region_name="East Midlands",
)
ENGLAND = Authority(code="E92000001", name="England", kind="england")
EAST_MIDLANDS = Authority(code="E12000004", name="East Midlands", kind="region")

R, A65, A1864 = "residents", "adults aged 65+", "adults aged 18-64"
#: chart, measure, breakdown, unit, denominator, period, period_end, leicester, england, region
SERIES: list[tuple[str, str, str, str, str, str, int, float, float, float]] = [
    ("population", "resident population", "", "count", "", "2019", 2019, 367000, 56e6, 4.8e6),
    ("population", "resident population", "", "count", "", "2023", 2023, 379500, 57.7e6, 4.9e6),
    ("population", "adults aged 65+", "", "count", "", "2023", 2023, 45500, 10.6e6, 0.96e6),
    ("population", "adults aged 18-64", "", "count", "", "2023", 2023, 247000, 34.8e6, 2.9e6),
    ("density", "residents", "", "per_km2", "", "2023", 2023, 5027, 443, 310),
    ("wa_need", "requests for support from people aged 18-64", "", "per_100k", R, "2024", 2024, 1194, 1143, 1100),
    ("wa_need", "people aged 18-64 receiving long-term support", "", "per_100k", A1864, "2024", 2024, 675, 533, 560),
    ("wa_need", "residents who are disabled (age-standardised)", "", "percent", R, "2021", 2021, 18.7, 17.6, 18.0),
    ("op_need", "requests for support from people aged 65+", "", "per_100k", R, "2024", 2024, 2199, 2438, 2300),
    ("op_need", "people aged 65+ receiving long-term support", "", "per_100k", A65, "2024", 2024, 1037, 1003, 990),
    ("op_need", "residents aged 65+", "", "percent", R, "2023", 2023, 12, 18.4, 19.9),
    ("op_care_types", "people aged 65+ receiving long-term support", "nursing", "per_100k", A65, "2024", 2024, 37, 122, 110),
    ("op_care_types", "people aged 65+ receiving long-term support", "residential", "per_100k", A65, "2024", 2024, 301, 370, 360),
    ("op_care_types", "people aged 65+ receiving long-term support", "community: direct payment (only or part)", "per_100k", A65, "2024", 2024, 192, 60, 70),
    ("carers_count", "unpaid carers", "", "per_100k", R, "2021", 2021, 7230, 8204, 8500),
    ("carers_info", "carers who find it easy to get information", "", "percent", "carers surveyed", "2024", 2024, 43, 59, 58),
    ("carers_social_contact", "carers who have as much social contact as they want", "", "percent", "carers surveyed", "2024", 2024, 34, 29, 30),
    ("providers_cqc", "care providers by CQC rating", "requires improvement or inadequate", "percent", "care providers", "2025", 2025, 28, 17, 19),
    ("average_delay", "average delay per discharge", "", "days", "", "2024", 2024, 0.53, 0.7, 0.6),
    ("user_satisfaction", "service users satisfied with their care and support", "", "percent", "people using services surveyed", "2024", 2024, 61.8, 64.7, 63.9),
    ("ombudsman", "complaints received by the ombudsman", "", "per_100k", R, "2024", 2024, 4.0, 4.45, 4.2),
    ("gross_expenditure", "gross current expenditure", "", "gbp_thousands_per_100k", R, "2023-24", 2024, 51917, 47758, 45000),
    ("gross_expenditure", "gross current expenditure", "", "gbp_thousands_per_100k", R, "2022-23", 2023, 47100, 44000, 42000),
]  # fmt: skip
#: relative position of the made-up councils (multiplies England's value)
POOL = [0.55, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.35, 1.6]


def sample_dataset() -> Dataset:
    auths = {a.code: a for a in (LEICESTER, ENGLAND, EAST_MIDLANDS)}
    for i in range(len(POOL)):
        code = f"E0600090{i:02d}"
        auths[code] = Authority(
            code=code,
            name=f"Sampleton {i + 1}",
            region_code="E12000004",
            region_name="East Midlands",
        )
    obs: list[Observation] = []
    for chart, measure, brk, unit, den, period, pend, lei, eng, reg in SERIES:
        rows = [(LEICESTER.code, lei), (ENGLAND.code, eng), (EAST_MIDLANDS.code, reg)]
        rows += [(f"E0600090{i:02d}", round(eng * k, 2)) for i, k in enumerate(POOL)]
        for code, value in rows:
            obs.append(
                Observation(
                    authority_code=code,
                    chart_id=chart,
                    measure=measure,
                    breakdown=brk,
                    period=period,
                    period_end=pend,
                    value=value,
                    unit=unit,
                    denominator=den,
                    source="sample",
                    table="T1",
                    cell=f"{code}/{measure}",
                )
            )
    return Dataset.of(obs, auths)


def sample_builder() -> FactBuilder:
    return FactBuilder(sample_dataset(), load_catalog())
