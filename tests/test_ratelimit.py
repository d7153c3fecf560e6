"""The token-bucket limiter, driven by an injected fake clock (no timing asserts)."""

from __future__ import annotations

import asyncio
import bisect

import pytest

from narrator.llm.ratelimit import RateLimiter


class FakeClock:
    """A clock that only moves when the limiter sleeps (or the test advances it)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


def max_in_window(times: list[float], window: float) -> int:
    times = sorted(times)
    return max(bisect.bisect_left(times, t + window - 1e-9) - i for i, t in enumerate(times))


def admit_all(limiter: RateLimiter, clock: FakeClock, n: int, tokens: int = 0) -> list[float]:
    admitted: list[float] = []

    async def one() -> None:
        await limiter.acquire(tokens)
        admitted.append(clock())

    async def main() -> None:
        await asyncio.gather(*(one() for _ in range(n)))

    asyncio.run(main())
    return admitted


@pytest.mark.parametrize("rpm,burst", [(600, 0.5), (60, 1.0), (1200, 2.0)])
def test_never_more_than_the_limit_in_any_window(rpm, burst):
    clock = FakeClock()
    limiter = RateLimiter(
        requests_per_minute=rpm, burst_seconds=burst, clock=clock, sleep=clock.sleep
    )
    times = admit_all(limiter, clock, 300)
    rate = rpm / 60
    capacity = max(1.0, rate * burst)
    for window in (1.0, 5.0, 60.0):
        assert max_in_window(times, window) <= capacity + rate * window + 1e-6
    # and it runs *at* the limit, not far below: 300 requests take about (300 - burst)/rate s
    assert times[-1] - times[0] == pytest.approx((300 - capacity) / rate, rel=0.01)


def test_tokens_per_minute_bucket_limits_large_requests():
    clock = FakeClock()
    limiter = RateLimiter(
        tokens_per_minute=60_000, burst_seconds=1.0, clock=clock, sleep=clock.sleep
    )
    times = admit_all(limiter, clock, 50, tokens=500)  # 1,000 tokens/s -> 2 requests/s
    assert max_in_window(times, 60.0) <= (1000 + 60_000) / 500
    assert times[-1] - times[0] == pytest.approx(48 * 0.5, rel=0.01)


def test_both_buckets_apply_and_the_tighter_wins():
    clock = FakeClock()
    limiter = RateLimiter(
        requests_per_minute=6000, tokens_per_minute=6000, clock=clock, sleep=clock.sleep
    )
    times = admit_all(limiter, clock, 20, tokens=100)  # tokens: 1 request per second
    assert times[-1] - times[0] >= 18.9


def test_oversized_request_is_admitted_when_the_bucket_is_full():
    clock = FakeClock()
    limiter = RateLimiter(tokens_per_minute=600, clock=clock, sleep=clock.sleep)
    assert len(admit_all(limiter, clock, 3, tokens=10_000)) == 3


def test_penalise_after_retry_after_holds_everyone_back():
    clock = FakeClock()
    limiter = RateLimiter(requests_per_minute=600, clock=clock, sleep=clock.sleep)
    start = clock()
    limiter.penalise(2.0)
    times = admit_all(limiter, clock, 1)
    assert times[0] - start == pytest.approx(2.0)


def test_disabled_limiter_never_waits():
    limiter = RateLimiter()
    assert not limiter.enabled
    assert asyncio.run(limiter.acquire(10**9)) == 0.0
