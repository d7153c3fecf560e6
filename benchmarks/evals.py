"""Eval runs: how long `narrator eval run --set core` takes, cold and from the cache, and what the
call log costs generation.

Prints, for the core set with the offline writer (no network):

* seconds for a cold run (every block written and scored) and a warm one (every text from the
  store: scoring only), and their ratio;
* writer calls of each (target for the warm run: 0);
* generation time and database size for three whole reports with the call log, per text.

Run: python benchmarks/evals.py [--set core] [--repeat 3]. No assertion: a measurement.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from narrator.catalog import load_catalog  # noqa: E402
from narrator.config import Settings  # noqa: E402
from narrator.data import load_dataset  # noqa: E402
from narrator.evals.runner import run_eval  # noqa: E402
from narrator.evals.sets import load_set  # noqa: E402
from narrator.generate import GenerateOptions, run_generate  # noqa: E402
from narrator.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="core")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    catalog = load_catalog()
    dataset = load_dataset(chart_ids=catalog.ids)
    chosen = load_set(args.set, dataset, catalog)
    cold, warm, calls = [], [], (0, 0)
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
            options = GenerateOptions(settings=Settings(out=Path(tmp)))
            t0 = time.perf_counter()
            first = asyncio.run(run_eval(chosen, dataset, catalog, options, store))
            t1 = time.perf_counter()
            second = asyncio.run(run_eval(chosen, dataset, catalog, options, store))
            t2 = time.perf_counter()
            cold.append(t1 - t0)
            warm.append(t2 - t1)
            calls = (first.writer_calls, second.writer_calls)
            store.close()
    print(f"eval set {chosen.name}: {len(chosen.items)} items, offline writer")
    print(f"  cold run {min(cold):.2f} s ({calls[0]} writer calls), warm run {min(warm):.2f} s "
          f"({calls[1]} writer calls): warm/cold {min(warm) / min(cold):.2f}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        targets = [dataset.authority(a) for a in ("Leicester", "Kent", "Camden")]
        options = GenerateOptions(settings=Settings(out=Path(tmp)))
        t0 = time.perf_counter()
        summary = asyncio.run(run_generate(dataset, catalog, targets, options))
        elapsed = time.perf_counter() - t0
        texts = summary["counts"]["texts"]
        size = (Path(tmp) / "narrator.db").stat().st_size
        print(f"generation with the call log: {texts} texts in {elapsed:.2f} s "
              f"({1000 * elapsed / texts:.1f} ms per text), database {size / 1e6:.1f} MB "
              f"({size / texts / 1e3:.0f} KB per text)")  # fmt: skip


if __name__ == "__main__":
    main()
