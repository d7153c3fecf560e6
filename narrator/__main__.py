"""`python -m narrator` is the `narrator` command."""

from narrator.cli import app

app(prog_name="narrator")
