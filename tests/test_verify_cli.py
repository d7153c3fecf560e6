"""The verify command through a small typer app (the lead registers the same function)."""

from __future__ import annotations

import functools
import json

import pytest
import typer
from typer.testing import CliRunner

import narrator.data
from narrator.paths import data_dir
from narrator.verify.cli import verify_command

pytestmark = pytest.mark.skipif(
    not (data_dir() / "observations.csv").exists(), reason="needs the shipped data"
)
_load_once = functools.lru_cache(maxsize=4)(narrator.data.load_dataset)


@pytest.fixture(autouse=True)
def _load_data_once(monkeypatch):
    """Every test reads the same shipped data: load it once (keeps the suite fast)."""
    monkeypatch.setattr(
        narrator.data, "load_dataset", lambda *a, chart_ids=None, **k: _load_once(*a, **k)
    )


APP = typer.Typer()
APP.command("verify")(verify_command)
APP.command("noop")(lambda: None)  # two commands, so "verify" is a subcommand as in narrator
GOOD = (
    "In 2024 Leicester had about 2,200 requests for care from people aged 65 and over for every "
    "100,000 residents. That is lower than the England average of about 2,400."
)
BAD = "In 2024 Leicester had 2,199 requests per 100,000 residents, above England (2,438)."


def run(tmp_path, text: str, *args: str):
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(
        APP, ["verify", "--authority", "Leicester", "--text-file", str(path), *args]
    )


def test_pass_json_exit_0(tmp_path):
    result = run(tmp_path, GOOD, "--chart", "op_need", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["verdict"] == "pass"
    first = out["claims"][0]
    assert set(first) >= {"text", "start", "end", "status", "expected", "reason", "source"}
    assert GOOD[first["start"] : first["end"]] == first["text"]


def test_wrong_direction_exit_1(tmp_path):
    result = run(tmp_path, BAD, "--chart", "op_need", "--json")
    assert result.exit_code == 1
    out = json.loads(result.output)
    bad = [c for c in out["claims"] if c["status"] == "contradicted"]
    assert bad and "below" in bad[0]["expected"] and bad[0]["source"]


def test_section_kind_is_case_insensitive(tmp_path):
    text = "Leicester had about 2,200 requests from people aged 65+ for every 100,000 residents."
    result = run(tmp_path, text, "--kind", "section", "--section", "people WITH needs")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("PASS")


def test_user_errors_exit_2(tmp_path):
    assert run(tmp_path, GOOD, "--chart", "no_such_chart").exit_code == 2
    assert run(tmp_path, GOOD, "--kind", "section").exit_code == 2
    assert run(tmp_path, GOOD, "--kind", "section", "--section", "Nowhere").exit_code == 2
    missing = CliRunner().invoke(
        APP,
        [
            "verify",
            "--authority",
            "Leicester",
            "--chart",
            "op_need",
            "--text-file",
            str(tmp_path / "absent.txt"),
        ],
    )
    assert missing.exit_code == 2
    assert run(tmp_path, GOOD, "--authority", "Atlantis", "--chart", "op_need").exit_code == 2
