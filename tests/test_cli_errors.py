"""User-fixable mistakes get one clear line and exit 2, never a traceback (issue 10)."""

from __future__ import annotations

import json
import socket
import time

from report_fixture import leicester_report
from typer.testing import CliRunner

from narrator.cli import app
from narrator.report import render_index, render_report

RUNNER = CliRunner()


def run(*args: str):
    return RUNNER.invoke(app, list(args))


def one_line_error(result, needle: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], lines
    assert "Traceback" not in result.output


def test_out_pointing_at_a_file(tmp_path):
    target = tmp_path / "afile"
    target.write_text("x")
    one_line_error(run("generate", "--authority", "Leicester", "--out", str(target)),
                   "not a folder")  # fmt: skip
    assert target.read_text() == "x"


def test_verify_on_a_binary_file(tmp_path):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    result = run("verify", "--authority", "Leicester", "--chart", "op_need",
                 "--text-file", str(blob))  # fmt: skip
    one_line_error(result, "not UTF-8 text")


def test_serve_on_a_busy_port_says_so_before_serving(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--port", str(port), "--out", str(tmp_path))
    one_line_error(result, f"cannot listen on 127.0.0.1:{port}")
    assert "serving" not in result.output


def _two_reports(out):
    report = leicester_report()
    render_report(report, out)
    (out / "leicester" / "report.json").write_text(report.model_dump_json(), encoding="utf-8")
    broken = out / "broken"
    broken.mkdir()
    (broken / "report.json").write_text(report.model_dump_json()[:500], encoding="utf-8")
    return report


def test_a_truncated_report_is_skipped_with_a_warning_by_render(tmp_path):
    _two_reports(tmp_path)
    result = run("render", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "broken/report.json: skipped" in result.output
    assert "rendered 1 report(s)" in result.output
    assert 'href="leicester/report.html"' in (tmp_path / "index.html").read_text()


def test_a_truncated_report_does_not_stop_generate(tmp_path):
    _two_reports(tmp_path)
    result = run("generate", "--authority", "Rutland", "--out", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    index = (tmp_path / "index.html").read_text()
    assert "rutland/report.html" in index and "leicester/report.html" in index
    summary = json.loads(result.stdout[result.stdout.index("{") :])
    assert summary["counts"]["texts"] == 43


def test_a_truncated_report_does_not_stop_the_server(tmp_path):
    import httpx

    from narrator.server import background_server, create_app

    report = _two_reports(tmp_path)
    render_index([report], tmp_path)
    with background_server(create_app(tmp_path, f"sqlite:///{tmp_path / 'v.db'}")) as base:
        health = httpx.get(f"{base}/healthz").json()
        for _ in range(200):  # reports are read by a background copy after the start
            if health["texts_synced"]:
                break
            time.sleep(0.05)
            health = httpx.get(f"{base}/healthz").json()
        assert health["reports"] == ["leicester"]  # the broken one is not listed
