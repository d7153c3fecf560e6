"""Errors a user can fix. The CLI prints their one-line message (no traceback) and exits 2."""

from __future__ import annotations


class NarratorError(Exception):
    """Base class for user-fixable problems. ``str(err)`` is a complete one-line message."""


class DataError(NarratorError):
    """A data file is missing, malformed or inconsistent.

    >>> str(DataError("bad value", file="data/x.csv", row=3, field="value"))
    'data/x.csv, row 3, field value: bad value'
    """

    def __init__(self, message: str, *, file: str = "", row: int | None = None, field: str = ""):
        parts = (file, f"row {row}" if row is not None else "", f"field {field}" if field else "")
        where = ", ".join(p for p in parts if p)
        super().__init__(f"{where}: {message}" if where else message)
        self.file, self.row, self.field = file, row, field


class UnknownAuthorityError(NarratorError):
    """No authority matches the code or name the user gave."""


class UnknownChartError(NarratorError):
    """No chart of the catalogue has this id."""


class TemplateError(NarratorError):
    """A prompt template is missing or broken."""


class BackendError(NarratorError):
    """An LLM backend is misconfigured or unusable (not a transient API failure)."""
