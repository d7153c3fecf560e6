"""The store against a real SQLite file and, when NARRATOR_TEST_PG_URL is set, real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from _db import BACKENDS, PG_URL, empty
from report_fixture import leicester_report

from narrator.errors import NarratorError
from narrator.store import Store, StoreError, UnknownTextError, normalise_url


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'sub' / 'narrator.db'}"
    else:
        url = PG_URL
        empty(url)  # start every test from empty tables (and no migration marker)
    st = Store(url)
    yield st
    st.close()


@pytest.fixture
def texts(store: Store) -> list[str]:
    report = leicester_report()
    store.save_texts(report.texts, params={"temperature": 0}, cache_key="k1")
    return [t.id for t in report.texts]


def test_sqlite_file_uses_wal(tmp_path: Path) -> None:
    st = Store(f"sqlite:///{tmp_path / 'a.db'}")
    with st.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    assert (tmp_path / "a.db").is_file()


def test_bad_url_is_a_user_error() -> None:
    with pytest.raises(StoreError, match="use sqlite"):
        Store("mysql://nope")
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"


def test_save_texts_upserts_and_round_trips(store: Store, texts: list[str]) -> None:
    report = leicester_report()
    original = report.text(texts[0])
    assert store.save_texts(report.texts) == len(texts)  # second save: same rows, no error
    got = store.get_text(texts[0])
    assert got is not None
    assert got.body == original.body and got.verdict == original.verdict
    assert got.prompt_version == "v1" and got.run_id == report.run_id
    changed = original.model_copy(update={"body": "New body", "status": "fallback"})
    store.save_texts([changed])
    again = store.get_text(texts[0])
    assert again is not None and again.body == "New body" and again.status == "fallback"
    assert len(store.texts_for_run(report.run_id)) == len(texts)
    assert store.get_text("missing") is None


def test_runs(store: Store) -> None:
    store.start_run("r1", {"backend": "offline"})
    store.finish_run("r1", {"texts": 18}, 0.25)
    run = store.get_run("r1")
    assert run is not None and run["counts"] == {"texts": 18} and run["cost"] == 0.25
    assert run["config"] == {"backend": "offline"} and run["finished_at"] is not None


def test_a_changed_mind_replaces_the_vote(store: Store, texts: list[str]) -> None:
    tid = texts[0]
    first = store.cast_vote(tid, "alice", "accurate")
    assert first.run_id == "run-fixture-1" and first.model == "fixture-model"
    assert first.prompt_version == "v1"
    assert store.tally(tid) == {"accurate": 1, "inaccurate": 0}
    second = store.cast_vote(tid, "alice", "inaccurate", "the rate is per 100k of 65+")
    assert second.vote == "inaccurate" and second.comment == "the rate is per 100k of 65+"
    assert second.created_at == first.created_at and second.updated_at >= first.updated_at
    assert store.tally(tid) == {"accurate": 0, "inaccurate": 1}
    assert len(store.votes(tid)) == 1


def test_retry_is_idempotent(store: Store, texts: list[str]) -> None:
    for _ in range(3):
        store.cast_vote(texts[1], "bob", "accurate")
    store.cast_vote(texts[1], "carol", "accurate")
    assert store.tally(texts[1]) == {"accurate": 2, "inaccurate": 0}
    assert [v.voter for v in store.votes(texts[1])] == ["bob", "carol"]


def test_unknown_text_is_rejected(store: Store, texts: list[str]) -> None:
    with pytest.raises(UnknownTextError, match="unknown text id 'nope'") as info:
        store.cast_vote("nope", "alice", "accurate")
    assert isinstance(info.value, NarratorError)
    assert store.votes() == []
    with pytest.raises(NarratorError, match="vote must be one of"):
        store.cast_vote(texts[0], "alice", "maybe")


def test_concurrent_votes_land_once(store: Store, texts: list[str]) -> None:
    """Many threads, repeated and changed votes: the final tally is exact."""
    jobs = [(texts[i % 3], f"v{i % 40}", "accurate" if i % 2 else "inaccurate") for i in range(400)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda job: store.cast_vote(*job), jobs))
    final: dict[tuple[str, str], str] = {}
    for tid, voter, vote in jobs:
        final[(tid, voter)] = vote
    for tid in texts[:3]:
        expected = {"accurate": 0, "inaccurate": 0}
        for (t, _), vote in final.items():
            if t == tid:
                expected[vote] += 1
        assert store.tally(tid) == expected


def test_tallies_votes_of_and_by_prompt_version(store: Store, texts: list[str]) -> None:
    store.cast_vote(texts[0], "a1", "accurate")
    store.cast_vote(texts[0], "a2", "inaccurate")
    store.cast_vote(texts[2], "a1", "inaccurate")
    tallies = store.tallies(texts[:3])
    assert tallies[texts[1]] == {"accurate": 0, "inaccurate": 0}
    assert tallies[texts[0]] == {"accurate": 1, "inaccurate": 1}
    assert store.votes_of("a1", texts) == {texts[0]: "accurate", texts[2]: "inaccurate"}
    assert store.votes_by_prompt_version() == {"v1": {"accurate": 1, "inaccurate": 2}}


def test_cache_key_survives_a_later_save_without_one(store: Store) -> None:
    """The server re-registers report.json texts; the pipeline's cache entry must survive."""
    text = leicester_report().texts[0]
    store.save_texts([text], params={"temperature": 0.2}, cache_key="key-1")
    store.save_texts([text])  # as the server does on startup
    hit = store.cached_text("key-1")
    assert hit is not None and hit == text  # the whole record, verdict included
    assert store.cached_text("key-2") is None


def test_a_database_older_than_migrations_gets_its_missing_columns(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "old.db"
    Store(f"sqlite:///{db}").close()
    with sqlite3.connect(db) as conn:  # a release before record_json and before migrations
        conn.execute("ALTER TABLE texts DROP COLUMN record_json")
        for table in ("alembic_version", "calls", "eval_runs", "fact_sheets", "review_decisions"):
            conn.execute(f"DROP TABLE {table}")
    st = Store(f"sqlite:///{db}")
    text = leicester_report().texts[0]
    st.save_texts([text], cache_key="k")
    assert st.cached_text("k") == text


@pytest.mark.parametrize(
    "url",
    ["postgresql+psycopg://bob:hunter2@127.0.0.1:1/nope", "mysql://bob:hunter2@127.0.0.1:1/nope"],
)
def test_a_database_password_never_appears_in_an_error(url):

    with pytest.raises(StoreError) as info:
        Store(url)
    assert "hunter2" not in str(info.value) and "bob:***@" in str(info.value)
