"""The databases the store tests run on: a SQLite file always, PostgreSQL when
NARRATOR_TEST_PG_URL is set (``.ci/services.sh`` starts one)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

from narrator.store import Base
from narrator.store_schema import normalise_url

PG_URL = os.environ.get("NARRATOR_TEST_PG_URL", "")
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(
            not PG_URL,
            reason="NARRATOR_TEST_PG_URL is not set: PostgreSQL is not available here "
            "(source .ci/services.sh to start one)",
        ),
    ),
]


def empty(url: str) -> None:
    """Drop every narrator table and the migration marker."""
    engine = create_engine(normalise_url(url))
    Base.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
