"""Tests of the data build (narrator.databuild) and of the shipped data/observations.csv.

The raw official files live outside the repository (../shared/data/raw); tests that need them
are skipped when they are absent. The end-to-end build test runs on tiny workbooks written
into a temporary folder with the same layout as the official files.
"""

from __future__ import annotations

import csv
import math
import os
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import yaml

from narrator.data import KEY
from narrator.databuild import ascfr, ascof, build, imd, oflog, reference
from narrator.databuild.common import (
    COLUMNS,
    Row,
    format_value,
    normalise_period,
    parse_cell,
    period_end,
    render_csv,
)
from narrator.databuild.synthetic import generate_synthetic
from narrator.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OBS = DATA / "observations.csv"
SHARED = ROOT.parent / "shared" / "data"
RAW = SHARED / "raw"
REF = SHARED / "leicester_reference.csv"
LEI, ENG, EM = "E06000016", "E92000001", "E12000004"


@pytest.fixture(scope="module")
def shipped() -> list[dict[str, str]]:
    with OBS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def one(rows: list[dict[str, str]], **where: str) -> dict[str, str]:
    hits = [r for r in rows if all(r[k] == v for k, v in where.items())]
    assert len(hits) == 1, (where, len(hits))
    return hits[0]


def value(rows: list[dict[str, str]], **where: str) -> float:
    return float(one(rows, **where)["value"])


# --- parsing ---------------------------------------------------------------------------------


def test_markers_map_to_status_and_suppression() -> None:
    x, c, z = parse_cell("[x]"), parse_cell("[c]"), parse_cell(" [z] ")
    assert (x.value, x.status, x.suppressed) == (None, "missing", False)
    assert (c.value, c.status, c.suppressed) == (None, "reported", True)
    assert (z.value, z.status, z.suppressed) == (None, "not_applicable", False)
    assert parse_cell(float("nan")).status == "missing"
    assert parse_cell("1,234").value == 1234.0
    bracketed = parse_cell("57.3 (56.1)")
    assert bracketed.value == 57.3 and "56.1" in bracketed.note
    assert parse_cell("79.5 (:)").value == 79.5
    with pytest.raises(ValueError):
        parse_cell("n/a")


def test_periods_and_formatting() -> None:
    assert normalise_period("2023 to 2024") == "2023-24"
    assert period_end("2023-24") == 2024 and period_end("2019") == 2019
    assert format_value(149849.9) == "149849.9"
    assert format_value(4250.0) == "4250"
    assert format_value(1e-05) == "0.00001"
    assert format_value(2 / 3) == "0.666667"


def _ascof_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ["Table 1d: title", None, None, None, None],
            [
                "Local authority code",
                "Local authority",
                "ONS area code",
                "2022 to 2023 - outcome",
                "2023 to 2024 - outcome",
            ],
            ["England", "England", ENG, 64.4, 65.4],
            ["S", "Shire Counties", "[z]", 66.3, 67.6],
            ["EM", "East Midlands", EM, 63.0, 64.0],
            [509, "Leicester", LEI, "[x]", 61.8],
            [999, "Tiny", "E06000999", "[c]", "[z]"],
        ],
        dtype=object,
    )


def test_ascof_table_parsing_on_a_small_frame() -> None:
    rows = ascof.parse_table(_ascof_frame(), ascof.TABLES[0])
    by = {(r.authority_code, r.period): r for r in rows}
    assert {r.authority_kind for r in rows} == {"england", "region", "council"}
    assert not any(r.authority_name == "Shire Counties" for r in rows)  # council type skipped
    assert by[(LEI, "2023-24")].value == 61.8
    assert by[(LEI, "2022-23")].status == "missing" and by[(LEI, "2022-23")].value is None
    assert by[("E06000999", "2022-23")].suppressed
    assert by[("E06000999", "2023-24")].status == "not_applicable"
    assert by[(LEI, "2023-24")].cell.startswith("Table_1d!E6 (row 6")


def test_reference_rejects_an_unmapped_figure() -> None:
    rec = {
        "chart_id": "wa_need",
        "measure": "something new",
        "unit": "percent",
        "year": "2024",
        "leicester": "1",
        "england": "",
        "note": "",
    }
    with pytest.raises(DataError):
        reference.parse_rows([rec])


def test_reference_regional_rows_go_to_the_region() -> None:
    rec = {
        "chart_id": "workforce_vacancy",
        "measure": "vacancy rate (regional)",
        "unit": "percent",
        "year": "2024",
        "leicester": "7.2",
        "england": "8.4",
        "note": "",
    }
    rows = reference.parse_rows([rec])
    assert {(r.authority_code, r.value) for r in rows} == {(EM, 7.2), (ENG, 8.4)}
    assert all("regional figure" in r.note for r in rows if r.authority_code == EM)


# --- end-to-end build on tiny workbooks ------------------------------------------------------


def _ascfr_sheet(groups: list[tuple[str, str]], rows: list[list[object]]) -> pd.DataFrame:
    """A T-sheet: 'Geography code' header, detail header row, a blank row, then data."""
    top = ["Geography code", "LA code", "LA name", "Region code", "Region name"]
    top += [g for g, _ in groups]
    detail = [None] * 5 + [d for _, d in groups]
    blank = [" "] + [None] * (len(top) - 1)
    return pd.DataFrame(
        [["Table"] + [None] * (len(top) - 1), top, detail, blank] + rows, dtype=object
    )


def _places(n_values: int, base: float) -> list[list[object]]:
    return [
        [" ", None, None, ENG, "England"] + [base * 10 + i for i in range(n_values)],
        [" ", None, None, "A", "County"] + [1.0] * n_values,
        [" ", None, None, EM, "East Midlands"] + [base * 2 + i for i in range(n_values)],
        [LEI, "509", "Leicester", EM, "East Midlands"] + [base + i for i in range(n_values)],
    ]


def _write_raw(raw: Path) -> Path:
    (raw / "ascof").mkdir(parents=True)
    with pd.ExcelWriter(raw / "ascof" / ascof.FILE_NAME, engine="odf") as writer:
        for spec in ascof.TABLES:
            frame = _ascof_frame().iloc[:-1]  # no "Tiny": it has no region anywhere
            if spec.parts != (("outcome", ""),):
                frame.iloc[1, 3] = f"2023 to 2024 - {spec.parts[0][0]}"
                frame.iloc[1, 4] = f"2023 to 2024 - {spec.parts[1][0]}"
                frame[5] = [None, f"2023 to 2024 - {spec.parts[2][0]}", 1, 1, 1, 1]
            frame.to_excel(writer, sheet_name=spec.sheet, header=False, index=False)
    (raw / "ascfr_salt").mkdir()
    age_cols = [
        (g, d)
        for g in ascfr.AGES
        for d in ("Requests for support per 100,000 adults", "Requests for support", "Population")
    ]
    lts_cols = [(g, d) for g in ascfr.AGES for d in ("Clients per 100,000 adults", "Clients")]
    setting_cols = [(g, d) for g in ascfr.AGES for d in ascfr.SETTINGS]
    carer_cols = list(ascfr.CARER_TYPES)
    fin_cols = list(dict.fromkeys((g, d) for g, d, *_ in ascfr.FINANCE))
    sheets = {
        "T3": fin_cols,
        "T12": age_cols,
        "T34": setting_cols,
        "T36": lts_cols,
        "T47": carer_cols,
    }
    with pd.ExcelWriter(raw / "ascfr_salt" / ascfr.FILE_NAME, engine="openpyxl") as writer:
        for name, cols in sheets.items():
            # repeated group headers are blank after the first, as in the official sheets
            groups = [
                (g if k == 0 or cols[k - 1][0] != g else None, d) for k, (g, d) in enumerate(cols)
            ]
            frame = _ascfr_sheet(groups, _places(len(cols), 100.0))  # type: ignore[arg-type]
            frame.to_excel(writer, sheet_name=name, header=False, index=False)
    (raw / "imd2019").mkdir()
    imd_frame = pd.DataFrame(
        [
            ["code", "name"] + [h for h, *_ in imd.MEASURES],
            [LEI, "Leicester", 22857.96, 30.877, 0.2031],
        ],
        dtype=object,
    )
    imd_frame.to_excel(raw / "imd2019" / imd.FILE_NAME, sheet_name="IMD", header=False, index=False)
    (raw / "oflog").mkdir()
    pd.DataFrame(
        {
            "Financial year": ["2022-23", "2022-23"],
            "Local authority code": [LEI, LEI],
            "Local authority name": ["Leicester"] * 2,
            "Grouping": ["LA_Raw"] * 2,
            "Entity_Name": ["Unitary Authorities"] * 2,
            "Region": ["East Midlands"] * 2,
            "Measure": ["turnover", "info"],
            "Code": ["ASC7", "ASC3"],
            "Value": [18.556473, 63.0],
            "MEDIAN": [1, 1],
            "MADs_from_median": [0, 0],
            "rank_order": ["", ""],
        }
    ).to_csv(raw / "oflog" / oflog.FILE_NAME, index=False)
    ref = raw.parent / "ref.csv"
    ref.write_text(
        "chart_id,measure,unit,year,leicester,england,note\n"
        "op_need,requests for support aged 65+,per 100k,2024,2199,2438,Leicester is BELOW\n",
        encoding="utf-8",
    )
    return ref


def test_council_without_region_stops_the_build(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    ref = _write_raw(raw)
    frame = _ascof_frame()
    with pd.ExcelWriter(raw / "ascof" / ascof.FILE_NAME, engine="odf") as writer:
        for spec in ascof.TABLES[:1]:
            frame.to_excel(writer, sheet_name=spec.sheet, header=False, index=False)
    with pytest.raises((DataError, ValueError)):
        build(raw, ref, tmp_path / "out")


def test_build_end_to_end_is_deterministic(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    ref = _write_raw(raw)
    first = build(raw, ref, tmp_path / "out1")
    second = build(raw, ref, tmp_path / "out2")
    for name in ("observations.csv", "sources.yaml", "ATTRIBUTION.md", "peers.csv"):
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()
    assert first == second.model_copy(update={"files": first.files})
    assert first.councils == 1 and first.regions == 1
    rows = list(csv.DictReader((tmp_path / "out1" / "observations.csv").open(encoding="utf-8")))
    assert not any(r["authority_name"] == "County" for r in rows)
    # Oflog users_info 2022-23 is dropped: ASCOF has the same council, measure and period
    assert not any(
        r["source"] == "oflog_asc_explorer" and r["chart_id"] == "users_info" for r in rows
    )
    assert (
        one(rows, authority_code=LEI, chart_id="workforce_turnover", source="oflog_asc_explorer")[
            "value"
        ]
        == "18.556473"
    )
    imd_eng = one(rows, authority_code=ENG, chart_id="deprivation_rank")
    assert imd_eng["value"] == "16422.5" and "by construction" in imd_eng["note"]


# --- the shipped file ------------------------------------------------------------------------


def test_shipped_columns_and_provenance(shipped: list[dict[str, str]]) -> None:
    with OBS.open(encoding="utf-8") as fh:
        assert fh.readline().strip() == ",".join(COLUMNS)
    sources = yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))
    for r in shipped:
        assert r["source"] and r["table"] and r["cell"], r
        assert r["source"] in sources
        assert r["synthetic"] == "false"
        assert r["status"] in ("reported", "missing", "not_applicable")
        if r["value"]:
            assert "e" not in r["value"].lower() and not r["value"].endswith(".0")
            assert math.isfinite(float(r["value"]))
        elif r["status"] == "reported":
            assert r["suppressed"] == "true", r
    for sid in sources:
        assert {"title", "publisher", "period", "licence", "attribution", "file"} <= set(
            sources[sid]
        )


def test_shipped_keys_unique_and_sorted(shipped: list[dict[str, str]]) -> None:
    dupes = [k for k, n in Counter(tuple(r[c] for c in KEY) for r in shipped).items() if n > 1]
    assert dupes == []
    order = [
        (
            r["authority_code"],
            r["chart_id"],
            r["measure"],
            r["breakdown"],
            int(r["period_end"]),
            r["source"],
        )
        for r in shipped
    ]
    assert order == sorted(order)


def test_shipped_round_trips_byte_identical(shipped: list[dict[str, str]]) -> None:
    rows = [
        Row(
            **{
                **r,
                "value": float(r["value"]) if r["value"] else None,
                "period_end": int(r["period_end"]),
                "synthetic": r["synthetic"] == "true",
                "suppressed": r["suppressed"] == "true",
            }
        )
        for r in shipped
    ]
    assert render_csv(rows) == OBS.read_text(encoding="utf-8")


def test_shipped_geography(shipped: list[dict[str, str]]) -> None:
    councils = {r["authority_code"] for r in shipped if r["authority_kind"] == "council"}
    regions = {r["authority_code"] for r in shipped if r["authority_kind"] == "region"}
    assert len(councils) >= 150 and len(regions) == 9
    assert ENG in {r["authority_code"] for r in shipped if r["authority_kind"] == "england"}
    for r in shipped:
        if r["authority_kind"] == "council":
            assert r["region_code"].startswith("E12") and r["region_name"], r
        if r["authority_kind"] == "region":
            assert r["region_code"] == r["authority_code"]
    names = {(r["authority_code"], r["authority_name"], r["region_code"]) for r in shipped}
    assert len(names) == len({c for c, _, _ in names})  # one name and region per code
    assert not {"E10000006", "E06000028"} & councils  # abolished councils are not shipped
    assert not any("Shire Counties" in r["authority_name"] for r in shipped)


def test_leicester_official_values(shipped: list[dict[str, str]]) -> None:
    s = shipped
    sat = {"chart_id": "user_satisfaction", "period": "2023-24", "source": "ascof_2024_25"}
    assert value(s, authority_code=LEI, **sat) == 61.8
    assert value(s, authority_code=ENG, **sat) == 65.4
    req = {"period": "2021-22", "source": "ascfr_salt_2021_22"}
    wa = "requests for support from people aged 18-64"
    op = "requests for support from people aged 65+"
    assert value(s, authority_code=LEI, measure=wa, unit="count", **req) == 4250
    assert value(s, authority_code=LEI, measure=op, unit="count", **req) == 7335
    rate = one(s, authority_code=LEI, measure=wa, unit="per_100k", **req)
    assert float(rate["value"]) == 1880 and rate["denominator"] == "adults aged 18-64"
    rate = one(s, authority_code=LEI, measure=op, unit="per_100k", **req)
    assert float(rate["value"]) == 16825 and rate["denominator"] == "adults aged 65+"
    pop = value(s, authority_code=LEI, chart_id="population", measure="adults aged 65+", **req)
    assert pop == 43600
    gross = one(
        s, authority_code=LEI, measure="gross total expenditure", unit="gbp_thousands", **req
    )
    assert float(gross["value"]) == 149849.9 and gross["table"] == "T3"
    per = one(
        s,
        authority_code=LEI,
        measure="gross total expenditure",
        unit="gbp_thousands_per_100k",
        **req,
    )
    assert per["denominator"] == "adults aged 18+" and per["note"].startswith("derived")
    assert math.isclose(float(per["value"]), 149849.9 / (226365 + 43600) * 1e5, rel_tol=1e-6)
    rank = {"chart_id": "deprivation_rank", "unit": "rank", "source": "imd_2019"}
    assert value(s, authority_code=LEI, **rank) == 22857.96
    assert value(s, authority_code=ENG, **rank) == 16422.5
    turnover = {"chart_id": "workforce_turnover", "source": "ascof_2024_25"}
    assert value(s, authority_code=LEI, period="2023-24", **turnover) == 16.9
    assert value(s, authority_code=EM, period="2023-24", **turnover) == 25.5
    cqc = {
        "chart_id": "providers_cqc",
        "period": "2024-25",
        "source": "ascof_2024_25",
        "breakdown": "requires improvement or inadequate",
    }
    assert value(s, authority_code=LEI, **cqc) == 25.0


def test_shipped_reablement_values(shipped: list[dict[str, str]]) -> None:
    """Leicester and England ASCOF 2A / 2D(2), 2024-25, as published (checked by hand)."""
    rows = [r for r in shipped if r["chart_id"] == "reablement" and r["period"] == "2024-25"]
    got = {(r["authority_code"], r["measure"][:30]): r["value"] for r in rows}
    assert got[(LEI, "people new to services who nee")] == "73.6"
    assert got[("E92000001", "people new to services who nee")] == "77.1"
    assert got[(LEI, "people discharged from hospita")] == "4.85"


@pytest.mark.skipif(
    not (RAW / "ascof" / ascof.FILE_NAME).exists(), reason="raw ASCOF workbook not available"
)
def test_leicester_reablement_matches_the_raw_workbook(shipped: list[dict[str, str]]) -> None:
    """ASCOF 2A, 2D(1), 2D(2) (2024-25 only, CLD method): shipped values equal the raw cells."""
    sheets = pd.read_excel(
        RAW / "ascof" / ascof.FILE_NAME,
        sheet_name=["Table_2a", "Table_2d(1)", "Table_2d(2)"],
        header=None,
        engine="odf",
        dtype=object,
    )
    expected = {  # sheet -> (Leicester, East Midlands, England) as published
        "Table_2a": (73.6, 81.1, 77.1),
        "Table_2d(1)": (59.57, 58.4, 60.7),
        "Table_2d(2)": (4.85, 6.7, 5.7),
    }
    rows = [r for r in shipped if r["chart_id"] == "reablement"]
    assert {r["period"] for r in rows} == {"2024-25"}
    assert len({r["measure"] for r in rows}) == 3
    for sheet, published in expected.items():
        frame = sheets[sheet]
        header = next(i for i in range(15) if frame.iloc[i, 0] == "Local authority code")
        col = list(frame.iloc[header]).index("2024 to 2025 - outcome")
        for code, want in zip((LEI, EM, ENG), published, strict=True):
            row = one(rows, authority_code=code, table=sheet)
            raw_row = frame.index[frame.iloc[:, 2] == code][0]
            assert float(frame.iloc[raw_row, col]) == want
            assert float(row["value"]) == want and row["status"] == "reported"
            assert row["unit"] == "percent" and row["source"] == "ascof_2024_25"
            assert row["cell"].startswith(f"{sheet}!F{raw_row + 1} (row {raw_row + 1}")
            assert "not comparable with earlier years" in row["note"]
            assert not any(ch.isdigit() for ch in row["measure"])  # see ascof.AGED_65
    lei = {r["table"]: r for r in rows if r["authority_code"] == LEI}
    assert lei["Table_2d(1)"]["measure"] == (
        "people still living in the community after leaving hospital into reablement"
    )
    assert "within 12 weeks" in lei["Table_2d(1)"]["note"]
    assert (
        lei["Table_2d(1)"]["denominator"]
        == "people aged 65+ discharged from hospital into reablement"
    )
    assert lei["Table_2d(2)"]["denominator"] == "people aged 65+ discharged from hospital"
    assert lei["Table_2a"]["denominator"] == "people new to services who received reablement"
    # [c] in the workbook (e.g. Portsmouth, whose CLD data is missing) stays suppressed, no value
    pompey = [r for r in rows if r["authority_code"] == "E06000044"]
    assert len(pompey) == 3 and all(r["suppressed"] == "true" and not r["value"] for r in pompey)


def test_leicester_reference_figures(shipped: list[dict[str, str]]) -> None:
    ref = {"source": "leicester_report_2024"}
    wa = {"measure": "requests for support from people aged 18-64", "unit": "per_100k", **ref}
    op = {"measure": "requests for support from people aged 65+", "unit": "per_100k", **ref}
    for code, w, o in ((LEI, 1194, 2199), (ENG, 1143, 2438)):
        assert one(shipped, authority_code=code, **wa)["denominator"] == "residents"
        assert value(shipped, authority_code=code, **wa) == w
        assert value(shipped, authority_code=code, **op) == o
    nursing = {"chart_id": "op_care_types", "breakdown": "nursing", **ref}
    assert value(shipped, authority_code=LEI, **nursing) == 37
    assert value(shipped, authority_code=ENG, **nursing) == 122
    gross = one(shipped, authority_code=LEI, chart_id="gross_expenditure", **ref)
    assert (gross["value"], gross["unit"], gross["period"], gross["period_end"]) == (
        "51917",
        "gbp_thousands_per_100k",
        "2023-24",
        "2024",
    )
    vacancy = one(shipped, authority_code=EM, chart_id="workforce_vacancy", **ref)
    assert vacancy["value"] == "7.2" and "regional figure" in vacancy["note"]
    assert not any(
        r["chart_id"] == "workforce_vacancy" and r["authority_code"] == LEI for r in shipped
    )


@pytest.mark.skipif(not REF.exists(), reason="shared reference CSV not available")
def test_every_reference_figure_is_shipped(shipped: list[dict[str, str]]) -> None:
    got = {
        (r["authority_code"], r["cell"]): r["value"]
        for r in shipped
        if r["source"] == "leicester_report_2024"
    }
    with REF.open(encoding="utf-8", newline="") as fh:
        for line, rec in enumerate(csv.DictReader(fh), start=2):
            subject = EM if rec["measure"].endswith("(regional)") else LEI
            for column, code in (("leicester", subject), ("england", ENG)):
                if not rec[column]:
                    continue
                cell = f"line {line}, column '{column}' ({rec['chart_id']}: {rec['measure']})"
                assert float(got[(code, cell)]) == float(rec[column])


@pytest.mark.skipif(
    not RAW.exists() or not os.environ.get("NARRATOR_TEST_RAW"),
    reason="set NARRATOR_TEST_RAW=1 with ../shared/data/raw present (slow: ~15 s)",
)
def test_rebuild_from_raw_matches_shipped(tmp_path: Path) -> None:
    build(RAW, REF, tmp_path)
    assert (tmp_path / "observations.csv").read_bytes() == OBS.read_bytes()
    # the similar councils are rebuilt from the same data (and the shipped model)
    assert (tmp_path / "peers.csv").read_bytes() == (OBS.parent / "peers.csv").read_bytes()


# --- synthetic -------------------------------------------------------------------------------


def test_synthetic_is_deterministic_flagged_and_complete(tmp_path: Path) -> None:
    a = generate_synthetic(3, 7, tmp_path / "a.csv", DATA)
    b = generate_synthetic(3, 7, tmp_path / "b.csv", OBS)
    assert a.read_bytes() == b.read_bytes()
    c = generate_synthetic(3, 8, tmp_path / "c.csv", DATA)
    assert c.read_bytes() != a.read_bytes()
    rows = list(csv.DictReader(a.open(encoding="utf-8")))
    assert all(r["synthetic"] == "true" and r["note"] == "synthetic" for r in rows)
    assert all(r["source"] == "synthetic" and not r["authority_code"].startswith("E") for r in rows)
    names = {r["authority_name"] for r in rows}
    assert {
        "Demo Borough 001",
        "Demo Borough 003",
        "Synthetic Region",
        "England (synthetic)",
    } <= names
    real_charts = {
        r["chart_id"]
        for r in csv.DictReader(OBS.open(encoding="utf-8"))
        if r["authority_kind"] == "council" and r["value"]
    }
    assert real_charts <= {r["chart_id"] for r in rows if r["authority_kind"] == "council"}
    key = ("chart_id", "measure", "breakdown", "period", "unit", "denominator")
    series = next(r for r in rows if r["unit"] == "percent")
    same = [
        float(r["value"])
        for r in rows
        if r["authority_kind"] == "council" and all(r[k] == series[k] for k in key)
    ]
    assert len(same) == 3
    eng = one(rows, authority_code="X92000001", **{k: series[k] for k in key})
    assert math.isclose(float(eng["value"]), sum(same) / 3, abs_tol=1e-5)
    keys = [tuple(r[k] for k in (*key, "authority_code")) for r in rows]
    assert len(keys) == len(set(keys))
