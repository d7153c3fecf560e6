"""Build ``data/observations.csv`` (and sources.yaml, ATTRIBUTION.md, peers.csv) from the raw
official files.

Usage (the CLI wires ``narrator data build`` to :func:`build`)::

    from narrator.databuild import build
    report = build(Path("../shared/data/raw"), Path("../shared/data/leicester_reference.csv"),
                   Path("data"))

Steps: read each source with its own module (:mod:`.ascof`, :mod:`.ascfr`, :mod:`.imd`,
:mod:`.oflog`, :mod:`.reference`), drop Oflog values that ASCOF already reports for the same
council, measure and period, give every authority one name and (councils) its region, check
that keys are unique, run the peer model (:mod:`narrator.peers`) on the result for
``peers.csv``, then write the four files atomically. Same inputs -> byte-identical
output. :func:`generate_synthetic` (in :mod:`.synthetic`) writes fictional councils.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from narrator.data import PEERS_FILE
from narrator.databuild import ascfr, ascof, imd, oflog, reference
from narrator.databuild.common import ENGLAND_CODE, REGIONS, Row, render_csv
from narrator.databuild.sources import attribution_md, sources_yaml
from narrator.databuild.synthetic import generate_synthetic
from narrator.errors import DataError
from narrator.paths import atomic_write_text

__all__ = ["BuildReport", "build", "assemble", "generate_synthetic"]

#: Regions of councils that are in neither the ASCFR 2021-22 tables nor the Oflog extract
#: (created or re-coded after them). ONS geography, not statistics.
EXTRA_REGIONS: dict[str, str] = {
    "E06000063": "E12000002",  # Cumberland (from April 2023)
    "E06000064": "E12000002",  # Westmorland and Furness (from April 2023)
    "E06000065": "E12000003",  # North Yorkshire unitary (from April 2023)
    "E06000066": "E12000009",  # Somerset unitary (from April 2023)
}
#: Council codes abolished by reorganisations (2019 Dorset, 2020 Buckinghamshire, 2021
#: Northamptonshire, 2023 Cumbria / North Yorkshire / Somerset). Their rows are dropped: the
#: report covers today's councils and values are never moved between geographies.
FORMER_COUNCILS: dict[str, str] = {
    "E06000028": "Bournemouth",
    "E06000029": "Poole",
    "E10000009": "Dorset County",
    "E10000002": "Buckinghamshire County",
    "E10000021": "Northamptonshire",
    "E10000006": "Cumbria",
    "E10000023": "North Yorkshire County",
    "E10000027": "Somerset County",
}
#: Name preference when sources spell a council differently (first wins).
NAME_PRIORITY = (
    ascof.SOURCE_ID,
    ascfr.SOURCE_ID,
    imd.SOURCE_ID,
    oflog.SOURCE_ID,
    reference.SOURCE_ID,
)


class BuildReport(BaseModel):
    """What a build produced: row counts per source and chart, councils, dropped duplicates."""

    model_config = ConfigDict(frozen=True)

    rows: int
    councils: int
    regions: int
    rows_per_source: dict[str, int] = Field(default_factory=dict)
    rows_per_chart: dict[str, int] = Field(default_factory=dict)
    councils_per_chart: dict[str, int] = Field(default_factory=dict)
    oflog_duplicates_dropped: int = 0
    former_council_rows_dropped: dict[str, int] = Field(default_factory=dict)  # code -> rows
    files: list[str] = Field(default_factory=list)


def drop_oflog_duplicates(rows: list[Row]) -> tuple[list[Row], int]:
    """Remove Oflog rows whose council/measure/period ASCOF already has (prefer ASCOF).

    A row ASCOF publishes as missing/not applicable also wins: the Oflog extract carries the
    same survey results, so it never has a value there that ASCOF lacks.
    """
    reported = {
        (r.authority_code, r.measure, r.period) for r in rows if r.source == ascof.SOURCE_ID
    }
    kept = [
        r
        for r in rows
        if not (r.source == oflog.SOURCE_ID and (r.authority_code, r.measure, r.period) in reported)
    ]
    return kept, len(rows) - len(kept)


def resolve_authorities(rows: list[Row]) -> list[Row]:
    """One name per authority code, canonical region names, and a region for every council."""
    names: dict[str, str] = {}
    for sid in NAME_PRIORITY:
        for r in rows:
            if r.source == sid and r.authority_code not in names:
                names[r.authority_code] = r.authority_name
    region_of: dict[str, str] = dict(EXTRA_REGIONS)
    for r in rows:
        if r.authority_kind == "council" and r.region_code in REGIONS:
            region_of.setdefault(r.authority_code, r.region_code)
    out: list[Row] = []
    for r in rows:
        code = r.authority_code
        if r.authority_kind == "england":
            region_code, name = "", "England"
        elif r.authority_kind == "region":
            if code not in REGIONS:
                raise DataError(f"unknown region code {code}", file=r.table, field="region")
            region_code, name = code, REGIONS[code]
        else:
            region_code, name = region_of.get(code, ""), names[code]
            if not region_code:
                raise DataError(f"no region known for council {code} {name}", file=r.table)
        out.append(
            r.model_copy(
                update={
                    "authority_name": name,
                    "region_code": region_code,
                    "region_name": REGIONS.get(region_code, ""),
                }
            )
        )
    return out


def check_unique(rows: list[Row]) -> None:
    """Raise DataError naming the first duplicate key (README uniqueness rule)."""
    seen: dict[tuple[str, ...], Row] = {}
    for r in rows:
        key = r.key()
        if key in seen:
            raise DataError(
                f"duplicate key {key}: {seen[key].table} {seen[key].cell} and {r.table} {r.cell}"
            )
        seen[key] = r


def drop_former_councils(rows: list[Row]) -> tuple[list[Row], dict[str, int]]:
    """Remove rows of abolished councils (:data:`FORMER_COUNCILS`); count them per code."""
    dropped = Counter(r.authority_code for r in rows if r.authority_code in FORMER_COUNCILS)
    kept = [r for r in rows if r.authority_code not in FORMER_COUNCILS]
    return kept, dict(sorted(dropped.items()))


def assemble(raw_dir: Path, reference_csv: Path) -> tuple[list[Row], int, dict[str, int]]:
    """Read every source; return the final sorted rows, Oflog duplicates and former-council
    rows dropped."""
    rows: list[Row] = []
    rows += ascof.read(raw_dir / "ascof" / ascof.FILE_NAME)
    rows += ascfr.read(raw_dir / "ascfr_salt" / ascfr.FILE_NAME)
    rows += imd.read(raw_dir / "imd2019" / imd.FILE_NAME)
    rows += oflog.read(raw_dir / "oflog" / oflog.FILE_NAME)
    rows += reference.read(reference_csv)
    rows, former = drop_former_councils(rows)
    rows, dropped = drop_oflog_duplicates(rows)
    rows = resolve_authorities(rows)
    check_unique(rows)
    return sorted(rows, key=Row.sort_key), dropped, former


def _report(rows: list[Row], dropped: int, former: dict[str, int], files: list[str]) -> BuildReport:
    councils = {r.authority_code for r in rows if r.authority_kind == "council"}
    per_chart: dict[str, set[str]] = {}
    for r in rows:
        if r.authority_kind == "council" and r.value is not None:
            per_chart.setdefault(r.chart_id, set()).add(r.authority_code)
    return BuildReport(
        rows=len(rows),
        councils=len(councils),
        regions=len({r.authority_code for r in rows if r.authority_kind == "region"}),
        rows_per_source=dict(sorted(Counter(r.source for r in rows).items())),
        rows_per_chart=dict(sorted(Counter(r.chart_id for r in rows).items())),
        councils_per_chart={k: len(v) for k, v in sorted(per_chart.items())},
        oflog_duplicates_dropped=dropped,
        former_council_rows_dropped=former,
        files=files,
    )


def peer_table(observations: str, out_dir: Path) -> str:
    """``peers.csv`` for freshly built observations: the peer model (``peers.yaml`` and
    ``areas.csv`` in ``out_dir``, else the shipped ones) run on them (:mod:`narrator.peers`)."""
    from narrator.data import load_dataset
    from narrator.peers import AREAS_FILE, Peers, load_model

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "observations.csv"
        path.write_text(observations, encoding="utf-8")
        dataset = load_dataset([path])
    config, areas = out_dir / "peers.yaml", out_dir / AREAS_FILE
    model = load_model(config if config.exists() else None)
    return Peers(dataset, model, areas if areas.exists() else None).csv_text()


def build(raw_dir: Path, reference_csv: Path, out_dir: Path) -> BuildReport:
    """Rebuild observations.csv, sources.yaml and ATTRIBUTION.md in ``out_dir``."""
    raw_dir, reference_csv, out_dir = Path(raw_dir), Path(reference_csv), Path(out_dir)
    if not raw_dir.is_dir():
        raise DataError("raw data folder not found", file=str(raw_dir))
    rows, dropped, former = assemble(raw_dir, reference_csv)
    if ENGLAND_CODE not in {r.authority_code for r in rows}:
        raise DataError("no England rows were built")
    used = {r.source for r in rows}
    observations = render_csv(rows)
    outputs = {
        "observations.csv": observations,
        "sources.yaml": sources_yaml(used),
        "ATTRIBUTION.md": attribution_md(used),
        PEERS_FILE: peer_table(observations, out_dir),
    }
    for name, text in outputs.items():  # every file is computed before any is written
        atomic_write_text(out_dir / name, text)
    return _report(rows, dropped, former, [str(out_dir / n) for n in outputs])
