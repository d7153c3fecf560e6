"""Command line: a thin Typer shell over the modules (no logic lives here).

Every user-fixable problem is a :class:`NarratorError`: the CLI prints its one-line message to
stderr and exits 2 (no traceback).
"""

from __future__ import annotations

import asyncio
import functools
import gc
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from narrator import review_cli as R
from narrator.errors import NarratorError
from narrator.evals import cli as E
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
            message = escape(str(exc))  # messages quote data: never read them as markup
            err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
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


def _opt(help_text: str, *names: str, **kw: Any) -> Any:
    return typer.Option(*names, help=help_text, **kw)


@app.command()
@friendly
def generate(
    authority: Annotated[
        list[str] | None, _opt("Council name or code (repeatable).", "--authority", "-a")
    ] = None,
    all_: Annotated[bool, _opt("Every council in the data.", "--all")] = False,
    backend: Annotated[
        str | None,
        _opt("Writer: offline (default, no network), openai, langchain, local, scripted."),
    ] = None,
    model: Annotated[
        str | None,
        _opt("Model: e.g. gpt-4o-mini (openai), anthropic:claude-… (langchain), a .gguf (local)."),
    ] = None,
    base_url: Annotated[
        str | None, _opt("OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1.")
    ] = None,
    script: Annotated[Path | None, _opt("JSON script for the scripted backend.")] = None,
    out: Annotated[Path | None, _opt("Output folder (default outputs/).")] = None,
    db: Annotated[
        str | None,
        _opt("Database URL for runs, texts and cache (default sqlite:///<out>/narrator.db)."),
    ] = None,
    no_cache: Annotated[bool, _opt("Do not reuse stored texts.", "--no-cache")] = False,
    concurrency: Annotated[
        int | None,
        _opt(
            "Texts written at the same time (default: enough to use --rpm fully at the "
            "latency observed, by Little's law; 8 without --rpm).",
            min=1,
        ),
    ] = None,
    max_repairs: Annotated[
        int | None, _opt("Repair attempts per failed text.", min=0, max=5)
    ] = None,
    temperature: Annotated[float | None, _opt("Sampling temperature.", min=0.0)] = None,
    max_tokens: Annotated[int | None, _opt("Max tokens per reply.", min=16)] = None,
    seed: Annotated[int | None, _opt("Sampling seed, where the backend supports one.")] = None,
    rpm: Annotated[
        float | None, _opt("Requests-per-minute limit (openai).", "--rpm", min=1)
    ] = None,
    tpm: Annotated[float | None, _opt("Tokens-per-minute limit (openai).", "--tpm", min=1)] = None,
    timeout: Annotated[float | None, _opt("Seconds per HTTP request.", min=1)] = None,
    max_attempts: Annotated[int | None, _opt("HTTP attempts per call.", min=1)] = None,
    batch_api: Annotated[
        bool | None,
        _opt(
            "Send first attempts through the OpenAI Batch API (half price, slower).",
            "--batch-api/--no-batch-api",
        ),
    ] = None,
    output_mode: Annotated[
        str | None,
        _opt("Force json_schema, json_object or text replies (default: probe the server)."),
    ] = None,
    prompt_style: Annotated[
        str | None,
        _opt("word_facts: a small model only rewords facts the code picked (local models)."),
    ] = None,
    prompt: Annotated[
        list[str] | None,
        typer.Option(
            help="Prompt version instead of production, e.g. chart_blurb@v3 (repeatable).",
            metavar="NAME@VERSION",
        ),
    ] = None,
    config: Annotated[
        Path | None, _opt("TOML config file (default ./narrator.toml if present).")
    ] = None,
    data_dir: DataDir = None,
    data_file: DataFiles = None,
    allow_fallback: Annotated[
        bool,
        _opt(
            "Exit 0 even when the chosen writer never answered and every text came from the "
            "offline fallback (by default that run fails with exit 2).",
            "--allow-fallback",
        ),
    ] = False,
    as_json: Annotated[
        bool, _opt("Print the run's summary as JSON (counts per authority, outputs).", "--json")
    ] = False,
) -> None:
    """Write report.json and report.html for one or more authorities into OUT/<slug>/.

    Every number in every text is checked against the data; texts that fail are repaired or
    replaced by the offline writer's text. Re-running with unchanged inputs reuses stored texts
    (a killed batch resumes where it stopped). Settings come from flags, NARRATOR_* variables
    and narrator.toml, in that order; the OpenAI key only from OPENAI_API_KEY.
    """
    from narrator.config import load_settings
    from narrator.generate import GenerateOptions, run_generate

    settings = load_settings(
        config, backend=backend, model=model, base_url=base_url, out=out, db=db,
        concurrency=concurrency, max_repairs=max_repairs, temperature=temperature,
        max_tokens=max_tokens, seed=seed, requests_per_minute=rpm, tokens_per_minute=tpm,
        timeout=timeout, max_attempts=max_attempts, batch_api=batch_api,
        output_mode=output_mode, prompt_style=prompt_style,
        prompts=tuple(prompt) if prompt else None,
    )  # fmt: skip
    catalog, dataset = _load(data_dir, data_file)
    if all_:
        targets = dataset.councils()
    elif authority:
        targets = [dataset.authority(a) for a in authority]
    else:
        raise NarratorError("say which authority: --authority NAME (repeatable) or --all")
    options = GenerateOptions(
        settings=settings, script=script, use_cache=not no_cache, allow_fallback=allow_fallback
    )
    summary = asyncio.run(run_generate(dataset, catalog, targets, options, console=err))
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
    else:
        typer.echo(_generate_summary(summary, Path(settings.out)))


def _generate_summary(summary: dict, out: Path) -> str:
    """A short account of a generate run that ends with where the report (or index) is."""
    c = summary["counts"]
    reports = summary["outputs"]
    lines = [
        f"Wrote {len(reports)} report{'s' if len(reports) != 1 else ''} with "
        f"{summary['backend']} ({summary['model']}): {c['texts']} texts, {c['verified']} "
        f"verified first time, {c['repaired']} repaired, {c['fallback']} by the fallback writer"
        + (f", {c['cached']} reused" if c.get("cached") else "")
        + f". Run {summary['run_id']}."
    ]
    if len(reports) == 1:
        lines.append(f"Report: {Path(reports[0]) / 'report.html'}")
    else:
        lines.append(f"Reports: {out / 'index.html'}")
    return "\n".join(lines)


@app.command()
@friendly
def peers(
    authority: Annotated[
        list[str] | None, typer.Argument(help="Council name or code (two with --explain).")
    ] = None,
    k: Annotated[
        int | None, typer.Option(min=1, max=50, help="How many peers (default 15).")
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Each feature's part in two councils' distance.")
    ] = False,
    write: Annotated[
        bool, typer.Option("--write", help="Rewrite data/peers.csv for every council.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Similar councils from the open peer model in data/peers.yaml (deprivation, age profile,
    size and council type, standardised and weighted; k nearest by Euclidean distance)."""
    from narrator.data import PEERS_FILE
    from narrator.paths import atomic_write_text, data_dir
    from narrator.peers import Peers

    _catalog, dataset = _load(None, None)
    model = Peers(dataset)
    if write:
        text = model.csv_text(k)
        atomic_write_text(data_dir() / PEERS_FILE, text)
        rows = text.count("\n") - 1
        typer.echo(f"{rows} rows for {len(model.points)} councils -> data/{PEERS_FILE}")
        return
    codes = [dataset.authority(a).code for a in authority or []]
    if explain:
        if len(codes) != 2:
            raise NarratorError("--explain needs two councils, e.g. Leicester Nottingham")
        gaps = model.explain(*codes)
        typer.echo(json.dumps(gaps, indent=1) if as_json else "\n".join(
            f"{f:14} {g:.3f}" for f, g in sorted(gaps.items(), key=lambda x: -x[1])))  # fmt: skip
        return
    if len(codes) != 1:
        raise NarratorError("say which council: narrator peers Leicester")
    found = model.of(codes[0], k)
    if as_json:
        typer.echo(json.dumps([p.model_dump() for p in found], indent=1))
        return
    for n, p in enumerate(found, 1):
        typer.echo(
            f"{n:2}. {p.name} (distance {p.distance:.2f}; closest on {', '.join(p.closest_on)})"
        )


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
    """Rebuild data/observations.csv (and the similar councils of data/peers.csv) from the raw
    official workbooks.

    Needs the optional readers: pip install -e '.[raw]'.
    """
    from narrator.databuild import build
    from narrator.paths import data_dir as default_data_dir

    report = build(raw, reference, default_data_dir(data_dir))
    typer.echo(report.model_dump_json(indent=2))


@data_app.command("areas")
@friendly
def data_areas(
    source: Annotated[Path, typer.Argument(help="mySociety's uk_local_authorities_future.csv.")],
    version: Annotated[
        str, typer.Option("--version", help="The source commit it was read from (provenance).")
    ],
    data_dir: DataDir = None,
) -> None:
    """Write data/areas.csv (each council's km² and 2020 population, for the peer model's
    density) from mySociety's UK local authority table; then run narrator data build or
    narrator peers --write."""
    from narrator.databuild.areas import convert
    from narrator.paths import atomic_write_text
    from narrator.paths import data_dir as default_data_dir
    from narrator.peers import AREAS_FILE

    _catalog, dataset = _load(None, data_dir)
    text = convert(source, version, dataset.authorities)
    atomic_write_text(default_data_dir(data_dir) / AREAS_FILE, text)
    typer.echo(f"{text.count(chr(10)) - 1} councils -> data/{AREAS_FILE}")


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
for _group, _name, _commands in (
    (E.prompts_app, "prompts", {"list": E.prompts_list, "show": E.prompts_show,
                                "diff": E.prompts_diff, "label": E.prompts_label}),
    (E.eval_app, "eval", {"run": E.eval_run, "compare": E.eval_compare}),
    (E.votes_app, "votes", {"export": E.votes_export}),
    (R.review_app, "review", {"list": R.review_list, "show": R.review_show,
                              "decide": R.review_decide, "export": R.review_export}),
):  # fmt: skip
    for _command, _fn in _commands.items():
        _group.command(_command)(friendly(_fn))
    app.add_typer(_group, name=_name)
app.command("serve")(friendly(serve_command))
app.command("render")(friendly(render_command))
