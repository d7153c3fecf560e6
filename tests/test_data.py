"""Loading and validating observation files: every bad input names file, row and field."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from narrator.catalog import load_catalog
from narrator.cli import app
from narrator.data import COLUMNS, load_dataset
from narrator.errors import DataError, UnknownAuthorityError
from tests.obs_factory import ENGLAND, LEICESTER, row, write_csv

IDS = load_catalog().ids


def good_rows() -> list[dict]:
    return [
        row(LEICESTER, "op_need", "requests for support from people aged 65+", 2199),
        row(ENGLAND, "op_need", "requests for support from people aged 65+", 2438),
    ]


def test_loads_and_finds_authorities_by_code_name_and_slug(tmp_path):
    ds = load_dataset([write_csv(tmp_path / "obs.csv", good_rows())], chart_ids=IDS)
    assert ds.authority("leicester").code == "E06000016"
    assert ds.authority("E06000016").name == "Leicester"
    assert ds.authority("  LEICESTER ").code == "E06000016"
    assert ds.authority("e92000001").kind == "england"
    assert [o.value for o in ds.for_chart("E06000016", "op_need")] == [2199.0]
    assert ds.england.code == "E92000001"
    assert ds.region_of(ds.authority("Leicester")) is None  # no region rows in this file


def test_unknown_authority_suggests_close_names(tmp_path):
    ds = load_dataset([write_csv(tmp_path / "obs.csv", good_rows())], chart_ids=IDS)
    with pytest.raises(UnknownAuthorityError, match="did you mean Leicester"):
        ds.authority("Leicestr")


@pytest.mark.parametrize(
    ("mutate", "row_no", "field", "message"),
    [
        (lambda r: r.update(chart_id="op_needs"), 2, "chart_id", "unknown chart id 'op_needs'"),
        (lambda r: r.update(value="2,1x9"), 2, "value", "not a number"),
        (
            lambda r: r.update(value="-5", unit="count", denominator=""),
            2,
            "value",
            "negative count",
        ),
        (lambda r: r.update(unit="per100k"), 2, "unit", "unknown unit"),
        (lambda r: r.update(suppressed="maybe"), 2, "suppressed", "expected true/false"),
        (lambda r: r.update(measure=""), 2, "measure", "empty value"),
        (lambda r: r.update(value=""), 2, "value", "value is empty"),
        (lambda r: r.update(authority_kind="city"), 2, "authority_kind", "authority_kind"),
    ],
)
def test_bad_values_name_file_row_and_field(tmp_path, mutate, row_no, field, message):
    rows = good_rows()
    mutate(rows[0])
    path = write_csv(tmp_path / "obs.csv", rows)
    with pytest.raises(DataError) as info:
        load_dataset([path], chart_ids=IDS)
    text = str(info.value)
    assert text.startswith(f"{path}, row {row_no}, field {field}: ")
    assert message in text
    assert "\n" not in text


def test_missing_column(tmp_path):
    path = write_csv(tmp_path / "obs.csv", good_rows(), columns=[c for c in COLUMNS if c != "unit"])
    with pytest.raises(DataError, match=r"obs.csv, row 1: missing column\(s\): unit"):
        load_dataset([path], chart_ids=IDS)


def test_duplicate_key_points_at_both_rows(tmp_path):
    rows = good_rows() + [good_rows()[0]]
    path = write_csv(tmp_path / "obs.csv", rows)
    with pytest.raises(
        DataError, match=r"row 4, field authority_code: duplicate key .*first seen in .* row 2"
    ):
        load_dataset([path], chart_ids=IDS)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="nope.csv: file not found"):
        load_dataset([tmp_path / "nope.csv"], chart_ids=IDS)


def test_inconsistent_authority_description(tmp_path):
    rows = good_rows()
    rows.append(row({**LEICESTER, "authority_name": "Leicester City"}, "wa_need", "x", 1))
    with pytest.raises(DataError, match="row 4, field authority_name: authority E06000016"):
        load_dataset([write_csv(tmp_path / "obs.csv", rows)], chart_ids=IDS)


def test_suppressed_without_value_and_missing_rows_are_accepted(tmp_path):
    rows = good_rows() + [
        row(LEICESTER, "helpline_requests", "helpline requests", None, suppressed=True),
        row(
            LEICESTER,
            "carers_info",
            "carers who find it easy to get information",
            None,
            status="missing",
            unit="percent",
            denominator="carers surveyed",
        ),
    ]
    ds = load_dataset([write_csv(tmp_path / "obs.csv", rows)], chart_ids=IDS)
    (sup,) = ds.for_chart("E06000016", "helpline_requests")
    assert sup.suppressed and sup.value is None


def test_cli_prints_one_line_error_and_exits_2(tmp_path):
    rows = good_rows()
    rows[1]["value"] = "lots"
    path = write_csv(tmp_path / "obs.csv", rows)
    result = CliRunner().invoke(
        app, ["facts", "--authority", "Leicester", "--chart", "op_need", "--data-file", str(path)]
    )
    assert result.exit_code == 2
    assert "row 3, field value: not a number: 'lots'" in result.output.replace("\n", "")
    assert "Traceback" not in result.output


def test_cli_unknown_authority_exits_2(tmp_path):
    path = write_csv(tmp_path / "obs.csv", good_rows())
    result = CliRunner().invoke(
        app, ["facts", "--authority", "Atlantis", "--chart", "op_need", "--data-file", str(path)]
    )
    assert result.exit_code == 2
    assert "unknown authority 'Atlantis'" in result.output


def test_cli_error_with_brackets_is_printed_verbatim(tmp_path):
    rows = good_rows()
    rows[0]["status"] = "[bold]oops[/bold]"
    path = write_csv(tmp_path / "obs.csv", rows)
    result = CliRunner().invoke(
        app, ["facts", "--authority", "Leicester", "--chart", "op_need", "--data-file", str(path)]
    )
    assert result.exit_code == 2
    out = result.output.replace("\n", "")
    assert "status must be one of ['missing', 'not_applicable', 'reported']" in out
    assert "got '[bold]oops[/bold]'" in out  # data text is printed, not read as markup


@pytest.mark.parametrize(
    ("mutate", "field", "message"),
    [
        (lambda r: r.update(value="1,2,3"), "value", "not a number: '1,2,3'"),
        (lambda r: r.update(value="2,199"), "value", "no thousands separators"),
        (lambda r: r.update(value="1_000"), "value", "not a number: '1_000'"),
        (lambda r: r.update(period_end="2024.7"), "period_end", "must be a year"),
        (lambda r: r.update(period_end="24"), "period_end", "must be a year"),
    ],
)
def test_numbers_are_read_strictly(tmp_path, mutate, field, message):
    rows = good_rows()
    mutate(rows[0])
    path = write_csv(tmp_path / "obs.csv", rows)
    with pytest.raises(DataError) as info:
        load_dataset([path], chart_ids=IDS)
    assert str(info.value).startswith(f"{path}, row 2, field {field}: ")
    assert message in str(info.value)


def test_a_header_only_file_is_an_error(tmp_path):
    path = write_csv(tmp_path / "obs.csv", [])
    with pytest.raises(DataError, match=r"obs.csv, row 2: no rows"):
        load_dataset([path], chart_ids=IDS)


def test_a_non_utf8_byte_is_reported_at_its_line_and_column(tmp_path):
    path = write_csv(tmp_path / "obs.csv", good_rows())
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2][:5] + b"\xff" + lines[2][5:]
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(DataError, match=r"obs.csv, row 3: not UTF-8: byte 0xff at column 6"):
        load_dataset([path], chart_ids=IDS)
