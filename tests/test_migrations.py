"""Schema migrations (Alembic) on a real SQLite file and, when NARRATOR_TEST_PG_URL is set,
real PostgreSQL: from an empty database and from the last release before migrations."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
from _db import BACKENDS, PG_URL, empty
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from narrator import migrations
from narrator.store import Base, Store
from narrator.store_schema import normalise_url

OLD_TABLES = ("runs", "texts", "votes")  # the last release before migrations


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'm.db'}" if request.param == "sqlite" else PG_URL
    empty(url)
    yield url
    empty(url)


def test_an_empty_database_gets_exactly_the_declared_schema(url: str) -> None:
    store = Store(url)
    assert migrations.current(store.engine) == migrations.head() == "0003"
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    store.close()
    again = Store(url)  # opening it again changes nothing
    assert migrations.current(again.engine) == "0003"
    again.close()


def test_a_database_of_the_previous_release_is_upgraded_with_its_rows(url: str) -> None:
    engine = create_engine(normalise_url(url))
    Base.metadata.create_all(engine, tables=[Base.metadata.tables[t] for t in OLD_TABLES])
    with engine.begin() as conn:  # what the previous release wrote: a text and a vote on it
        conn.execute(
            text(
                "INSERT INTO texts (id, run_id, authority_code, kind, body, backend, model, "
                "prompt_version, status, prompt_tokens, completion_tokens, latency_ms, "
                "attempts, created_at) VALUES ('t1', 'r1', 'E06000016', 'chart', 'Body.', "
                "'offline', 'rules', 'offline/rules', 'verified', 0, 0, 0, 1, "
                "CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO votes (text_id, voter, vote, run_id, prompt_version, model, "
                "created_at, updated_at) VALUES ('t1', 'v1', 'accurate', 'r1', "
                "'offline/rules', 'rules', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    assert migrations.current(engine) is None
    engine.dispose()
    store = Store(url)
    assert migrations.current(store.engine) == "0003"
    assert {"calls", "eval_runs"} <= set(inspect(store.engine).get_table_names())
    assert store.tally("t1") == {"accurate": 1, "inaccurate": 0}
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    store.close()


def test_the_newest_revision_downgrades_and_upgrades_again(url: str) -> None:
    store = Store(url)
    from alembic import command

    cfg = migrations.config(store.engine)
    command.downgrade(cfg, "0001")
    assert "calls" not in inspect(store.engine).get_table_names()
    migrations.upgrade(store.engine)
    assert migrations.current(store.engine) == "0003"
    store.close()


def _open(url: str) -> str | None:
    store = Store(url)
    try:
        return migrations.current(store.engine)
    finally:
        store.close()


@pytest.mark.parametrize("pool", [ThreadPoolExecutor, ProcessPoolExecutor])
def test_stores_opening_a_new_database_at_once_all_get_it(url: str, pool) -> None:
    """Several stores opened together on an empty database (a server and a batch starting at
    once, or threads of one process): each migrates it or finds it migrated; none fails."""
    with pool(4) as workers:
        assert list(workers.map(_open, [url] * 4)) == ["0003"] * 4
