"""Fault matrix: every fault kind of the stub server (``narrator/llm/stub_server.py``) against the
real generation path (Pipeline, OpenAIWriter through the openai SDK, verifier, offline fallback)
on 127.0.0.1. Nothing of narrator is mocked.

Per fault kind: when each request's first sightings fail, every text still ends ``verified`` with
exactly the attempts the fault cost; when every call fails, every text ends ``fallback`` after at
most ``max_attempts`` attempts. Either way the stub's own counters show the fault happened and
the run's ``faults`` count each failed attempt by kind. Then through ``narrator generate``: a
writer that fails every call (transient faults, or refusals) makes the run fail loudly (exit 2,
``writer_unreachable`` recorded) unless ``--allow-fallback``.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from narrator.catalog import Catalog, load_catalog
from narrator.cli import app
from narrator.data import load_dataset
from narrator.generate import prompt_renderer_for
from narrator.llm import get_writer
from narrator.llm.stub_server import FAULT_KINDS, StubServer, start_stub
from narrator.models import Report
from narrator.pipeline import Pipeline
from narrator.store import Store

MAX_ATTEMPTS = 4
FAST = {"backoff_initial": 0.001, "backoff_cap": 0.005}
TIMEOUT = 0.25  # client timeout of the "timeout" cases; the stub sleeps past it
STUB = {"timeout_sleep": 0.6, "retry_after": 0.005}

# stub fault kind -> (failing sightings of every request body, what the client counts per text)
TRANSIENT: dict[str, tuple[int, dict[str, int]]] = {
    "429": (2, {"http_429": 2}),
    "500": (2, {"http_500": 2}),
    "502": (2, {"http_502": 2}),  # an HTML error page
    "503": (2, {"http_503": 2}),
    "timeout": (1, {"timeout": 1}),
    "drop": (2, {"connection": 2}),  # closed with no response
    "truncated": (2, {"connection": 1, "broken_body": 1}),  # cut mid-body, then short body
    "nonjson": (2, {"broken_body": 2}),  # 200 with an HTML page
    "garbage": (2, {"invalid_reply": 2}),
    "schema": (2, {"invalid_reply": 2}),  # valid JSON, wrong schema
    "empty": (2, {"empty_reply": 2}),  # "" then null
}
PERMANENT: dict[str, dict[str, int]] = {"refusal": {"refusal": 1}}  # never retried

# what the client counts for each outcome the stub records
CLIENT_LABEL = {
    "429": "http_429", "500": "http_500", "502": "http_502", "503": "http_503",
    "timeout": "timeout", "drop": "connection", "truncated/cut": "connection",
    "truncated/short": "broken_body", "nonjson": "broken_body", "garbage": "invalid_reply",
    "schema": "invalid_reply", "empty": "empty_reply", "refusal": "refusal",
}  # fmt: skip

CHARTS = ("population", "density", "wa_need", "op_need")  # two sections: 7 texts


@pytest.fixture(scope="module")
def small():
    """Leicester with four real charts in two sections (4 blurbs, 2 summaries, 1 overall)."""
    full = load_catalog()
    charts = [c for c in full.charts if c.id in CHARTS]
    sections = [s for s in full.sections if any(c.section == s.name for c in charts)]
    catalog = Catalog(charts=charts, sections=sections)
    dataset = load_dataset(chart_ids=full.ids)
    return catalog, dataset, dataset.authority("Leicester")


def generate(small, stub: StubServer, kind: str, max_attempts: int) -> tuple[Report, Pipeline]:
    catalog, dataset, authority = small
    writer = get_writer(
        "openai", model="stub", base_url=stub.base_url, max_attempts=max_attempts,
        timeout=TIMEOUT if kind == "timeout" else 10.0, **FAST,
    )  # fmt: skip
    pipeline = Pipeline(
        dataset=dataset, catalog=catalog, writer=writer, concurrency=32,
        prompt_renderer=prompt_renderer_for(writer),
    )  # fmt: skip
    return asyncio.run(pipeline.authority_report(authority)), pipeline


def assert_stub_saw_every_call(client_calls: int, stub_calls: int, client_timeouts: int) -> None:
    """The stub counts each request it reads; the client counts each call it makes. They agree,
    except that a call the client timed out on (0.25 s in the timeout cases) may have ended
    before its request reached the stub: on a loaded machine even connecting can take that
    long. With the 10 s timeout of the other cases no call times out, so they must be equal."""
    assert stub_calls <= client_calls
    assert client_calls - stub_calls <= client_timeouts


def times(counts: dict[str, int], n: int) -> dict[str, int]:
    return {k: v * n for k, v in counts.items()}


def test_the_matrix_covers_every_fault_kind_of_the_stub():
    assert sorted([*TRANSIENT, *PERMANENT]) == sorted(FAULT_KINDS)
    with pytest.raises(ValueError, match="unknown fault kinds"):
        start_stub(fail_kinds=("418",))


@pytest.mark.parametrize("kind", list(TRANSIENT))
def test_a_transient_fault_is_retried_to_a_verified_text_or_ends_in_fallback(small, kind):
    first, per_text = TRANSIENT[kind]
    with start_stub(fail_first=first, fail_kinds=(kind,), **STUB) as stub:
        # the fault clears after `first` tries of each request: every text is verified
        report, pipeline = generate(small, stub, kind, MAX_ATTEMPTS)
        texts, stats = report.texts, pipeline.stats
        n = len(texts)
        assert n == 7 and {t.status for t in texts} == {"verified"}
        assert all(t.backend == "openai" and t.verdict.outcome == "pass" for t in texts)
        assert stub.stats[kind] == first * n  # the server's own count: the fault happened
        assert stats.writer_calls == sum(t.attempts for t in texts)
        assert_stub_saw_every_call(stats.writer_calls, stub.calls, stats.faults["timeout"])
        if kind == "timeout":  # a slow "ok" reply on a loaded machine may time out as well
            assert all(first < t.attempts <= MAX_ATTEMPTS for t in texts)
            assert stats.faults["timeout"] >= first * n
        else:
            assert all(t.attempts == first + 1 for t in texts)
            assert dict(stats.faults) == times(per_text, n)
        assert sum(stats.faults.values()) == stats.writer_calls - n  # one success per text

        # the fault never clears: attempts stop at the maximum and the fallback writes the text
        stub.reset()
        stub.configure(fail_first=0, fail_rate=1.0)
        report, pipeline = generate(small, stub, kind, 2)
        texts, stats = report.texts, pipeline.stats
        assert {t.status for t in texts} == {"fallback"}
        assert all(t.backend == "openai+offline" and t.verdict.outcome == "pass" for t in texts)
        assert all(
            t.attempts == 2 and t.drafts[0].error.startswith("GenerationError") for t in texts
        )
        assert stats.unreached == n and stats.writer_calls == 2 * n
        assert_stub_saw_every_call(stats.writer_calls, stub.calls, stats.faults["timeout"])
        assert stub.stats[kind] == stub.calls  # every call the stub saw had the fault
        assert sum(stats.faults.values()) == 2 * n
        assert set(stats.faults) == set(per_text)


def test_a_refusal_is_not_retried_and_the_fallback_writes_the_text(small):
    with start_stub(fail_first=1, fail_kinds=("refusal",), **STUB) as stub:
        report, pipeline = generate(small, stub, "refusal", MAX_ATTEMPTS)
        texts, stats = report.texts, pipeline.stats
        n = len(texts)
        assert {t.status for t in texts} == {"fallback"}
        assert all(t.backend == "openai+offline" and t.verdict.outcome == "pass" for t in texts)
        assert all(t.attempts == 1 and "refused" in t.drafts[0].error for t in texts)
        assert stub.stats["refusal"] == stub.calls == stats.writer_calls == n
        assert dict(stats.faults) == times(PERMANENT["refusal"], n) and stats.unreached == n


def test_every_fault_kind_mixed_at_half_the_calls_is_counted_by_kind(small):
    kinds = tuple(k for k in FAULT_KINDS if k != "timeout")  # timeouts: see the matrix
    # the run is small (a dozen calls): the seed is one whose random faults cover six kinds;
    # the property checked is that every injected fault is counted under what the client saw
    with start_stub(fail_rate=0.5, fail_kinds=kinds, seed=9, **STUB) as stub:
        report, pipeline = generate(small, stub, "mixed", MAX_ATTEMPTS)
        texts, stats = report.texts, pipeline.stats
        assert {t.status for t in texts} <= {"verified", "fallback"}
        assert all(t.verdict.outcome == "pass" for t in texts)
        assert all(1 <= t.attempts <= MAX_ATTEMPTS for t in texts)
        assert stub.calls == stats.writer_calls == sum(t.attempts for t in texts)
        expected: Counter[str] = Counter()
        for outcome, count in stub.stats.items():
            if outcome in CLIENT_LABEL and outcome != "truncated":  # counted as cut / short
                expected[CLIENT_LABEL[outcome]] += count
        assert stats.faults == expected  # every failed attempt, by what the client saw
        assert len(expected) >= 6 and stub.stats["ok"] == stats.verified


# ---------------------------------------------------------------- loud degradation (CLI)
RUNNER = CliRunner()


def cli_generate(stub: StubServer, out, *extra: str):
    args = [
        "generate", "-a", "Leicester", "--backend", "openai", "--model", "stub",
        "--base-url", stub.base_url, "--out", str(out), "--concurrency", "64", *extra,
    ]  # fmt: skip
    env = {"OPENAI_API_KEY": "sk-test"}
    if "timeout" in stub.behaviour.fail_kinds:  # below the --timeout flag's 1 s minimum
        env["NARRATOR_TIMEOUT"] = str(TIMEOUT)
    return RUNNER.invoke(app, args, env=env)


def run_record(out) -> tuple[list[dict], dict]:
    report = json.loads((out / "leicester" / "report.json").read_text())
    run = Store(f"sqlite:///{out / 'narrator.db'}").get_run(report["run_id"])
    assert run is not None
    return report["texts"], run["counts"]


@pytest.mark.parametrize(
    "kinds, attempts",
    [
        (tuple(TRANSIENT), 2),  # every call fails with some transient fault, retried once
        (tuple(PERMANENT), 1),  # every call is refused, never retried
    ],
    ids=["transient", "permanent"],
)
def test_a_writer_failing_every_call_fails_the_run_loudly(tmp_path, kinds, attempts):
    with start_stub(fail_rate=1.0, fail_kinds=kinds, seed=2, **STUB) as stub:
        result = cli_generate(stub, tmp_path / "a", "--max-attempts", str(attempts))
        assert result.exit_code == 2, result.output
        assert "failed on every call" in result.output and "--allow-fallback" in result.output
        texts, counts = run_record(tmp_path / "a")
        n = len(texts)
        assert n == 43 and {t["status"] for t in texts} == {"fallback"}
        assert all(t["attempts"] == attempts for t in texts)
        assert counts["writer_unreachable"] == counts["texts"] == n
        assert counts["writer_calls"] == attempts * n
        assert_stub_saw_every_call(
            counts["writer_calls"], stub.calls, counts["faults"].get("timeout", 0)
        )
        assert sum(counts["faults"].values()) == counts["writer_calls"]  # every call, by kind
        assert sum(stub.stats[k] for k in kinds) == stub.calls
        if attempts == 1:
            assert counts["faults"] == {"refusal": n}
            ok = cli_generate(
                stub, tmp_path / "b", "--max-attempts", "1", "--allow-fallback", "--json"
            )
            assert ok.exit_code == 0, ok.output
            summary = json.loads(ok.stdout[ok.stdout.index("{") :])
            assert summary["counts"]["writer_unreachable"] == n
            assert summary["counts"]["faults"] == {"refusal": n}
        else:
            assert len(counts["faults"]) >= 6  # most kinds were met
