"""`narrator eval run`: write every block of an eval set with one backend and prompt choice,
score it, and keep the result (in the database and in ``evals/results/<run id>.json``).
Reviewers' decisions (:mod:`narrator.review`) on texts of each prompt version used are counted
too: confirmed hallucinations and false flags.

Texts go through the pipeline and its store, so an identical second run is served from the
cache and makes no writer calls (its ``writer_calls`` is 0). Reader votes are joined by the
prompt version of the texts they judged: every prompt version the run used gets the share of
✅ votes cast on any text it wrote, with a Wilson 95 % interval.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from narrator.catalog import Catalog
from narrator.costs import load_prices
from narrator.data import Dataset
from narrator.evals.metrics import ItemScore, aggregate, score_item
from narrator.evals.sets import EvalItem, EvalSet
from narrator.evals.stats import wilson
from narrator.generate import GenerateOptions, prompt_renderer_for, writer_config
from narrator.llm import get_writer
from narrator.paths import PROJECT_ROOT, atomic_write_text
from narrator.pipeline import Pipeline, new_run_id
from narrator.review import Reviews
from narrator.store import Store


class VoteScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    accurate: int
    inaccurate: int
    share: float | None
    low: float
    high: float


class EvalRun(BaseModel):
    """One eval run: what was run, every item's scores and the run's metrics."""

    model_config = ConfigDict(frozen=True)

    id: str
    created_at: str
    set_name: str
    set_version: int
    backend: str
    model: str
    prompts: list[str]  # prompt versions the texts were written with
    writer_calls: int
    metrics: dict[str, float | None]
    votes: dict[str, VoteScore] = Field(default_factory=dict)
    #: reviewers' standing decisions on texts of each prompt version used (narrator.review)
    reviews: dict[str, dict[str, int]] = Field(default_factory=dict)
    items: list[ItemScore]


def results_dir() -> Path:
    return PROJECT_ROOT / "evals" / "results"


async def run_eval(
    eval_set: EvalSet,
    dataset: Dataset,
    catalog: Catalog,
    options: GenerateOptions,
    store: Store,
    on_item: Callable[[EvalItem], None] | None = None,
) -> EvalRun:
    """Write and score every item of ``eval_set`` (see the module docstring); ``on_item`` is
    called as each item is done (progress)."""
    settings = options.settings
    writer = get_writer(settings.backend, **writer_config(options))
    pipeline = Pipeline(
        dataset=dataset,
        catalog=catalog,
        writer=writer,
        params=options.params,
        store=store,
        concurrency=settings.concurrency,
        max_repairs=settings.max_repairs,
        prompt_renderer=prompt_renderer_for(writer, settings.prompts),
        prices=load_prices(),
    )

    async def one(item: EvalItem) -> ItemScore:
        authority = dataset.authority(item.authority_code)
        text = await pipeline.item_text(authority, item.chart_id, item.section)
        sheet = pipeline.facts.sheet(item.authority_code, item.chart_id) if item.chart_id else None
        if on_item is not None:
            on_item(item)
        return score_item(item.key, text, sheet, store.call_ids(text.id))

    # blurbs at once (the pipeline's gate bounds the calls in flight); summaries one by one,
    # since they share the blurbs they are written from (each is written once, then cached)
    charts = [i for i in eval_set.items if i.chart_id]
    scored = dict(zip(charts, await asyncio.gather(*(one(i) for i in charts)), strict=True))
    for item in eval_set.items:
        if item not in scored:
            scored[item] = await one(item)
    items = [scored[i] for i in eval_set.items]
    versions = sorted({i.prompt_version for i in items})
    tallies = store.votes_by_prompt_version()
    votes = {}
    for version in versions:
        t = tallies.get(version)
        if t:
            n = t["accurate"] + t["inaccurate"]
            low, high = wilson(t["accurate"], n)
            share = round(t["accurate"] / n, 4) if n else None
            votes[version] = VoteScore(
                accurate=t["accurate"], inaccurate=t["inaccurate"], share=share, low=low, high=high
            )
    reviewed = Reviews(store).by_prompt_version()
    run = EvalRun(
        id="eval-" + new_run_id(),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        set_name=eval_set.name,
        set_version=eval_set.version,
        backend=writer.name,
        model=writer.model,
        prompts=versions,
        writer_calls=pipeline.stats.writer_calls,
        metrics=aggregate(items),
        votes=votes,
        reviews={v: reviewed[v] for v in versions if v in reviewed},
        items=items,
    )
    store.save_eval_run(run.id, run.model_dump(mode="json"))
    return run


def write_results(run: EvalRun, folder: Path | None = None) -> Path:
    """``<folder>/<run id>.json`` (``evals/results`` by default), written atomically."""
    path = (folder or results_dir()) / f"{run.id}.json"
    atomic_write_text(path, json.dumps(run.model_dump(mode="json"), indent=1, ensure_ascii=False))
    return path
