"""The review page in headless Chromium against the real server: a reviewer confirms a
planted hallucination with a key press, and an edit with a wrong number is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from test_browser import ARGS, CHROMIUM
from test_review import WRONG, planted

from narrator.review import Reviews
from narrator.server import background_server, create_app
from narrator.store import Store

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install playwright)"
)
expect = playwright_api.expect
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"
)
TOKEN = "review-token-for-tests"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, str]]:
    db = f"sqlite:///{tmp_path / 'narrator.db'}"
    store = Store(db)
    store.save_texts([planted("first"), planted("second")])
    store.close()
    with background_server(create_app(tmp_path, db, review_token=TOKEN)) as base:
        yield base, db


def test_a_reviewer_confirms_a_hallucination_and_cannot_approve_a_wrong_edit(site) -> None:
    base, db = site
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.goto(f"{base}/review?token={TOKEN}")
        assert page.locator("#text-id").inner_text() == "first"
        assert "81.7%" in page.locator("mark.contradicted").first.inner_text()
        assert "fact:" in page.locator("#claims").inner_text()  # the bound fact beside it
        page.fill("#reviewer", "ann")
        page.locator("#reviewer").blur()
        page.keyboard.press("c")  # confirm
        expect(page.locator("#text-id")).to_have_text("second")
        # an edit with a wrong number: refused, with the failing claim named
        page.keyboard.press("e")
        page.fill("#edited", WRONG)
        page.click("#approve")
        expect(page.locator("#error")).to_contain_text("does not pass the checker")
        assert "81.7%" in page.locator("#error").inner_text()
        browser.close()
    reviews = Reviews(Store(db))
    assert [(d.text_id, d.decision, d.reviewer) for d in reviews.decisions()] == [
        ("first", "confirm", "ann")
    ]
    exported = reviews.export()
    assert exported[0]["text_id"] == "first" and exported[0]["claims"][0]["label"] == "wrong"


def test_review_routes_need_the_token(site) -> None:
    base, _db = site
    assert httpx.get(f"{base}/review").status_code == 403
    assert httpx.get(f"{base}/review?token=wrong").status_code == 403
    vote = {"text_id": "first", "decision": "confirm", "reviewer": "x"}
    assert httpx.post(f"{base}/api/review/decisions", json=vote).status_code == 403
    forged = httpx.post(
        f"{base}/api/review/decisions", json=vote,
        cookies={"narrator_review": TOKEN}, headers={"origin": "https://evil.example"},
    )  # fmt: skip
    assert forged.status_code == 403


def test_no_review_routes_without_a_token(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("NARRATOR_REVIEW_TOKEN", raising=False)
    with background_server(create_app(tmp_path, f"sqlite:///{tmp_path / 'n.db'}")) as base:
        page = httpx.get(f"{base}/review?token=anything", follow_redirects=True)
        assert page.status_code == 404  # only report pages: no review page at all
        assert httpx.post(f"{base}/api/review/decisions", json={}).status_code in (404, 405)
