"""Change detector: every verdict on the template corpus is exactly the stored one.

This is not an accuracy figure (the corpus is written from the checker's own vocabulary; see
``tests/test_verify_heldout.py`` and ``benchmarks/verifier.py`` for the blind held-out set): it
proves that speed or refactoring work changes no verdict.

The digests in ``evals/verifier/verdicts.jsonl`` cover each claim's span, status, expected value,
reason and sources. A deliberate change of the checks regenerates them in the same commit:
``python benchmarks/verifier.py --write-verdicts`` (and says why in the message).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _bench import verifier_benchmark

from narrator.paths import data_dir
from narrator.verify import Verifier

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "evals/verifier/corpus.jsonl"
VERDICTS = ROOT / "evals/verifier/verdicts.jsonl"


@pytest.mark.skipif(
    not (data_dir() / "observations.csv").exists() or not VERDICTS.exists(),
    reason="needs the shipped data and the stored verdicts",
)
def test_change_detector_corpus_verdicts_are_byte_identical_to_the_stored_ones():
    bench = verifier_benchmark()
    stored = {d["id"]: d["verdict"] for d in map(json.loads, VERDICTS.open(encoding="utf-8"))}
    records, sheets = bench.load_corpus(CORPUS)
    assert len(records) == len(stored)
    verifier = Verifier()
    changed = [
        r["id"]
        for r in records
        if bench.verdict_digest(verifier.verify(r["text"], sheets[r["id"]])) != stored[r["id"]]
    ]
    assert changed == [], f"{len(changed)} verdicts changed, e.g. {changed[:10]}"
