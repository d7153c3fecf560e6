"""Retry policy shared by the HTTP backends: what is transient, how long to wait, and the
failure raised when the attempts run out.

* transient: HTTP 429, 408, 409, 5xx, timeouts, connection errors (dropped or cut-off
  responses) and malformed, empty or schema-invalid replies
  (:class:`~narrator.prompts.ReplyFormatError`, a body that is not JSON included);
* permanent: other HTTP 4xx and a refusal by the model (:class:`ModelRefusal`: the same prompt
  would be refused again; the pipeline's offline fallback writes that text);
* wait: the server's ``Retry-After`` / ``retry-after-ms`` when it sends one (capped), else
  exponential backoff with "equal" jitter (a uniform wait in [d/2, d], d = initial * 2**n, capped);
* at most ``max_attempts`` attempts, then :class:`GenerationError` (which the pipeline records
  as a failed text, with the attempts made);
* every failed attempt is counted by :func:`fault_kind` (the run record's ``faults``).
"""

from __future__ import annotations

import random
from typing import Any

import openai
from tenacity import RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_base

from narrator.errors import NarratorError
from narrator.prompts import ReplyFormatError

MAX_RETRY_AFTER = 60.0


class GenerationError(NarratorError):
    """A text could not be generated after every allowed attempt (recorded, never fatal for a
    batch). ``attempts`` is the number of HTTP attempts made, ``reason`` the last error."""

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        reason: str = "",
        faults: dict[str, int] | None = None,
    ) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.reason = reason
        #: failed attempts by :func:`fault_kind`
        self.faults: dict[str, int] = dict(faults or {})


class UnsupportedOutputMode(Exception):
    """The server rejected a ``response_format`` (the caller degrades to a weaker mode)."""


class BrokenBody(ReplyFormatError):
    """The HTTP body is not a chat completion: cut short, or not JSON at all (an HTML page)."""


class EmptyReply(ReplyFormatError):
    """The completion's message content is missing, ``null`` or blank."""


class ModelRefusal(ReplyFormatError):
    """The model refused (the message has ``refusal`` set): permanent, not retried."""


def status_of(exc: BaseException) -> int | None:
    return getattr(exc, "status_code", None)


def is_transient(exc: BaseException) -> bool:
    """True for errors worth another attempt."""
    if isinstance(exc, ModelRefusal):
        return False
    if isinstance(exc, ReplyFormatError | openai.APITimeoutError | openai.APIConnectionError):
        return True
    if isinstance(exc, TimeoutError | ConnectionError):
        return True
    status = status_of(exc)
    return status is not None and (status in (408, 409, 429) or status >= 500)


#: exception types -> fault kind, most specific first (subclasses before their bases)
_FAULT_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (UnsupportedOutputMode, "format_rejected"),
    (ModelRefusal, "refusal"),
    (EmptyReply, "empty_reply"),
    (BrokenBody, "broken_body"),
    (ReplyFormatError, "invalid_reply"),
    ((openai.APITimeoutError, TimeoutError), "timeout"),
    ((openai.APIConnectionError, ConnectionError), "connection"),
)


def fault_kind(exc: BaseException) -> str:
    """How a failed attempt is counted: ``http_<status>``, ``timeout``, ``connection`` (dropped
    or cut off), ``broken_body`` (not JSON), ``empty_reply``, ``invalid_reply`` (content that
    does not fit the schema), ``refusal``, ``format_rejected`` (a response format the server
    does not take) or ``other``."""
    for types, kind in _FAULT_KINDS:
        if isinstance(exc, types):
            return kind
    status = status_of(exc)
    return f"http_{status}" if status is not None else "other"


def retry_after_seconds(exc: BaseException) -> float | None:
    """The wait the server asked for (``retry-after-ms`` or ``retry-after`` seconds), if any."""
    response = getattr(exc, "response", None)
    headers: Any = getattr(response, "headers", None)
    if not headers:
        return None
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            seconds = float(value) / divisor
        except ValueError:
            continue  # an HTTP date: fall back to backoff
        return max(0.0, min(seconds, MAX_RETRY_AFTER))
    return None


class wait_retry_after_or_backoff(wait_base):  # noqa: N801 (tenacity naming style)
    """Honour ``Retry-After``; otherwise ``uniform(0, min(cap, initial * 2**(n-1)))``."""

    def __init__(self, initial: float = 0.5, cap: float = 20.0, rng: random.Random | None = None):
        self.initial = initial
        self.cap = cap
        self.rng = rng or random.Random()

    def __call__(self, retry_state: RetryCallState) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        if exc is not None:
            asked = retry_after_seconds(exc)
            if asked is not None:
                return asked
        ceiling = min(self.cap, self.initial * 2 ** (retry_state.attempt_number - 1))
        return self.rng.uniform(ceiling / 2, ceiling)


def retry_kwargs(
    max_attempts: int, *, initial: float = 0.5, cap: float = 20.0, rng: random.Random | None = None
) -> dict[str, Any]:
    """Keyword arguments for ``tenacity.AsyncRetrying`` implementing this policy."""
    return {
        "stop": stop_after_attempt(max(1, max_attempts)),
        "wait": wait_retry_after_or_backoff(initial, cap, rng),
        "retry": retry_if_exception(is_transient),
        "reraise": True,
    }


def describe(exc: BaseException) -> str:
    """A short, secret-free description of an error for logs and failure records."""
    status = status_of(exc)
    name = type(exc).__name__
    return f"{name} (HTTP {status})" if status else f"{name}: {str(exc)[:200]}"
