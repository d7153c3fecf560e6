"""Time building every fact sheet for every shipped council (target: < 2 s for 150 x 35).

Run: python benchmarks/facts.py [--data-file outputs/synthetic/observations.csv]
Prints load time, build time, sheets per second and facts per sheet. No assertion: a measurement.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-file", type=Path, action="append", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="best of N builds")
    args = parser.parse_args()

    t0 = time.perf_counter()
    catalog = load_catalog()
    dataset = load_dataset(args.data_file, chart_ids=catalog.ids)
    load_s = time.perf_counter() - t0
    gc.freeze()  # as the CLI does after loading: loaded data is not re-scanned by the GC
    councils = dataset.councils()

    best = best_cpu = float("inf")
    n_sheets = n_facts = 0
    for _ in range(args.repeat):
        t1, c1 = time.perf_counter(), time.process_time()
        builder = FactBuilder(dataset, catalog)  # index building is part of the timed work
        sheets = [s for a in councils for s in builder.sheets_for(a.code)]
        best = min(best, time.perf_counter() - t1)
        best_cpu = min(best_cpu, time.process_time() - c1)
        n_sheets, n_facts = len(sheets), sum(len(s.facts) for s in sheets)

    print(
        f"observations          : {len(dataset.observations):,} ({load_s:.2f} s to load+validate)"
    )
    print(f"councils x charts     : {len(councils)} x {len(catalog.charts)} = {n_sheets:,} sheets")
    print(f"facts                 : {n_facts:,} ({n_facts / max(n_sheets, 1):.1f} per sheet)")
    print(
        f"build all fact sheets : {best:.2f} s (best of {args.repeat}), "
        f"{n_sheets / best:,.0f} sheets/s; CPU time {best_cpu:.2f} s (one core); "
        f"target < 2 s -> {'OK' if best < 2 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
