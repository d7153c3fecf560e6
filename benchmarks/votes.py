"""Vote benchmark: 10,000 concurrent votes against the real server, then an exact tally check.

Starts uvicorn in its own process on 127.0.0.1 (free port) with a temporary SQLite database
(or ``--db``) serving a generated Leicester report, fires all votes at once with
a lean keep-alive HTTP/1.1 client (``--concurrency`` connections, one vote in flight on each; many
anonymous voters, each with their own voter cookie signed with the server's key, as the server
would issue it; repeats and changed minds included; the per-client rate limits are lifted, since
every request comes from one address here), then
compares the tallies the API and the database report with the tallies expected from the last
vote of each voter.

    python benchmarks/votes.py [--requests 10000] [--voters 1000] [--concurrency 200]

Loopback only, bounded: nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from report_fixture import leicester_report  # noqa: E402

from narrator.guard import VoterIds  # noqa: E402
from narrator.report import render_index, render_report  # noqa: E402
from narrator.server import VOTER_COOKIE  # noqa: E402

SECRET = secrets.token_urlsafe(32)
from narrator.store import Store  # noqa: E402


def plan(text_ids: list[str], n_requests: int, n_voters: int, seed: int) -> list[tuple]:
    """(voter, text id, vote): repeats of the same vote and changed minds on purpose."""
    rng = random.Random(seed)
    ids = VoterIds(SECRET.encode())
    voters = [ids.issue() for _ in range(n_voters)]
    jobs: list[tuple[str, str, str]] = []
    while len(jobs) < n_requests:
        voter, text_id = rng.choice(voters), rng.choice(text_ids)
        vote = rng.choice(("accurate", "inaccurate"))
        jobs.append((voter, text_id, vote))
        roll = rng.random()
        if roll < 0.2 and len(jobs) < n_requests:  # a retry of the same request
            jobs.append((voter, text_id, vote))
        elif roll < 0.35 and len(jobs) < n_requests:  # a changed mind
            jobs.append((voter, text_id, "inaccurate" if vote == "accurate" else "accurate"))
    return jobs[:n_requests]


def expected_tallies(jobs: list[tuple[str, str, str]]) -> dict[str, Counter]:
    """Per text: the last vote of every voter, counted."""
    last: dict[tuple[str, str], str] = {}
    for voter, text_id, vote in jobs:
        last[(voter, text_id)] = vote
    out: dict[str, Counter] = {}
    for (_, text_id), vote in last.items():
        out.setdefault(text_id, Counter())[vote] += 1
    return out


retries: list[int] = []  # transport-level retries of the last run (reported)


class Connection:
    """One keep-alive HTTP/1.1 connection that sends a vote and reads the status.

    The load generator is written on bare asyncio streams (as wrk or hey are in C) so that it
    costs a fraction of the server it measures: httpx spent 2-3 ms of CPU per request on this
    machine, more than the server itself, and both share the same two cores.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post_vote(self, voter: str, text_id: str, vote: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        body = json.dumps({"text_id": text_id, "vote": vote}).encode()
        head = (
            f"POST /api/votes HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"Cookie: {VOTER_COOKIE}={voter}\r\n\r\n"
        )
        self.writer.write(head.encode() + body)
        headers = await self.reader.readuntil(b"\r\n\r\n")
        status = int(headers.split(b" ", 2)[1])
        length = 0
        for line in headers.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def fire(
    base: str, jobs: list[tuple[str, str, str]], concurrency: int, race: bool = False
) -> list[int]:
    """Send the votes over ``concurrency`` connections, each with one vote in flight; the
    votes of one voter on one text go in order (like one browser), or, with ``race``, all at
    once: the same voter changing its mind on the same text in flight concurrently."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    chains: dict[tuple, list[str]] = {}
    if race:
        chains = {(voter, text_id, i): [vote] for i, (voter, text_id, vote) in enumerate(jobs)}
    else:
        for voter, text_id, vote in jobs:
            chains.setdefault((voter, text_id), []).append(vote)
    statuses: list[int] = []
    retries.clear()
    queue: asyncio.Queue[tuple[tuple, list[str]]] = asyncio.Queue()
    for item in chains.items():
        queue.put_nowait(item)

    async def worker() -> None:
        conn = Connection(host, port)
        try:
            while not queue.empty():
                (voter, text_id, *_), votes = queue.get_nowait()
                for vote in votes:
                    statuses.append(await send(conn, voter, text_id, vote))
        finally:
            conn.close()

    async def send(conn: Connection, voter: str, text_id: str, vote: str) -> int:
        for attempt in range(1, 6):  # a vote is idempotent: retrying a lost request is safe
            try:
                return await conn.post_vote(voter, text_id, vote)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                conn.close()
                retries.append(attempt)
                await asyncio.sleep(0.05 * attempt)
        return 599

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return statuses


async def api_tallies(base: str, text_ids: list[str]) -> dict[str, dict[str, int]]:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        return {t: (await client.get(f"/api/texts/{t}/votes")).json() for t in text_ids}


SERVER = (
    "import sys, uvicorn; from pathlib import Path; from narrator.server import create_app; "
    "uvicorn.run(create_app(Path(sys.argv[1]), sys.argv[2], secret=sys.argv[4].encode(), "
    "votes_per_minute=10**9, voters_per_hour=10**9), host='127.0.0.1', "
    "port=int(sys.argv[3]), log_level='warning', access_log=False)"
)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(out: Path, db: str) -> tuple[subprocess.Popen, str]:
    """The real server in its own process (its own GIL), on a free loopback port."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(out), db, str(port), SECRET], cwd=ROOT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--voters", type=int, default=1_000)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    ap.add_argument(
        "--race",
        action="store_true",
        help="send every vote at once (one voter's changed minds race each other); the check is "
        "then one row per voter and text and API tallies equal to the database's",
    )
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="narrator-bench-") as tmp:
        out = Path(tmp)
        report = leicester_report()
        render_report(report, out)
        render_index([report], out)
        (out / "leicester" / "report.json").write_text(report.model_dump_json())
        db = args.db or f"sqlite:///{out / 'bench.db'}"
        if args.db:
            store = Store(db)
            held = len(store.votes())
            store.close()
            if held:
                raise SystemExit(
                    f"--db already holds {held} votes: the tally check needs an empty one"
                )
        text_ids = [t.id for t in report.texts]
        jobs = plan(text_ids, args.requests, args.voters, args.seed)
        expected = expected_tallies(jobs)
        proc, base = start_server(out, db)
        try:
            server_cpu, client_cpu = cpu_seconds(proc.pid), time.process_time()
            start = time.perf_counter()
            statuses = asyncio.run(fire(base, jobs, args.concurrency, args.race))
            elapsed = time.perf_counter() - start
            server_cpu = cpu_seconds(proc.pid) - server_cpu
            client_cpu = time.process_time() - client_cpu
            via_api = asyncio.run(api_tallies(base, text_ids))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        store = Store(db)
        via_db = store.tallies(text_ids)
        rows = len(store.votes())
        store.close()

    ok = Counter(statuses)
    print(
        f"requests: {len(statuses)} in {elapsed:.2f} s = {len(statuses) / elapsed:,.0f} req/s "
        f"(concurrency {args.concurrency}, {args.voters} voters, {len(text_ids)} texts)"
    )
    print(
        f"CPU per request: server {server_cpu / len(jobs) * 1000:.2f} ms (one core holds "
        f"{len(jobs) / max(server_cpu, 1e-9):,.0f} req/s), this client "
        f"{client_cpu / len(jobs) * 1000:.2f} ms, on {os.cpu_count()} cores shared by both"
    )
    print(f"status codes: {dict(ok)}; transport retries: {len(retries)}")
    mismatches = 0
    print(f"{'text id':44} {'expected':>17} {'api':>17} {'database':>17}")
    for t in text_ids:
        exp = {
            "accurate": expected.get(t, Counter())["accurate"],
            "inaccurate": expected.get(t, Counter())["inaccurate"],
        }
        if args.race:  # which of a voter's racing votes lands last is not fixed: totals are
            same = via_api[t] == via_db[t] and sum(via_db[t].values()) == sum(exp.values())
        else:
            same = exp == via_api[t] == via_db[t]
        mismatches += not same
        fmt = "{accurate:>7} / {inaccurate:<7}"
        print(
            f"{t:44} {fmt.format(**exp):>17} {fmt.format(**via_api[t]):>17} "
            f"{fmt.format(**via_db[t]):>17}{'' if same else '  MISMATCH'}"
        )
    distinct = sum(sum(c.values()) for c in expected.values())
    print(f"vote rows stored: {rows}; distinct (voter, text) pairs expected: {distinct}")
    good = mismatches == 0 and ok == Counter({200: len(jobs)}) and rows == distinct
    print("TALLIES EXACT" if good else f"TALLY CHECK FAILED ({mismatches} texts differ)")
    return 0 if good else 1


if __name__ == "__main__":
    raise SystemExit(main())
