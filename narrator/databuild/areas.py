"""``data/areas.csv``: each council's land area and population, for the peer model's density.

Source: mySociety's *UK Local Authority Names and Codes* table
(https://github.com/mysociety/uk_local_authority_names_and_codes,
``data/packages/uk_la_future/uk_local_authorities_future.csv``, MIT licence), whose ``area``
(km², from the ONS boundaries) and ``pop-2020`` (ONS mid-2020 population estimate) columns give
people per km². Only current authorities whose GSS code is a council of the dataset are kept;
every row records the source file and the commit it was read from.

    narrator data areas uk_local_authorities_future.csv --version <commit>
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from narrator.data import positive_number
from narrator.errors import DataError
from narrator.models import Authority

SOURCE = (
    "mysociety/uk_local_authority_names_and_codes:"
    "data/packages/uk_la_future/uk_local_authorities_future.csv"
)
AREA_COLUMNS = (
    "authority_code", "authority_name", "area_km2", "population_2020", "source", "source_version",
)  # fmt: skip
_NEEDED = ("gss-code", "current-authority", "area", "pop-2020")


def convert(source_csv: Path, version: str, authorities: dict[str, Authority]) -> str:
    """The text of ``data/areas.csv`` from mySociety's table (see the module docstring)."""
    try:
        frame = pd.read_csv(source_csv, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read: {exc}", file=str(source_csv)) from None
    missing = [c for c in _NEEDED if c not in frame.columns]
    if missing:
        raise DataError(f"missing column(s): {', '.join(missing)}", file=str(source_csv), row=1)
    councils = {c: a for c, a in authorities.items() if a.kind == "council" and not a.synthetic}
    rows: dict[str, dict[str, object]] = {}
    for i, rec in enumerate(frame.to_dict("records")):
        code = rec["gss-code"]
        if code not in councils or rec["current-authority"] != "True":
            continue
        numbers = [
            positive_number(rec[column], str(source_csv), i + 2, column)
            for column in ("area", "pop-2020")
        ]
        rows[code] = {
            "authority_code": code, "authority_name": councils[code].name,
            "area_km2": numbers[0], "population_2020": int(numbers[1]),
            "source": SOURCE, "source_version": version,
        }  # fmt: skip
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(AREA_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows[code] for code in sorted(rows))
    return buf.getvalue()
