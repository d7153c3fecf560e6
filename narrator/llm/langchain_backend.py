"""The ``langchain`` backend: any LangChain chat model, by ``"provider:model"`` name.

``init_chat_model("anthropic:claude-...")``, ``"mistralai:..."``, ``"bedrock:..."`` and so on
work once the provider's integration package is installed (``langchain-openai`` for
``openai:``). Extra keyword arguments go to the chat model (``base_url``, ``api_key``,
``timeout`` ...).

Structured output: ``with_structured_output(<reply model>, include_raw=True)`` when the model
supports it; if it is not implemented or the server rejects it, the writer switches (for good,
in this instance) to plain messages and tolerant parsing of the reply. Usage comes from the
reply's ``usage_metadata``. Retries follow :mod:`narrator.llm.retry` (the model's own retries
are turned off where the provider accepts ``max_retries``).

>>> w = LangChainWriter("openai:stub", base_url="http://127.0.0.1:9/v1", api_key="x")
>>> w.name, w.model
('langchain', 'openai:stub')
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from langchain_core.exceptions import OutputParserException
from pydantic import ValidationError
from tenacity import AsyncRetrying

from narrator.errors import BackendError
from narrator.llm.base import GenerationRequest, WriterReply
from narrator.llm.messages import chat_messages
from narrator.llm.openai_backend import is_format_rejection
from narrator.llm.retry import GenerationError, describe, retry_kwargs
from narrator.prompts import ReplyFormatError, estimate_tokens, parse_reply
from narrator.replies import REPLY_MODELS, SCHEMA_FOR_KIND, paragraphs_to_text

log = logging.getLogger(__name__)
_SECRET_KWARGS = {"api_key", "openai_api_key", "anthropic_api_key", "aws_secret_access_key"}


class LangChainWriter:
    """Writer over a LangChain chat model."""

    name = "langchain"

    def __init__(
        self,
        model: str = "openai:gpt-4o-mini",
        *,
        structured: bool = True,
        max_attempts: int = 4,
        backoff_initial: float = 0.5,
        backoff_cap: float = 20.0,
        **kwargs: Any,
    ) -> None:
        try:
            from langchain.chat_models import init_chat_model
        except ImportError as exc:  # pragma: no cover - langchain is a core dependency
            raise BackendError(f"langchain is not installed: {exc}") from exc
        self.model = model
        self.max_attempts = max(1, int(max_attempts))
        self.backoff = (backoff_initial, backoff_cap)
        self._structured = structured
        self._kwargs = dict(kwargs)
        if model.startswith("openai:"):
            self._kwargs.setdefault("max_retries", 0)  # tenacity is the only retrier
        self._init = init_chat_model
        self._models: dict[tuple[int, float, int], Any] = {}
        self._chat(0.2, 400)  # fail early on an unknown provider or a missing package

    def __repr__(self) -> str:
        shown = {k: v for k, v in self._kwargs.items() if k not in _SECRET_KWARGS}
        return f"LangChainWriter(model={self.model!r}, kwargs={shown!r})"

    @property
    def structured(self) -> bool:
        """Whether the next call asks for structured output."""
        return self._structured

    def _chat(self, temperature: float, max_tokens: int) -> Any:
        """The chat model for these parameters and the running event loop (async HTTP
        clients are bound to the loop that created them)."""
        try:
            loop_id = id(asyncio.get_running_loop())
        except RuntimeError:
            loop_id = 0
        key = (loop_id, temperature, max_tokens)
        if key not in self._models:
            kwargs = dict(self._kwargs)
            if self.model.startswith("openai:") and "http_async_client" not in kwargs:
                import openai

                kwargs["http_async_client"] = openai.DefaultAsyncHttpxClient(
                    timeout=kwargs.get("timeout")
                )
            try:
                self._models[key] = self._init(
                    self.model, temperature=temperature, max_tokens=max_tokens, **kwargs
                )
            except (ImportError, ValueError) as exc:
                raise BackendError(f"LangChain model {self.model!r} is not usable: {exc}") from exc
        return self._models[key]

    async def write(self, request: GenerationRequest) -> WriterReply:
        """Generate one text; raises :class:`GenerationError` after ``max_attempts``."""
        from langchain_core.messages import HumanMessage, SystemMessage

        system, user = chat_messages(request)
        messages = [SystemMessage(content=system), HumanMessage(content=user)]
        chat = self._chat(request.params.temperature, request.params.max_tokens)
        started = time.perf_counter()
        attempts = 0
        try:
            async for attempt in AsyncRetrying(
                **retry_kwargs(self.max_attempts, initial=self.backoff[0], cap=self.backoff[1])
            ):
                with attempt:
                    attempts += 1
                    text, usage, mode = await self._once(chat, messages, request.kind)
        except Exception as exc:
            raise GenerationError(
                f"no usable reply from {self.model} after {attempts} attempts: {describe(exc)}",
                attempts=attempts,
                reason=describe(exc),
            ) from exc
        return WriterReply(
            text=text,
            model=self.model,
            prompt_tokens=int(usage.get("input_tokens") or estimate_tokens(system + user)),
            completion_tokens=int(usage.get("output_tokens") or estimate_tokens(text)),
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
            attempts=attempts,
            output_mode=mode,  # type: ignore[arg-type]
            raw=text,
        )

    async def _once(self, chat: Any, messages: list[Any], kind: str) -> tuple[str, dict, str]:
        if self._structured:
            try:
                runnable = chat.with_structured_output(
                    REPLY_MODELS[SCHEMA_FOR_KIND[kind]], include_raw=True
                )
                result = await runnable.ainvoke(messages)
            except NotImplementedError:
                self._structured = False
            except (ValidationError, OutputParserException, json.JSONDecodeError) as exc:
                raise ReplyFormatError(f"structured reply does not fit the schema: {exc}") from exc
            except Exception as exc:
                if not is_format_rejection(exc):
                    raise
                log.info("%s: structured output rejected, using plain text", self.model)
                self._structured = False
            else:
                raw = result.get("raw")
                usage = dict(getattr(raw, "usage_metadata", None) or {})
                parsed = result.get("parsed")
                if parsed is not None:
                    text = getattr(parsed, "text", None)
                    if text is None:
                        text = paragraphs_to_text(parsed.paragraphs)
                    if not text.strip():
                        raise ReplyFormatError("empty structured reply")
                    return text.strip(), usage, "json_schema"
                content = _content(raw)
                return parse_reply(kind, content, allow_plain=False), usage, "json_schema"
        reply = await chat.ainvoke(messages)
        usage = dict(getattr(reply, "usage_metadata", None) or {})
        return parse_reply(kind, _content(reply), allow_plain=True), usage, "text"


def _content(message: Any) -> str:
    """The text of a chat message (content may be a string or a list of parts)."""
    content = getattr(message, "content", "") if message is not None else ""
    if isinstance(content, list):
        content = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    if not isinstance(content, str) or not content.strip():
        raise ReplyFormatError("reply has no text content")
    return content
