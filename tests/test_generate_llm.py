"""`narrator generate` through a real OpenAI-compatible HTTP server (the stub on 127.0.0.1)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from narrator.cli import app
from narrator.costs import estimate_cost, load_prices
from narrator.llm.stub_server import start_stub

RUNNER = CliRunner()


def run(tmp_path, stub, *extra: str) -> dict:
    args = [
        "generate", "-a", "Leicester", "--backend", "openai", "--base-url", stub.base_url,
        "--out", str(tmp_path / "out"), "--json", *extra,
    ]  # fmt: skip
    result = RUNNER.invoke(app, args, env={"OPENAI_API_KEY": "sk-test"})
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{") :])


def texts(tmp_path) -> list[dict]:
    return json.loads((tmp_path / "out" / "leicester" / "report.json").read_text())["texts"]


def test_every_text_through_http_then_zero_calls_on_rerun(tmp_path):
    with start_stub() as stub:
        first = run(tmp_path, stub, "--model", "gpt-4o-mini")
        calls = stub.calls
        assert calls >= 43 and first["counts"]["writer_calls"] == calls
        records = texts(tmp_path)
        assert len(records) == 43
        assert all(t["backend"].startswith("openai") for t in records)
        names = {t["prompt_version"].split("/")[0] for t in records if t["status"] != "fallback"}
        assert names == {"chart_blurb", "section_summary", "overall_summary"}
        # token usage and cost per text, per authority and per run
        prices = load_prices()
        for t in records:
            if t["backend"] == "openai":
                assert t["prompt_tokens"] > 0
                assert t["cost"] == pytest.approx(
                    estimate_cost(
                        t["model"], t["prompt_tokens"], t["completion_tokens"], prices=prices
                    )
                )
        assert first["counts"]["cost"] > 0
        assert first["per_authority"]["E06000016"]["cost"] == pytest.approx(
            first["counts"]["cost"], abs=1e-6
        )
        second = run(tmp_path, stub, "--model", "gpt-4o-mini")
        assert stub.calls == calls  # the stub's own counter: nothing was sent
        assert second["counts"]["cached"] == 43 and second["counts"]["writer_calls"] == 0


def test_flaky_server_batch_completes_with_bounded_recorded_attempts(tmp_path):
    with start_stub(fail_rate=0.3, garbage_rate=0.05, seed=3, timeout_sleep=1.5) as stub:
        summary = run(
            tmp_path, stub, "--model", "stub", "--max-attempts", "4", "--timeout", "1", "--no-cache"
        )
        records = texts(tmp_path)
        assert len(records) == 43 and summary["counts"]["texts"] == 43
        assert all(t["verdict"]["outcome"] == "pass" for t in records)
        # attempts: at most 4 HTTP tries for each of the 1 + 2 repair rounds
        assert all(1 <= t["attempts"] <= 12 for t in records)
        assert any(t["attempts"] > 1 for t in records)  # failures happened and were retried
        # every HTTP attempt is counted once: by the texts, by the run and by the server
        assert summary["counts"]["writer_calls"] == sum(t["attempts"] for t in records)
        assert stub.calls == summary["counts"]["writer_calls"]


def test_batch_api_mode_submits_few_batches_at_half_price(tmp_path):
    with start_stub() as stub:
        summary = run(tmp_path, stub, "--model", "gpt-4o-mini", "--batch-api", "--no-cache")
        assert summary["counts"]["texts"] == 43
        batches = stub._http.state.batches  # the server's own record of submitted batches
        records = texts(tmp_path)
        assert len(records) == 43 and all(t["verdict"]["outcome"] == "pass" for t in records)
        # charts, then sections, then the overall summary: about three batches, not 43 calls
        assert 3 <= len(batches) <= 4
        lines = sum(b["request_counts"]["total"] for b in batches.values())
        assert lines >= 43
        prices = load_prices()
        for t in records:
            if t["backend"] == "openai" and t["attempts"] == 1 and not t["drafts"]:
                full = estimate_cost(
                    t["model"], t["prompt_tokens"], t["completion_tokens"], prices=prices
                )
                assert t["cost"] == pytest.approx(full * prices.batch_discount)
