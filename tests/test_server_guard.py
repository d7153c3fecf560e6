"""Vote stuffing, CSRF and request hygiene against a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from report_fixture import leicester_report

from narrator.report import render_index, render_report
from narrator.server import VOTER_COOKIE, background_server, create_app
from narrator.store import Store

BLURB = "E06000016:chart:op_need:v1"


@pytest.fixture
def server(tmp_path) -> Iterator[tuple[str, str]]:
    """A fresh server per test, with small limits: 5 votes/min and 3 new voters/hour."""
    report = leicester_report()
    render_report(report, tmp_path)
    render_index([report], tmp_path)
    (tmp_path / "leicester" / "report.json").write_text(report.model_dump_json(), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'votes.db'}"
    app = create_app(tmp_path, db, votes_per_minute=5, voters_per_hour=3, max_body=4096)
    with background_server(app) as base:
        yield base, db


def vote(client: httpx.Client, v: str = "inaccurate", **headers: str) -> httpx.Response:
    return client.post("/api/votes", json={"text_id": BLURB, "vote": v}, headers=headers)


def test_stuffing_by_dropping_the_cookie_is_bounded(server) -> None:
    base, db = server
    statuses = []
    for _ in range(20):  # a client that throws its cookie away after every vote
        with httpx.Client(base_url=base) as c:
            statuses.append(vote(c).status_code)
    assert statuses.count(200) == 3 and statuses.count(429) == 17
    assert len({v.voter for v in Store(db).votes(BLURB)}) == 3


def test_one_voter_is_rate_limited_with_retry_after(server) -> None:
    base, _ = server
    with httpx.Client(base_url=base) as c:
        codes = [vote(c, "accurate" if i % 2 else "inaccurate").status_code for i in range(8)]
        assert codes[:5] == [200] * 5 and codes[5:] == [429] * 3
        r = vote(c)
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "too many votes" in r.json()["error"]


def test_votes_from_another_sites_page_are_refused(server) -> None:
    base, _ = server
    with httpx.Client(base_url=base) as c:
        assert vote(c, Origin="https://evil.example").status_code == 403
        assert vote(c, Referer="https://evil.example/page").status_code == 403
        assert vote(c, Origin="null").status_code == 403
        assert vote(c, Origin=base).status_code == 200  # the server's own page


def test_signed_cookie_is_secure_over_https(server) -> None:
    base, _ = server
    with httpx.Client(base_url=base) as c:  # behind a TLS proxy on this host
        r = vote(c, **{"X-Forwarded-Proto": "https"})
        assert r.status_code == 200 and "Secure" in r.headers["set-cookie"]
        r = vote(c)
        assert r.status_code == 200 and "Secure" not in r.headers["set-cookie"]


@pytest.mark.parametrize(
    "body",
    [
        {"text_id": "E06000016:chart:op_need\x00:v1", "vote": "accurate"},
        {"text_id": BLURB, "vote": "accurate", "comment": "nul\x00byte"},
        {"text_id": BLURB, "vote": "accurate", "comment": "bell\x07"},
    ],
)
def test_control_characters_are_a_clear_422(server, body) -> None:
    with httpx.Client(base_url=server[0]) as c:
        r = c.post("/api/votes", json=body)
        assert r.status_code == 422 and "control characters" in r.json()["error"]


def test_oversized_bodies_get_413_declared_or_streamed(server) -> None:
    with httpx.Client(base_url=server[0]) as c:
        big = {"text_id": BLURB, "vote": "accurate", "comment": "x" * 10_000}
        r = c.post("/api/votes", json=big)
        assert r.status_code == 413 and "over 4096 bytes" in r.json()["error"]

        def chunks():  # no Content-Length: the server counts what arrives
            yield b'{"text_id": "' + BLURB.encode() + b'", "vote": "accurate", "comment": "'
            for _ in range(10):
                yield b"y" * 1000
            yield b'"}'

        r = c.post("/api/votes", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413


def test_every_response_has_security_headers_and_errors_one_shape(server) -> None:
    with httpx.Client(base_url=server[0]) as c:
        for path in ("/", "/leicester/", "/assets/narrator.js", "/healthz", "/no/such/page"):
            r = c.get(path)
            csp = r.headers["content-security-policy"]
            assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
            assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
            assert r.headers["x-content-type-options"] == "nosniff"
            assert r.headers["referrer-policy"] == "same-origin"
        for path in ("/api/docs", "/api/openapi.json", "/no/such/page"):
            r = c.get(path)
            assert r.status_code == 404 and set(r.json()) == {"error"}
        r = c.put("/api/votes", json={})
        assert r.status_code == 405 and set(r.json()) == {"error"}


def test_the_report_page_needs_no_inline_script(server) -> None:
    """The page works under the CSP: its only inline <script> blocks are JSON data."""
    import re

    with httpx.Client(base_url=server[0]) as c:
        html = c.get("/leicester/").text
    for attrs, _body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in attrs or 'type="application/json"' in attrs, attrs
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


def test_the_voter_cookie_carries_a_signature(server) -> None:
    with httpx.Client(base_url=server[0]) as c:
        assert vote(c).status_code == 200
        cookie = c.cookies[VOTER_COOKIE]
        voter, signature = cookie.split(".")
        assert len(voter) >= 20 and len(signature) >= 20
        tampered = voter[:-1] + ("A" if voter[-1] != "A" else "B") + "." + signature
    with httpx.Client(base_url=server[0], cookies={VOTER_COOKIE: tampered}) as c:
        assert vote(c).status_code == 403


def test_control_characters_in_a_tally_path_are_a_clear_422(server) -> None:
    with httpx.Client(base_url=server[0]) as c:
        r = c.get("/api/texts/E06000016:chart%00x/votes")
        assert r.status_code == 422 and set(r.json()) == {"error"}


@pytest.mark.skipif(
    not __import__("os").environ.get("NARRATOR_TEST_PG_URL"),
    reason="NARRATOR_TEST_PG_URL is not set: PostgreSQL is not available here",
)
def test_postgres_answers_nul_bytes_with_4xx_not_500(tmp_path) -> None:
    import os

    report = leicester_report()
    render_report(report, tmp_path)
    (tmp_path / "leicester" / "report.json").write_text(report.model_dump_json(), encoding="utf-8")
    app = create_app(tmp_path, os.environ["NARRATOR_TEST_PG_URL"])
    with background_server(app) as base, httpx.Client(base_url=base) as c:
        bad = {"text_id": "x\x00y", "vote": "accurate"}
        assert c.post("/api/votes", json=bad).status_code == 422
        assert c.get("/api/texts/x%00y/votes").status_code == 422
        headers = {"Cookie": f"{VOTER_COOKIE}=a%00b.c"}  # httpx refuses a raw NUL in a header
        assert c.get("/api/reports/leicester/votes", headers=headers).status_code == 200
        assert (
            c.post(
                "/api/votes", json={"text_id": "x", "vote": "accurate"}, headers=headers
            ).status_code
            == 403
        )
