"""The review queue and its audit log, on a real SQLite file and (when NARRATOR_TEST_PG_URL is
set) real PostgreSQL, with a planted hallucination checked by the real verifier."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
from _db import BACKENDS, PG_URL, empty
from typer.testing import CliRunner

from narrator.catalog import load_catalog
from narrator.cli import app
from narrator.data import load_dataset
from narrator.facts import FactBuilder
from narrator.models import Draft, TextRecord
from narrator.review import ReviewError, Reviews
from narrator.store import Store
from narrator.verify import Verifier

LEICESTER = "E06000016"
WRONG = "In 2024-25, 81.7% of people who use care in Leicester were satisfied with it."
RIGHT = "In 2024-25, 71.7% of people who use care in Leicester were satisfied with it."
RUNNER = CliRunner()


@cache
def sheet():
    catalog = load_catalog()
    return FactBuilder(load_dataset(chart_ids=catalog.ids), catalog).sheet(
        LEICESTER, "user_satisfaction"
    )


def planted(text_id: str = "planted", body: str = RIGHT) -> TextRecord:
    """A blurb whose first draft stated a wrong figure (caught by the real verifier) and whose
    published text is a correct one."""
    verdict = Verifier().verify(WRONG, [sheet()])
    assert verdict.outcome == "fail"
    return TextRecord(
        id=text_id, kind="chart", authority_code=LEICESTER, chart_id="user_satisfaction",
        body=body, backend="openai", model="m", prompt_version="chart_blurb/v2@abc",
        status="repaired", verdict=Verifier().verify(body, [sheet()]),
        drafts=[Draft(attempt=1, body=WRONG, verdict=verdict)], fact_sheet=sheet(),
    )  # fmt: skip


def clean(text_id: str) -> TextRecord:
    return planted(text_id).model_copy(update={"drafts": [], "status": "verified"})


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'narrator.db'}"
        return
    empty(PG_URL)
    yield PG_URL


@pytest.fixture
def reviews(url: str) -> Iterator[Reviews]:
    store = Store(url)
    store.save_texts([planted(), clean("clean"), clean("disliked")])
    for voter in ("a", "b"):
        store.cast_vote("disliked", voter, "inaccurate")
    yield Reviews(store)
    store.close()


def test_the_queue_puts_contradicted_claims_first_and_filters(reviews: Reviews) -> None:
    queue = reviews.queue()
    assert [i.text_id for i in queue] == ["planted", "disliked"]  # "clean" is not flagged
    assert queue[0].contradicted >= 1 and queue[1].bad_votes == 2
    assert [i.text_id for i in reviews.queue(chart="reablement")] == []
    assert [i.text_id for i in reviews.queue(prompt_version="chart_blurb/v2")] == [
        "planted", "disliked",
    ]  # fmt: skip


def test_evidence_shows_the_claim_beside_the_fact_it_was_bound_to(reviews: Reviews) -> None:
    ev = reviews.evidence("planted")
    claim = next(c for c in ev["flagged"] if c["status"] == "contradicted")
    assert "81.7%" in claim["text"] and claim["attempt"] == 1
    fact = claim["facts"][0]
    assert fact["period"] == "2024-25" and fact["value"] == pytest.approx(71.7)
    assert any("Leicester" in s for s in fact["sources"])  # the source cell


def test_a_confirmed_hallucination_leaves_the_queue_and_feeds_the_dev_material(
    reviews: Reviews, url: str
) -> None:
    d = reviews.decide("planted", "confirm", "ann", note="wrong figure")
    assert d.decision == "confirm" and d.claims
    assert "planted" not in [i.text_id for i in reviews.queue()]
    again = Reviews(Store(url))  # a restart: the decision and the queue are in the database
    assert [x.decision for x in again.decisions("planted")] == ["confirm"]
    (record,) = again.export()
    assert record["text"] == WRONG
    assert {c["label"] for c in record["claims"]} == {"wrong"}
    assert all(WRONG.count(c["quote"]) == 1 for c in record["claims"])


def test_an_edit_with_a_wrong_number_cannot_be_approved(reviews: Reviews) -> None:
    with pytest.raises(ReviewError, match="does not pass the checker: '81.7%'"):
        reviews.decide("planted", "edit", "ann", edited_body=WRONG)
    assert reviews.decisions("planted") == []  # nothing stored
    ok = reviews.decide("planted", "edit", "ann", edited_body=RIGHT)
    assert ok.edited_body == RIGHT


def test_two_reviewers_at_once_both_stay_in_the_audit_log(reviews: Reviews) -> None:
    def decide(args: tuple[str, str]):
        return reviews.decide("planted", args[0], args[1])

    with ThreadPoolExecutor(2) as pool:
        made = list(pool.map(decide, [("confirm", "ann"), ("false_flag", "bob")]))
    log = reviews.decisions("planted")
    assert {(d.reviewer, d.decision) for d in log} == {("ann", "confirm"), ("bob", "false_flag")}
    later = max(made, key=lambda d: d.id)
    assert reviews.queue(include_decided=True)[0].decided == later.decision


def test_bad_decisions_are_refused(reviews: Reviews) -> None:
    with pytest.raises(ReviewError, match="no such text"):
        reviews.decide("nope", "confirm", "ann")
    with pytest.raises(ReviewError, match="say who is reviewing"):
        reviews.decide("planted", "confirm", " ")
    with pytest.raises(ReviewError, match="no flagged claim 9"):
        reviews.decide("planted", "confirm", "ann", claims=[9])


def test_the_review_cli(tmp_path: Path) -> None:
    out = tmp_path / "out"
    store = Store(f"sqlite:///{out / 'narrator.db'}")
    store.save_texts([planted()])
    store.close()
    where = ["--out", str(out)]
    listed = RUNNER.invoke(app, ["review", "list", "--json", *where])
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["text_id"] == "planted"
    shown = RUNNER.invoke(app, ["review", "show", "planted", *where])
    assert shown.exit_code == 0 and "81.7%" in shown.stdout and "fact:" in shown.stdout
    both = RUNNER.invoke(
        app, ["review", "decide", "planted", "--confirm", "--skip", "--reviewer", "a", *where]
    )
    assert both.exit_code == 2 and "exactly one of" in both.output
    wrong = tmp_path / "edit.txt"
    wrong.write_text(WRONG, encoding="utf-8")
    refused = RUNNER.invoke(
        app, ["review", "decide", "planted", "--edit-file", str(wrong), "--reviewer", "a", *where]
    )
    assert refused.exit_code == 2 and "does not pass the checker" in refused.output
    done = RUNNER.invoke(
        app, ["review", "decide", "planted", "--confirm", "--reviewer", "ann", *where]
    )
    assert done.exit_code == 0 and "confirm on planted by ann" in done.stdout
    target = tmp_path / "reviewed.jsonl"
    exported = RUNNER.invoke(app, ["review", "export", "--output", str(target), *where])
    assert exported.exit_code == 0 and "1 texts" in exported.stdout
    assert json.loads(target.read_text().splitlines()[0])["claims"][0]["label"] == "wrong"
    missing = RUNNER.invoke(app, ["review", "list", "--out", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no database here" in missing.output


def test_reviewed_claims_count_in_the_verifiers_dev_scores(reviews: Reviews, tmp_path) -> None:
    """A confirmed hallucination, exported, is scored with the held-out dev split (and never
    with test): the verifier is measured on the mistakes reviewers found."""
    from _bench import verifier_benchmark

    reviews.decide("planted", "confirm", "ann")
    bench = verifier_benchmark()
    heldout = tmp_path / "verifier" / "heldout"
    heldout.mkdir(parents=True)
    for split in ("dev", "test"):
        (heldout / f"{split}.jsonl").write_text("", encoding="utf-8")
    shutil.copy(bench.HELDOUT / "peers.csv", heldout)  # the peer lists the writers saw
    (heldout.parent / "reviewed.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in reviews.export()), encoding="utf-8"
    )
    bench.HELDOUT = heldout
    dev, sheets = bench.load_heldout("dev")
    assert [r["writer"] for r in dev] == ["review"]
    assert bench.load_heldout("test")[0] == []
    scored = bench.score_heldout(dev, sheets, Verifier())
    assert scored["wrong"]["reviewed"] >= 1
    assert scored["caught"]["reviewed"] == scored["wrong"]["reviewed"]


def test_an_approved_edit_replaces_the_text_in_the_next_report_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    made = RUNNER.invoke(app, ["generate", "-a", "Leicester", "--out", str(out)])
    assert made.exit_code == 0, made.output
    report = json.loads((out / "leicester" / "report.json").read_text())
    blurb = next(t for t in report["texts"] if t["chart_id"] == "user_satisfaction")
    reviews = Reviews(Store(f"sqlite:///{out / 'narrator.db'}"))
    reviews.decide(blurb["id"], "edit", "ann", edited_body=RIGHT)
    again = RUNNER.invoke(app, ["generate", "-a", "Leicester", "--out", str(out)])
    assert again.exit_code == 0, again.output
    report = json.loads((out / "leicester" / "report.json").read_text())
    edited = next(t for t in report["texts"] if t["id"] == blurb["id"])
    assert edited["status"] == "edited" and edited["body"] == RIGHT
    assert edited["verdict"]["outcome"] == "pass"
    page = (out / "leicester" / "report.html").read_text(encoding="utf-8")
    words = re.sub(r"<[^>]+>", "", page)  # figures carry provenance markup
    assert "Corrected by a reviewer" in words and "71.7% of people who use care" in words
    others = [t for t in report["texts"] if t["id"] != blurb["id"]]
    assert all(t["status"] != "edited" for t in others)
    assert reviews.store.get_text(blurb["id"]).body == blurb["body"]  # the original is kept
