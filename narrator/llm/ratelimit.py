"""An asyncio token-bucket limiter for requests/minute and tokens/minute.

One instance per writer (no global state). Each bucket refills continuously at
``limit / 60`` per second up to its capacity (the *burst*); a call takes one request token and
its estimated LLM tokens from both buckets, waiting (FIFO, one waiter at a time) until both hold
enough. With a burst of ``b`` requests, no window of ``t`` seconds ever admits more than
``b + t * rpm / 60`` requests, so a batch runs at the provider's rate and not above it.

The clock and the sleep function are injectable so tests can drive time by hand.

>>> import asyncio
>>> lim = RateLimiter(requests_per_minute=600)
>>> asyncio.run(lim.acquire(tokens=100))
0.0
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
_EPSILON = 1e-9  # a float deficit this small is rounding, not a reason to sleep (or spin)


class TokenBucket:
    """A single bucket: ``rate`` tokens per second, at most ``capacity`` stored."""

    def __init__(self, rate: float, capacity: float, now: float) -> None:
        if rate <= 0 or capacity <= 0:
            raise ValueError("rate and capacity must be positive")
        self.rate = rate
        self.capacity = capacity
        self.level = capacity
        self.updated = now

    def refill(self, now: float) -> None:
        if now > self.updated:
            self.level = min(self.capacity, self.level + (now - self.updated) * self.rate)
            self.updated = now

    def wait_time(self, amount: float) -> float:
        """Seconds until ``amount`` is available (an amount above capacity needs a full
        bucket, else it would never be admitted)."""
        deficit = min(amount, self.capacity) - self.level
        return 0.0 if deficit <= _EPSILON else deficit / self.rate

    def take(self, amount: float) -> None:
        """Take ``amount``; an oversized request leaves a debt later requests wait out."""
        self.level -= amount


class RateLimiter:
    """Limit requests/minute and/or tokens/minute.

    ``burst_seconds`` sets each bucket's capacity to that many seconds of its rate (default
    0.5 s, at least one request). A small burst keeps the short-term rate at the limit, which
    is how providers enforce per-minute limits in practice, and leaves the provider's own
    bucket (typically >= 1 s of rate) slack for network jitter that bunches requests up on
    arrival. ``None`` limits are not applied.
    """

    def __init__(
        self,
        requests_per_minute: float | None = None,
        tokens_per_minute: float | None = None,
        *,
        burst_seconds: float = 0.5,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._lock: asyncio.Lock | None = None
        now = clock()
        self.requests: TokenBucket | None = None
        self.tokens: TokenBucket | None = None
        if requests_per_minute:
            rate = requests_per_minute / 60.0
            self.requests = TokenBucket(rate, max(1.0, rate * burst_seconds), now)
        if tokens_per_minute:
            rate = tokens_per_minute / 60.0
            self.tokens = TokenBucket(rate, max(1.0, rate * burst_seconds), now)
        self.total_wait = 0.0
        self.admitted = 0

    @property
    def requests_per_second(self) -> float | None:
        """The request limit per second (``None`` when requests are not limited)."""
        return self.requests.rate if self.requests is not None else None

    @property
    def enabled(self) -> bool:
        return self.requests is not None or self.tokens is not None

    def __repr__(self) -> str:
        rpm = self.requests.rate * 60 if self.requests else None
        tpm = self.tokens.rate * 60 if self.tokens else None
        return f"RateLimiter(requests_per_minute={rpm}, tokens_per_minute={tpm})"

    async def acquire(self, tokens: int = 0) -> float:
        """Wait until one request of ``tokens`` LLM tokens may be sent; returns seconds waited.

        A request larger than the token bucket's capacity waits for a full bucket (it would
        otherwise never be admitted).
        """
        if not self.enabled:
            self.admitted += 1
            return 0.0
        if self._lock is None:
            self._lock = asyncio.Lock()
        waited = 0.0
        async with self._lock:
            while True:
                now = self._clock()
                delay = 0.0
                for bucket, amount in ((self.requests, 1.0), (self.tokens, float(tokens))):
                    if bucket is not None:
                        bucket.refill(now)
                        delay = max(delay, bucket.wait_time(amount))
                if delay <= 0:
                    for bucket, amount in ((self.requests, 1.0), (self.tokens, float(tokens))):
                        if bucket is not None:
                            bucket.take(amount)
                    break
                await self._sleep(delay)
                waited += delay
        self.total_wait += waited
        self.admitted += 1
        return waited

    def penalise(self, seconds: float) -> None:
        """Empty the request bucket for ``seconds`` (after the provider said 429 Retry-After),
        so concurrent callers back off together instead of each hitting the limit."""
        if self.requests is not None and seconds > 0:
            now = self._clock()
            self.requests.refill(now)
            self.requests.level = min(self.requests.level, -seconds * self.requests.rate + 1)
