"""Commands of the prompt workflow: ``narrator prompts``, ``narrator eval`` and ``narrator votes``
(thin shells over :mod:`narrator.registry` and :mod:`narrator.evals`)."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from narrator.errors import NarratorError

prompts_app = typer.Typer(
    help="List, read, diff and label the versioned prompt templates.", no_args_is_help=True
)
eval_app = typer.Typer(
    help="Run an eval set through a prompt version and compare two runs.", no_args_is_help=True
)
votes_app = typer.Typer(help="Readers' votes on generated texts.", no_args_is_help=True)
out = Console()

PromptsDir = Annotated[
    Path | None, typer.Option("--prompts-dir", help="Prompt folder (default: prompts/).")
]
Db = Annotated[
    str | None,
    typer.Option(help="Database URL (default: sqlite:///OUT/narrator.db, as generate uses)."),
]


def _store(db: str | None, out_dir: Path):
    from narrator.store import Store
    from narrator.store_schema import default_db_url

    return Store(db or default_db_url(out_dir))


# ---- prompts ----------------------------------------------------------------------------------
def prompts_list(prompts_dir: PromptsDir = None) -> None:
    """Every prompt with its versions and labels."""
    from narrator.registry import Registry

    reg = Registry(prompts_dir)
    table = Table("prompt", "versions", "labels")
    for name in reg.names():
        info = reg.info(name)
        labels = ", ".join(f"{k}={v}" for k, v in sorted(info.labels.items())) or "-"
        table.add_row(name, ", ".join(info.versions), labels)
    out.print(table)


def prompts_show(
    ref: Annotated[str, typer.Argument(help="NAME, NAME@VERSION or NAME@LABEL.")],
    prompts_dir: PromptsDir = None,
) -> None:
    """Print one version of a prompt template."""
    from narrator.registry import Registry, parse_ref

    name, which = parse_ref(ref)
    typer.echo(Registry(prompts_dir).source(name, which), nl=False)


def prompts_diff(
    name: Annotated[str, typer.Argument(help="Prompt name, e.g. chart_blurb.")],
    old: Annotated[str, typer.Argument(help="Version or label, e.g. production.")],
    new: Annotated[str, typer.Argument(help="Version or label, e.g. v3.")],
    prompts_dir: PromptsDir = None,
) -> None:
    """A unified diff between two versions of a prompt."""
    from narrator.registry import Registry

    typer.echo(Registry(prompts_dir).diff(name, old, new) or "(no difference)", nl=False)


def prompts_label(
    name: Annotated[str, typer.Argument(help="Prompt name, e.g. chart_blurb.")],
    version: Annotated[str, typer.Argument(help="Version (v3) or label to copy.")],
    label: Annotated[str, typer.Argument(help="Label to point at it, e.g. production.")],
    prompts_dir: PromptsDir = None,
) -> None:
    """Point a label (production, candidate ...) at a version; generation uses production."""
    from narrator.registry import Registry

    reg = Registry(prompts_dir)
    before = reg.set_label(name, version, label)
    now = reg.resolve(name, label)
    typer.echo(f"{name}@{label}: {before or '(new)'} -> {now}")


# ---- eval -------------------------------------------------------------------------------------
def eval_run(
    eval_set: Annotated[str, typer.Option("--set", help="Eval set: core, full or a YAML path.")],
    prompt: Annotated[
        list[str] | None,
        typer.Option(
            help="Prompt version to use instead of production (repeatable).", metavar="NAME@VERSION"
        ),
    ] = None,  # fmt: skip
    backend: Annotated[
        str | None, typer.Option(help="offline, openai, langchain, local ...")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name for the backend.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server URL.")] = None,
    script: Annotated[Path | None, typer.Option(help="Replies file (scripted backend).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder of the default database.")] = Path(
        "outputs"
    ),
    db: Db = None,
    results: Annotated[
        Path | None, typer.Option(help="Folder for <run>.json (default: evals/results).")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="TOML config file.")] = None,
) -> None:
    """Write and score every block of an eval set; prints the run id last.

    Scores: texts verified at the first attempt, contradicted claims per 100 claims, repair and
    fallback rates, the chart's headline stated, good or bad news said the right way round,
    reading grade, words per sentence, length, tokens, cost, latency, and readers' ✅ share per
    prompt version. Texts are cached: an identical second run makes no writer calls.
    """
    from narrator.cli import _load
    from narrator.config import load_settings
    from narrator.evals.runner import run_eval, write_results
    from narrator.evals.sets import load_set
    from narrator.generate import GenerateOptions

    settings = load_settings(
        config, backend=backend, model=model, base_url=base_url, out=out_dir, db=db,
        prompts=tuple(prompt) if prompt else None,
    )  # fmt: skip
    catalog, dataset = _load(None, None)
    chosen = load_set(eval_set, dataset, catalog)
    store = _store(settings.db, out_dir)
    options = GenerateOptions(settings=settings, script=script)
    progress = Progress(
        TextColumn("[bold]eval items"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True),
    )  # fmt: skip
    with progress:
        task = progress.add_task("items", total=len(chosen.items))
        run = asyncio.run(
            run_eval(chosen, dataset, catalog, options, store, lambda _i: progress.advance(task))
        )
    path = write_results(run, results)
    table = Table(
        "metric", "value", title=f"{chosen.name} v{chosen.version}: {len(run.items)} items"
    )
    for name, value in run.metrics.items():
        table.add_row(name, "-" if value is None else f"{value:g}")
    for version, v in run.votes.items():
        table.add_row(f"votes {version}", f"{v.accurate}/{v.accurate + v.inaccurate} ✅ "
                      f"[{v.low:.2f}, {v.high:.2f}]")  # fmt: skip
    for version, r in run.reviews.items():
        table.add_row(f"reviews {version}", f"{r['confirmed']} confirmed, "
                      f"{r['false_flags']} false flags")  # fmt: skip
    table.add_row("writer calls", str(run.writer_calls))
    Console(stderr=True).print(table)
    Console(stderr=True).print(f"results: {path}")
    typer.echo(run.id)


def eval_compare(
    baseline: Annotated[str, typer.Argument(help="Run id or results .json file.")],
    candidate: Annotated[str, typer.Argument(help="Run id or results .json file.")],
    html: Annotated[Path | None, typer.Option(help="Also write the comparison as a page.")] = None,
    fail_on_regression: Annotated[
        bool,
        typer.Option(
            "--fail-on-regression",
            help="Exit 1 when the candidate is worse (thresholds in evals/config.yaml).",
        ),
    ] = False,  # fmt: skip
    out_dir: Annotated[Path, typer.Option("--out", help="Folder of the default database.")] = Path(
        "outputs"
    ),
    db: Db = None,
) -> None:
    """Two eval runs side by side: each metric's change, McNemar's test on first-time
    verification, bootstrap intervals, and the items that got worse with both texts."""
    from narrator.evals.compare import compare, load_run, load_thresholds, to_html
    from narrator.paths import atomic_write_text

    store = _store(db, out_dir) if (db or (out_dir / "narrator.db").exists()) else None
    result = compare(load_run(baseline, store), load_run(candidate, store), load_thresholds())
    title = f"{result.candidate} vs {result.baseline} ({result.paired} items)"
    table = Table("metric", "baseline", "candidate", "change", "test", title=title)
    for r in result.rows:
        style = "red" if r.regression else None
        cells = ["-" if v is None else f"{v:g}" for v in (r.baseline, r.candidate, r.change)]
        table.add_row(r.name, *cells, r.test, style=style)
    out.print(table)
    for w in result.worse:
        out.print(f"[bold]worse: {w.key}[/]", highlight=False)
        out.print("  baseline: ", w.baseline, markup=False, highlight=False)
        out.print("  candidate:", w.candidate, markup=False, highlight=False)
    if html is not None:
        atomic_write_text(html, to_html(result))
        out.print(f"page: {html}", markup=False)
    if result.regressions:
        out.print("regression: " + "; ".join(result.regressions), markup=False)
        if fail_on_regression:
            raise typer.Exit(1)
    else:
        out.print("no regression beyond the tolerances")


# ---- votes ------------------------------------------------------------------------------------
def votes_export(
    fmt: Annotated[str, typer.Option("--format", help="csv or json.")] = "csv",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
    ] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder of the default database.")] = Path(
        "outputs"
    ),
    db: Db = None,
) -> None:
    """Every vote with the text, run, prompt version and model it judged."""
    from narrator.paths import atomic_write_text

    if fmt not in ("csv", "json"):
        raise NarratorError(f"--format {fmt}: choose csv or json")
    votes = [v.model_dump(mode="json") for v in _store(db, out_dir).votes()]
    if fmt == "json":
        text = json.dumps(votes, indent=1, ensure_ascii=False) + "\n"
    else:
        buf = io.StringIO()
        fields = ["text_id", "voter", "vote", "comment", "run_id", "prompt_version", "model",
                  "created_at", "updated_at"]  # fmt: skip
        writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(votes)
        text = buf.getvalue()
    if output is None:
        typer.echo(text, nl=False)
    else:
        atomic_write_text(output, text)
        Console(stderr=True).print(f"{len(votes)} votes -> {output}", markup=False)
