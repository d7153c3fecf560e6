"""LangChainWriter through init_chat_model("openai:stub") against the real HTTP stub server."""

from __future__ import annotations

import asyncio

import pytest
from _llm_samples import chart_request, op_need_sheet, section_request

from narrator.errors import BackendError
from narrator.llm import get_writer
from narrator.llm.retry import GenerationError
from narrator.llm.stub_server import start_stub
from narrator.prompts import render_request

pytest.importorskip("langchain_openai", reason="needs langchain-openai (narrator[langchain])")

from narrator.llm.langchain_backend import LangChainWriter  # noqa: E402

FAST = {"backoff_initial": 0.01, "backoff_cap": 0.02}


def run(coro):
    return asyncio.run(coro)


def test_structured_output_with_usage():
    with start_stub() as stub:
        writer = get_writer("langchain", model="openai:stub", base_url=stub.base_url, api_key="x")
        assert isinstance(writer, LangChainWriter)
        reply = run(writer.write(render_request(chart_request())))
        assert reply.text.startswith("Leicester had 2,199") and reply.output_mode == "json_schema"
        assert reply.prompt_tokens > 100 and reply.completion_tokens > 10
        assert stub.last_request["response_format"]["type"] == "json_schema"
        summary = run(writer.write(render_request(section_request())))
        assert summary.text.startswith("### ")


def test_falls_back_to_text_when_structured_output_is_rejected():
    with start_stub(json_schema_supported=False) as stub:
        writer = LangChainWriter("openai:stub", base_url=stub.base_url, api_key="x")
        reply = run(writer.write(render_request(chart_request())))
        assert reply.output_mode == "text" and "2,199" in reply.text
        assert writer.structured is False
        run(writer.write(render_request(chart_request())))
        assert stub.stats["unsupported_format"] == 1  # remembered: not asked again


def test_failures_are_retried_with_bounded_attempts():
    with start_stub(fail_rate=0.4, seed=2) as stub:
        writer = LangChainWriter(
            "openai:stub", base_url=stub.base_url, api_key="x", timeout=0.5, max_attempts=6, **FAST
        )
        requests = [render_request(chart_request(op_need_sheet(label=f"x{i}"))) for i in range(8)]

        async def batch():
            return await asyncio.gather(*(writer.write(r) for r in requests))

        replies = run(batch())
        assert all(r.text for r in replies) and all(1 <= r.attempts <= 6 for r in replies)
        assert sum(r.attempts for r in replies) > 8


def test_garbage_ends_in_a_recorded_failure():
    with start_stub(garbage_rate=1.0) as stub:
        writer = LangChainWriter(
            "openai:stub", base_url=stub.base_url, api_key="x", max_attempts=2, **FAST
        )
        with pytest.raises(GenerationError) as err:
            run(writer.write(render_request(chart_request())))
        assert err.value.attempts == 2


def test_unknown_provider_is_a_clear_error_and_key_is_hidden():
    with pytest.raises(BackendError, match="not usable"):
        LangChainWriter("nosuchprovider:model")
    writer = LangChainWriter(
        "openai:stub", base_url="http://127.0.0.1:9/v1", api_key="sk-SECRET-123"
    )
    assert "SECRET" not in repr(writer)
