"""Build small observation CSV files for tests (same schema as data/observations.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

from narrator.data import COLUMNS

ENGLAND = {
    "authority_code": "E92000001",
    "authority_name": "England",
    "authority_kind": "england",
    "region_code": "",
    "region_name": "",
}
EAST_MIDLANDS = {
    "authority_code": "E12000004",
    "authority_name": "East Midlands",
    "authority_kind": "region",
    "region_code": "E12000004",
    "region_name": "East Midlands",
}


def council(code: str, name: str, region: dict = EAST_MIDLANDS) -> dict[str, str]:
    return {
        "authority_code": code,
        "authority_name": name,
        "authority_kind": "council",
        "region_code": region["authority_code"],
        "region_name": region["authority_name"],
    }


LEICESTER = council("E06000016", "Leicester")


def row(
    who: dict,
    chart_id: str,
    measure: str,
    value: str | float | None,
    *,
    period="2024",
    period_end=2024,
    unit="per_100k",
    denominator="residents",
    breakdown="",
    suppressed=False,
    status="reported",
    source="test_source",
    synthetic=False,
) -> dict:
    r = {c: "" for c in COLUMNS}
    r.update(who)
    r.update(
        synthetic="true" if synthetic else "false",
        chart_id=chart_id,
        measure=measure,
        breakdown=breakdown,
        period=period,
        period_end=str(period_end),
        value="" if value is None else str(value),
        unit=unit,
        denominator=denominator,
        suppressed="true" if suppressed else "false",
        status=status,
        source=source,
        table="T1",
        cell=f"row {chart_id}/{measure}",
        note="",
    )
    return r


def write_csv(path: Path, rows: list[dict], columns=COLUMNS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path
