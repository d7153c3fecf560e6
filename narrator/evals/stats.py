"""The statistics an eval comparison needs: Wilson intervals, McNemar's exact test and a paired
bootstrap. Small and dependency-free (the standard library's ``math`` and ``random``).

>>> round(wilson(8, 10)[0], 3), round(wilson(8, 10)[1], 3)
(0.49, 0.943)
>>> mcnemar_p(0, 6)  # six items got better, none worse: p = 2 * 0.5 ** 6
0.03125
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

Z95 = 1.959963984540054


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95 % by default); (0, 1) when n is 0."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    return max(0.0, (centre - spread) / scale), min(1.0, (centre + spread) / scale)


def mcnemar_p(worse: int, better: int) -> float:
    """Two-sided exact McNemar test on the discordant pairs of a paired pass/fail comparison:
    ``worse`` items passed before and fail now, ``better`` the reverse. 1.0 with none."""
    n = worse + better
    if n == 0:
        return 1.0
    k = min(worse, better)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2 * tail)


def bootstrap_diff(
    base: Sequence[float], cand: Sequence[float], reps: int = 2000, seed: int = 7
) -> tuple[float, float, float]:
    """Mean of the paired differences ``cand - base`` and its 95 % percentile interval from
    ``reps`` resamples of the pairs (deterministic for a seed)."""
    pairs = [c - b for b, c in zip(base, cand, strict=True)]
    if not pairs:
        return 0.0, 0.0, 0.0
    mean = sum(pairs) / len(pairs)
    rng = random.Random(seed)
    n = len(pairs)
    means = sorted(sum(pairs[rng.randrange(n)] for _ in range(n)) / n for _ in range(reps))
    return mean, means[int(0.025 * reps)], means[min(reps - 1, int(0.975 * reps))]
