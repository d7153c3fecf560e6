"""A real uvicorn server on 127.0.0.1 (free port), driven over HTTP with httpx and cookies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from report_fixture import leicester_report

from narrator.report import render_index, render_report
from narrator.server import VOTER_COOKIE, background_server, create_app
from narrator.store import Store

BLURB = "E06000016:chart:op_need:v1"
SUMMARY = "E06000016:section:carers:v1"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    out = tmp_path_factory.mktemp("outputs")
    report = leicester_report()
    render_report(report, out)
    render_index([report], out)
    (out / "leicester" / "report.json").write_text(report.model_dump_json(), encoding="utf-8")
    db = f"sqlite:///{out / 'votes.db'}"
    with background_server(create_app(out, db)) as base:
        yield base, db


@pytest.fixture
def client(served: tuple[str, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served[0], timeout=10) as c:
        yield c


def test_pages_and_assets_are_served(client: httpx.Client) -> None:
    index = client.get("/")
    assert index.status_code == 200 and 'href="leicester/report.html"' in index.text
    for path in ("/leicester/", "/leicester/report.html"):
        page = client.get(path)
        assert page.status_code == 200 and "Adult social care in Leicester" in page.text
    assert client.get("/leicester").status_code == 307
    js = client.get("/assets/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    assert client.get("/assets/narrator.js").status_code == 200
    missing = client.get("/nowhere/")
    assert missing.status_code == 404 and "no report page" in missing.json()["error"]


def test_first_vote_sets_an_anonymous_http_only_cookie(client: httpx.Client) -> None:
    r = client.post("/api/votes", json={"text_id": BLURB, "vote": "accurate"})
    assert r.status_code == 200, r.text
    assert r.json() == {"text_id": BLURB, "vote": "accurate", "accurate": 1, "inaccurate": 0}
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"{VOTER_COOKIE}=") and "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower() and "Path=/" in cookie
    assert client.cookies.get(VOTER_COOKIE)


def test_changed_mind_replaces_and_retry_is_idempotent(served: tuple[str, str]) -> None:
    base, db = served
    with httpx.Client(base_url=base) as alice, httpx.Client(base_url=base) as bob:
        assert alice.post("/api/votes", json={"text_id": SUMMARY, "vote": "accurate"}).is_success
        for _ in range(3):  # retries of the same request
            r = alice.post(
                "/api/votes",
                json={"text_id": SUMMARY, "vote": "inaccurate", "comment": "says above, is below"},
            )
            assert r.json()["inaccurate"] == 1 and r.json()["accurate"] == 0
        r = bob.post("/api/votes", json={"text_id": SUMMARY, "vote": "accurate"})
        assert (r.json()["accurate"], r.json()["inaccurate"]) == (1, 1)
        assert alice.get(f"/api/texts/{SUMMARY}/votes").json() == {"accurate": 1, "inaccurate": 1}
        mine = alice.get("/api/reports/leicester/votes").json()
        assert mine["mine"] == {SUMMARY: "inaccurate"}
        assert mine["tallies"][SUMMARY] == {"accurate": 1, "inaccurate": 1}
        voter = alice.cookies[VOTER_COOKIE].split(".")[0]  # the id; the rest is its signature
    rows = [v for v in Store(db).votes(SUMMARY) if v.voter == voter]
    assert len(rows) == 1
    row = rows[0]
    assert row.vote == "inaccurate" and row.comment == "says above, is below"
    assert (row.run_id, row.prompt_version, row.model) == ("run-fixture-1", "v1", "fixture-model")
    assert row.updated_at >= row.created_at


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"text_id": "nope", "vote": "accurate"}, 404, "unknown text id 'nope'"),
        ({"text_id": BLURB, "vote": "maybe"}, 422, 'vote: must be "accurate" or "inaccurate"'),
        ({"vote": "accurate"}, 422, "text_id: Field required"),
        (
            {"text_id": BLURB, "vote": "accurate", "voter": "mallory"},
            422,
            "voter: unknown field (the voter comes from a cookie",
        ),
        (
            {"text_id": BLURB, "vote": "accurate", "comment": "x" * 2001},
            422,
            "comment: String should have at most 2000 characters",
        ),
        ({"text_id": "", "vote": "accurate"}, 422, "text_id: String should have at least 1"),
        ([1, 2], 422, "body: Input should be a valid dictionary"),
    ],
)
def test_bad_votes_get_clear_4xx(
    client: httpx.Client, body: object, status: int, message: str
) -> None:
    r = client.post("/api/votes", json=body)
    assert r.status_code == status
    assert message in r.json()["error"]


def test_non_json_body_and_unknown_tally(client: httpx.Client) -> None:
    r = client.post(
        "/api/votes",
        content=b"vote=accurate",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 422 and r.json()["error"]
    r = client.get("/api/texts/nope/votes")
    assert r.status_code == 404 and "unknown text id 'nope'" in r.json()["error"]
    assert client.get("/api/reports/nowhere/votes").status_code == 404


@pytest.mark.parametrize("forged", ["<bad>", "mallory-0001", "abc.def", "x" * 40 + ".y"])
def test_a_voter_cookie_the_server_did_not_sign_is_refused_and_cleared(
    served: tuple[str, str], forged: str
) -> None:
    with httpx.Client(base_url=served[0], cookies={VOTER_COOKIE: forged}) as c:
        r = c.post("/api/votes", json={"text_id": BLURB, "vote": "inaccurate"})
        assert r.status_code == 403 and "not issued by this server" in r.json()["error"]
        assert "Max-Age=0" in r.headers["set-cookie"]
        assert c.get(f"/api/texts/{BLURB}/votes").json()["inaccurate"] == 0


def test_startup_registers_every_text_of_report_json(served: tuple[str, str]) -> None:
    store = Store(served[1])
    for text in leicester_report().texts:
        assert store.get_text(text.id) is not None


def test_create_app_needs_no_global_state(tmp_path: Path) -> None:
    a = create_app(tmp_path / "a", f"sqlite:///{tmp_path / 'a.db'}")
    b = create_app(tmp_path / "b", f"sqlite:///{tmp_path / 'b.db'}")
    assert a is not b and a.state.outputs_dir != b.state.outputs_dir
    assert (tmp_path / "a" / "assets" / "plotly.min.js").is_file()
