"""Command line: a thin Typer shell over the modules (no logic lives here).

Every user-fixable problem is a :class:`NarratorError`: the CLI prints its one-line message to
stderr and exits 2 (no traceback).
"""

from __future__ import annotations

import asyncio
import functools
import gc
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from narrator.errors import NarratorError
from narrator.report.cli import render_command, serve_command
from narrator.verify.cli import verify_command

app = typer.Typer(
    help="narrator: checked plain-English narratives for local-authority adult social care "
    "reports. Start with `narrator generate --authority Leicester`.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
data_app = typer.Typer(help="Build, check and extend the shipped data.", no_args_is_help=True)
app.add_typer(data_app, name="data")
err = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="Folder with observations.csv and charts.yaml (default: data/)."
    ),
]
DataFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--data-file",
        help="Observation CSV(s) to load instead of data/observations.csv (repeatable), e.g. a "
        "synthetic set from `narrator data synthetic`.",
    ),
]


def friendly(fn):
    """Turn NarratorError into a one-line message and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NarratorError as exc:
            err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None

    return wrapper


def _load(data_dir: Path | None, data_files: list[Path] | None):
    from narrator.catalog import load_catalog
    from narrator.data import load_dataset

    catalog = load_catalog(data_dir)
    dataset = load_dataset(data_files or None, chart_ids=catalog.ids, data_root=data_dir)
    # The loaded data lives as long as the command: keep the garbage collector from re-scanning
    # it on every collection while fact sheets and texts are built (a measured ~30 % saving).
    gc.freeze()
    return catalog, dataset


@app.command()
@friendly
def facts(
    authority: Annotated[str, typer.Option(help="Council name or ONS code, e.g. Leicester.")],
    chart: Annotated[str, typer.Option(help="Chart id, e.g. op_need (see `narrator charts`).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the fact sheet as JSON.")] = False,
    data_dir: DataDir = None,
    data_file: DataFiles = None,
) -> None:
    """Print the fact sheet of one chart for one authority."""
    from narrator.facts import FactBuilder

    catalog, dataset = _load(data_dir, data_file)
    sheet = FactBuilder(dataset, catalog).sheet(
        dataset.authority(authority).code, catalog.chart(chart).id
    )
    if json_out:
        typer.echo(sheet.model_dump_json(indent=2))
        return
    typer.echo(f"{sheet.authority.name} — {sheet.chart_title} ({sheet.section}) [{sheet.status}]")
    for f in sheet.facts:
        typer.echo(f"  {f.kind:<16} {f.text_hint}")


@app.command()
@friendly
def charts(data_dir: DataDir = None) -> None:
    """List the chart catalogue: id, section, availability and title."""
    from narrator.catalog import load_catalog

    for c in load_catalog(data_dir).charts:
        typer.echo(f"{c.id:<24} {c.section:<20} {c.availability:<13} {c.title}")


@app.command()
@friendly
def generate(
    authority: Annotated[
        list[str] | None,
        typer.Option("--authority", "-a", help="Council name or code (repeatable)."),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every council in the data.")] = False,
    backend: Annotated[
        str,
        typer.Option(
            help="Writer backend: offline (default, no network), openai, langchain, local, "
            "scripted."
        ),
    ] = "offline",
    model: Annotated[str | None, typer.Option(help="Model name for the backend.")] = None,
    base_url: Annotated[
        str | None,
        typer.Option(help="OpenAI-compatible server URL, e.g. http://127.0.0.1:8080/v1."),
    ] = None,
    script: Annotated[
        Path | None, typer.Option(help="JSON script for the scripted backend (target -> text).")
    ] = None,
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("outputs"),
    db: Annotated[
        str | None,
        typer.Option(
            help="Database URL for runs, texts and the cache (default: sqlite:///<out>/narrator.db)."
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not reuse stored texts.")
    ] = False,
    concurrency: Annotated[int, typer.Option(min=1, help="Texts written at the same time.")] = 8,
    max_repairs: Annotated[
        int, typer.Option(min=0, max=5, help="Repair attempts per failed text.")
    ] = 2,
    data_dir: DataDir = None,
    data_file: DataFiles = None,
) -> None:
    """Write report.json and report.html for one or more authorities into OUT/<slug>/.

    Every number in every text is checked against the data; texts that fail are repaired or
    replaced by the offline writer's text. Re-running with unchanged inputs reuses stored texts
    (a killed batch resumes where it stopped).
    """
    from narrator.generate import GenerateOptions, run_generate

    catalog, dataset = _load(data_dir, data_file)
    if all_:
        targets = dataset.councils()
    elif authority:
        targets = [dataset.authority(a) for a in authority]
    else:
        raise NarratorError("say which authority: --authority NAME (repeatable) or --all")
    options = GenerateOptions(
        backend=backend,
        model=model,
        base_url=base_url,
        script=script,
        out=out,
        db=db,
        use_cache=not no_cache,
        concurrency=concurrency,
        max_repairs=max_repairs,
    )
    summary = asyncio.run(run_generate(dataset, catalog, targets, options, console=err))
    typer.echo(json.dumps(summary, indent=2))


@data_app.command("build")
@friendly
def data_build(
    raw: Annotated[Path, typer.Option(help="Folder of raw official files.")] = Path(
        "../shared/data/raw"
    ),
    reference: Annotated[Path, typer.Option(help="Leicester reference CSV.")] = Path(
        "../shared/data/leicester_reference.csv"
    ),
    data_dir: DataDir = None,
) -> None:
    """Rebuild data/observations.csv from the raw official workbooks.

    Needs the optional readers: pip install -e '.[raw]'.
    """
    from narrator.databuild import build
    from narrator.paths import data_dir as default_data_dir

    report = build(raw, reference, default_data_dir(data_dir))
    typer.echo(report.model_dump_json(indent=2))


@data_app.command("synthetic")
@friendly
def data_synthetic(
    councils: Annotated[int, typer.Option(min=1, help="How many fictional councils.")] = 150,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same file).")] = 17,
    out: Annotated[Path, typer.Option(help="Output CSV.")] = Path(
        "outputs/synthetic/observations.csv"
    ),
    data_dir: DataDir = None,
) -> None:
    """Write a clearly labelled synthetic set of fictional councils ("Demo Borough 001" ...)."""
    from narrator.databuild import generate_synthetic
    from narrator.paths import data_dir as default_data_dir

    path = generate_synthetic(councils, seed, out, default_data_dir(data_dir) / "observations.csv")
    typer.echo(str(path))


@data_app.command("check")
@friendly
def data_check(data_dir: DataDir = None, data_file: DataFiles = None) -> None:
    """Validate the data files and print counts."""
    catalog, dataset = _load(data_dir, data_file)
    councils = dataset.councils()
    typer.echo(
        f"ok: {len(dataset.observations)} observations, {len(councils)} councils, "
        f"{len(catalog.charts)} charts, files: {', '.join(dataset.files)}"
    )


app.command("verify")(friendly(verify_command))
app.command("serve")(friendly(serve_command))
app.command("render")(friendly(render_command))


def main() -> None:  # pragma: no cover - entry point
    sys.exit(app())
