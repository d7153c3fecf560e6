"""The Verifier class: same verdicts as verify_text on the labelled corpus, bounded own cache."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder
from narrator.models import TextRecord
from narrator.paths import data_dir
from narrator.verify import Verifier, check_consistency, verify_text, violations_feedback
from narrator.verify.sample import LEICESTER, sample_builder

CORPUS = Path(__file__).resolve().parent.parent / "evals/verifier/corpus.jsonl"
SAMPLE_EVERY = 3  # ~330 of the 1,000 corpus texts, every kind and failure mode


@cache
def _corpus_sample() -> list[tuple[str, list]]:
    catalog = load_catalog()
    fb = FactBuilder(load_dataset(chart_ids=catalog.ids), catalog)
    built: dict[tuple[str, str], object] = {}
    out = []
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    for r in records[::SAMPLE_EVERY]:
        sheets = []
        for chart in r["charts"]:
            key = (r["authority_code"], chart)
            if key not in built:
                built[key] = fb.sheet(*key)
            sheets.append(built[key])
        out.append((r["text"], sheets))
    return out


@pytest.mark.skipif(
    not (data_dir() / "observations.csv").exists() or not CORPUS.exists(),
    reason="needs the shipped data and the verifier corpus",
)
def test_verifier_matches_verify_text_on_the_corpus():
    """One long-lived Verifier (cached indexes, twice over) == a fresh verify_text per text."""
    sample = _corpus_sample()
    assert len(sample) >= 300
    verifier = Verifier()
    outcomes = set()
    for _ in range(2):  # the second pass is served from the verifier's index cache
        for text, sheets in sample:
            expected = verify_text(text, sheets).model_dump()
            assert verifier.verify(text, sheets).model_dump() == expected, text
            assert verify_text(text, sheets, verifier=verifier).model_dump() == expected, text
            outcomes.add(expected["outcome"])
    assert outcomes == {"pass", "fail"}


FB = sample_builder()


def test_feedback_and_consistency_match_the_module_functions():
    sheet = FB.sheet(LEICESTER.code, "op_need")
    verifier = Verifier()
    bad = "Leicester had 2,199 requests per 100,000 residents, above England (2,438)."
    verdict = verifier.verify(bad, [sheet])
    assert verdict.outcome == "fail"
    assert verifier.feedback(verdict) == violations_feedback(verdict) != []
    bodies = [
        "Leicester had 2,199 requests per 100,000 residents.",
        "Leicester had about 2,190 requests per 100,000 residents.",
    ]
    texts = [
        TextRecord(
            id=f"t{i}",
            kind="chart",
            authority_code=LEICESTER.code,
            body=body,
            backend="x",
            model="x",
            prompt_version="x",
            fact_sheet=sheet,
        )  # fmt: skip
        for i, body in enumerate(bodies)
    ]
    clashes = verifier.consistency(texts)
    assert [c.kind for c in clashes] == ["consistency"]
    assert [c.model_dump() for c in clashes] == [c.model_dump() for c in check_consistency(texts)]


def test_index_cache_is_per_instance_bounded_and_identity_checked():
    a, b, c = (FB.sheet(LEICESTER.code, chart) for chart in ("op_need", "wa_need", "op_care_types"))
    verifier = Verifier(cache_size=2)
    first = verifier.index([a])
    assert verifier.index([a]) is first  # the same objects: served from the cache
    verifier.index([b])
    verifier.index([a, c])
    assert len(verifier._indexes) == 2  # bounded: the least recently used entry went
    assert verifier.index([a]) is not first  # ... and is rebuilt on demand
    equal_copy = a.model_copy()  # equal content, another object: indexed on its own
    assert verifier.index([equal_copy]) is not verifier.index([a])
    assert Verifier().index([a]) is not verifier.index([a])  # no state shared between instances
