"""What keeps the vote server honest: signed voter ids, per-client rate limits, request limits
and security headers. Everything here is held by one app (``app.state``), never globally.

* **Voter ids** are issued by the server: ``<random id>.<HMAC-SHA256 signature>`` in an
  HttpOnly cookie. A cookie this server did not sign is rejected (403), so a client cannot
  invent voters by sending cookie values of its own.
* **Rate limits** per client address: votes per minute, and new voter ids per hour (a client
  that drops its cookie to vote again gets a new id only so often). Over a limit: 429 with
  ``Retry-After``.
* **Requests**: a body over the size limit gets 413 before it is read whole; every response
  carries a Content-Security-Policy without inline script, ``nosniff``, ``frame-ancestors
  'none'`` and a Referrer-Policy.

>>> ids = VoterIds(b"k" * 32)
>>> ids.verify(ids.issue()) is not None, ids.verify("made-up.value")
(True, None)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
import secrets
import threading
import time
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECRET_FILE = ".voter-secret"


def load_secret(folder: Path) -> bytes:
    """The signing key kept beside the reports (created once, readable by the owner only), so
    voter ids stay valid across restarts; ``NARRATOR_VOTER_SECRET`` overrides it."""
    env = os.environ.get("NARRATOR_VOTER_SECRET", "")
    if env:
        return env.encode()
    path = Path(folder) / SECRET_FILE
    if path.is_file():
        return path.read_bytes()
    key = secrets.token_bytes(32)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    os.replace(tmp, path)
    return key


class VoterIds:
    """Issues and verifies signed voter ids."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _sign(self, voter: str) -> str:
        mac = hmac.new(self._secret, voter.encode(), hashlib.sha256).digest()[:18]
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    def issue(self) -> str:
        voter = secrets.token_urlsafe(18)
        return f"{voter}.{self._sign(voter)}"

    def verify(self, cookie: str | None) -> str | None:
        """The voter id a cookie carries, or None when this server did not sign it."""
        if not cookie or cookie.count(".") != 1 or len(cookie) > 128:
            return None
        voter, signature = cookie.split(".")
        if not voter or not hmac.compare_digest(signature, self._sign(voter)):
            return None
        return voter


class RateLimiter:
    """A token bucket per key: ``rate`` events per ``per`` seconds, bursts up to ``rate``."""

    def __init__(self, rate: int, per: float) -> None:
        self.rate = max(1, int(rate))
        self.per = float(per)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when the event may go ahead, else the seconds to wait before the next one."""
        now = time.monotonic()
        refill = self.rate / self.per
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.rate), now))
            tokens = min(float(self.rate), tokens + (now - last) * refill)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            if len(self._buckets) > 100_000:  # bounded memory under a flood of addresses
                self._buckets.clear()
            return (1 - tokens) / refill


SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


class GuardMiddleware:
    """Body-size limit (413) and security headers for every HTTP response."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _error(send, 413, f"request body over {self.max_body} bytes")
            return
        seen = 0
        too_big = False

        async def limited_receive() -> Message:
            nonlocal seen, too_big
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    too_big = True
                    return {"type": "http.disconnect"}
            return message

        started = replaced = False

        async def guarded_send(message: Message) -> None:
            nonlocal started, replaced
            if replaced:
                return  # the app's own answer to a cut-off body is swallowed
            if message["type"] == "http.response.start" and too_big:
                replaced = True
                await _error(send, 413, f"request body over {self.max_body} bytes")
                return
            if message["type"] == "http.response.start":
                started = True
                raw = list(message.get("headers") or [])
                have = {k.lower() for k, _ in raw}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in have:
                        raw.append((name.encode(), value.encode()))
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, limited_receive, guarded_send)
        if too_big and not started and not replaced:
            await _error(send, 413, f"request body over {self.max_body} bytes")


async def _error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
