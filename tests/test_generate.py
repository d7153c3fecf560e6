"""End to end: `narrator generate` on the shipped data, offline and with planted errors."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from narrator.catalog import load_catalog
from narrator.cli import app

RUNNER = CliRunner()


def generate(tmp_path, *extra: str) -> dict:
    result = RUNNER.invoke(
        app,
        ["generate", "--authority", "leicester", "--out", str(tmp_path / "out"), "--json", *extra],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{") :])


def load_report(tmp_path) -> dict:
    return json.loads((tmp_path / "out" / "leicester" / "report.json").read_text())


def chart_text(report: dict, chart_id: str) -> dict:
    return next(t for t in report["texts"] if t["chart_id"] == chart_id and t["kind"] == "chart")


@pytest.fixture(scope="module")
def offline_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gen")
    summary = generate(tmp)
    return tmp, summary, load_report(tmp)


def test_offline_report_covers_every_chart_section_and_summary(offline_run):
    tmp, summary, report = offline_run
    catalog = load_catalog()
    assert [c["chart"]["id"] for c in report["charts"]] == [c.id for c in catalog.charts]
    kinds = [t["kind"] for t in report["texts"]]
    assert kinds.count("chart") == len(catalog.charts)
    assert kinds.count("section") == 6 and kinds.count("overall") == 1
    assert [s["name"] for s in report["sections"]] == [s.name for s in catalog.sections]
    ids = {t["id"] for t in report["texts"]}
    assert len(ids) == len(report["texts"])
    assert report["overall_text_id"] in ids
    for t in report["texts"]:
        assert t["backend"].startswith("offline") and t["prompt_version"] and t["model"]
        assert t["status"] in {"verified", "repaired", "fallback"}
        assert t["verdict"]["outcome"] == "pass"  # nothing unverified is published
        if t["kind"] == "chart":
            assert t["fact_sheet"]["chart_id"] == t["chart_id"]
    assert summary["counts"]["texts"] == len(report["texts"])
    html = (tmp / "out" / "leicester" / "report.html").read_text()
    for chart in catalog.charts:
        assert chart.title in html


def test_leicester_blurbs_state_reference_figures_with_the_right_direction(offline_run):
    _, _, report = offline_run
    op = chart_text(report, "op_need")["body"]
    assert "2,199" in op and "lower than England (2,438)" in op
    wa = chart_text(report, "wa_need")["body"]
    assert "1,194" in wa and "higher than England (1,143)" in wa
    op_types = chart_text(report, "op_care_types")["body"]
    assert "37" in op_types and "122" in op_types


def test_no_data_charts_say_so_honestly(offline_run):
    _, _, report = offline_run
    assert "not published for each council" in chart_text(report, "budget_cuts")["body"]
    assert "no longer collected" in chart_text(report, "dtoc")["body"]
    assert chart_text(report, "ombudsman")["body"]  # Leicester has reference data here


def test_planted_wrong_direction_is_caught_and_replaced(tmp_path):
    wrong = (
        "In 2024, Leicester had 2,199 requests for support from people aged 65+ for every "
        "100,000 residents. That is higher than England (2,438)."
    )
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"op_need": wrong}))
    generate(tmp_path, "--backend", "scripted", "--script", str(script), "--no-cache")
    text = chart_text(load_report(tmp_path), "op_need")
    assert text["status"] == "fallback"
    assert "higher than England (2,438)" not in text["body"]
    assert "lower than England (2,438)" in text["body"]
    assert len(text["drafts"]) == 3  # first try + two repairs, each with its verdict
    # votes on the published text are logged against the writer that wrote it
    assert (text["backend"], text["model"]) == ("scripted+offline", "offline-writer-v1")
    assert text["prompt_version"] == "offline/offline-writer-v1"
    bad = [c for c in text["drafts"][0]["verdict"]["claims"] if c["status"] == "contradicted"]
    assert any("higher than" in c["text"] for c in bad)


def test_wrong_text_repaired_on_second_attempt(tmp_path):
    wrong = "Leicester had 2,199 requests for every 100,000 residents, more than England (2,438)."
    right = "Leicester had 2,199 requests for every 100,000 residents, fewer than England (2,438)."
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"op_need": [wrong, right]}))
    generate(tmp_path, "--backend", "scripted", "--script", str(script), "--no-cache")
    text = chart_text(load_report(tmp_path), "op_need")
    assert text["status"] == "repaired" and text["body"] == right
    assert text["drafts"][0]["body"] == wrong


def test_rerun_reuses_stored_texts(tmp_path):
    first = generate(tmp_path)
    second = generate(tmp_path)
    assert first["counts"]["cached"] == 0 and first["counts"]["writer_calls"] > 0
    assert second["counts"]["cached"] == second["counts"]["texts"] == first["counts"]["texts"]
    assert second["counts"]["writer_calls"] == 0


def test_generate_without_authority_is_a_clear_error(tmp_path):
    result = RUNNER.invoke(app, ["generate", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--authority" in result.output
    assert not any(tmp_path.iterdir())


def test_one_pipeline_serves_two_event_loops():
    """asyncio.run twice on the same pipeline (as a notebook or a server would) works."""
    import asyncio

    from narrator.data import load_dataset
    from narrator.llm.offline import OfflineWriter
    from narrator.pipeline import Pipeline

    catalog = load_catalog()
    dataset = load_dataset(chart_ids=catalog.ids)
    pipeline = Pipeline(dataset=dataset, catalog=catalog, writer=OfflineWriter())
    first = asyncio.run(pipeline.authority_report(dataset.authority("Rutland")))
    second = asyncio.run(pipeline.authority_report(dataset.authority("Rutland")))
    assert [t.body for t in first.texts] == [t.body for t in second.texts]


def test_when_even_the_offline_text_fails_a_number_free_notice_is_published(tmp_path, monkeypatch):
    """Truth first: if no checked text exists, publish a notice that states no figure."""
    import narrator.llm.offline as offline
    from narrator.pipeline import SAFE_NOTICE

    monkeypatch.setattr(offline, "chart_text", lambda sheet: "Leicester had 999,999 requests.")
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"op_need": "Leicester had 1 request."}))
    generate(tmp_path, "--backend", "scripted", "--script", str(script), "--no-cache")
    text = chart_text(load_report(tmp_path), "op_need")
    assert text["status"] == "failed" and text["body"] == SAFE_NOTICE
    assert not any(ch.isdigit() for ch in SAFE_NOTICE)
    # an honest status: the notice was never verified, so it carries no verdict at all
    assert text["verdict"] is None
    html = (tmp_path / "out" / "leicester" / "report.html").read_text(encoding="utf-8")
    assert "No checked text for this block" in html


def test_an_unreachable_writer_fails_the_run_loudly_unless_fallback_is_allowed(tmp_path):
    """Every call to the chosen LLM fails (nothing listens on the port): the reports are still
    written (offline fallback, labelled as such), the run record says so, and the exit is 2;
    --allow-fallback accepts it with exit 0."""
    base = ["generate", "--authority", "leicester", "--backend", "openai", "--model", "m",
            "--base-url", "http://127.0.0.1:9/v1", "--max-attempts", "1", "--timeout", "2",
            "--no-cache"]  # fmt: skip
    result = RUNNER.invoke(app, [*base, "--out", str(tmp_path / "a")])
    assert result.exit_code == 2
    assert "failed on every call" in result.output and "--allow-fallback" in result.output
    report = json.loads((tmp_path / "a" / "leicester" / "report.json").read_text())
    assert all(t["status"] in ("fallback", "failed") for t in report["texts"])
    ok = RUNNER.invoke(app, [*base, "--out", str(tmp_path / "b"), "--allow-fallback", "--json"])
    assert ok.exit_code == 0, ok.output
    summary = json.loads(ok.stdout[ok.stdout.index("{") :])
    assert summary["counts"]["writer_unreachable"] == summary["counts"]["texts"] == 43


def test_generate_ends_with_where_the_report_is(tmp_path):
    """Without --json the run ends with a short account and the report's path."""
    result = RUNNER.invoke(app, ["generate", "--authority", "Rutland", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert last == f"Report: {tmp_path / 'rutland' / 'report.html'}"
    assert "{" not in result.stdout and "Wrote 1 report with offline" in result.stdout


def test_sources_are_named_by_publication_and_link_to_the_publisher(offline_run):
    """The page's source list names each publication and links to its publisher's page (a
    source with no public page, such as Leicester's transcribed report, is named only)."""
    tmp, _summary, report = offline_run
    assert report["source_links"]["imd_2019"].startswith("https://www.gov.uk/")
    html = (tmp / "out" / "leicester" / "report.html").read_text()
    footer = html[html.index("Data sources</h2>") :]
    footer = footer[: footer.index("</ul>")]
    links = re.findall(r'<a href="(https://[^"]+)" rel="external noopener">Source: ', footer)
    assert len(links) == 4 and "https://oflog.data.gov.uk/" in links
    assert "<li>Figures as published on the Leicester local-authority page (2024).</li>" in footer
    assert "ascfr_salt_2021_22" not in footer and "synthetic" not in footer.lower()


def test_the_page_reports_the_reading_level_of_its_texts(offline_run):
    """Readability is reported per report (median grade, figures counted as one word), and the
    offline texts meet the targets: chart texts grade 7 or below, summaries 9 or below."""
    tmp, _summary, _report = offline_run
    html = (tmp / "out" / "leicester" / "report.html").read_text()
    m = re.search(r"Reading level of the texts on this page[^:]*: chart texts ([\d.]+), "
                  r"summaries ([\d.]+)\.", html)  # fmt: skip
    assert m is not None
    assert 3 <= float(m.group(1)) <= 7 and 3 <= float(m.group(2)) <= 9
