"""OpenAI Batch API mode (``--batch-api``): one JSONL upload, one batch, poll, collect.

The Batch API costs half the price of synchronous calls and answers within 24 hours. Each
request becomes one JSONL line ``{"custom_id", "method": "POST", "url":
"/v1/chat/completions", "body"}`` with ``custom_id`` = the pipeline's text key; results are
mapped back by ``custom_id``. A line that failed, is missing or cannot be parsed maps to an
exception (never raised for the whole batch), so the pipeline records or retries just that text.

:func:`submit_batch` and :func:`collect_batch` are separate so the pipeline can store the
batch id and, after a crash, collect the same batch instead of paying for it twice;
:func:`run_batch` does both.

>>> # replies = await run_batch(BatchConfig(model="gpt-4o-mini"), [(key, request), ...])
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

import openai

from narrator.errors import BackendError
from narrator.llm.base import GenerationRequest, WriterReply
from narrator.llm.openai_backend import (
    DEFAULT_BASE_URL,
    OutputMode,
    chat_body,
    reply_from_completion,
)
from narrator.llm.retry import GenerationError
from narrator.prompts import ReplyFormatError

ENDPOINT = "/v1/chat/completions"
TERMINAL = {"completed", "failed", "expired", "cancelled"}


@dataclass(frozen=True)
class BatchConfig:
    """Where and how to run a batch. ``api_key`` defaults to ``OPENAI_API_KEY`` (a dummy key
    with a ``base_url``); it is never shown by ``repr``."""

    model: str = "gpt-4o-mini"
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = 60.0
    output_mode: OutputMode = "json_schema"
    poll_initial: float = 5.0  # seconds before the first poll; doubles up to poll_max
    poll_max: float = 60.0
    max_wait: float = 24 * 3600.0  # give up collecting after this long
    max_retries: int = 3  # SDK retries of the few control calls (upload, create, poll)

    def __repr__(self) -> str:
        return f"BatchConfig(model={self.model!r}, base_url={self.base_url!r})"

    @classmethod
    def from_any(cls, config: BatchConfig | Mapping[str, Any] | Any) -> BatchConfig:
        """Accept a config, a mapping of its fields, or an ``OpenAIWriter`` to copy from."""
        if isinstance(config, BatchConfig):
            return config
        names = {f.name for f in fields(cls)}
        if isinstance(config, Mapping):
            return cls(**{k: v for k, v in config.items() if k in names})
        return cls(
            model=config.model,
            base_url=config.base_url,
            api_key=getattr(config, "_key", None),
            output_mode=config.mode_for(),
        )

    def client(self) -> openai.AsyncOpenAI:
        key = self.api_key or os.environ.get("OPENAI_API_KEY")
        if not key:
            if not self.base_url:
                raise BackendError("OPENAI_API_KEY is not set (needed for --batch-api)")
            key = "sk-no-key-required"
        return openai.AsyncOpenAI(
            api_key=key,
            base_url=self.base_url or DEFAULT_BASE_URL,
            timeout=self.timeout,
            max_retries=self.max_retries,
            http_client=openai.DefaultAsyncHttpxClient(timeout=self.timeout),
        )


def batch_jsonl(config: BatchConfig, requests: Sequence[tuple[str, GenerationRequest]]) -> bytes:
    """The input file: one chat-completion request per line, ``custom_id`` = text key."""
    keys = [key for key, _ in requests]
    if len(set(keys)) != len(keys):
        raise ValueError("custom_id values (text keys) must be unique within a batch")
    lines = [
        json.dumps(
            {
                "custom_id": key,
                "method": "POST",
                "url": ENDPOINT,
                "body": chat_body(request, config.model, config.output_mode),
            }
        )
        for key, request in requests
    ]
    return ("\n".join(lines) + "\n").encode()


async def submit_batch(
    client_config: BatchConfig | Mapping[str, Any] | Any,
    requests: Sequence[tuple[str, GenerationRequest]],
    *,
    metadata: dict[str, str] | None = None,
) -> str:
    """Upload the requests and create the batch; returns the batch id (store it to resume)."""
    config = BatchConfig.from_any(client_config)
    client = config.client()
    try:
        upload = await client.files.create(
            file=("narrator-batch.jsonl", batch_jsonl(config, requests), "application/jsonl"),
            purpose="batch",
        )
        batch = await client.batches.create(
            input_file_id=upload.id, endpoint=ENDPOINT, completion_window="24h", metadata=metadata
        )
    finally:
        await client.close()
    return batch.id


async def collect_batch(
    client_config: BatchConfig | Mapping[str, Any] | Any,
    batch_id: str,
    requests: Sequence[tuple[str, GenerationRequest]],
    *,
    sleep: Any = asyncio.sleep,
) -> dict[str, WriterReply | Exception]:
    """Poll ``batch_id`` with backoff until it ends, download its output and error files and
    map every line back to its request by ``custom_id``."""
    config = BatchConfig.from_any(client_config)
    client = config.client()
    started = time.monotonic()
    delay = config.poll_initial
    try:
        while True:
            batch = await client.batches.retrieve(batch_id)
            if batch.status in TERMINAL:
                break
            if time.monotonic() - started > config.max_wait:
                return _all_failed(
                    requests, f"batch {batch_id} still {batch.status} after {config.max_wait:.0f}s"
                )
            await sleep(delay)
            delay = min(config.poll_max, delay * 2)
        lines: list[dict[str, Any]] = []
        for file_id in (batch.output_file_id, batch.error_file_id):
            if file_id:
                content = await client.files.content(file_id)
                lines += [json.loads(ln) for ln in content.text.splitlines() if ln.strip()]
    finally:
        await client.close()
    if batch.status != "completed" and not lines:
        return _all_failed(requests, f"batch {batch_id} ended {batch.status}")
    latency = (time.monotonic() - started) * 1000
    return map_results(config, requests, lines, latency_ms=latency)


def map_results(
    config: BatchConfig,
    requests: Sequence[tuple[str, GenerationRequest]],
    lines: Sequence[Mapping[str, Any]],
    *,
    latency_ms: float = 0.0,
) -> dict[str, WriterReply | Exception]:
    """Result lines -> ``{custom_id: WriterReply | Exception}`` for every request."""
    by_id = {str(line.get("custom_id")): line for line in lines}
    out: dict[str, WriterReply | Exception] = {}
    for key, request in requests:
        line = by_id.get(key)
        if line is None:
            out[key] = GenerationError(
                f"no result for {key} in the batch output", attempts=1, reason="missing"
            )
            continue
        response = line.get("response") or {}
        status = response.get("status_code")
        if line.get("error") or status != 200:
            err = line.get("error") or (response.get("body") or {}).get("error") or {}
            reason = (
                f"HTTP {status}: {err.get('message', 'failed')}"
                if status
                else str(err.get("message", "failed"))
            )
            out[key] = GenerationError(
                f"batch line {key} failed: {reason}", attempts=1, reason=reason
            )
            continue
        try:
            reply = reply_from_completion(
                response.get("body") or {}, request, config.output_mode, config.model
            )
        except ReplyFormatError as exc:
            out[key] = GenerationError(
                f"batch line {key}: {exc}", attempts=1, reason="ReplyFormatError"
            )
            continue
        out[key] = reply.model_copy(update={"latency_ms": round(latency_ms, 1)})
    return out


def _all_failed(
    requests: Sequence[tuple[str, GenerationRequest]], reason: str
) -> dict[str, WriterReply | Exception]:
    return {key: GenerationError(reason, attempts=1, reason=reason) for key, _ in requests}


async def run_batch(
    client_config: BatchConfig | Mapping[str, Any] | Any,
    requests: list[tuple[str, GenerationRequest]],
    *,
    metadata: dict[str, str] | None = None,
    sleep: Any = asyncio.sleep,
) -> dict[str, WriterReply | Exception]:
    """Submit ``requests`` as one batch and wait for the results (see module docstring)."""
    if not requests:
        return {}
    batch_id = await submit_batch(client_config, requests, metadata=metadata)
    return await collect_batch(client_config, batch_id, requests, sleep=sleep)
