"""ASCOF time series workbook (NHS England / DHSC, 2015-16 to 2024-25) -> rows.

Only the measures that match a chart of the report are read (see :data:`TABLES`). Each table
has a header row starting ``Local authority code, Local authority, ONS area code`` followed by
``<year> - <part>`` columns; only the ``outcome`` columns are kept (6B: the outcome of each
rating group). Rows are England (code ``E92000001``), council types (skipped: their ONS code is
``[z]``), the nine regions (``E12...``) and councils.

Reablement (chart ``reablement``): 2A (new clients needing no further ongoing support after
reablement), 2D(1) (people aged 65+ discharged from hospital into reablement who remained in the
community within 12 weeks) and 2D(2) (people aged 65+ discharged from hospital who received
reablement). In this workbook they are published for 2024-25 only: from 2024-25 they come from
client level data (CLD) with a new method, so the Comparability_over_time_log says earlier
figures (SALT; 2D(1) was "at home 91 days after discharge") cannot be compared. None of them is
the report's "discharged to an acceptable destination / delayed discharges"
(hospital_discharge). Left out: 2B, 2C, 2E (no chart) and 5A(1) (users' social contact).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from narrator.databuild.common import (
    ENGLAND_CODE,
    Row,
    clean,
    make_row,
    normalise_period,
    parse_cell,
    period_end,
    sheet_cell,
)
from narrator.errors import DataError

SOURCE_ID = "ascof_2024_25"
FILE_NAME = "ascof_timeseries_2015-16_to_2024-25.ods"


@dataclass(frozen=True)
class TableSpec:
    """How one ASCOF sheet maps to a chart."""

    sheet: str
    chart_id: str
    measure: str
    denominator: str
    parts: tuple[tuple[str, str], ...] = (("outcome", ""),)  # (column part, breakdown)
    note: str = ""


SURVEY_NOTE = "survey estimate"
# 2D labels name no age ("65+", "older") and no period ("twelve weeks"): the verifier reads
# age words as the token "65" (so "England (65.1%)" in a summary would be tied to 2D) and
# number words as figures. The age is in the denominator and note, the 12 weeks in the note.
AGED_65 = "people aged 65 and over; "
CLD_NOTE = (
    "client level data, official statistics in development; new method from 2024-25, "
    "not comparable with earlier years"
)
TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "Table_1d",
        "user_satisfaction",
        "service users satisfied with their care and support",
        "people using services surveyed",
        note="ASCOF 1D; " + SURVEY_NOTE,
    ),
    TableSpec(
        "Table_2a",
        "reablement",
        "people new to services who needed no further ongoing support after reablement",
        "people new to services who received reablement",
        note="ASCOF 2A; " + CLD_NOTE,
    ),
    TableSpec(
        "Table_2d(1)",
        "reablement",
        "people still living in the community after leaving hospital into reablement",
        "people aged 65+ discharged from hospital into reablement",
        note="ASCOF 2D(1); " + AGED_65 + "still in the community within 12 weeks; " + CLD_NOTE,
    ),
    TableSpec(
        "Table_2d(2)",
        "reablement",
        "people discharged from hospital who received reablement",
        "people aged 65+ discharged from hospital",
        note="ASCOF 2D(2); " + AGED_65 + CLD_NOTE,
    ),
    TableSpec(
        "Table_3c(1)",
        "users_info",
        "service users who find it easy to get information",
        "people using services surveyed",
        note="ASCOF 3C(1); " + SURVEY_NOTE,
    ),
    TableSpec(
        "Table_3c(2)",
        "carers_info",
        "carers who find it easy to get information",
        "carers surveyed",
        note="ASCOF 3C(2); biennial carers survey; " + SURVEY_NOTE,
    ),
    TableSpec(
        "Table_5a(2)",
        "carers_social_contact",
        "carers who have as much social contact as they want",
        "carers surveyed",
        note="ASCOF 5A(2); biennial carers survey; " + SURVEY_NOTE,
    ),
    TableSpec(
        "Table_6a",
        "workforce_turnover",
        "care staff who left their job in the last 12 months",
        "care workforce staff",
        note="ASCOF 6A; council-level figure (Skills for Care ASC-WDS turnover)",
    ),
    TableSpec(
        "Table_6b",
        "providers_cqc",
        "residential care providers by CQC rating",
        "residential providers",
        parts=(
            ("6b outcome", "good or outstanding"),
            ("other outcome", "requires improvement or inadequate"),
            ("not yet rated outcome", "not yet rated"),
        ),
        note="ASCOF 6B; CQC ratings of residential providers",
    ),
)


def _header_row(frame: pd.DataFrame, sheet: str) -> int:
    for i in range(min(15, len(frame))):
        if clean(frame.iloc[i, 0]) == "Local authority code":
            return i
    raise DataError("no 'Local authority code' header row", file=FILE_NAME, field=sheet)


def _authority(first: object, name: object, ons: object) -> tuple[str, str, str] | None:
    """(code, name, kind) for England/region/council rows; None for council-type rows."""
    code = clean(ons)
    if code == ENGLAND_CODE:
        return code, "England", "england"
    if code.startswith("E12"):
        return code, clean(name), "region"
    if code.startswith("E") and clean(first):
        return code, clean(name), "council"
    return None


def parse_table(frame: pd.DataFrame, spec: TableSpec) -> list[Row]:
    """Rows of one ASCOF sheet read with ``header=None`` (row numbers match the sheet)."""
    head = _header_row(frame, spec.sheet)
    headers = [clean(h) for h in frame.iloc[head]]
    columns: list[tuple[int, str, str, str]] = []  # (col index, header, period, breakdown)
    for j, header in enumerate(headers):
        if " - " not in header:
            continue
        year, part = header.split(" - ", 1)
        for wanted, breakdown in spec.parts:
            if part.strip().lower() == wanted:
                columns.append((j, header, normalise_period(year), breakdown))
    if not columns:
        raise DataError("no outcome columns found", file=FILE_NAME, field=spec.sheet)
    rows: list[Row] = []
    for i in range(head + 1, len(frame)):
        who = _authority(frame.iloc[i, 0], frame.iloc[i, 1], frame.iloc[i, 2])
        if who is None:
            continue
        code, name, kind = who
        for j, header, period, breakdown in columns:
            rows.append(
                make_row(
                    code=code,
                    name=name,
                    kind=kind,  # type: ignore[arg-type]
                    parsed=parse_cell(frame.iloc[i, j]),
                    note=spec.note,
                    chart_id=spec.chart_id,
                    measure=spec.measure,
                    breakdown=breakdown,
                    period=period,
                    period_end=period_end(period),
                    unit="percent",
                    denominator=spec.denominator,
                    source=SOURCE_ID,
                    table=spec.sheet,
                    cell=sheet_cell(spec.sheet, i, j, header, name),
                )
            )
    return rows


def read(path: Path) -> list[Row]:
    """All chart rows from the ASCOF workbook at ``path`` (an .ods file; needs odfpy)."""
    if not path.exists():
        raise DataError("ASCOF workbook not found", file=str(path))
    sheets = pd.read_excel(
        path, sheet_name=[t.sheet for t in TABLES], header=None, engine="odf", dtype=object
    )
    rows: list[Row] = []
    for spec in TABLES:
        rows.extend(parse_table(sheets[spec.sheet], spec))
    return rows
