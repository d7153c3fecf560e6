"""NHS Digital "Adult Social Care Activity and Finance: England 2021-22" data tables -> rows.

Tables read (all 2021-22 unless stated):

* T12 requests for support from new clients, by age: count, rate per 100,000 of the AGE GROUP
  (denominator ``adults aged 18-64`` / ``adults aged 65+``) and the ONS age-group populations
  used as denominators (kept as ``population`` rows: needed to turn rates into counts);
* T36 clients receiving long-term support (LTS) during the year, by age: count and rate;
* T34 LTS clients during the year by age and support setting (counts; prison columns left
  out) plus a derived rate per 100,000 of the age group (T12 population);
* T47 carers supported during the year by type of support (counts) plus a derived rate per
  100,000 adults aged 18+ (T12 18-64 + 65+ populations);
* T3 expenditure and income in GBP thousands: net / gross total and gross current expenditure
  (2020-21 and 2021-22), client contributions and income from the NHS (2021-22), each also as a
  derived GBP thousands per 100,000 adults aged 18+ for 2021-22.

Derived rates are flagged in ``note`` with their formula. SALT counts are rounded to the
nearest 5 by the publisher and values 0-4 are shown as ``[c]`` (suppressed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from narrator.databuild.common import (
    ENGLAND_CODE,
    Parsed,
    Row,
    clean,
    derived_per_100k,
    make_row,
    parse_cell,
    period_end,
    sheet_cell,
)
from narrator.errors import DataError

SOURCE_ID = "ascfr_salt_2021_22"
FILE_NAME = "ASCFR_and_SALT_Data_Tables_2021-22.xlsx"
PERIOD = "2021-22"
SALT_NOTE = "SALT count rounded to the nearest 5 by the publisher"
AGES = {"18 to 64": "18-64", "65 and over": "65+"}


@dataclass(frozen=True)
class Place:
    """One authority row of an ASCFR table."""

    index: int  # 0-based row index in the sheet (sheet row = index + 1)
    code: str
    name: str
    kind: str
    region_code: str
    region_name: str


class Table:
    """One ASCFR sheet: two header rows (group + detail) and its authority rows."""

    def __init__(self, sheet: str, frame: pd.DataFrame) -> None:
        self.sheet = sheet
        self.frame = frame
        head = next(
            (i for i in range(min(15, len(frame))) if clean(frame.iloc[i, 0]) == "Geography code"),
            None,
        )
        if head is None:
            raise DataError("no 'Geography code' header row", file=FILE_NAME, field=sheet)
        self.head = head
        group = ""
        self.headers: list[tuple[str, str]] = []
        for j in range(frame.shape[1]):
            top = clean(frame.iloc[head, j])
            group = top or group
            self.headers.append((group, clean(frame.iloc[head + 1, j])))

    def column(self, group: str, detail: str = "") -> int:
        """Index of the column whose (group, detail) headers match (case-insensitive)."""
        for j, (g, d) in enumerate(self.headers):
            if g.lower() == group.lower() and d.lower() == detail.lower():
                return j
        raise DataError(f"no column {group!r}/{detail!r}", file=FILE_NAME, field=self.sheet)

    def header(self, j: int) -> str:
        group, detail = self.headers[j]
        return f"{group} - {detail}" if detail and detail != group else group

    def places(self) -> list[Place]:
        """England, region and council rows (council-type aggregate rows are skipped)."""
        out: list[Place] = []
        for i in range(self.head + 2, len(self.frame)):
            geo = clean(self.frame.iloc[i, 0])
            name = clean(self.frame.iloc[i, 2])
            rcode = clean(self.frame.iloc[i, 3])
            rname = clean(self.frame.iloc[i, 4])
            if geo.startswith("E") and name:
                out.append(Place(i, geo, name, "council", rcode, rname))
            elif rcode == ENGLAND_CODE:
                out.append(Place(i, rcode, "England", "england", "", ""))
            elif rcode.startswith("E12"):
                out.append(Place(i, rcode, rname, "region", rcode, rname))
        return out

    def cell(self, place: Place, j: int) -> Parsed:
        return parse_cell(self.frame.iloc[place.index, j])

    def locator(self, place: Place, j: int) -> str:
        return sheet_cell(self.sheet, place.index, j, self.header(j), place.name)


def _row(
    table: Table, place: Place, j: int, parsed: Parsed, period: str = PERIOD, **fields: object
) -> Row:
    return make_row(
        code=place.code,
        name=place.name,
        kind=place.kind,  # type: ignore[arg-type]
        region_code=place.region_code,
        region_name=place.region_name,
        parsed=parsed,
        source=SOURCE_ID,
        table=table.sheet,
        cell=table.locator(place, j),
        period=period,
        period_end=period_end(period),
        **fields,
    )


def _derived(
    table: Table,
    place: Place,
    j: int,
    parsed: Parsed,
    population: float | None,
    unit: str,
    denominator: str,
    note: str,
    **common: object,
) -> Row:
    """A rate derived from a published count/total and a population (flagged in ``note``)."""
    rate = Parsed(derived_per_100k(parsed.value, population), parsed.status, parsed.suppressed)
    return _row(table, place, j, rate, unit=unit, denominator=denominator, note=note, **common)


Populations = dict[str, dict[str, float | None]]  # code -> {"18-64": pop, "65+": pop}


def _rate_and_count(
    table: Table,
    place: Place,
    group: str,
    age: str,
    measure: str,
    headers: tuple[str, str],
    notes: tuple[str, str],
) -> list[Row]:
    """A per-100k-of-the-age-group rate and its count for one place and age group."""
    common = {"chart_id": "wa_need" if age == "18-64" else "op_need", "measure": measure}
    rate, count = (table.column(group, h) for h in headers)
    return [
        _row(table, place, rate, table.cell(place, rate), unit="per_100k",
             denominator=f"adults aged {age}", note=notes[0], **common),
        _row(table, place, count, table.cell(place, count), unit="count", note=notes[1],
             **common),
    ]  # fmt: skip


def _requests_and_population(table: Table) -> tuple[list[Row], Populations]:
    """T12: requests (count + per 100k of the age group) and the age-group populations."""
    rows: list[Row] = []
    pops: Populations = {}
    for place in table.places():
        for group, age in AGES.items():
            rows += _rate_and_count(
                table, place, group, age, f"requests for support from people aged {age}",
                ("Requests for support per 100,000 adults", "Requests for support"),
                ("rate per 100,000 of the age group", SALT_NOTE),
            )  # fmt: skip
            pop = table.column(group, "Population")
            parsed = table.cell(place, pop)
            pops.setdefault(place.code, {})[age] = parsed.value
            rows.append(
                _row(
                    table,
                    place,
                    pop,
                    parsed,
                    chart_id="population",
                    measure=f"adults aged {age}",
                    unit="count",
                    note="ONS population estimate used by NHS Digital as the "
                    "denominator of the 2021-22 rates (T12, T36)",
                )
            )
    return rows, pops


def _long_term_support(table: Table) -> list[Row]:
    """T36: people receiving long-term support during the year (count + per 100k of age)."""
    rows: list[Row] = []
    for place in table.places():
        for group, age in AGES.items():
            rows += _rate_and_count(
                table, place, group, age, f"people aged {age} receiving long-term support",
                ("Clients per 100,000 adults", "Clients"),
                ("clients during the year; rate per 100,000 of the age group",
                 "clients during the year; " + SALT_NOTE),
            )  # fmt: skip
    return rows


SETTINGS = {
    "Nursing": "nursing",
    "Residential": "residential",
    "Community Direct Payment Only": "community: direct payment only",
    "Community Part Direct Payment": "community: part direct payment",
    "Community CASSR Managed Personal Budget": "community: council-managed personal budget",
    "Community CASSR Commissioned Support Only": "community: commissioned support only",
}


def _care_types(table: Table, pops: Populations) -> list[Row]:
    """T34: long-term support during the year by setting and age (+ derived rate)."""
    rows: list[Row] = []
    for place in table.places():
        for group, age in AGES.items():
            chart = "wa_care_types" if age == "18-64" else "op_care_types"
            for detail, breakdown in SETTINGS.items():
                j = table.column(group, detail)
                parsed = table.cell(place, j)
                common = {
                    "chart_id": chart,
                    "breakdown": breakdown,
                    "measure": f"people aged {age} receiving long-term support",
                }
                rows.append(
                    _row(
                        table,
                        place,
                        j,
                        parsed,
                        unit="count",
                        note="clients during the year; " + SALT_NOTE,
                        **common,
                    )
                )
                rows.append(
                    _derived(
                        table,
                        place,
                        j,
                        parsed,
                        pops.get(place.code, {}).get(age),
                        "per_100k",
                        f"adults aged {age}",
                        f"derived: count / T12 population aged {age} * 100000",
                        **common,
                    )
                )
    return rows


CARER_TYPES = {
    ("Direct Support", "Direct Payment"): "direct payment",
    ("Direct Support", "Part Direct Payment"): "part direct payment",
    ("Direct Support", "CASSR Managed Personal Budget"): "council-managed personal budget",
    ("Direct Support", "CASSR Commissioned Support Only"): "commissioned support only",
    (
        "Direct Support",
        "Information, Advice and other Universal Services/Signposting",
    ): "information, advice and signposting",
    ("No Direct Support", "No Direct Support to Carer"): "no direct support",
    ("Total", ""): "",
    (
        "Support Involving Cared for Person",
        "Respite or Other Forms of Carer Support delivered to the cared-for person",
    ): "support to the cared-for person (respite)",
}


def _adults(pops: Populations, code: str) -> float | None:
    ages = pops.get(code, {})
    a, b = ages.get("18-64"), ages.get("65+")
    return None if a is None or b is None else a + b


def _carers(table: Table, pops: Populations) -> list[Row]:
    """T47: carers supported during the year by type (+ derived rate per 100k adults)."""
    rows: list[Row] = []
    for place in table.places():
        for (group, detail), breakdown in CARER_TYPES.items():
            j = table.column(group, detail)
            parsed = table.cell(place, j)
            note = "carers of all ages supported during the year; " + SALT_NOTE
            if breakdown.startswith("support to the cared-for"):
                note += "; a subset of the other types, not an extra group"
            common = {
                "chart_id": "carers_support_type",
                "measure": "carers supported",
                "breakdown": breakdown,
            }
            rows.append(_row(table, place, j, parsed, unit="count", note=note, **common))
            rows.append(
                _derived(
                    table,
                    place,
                    j,
                    parsed,
                    _adults(pops, place.code),
                    "per_100k",
                    "adults aged 18+",
                    "derived: count / (T12 pop 18-64 + pop 65+) * 100000",
                    **common,
                )
            )
    return rows


_TOTALS = (
    ("Net Total Expenditure", "net_expenditure"),
    ("Gross Total Expenditure", "gross_expenditure"),
    ("Gross Current Expenditure", "gross_expenditure"),
)
#: (group, detail, chart, measure, period) of the T3 columns read.
FINANCE: tuple[tuple[str, str, str, str, str], ...] = tuple(
    (group, year, chart, group.lower(), year)
    for group, chart in _TOTALS
    for year in ("2020-21", PERIOD)
) + (
    ("Income", "Client Contributions", "client_contributions", "client contributions", PERIOD),
    ("Income", "Income from NHS", "nhs_contributions", "income from the NHS", PERIOD),
)


def _finance(table: Table, pops: Populations) -> list[Row]:
    """T3: expenditure and income totals in GBP thousands (+ derived per 100k adults)."""
    rows: list[Row] = []
    for place in table.places():
        for group, detail, chart, measure, period in FINANCE:
            j = table.column(group, detail)
            parsed = table.cell(place, j)
            common = {"chart_id": chart, "measure": measure, "period": period}
            rows.append(
                _row(table, place, j, parsed, unit="gbp_thousands", note="GBP thousands", **common)
            )
            if period != PERIOD:
                continue
            rows.append(
                _derived(
                    table,
                    place,
                    j,
                    parsed,
                    _adults(pops, place.code),
                    "gbp_thousands_per_100k",
                    "adults aged 18+",
                    "derived: total / (T12 pop 18-64 + pop 65+) * 100000; GBP thousands",
                    **common,
                )
            )
    return rows


def read(path: Path) -> list[Row]:
    """All chart rows from the ASCFR/SALT 2021-22 workbook at ``path`` (needs openpyxl)."""
    if not path.exists():
        raise DataError("ASCFR/SALT workbook not found", file=str(path))
    sheets = pd.read_excel(
        path, sheet_name=["T3", "T12", "T34", "T36", "T47"], header=None, dtype=object
    )
    tables = {name: Table(name, frame) for name, frame in sheets.items()}
    rows, pops = _requests_and_population(tables["T12"])
    rows += _long_term_support(tables["T36"])
    rows += _care_types(tables["T34"], pops)
    rows += _carers(tables["T47"], pops)
    rows += _finance(tables["T3"], pops)
    return rows
