"""A realistic Leicester :class:`Report` built from the models, for report/server/store tests.

Figures are the published Leicester reference values (``../shared/data/leicester_reference.csv``).
Texts carry verdicts whose claims have real ``start``/``end`` spans and sources, so provenance
markup can be tested. ``hostile=True`` injects markup into an LLM text, a data label and the
authority name; ``synthetic=True`` marks the authority as a fictional council.
"""

from __future__ import annotations

from narrator.models import (
    SECTIONS,
    Authority,
    Chart,
    ChartBlock,
    Claim,
    Report,
    SectionBlock,
    SeriesPoint,
    SourceRef,
    TextRecord,
    Verdict,
)
from narrator.text import slugify

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LEI, ENG, EM = "E06000016", "E92000001", "E12000004"
RUN = "run-fixture-1"
NAMES = {ENG: "England", EM: "East Midlands"}

# fmt: off
# chart id -> (section, title, availability, kind, status, points as
#   (area, measure, breakdown, period, value, unit, denominator, source))
_P = tuple[str, str, str, str, float | None, str, str, str]
CHARTS: dict[str, tuple[str, str, str, str, str, list[_P]]] = {
    "population": ("Overview", "Population", "la", "line", "ok", [
        (LEI, "resident population", "", str(y), v, "count", "", "ons_mye")
        for y, v in zip(range(2019, 2024), (367000, 369600, 372800, 376000, 379900), strict=True)
    ]),
    "density": ("Overview", "Population density", "la", "bar", "ok", [
        (LEI, "population density", "", "2023", 5027, "per_km2", "", "ons_mye"),
        (ENG, "population density", "", "2023", 2500, "per_km2", "", "ons_mye"),
    ]),
    "op_need": ("People with needs", "Older people: requests and receipt of care", "la", "bar",
                "ok", [
        (LEI, "requests for support from people aged 65+", "", "2023-24", 2199, "per_100k",
         "adults aged 65+", "ascfr_2024"),
        (ENG, "requests for support from people aged 65+", "", "2023-24", 2438, "per_100k",
         "adults aged 65+", "ascfr_2024"),
        (EM, "requests for support from people aged 65+", "", "2023-24", 2301, "per_100k",
         "adults aged 65+", "ascfr_2024"),
        (LEI, "people aged 65+", "", "2023", 12, "percent", "residents", "ons_mye"),
        (ENG, "people aged 65+", "", "2023", 18.4, "percent", "residents", "ons_mye"),
    ]),
    "wa_care_types": ("People with needs", "Working age: types of care provided", "la",
                      "grouped_bar", "ok", [
        (a, "long-term support for adults aged 18-64", b, "2023-24", v, "per_100k",
         "adults aged 18-64", "ascfr_2024")
        for a, b, v in [
            (LEI, "community: direct payment only", 269),
            (ENG, "community: direct payment only", 122),
            (LEI, "residential", 107), (ENG, "residential", 61),
            (LEI, "nursing", 9), (ENG, "nursing", 14),
        ]
    ]),
    "carers_info": ("Carers", "Ease of getting information", "la", "bar", "ok", [
        (LEI, "carers finding it easy to get information", "", "2023-24", 43, "percent",
         "carers surveyed", "sace_2024"),
        (ENG, "carers finding it easy to get information", "", "2023-24", 59, "percent",
         "carers surveyed", "sace_2024"),
    ]),
    "carers_helpline": ("Carers", "Carers coming to us for help", "la", "bar", "no_data", []),
    "workforce_vacancy": ("Care providers", "Vacancy rate", "regional", "bar", "ok", [
        (EM, "posts vacant", "", "2023-24", 7.2, "percent", "posts", "sfc_2024"),
        (ENG, "posts vacant", "", "2023-24", 8.4, "percent", "posts", "sfc_2024"),
    ]),
    "framework_rates": ("Care providers", "Framework rates", "no_la_data", "none", "no_la_data",
                        []),
    "dtoc": ("Quality improvement", "Delayed transfers of care", "discontinued", "none",
             "discontinued", []),
    "user_satisfaction": ("Quality improvement", "Service user satisfaction", "la", "bar", "ok", [
        (LEI, "people using services satisfied with their care", "", "2023-24", 61.8, "percent",
         "people using services surveyed", "ascs_2024"),
        (ENG, "people using services satisfied with their care", "", "2023-24", 64.7, "percent",
         "people using services surveyed", "ascs_2024"),
    ]),
    "gross_expenditure": ("Finances", "Gross total expenditure", "la", "bar", "ok", [
        (LEI, "gross current expenditure", "", "2023-24", 51917, "gbp_thousands_per_100k",
         "residents", "ascfr_2024"),
        (ENG, "gross current expenditure", "", "2023-24", 47758, "gbp_thousands_per_100k",
         "residents", "ascfr_2024"),
    ]),
}

# chart id -> (status, body, [(snippet, value, claim kind, source point index)])
BLURBS: dict[str, tuple[str, str, list[tuple[str, float, str, int]]]] = {
    "population": ("verified", "About 380,000 people lived in Leicester in 2023, up from about "
                   "367,000 in 2019.", [("380,000", 379900, "number", 4),
                                        ("367,000", 367000, "number", 0)]),
    "density": ("verified", "Leicester is a crowded city: about 5,027 people live on each square "
                "kilometre, twice the England figure of about 2,500.",
                [("5,027", 5027, "number", 0), ("2,500", 2500, "number", 1)]),
    "op_need": ("verified", "In 2023-24 Leicester had about 2,199 requests for care from people "
                "aged 65 and over for every 100,000 of them. That is lower than the England "
                "average of 2,438.", [("2,199", 2199, "rate", 0), ("2,438", 2438, "rate", 1)]),
    "wa_care_types": ("repaired", "More working-age adults in Leicester get their care as a "
                      "direct payment only: 269 for every 100,000, against 122 across England.",
                      [("269", 269, "rate", 0), ("122", 122, "rate", 1)]),
    "carers_info": ("fallback", "43% of carers in Leicester found it easy to get information. "
                    "The England figure was 59%.", [("43%", 43, "percent", 0),
                                                     ("59%", 59, "percent", 1)]),
    "carers_helpline": ("verified", "We have no figures on carers asking for help in Leicester, "
                        "so this chart is empty.", []),
    "workforce_vacancy": ("verified", "In the East Midlands about 7.2% of care posts were empty, "
                          "a little lower than England (8.4%).",
                          [("7.2%", 7.2, "percent", 0), ("8.4%", 8.4, "percent", 1)]),
    "framework_rates": ("verified", "Framework rates are not published for each council.", []),
    "dtoc": ("verified", "Delayed transfers of care are no longer collected.", []),
    "user_satisfaction": ("verified", "About 61.8% of people using care said they were "
                          "satisfied, a little below England (64.7%).",
                          [("61.8%", 61.8, "percent", 0), ("64.7%", 64.7, "percent", 1)]),
    "gross_expenditure": ("verified", "In 2023-24 Leicester spent about £52 million on adult "
                          "social care for every 100,000 residents.",
                          [("£52 million", 51917, "money", 0)]),
}
# fmt: on

ABOUT = {s: f"This section is about {s.lower()} in the area." for s in SECTIONS}


def _points(chart_id: str, names: dict[str, str], label_extra: str) -> list[SeriesPoint]:
    rows = CHARTS[chart_id][5]
    return [
        SeriesPoint(
            authority_code=a,
            authority_name=names[a],
            measure=m + label_extra,
            breakdown=b,
            period=p,
            value=v,
            unit=u,
            denominator=d,
            source=s,
        )
        for a, m, b, p, v, u, d, s in rows
    ]


def _claims(
    body: str, specs: list[tuple[str, float, str, int]], points: list[SeriesPoint]
) -> list[Claim]:
    claims = []
    for snippet, value, kind, idx in specs:
        start = body.index(snippet)
        p = points[idx]
        ref = SourceRef(
            source=p.source,
            table="T1",
            authority_code=p.authority_code,
            measure=p.measure,
            breakdown=p.breakdown,
            period=p.period,
            value=p.value,
        )
        claims.append(
            Claim(
                text=snippet,
                start=start,
                end=start + len(snippet),
                kind=kind,
                value=value,
                unit=p.unit,
                status="supported",
                sources=[ref],
            )
        )
    return claims


def _text(
    tid: str,
    kind: str,
    body: str,
    status: str,
    claims: list[Claim],
    chart_id: str | None = None,
    section: str | None = None,
) -> TextRecord:
    return TextRecord(
        id=tid,
        kind=kind,
        authority_code=LEI,
        chart_id=chart_id,
        section=section,
        body=body,
        backend="scripted",
        model="fixture-model",
        prompt_version="v1",
        run_id=RUN,
        status=status,
        verdict=Verdict(outcome="pass", claims=claims),
        attempts=1,
    )


def leicester_report(*, synthetic: bool = False, hostile: bool = False) -> Report:
    """A Leicester report: 6 sections, 11 charts (3 without data), 18 texts."""
    name = "Leicester" + (f" {IMG}{SCRIPT}" if hostile else "")
    authority = Authority(
        code=LEI, name=name, region_code=EM, region_name="East Midlands", synthetic=synthetic
    )
    names = NAMES | {LEI: name}
    charts: list[ChartBlock] = []
    texts: list[TextRecord] = []
    for cid, (section, title, availability, kind, status, _) in CHARTS.items():
        extra = f" {SCRIPT}{IMG}" if hostile and cid == "op_need" else ""
        points = _points(cid, names, extra)
        chart = Chart(
            id=cid,
            section=section,
            title=title,
            availability=availability,
            kind=kind,
            unit=points[0].unit if points else "",
            source="NHS England, ASC-FR" if points else "",
            why_important=f"Why {title.lower()} matters, in plain words.",
            notes=["Widely thought to be an underestimate."] if cid == "density" else [],
        )
        tstatus, body, specs = BLURBS[cid]
        if hostile and cid == "op_need":
            body = body + f" {SCRIPT} {IMG}"
        tid = f"{LEI}:chart:{cid}:v1"
        texts.append(
            _text(
                tid,
                "chart",
                body,
                tstatus,
                _claims(body, specs, points),
                chart_id=cid,
                section=section,
            )
        )
        charts.append(ChartBlock(chart=chart, status=status, text_id=tid, points=points))
    sections = []
    for section in SECTIONS:
        tid = f"{LEI}:section:{slugify(section)}:v1"
        body = (
            f"What the figures show\nThe {section.lower()} figures for Leicester are "
            f"summarised here.\n\nWhat this could mean\nSome figures are above England and "
            f"some below."
        )
        texts.append(_text(tid, "section", body, "verified", [], section=section))
        sections.append(
            SectionBlock(
                name=section,
                slug=slugify(section),
                about=ABOUT[section],
                chart_ids=[c.chart.id for c in charts if c.chart.section == section],
                summary_text_id=tid,
            )
        )
    op = next(c for c in charts if c.chart.id == "op_need")
    overall = (
        "Leicester is a young, crowded and deprived city. Older people asked for care "
        "less often than in England: 2,199 requests for every 100,000 people aged 65 "
        "and over, against 2,438."
    )
    texts.append(
        _text(
            f"{LEI}:overall:v1",
            "overall",
            overall,
            "verified",
            _claims(overall, [("2,199", 2199, "rate", 0), ("2,438", 2438, "rate", 1)], op.points),
        )
    )
    return Report(
        authority=authority,
        run_id=RUN,
        generated_at="2025-06-01T12:00:00Z",
        backend="scripted",
        model="fixture-model",
        sections=sections,
        charts=charts,
        texts=texts,
        overall_text_id=f"{LEI}:overall:v1",
        sources={
            "ascfr_2024": "NHS England, Adult Social Care Activity and Finance "
            "Report 2023-24 (OGL v3.0)",
            "ons_mye": "ONS mid-year population estimates (OGL v3.0)",
        },
    )
