"""The reports in an output folder, read when needed instead of all at start.

A server over every council's report must start at once and stay small (a report file is
about 2 MB): :class:`ReportShelf` only lists the folders holding a ``report.json`` when it is
made, parses a report when it is asked for, and keeps no parsed report, only each report's
text ids once seen. :meth:`ReportShelf.sync_texts` copies every report's texts into a store (so
votes can refer to them) one report at a time, in the background.

>>> shelf = ReportShelf(Path("outputs"))       # doctest: +SKIP
>>> shelf.get("leicester").authority.name       # doctest: +SKIP
'Leicester'
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from narrator.models import Report, TextRecord

REPORT_FILE = "report.json"


class TextSink(Protocol):
    """Where :meth:`ReportShelf.sync_texts` puts texts (a :class:`narrator.store.Store`)."""

    def missing_texts(self, text_ids: list[str]) -> set[str]: ...

    def save_texts(self, texts: list[TextRecord]) -> int: ...


def read_report(path: Path) -> Report | None:
    """One ``report.json`` parsed; a file that cannot be read or parsed (cut short, edited by
    hand) is left out with a one-line warning on stderr, never a crash."""
    try:
        return Report.model_validate_json(path.read_bytes())
    except (OSError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"warning: {path}: skipped, not a readable report ({first})", file=sys.stderr)
        return None


class ReportShelf:
    """Reports under ``folder/<slug>/report.json``, parsed on demand (thread-safe)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._ids: dict[str, list[str]] = {}  # slug -> text ids of its report
        self._unreadable: set[str] = set()  # report files found not to parse
        self._lock = threading.Lock()
        self.synced = threading.Event()  # set when sync_texts has gone through every report
        self.refresh()

    def refresh(self) -> None:
        """List the report folders again (a report generated after the start appears)."""
        slugs = sorted(p.parent.name for p in self.folder.glob(f"*/{REPORT_FILE}"))
        with self._lock:
            self._slugs = slugs
            self._ids.clear()
            self._unreadable.clear()

    def slugs(self) -> list[str]:
        """The folders holding a report file, less those found unreadable so far (every one
        has been read once :attr:`synced` is set)."""
        with self._lock:
            return [s for s in self._slugs if s not in self._unreadable]

    def get(self, slug: str) -> Report | None:
        """The report in ``folder/slug``, or ``None`` when there is none or it is unreadable."""
        if slug not in self._slugs:
            return None
        report = read_report(self.folder / slug / REPORT_FILE)
        with self._lock:
            if report is None:
                self._unreadable.add(slug)
            else:
                self._ids[slug] = [t.id for t in report.texts]
        return report

    def text_ids(self, slug: str) -> list[str] | None:
        """The ids of the texts in a report (``None``: no readable report of that name)."""
        with self._lock:
            known = self._ids.get(slug)
        if known is not None:
            return list(known)
        report = self.get(slug)
        return [t.id for t in report.texts] if report is not None else None

    def __iter__(self) -> Iterator[Report]:
        """Every readable report, parsed one at a time (none is kept)."""
        for slug in self.slugs():
            report = self.get(slug)
            if report is not None:
                yield report

    def sync_texts(self, sink: TextSink, stop: threading.Event | None = None) -> int:
        """Save into ``sink`` the texts it does not hold yet, report by report; returns how
        many were added. Stops early when ``stop`` is set (the server is shutting down). Sets
        :attr:`synced` when done (also after an error)."""
        added = 0
        try:
            for slug in self.slugs():
                if stop is not None and stop.is_set():
                    break
                report = self.get(slug)
                if report is None:
                    continue
                missing = sink.missing_texts([t.id for t in report.texts])
                if missing:
                    added += sink.save_texts([t for t in report.texts if t.id in missing])
        finally:
            self.synced.set()
        return added
