"""Eval runs (``narrator eval run``), the log of every writer call and the fact sheets the
logged summaries were written from (by content hash).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "eval_runs",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_name", sa.String(64), nullable=False),
        sa.Column("backend", sa.String(64), nullable=False),
        sa.Column("model", sa.String(128), nullable=False),
        sa.Column("result_json", sa.JSON(), nullable=False),
    )
    op.create_index("ix_eval_runs_set_name", "eval_runs", ["set_name"])
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("text_id", sa.String(200), nullable=False),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("backend", sa.String(64), nullable=False),
        sa.Column("model", sa.String(128), nullable=False),
        sa.Column("prompt_version", sa.String(64), nullable=False),
        sa.Column("params_json", sa.JSON(), nullable=False),
        sa.Column("messages_json", sa.JSON(), nullable=False),
        sa.Column("inputs_json", sa.JSON(), nullable=True),
        sa.Column("raw_reply", sa.Text(), nullable=True),
        sa.Column("reply_text", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("prompt_tokens", sa.Integer(), nullable=False),
        sa.Column("completion_tokens", sa.Integer(), nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.Column("http_attempts", sa.Integer(), nullable=False),
        sa.Column("verdict_json", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_calls_text_id", "calls", ["text_id"])
    op.create_index("ix_calls_run_id", "calls", ["run_id"])
    op.create_table(
        "fact_sheets",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("authority_code", sa.String(32), nullable=False),
        sa.Column("chart_id", sa.String(64), nullable=False),
        sa.Column("sheet_json", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("fact_sheets")
    op.drop_table("calls")
    op.drop_table("eval_runs")
