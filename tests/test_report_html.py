"""The HTML report: anatomy, escaping of untrusted text, provenance, no-data, synthetic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markupsafe import Markup
from report_fixture import IMG, SCRIPT, leicester_report

from narrator.models import Claim, SourceRef, TextRecord, Verdict
from narrator.report import render_index, render_report
from narrator.report.format import format_value, script_json, unit_label
from narrator.report.provenance import ProvenanceIndex, render_body

ESC_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESC_IMG = "&lt;img src=x onerror=alert(1)&gt;"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("out")
    return render_report(leicester_report(), out).read_text(encoding="utf-8")


def _json_block(html: str, block_id: str) -> object:
    m = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', html, re.S)
    assert m, block_id
    return json.loads(m.group(1))


def test_every_section_chart_and_ai_block_is_on_the_page(page: str) -> None:
    report = leicester_report()
    assert page.count("<h1>") == 1 and "Adult social care in Leicester" in page
    for section in report.sections:
        assert f'<section class="section" id="{section.slug}"' in page
        assert f'href="#{section.slug}"' in page  # anchor navigation works without JS
        assert f"Section summary: {section.name}" in page
    for block in report.charts:
        assert f'id="chart-{block.chart.id}"' in page
    assert page.count("What is this chart saying?") == len(report.charts)
    assert page.count("Why is this important?") == len(report.charts)
    assert page.count("About this section") == 6
    # every text has vote buttons except the no-data notices, which state no figure
    no_data = sum(1 for b in report.charts if b.status != "ok")
    assert page.count('class="votes"') == len(report.texts) - no_data
    assert page.count('aria-pressed="false"') == 2 * (len(report.texts) - no_data)
    assert "Overall summary" in page
    # overall summary comes before the first section
    assert page.index("Overall summary") < page.index('id="overview"')


def test_charts_are_embedded_as_json_with_text_alternatives(page: str) -> None:
    figures = _json_block(page, "narrator-figures")
    assert isinstance(figures, dict) and figures
    for plot_id, fig in figures.items():
        assert f'id="{plot_id}" role="img" aria-label="' in page
        assert fig["data"] and all(t["type"] in ("bar", "scatter") for t in fig["data"])
        assert any(v is not None for t in fig["data"] for v in t.get("y") or t.get("x"))
    assert figures["plot-population-0"]["data"][0]["type"] == "scatter"  # time series: line
    op = figures["plot-op_need-0"]
    assert op["layout"]["yaxis"]["title"]["text"] == "per 100,000 adults aged 65+"
    assert op["data"][0]["x"] == ["Leicester", "East Midlands", "England"]
    assert "Bar chart of Older people" in page and "Leicester, Requests for support" in page
    assert page.count("<details") >= 8 and "Show the figures as a table" in page
    page_cfg = _json_block(page, "narrator-page")
    assert page_cfg["slug"] == "leicester" and len(page_cfg["textIds"]) == 18


def test_no_external_scripts_and_local_plotly(page: str, tmp_path: Path) -> None:
    srcs = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page)
    assert srcs == ["../assets/plotly.min.js", "../assets/narrator.js"]
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?(https?:)?//""", page)
    render_report(leicester_report(), tmp_path)
    plotly_js = tmp_path / "assets" / "plotly.min.js"
    assert plotly_js.stat().st_size > 1_000_000
    assert (tmp_path / "assets" / "narrator.js").is_file()


def test_provenance_spans_carry_source_value_and_source(page: str) -> None:
    """Tooltips name the publication (never an internal source id) and its table."""
    assert "ascfr_2024" not in page
    assert (
        '<span class="prov prov-rate" tabindex="0" '
        'title="2,199 per 100,000 adults aged 65+ — Leicester, '
        "requests for support from people aged 65+, 2023-24 — NHS England, Adult Social Care "
        'Activity and Finance Report 2023-24 (OGL v3.0) (T1)"' in page
    )
    assert 'title="43% of carers surveyed — Leicester' in page
    assert 'title="£51,917k per 100,000 residents — Leicester' in page


def test_no_data_availability_fallback_and_regional_states(page: str) -> None:
    def article(chart_id: str) -> str:
        start = page.index(f'id="chart-{chart_id}"')
        return page[start : page.index("</article>", start)]

    assert "No data available for this local authority." in article("carers_helpline")
    assert 'class="plot"' not in article("carers_helpline")
    assert "Not available at local authority level" in article("framework_rates")
    assert "No longer collected" in article("dtoc")
    assert "Regional figures" in article("workforce_vacancy")
    assert "regional data: these figures are for East Midlands" in article("workforce_vacancy")
    fallback = article("carers_info")
    assert "ai-fallback" in fallback and "built-in fact writer" in fallback
    assert "corrected and checked again" in article("wa_care_types")
    assert "Synthetic" not in page


def test_synthetic_data_is_labelled(tmp_path: Path) -> None:
    html = render_report(leicester_report(synthetic=True), tmp_path).read_text()
    assert "banner-synthetic" in html and "None of the figures on this page are real" in html
    assert html.count("Synthetic data: not real figures") == len(leicester_report().charts)


def test_markup_in_llm_text_labels_and_names_renders_as_text(tmp_path: Path) -> None:
    report = leicester_report(hostile=True)
    html = render_report(report, tmp_path).read_text(encoding="utf-8")
    assert SCRIPT not in html and IMG not in html
    assert "onerror=alert(1)>" not in html
    assert "<img" not in html
    assert len(re.findall(r"<script\b", html)) == 4  # only our own four script elements
    blurb = html[html.index('id="chart-op_need"') :]
    assert f"{ESC_SCRIPT} {ESC_IMG}</p>" in blurb  # the LLM text, escaped
    assert f"Leicester {ESC_IMG}{ESC_SCRIPT}</h1>" in html  # the authority name
    assert f"{ESC_SCRIPT}{ESC_IMG}" in html  # the data label (table and aria-label)
    figures = _json_block(html, "narrator-figures")
    name = figures["plot-op_need-0"]["data"][0]["x"][0]
    assert name == "Leicester " + ESC_IMG + ESC_SCRIPT  # entity-escaped for Plotly's labels
    index = render_index([report], tmp_path).read_text(encoding="utf-8")
    assert IMG not in index and SCRIPT not in index and ESC_IMG in index


def test_index_lists_every_report_with_search_box(tmp_path: Path) -> None:
    reports = [leicester_report(), leicester_report(synthetic=True)]
    html = render_index(reports, tmp_path).read_text()
    assert '<input type="search" id="q"' in html
    assert html.count('href="leicester/report.html"') == 2
    assert 'data-search="leicester east midlands e06000016"' in html
    assert '<script src="assets/narrator.js"></script>' in html


def test_script_json_cannot_close_the_script_element() -> None:
    data = {"x": "</script><script>alert(1)</script>", "y": "a & b 'c' \u2028"}
    text = str(script_json(data))
    assert "<" not in text and ">" not in text and "&" not in text and "'" not in text
    assert json.loads(text) == data


def _text(body: str, claims: list[Claim]) -> TextRecord:
    return TextRecord(
        id="t",
        kind="section",
        authority_code="X",
        body=body,
        backend="b",
        model="m",
        prompt_version="v1",
        verdict=Verdict(outcome="pass", claims=claims),
    )


def _claim(body: str, snippet: str, status: str = "supported", **kw: object) -> Claim:
    start = body.index(snippet)
    return Claim(
        text=snippet, start=start, end=start + len(snippet), kind="number", status=status, **kw
    )  # type: ignore[arg-type]


def test_render_body_escapes_each_segment_and_wraps_only_supported_claims() -> None:
    body = "Title here\nA <b>12</b> & 30 < 40.\n\n**Second**\nLast 7 line"
    ref = SourceRef(source="s1", authority_code="X", measure="m", period="2024", value=12)
    claims = [
        _claim(body, "<b>12</b>", sources=[ref]),
        _claim(body, "30", status="contradicted"),
        _claim(body, "7", expected="7 (fact f1)"),
        Claim(text="bad", start=500, end=510, kind="number", status="supported"),
    ]
    html = render_body(_text(body, claims), ProvenanceIndex([]))
    assert isinstance(html, Markup)
    assert '<h4 class="ai-subhead">Title here</h4>' in html
    assert '<h4 class="ai-subhead">Second</h4>' in html
    assert 'title="12 — X, m, 2024 — s1"' in html
    assert '">&lt;b&gt;12&lt;/b&gt;</span> &amp; 30 &lt; 40.' in html
    assert 'title="Checked: 7 (fact f1)"' in html
    assert html.count('class="prov ') == 2 and "<b>" not in html


def test_render_body_with_hostile_tooltip_source() -> None:
    body = "Value 5 here."
    ref = SourceRef(
        source='"><script>x</script>', authority_code="X", measure="m", period="1", value=5
    )
    html = render_body(_text(body, [_claim(body, "5", sources=[ref])]), ProvenanceIndex([]))
    assert "<script>" not in html and "&#34;&gt;&lt;script&gt;" in html


def test_formatting_helpers() -> None:
    assert format_value(2199, "per_100k") == "2,199"
    assert format_value(0.53, "days") == "0.53 days"
    assert format_value(5, "per_100k", suppressed=True) == "5 or fewer"
    assert unit_label("gbp_thousands_per_100k", "residents") == (
        "£ thousands per 100,000 residents"
    )
