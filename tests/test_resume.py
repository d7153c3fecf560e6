"""A batch killed with SIGKILL resumes with the same command: nothing lost, nothing twice.

Real parts: the OpenAI-compatible stub server on 127.0.0.1, the `narrator` CLI in a child
process, the SQLite store file.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from narrator.llm.stub_server import start_stub


def count_texts(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as con:
            return con.execute("select count(*) from texts").fetchone()[0]
    except sqlite3.OperationalError:  # table not created yet
        return 0


def test_killed_batch_resumes_without_losing_or_repeating_work(tmp_path):
    out = tmp_path / "out"
    db = out / "narrator.db"
    with start_stub(latency=0.05) as stub:
        cmd = [
            sys.executable, "-m", "narrator", "generate", "-a", "Leicester", "-a", "Rutland",
            "--backend", "openai", "--base-url", stub.base_url, "--model", "stub",
            "--out", str(out), "--concurrency", "2", "--json",
        ]  # fmt: skip
        env = {**os.environ, "OPENAI_API_KEY": "sk-test-not-a-real-key"}
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while count_texts(db) < 15 and time.monotonic() < deadline:
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        child.wait()
        saved = count_texts(db)
        assert 15 <= saved < 86, "the kill must land mid-batch"
        calls_before = stub.calls

        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr[-2000:]
        summary = json.loads(done.stdout[done.stdout.index("{") :])
        counts = summary["counts"]
        # every text saved before the kill is reused, every other one is written exactly once
        assert counts["texts"] == 86
        assert counts["cached"] >= saved
        assert counts["writer_calls"] == stub.calls - calls_before
        assert count_texts(db) == 86
        for slug in ("leicester", "rutland"):
            report = json.loads((out / slug / "report.json").read_text())
            assert len(report["texts"]) == 43
        # and a third run makes no call at all
        again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
        assert json.loads(again.stdout[again.stdout.index("{") :])["counts"]["writer_calls"] == 0
        assert stub.calls == calls_before + counts["writer_calls"]
