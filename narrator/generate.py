"""`narrator generate`: set up writer, store and pipeline, run authorities, write outputs.

Each authority's report is written (atomically) as soon as its texts are done, so a killed
batch keeps every finished report, and every finished text is in the store: the same command
run again continues where it stopped.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from narrator.catalog import Catalog
from narrator.config import Settings
from narrator.costs import load_prices
from narrator.data import Dataset
from narrator.errors import BackendError, NarratorError
from narrator.llm import get_writer
from narrator.llm.base import GenerationParams
from narrator.models import Authority
from narrator.paths import data_dir
from narrator.pipeline import Pipeline, write_report
from narrator.report.render import ReportSummary, load_reports, render_index


class WriterUnreachable(NarratorError):
    """The chosen writer answered no call of a run (every text came from the fallback)."""


@dataclass(frozen=True)
class GenerateOptions:
    """A run's settings plus the per-invocation choices that are not configuration."""

    settings: Settings = field(default_factory=Settings)
    script: Path | None = None  # scripted backend only
    use_cache: bool = True
    #: publish the offline writer's texts without failing when the chosen writer never answers
    allow_fallback: bool = False

    @property
    def out(self) -> Path:
        return self.settings.out

    @property
    def params(self) -> GenerationParams:
        s = self.settings
        return GenerationParams(temperature=s.temperature, max_tokens=s.max_tokens, seed=s.seed)


#: which settings each built-in backend takes (third-party backends get model and base_url)
BACKEND_SETTINGS: dict[str, tuple[str, ...]] = {
    "offline": (),
    "scripted": ("model",),
    "openai": (
        "model",
        "base_url",
        "timeout",
        "max_attempts",
        "requests_per_minute",
        "tokens_per_minute",
        "output_mode",
        "prompt_style",
    ),
    "langchain": ("model", "base_url", "max_attempts"),
    "local": ("max_attempts",),
}


BATCH_CONCURRENCY = 1_000_000


def batching_writer(writer: object):
    """Wrap an OpenAI writer for ``--batch-api`` (only the openai backend has a Batch API)."""
    from narrator.llm.batching import BatchingWriter
    from narrator.llm.openai_backend import OpenAIWriter

    if not isinstance(writer, OpenAIWriter):
        raise BackendError("--batch-api needs --backend openai (the OpenAI Batch API)")
    return BatchingWriter(writer)


def writer_config(options: GenerateOptions) -> dict[str, Any]:
    """Keyword arguments for the chosen backend's constructor."""
    s = options.settings
    names = BACKEND_SETTINGS.get(s.backend, ("model", "base_url"))
    config = {n: getattr(s, n) for n in names if getattr(s, n) is not None}
    if s.backend == "local" and s.model:
        config["model_path"] = s.model  # a GGUF file instead of the bundled SmolLM2
    if options.script is not None:
        config["script_file"] = options.script
    return config


def _source_entries(root: Path | None = None) -> dict[str, object]:
    path = data_dir(root) / "sources.yaml"
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return raw.get("sources", raw) if isinstance(raw, dict) else {}


def source_lines(root: Path | None = None) -> dict[str, str]:
    """Source id -> attribution line, from data/sources.yaml (empty when absent)."""
    return {
        str(k): str(v.get("attribution") or v.get("title") or k) if isinstance(v, dict) else str(v)
        for k, v in _source_entries(root).items()
    }


def source_links(root: Path | None = None) -> dict[str, str]:
    """Source id -> the publisher's web page for it, where data/sources.yaml gives one."""
    return {
        str(k): str(v["url"])
        for k, v in _source_entries(root).items()
        if isinstance(v, dict) and str(v.get("url") or "").startswith("https://")
    }


def prompt_renderer_for(writer: object, prompts: tuple[str, ...] = ()):
    """Renders versioned prompt templates for writers that read prompts (LLM backends):
    each prompt's ``production`` version (``prompts/index.yaml``) unless ``prompts`` names
    another (``"chart_blurb@v3"``, ``"chart_blurb@candidate"``).

    Templates are loaded (and checked) once per run; a broken template or an unknown version
    stops the run before any call is made.
    """
    if not getattr(writer, "uses_prompts", True):
        if prompts:
            raise NarratorError(
                f"--prompt {prompts[0]}: the {getattr(writer, 'name', '')} writer uses no "
                "prompts; choose an LLM backend (--backend openai, langchain or local)"
            )
        return None
    from narrator.prompts import load_prompt, prompt_name_for, render_request
    from narrator.registry import parse_ref

    chosen = dict(parse_ref(p) for p in prompts)
    style = getattr(writer, "prompt_style", None)  # e.g. "word_facts" for small local models
    names = {k: prompt_name_for(k, style) for k in ("chart", "section", "overall")}
    unknown = set(chosen) - set(names.values())
    if unknown:
        raise NarratorError(
            f"--prompt {', '.join(sorted(unknown))}: this run uses "
            f"{', '.join(sorted(set(names.values())))}"
        )
    templates = {k: load_prompt(n, chosen.get(n, "production")) for k, n in names.items()}
    return lambda request: render_request(request, templates[request.kind])


def write_index(out: Path, fresh: dict[str, ReportSummary]) -> Path:
    """Rewrite ``<out>/index.html`` with this run's reports and those already on disk (a
    corrupt one is left out with a warning)."""
    for report in load_reports(out, skip=fresh):
        fresh[report.authority.slug] = ReportSummary.of(report)
    return render_index(list(fresh.values()), out)


def open_store(options: GenerateOptions):
    """The run/text store, or None when caching is off and no database was asked for."""
    db = options.settings.db
    if not options.use_cache and db is None:
        return None
    from narrator.store import Store
    from narrator.store_schema import default_db_url

    return Store(db or default_db_url(options.out))


async def run_generate(
    dataset: Dataset,
    catalog: Catalog,
    targets: list[Authority],
    options: GenerateOptions,
    console: Console | None = None,
) -> dict[str, Any]:
    if options.out.exists() and not options.out.is_dir():
        raise NarratorError(f"{options.out}: not a folder; give --out a folder for the reports")
    """Generate reports for ``targets``; returns a summary (run id, counts, output folders)."""
    settings = options.settings
    writer = get_writer(settings.backend, **writer_config(options))
    concurrency = settings.concurrency
    if settings.batch_api:
        writer = batching_writer(writer)
        concurrency = BATCH_CONCURRENCY  # every first attempt joins the queue at once
    store = open_store(options)
    pipeline = Pipeline(
        dataset=dataset,
        catalog=catalog,
        writer=writer,
        params=options.params,
        store=store if options.use_cache else None,
        concurrency=concurrency,
        max_repairs=settings.max_repairs,
        prompt_renderer=prompt_renderer_for(writer, settings.prompts),
        prices=load_prices(),
        batch_pricing=settings.batch_api,
    )
    if store is not None:
        store.start_run(
            pipeline.run_id,
            {
                "backend": writer.name,
                "model": writer.model,
                "authorities": [a.code for a in targets],
            },
        )
    sources, links = source_lines(), source_links()
    folders: list[str] = []
    summaries: dict[str, ReportSummary] = {}
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=False,
        disable=console is None,
    )
    texts_per_report = len(catalog.charts) + len(catalog.sections) + 1
    with progress:
        task_reports = progress.add_task("reports", total=len(targets))
        task_texts = progress.add_task("texts", total=len(targets) * texts_per_report)
        pipeline.on_text = lambda _t: progress.advance(task_texts)
        limit = pipeline.report_gate(len(targets))

        async def one(authority: Authority) -> None:
            async with limit:
                report = await pipeline.authority_report(authority)
                folders.append(str(write_report(report, options.out, sources, links)))
                summaries[authority.slug] = ReportSummary.of(report)
                progress.advance(task_reports)

        await asyncio.gather(*(one(a) for a in targets))
    write_index(options.out, summaries)
    stats = pipeline.stats
    counts = {
        "texts": stats.texts,
        "cached": stats.cached,
        "verified": stats.verified,
        "repaired": stats.repaired,
        "fallback": stats.fallback,
        "failed": stats.failed,
        "writer_unreachable": stats.unreached,
        "writer_calls": stats.writer_calls,
        "faults": dict(sorted(stats.faults.items())),  # failed calls by kind
        "prompt_tokens": stats.prompt_tokens,
        "completion_tokens": stats.completion_tokens,
        "cost": round(stats.cost, 6),
        "unpriced_texts": stats.unpriced,
    }
    if store is not None:
        store.finish_run(pipeline.run_id, counts, stats.cost)
    written = stats.texts - stats.cached
    if written and stats.unreached == written and not options.allow_fallback:
        raise WriterUnreachable(
            f"the {writer.name} writer ({writer.model}) failed on every call "
            f"({stats.first_error}); the {written} texts in {options.out} were written by the "
            "offline fallback instead. Fix the backend, or pass --allow-fallback to accept that"
        )
    return {
        "run_id": pipeline.run_id,
        "backend": writer.name,
        "model": writer.model,
        "counts": counts,
        "currency": pipeline.prices.currency if pipeline.prices else "",
        "per_authority": stats.by_authority,
        "outputs": sorted(folders),
    }
