"""CLI functions for ``narrator serve`` and ``narrator render`` (registered by narrator.cli).

Plain functions with Typer ``Annotated`` options; narrator.cli registers them with
``app.command("serve")(friendly(serve_command))`` and the same for ``render_command``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from narrator.errors import NarratorError

OutDir = Annotated[
    Path, typer.Option("--out", help="Folder that `narrator generate` wrote (default: outputs/).")
]


def _check_port(host: str, port: int) -> None:
    """A clear error, before anything is printed, when the address cannot be listened on."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, _, _, _, address = infos[0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        raise NarratorError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; pick another --port"
        ) from None


def serve_command(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    out: OutDir = Path("outputs"),
    db: Annotated[
        str | None,
        typer.Option(
            help="Database URL for votes: sqlite:///path.db (default <out>/narrator.db) or "
            "postgresql://user@host/db."
        ),
    ] = None,
    votes_per_minute: Annotated[
        int, typer.Option(min=1, max=100_000, help="Votes per minute from one client address.")
    ] = 60,
    voters_per_hour: Annotated[
        int,
        typer.Option(
            min=1, max=100_000, help="New voter ids per hour for one client address (stuffing)."
        ),
    ] = 30,
    api_docs: Annotated[bool, typer.Option(help="Serve the API docs at /api/docs.")] = False,
    review_token: Annotated[
        str | None,
        typer.Option(
            envvar="NARRATOR_REVIEW_TOKEN",
            help="Open the review page /review?token=TOKEN to reviewers (off without one).",
        ),
    ] = None,
) -> None:
    """Serve the generated reports (index at /) and the vote API.

    Voter ids are signed by the server (key kept in <out>/.voter-secret, or
    NARRATOR_VOTER_SECRET); votes from other sites' pages are refused; each client address
    is rate limited.
    """
    from narrator.server import serve

    if not out.is_dir():
        raise NarratorError(f"{out}: no such folder; run `narrator generate` first or pass --out")
    _check_port(host, port)
    typer.echo(f"narrator: serving {out} at http://{host}:{port}/ (Ctrl+C to stop)")
    serve(
        host,
        port,
        out,
        db,
        votes_per_minute=votes_per_minute,
        voters_per_hour=voters_per_hour,
        api_docs=api_docs,
        review_token=review_token,
    )


def render_command(
    out: OutDir = Path("outputs"),
) -> None:
    """Re-render every report page and the index from the report.json files under --out."""
    from narrator.report.render import load_reports, render_index, render_report

    reports = load_reports(out)
    if not reports:
        raise NarratorError(f"{out}: no */report.json found; run `narrator generate` first")
    for report in reports:
        render_report(report, out)
    index = render_index(reports, out)
    typer.echo(f"rendered {len(reports)} report(s) and {index}")
