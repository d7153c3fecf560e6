"""The ``openai`` backend: OpenAI or any OpenAI-compatible server (vLLM, llama.cpp server,
Ollama, LM Studio) through the official async SDK.

* **Key**: ``api_key`` or ``OPENAI_API_KEY``; with a ``base_url`` and no key a dummy key is
  sent (local servers ignore it). The key is never logged nor shown by ``repr``.
* **Structured output degrades**: ``json_schema`` (strict) -> ``json_object`` -> ``text``.
  A 400/422 that names the response format moves to the next mode at once; the mode that
  worked is remembered per base URL in this writer instance.
* **Retries** (tenacity is the only retrier, the SDK's ``max_retries`` is 0): see
  :mod:`narrator.llm.retry`. Malformed, empty or schema-invalid replies and bodies that are not
  JSON are retried too, a refusal is not; when the attempts run out
  :class:`~narrator.llm.retry.GenerationError` is raised. Failed attempts are counted by kind
  (``faults`` of the reply or of the error).
* **Rate limits**: an optional :class:`~narrator.llm.ratelimit.RateLimiter` per writer
  (requests/min and tokens/min; a request costs its estimated prompt tokens + ``max_tokens``).

>>> w = OpenAIWriter(model="stub", base_url="http://127.0.0.1:9/v1")
>>> w.name, w.model, "sk-" in repr(w)
('openai', 'stub', False)
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections import Counter
from typing import Any, Literal

import openai
from tenacity import AsyncRetrying

from narrator.errors import BackendError
from narrator.llm.base import GenerationRequest, WriterReply
from narrator.llm.messages import message_list
from narrator.llm.ratelimit import RateLimiter
from narrator.llm.retry import (
    BrokenBody,
    EmptyReply,
    GenerationError,
    ModelRefusal,
    UnsupportedOutputMode,
    describe,
    fault_kind,
    retry_after_seconds,
    retry_kwargs,
    status_of,
)
from narrator.prompts import ReplyFormatError, estimate_tokens, json_schema_for, parse_reply

log = logging.getLogger(__name__)

OutputMode = Literal["json_schema", "json_object", "text"]
MODES: tuple[OutputMode, ...] = ("json_schema", "json_object", "text")
DEFAULT_BASE_URL = "https://api.openai.com/v1"
_FORMAT_WORDS = (
    "response_format",
    "json_schema",
    "json_object",
    "response format",
    "not supported",
    "unsupported",
)


def response_format(mode: OutputMode, kind: str) -> dict[str, Any] | None:
    """The ``response_format`` request field for an output mode (``None`` for text)."""
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": json_schema_for(kind)}
    if mode == "json_object":
        return {"type": "json_object"}
    return None


def chat_body(
    request: GenerationRequest, model: str, mode: OutputMode, style: str | None = None
) -> dict[str, Any]:
    """The JSON body of one chat-completion call (also used for Batch API lines)."""
    body: dict[str, Any] = {
        "model": model,
        "messages": message_list(request, style),
        "temperature": request.params.temperature,
        "max_tokens": request.params.max_tokens,
    }
    if request.params.seed is not None:
        body["seed"] = request.params.seed
    fmt = response_format(mode, request.kind)
    if fmt is not None:
        body["response_format"] = fmt
    return body


def is_format_rejection(exc: BaseException) -> bool:
    """The server does not accept this ``response_format``: a 400/422 that says so, or a 500
    naming ``response_format`` (llama-cpp-python's server answers a ``json_schema`` request
    with HTTP 500 "Input should be 'text' or 'json_object'")."""
    status = status_of(exc)
    text = f"{exc} {getattr(exc, 'body', '')}".lower()
    if status in (400, 422):
        return any(word in text for word in _FORMAT_WORDS)
    return status == 500 and "response_format" in text


def reply_from_completion(
    completion: Any, request: GenerationRequest, mode: OutputMode, model: str
) -> WriterReply:
    """Validate a chat completion (SDK object or dict) into a reply; raises
    :class:`ReplyFormatError` when the body is not a completion (:class:`BrokenBody`: the SDK
    hands back the text of a non-JSON body), the content is missing or blank
    (:class:`EmptyReply`), the model refused (:class:`ModelRefusal`) or the content does not
    fit the schema."""
    if isinstance(completion, dict):
        data = completion
    elif hasattr(completion, "model_dump"):
        data = completion.model_dump()
    else:
        raise BrokenBody(f"reply body is not a chat completion: {str(completion)[:80]!r}")
    choices = data.get("choices") or []
    message = (choices[0].get("message") or {}) if choices else {}
    content = message.get("content")
    if message.get("refusal") and not content:
        raise ModelRefusal(f"the model refused: {str(message['refusal'])[:200]}")
    if not isinstance(content, str) or not content.strip():
        raise EmptyReply("reply has no message content")
    text = parse_reply(request.kind, content, allow_plain=(mode == "text"))
    usage = data.get("usage") or {}
    prompt = "".join(m["content"] for m in message_list(request))
    return WriterReply(
        text=text,
        model=str(data.get("model") or model),
        prompt_tokens=int(usage.get("prompt_tokens") or estimate_tokens(prompt)),
        completion_tokens=int(usage.get("completion_tokens") or estimate_tokens(content)),
        output_mode=mode,
        raw=content,
    )


class OpenAIWriter:
    """Writer for the OpenAI chat-completions API and compatible servers."""

    name = "openai"

    def __init__(
        self,
        model: str = "gpt-4o-mini",
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 30,
        max_attempts: int = 4,
        requests_per_minute: float | None = None,
        tokens_per_minute: float | None = None,
        output_mode: OutputMode | None = None,
        *,
        prompt_style: str | None = None,
        backoff_initial: float = 0.5,
        backoff_cap: float = 20.0,
        limiter: RateLimiter | None = None,
    ) -> None:
        if output_mode is not None and output_mode not in MODES:
            raise BackendError(f"output_mode must be one of {', '.join(MODES)}")
        key = api_key or os.environ.get("OPENAI_API_KEY")
        if not key:
            if not base_url:
                raise BackendError(
                    "OPENAI_API_KEY is not set (or give --base-url for a local "
                    "OpenAI-compatible server)"
                )
            key = "sk-no-key-required"
        self.model = model
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL
        self.timeout = float(timeout)
        self.max_attempts = max(1, int(max_attempts))
        self.backoff = (backoff_initial, backoff_cap)
        self.limiter = limiter or RateLimiter(requests_per_minute, tokens_per_minute)
        self._key = key
        self._fixed_mode = output_mode
        #: ``"word_facts"`` for small models: code picks the sentences, the model rewords them
        #: (plain text); ``None``: the full chart_blurb / summary templates.
        self.prompt_style = prompt_style
        if prompt_style and output_mode is None:
            self._fixed_mode = "text"
        self._modes: dict[str, OutputMode] = {}  # base URL -> strongest mode that worked
        self._clients: dict[int, openai.AsyncOpenAI] = {}  # event-loop id -> client

    def __repr__(self) -> str:
        return (
            f"OpenAIWriter(model={self.model!r}, base_url={self.base_url!r}, "
            f"max_attempts={self.max_attempts}, limiter={self.limiter!r})"
        )

    # ---- configuration --------------------------------------------------------------------
    def mode_for(self, base_url: str | None = None) -> OutputMode:
        """The output mode the next call to ``base_url`` starts with."""
        return self._fixed_mode or self._modes.get(base_url or self.base_url, "json_schema")

    def client(self) -> openai.AsyncOpenAI:
        """The SDK client for the running event loop (clients are bound to their loop)."""
        loop_id = id(asyncio.get_running_loop())
        client = self._clients.get(loop_id)
        if client is None:
            # our own httpx client: the SDK's default one schedules its close on whatever loop
            # is running when it is garbage-collected, which breaks across asyncio.run() calls
            http = openai.DefaultAsyncHttpxClient(timeout=self.timeout)
            client = openai.AsyncOpenAI(
                api_key=self._key,
                base_url=self.base_url,
                timeout=self.timeout,
                max_retries=0,
                http_client=http,
            )
            self._clients = {loop_id: client}
        return client

    # ---- one text ---------------------------------------------------------------------------
    async def write(self, request: GenerationRequest) -> WriterReply:
        """Generate one text; raises :class:`GenerationError` after ``max_attempts``."""
        started = time.perf_counter()
        attempts = 0
        faults: Counter[str] = Counter()  # failed attempts by kind, over every output mode
        mode = self.mode_for()
        last: BaseException | None = None
        while True:
            try:
                reply, used = await self._with_retries(request, mode, faults)
            except UnsupportedOutputMode as exc:
                attempts += exc.args[1]
                if self._fixed_mode or mode == "text":
                    raise GenerationError(
                        f"server rejected output mode {mode}",
                        attempts=attempts,
                        reason=str(exc.args[0]),
                        faults=dict(faults),
                    ) from None
                mode = MODES[MODES.index(mode) + 1]
                self._modes[self.base_url] = mode
                log.info("%s: response_format not supported, now using %s", self.base_url, mode)
                continue
            except _Exhausted as exc:
                attempts += exc.attempts
                last = exc.error
                break
            attempts += used
            self._modes.setdefault(self.base_url, mode)
            latency = (time.perf_counter() - started) * 1000
            update = {"attempts": attempts, "latency_ms": round(latency, 1), "faults": dict(faults)}
            return reply.model_copy(update=update)
        reason = describe(last) if last else "unknown"
        raise GenerationError(
            f"no usable reply from {self.model} after {attempts} attempts: {reason}",
            attempts=attempts,
            reason=reason,
            faults=dict(faults),
        )

    async def _with_retries(
        self, request: GenerationRequest, mode: OutputMode, faults: Counter[str]
    ) -> tuple[WriterReply, int]:
        """One output mode's attempts; every failed attempt is counted in ``faults``."""
        body = chat_body(request, self.model, mode, self.prompt_style)
        cost = estimate_tokens("".join(m["content"] for m in body["messages"]))
        cost += request.params.max_tokens
        used = 0
        queued = 0.0  # seconds waited at our own rate limiter
        try:
            async for attempt in AsyncRetrying(
                **retry_kwargs(self.max_attempts, initial=self.backoff[0], cap=self.backoff[1])
            ):
                with attempt:
                    used += 1
                    try:
                        queued += await self.limiter.acquire(cost)
                        try:
                            completion = await self.client().chat.completions.create(**body)
                        except openai.APIStatusError as exc:
                            if is_format_rejection(exc) and mode != "text":
                                raise UnsupportedOutputMode(str(exc)[:200], used) from None
                            if (wait := retry_after_seconds(exc)) is not None:
                                self.limiter.penalise(wait)
                            log.debug("attempt %d: %s", used, describe(exc))
                            raise
                        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
                            log.debug("attempt %d: %s", used, describe(exc))
                            raise
                        except (json.JSONDecodeError, UnicodeDecodeError) as exc:  # cut short
                            log.debug("attempt %d: broken body: %s", used, exc)
                            raise BrokenBody(f"reply body is not valid JSON: {exc}") from None
                        try:
                            reply = reply_from_completion(completion, request, mode, self.model)
                            return reply.model_copy(update={"queued_ms": queued * 1000}), used
                        except ReplyFormatError as exc:
                            log.debug("attempt %d: malformed reply: %s", used, exc)
                            raise
                    except Exception as exc:
                        faults[fault_kind(exc)] += 1
                        raise
        except UnsupportedOutputMode:
            raise
        except Exception as exc:  # attempts exhausted or a permanent error (401, 404 ...)
            raise _Exhausted(exc, used) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    async def aclose(self) -> None:
        """Close the HTTP clients (optional; the process exit closes them too)."""
        for client in self._clients.values():
            await client.close()
        self._clients = {}


class _Exhausted(Exception):
    def __init__(self, error: BaseException, attempts: int) -> None:
        super().__init__(describe(error))
        self.error = error
        self.attempts = attempts
