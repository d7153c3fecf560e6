"""Estimated cost of generated texts, from the editable price table ``data/prices.yaml``.

>>> prices = load_prices()
>>> round(estimate_cost("gpt-4o-mini", 1_000_000, 1_000_000, prices=prices), 2)
0.75
>>> round(estimate_cost("openai:gpt-4o-mini-2024-07-18", 10**6, 0, batch=True, prices=prices), 3)
0.075
>>> estimate_cost("some-unknown-model", 10, 10, prices=prices) is None
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from narrator.errors import DataError
from narrator.models import TextRecord
from narrator.paths import data_dir


@dataclass(frozen=True)
class Price:
    """USD per 1,000,000 tokens."""

    input: float
    output: float


@dataclass(frozen=True)
class PriceTable:
    models: dict[str, Price]
    batch_discount: float = 0.5
    currency: str = "USD"

    def price(self, model: str) -> Price | None:
        """Exact name, then without a ``provider:`` prefix, then the longest listed prefix
        (``gpt-4o-mini-2024-07-18`` -> ``gpt-4o-mini``)."""
        name = model.split(":", 1)[1] if ":" in model else model
        for candidate in (model, name):
            if candidate in self.models:
                return self.models[candidate]
        matches = [m for m in self.models if name.startswith(m)]
        return self.models[max(matches, key=len)] if matches else None


def load_prices(path: str | Path | None = None) -> PriceTable:
    """Read the price table (default ``data/prices.yaml``); a broken table is a DataError."""
    file = Path(path) if path else data_dir() / "prices.yaml"
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        models = {
            str(k): Price(float(v["input"]), float(v["output"]))
            for k, v in (raw.get("models") or {}).items()
        }
        return PriceTable(
            models, float(raw.get("batch_discount", 0.5)), str(raw.get("currency", "USD"))
        )
    except OSError as exc:
        raise DataError(f"cannot read price table: {exc.strerror}", file=str(file)) from exc
    except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"bad price table: {exc}", file=str(file)) from exc


def estimate_cost(
    model: str,
    prompt_tokens: int,
    completion_tokens: int,
    *,
    batch: bool = False,
    prices: PriceTable | None = None,
) -> float | None:
    """Estimated cost in the table's currency, or None for a model without a price."""
    table = prices or load_prices()
    price = table.price(model)
    if price is None:
        return None
    cost = (prompt_tokens * price.input + completion_tokens * price.output) / 1_000_000
    return cost * (table.batch_discount if batch else 1.0)


@dataclass
class CostSummary:
    """Totals per text, per authority and for the run; ``unpriced`` counts texts whose model
    has no price (their cost is left out, not guessed)."""

    per_text: dict[str, float]
    per_authority: dict[str, float]
    total: float
    unpriced: int


def summarise_costs(
    texts: Iterable[TextRecord], *, batch: bool = False, prices: PriceTable | None = None
) -> CostSummary:
    table = prices or load_prices()
    per_text: dict[str, float] = {}
    per_authority: dict[str, float] = defaultdict(float)
    unpriced = 0
    for text in texts:
        cost = estimate_cost(
            text.model, text.prompt_tokens, text.completion_tokens, batch=batch, prices=table
        )
        if cost is None:
            unpriced += 1
            continue
        per_text[text.id] = cost
        per_authority[text.authority_code] += cost
    return CostSummary(per_text, dict(per_authority), sum(per_text.values()), unpriced)
