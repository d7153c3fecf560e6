"""Oflog Local Authority Data Explorer adult social care extract (ASC_data.csv) -> rows.

A tidy CSV (one value per council, measure and financial year, 2015-16 to 2022-23), councils
only (``Grouping == LA_Raw``). Used for:

* ``ASC3`` / ``ASC4`` ease of finding information (users / carers): the same ASCOF survey
  measures (3D(1) / 3D(2), now 3C(1) / 3C(2)), so they carry the ASCOF measure labels; the build
  keeps them only where ASCOF has no reported value for the same council and period;
* ``ASC7`` workforce turnover rate 2016-17 to 2022-23: Oflog does not define it as ASCOF 6A
  (which starts in 2023-24), so it is a separate measure and does not join the 6A series;
* a council -> region lookup (the ``Region`` column).

Left out (no matching chart): ``ASC1`` carer quality of life, ``ASC2`` adjusted quality of
life, ``ASC5`` short-term service outcome, ``ASC6`` requests resulting in a service.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from narrator.databuild.common import (
    REGION_BY_NAME,
    REGIONS,
    Row,
    make_row,
    normalise_period,
    parse_cell,
    period_end,
)
from narrator.errors import DataError

SOURCE_ID = "oflog_asc_explorer"
FILE_NAME = "ASC_data.csv"

MEASURES = {
    # code: (chart, measure, unit, denominator, note)
    "ASC3": (
        "users_info",
        "service users who find it easy to get information",
        "percent",
        "people using services surveyed",
        "Oflog extract of ASCOF 3D(1) (now 3C(1)); survey estimate",
    ),
    "ASC4": (
        "carers_info",
        "carers who find it easy to get information",
        "percent",
        "carers surveyed",
        "Oflog extract of ASCOF 3D(2) (now 3C(2)); survey estimate",
    ),
    "ASC7": (
        "workforce_turnover",
        "care staff turnover rate (Oflog series)",
        "percent",
        "care workforce staff",
        "Oflog workforce turnover rate (Skills for Care); not the same series as ASCOF 6A",
    ),
}


def load(path: Path) -> pd.DataFrame:
    """The CSV as a frame with a ``line`` column (file line number of each record)."""
    if not path.exists():
        raise DataError("Oflog ASC extract not found", file=str(path))
    frame = pd.read_csv(path, dtype={"Value": float}, keep_default_na=True)
    frame["line"] = range(2, len(frame) + 2)
    return frame


def regions(frame: pd.DataFrame) -> dict[str, str]:
    """Council code -> region code from the ``Region`` column."""
    out: dict[str, str] = {}
    for code, region in zip(frame["Local authority code"], frame["Region"], strict=True):
        if isinstance(region, str) and region.strip().lower() in REGION_BY_NAME:
            out[str(code).strip()] = REGION_BY_NAME[region.strip().lower()]
    return out


def parse_frame(frame: pd.DataFrame) -> list[Row]:
    """Rows for the measures of :data:`MEASURES` (council rows only)."""
    rows: list[Row] = []
    picked = frame[(frame["Grouping"] == "LA_Raw") & frame["Code"].isin(list(MEASURES))]
    for rec in picked.itertuples(index=False):
        chart, measure, unit, denominator, note = MEASURES[str(rec.Code)]
        period = normalise_period(str(rec[0]))
        value = rec.Value
        region_code = REGION_BY_NAME.get(str(rec.Region).strip().lower(), "")
        name = str(rec[2]).strip()
        rows.append(
            make_row(
                code=str(rec[1]).strip(),
                name=name,
                kind="council",
                region_code=region_code,
                region_name=REGIONS.get(region_code, ""),
                parsed=parse_cell(None if value is None or math.isnan(value) else value),
                note=note,
                chart_id=chart,
                measure=measure,
                unit=unit,
                denominator=denominator,
                period=period,
                period_end=period_end(period),
                source=SOURCE_ID,
                table=FILE_NAME,
                cell=f"line {rec.line}, column 'Value' ({rec.Code}, {rec[0]}, {name})",
            )
        )
    return rows


def read(path: Path) -> list[Row]:
    """All chart rows from the Oflog extract at ``path``."""
    return parse_frame(load(path))
