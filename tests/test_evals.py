"""Prompt workflow end to end: the prompt registry, eval runs through the offline writer and a
real OpenAI-compatible stub server on 127.0.0.1, comparisons that gate a worse prompt, and
readers' votes from the real vote server counted in the next eval run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from narrator.cli import app
from narrator.errors import TemplateError
from narrator.evals.compare import Comparison, MetricRow, Worse, to_html
from narrator.llm.stub_server import start_stub
from narrator.paths import PROJECT_ROOT
from narrator.registry import Registry
from narrator.review import Reviews
from narrator.server import background_server, create_app
from narrator.store import Store

RUNNER = CliRunner()
CHARTS = ("user_satisfaction", "op_need", "net_expenditure", "carers_info", "users_info",
          "reablement", "providers_cqc", "workforce_turnover")  # fmt: skip


@pytest.fixture
def prompts(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped prompts with a deliberately worse chart_blurb v8: its user
    message leaves out the fact sheet, so the model writes without the data."""
    root = tmp_path / "prompts"
    shutil.copytree(PROJECT_ROOT / "prompts", root)
    v2 = (root / "chart_blurb" / "v2.j2").read_text(encoding="utf-8")
    assert "{{ data }}" in v2
    (root / "chart_blurb" / "v8.j2").write_text(
        v2.replace("version: v2", "version: v8").replace("{{ data }}", ""), encoding="utf-8"
    )
    monkeypatch.setenv("NARRATOR_PROMPTS_DIR", str(root))
    return root


def eval_set(tmp_path: Path, *charts: str) -> Path:
    path = tmp_path / "set.yaml"
    items = "\n".join(f"  - {{authority: Leicester, chart: {c}}}" for c in charts)
    path.write_text(f"name: test\nversion: 1\nitems:\n{items}\n", encoding="utf-8")
    return path


def run_eval(tmp_path: Path, *args: str) -> tuple[str, dict]:
    result = RUNNER.invoke(
        app,
        ["eval", "run", "--out", str(tmp_path / "out"), "--results", str(tmp_path / "res"), *args],
        env={"OPENAI_API_KEY": "sk-test"},
    )
    assert result.exit_code == 0, result.output
    run_id = result.stdout.strip().splitlines()[-1]  # the run id is printed last
    return run_id, json.loads((tmp_path / "res" / f"{run_id}.json").read_text())


def test_registry_labels_versions_and_diffs(prompts: Path) -> None:
    reg = Registry(prompts)
    assert reg.versions("chart_blurb") == ("v1", "v2", "v3", "v8")
    assert reg.resolve("chart_blurb") == "v2"  # production, not the latest file
    assert reg.resolve("chart_blurb", "latest") == "v8"
    assert reg.set_label("chart_blurb", "v8", "trial") is None
    assert reg.resolve("chart_blurb", "trial") == "v8"
    assert reg.set_label("chart_blurb", "trial", "production") == "v2"
    assert Registry(prompts).resolve("chart_blurb") == "v8"  # written to index.yaml
    assert "-{{ data }}" in reg.diff("chart_blurb", "v2", "v8")
    with pytest.raises(TemplateError, match="no label 'staging'"):
        reg.resolve("chart_blurb", "staging")
    with pytest.raises(TemplateError, match="no version v9"):
        reg.resolve("chart_blurb", "v9")
    with pytest.raises(TemplateError, match="no prompt template"):
        reg.versions("nope")


def test_prompts_cli_and_generation_follow_the_production_label(tmp_path, prompts) -> None:
    listed = RUNNER.invoke(app, ["prompts", "list"])
    assert listed.exit_code == 0 and "production=v2" in listed.stdout
    moved = RUNNER.invoke(app, ["prompts", "label", "chart_blurb", "v1", "production"])
    assert moved.exit_code == 0 and "v2 -> v1" in moved.stdout
    shown = RUNNER.invoke(app, ["prompts", "show", "chart_blurb@production"])
    assert "version: v1" in shown.stdout
    bad = RUNNER.invoke(app, ["prompts", "show", "chart_blurb@v7"])
    assert bad.exit_code == 2 and "no version v7" in bad.output
    with start_stub() as stub:
        _id, run = run_eval(
            tmp_path, "--set", str(eval_set(tmp_path, "op_need")), "--backend", "openai",
            "--base-url", stub.base_url, "--model", "stub",
        )  # fmt: skip
    assert run["prompts"][0].startswith("chart_blurb/v1@")


def test_offline_core_set_runs_then_costs_no_calls(tmp_path) -> None:
    first_id, first = run_eval(tmp_path, "--set", "core")
    assert first["set_name"] == "core" and len(first["items"]) == 11
    assert first["writer_calls"] > 0 and first["metrics"]["pass_rate"] == 1.0
    assert {i["key"].split("|")[1] for i in first["items"]} == {"chart", "section", "overall"}
    second_id, second = run_eval(tmp_path, "--set", "core")
    assert second_id != first_id and second["writer_calls"] == 0
    assert [i["text_id"] for i in second["items"]] == [i["text_id"] for i in first["items"]]
    # a summary's logged call keeps the child texts and fact sheets it was written from
    section = next(i for i in first["items"] if i["kind"] == "section")
    store = Store(f"sqlite:///{tmp_path / 'out' / 'narrator.db'}")
    (call,) = store.calls(section["text_id"])
    assert call["id"] in section["call_ids"] and call["reply_text"] == section["body"]
    inputs = call["inputs_json"]
    assert [c["section"] for c in inputs["children"]] == [None] * len(inputs["children"])
    sheets = [store.sheet(h) for h in inputs["fact_sheets"]]
    assert {s.section for s in sheets} == {section["section"]}
    assert all(c["body"] for c in inputs["children"]) and len(inputs["children"]) >= 4


def test_a_worse_prompt_is_a_regression_and_the_same_prompt_is_not(tmp_path, prompts) -> None:
    items = str(eval_set(tmp_path, *CHARTS))
    with start_stub() as stub:
        common = ("--set", items, "--backend", "openai", "--base-url", stub.base_url,
                  "--model", "stub")  # fmt: skip
        base_id, base = run_eval(tmp_path, *common)
        calls = stub.calls
        cand_id, cand = run_eval(tmp_path, *common, "--prompt", "chart_blurb@v8")
        assert stub.calls > calls  # the candidate's texts were written, not reused
        again_id, again = run_eval(tmp_path, *common)
        assert again["writer_calls"] == 0
    assert base["metrics"]["pass_rate"] == 1.0
    assert cand["metrics"]["pass_rate"] < 0.5
    # every item links to the logged calls that wrote it: the exact messages and raw reply
    store = Store(f"sqlite:///{tmp_path / 'out' / 'narrator.db'}")
    item = cand["items"][0]
    logged = [c for c in store.calls(item["text_id"]) if c["id"] in item["call_ids"]]
    assert logged and logged[0]["attempt"] == 1 and logged[0]["backend"] == "openai"
    assert logged[0]["prompt_version"].startswith("chart_blurb/v8@")
    assert "<<<DATA" not in logged[0]["messages_json"][1]["content"]  # v8 left the data out
    assert "No data is available" in logged[0]["raw_reply"]
    assert logged[0]["verdict_json"]["outcome"] == "fail"
    assert logged[-1]["backend"] == "offline"  # the fallback writer's call, with its verdict
    assert again["items"][0]["call_ids"] == base["items"][0]["call_ids"]  # cached: same calls
    db = ["--out", str(tmp_path / "out")]
    page = tmp_path / "cmp.html"
    worse = RUNNER.invoke(
        app, ["eval", "compare", base_id, cand_id, "--fail-on-regression", "--html", str(page), *db]
    )
    assert worse.exit_code == 1, worse.output
    assert "regression" in worse.stdout and "McNemar" in worse.stdout
    assert "Items that got worse" in page.read_text(encoding="utf-8")
    same = RUNNER.invoke(app, ["eval", "compare", base_id, again_id, "--fail-on-regression", *db])
    assert same.exit_code == 0, same.output
    assert "no regression" in same.stdout
    # a results file works as well as a run id
    files = [str(tmp_path / "res" / f"{r}.json") for r in (base_id, again_id)]
    assert RUNNER.invoke(app, ["eval", "compare", *files, "--fail-on-regression"]).exit_code == 0


def test_a_vote_on_a_served_text_counts_in_the_next_eval_run(tmp_path) -> None:
    out = tmp_path / "out"
    made = RUNNER.invoke(app, ["generate", "-a", "Leicester", "--out", str(out)])
    assert made.exit_code == 0, made.output
    items = str(eval_set(tmp_path, "op_need"))
    _id, before = run_eval(tmp_path, "--set", items)
    assert before["writer_calls"] == 0 and before["votes"] == {}  # the report's own text
    text_id, version = before["items"][0]["text_id"], before["items"][0]["prompt_version"]
    with background_server(create_app(out, f"sqlite:///{out / 'narrator.db'}")) as base:
        r = httpx.post(f"{base}/api/votes", json={"text_id": text_id, "vote": "accurate"})
        assert r.status_code == 200, r.text
    Reviews(Store(f"sqlite:///{out / 'narrator.db'}")).decide(text_id, "false_flag", "ann")
    _id, after = run_eval(tmp_path, "--set", items)
    assert after["votes"][version]["accurate"] == 1 and after["votes"][version]["share"] == 1.0
    assert after["reviews"][version] == {"confirmed": 0, "false_flags": 1}
    exported = RUNNER.invoke(app, ["votes", "export", "--out", str(out)])
    assert exported.exit_code == 0
    assert exported.stdout.splitlines()[0].startswith("text_id,voter,vote")
    assert text_id in exported.stdout and version in exported.stdout


def test_bad_eval_input_gets_a_one_line_error(tmp_path) -> None:
    missing = RUNNER.invoke(app, ["eval", "run", "--set", "nope", "--out", str(tmp_path)])
    assert missing.exit_code == 2 and "no such eval set" in missing.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nversion: 1\nitems:\n  - {authority: Leicester, chart: nope}\n")
    wrong = RUNNER.invoke(app, ["eval", "run", "--set", str(bad), "--out", str(tmp_path)])
    assert wrong.exit_code == 2 and "item 1: unknown chart 'nope'" in wrong.output
    unknown = RUNNER.invoke(app, ["eval", "compare", "a-run", "b-run", "--out", str(tmp_path)])
    assert unknown.exit_code == 2 and "no eval run with this id" in unknown.output
    offline = RUNNER.invoke(
        app, ["eval", "run", "--set", "core", "--prompt", "chart_blurb@v2", "--out", str(tmp_path)]
    )
    assert offline.exit_code == 2 and "offline writer uses no prompts" in offline.output
    other = RUNNER.invoke(
        app,
        ["eval", "run", "--set", "core", "--prompt", "nope@v1", "--backend", "openai",
         "--base-url", "http://127.0.0.1:9/v1", "--out", str(tmp_path)],
        env={"OPENAI_API_KEY": "sk-test"},
    )  # fmt: skip
    assert other.exit_code == 2 and "--prompt nope: this run uses chart_blurb" in other.output


def test_the_comparison_page_escapes_texts() -> None:
    page = to_html(
        Comparison(
            baseline="a",
            candidate="b",
            paired=1,
            rows=[
                MetricRow(
                    name="pass_rate", baseline=1.0, candidate=0.0, change=-1.0, regression="worse"
                )
            ],
            worse=[Worse(key="k", baseline="ok", candidate="<script>alert(1)</script>")],
        )  # fmt: skip
    )
    assert "<script>alert" not in page and "&lt;script&gt;" in page
