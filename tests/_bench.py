"""The verifier benchmark script as a module (its corpus and held-out loaders and scorers)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def verifier_benchmark():
    spec = importlib.util.spec_from_file_location("bench_verifier", ROOT / "benchmarks/verifier.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module
