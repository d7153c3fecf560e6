"""OpenAIWriter against the real HTTP stub server on 127.0.0.1 (the openai SDK is not mocked)."""

from __future__ import annotations

import asyncio
import logging

import pytest
from _llm_samples import chart_request, op_need_sheet, section_request

from narrator.errors import BackendError
from narrator.llm import get_writer
from narrator.llm.openai_backend import OpenAIWriter
from narrator.llm.retry import GenerationError
from narrator.llm.stub_server import start_stub
from narrator.prompts import render_request

FAST = {"backoff_initial": 0.01, "backoff_cap": 0.05}


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def stub():
    with start_stub() as server:
        yield server


def test_registry_builds_the_writer(stub):
    writer = get_writer("openai", model="stub", base_url=stub.base_url)
    assert isinstance(writer, OpenAIWriter) and writer.name == "openai"


def test_success_reports_text_usage_latency_and_mode(stub):
    writer = OpenAIWriter(model="stub", base_url=stub.base_url)
    reply = run(writer.write(render_request(chart_request())))
    assert reply.text.startswith("Leicester had 2,199 requests")
    assert reply.output_mode == "json_schema" and reply.attempts == 1
    assert reply.prompt_tokens > 100 and reply.completion_tokens > 10 and reply.latency_ms > 0
    sent = stub.last_request
    assert sent["response_format"]["json_schema"]["strict"] is True
    assert sent["temperature"] == 0.2 and sent["seed"] == 7 and sent["max_tokens"] == 400
    summary = run(writer.write(render_request(section_request())))
    assert summary.text.startswith("### ")
    assert stub.calls == 2


def test_unrendered_request_gets_the_default_prompt(stub):
    reply = run(OpenAIWriter(model="stub", base_url=stub.base_url).write(chart_request()))
    assert "2,199" in reply.text


def test_degrades_json_schema_to_json_object_to_text_and_remembers(stub):
    stub.configure(json_schema_supported=False)
    writer = OpenAIWriter(model="stub", base_url=stub.base_url)
    first = run(writer.write(render_request(chart_request())))
    assert first.output_mode == "json_object" and first.attempts == 2
    again = run(writer.write(render_request(chart_request())))
    assert again.output_mode == "json_object" and again.attempts == 1  # remembered
    assert writer.mode_for(stub.base_url) == "json_object"
    stub.configure(json_object_supported=False)
    plain = run(writer.write(render_request(chart_request())))
    assert plain.output_mode == "text" and "2,199" in plain.text
    assert writer.mode_for() == "text"
    assert stub.stats["unsupported_format"] == 2
    other = OpenAIWriter(model="stub", base_url=stub.base_url)
    assert other.mode_for() == "json_schema"  # memory is per writer instance, not global


def test_retry_after_is_honoured():
    with start_stub(fail_rate=1.0, fail_kinds=("429",), retry_after=0.3) as stub:
        writer = OpenAIWriter(
            model="stub",
            base_url=stub.base_url,
            max_attempts=2,
            backoff_initial=5.0,
            backoff_cap=5.0,
        )
        with pytest.raises(GenerationError) as err:
            run(writer.write(render_request(chart_request())))
        assert err.value.attempts == 2 and stub.calls == 2
        # Retry-After (0.3 s) replaced the 5 s backoff: the wait was honoured, not skipped
        stub.reset()
        stub.configure(fail_rate=0.0)
        assert run(writer.write(render_request(chart_request()))).attempts == 1


def test_retry_after_wait_is_measured():
    with start_stub(fail_rate=1.0, fail_kinds=("429",), retry_after=0.4) as stub:
        writer = OpenAIWriter(model="stub", base_url=stub.base_url, max_attempts=2, **FAST)
        loop_time = []

        async def timed():
            start = asyncio.get_running_loop().time()
            with pytest.raises(GenerationError):
                await writer.write(render_request(chart_request()))
            loop_time.append(asyncio.get_running_loop().time() - start)

        run(timed())
        assert loop_time[0] >= 0.35  # waited Retry-After, not the 0.01 s backoff


def test_thirty_percent_failures_complete_with_bounded_attempts():
    with start_stub(fail_rate=0.3, seed=3, timeout_sleep=2.0) as stub:
        # timeout well above a normal reply even on a loaded 2-core machine, below the stub's
        # "timeout" sleep; 8 attempts make 8 consecutive 30 % failures (p = 6.6e-5) the limit
        writer = OpenAIWriter(
            model="stub", base_url=stub.base_url, timeout=1.0, max_attempts=8, **FAST
        )
        requests = [
            render_request(chart_request(op_need_sheet(label=f"requests {i}"))) for i in range(40)
        ]

        async def batch():
            return await asyncio.gather(*(writer.write(r) for r in requests))

        replies = run(batch())
        assert all(r.text for r in replies)
        assert all(1 <= r.attempts <= 8 for r in replies)
        assert sum(r.attempts for r in replies) == stub.calls > 40
        failures = {k: stub.stats[k] for k in ("429", "500", "timeout", "garbage")}
        assert all(failures.values())  # every kind of failure was met and survived
        assert stub.stats["ok"] >= 40  # (a slow "ok" reply may also time out and be retried)


def test_garbage_is_retried_then_recorded_as_failure():
    with start_stub(garbage_rate=1.0) as stub:
        writer = OpenAIWriter(model="stub", base_url=stub.base_url, max_attempts=3, **FAST)
        with pytest.raises(GenerationError) as err:
            run(writer.write(render_request(chart_request())))
        assert err.value.attempts == 3 and stub.calls == 3
        assert "ReplyFormatError" in err.value.reason


def test_permanent_errors_are_not_retried(stub):
    writer = OpenAIWriter(model="missing-model", base_url=stub.base_url, max_attempts=4, **FAST)
    with pytest.raises(GenerationError) as err:
        run(writer.write(render_request(chart_request())))
    assert err.value.attempts == 1  # 404: retrying cannot help


def test_api_key_never_logged_nor_shown(stub, caplog, monkeypatch):
    secret = "sk-test-SECRET-0123456789abcdef"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    caplog.set_level(logging.DEBUG)
    writer = OpenAIWriter(model="stub", base_url=stub.base_url)
    run(writer.write(render_request(chart_request())))
    stub.configure(fail_rate=1.0, fail_kinds=("500",))
    with pytest.raises(GenerationError) as err:
        run(
            OpenAIWriter(model="stub", base_url=stub.base_url, max_attempts=2, **FAST).write(
                render_request(chart_request())
            )
        )
    shown = caplog.text + repr(writer) + str(writer.__dict__.keys()) + str(err.value)
    assert caplog.records and secret not in shown
    assert secret not in repr(writer.limiter)


def test_missing_key_without_base_url_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(BackendError, match="OPENAI_API_KEY"):
        OpenAIWriter()


def test_rate_limited_writer_stays_under_the_stub_limit():
    with start_stub(requests_per_minute=1200) as stub:  # 20/s, burst 20
        writer = OpenAIWriter(
            model="stub", base_url=stub.base_url, requests_per_minute=1200, **FAST
        )
        requests = [render_request(chart_request(op_need_sheet(label=f"r{i}"))) for i in range(40)]

        async def batch():
            await writer.write(requests[0])  # warm up: client and first connection
            return await asyncio.gather(*(writer.write(r) for r in requests[1:]))

        replies = run(batch())
        assert len(replies) == 39
        # the client-side limiter keeps the batch at the limit: (almost) no 429s from the stub
        assert stub.stats["rate_limited"] <= 2


def test_llama_cpp_server_style_500_for_json_schema_degrades_too():
    with start_stub(json_schema_supported=False, format_error_status=500) as stub:
        writer = OpenAIWriter(model="stub", base_url=stub.base_url, **FAST)
        reply = run(writer.write(render_request(chart_request())))
        assert reply.output_mode == "json_object" and reply.attempts == 2
        stub.configure(json_schema_supported=True, fail_rate=1.0, fail_kinds=("500",))
        with pytest.raises(GenerationError):  # an ordinary 500 is retried, not a degradation
            run(
                OpenAIWriter(model="stub", base_url=stub.base_url, max_attempts=2, **FAST).write(
                    render_request(chart_request())
                )
            )
