"""Run policy for the whole suite.

With ``NARRATOR_STRICT_SKIPS=1`` (set by ``.ci/run``) a skipped test fails the run unless its
skip reason matches an entry of ``ALLOWED_SKIPS``, each with the reason it may skip even in CI:
CI starts every service the tests need, so a skip there means a part went untested.
"""

from __future__ import annotations

import os

import pytest

#: skip-reason substring -> why that skip is acceptable in CI (printed with every run)
ALLOWED_SKIPS: dict[str, str] = {}

_skipped: list[tuple[str, str]] = []


def _strict() -> bool:
    return os.environ.get("NARRATOR_STRICT_SKIPS", "") == "1"


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skipped.append((report.nodeid, str(reason)))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _strict():
        return
    bad = [(n, r) for n, r in _skipped if not any(a in r for a in ALLOWED_SKIPS)]
    if bad:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config) -> None:
    if not _strict():
        return
    for allowed, why in ALLOWED_SKIPS.items():
        terminalreporter.write_line(f"allowed skip '{allowed}': {why}")
    bad = [(n, r) for n, r in _skipped if not any(a in r for a in ALLOWED_SKIPS)]
    for nodeid, reason in bad:
        terminalreporter.write_line(f"NOT ALLOWED TO SKIP IN CI: {nodeid}: {reason}", red=True)
    if bad:
        terminalreporter.write_line(
            f"{len(bad)} skipped test(s) fail this run (NARRATOR_STRICT_SKIPS=1)", red=True
        )
