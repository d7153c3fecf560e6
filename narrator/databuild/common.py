"""Shared helpers for the data build: cell parsing, periods, locators, rows and CSV output.

Every source module turns one official file into a list of :class:`Row` objects (an
:class:`~narrator.models.Observation` plus the authority columns of ``data/observations.csv``).
This module holds what they share, so the conventions of ``data/README.md`` live in one place:

* published markers: ``[x]`` -> status ``missing``, ``[c]`` -> ``suppressed``, ``[z]`` ->
  ``not_applicable`` (always with an empty value);
* periods: ``"2023 to 2024"`` and ``"2023-24"`` are both written ``2023-24`` (period_end 2024);
* deterministic formatting: integers without ``.0``, other numbers rounded to 6 decimals.
"""

from __future__ import annotations

import csv
import io
import math
import numbers
import re
from dataclasses import dataclass
from typing import Any

from narrator.data import COLUMNS
from narrator.models import AuthorityKind, Observation

ENGLAND_CODE = "E92000001"

#: The nine English regions (ONS codes and names). Publishers spell some differently
#: ("Eastern", "Yorkshire and the Humber"); every output row uses these names.
REGIONS: dict[str, str] = {
    "E12000001": "North East",
    "E12000002": "North West",
    "E12000003": "Yorkshire and The Humber",
    "E12000004": "East Midlands",
    "E12000005": "West Midlands",
    "E12000006": "East of England",
    "E12000007": "London",
    "E12000008": "South East",
    "E12000009": "South West",
}
REGION_BY_NAME: dict[str, str] = {name.lower(): code for code, name in REGIONS.items()}
REGION_BY_NAME["eastern"] = "E12000006"


class Row(Observation):
    """One output row: an Observation plus the authority columns of observations.csv."""

    authority_name: str
    authority_kind: AuthorityKind
    region_code: str = ""
    region_name: str = ""
    synthetic: bool = False

    def key(self) -> tuple[str, ...]:
        """The uniqueness key of data/README.md (authority, chart, measure, ..., source)."""
        return (
            self.authority_code,
            self.chart_id,
            self.measure,
            self.breakdown,
            self.period,
            self.unit,
            self.denominator,
            self.source,
        )

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.authority_code,
            self.chart_id,
            self.measure,
            self.breakdown,
            self.period_end,
            self.source,
            self.period,
            self.unit,
            self.denominator,
        )


@dataclass(frozen=True)
class Parsed:
    """A published cell read as value + status + suppression flag (+ an optional note)."""

    value: float | None
    status: str = "reported"
    suppressed: bool = False
    note: str = ""


_BRACKETED = re.compile(r"^\s*([-\d.,]+)\s*\(\s*([^()]*?)\s*\)\s*$")


def parse_cell(raw: object) -> Parsed:
    """Read one published cell.

    >>> parse_cell("[x]").status, parse_cell("[c]").suppressed, parse_cell("[z]").status
    ('missing', True, 'not_applicable')
    >>> parse_cell("1,234").value, parse_cell(61.8).value
    (1234.0, 61.8)
    >>> parse_cell("57.3 (56.1)").value
    57.3

    ASCOF shows 2016-17 SACE scores as ``official (original eligible population)``: the
    official figure outside the brackets is kept and the bracketed one goes to the note.
    Empty cells count as missing.
    """
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return Parsed(None, "missing")
    if isinstance(raw, bool):
        raise ValueError(f"unexpected boolean cell {raw!r}")
    if isinstance(raw, numbers.Real):
        if math.isnan(float(raw)):
            return Parsed(None, "missing")
        return Parsed(float(raw))
    text = str(raw).strip()
    low = text.lower()
    if low in ("", "-", ".."):
        return Parsed(None, "missing")
    if low == "[x]":
        return Parsed(None, "missing")
    if low == "[c]":
        return Parsed(None, "reported", suppressed=True)
    if low == "[z]":
        return Parsed(None, "not_applicable")
    match = _BRACKETED.match(text)
    if match:
        other = match.group(2) if re.fullmatch(r"[-\d.,]+", match.group(2)) else "not available"
        return Parsed(
            float(match.group(1).replace(",", "")),
            note=f"official score; on the pre-2016-17 eligible population: {other}",
        )
    try:
        return Parsed(float(text.replace(",", "")))
    except ValueError as exc:
        raise ValueError(f"cannot read {text!r} as a number or marker") from exc


def normalise_period(raw: str) -> str:
    """``"2023 to 2024"`` / ``"2023-24"`` / ``"2023/24"`` -> ``"2023-24"``; ``"2024"`` stays.

    >>> normalise_period("2023 to 2024"), normalise_period("2023/24"), normalise_period("2024")
    ('2023-24', '2023-24', '2024')
    """
    text = str(raw).strip()
    match = re.fullmatch(r"(\d{4})\s*(?:to|-|/|–)\s*(\d{2}|\d{4})", text)
    if match:
        return f"{match.group(1)}-{match.group(2)[-2:]}"
    if re.fullmatch(r"\d{4}", text):
        return text
    raise ValueError(f"unrecognised period {raw!r}")


def period_end(period: str) -> int:
    """The calendar year a period ends in: ``2023-24`` -> 2024, ``2024`` -> 2024."""
    start = int(period[:4])
    if len(period) == 4:
        return start
    return start + 1


def col_letter(index: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 27 -> AB)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def sheet_cell(sheet: str, row_index: int, col_index: int, header: str, who: str = "") -> str:
    """Human locator of a spreadsheet cell read with ``header=None`` (0-based indices).

    >>> sheet_cell("Table_1d", 91, 28, "2023 to 2024 - outcome", "Leicester")
    "Table_1d!AC92 (row 92, column '2023 to 2024 - outcome', Leicester)"
    """
    ref = f"{sheet}!{col_letter(col_index)}{row_index + 1}"
    tail = f", {who}" if who else ""
    return f"{ref} (row {row_index + 1}, column '{clean(header)}'{tail})"


def clean(text: object) -> str:
    """Collapse whitespace (headers contain line breaks and trailing spaces)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return re.sub(r"\s+", " ", str(text)).strip()


def format_value(value: float | None) -> str:
    """Deterministic number text: ints as ints, else up to 6 decimals, never exponent form.

    >>> format_value(16825.0), format_value(0.1 + 0.2), format_value(1e-05), format_value(None)
    ('16825', '0.3', '0.00001', '')
    """
    if value is None:
        return ""
    if not math.isfinite(value):
        raise ValueError(f"non-finite value {value!r}")
    rounded = round(value, 6)
    if rounded == int(rounded):
        return str(int(rounded))
    text = f"{rounded:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def row_to_record(row: Row) -> list[str]:
    """One Row as the strings written to the CSV, in :data:`COLUMNS` order."""
    return [
        row.authority_code,
        row.authority_name,
        row.authority_kind,
        row.region_code,
        row.region_name,
        "true" if row.synthetic else "false",
        row.chart_id,
        row.measure,
        row.breakdown,
        row.period,
        str(row.period_end),
        format_value(row.value),
        row.unit,
        row.denominator,
        "true" if row.suppressed else "false",
        row.status,
        row.source,
        row.table,
        row.cell,
        row.note,
    ]


def render_csv(rows: list[Row]) -> str:
    """Rows sorted by the documented key and rendered as CSV text (``\\n`` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in sorted(rows, key=Row.sort_key):
        writer.writerow(row_to_record(row))
    return buffer.getvalue()


def make_row(
    *,
    code: str,
    name: str,
    kind: AuthorityKind,
    parsed: Parsed,
    note: str = "",
    region_code: str = "",
    region_name: str = "",
    **fields: Any,
) -> Row:
    """Build a Row from a parsed cell; joins the cell's own note to ``note``."""
    notes = "; ".join(n for n in (note, parsed.note) if n)
    return Row(
        authority_code=code,
        authority_name=name,
        authority_kind=kind,
        region_code=region_code,
        region_name=region_name,
        value=parsed.value,
        status=parsed.status,  # type: ignore[arg-type]
        suppressed=parsed.suppressed,
        note=notes,
        **fields,
    )


def derived_per_100k(total: float | None, population: float | None) -> float | None:
    """``total / population * 100000`` or None when either part is unknown or zero."""
    if total is None or population is None or population <= 0:
        return None
    return total / population * 100_000
