"""Batch API mode against the stub server's /v1/files and /v1/batches endpoints."""

from __future__ import annotations

import asyncio
import json

import pytest
from _llm_samples import chart_request, op_need_sheet, section_request

from narrator.llm.base import WriterReply
from narrator.llm.batch import BatchConfig, batch_jsonl, collect_batch, run_batch, submit_batch
from narrator.llm.openai_backend import OpenAIWriter
from narrator.llm.retry import GenerationError
from narrator.llm.stub_server import start_stub
from narrator.prompts import render_request


def requests(n: int = 6):
    reqs = [
        (f"key-{i}", render_request(chart_request(op_need_sheet(label=f"requests {i}"))))
        for i in range(n)
    ]
    return reqs + [("key-section", render_request(section_request()))]


def config(stub, **kw) -> BatchConfig:
    return BatchConfig(model="stub", base_url=stub.base_url, poll_initial=0.01, poll_max=0.02, **kw)


def test_jsonl_lines_are_chat_completion_requests():
    lines = [json.loads(x) for x in batch_jsonl(BatchConfig(model="m"), requests(2)).splitlines()]
    assert [x["custom_id"] for x in lines] == ["key-0", "key-1", "key-section"]
    assert {x["url"] for x in lines} == {"/v1/chat/completions"}
    assert lines[0]["body"]["model"] == "m" and lines[0]["body"]["response_format"]
    with pytest.raises(ValueError, match="unique"):
        batch_jsonl(BatchConfig(), [("a", requests(1)[0][1])] * 2)


def test_run_batch_maps_every_result_by_custom_id():
    with start_stub(batch_polls=3) as stub:
        reqs = requests()
        results = asyncio.run(run_batch(config(stub), reqs))
        assert set(results) == {k for k, _ in reqs}
        assert all(isinstance(r, WriterReply) for r in results.values())
        assert "requests 3" in results["key-3"].text
        assert results["key-section"].text.startswith("### ")
        assert results["key-0"].prompt_tokens > 0 and results["key-0"].output_mode == "json_schema"
        assert stub.calls == len(reqs)


def test_failed_lines_become_exceptions_not_a_failed_batch():
    with start_stub(fail_rate=0.5, fail_kinds=("500", "garbage"), seed=1) as stub:
        results = asyncio.run(run_batch(config(stub), requests(10)))
        bad = [r for r in results.values() if isinstance(r, Exception)]
        good = [r for r in results.values() if isinstance(r, WriterReply)]
        assert bad and good and len(bad) + len(good) == 11
        assert all(isinstance(e, GenerationError) for e in bad)


def test_submit_then_collect_later_resumes_the_same_batch():
    with start_stub(batch_polls=2) as stub:
        reqs = requests(3)
        batch_id = asyncio.run(submit_batch(config(stub), reqs))
        calls = stub.calls
        results = asyncio.run(collect_batch(config(stub), batch_id, reqs))
        assert stub.calls == calls  # collecting does not re-run anything
        assert all(isinstance(r, WriterReply) for r in results.values())


def test_config_from_writer_and_missing_results():
    with start_stub() as stub:
        writer = OpenAIWriter(model="stub", base_url=stub.base_url)
        cfg = BatchConfig.from_any(writer)
        assert cfg.model == "stub" and cfg.base_url == stub.base_url
        reqs = requests(2)
        batch_id = asyncio.run(submit_batch(config(stub), reqs[:1]))
        results = asyncio.run(collect_batch(config(stub), batch_id, reqs))
        assert isinstance(results["key-1"], GenerationError)  # not in that batch's output
        assert "sk-" not in repr(cfg)
