"""`narrator eval compare BASELINE CANDIDATE`: two eval runs side by side.

Items are paired by key (authority, kind, chart or section). For each metric the table gives
both values and the change; accuracy (verified at the first attempt) gets McNemar's exact test
on the paired items, readability and contradicted claims a paired bootstrap interval. The items
that got worse (verified before, not now) are listed with both texts. A candidate is a
*regression* when it is significantly worse on accuracy (``alpha``) or moves another metric the
wrong way by more than the tolerances in ``evals/config.yaml``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict

from narrator.errors import NarratorError
from narrator.evals.metrics import ItemScore, aggregate
from narrator.evals.runner import EvalRun
from narrator.evals.stats import bootstrap_diff, mcnemar_p
from narrator.paths import PROJECT_ROOT
from narrator.store import Store

#: metrics where a higher value is better (the rest: lower is better, or neither)
HIGHER_IS_BETTER = {"pass_rate", "headline_coverage", "polarity_right"}


class CompareError(NarratorError):
    """A run to compare cannot be found or read, or the runs share no items."""


class MetricRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    baseline: float | None
    candidate: float | None
    change: float | None
    test: str = ""  # "McNemar p=0.03", "bootstrap 95% [-0.2, 0.4]"
    regression: str = ""  # why this metric fails the gate, if it does


class Worse(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    baseline: str
    candidate: str


class Comparison(BaseModel):
    model_config = ConfigDict(frozen=True)

    baseline: str
    candidate: str
    paired: int
    rows: list[MetricRow]
    worse: list[Worse]

    @property
    def regressions(self) -> list[str]:
        return [f"{r.name}: {r.regression}" for r in self.rows if r.regression]


def load_thresholds(path: Path | None = None) -> dict[str, Any]:
    path = path or PROJECT_ROOT / "evals" / "config.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CompareError(f"{path}: cannot read the regression thresholds: {exc}") from None
    if not isinstance(raw, dict):
        raise CompareError(f"{path}: must be a mapping of thresholds")
    return raw


def load_run(ref: str, store: Store | None) -> EvalRun:
    """An eval run by results file path or by run id (from the store)."""
    path = Path(ref)
    if path.suffix == ".json" or path.exists():
        try:
            return EvalRun.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise CompareError(f"{path}: not an eval results file: {exc}") from None
    result = store.eval_run(ref) if store is not None else None
    if result is None:
        raise CompareError(f"{ref}: no eval run with this id in the database, and no such file")
    return EvalRun.model_validate(result)


def compare(base: EvalRun, cand: EvalRun, thresholds: dict[str, Any]) -> Comparison:
    by_key = {i.key: i for i in base.items}
    pairs = [(by_key[c.key], c) for c in cand.items if c.key in by_key]
    if not pairs:
        raise CompareError(f"{base.id} and {cand.id} share no items (different eval sets?)")
    b_items = [b for b, _ in pairs]
    c_items = [c for _, c in pairs]
    b_metrics, c_metrics = aggregate(b_items), aggregate(c_items)
    rows = []
    for name in b_metrics:
        if name == "items":
            continue
        bv, cv = b_metrics[name], c_metrics[name]
        change = None if bv is None or cv is None else round(cv - bv, 4)
        rows.append(
            MetricRow(
                name=name,
                baseline=bv,
                candidate=cv,
                change=change,
                test=_test(name, pairs),
                regression=_regression(name, bv, cv, pairs, thresholds),
            )
        )
    worse = [
        Worse(key=c.key, baseline=b.first_draft or b.body, candidate=c.first_draft or c.body)
        for b, c in pairs
        if b.first_pass and not c.first_pass
    ]
    return Comparison(
        baseline=base.id, candidate=cand.id, paired=len(pairs), rows=rows, worse=worse
    )


def _discordant(pairs: list[tuple[ItemScore, ItemScore]]) -> tuple[int, int]:
    worse = sum(b.first_pass and not c.first_pass for b, c in pairs)
    better = sum(c.first_pass and not b.first_pass for b, c in pairs)
    return worse, better


def _per_claim(i: ItemScore) -> float:
    return 100 * i.contradicted / i.claims if i.claims else 0.0


def _test(name: str, pairs: list[tuple[ItemScore, ItemScore]]) -> str:
    if name == "pass_rate":
        worse, better = _discordant(pairs)
        return f"McNemar p={mcnemar_p(worse, better):.3g} ({worse} worse, {better} better)"
    field = {"grade": "grade", "words_per_sentence": "words_per_sentence", "words": "words"}
    if name in field:
        values = [(getattr(b, field[name]), getattr(c, field[name])) for b, c in pairs]
    elif name == "contradicted_per_100_claims":
        values = [(_per_claim(b), _per_claim(c)) for b, c in pairs]
    else:
        return ""
    _mean, low, high = bootstrap_diff([v[0] for v in values], [v[1] for v in values])
    return f"bootstrap 95% [{low:+.2f}, {high:+.2f}]"


def _regression(
    name: str,
    bv: float | None,
    cv: float | None,
    pairs: list[tuple[ItemScore, ItemScore]],
    thresholds: dict[str, Any],
) -> str:
    if bv is None or cv is None:
        return ""
    if name == "pass_rate":
        worse, better = _discordant(pairs)
        p = mcnemar_p(worse, better)
        alpha = float(thresholds.get("alpha", 0.05))
        if worse > better and p < alpha:
            return f"significantly fewer texts verified first time (p={p:.3g} < {alpha})"
        return ""
    up = (thresholds.get("max_increase") or {}).get(name)
    if up is not None and cv - bv > float(up):
        return f"rose by {cv - bv:.3g} (tolerance {up})"
    down = (thresholds.get("max_decrease") or {}).get(name)
    if down is not None and bv - cv > float(down):
        return f"fell by {bv - cv:.3g} (tolerance {down})"
    rel = (thresholds.get("max_relative_increase") or {}).get(name)
    if rel is not None and bv > 0 and (cv - bv) / bv > float(rel):
        return f"rose by {100 * (cv - bv) / bv:.0f}% (tolerance {100 * float(rel):.0f}%)"
    return ""


_HTML = jinja2.Environment(autoescape=True).from_string(
    """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Eval comparison</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
.bad{background:#fde8e8}</style></head><body>
<h1>{{ c.candidate }} against {{ c.baseline }}</h1>
<p>{{ c.paired }} paired items.
{% if c.regressions %}<strong>Regression:</strong> {{ c.regressions | join("; ") }}
{% else %}No regression beyond the tolerances.{% endif %}</p>
<table><tr><th>metric</th><th>baseline</th><th>candidate</th><th>change</th><th>test</th></tr>
{% for r in c.rows %}<tr{% if r.regression %} class="bad"{% endif %}><td>{{ r.name }}</td>
<td>{{ r.baseline }}</td><td>{{ r.candidate }}</td><td>{{ r.change }}</td><td>{{ r.test }}</td></tr>
{% endfor %}</table>
<h2>Items that got worse ({{ c.worse | length }})</h2>
{% for w in c.worse %}<h3>{{ w.key }}</h3><table><tr><th>baseline</th><th>candidate</th></tr>
<tr><td>{{ w.baseline }}</td><td>{{ w.candidate }}</td></tr></table>{% endfor %}
</body></html>
"""
)


def to_html(comparison: Comparison) -> str:
    """The comparison as a standalone page (every text escaped)."""
    return _HTML.render(c=comparison)
