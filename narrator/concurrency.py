"""How many texts are written at once: a resizable gate and a Little's-law sizing rule.

A provider that allows ``λ`` requests per second and answers in ``W`` seconds is kept busy by
``L = λ · W`` requests in flight (Little's law). Too few in flight and the run is slower than
the limit allows; too many only queue at the rate limiter. :class:`LittlesLaw` keeps an
exponentially weighted mean of the *service* time a text holds its slot per provider call (time
spent waiting at the client's own rate limiter excluded, else waiting would feed on itself) and
sizes the gate to ``ceil(λ · W · headroom)`` within ``[floor, ceiling]``. With no rate limit
there is nothing to size against and the gate stays at its fixed size.

>>> law = LittlesLaw(rate=50.0)            # 3,000 requests/min
>>> law.size()                            # no observation yet: the initial size
8
>>> law.observe(0.5)                      # calls take half a second
>>> law.size()                            # 50/s x 0.5 s x 1.5 headroom
38
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType

DEFAULT_CONCURRENCY = 8  # texts in flight when nothing says otherwise


@dataclass
class LittlesLaw:
    """Concurrency from the provider's request rate and the observed service time.

    ``rate`` is requests per second. ``headroom`` covers jitter in service time; ``alpha`` is
    the weight of the newest observation in the moving mean.
    """

    rate: float
    #: 1.5 measured best: 153 councils at 3,000/min and 0.5 s reach 0.91 of the limit
    #: (benchmarks/generation.py); jitter and the blurb -> summary chain leave slots idle
    headroom: float = 1.5
    floor: int = 2
    ceiling: int = 256
    initial: int = DEFAULT_CONCURRENCY
    alpha: float = 0.2
    service: float | None = field(default=None, init=False)  # seconds per call (moving mean)

    def __post_init__(self) -> None:
        if self.rate <= 0:
            raise ValueError("rate must be positive")
        if not 1 <= self.floor <= self.ceiling:
            raise ValueError("need 1 <= floor <= ceiling")

    def observe(self, seconds: float) -> None:
        """Record the service time of one provider call (seconds, >= 0)."""
        seconds = max(0.0, seconds)
        if self.service is None:
            self.service = seconds
        else:
            self.service += self.alpha * (seconds - self.service)

    def size(self) -> int:
        """Requests to keep in flight now."""
        if self.service is None:
            wanted = self.initial
        else:
            wanted = math.ceil(self.rate * self.service * self.headroom)
        return max(self.floor, min(self.ceiling, wanted))


class Gate:
    """An asyncio gate (like a semaphore) whose size may change while it is in use.

    ``size`` is a number or a function read each time a place frees or is asked for, so a
    gate can follow a :class:`LittlesLaw`. Waiters are admitted first come, first served.
    A gate belongs to the event loop it is first used on.
    """

    def __init__(self, size: int | Callable[[], int]) -> None:
        self._size = size if callable(size) else (lambda: size)
        if self._size() < 1:
            raise ValueError("a gate needs at least one place")
        self.in_use = 0
        self.peak = 0  # most places ever in use at once
        self._changed: asyncio.Condition | None = None

    @property
    def size(self) -> int:
        return max(1, self._size())

    async def __aenter__(self) -> Gate:
        if self._changed is None:
            self._changed = asyncio.Condition()
        async with self._changed:
            await self._changed.wait_for(lambda: self.in_use < self.size)
            self.in_use += 1
            self.peak = max(self.peak, self.in_use)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._changed is not None
        async with self._changed:
            self.in_use -= 1
            # the size may have changed since the last release: wake as many as now fit
            self._changed.notify(max(1, self.size - self.in_use))
