"""Server start-up over many reports: time to first answer and memory, as a user runs it.

Starts ``narrator serve`` in its own process over a folder of generated reports (default: all
councils, generated offline into a temporary folder first, or ``--out`` an existing one) with an
empty vote database, so every text must be copied into it, and prints:

* seconds from launch until ``/healthz`` answers (target < 2 s);
* resident memory (RSS) at that moment, after a vote on the *last* report's overall summary (a
  text the background copy reaches last), after every report's tally was asked for once, and
  when the copy has finished (target < 200 MB throughout);
* how long the background copy of all texts took.

    python benchmarks/serve.py [--out outputs] [--authorities 0]

Loopback only. No assertion: a measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def generate(out: Path, authorities: int) -> None:
    """Offline reports for every council (or the first ``authorities``)."""
    cmd = ["narrator", "generate", "--out", str(out), "--no-cache"]
    if authorities:
        from narrator.catalog import load_catalog
        from narrator.data import load_dataset

        councils = load_dataset(chart_ids=load_catalog().ids).councils(synthetic=False)
        for council in councils[:authorities]:
            cmd += ["--authority", council.name]
    else:
        cmd.append("--all")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="an existing folder of reports (default: generate)")
    ap.add_argument("--authorities", type=int, default=0, help="when generating: first N (0: all)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="narrator-serve-") as tmp:
        out = args.out or Path(tmp) / "reports"
        if args.out is None:
            print("generating the reports offline first ...", flush=True)
            generate(out, args.authorities)
        slugs = sorted(p.parent.name for p in out.glob("*/report.json"))
        db = f"sqlite:///{Path(tmp) / 'votes.db'}"  # empty: every text must be copied
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, NARRATOR_VOTER_SECRET="bench-secret")
        started = time.perf_counter()
        proc = subprocess.Popen(
            ["narrator", "serve", "--out", str(out), "--db", db, "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.perf_counter() - started > 120:
                    raise SystemExit("the server did not start")
                time.sleep(0.02)
            ready = time.perf_counter() - started
            at_start = rss_mb(proc.pid)

            last = json.loads((out / slugs[-1] / "report.json").read_text())
            with httpx.Client(base_url=base, timeout=120) as client:
                t0 = time.perf_counter()
                r = client.post(
                    "/api/votes", json={"text_id": last["overall_text_id"], "vote": "accurate"}
                )
                first_vote = time.perf_counter() - t0
                after_vote = rss_mb(proc.pid)
                for slug in slugs:
                    client.get(f"/api/reports/{slug}/votes").raise_for_status()
                after_tallies = rss_mb(proc.pid)
            copied = time.perf_counter() - started
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    print(f"reports                   {len(slugs)} in {out if args.out else 'a fresh folder'}")
    print(f"ready (/healthz answers)  {ready:.2f} s after launch (target < 2 s)")
    print(
        f"first vote (last report)  HTTP {r.status_code} in {first_vote:.2f} s "
        f"(waits for the background copy of texts; copy done ~{copied:.1f} s after launch)"
    )
    print(
        f"memory (RSS)              {at_start:.0f} MB ready, {after_vote:.0f} MB after the vote, "
        f"{after_tallies:.0f} MB after every report's tallies (target < 200 MB)"
    )


if __name__ == "__main__":
    sys.exit(main())
