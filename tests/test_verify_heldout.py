"""Regression floor on the blind held-out DEV split (evals/verifier/heldout/dev.jsonl).

The held-out texts were written by people who never saw the verifier, with every claim labelled
by hand. The dev split is the one we tune on, so this is a floor against regressions, not an
accuracy figure: the test split is scored only by ``python benchmarks/verifier.py --split test``
and never by a test (a test on it would make it a tuning target).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _bench import verifier_benchmark

from narrator.paths import data_dir
from narrator.verify import Verifier

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "evals/verifier/heldout/dev.jsonl"


@pytest.mark.skipif(
    not (data_dir() / "observations.csv").exists() or not DEV.exists(),
    reason="needs the shipped data and the held-out dev split",
)
def test_dev_split_recall_and_false_contradictions_hold_their_floor():
    bench = verifier_benchmark()
    records, sheets = bench.load_heldout("dev")
    # thirty rounds of writers (w1-w28, w35-w41, w45-w47, w51-w54, w58-w63, w67-w69,
    # w73-w78, w88-w93, w97-w100, w103-w109, w112-w123)
    assert len(records) >= 4357
    scored = bench.score_heldout(records, sheets, Verifier())
    wrong, caught = sum(scored["wrong"].values()), sum(scored["caught"].values())
    correct = sum(scored["correct"].values())
    contradicted = sum(scored["contradicted"].values())
    assert wrong >= 2580 and correct >= 22900
    # 95.3 % (573/601) with 1.8 % contradicted on 2026-12-01, fourth session, after round 9;
    # 95.4 % (708/742) with 1.7 % in the fifth session, with round 10; 94.7 % with 1.8 % at the
    # start of the sixth (rounds 13 and w38's dev half); 95.3 % with 1.3 % at its end (with 14);
    # 94.1 % with 1.6 % at the start of the seventh (with rounds 16 and 18), 96.2 % with 1.3 %
    # at its end; 91.9 % with 2.1 % with the eighth session's starting code once its rounds
    # 20, 22 and 24 (one focus per writer: measure binding; units, scales and similar councils;
    # change over time, periods and strength) joined, 95.1 % with 1.9 % at its end; 93.3 % with
    # 2.4 % with the ninth session's starting code once its stress rounds 26 and 27 joined,
    # 95.4 % (1,673/1,754) with 1.9 % at its end; 95.3 % with 1.9 % with the tenth session's
    # starting code once its round 31 joined, 95.8 % (1,749/1,825) with 1.9 % at its end;
    # 96.1 % with 2.02 % once round 32 joined (stress texts on change over time, 7.5 % of
    # their correct claims contradicted when first scored), so the ceiling moved from 2.0 %
    # to 2.1 % (the target on test is 3 %); 95.8 % with 2.07 % with the eleventh session's
    # starting code once its round 33 joined, 96.8 % (1,901/1,964) with 2.0 % at its end;
    # 95.9 % with 2.0 % with the twelfth session's starting code once its rounds 35 and 36
    # joined, 96.8 % (2,033/2,101) with 1.9 % at its end; 96.1 % with 2.0 % with the
    # thirteenth session's starting code once its rounds 38-40 joined, 96.8 % (2,195/2,268)
    # with 1.9 % (360/19,432) at its end; 95.9 % with 1.9 % with the fourteenth session's
    # starting code once its rounds 42 and 43 joined, 96.5 % (2,390/2,477) with 1.9 %
    # (405/21,783) at its end (406 was written here at first; the verdicts at that commit give
    # 405); 96.0 % with 1.9 % with the fifteenth session's starting code once its round 44
    # joined, 96.5 % (2,499/2,589) with 1.9 % (436/22,974) at its end
    assert caught / wrong >= 0.95, f"recall {caught}/{wrong}"
    assert contradicted / correct <= 0.021, f"correct claims contradicted {contradicted}/{correct}"
    # causes and invented facts never pass
    kept_out = sum(scored["unverifiable_caught"].values())
    assert kept_out >= 0.85 * sum(scored["unverifiable"].values())
