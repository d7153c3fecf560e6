"""Leicester's published local-authority page (leicester_reference.csv) -> rows.

Source id ``leicester_report_2024``. One row per figure for Leicester (E06000016) and, where
the ``england`` column is filled, one for England (E92000001). Figures the page gives for the
region (measure text ending "(regional)") belong to the East Midlands (E12000004) instead of
Leicester and carry the note ``regional figure``.

Units: ``per 100k`` -> ``per_100k`` of ``residents`` (the published page divides by total
resident population, not by the age group); ``GBP thousands per 100k`` ->
``gbp_thousands_per_100k`` of ``residents``; ``people per km2`` -> ``per_km2``; ``people`` ->
``count``; ``percent`` -> ``percent`` with the denominator of :data:`MAPPING`. The CSV's
``note`` text is copied into ``note`` as data. Periods stay as published (``2024``,
``2023-24``); both end in 2024.

Every CSV row must have an entry in :data:`MAPPING`; an unknown row stops the build, so a
new reference figure is never silently given a guessed meaning.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from narrator.databuild.common import (
    ENGLAND_CODE,
    REGIONS,
    Parsed,
    Row,
    make_row,
    normalise_period,
    parse_cell,
    period_end,
)
from narrator.errors import DataError

SOURCE_ID = "leicester_report_2024"
FILE_NAME = "leicester_reference.csv"
LEICESTER = ("E06000016", "Leicester")
REGION_CODE = "E12000004"

UNITS = {
    "per 100k": ("per_100k", "residents"),
    "GBP thousands per 100k": ("gbp_thousands_per_100k", "residents"),
    "people per km2": ("per_km2", ""),
    "people": ("count", ""),
    "count": ("count", ""),
    "percent": ("percent", ""),
    "decile": ("decile", ""),
    "days": ("days", ""),
}


@dataclass(frozen=True)
class Target:
    """What one reference row means: measure label, breakdown and (for percent) denominator."""

    measure: str
    breakdown: str = ""
    denominator: str = ""  # overrides the unit's default denominator when set


WA = "people aged 18-64 receiving long-term support"
OP = "people aged 65+ receiving long-term support"
CQC_NOTE = "CQC care directory count of all providers; not the same as ASCOF 6B"
MAPPING: dict[tuple[str, str], Target] = {
    ("population", "resident population"): Target("resident population"),
    ("density", "population density"): Target("residents"),
    ("deprivation_decile", "mean IMD decile"): Target("average deprivation decile of small areas"),
    ("wa_need", "disabled (age-standardised)"): Target(
        "residents who are disabled (age-standardised)", denominator="residents"
    ),
    ("wa_need", "requests for support aged 18-64"): Target(
        "requests for support from people aged 18-64"
    ),
    ("wa_need", "long-term support aged 18-64"): Target(WA),
    ("wa_care_types", "community: direct payment only 18-64"): Target(
        WA, "community: direct payment only"
    ),
    ("wa_care_types", "residential 18-64"): Target(WA, "residential"),
    ("wa_care_types", "nursing 18-64"): Target(WA, "nursing"),
    ("op_need", "population aged 65+"): Target("residents aged 65+", denominator="residents"),
    ("op_need", "requests for support aged 65+"): Target(
        "requests for support from people aged 65+"
    ),
    ("op_need", "long-term support aged 65+"): Target(OP),
    ("op_care_types", "nursing 65+"): Target(OP, "nursing"),
    ("op_care_types", "direct payments (only or part) 65+"): Target(
        OP, "community: direct payment (only or part)"
    ),
    ("carers_count", "unpaid carers"): Target("unpaid carers"),
    ("carers_social_contact", "carers with as much social contact as they want"): Target(
        "carers who have as much social contact as they want", denominator="carers surveyed"
    ),
    ("carers_info", "carers finding it easy to get information"): Target(
        "carers who find it easy to get information", denominator="carers surveyed"
    ),
    ("carers_support_type", "carers receiving direct payments"): Target(
        "carers supported", "direct payment"
    ),
    ("carers_support_type", "carers receiving information/advice/signposting"): Target(
        "carers supported", "information, advice and signposting"
    ),
    ("carers_support_type", "support to the cared-for person (respite)"): Target(
        "carers supported", "support to the cared-for person (respite)"
    ),
    ("providers_count", "community-based services"): Target(
        "care providers", "community-based services"
    ),
    ("providers_count", "residential care homes"): Target(
        "care providers", "residential care homes"
    ),
    ("providers_cqc", "providers rated requires improvement or inadequate"): Target(
        "care providers by CQC rating", "requires improvement or inadequate", "care providers"
    ),
    ("workforce_turnover", "staff turnover (regional)"): Target(
        "care staff who left their job in the last 12 months", denominator="care workforce staff"
    ),
    ("workforce_vacancy", "vacancy rate (regional)"): Target(
        "care jobs that are vacant", denominator="care workforce posts"
    ),
    (
        "workforce_recruitment",
        "employers finding recruitment more or much more challenging (regional)",
    ): Target(
        "employers finding recruitment more or much more challenging",
        denominator="employers surveyed",
    ),
    (
        "workforce_retention",
        "employers finding retention more or much more challenging (regional)",
    ): Target(
        "employers finding retention more or much more challenging",
        denominator="employers surveyed",
    ),
    ("hospital_discharge", "discharges to an acceptable destination"): Target(
        "hospital discharges to an acceptable destination", denominator="hospital discharges"
    ),
    ("hospital_discharge", "discharges delayed"): Target(
        "hospital discharges that were delayed", denominator="hospital discharges"
    ),
    ("average_delay", "average delay per discharge"): Target("average delay per discharge"),
    ("user_satisfaction", "service users satisfied with care and support"): Target(
        "service users satisfied with their care and support",
        denominator="people using services surveyed",
    ),
    ("users_info", "service users finding it easy to get information"): Target(
        "service users who find it easy to get information",
        denominator="people using services surveyed",
    ),
    ("ombudsman", "complaints received"): Target("complaints received by the ombudsman"),
    ("ombudsman", "complaints decided"): Target("complaints decided by the ombudsman"),
    ("gross_expenditure", "gross current expenditure"): Target("gross current expenditure"),
    ("net_expenditure", "net current expenditure"): Target("net current expenditure"),
    ("client_contributions", "client contributions"): Target("client contributions"),
    ("nhs_contributions", "NHS contributions"): Target("contributions from the NHS"),
}
EXTRA_NOTES = {
    "providers_cqc": CQC_NOTE,
}


def parse_rows(records: list[dict[str, str]]) -> list[Row]:
    """Rows for the CSV records (dicts as read by :class:`csv.DictReader`)."""
    rows: list[Row] = []
    for line, rec in enumerate(records, start=2):
        chart, label = rec["chart_id"].strip(), rec["measure"].strip()
        target = MAPPING.get((chart, label))
        if target is None:
            raise DataError(
                f"no mapping for reference figure {chart}/{label!r}",
                file=FILE_NAME,
                row=line,
                field="measure",
            )
        unit_text = rec["unit"].strip()
        if unit_text not in UNITS:
            raise DataError(f"unknown unit {unit_text!r}", file=FILE_NAME, row=line, field="unit")
        unit, denominator = UNITS[unit_text]
        denominator = target.denominator or denominator
        period = normalise_period(rec["year"])
        regional = label.endswith("(regional)")
        notes = [
            n
            for n in (
                "regional figure" if regional else "",
                EXTRA_NOTES.get(chart, ""),
                rec.get("note", "").strip(),
            )
            if n
        ]
        subject = (
            (REGION_CODE, REGIONS[REGION_CODE], "region")
            if regional
            else (LEICESTER[0], LEICESTER[1], "council")
        )
        for column, (code, name, kind) in (
            ("leicester", subject),
            ("england", (ENGLAND_CODE, "England", "england")),
        ):
            raw = rec.get(column, "").strip()
            if column == "england" and not raw:
                continue
            parsed: Parsed = parse_cell(raw)
            region = "" if kind == "england" else REGION_CODE
            rows.append(
                make_row(
                    code=code,
                    name=name,
                    kind=kind,  # type: ignore[arg-type]
                    region_code=region,
                    region_name=REGIONS.get(region, ""),
                    parsed=parsed,
                    note="; ".join(notes),
                    chart_id=chart,
                    measure=target.measure,
                    breakdown=target.breakdown,
                    period=period,
                    period_end=period_end(period),
                    unit=unit,
                    denominator=denominator,
                    source=SOURCE_ID,
                    table=FILE_NAME,
                    cell=f"line {line}, column '{column}' ({chart}: {label})",
                )
            )
    return rows


def read(path: Path) -> list[Row]:
    """All rows from the reference CSV at ``path``."""
    if not path.exists():
        raise DataError("reference CSV not found", file=str(path))
    with path.open(encoding="utf-8", newline="") as fh:
        return parse_rows(list(csv.DictReader(fh)))
