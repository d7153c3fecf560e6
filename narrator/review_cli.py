"""``narrator review``: the review queue from the terminal (a thin shell over
:mod:`narrator.review`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from narrator.errors import NarratorError

review_app = typer.Typer(
    help="Review texts the checker or readers flagged: list, show, decide, export.",
    no_args_is_help=True,
)
out = Console()
Db = Annotated[str | None, typer.Option(help="Database URL (default: sqlite:///OUT/narrator.db).")]
OutDir = Annotated[Path, typer.Option("--out", help="Folder of the default database.")]


def _reviews(db: str | None, out_dir: Path):
    from narrator.evals.cli import _store
    from narrator.review import Reviews

    path = out_dir / "narrator.db"
    if db is None and not path.exists():
        raise NarratorError(f"{path}: no database here; run narrator generate first (or --db)")
    return Reviews(_store(db, out_dir))


def _code(authority: str | None) -> str | None:
    if not authority or authority[:1] in "EWSN" and authority[1:].isdigit():
        return authority  # an ONS code: no need to load the data
    from narrator.cli import _load

    return _load(None, None)[1].authority(authority).code


def review_list(
    authority: Annotated[str | None, typer.Option(help="Council name or code.")] = None,
    section: Annotated[str | None, typer.Option(help="Section name.")] = None,
    chart: Annotated[str | None, typer.Option(help="Chart id.")] = None,
    prompt: Annotated[
        str | None, typer.Option(help="Prompt version prefix, e.g. chart_blurb/v2.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the queue as JSON.")] = False,
    out_dir: OutDir = Path("outputs"),
    db: Db = None,
) -> None:
    """The queue, most severe first: contradicted claims, then ❌ share, then unverifiable."""
    items = _reviews(db, out_dir).queue(_code(authority), section, chart, prompt)
    if as_json:
        typer.echo(json.dumps([i.model_dump() for i in items], indent=1))
        return
    table = Table("text", "status", "contradicted", "unverifiable", "❌", "✅", "prompt")
    for i in items:
        table.add_row(i.text_id, i.status, str(i.contradicted), str(i.unverifiable),
                      str(i.bad_votes), str(i.good_votes), i.prompt_version)  # fmt: skip
    out.print(table)
    out.print(f"{len(items)} to review", highlight=False)


def review_show(
    text_id: Annotated[str, typer.Argument(help="Text id from `narrator review list`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print everything as JSON.")] = False,
    out_dir: OutDir = Path("outputs"),
    db: Db = None,
) -> None:
    """One item: the text, each flagged claim with the facts it was bound to, votes, calls."""
    ev = _reviews(db, out_dir).evidence(text_id)
    if as_json:
        typer.echo(json.dumps(ev, indent=1, default=str, ensure_ascii=False))
        return
    t = ev["text"]
    out.print(f"[bold]{t['id']}[/] ({t['status']}, {t['prompt_version']}, {t['model']})")
    out.print(t["body"], markup=False, highlight=False)
    for d in ev["drafts"]:
        out.print(f"\n[bold]draft {d['attempt']}[/]")
        out.print(d["body"] or d["error"], markup=False, highlight=False)
    for c in ev["flagged"]:
        out.print(f"\n[bold]{c['number']}.[/] [{c['status']}] draft {c['attempt']}: ", end="")
        out.print(f"{c['text']!r}: {c['reason']}", markup=False, highlight=False)
        for f in c["facts"]:
            out.print(f"   fact: {f['measure']} {f['breakdown']} {f['period']} "
                      f"{f['comparator']} = {f['value']} ({'; '.join(f['sources'])})",
                      markup=False, highlight=False)  # fmt: skip
    out.print(f"\nvotes: {ev['votes']}; calls logged: {len(ev['calls'])}; "
              f"decisions: {len(ev['decisions'])}", highlight=False)  # fmt: skip


def review_decide(
    text_id: Annotated[str, typer.Argument(help="Text id from `narrator review list`.")],
    reviewer: Annotated[str, typer.Option(help="Your name (kept in the audit log).")],
    confirm: Annotated[
        bool, typer.Option("--confirm", help="The flagged claims are wrong.")
    ] = False,
    false_flag: Annotated[
        bool, typer.Option("--false-flag", help="The flagged claims are right.")
    ] = False,
    skip: Annotated[bool, typer.Option("--skip", help="Looked at, undecided.")] = False,
    edit_file: Annotated[
        Path | None, typer.Option(help="A corrected text; approved only if it passes the checker.")
    ] = None,
    claim: Annotated[
        list[int] | None, typer.Option(help="Flagged claim number(s) it is about (default: all).")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    out_dir: OutDir = Path("outputs"),
    db: Db = None,
) -> None:
    """Record a decision in the audit log (decisions are added, never overwritten)."""
    chosen = [n for n, on in (("confirm", confirm), ("false_flag", false_flag),
                              ("skip", skip), ("edit", edit_file is not None)) if on]  # fmt: skip
    if len(chosen) != 1:
        raise NarratorError("give exactly one of --confirm, --false-flag, --skip, --edit-file F")
    body = None
    if edit_file is not None:
        try:
            body = edit_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise NarratorError(
                f"{edit_file}: cannot read the edited text: {exc.strerror}"
            ) from None
    d = _reviews(db, out_dir).decide(text_id, chosen[0], reviewer, claim, note, body)
    typer.echo(f"decision {d.id}: {d.decision} on {d.text_id} by {d.reviewer}")


def review_export(
    output: Annotated[Path, typer.Option(help="JSONL file of labelled claims.")] = Path(
        "evals/verifier/reviewed.jsonl"
    ),
    out_dir: OutDir = Path("outputs"),
    db: Db = None,
) -> None:
    """Write confirmed hallucinations and false flags as labelled claims for the verifier's dev
    material (never its test split)."""
    from narrator.paths import atomic_write_text

    records = _reviews(db, out_dir).export()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    atomic_write_text(output, text)
    claims = sum(len(r["claims"]) for r in records)
    typer.echo(f"{len(records)} texts, {claims} labelled claims -> {output}")
