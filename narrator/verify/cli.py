"""``narrator verify``: check a text file against an authority's fact sheets.

The lead's ``narrator/cli.py`` registers it with ``app.command("verify")(verify_command)``.
Exit codes: 0 the text passes, 1 it fails (any contradicted or unverifiable claim),
2 a user error (unknown authority/chart/section, unreadable file) via :class:`NarratorError`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from narrator.errors import NarratorError
from narrator.models import FactSheet, Verdict


class VerifyInputError(NarratorError):
    """The verify command was given an unusable combination of options or file."""


def load_sheets(
    authority: str,
    kind: str,
    chart: str | None,
    section: str | None,
    data_dir: Path | None,
) -> list[FactSheet]:
    """The fact sheets a text of ``kind`` is checked against (chart / section / overall)."""
    from narrator.catalog import load_catalog
    from narrator.data import load_dataset
    from narrator.facts import FactBuilder

    catalog = load_catalog(data_dir)
    dataset = load_dataset(chart_ids=catalog.ids, data_root=data_dir)
    builder = FactBuilder(dataset, catalog)
    code = dataset.authority(authority).code
    if kind == "chart":
        if not chart:
            raise VerifyInputError("--kind chart needs --chart (a chart id, e.g. op_need)")
        return [builder.sheet(code, catalog.chart(chart).id)]
    if kind == "section":
        if not section:
            raise VerifyInputError("--kind section needs --section NAME, e.g. 'Care providers'")
        return [builder.sheet(code, c.id) for c in catalog.charts_in(section)]
    if kind == "overall":
        return builder.sheets_for(code)
    raise VerifyInputError(f"unknown --kind {kind!r}: use chart, section or overall")


def verdict_json(verdict: Verdict) -> dict:
    """The CLI's JSON shape: verdict plus claims with span, status, expected, reason, source."""
    claims = []
    for c in verdict.claims:
        src = c.sources[0] if c.sources else None
        claims.append(
            {
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "kind": c.kind,
                "status": c.status,
                "expected": c.expected,
                "reason": c.reason,
                "source": (
                    f"{src.source} {src.table} {src.cell} ({src.measure}, {src.period})".strip()
                    if src
                    else ""
                ),
                "fact_ids": list(c.fact_ids),
            }
        )
    return {"verdict": verdict.outcome, "claims": claims}


def verify_command(
    authority: Annotated[str, typer.Option(help="Council name or ONS code, e.g. Leicester.")],
    text_file: Annotated[
        Path, typer.Option("--text-file", help="File holding the text to check ('-' = stdin).")
    ],
    chart: Annotated[
        str | None, typer.Option(help="Chart id for --kind chart, e.g. op_need.")
    ] = None,
    kind: Annotated[str, typer.Option(help="chart, section or overall.")] = "chart",
    section: Annotated[
        str | None, typer.Option(help="Section name for --kind section, e.g. 'Care providers'.")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON.")] = False,
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Folder with the shipped data files.")
    ] = None,
) -> None:
    """Check every figure and comparison of a text against the authority's fact sheets."""
    from narrator.verify.api import verify_text

    try:
        try:
            text = (
                typer.get_text_stream("stdin").read()
                if str(text_file) == "-"
                else text_file.read_text(encoding="utf-8")
            )
        except OSError as exc:
            raise VerifyInputError(
                f"{text_file}: cannot read the text file ({exc.strerror})"
            ) from exc
        except UnicodeDecodeError as exc:
            raise VerifyInputError(
                f"{text_file}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset "
                f"{exc.start})"
            ) from None
        sheets = load_sheets(authority, kind.lower(), chart, section, data_dir)
    except NarratorError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    verdict = verify_text(text, sheets)
    if json_out:
        typer.echo(json.dumps(verdict_json(verdict), indent=2, ensure_ascii=False))
    else:
        typer.echo(f"{verdict.outcome.upper()}: {len(verdict.claims)} claims checked")
        for c in verdict.claims:
            mark = {"supported": "ok ", "contradicted": "BAD", "unverifiable": "?? "}[c.status]
            typer.echo(f"  {mark} [{c.start}:{c.end}] {c.text!r} — {c.reason}")
    if verdict.outcome == "fail":
        raise typer.Exit(1)
