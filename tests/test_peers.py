"""The peer model (narrator.peers) on a hand-computed table and on the shipped data."""

from __future__ import annotations

import csv
import io
import json
import math
from functools import cache

import pytest
from typer.testing import CliRunner

from narrator.catalog import load_catalog
from narrator.cli import app
from narrator.data import load_dataset
from narrator.databuild.areas import convert
from narrator.errors import DataError
from narrator.paths import data_dir
from narrator.peers import PeerError, Peers, distance, load_densities, standardise

RUNNER = CliRunner()


@cache
def peers() -> Peers:
    catalog = load_catalog()
    return Peers(load_dataset(chart_ids=catalog.ids))


def test_standard_scores_and_distances_by_hand() -> None:
    rows = {"a": {"x": 0.0, "y": 1.0}, "b": {"x": 2.0, "y": 1.0}, "c": {"x": 4.0, "y": 4.0}}
    points = standardise(rows, {"x": 1.0, "y": 2.0})
    sd_x = math.sqrt(8 / 3)  # x: mean 2, population sd sqrt(8/3)
    assert points["a"]["x"] == pytest.approx(-2 / sd_x)
    # y: mean 2, sd sqrt(2), weight 2: a and b at -1/sqrt(2) * 2
    assert points["a"]["y"] == pytest.approx(-2 / math.sqrt(2))
    assert distance(points["a"], points["b"]) == pytest.approx(2 / sd_x)
    expected = math.hypot(4 / sd_x, 2 * 3 / math.sqrt(2))
    assert distance(points["a"], points["c"]) == pytest.approx(expected)


def test_a_council_is_never_its_own_peer_and_lists_are_deterministic() -> None:
    p = peers()
    for code in list(p.points)[:40]:
        found = p.of(code)
        assert len(found) == 15 and code not in {x.code for x in found}
        assert [x.distance for x in found] == sorted(x.distance for x in found)
    code = p.dataset.authority("Leicester").code
    assert p.of(code) == peers().of(code)


def test_excluded_and_featureless_councils_have_no_peers_and_are_no_ones_peer() -> None:
    p = peers()
    gone = set(p.missing)
    assert {"E06000053", "E09000001"} <= gone  # Isles of Scilly, City of London
    with pytest.raises(PeerError, match="excluded: Isles of Scilly"):
        p.of("E06000053")
    assert all(x.code not in gone for code in p.points for x in p.of(code))


def test_peer_lists_group_like_with_like() -> None:
    p, d = peers(), peers().dataset
    names = {
        n: {x.name for x in p.of(d.authority(n).code)} for n in ("Leicester", "Surrey", "Camden")
    }
    assert {"Nottingham", "Derby"} <= names["Leicester"]  # big deprived East Midlands cities
    assert {"Hertfordshire", "Hampshire"} <= names["Surrey"]  # affluent shire counties
    camden = p.of(d.authority("Camden").code)
    assert all(x.code.startswith("E09") for x in camden)  # London boroughs
    # density (data/areas.csv) sets inner London apart: most of Camden's peers are inner
    # London boroughs (ONS ITL2 Inner London West and East, with Greenwich as in statute)
    inner = {
        "Westminster", "Kensington and Chelsea", "Hammersmith and Fulham", "Wandsworth",
        "Hackney", "Haringey", "Islington", "Lambeth", "Lewisham", "Newham", "Southwark",
        "Tower Hamlets", "Greenwich",
    }  # fmt: skip
    assert len({x.name for x in camden} & inner) >= 8


def test_the_cli_and_the_shipped_peer_table() -> None:
    listed = RUNNER.invoke(app, ["peers", "Leicester", "--json", "--k", "5"])
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 5
    explained = RUNNER.invoke(app, ["peers", "--explain", "Leicester", "Nottingham", "--json"])
    assert explained.exit_code == 0 and "imd_score" in json.loads(explained.stdout)
    bad = RUNNER.invoke(app, ["peers", "Isles of Scilly"])
    assert bad.exit_code == 2 and "no peers" in bad.output
    shipped = list(csv.DictReader(io.StringIO((data_dir() / "peers.csv").read_text())))
    assert len(shipped) == 15 * len(peers().points)  # regenerate with `narrator peers --write`
    first = shipped[0]
    top = peers().of(first["authority_code"])[0]
    assert (first["peer_code"], float(first["distance"])) == (top.code, top.distance)


def _mysociety(tmp_path, rows: list[str]):
    path = tmp_path / "las.csv"
    head = "gss-code,nice-name,current-authority,area,pop-2020"
    path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    return path


def test_areas_keep_current_councils_of_the_data_with_their_provenance(tmp_path) -> None:
    authorities = peers().dataset.authorities
    source = _mysociety(tmp_path, [
        "E06000016,Leicester,True,73.0,354036.0",
        "E06000016,Leicester (old),False,70.0,1.0",  # a past authority with the same code
        "S12000034,Aberdeenshire,True,6313.0,260780.0",  # not a council of the data
    ])  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(convert(source, "abc123", authorities))))
    assert [(r["authority_code"], r["area_km2"], r["population_2020"]) for r in rows] == [
        ("E06000016", "73.0", "354036")
    ]
    assert rows[0]["source_version"] == "abc123" and "mysociety" in rows[0]["source"]
    (tmp_path / "areas.csv").write_text(convert(source, "abc123", authorities), encoding="utf-8")
    assert load_densities(tmp_path / "areas.csv") == {"E06000016": pytest.approx(354036 / 73)}


def test_a_bad_area_is_named_by_file_row_and_field(tmp_path) -> None:
    source = _mysociety(tmp_path, ["E06000016,Leicester,True,0,354036.0"])
    with pytest.raises(DataError, match=r"las.csv, row 2, field area: expected a positive"):
        convert(source, "abc123", peers().dataset.authorities)
    bad = tmp_path / "areas.csv"
    bad.write_text("authority_code,area_km2,population_2020\nE06000016,73,n/a\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"row 2, field population_2020"):
        load_densities(bad)


def test_hartlepool_shares_most_of_its_published_cipfa_neighbours() -> None:
    """Hartlepool publishes its CIPFA nearest neighbours (hartlepool.gov.uk, JSNA "Statistical
    Neighbours"); CIPFA's model uses 40 indicators, ours five open ones. They share 10 of 15
    (the Department for Education's children's-services neighbours share 9 with CIPFA's)."""
    cipfa = {
        "Redcar and Cleveland", "South Tyneside", "Middlesbrough", "North East Lincolnshire",
        "Sunderland", "Gateshead", "Stoke-on-Trent", "North Tyneside", "Stockton-on-Tees",
        "Blackpool", "Wolverhampton", "Kingston upon Hull", "Halton", "Walsall", "St. Helens",
    }  # fmt: skip
    d = peers().dataset
    ours = {x.name for x in peers().of(d.authority("Hartlepool").code)}
    assert len(ours & cipfa) >= 9
