"""Fictional councils for scale tests: ``narrator data synthetic``.

:func:`generate_synthetic` reads the real shipped ``observations.csv`` only to learn which
series exist and their typical size, then writes a stand-alone CSV in the same schema with
``n_councils`` invented councils ("Demo Borough 001" ..., codes ``X99000001`` ...), one
invented region (``X12000001`` "Synthetic Region") and an invented England
(``X92000001`` "England (synthetic)"). Every row has ``synthetic=true``, source ``synthetic``
and note ``synthetic``. Nothing in the output is a real figure for a real place.

Values: for every series (chart, measure, breakdown, period, unit, denominator; sources
merged) that real councils report, each fictional council gets a value drawn with a seeded random
generator around a centre (the real England value for rates, shares, ranks and scores; the
real council median for counts and money totals) with the real councils' relative spread.
The region and England rows are the mean of the fictional councils (the sum for counts and
money totals). Same arguments -> byte-identical file.
"""

from __future__ import annotations

import csv
import random
import statistics
from collections import defaultdict
from pathlib import Path

from narrator.databuild.common import Parsed, Row, make_row, render_csv
from narrator.errors import DataError
from narrator.paths import atomic_write_text

SOURCE_ID = "synthetic"
REGION = ("X12000001", "Synthetic Region")
ENGLAND = ("X92000001", "England (synthetic)")
EXTENSIVE = {"count", "gbp_thousands"}  # summed, not averaged, for region / England
BOUNDS = {"percent": (0.0, 100.0), "rank": (1.0, 32844.0), "decile": (1.0, 10.0)}

SeriesKey = tuple[str, str, str, str, int, str, str]


def _base_csv(base: Path) -> Path:
    base = Path(base)
    path = base / "observations.csv" if base.is_dir() else base
    if not path.exists():
        raise DataError("real observations.csv not found (needed as the base)", file=str(path))
    return path


def _series(path: Path) -> tuple[dict[SeriesKey, list[float]], dict[SeriesKey, float]]:
    """Real council values and England values per series key."""
    councils: dict[SeriesKey, list[float]] = defaultdict(list)
    england: dict[SeriesKey, float] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            if rec["synthetic"] == "true" or not rec["value"]:
                continue
            key: SeriesKey = (
                rec["chart_id"],
                rec["measure"],
                rec["breakdown"],
                rec["period"],
                int(rec["period_end"]),
                rec["unit"],
                rec["denominator"],
            )
            if rec["authority_kind"] == "council":
                councils[key].append(float(rec["value"]))
            elif rec["authority_kind"] == "england":
                england[key] = float(rec["value"])
    return councils, england


def _draw(rng: random.Random, centre: float, spread: float, unit: str) -> float:
    value = max(0.0, rng.gauss(centre, spread))
    low, high = BOUNDS.get(unit, (0.0, float("inf")))
    value = min(max(value, low), high)
    if unit == "count":
        return float(round(value))
    return round(value, 1) if unit in ("percent", "gbp_thousands") else round(value, 2)


def _row(code: str, name: str, kind: str, key: SeriesKey, value: float, cell: str) -> Row:
    chart, measure, breakdown, period, end, unit, denominator = key
    region = "" if kind == "england" else REGION[0]
    return make_row(
        code=code,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        region_code=region,
        region_name=REGION[1] if region else "",
        parsed=Parsed(value),
        note="synthetic",
        synthetic=True,
        chart_id=chart,
        measure=measure,
        breakdown=breakdown,
        period=period,
        period_end=end,
        unit=unit,
        denominator=denominator,
        source=SOURCE_ID,
        table="generated",
        cell=cell,
    )


def generate_synthetic(n_councils: int, seed: int, out_path: Path, base: Path) -> Path:
    """Write ``n_councils`` fictional councils (+ region, England) to ``out_path``.

    ``base`` is the real ``observations.csv`` (or the folder holding it).
    """
    if n_councils < 1:
        raise DataError("n_councils must be at least 1")
    councils, england = _series(_base_csv(base))
    if not councils:
        raise DataError("the base file has no council values to imitate", file=str(base))
    rng = random.Random(seed)
    rows: list[Row] = []
    drawn: dict[SeriesKey, list[float]] = defaultdict(list)
    for key in sorted(councils):
        values = councils[key]
        unit = key[5]
        median = statistics.median(values)
        centre = median if unit in EXTENSIVE else england.get(key, median)
        spread = statistics.pstdev(values) if len(values) > 1 else abs(centre) * 0.1
        for i in range(1, n_councils + 1):
            value = _draw(rng, centre, spread, unit)
            drawn[key].append(value)
            rows.append(
                _row(
                    f"X99{i:06d}",
                    f"Demo Borough {i:03d}",
                    "council",
                    key,
                    value,
                    f"seed {seed}, draw {i}",
                )
            )
    for code, name, kind in ((REGION[0], REGION[1], "region"), (ENGLAND[0], ENGLAND[1], "england")):
        for key, values in sorted(drawn.items()):
            agg = sum(values) if key[5] in EXTENSIVE else statistics.fmean(values)
            how = "sum" if key[5] in EXTENSIVE else "mean"
            rows.append(_row(code, name, kind, key, agg, f"{how} of the synthetic councils"))
    atomic_write_text(Path(out_path), render_csv(rows))
    return Path(out_path)
