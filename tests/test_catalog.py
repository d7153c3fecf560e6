"""Tests for the chart catalogue (data/charts.yaml, data/sections.yaml, narrator.catalog)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from narrator import paths
from narrator.catalog import Catalog, load_catalog
from narrator.errors import DataError, NarratorError, UnknownChartError
from narrator.models import SECTIONS

# The chart table of the report spec, in order.
SPEC_IDS = [
    "population", "density", "deprivation_decile", "deprivation_rank",
    "helpline_requests", "wa_need", "wa_care_types", "op_need", "op_care_types",
    "carers_count", "carers_social_contact", "carers_support_type", "carers_info",
    "carers_helpline",
    "providers_count", "providers_cqc", "framework_rates", "provider_collapse",
    "workforce_turnover", "workforce_retention", "workforce_vacancy", "workforce_recruitment",
    "la_cqc_rating", "hospital_discharge", "average_delay", "dtoc", "reablement",
    "user_satisfaction", "users_info", "ombudsman",
    "gross_expenditure", "net_expenditure", "client_contributions", "nhs_contributions",
    "budget_cuts", "sufficiency",
]  # fmt: skip
NO_DATA_IDS = {"framework_rates", "provider_collapse", "budget_cuts", "sufficiency", "dtoc"}
REGIONAL_IDS = {"workforce_retention", "workforce_vacancy", "workforce_recruitment"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# ------------------------------------------------------------------ shipped catalogue


def test_shipped_ids_match_spec_in_order(catalog: Catalog) -> None:
    assert [c.id for c in catalog.charts] == SPEC_IDS
    assert catalog.ids == frozenset(SPEC_IDS)


def test_all_six_sections_in_order_each_with_charts(catalog: Catalog) -> None:
    assert [s.name for s in catalog.sections] == list(SECTIONS)
    assert [s.slug for s in catalog.sections] == [
        "overview", "people-with-needs", "carers", "care-providers",
        "quality-improvement", "finances",
    ]  # fmt: skip
    for s in catalog.sections:
        assert catalog.charts_in(s.name), s.name
        assert 2 <= len(re.findall(r"[.!?](?:\s|$)", s.about)) <= 3, s.name
    # charts of a section are contiguous, so the report order is the catalogue order
    order = [SECTIONS.index(c.section) for c in catalog.charts]
    assert order == sorted(order)


def test_sections_and_subsections(catalog: Catalog) -> None:
    assert catalog.chart("wa_need").section == "People with needs"
    assert catalog.chart("wa_care_types").subsection == "Working age (18-64)"
    assert catalog.chart("op_care_types").subsection == "Older people (65+)"
    assert catalog.chart("carers_count").subsection == ""
    assert [c.id for c in catalog.charts_in("overview")] == SPEC_IDS[:4]
    assert catalog.chart("workforce_turnover").section == "Care providers"
    assert catalog.chart("ombudsman").section == "Quality improvement"


def test_availability(catalog: Catalog) -> None:
    for c in catalog.charts:
        if c.id in NO_DATA_IDS:
            assert c.availability in ("no_la_data", "discontinued"), c.id
            assert c.kind == "none" and c.comparators == [], c.id
            assert c.notes, c.id
        elif c.id in REGIONAL_IDS:
            assert c.availability == "regional", c.id
            assert any("Regional data" in n for n in c.notes), c.id
        else:
            assert c.availability == "la", c.id
            assert c.kind != "none", c.id
            # a council's own CQC rating has no England or regional equivalent
            assert ("england" in c.comparators) != (c.id == "la_cqc_rating"), c.id
    assert catalog.chart("dtoc").availability == "discontinued"
    assert "no longer collected" in " ".join(catalog.chart("dtoc").notes)
    assert "underestimate" in " ".join(catalog.chart("carers_count").notes)


def test_every_chart_has_plain_why_important(catalog: Catalog) -> None:
    for c in catalog.charts:
        assert c.title and c.measures and c.why_important, c.id
        assert not re.search(r"\d", c.why_important), f"{c.id}: digits in why_important"
        sentences = re.findall(r"[.!?](?:\s|$)", c.why_important)
        assert 2 <= len(sentences) <= 4, c.id
        if c.availability in ("la", "regional"):
            assert c.source, c.id


# ------------------------------------------------------------------ lookups


def test_unknown_chart_suggests_close_id(catalog: Catalog) -> None:
    with pytest.raises(UnknownChartError, match="did you mean.*op_need"):
        catalog.chart("op_neds")
    with pytest.raises(UnknownChartError, match="unknown chart id 'zzz'"):
        catalog.chart("zzz")


def test_section_lookup_is_case_insensitive(catalog: Catalog) -> None:
    assert catalog.section("quality IMPROVEMENT").slug == "quality-improvement"
    assert catalog.section("Care-Providers").name == "Care providers"
    with pytest.raises(NarratorError, match="valid sections: 'Overview'"):
        catalog.section("Housing")
    with pytest.raises(NarratorError):
        catalog.charts_in("Housing")


def test_catalog_is_frozen(catalog: Catalog) -> None:
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises ValidationError
        catalog.charts = []  # type: ignore[misc]


# ------------------------------------------------------------------ bad input


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in ("charts.yaml", "sections.yaml"):
        shutil.copy(paths.data_dir() / name, tmp_path / name)
    return tmp_path


def _edit_charts(folder: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    path = folder / "charts.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(doc["charts"])
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def test_copy_loads(data_copy: Path) -> None:
    assert len(load_catalog(data_copy).charts) == len(SPEC_IDS)


def test_duplicate_id(data_copy: Path) -> None:
    _edit_charts(data_copy, lambda charts: charts[5].update(id="density"))
    with pytest.raises(DataError) as exc:
        load_catalog(data_copy)
    msg = str(exc.value)
    assert "charts.yaml" in msg and "'density'" in msg and "duplicate" in msg
    assert "\n" not in msg and exc.value.field == "id"


def test_unknown_section(data_copy: Path) -> None:
    _edit_charts(data_copy, lambda charts: charts[2].update(section="Overveiw"))
    with pytest.raises(DataError, match=r"charts\.yaml.*'deprivation_decile'.*'Overveiw'"):
        load_catalog(data_copy)


def test_missing_field(data_copy: Path) -> None:
    _edit_charts(data_copy, lambda charts: charts[7].pop("title"))
    with pytest.raises(DataError) as exc:
        load_catalog(data_copy)
    msg = str(exc.value)
    assert "charts.yaml" in msg and "field title" in msg and "'op_need'" in msg


@pytest.mark.parametrize(("field", "value"), [("availability", "maybe"), ("kind", "pie")])
def test_unknown_literal(data_copy: Path, field: str, value: str) -> None:
    _edit_charts(data_copy, lambda charts: charts[0].update({field: value}))
    with pytest.raises(DataError, match=rf"charts\.yaml, field {field}: chart 'population'"):
        load_catalog(data_copy)


def test_missing_id_names_entry(data_copy: Path) -> None:
    _edit_charts(data_copy, lambda charts: charts[3].pop("id"))
    with pytest.raises(DataError, match=r"charts\.yaml, field id: chart entry 4"):
        load_catalog(data_copy)


def test_yaml_syntax_error(tmp_path: Path) -> None:
    shutil.copy(paths.data_dir() / "sections.yaml", tmp_path / "sections.yaml")
    (tmp_path / "charts.yaml").write_text("charts:\n  - id: [population\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"charts\.yaml: YAML syntax error at line \d+"):
        load_catalog(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    shutil.copy(paths.data_dir() / "sections.yaml", tmp_path / "sections.yaml")
    with pytest.raises(DataError, match=r"charts\.yaml: file not found") as exc:
        load_catalog(tmp_path)
    assert exc.value.file.endswith("charts.yaml")


def test_bad_sections_file(data_copy: Path) -> None:
    path = data_copy / "sections.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["sections"].pop()
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(DataError, match=r"sections\.yaml: missing section\(s\): Finances"):
        load_catalog(data_copy)


def test_polarity_is_optional_and_validated(data_copy: Path) -> None:
    assert load_catalog(data_copy).polarity == []  # a data folder without polarity.yaml
    path = data_copy / "polarity.yaml"
    shutil.copy(paths.data_dir() / "polarity.yaml", path)
    assert load_catalog(data_copy).better("care jobs that are vacant") == "lower"
    path.write_text(
        "polarity:\n  - measure: care jobs that are vacant\n    better: fewer\n    why: x\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as exc:
        load_catalog(data_copy)
    msg = str(exc.value)
    assert "polarity.yaml" in msg and "polarity entry 1" in msg and exc.value.field == "better"
    path.write_text(
        "polarity:\n" + "  - {measure: care jobs that are vacant, better: lower, why: x}\n" * 2,
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="duplicate"):
        load_catalog(data_copy)
