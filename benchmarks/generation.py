"""Generation throughput through the real HTTP path: pipeline -> OpenAIWriter -> stub server.

Runs every shipped council (or ``--authorities N``) against the OpenAI-compatible stub (in its
own process, as a real provider is; ``--in-process`` shares this one's GIL) with a
provider rate limit (default 600 requests/min, enforced by the stub with 429 + Retry-After) and
a per-call latency (default 50 ms); the writer's own token bucket is set to the same limit.
Prints:

* achieved throughput as a ratio of the limit (successful calls per minute / limit; target
  >= 0.9 with the default, automatic concurrency), and the 429s the stub had to send (target:
  few); and the concurrency Little's law chose from the limit and the observed latency;
* speed-up over a sequential loop (the same pipeline with one text at a time, timed on
  ``--sequential`` authorities, per text);
* calls on an unchanged re-run (same store; target 0);
* mean estimated prompt tokens per chart blurb (target <= 600; estimate of
  :func:`narrator.prompt_data.estimate_tokens`).

Run: python benchmarks/generation.py [--authorities 10] [--rpm 600] [--latency 0.05]
A full run (153 councils x 43 texts at 600/min) takes about 11 minutes: that is the limit.

Against a real OpenAI-compatible server instead of the stub (e.g. ``python -m llama_cpp.server``
with the bundled SmolLM2), for a verified pass rate::

    python benchmarks/generation.py --server http://127.0.0.1:8766/v1 --model smollm2 \
        --prompt-style word_facts --authority Leicester

No assertion: a measurement.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.generate import prompt_renderer_for
from narrator.llm.openai_backend import OpenAIWriter
from narrator.llm.stub_server import start_stub
from narrator.models import Authority
from narrator.pipeline import Pipeline
from narrator.prompts import estimate_tokens, load_prompt
from narrator.store import Store


async def run_all(pipeline: Pipeline, targets: list[Authority]) -> float:
    """Generate every target's report through the pipeline's report gate; returns seconds."""
    gate = pipeline.report_gate(len(targets))

    async def one(authority: Authority) -> None:
        async with gate:
            await pipeline.authority_report(authority)

    started = time.perf_counter()
    await asyncio.gather(*(one(a) for a in targets))
    return time.perf_counter() - started


class StubProcess:
    """The stub server in its own process (its own GIL, as a real provider would be), with the
    counters of :class:`~narrator.llm.stub_server.StubServer` read over HTTP."""

    def __init__(self, **behaviour: float) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        flags = [f"--{k.replace('_', '-')}={v}" for k, v in behaviour.items()]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "narrator.llm.stub_server", "--port", str(port), *flags],
            stdout=subprocess.DEVNULL,
        )
        self.base_url = f"http://127.0.0.1:{port}/v1"
        self._zero: Counter = Counter()
        deadline = time.monotonic() + 30
        while True:
            try:
                self._zero = self._read()
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise SystemExit("the stub server did not start") from None
                time.sleep(0.05)

    def _read(self) -> Counter:
        root = self.base_url.removesuffix("/v1")
        return Counter(httpx.get(f"{root}/stub/stats", timeout=5).json())

    @property
    def stats(self) -> Counter:
        now = self._read()
        now.subtract(self._zero)
        return now

    @property
    def calls(self) -> int:
        return self.stats["calls"]

    def reset(self) -> None:
        self._zero = self._read()

    def __enter__(self) -> StubProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def mean_blurb_tokens(pipeline: Pipeline, targets: list[Authority]) -> tuple[float, int]:
    template = load_prompt("chart_blurb")
    counts = []
    for authority in targets:
        for sheet in pipeline.facts.sheets_for(authority.code):
            system, user = template.render(kind="chart", authority=authority,
                                           fact_sheets=[sheet])
            counts.append(estimate_tokens(system) + estimate_tokens(user))
    return statistics.mean(counts), max(counts)


def server_run(args: argparse.Namespace, dataset, catalog) -> None:
    """One authority through a real server: how many texts passed the verifier first time,
    after repair, or fell back to the offline writer."""
    authority = dataset.authority(args.authority or "Leicester")
    writer = OpenAIWriter(model=args.model, base_url=args.server, timeout=300,
                          prompt_style=args.prompt_style or None)
    pipeline = Pipeline(dataset=dataset, catalog=catalog, writer=writer, concurrency=2,
                        prompt_renderer=prompt_renderer_for(writer))
    wall = asyncio.run(run_all(pipeline, [authority]))
    s = pipeline.stats
    print(f"{authority.name} via {args.server} ({args.model}, prompt style "
          f"{args.prompt_style or 'default'}): {s.texts} texts in {wall:.0f} s, "
          f"{s.writer_calls} calls")
    print(f"verified first time {s.verified}/{s.texts} = {s.verified / s.texts:.0%}; "
          f"repaired {s.repaired}; fallback {s.fallback}; published unverified 0")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", help="a real OpenAI-compatible base URL instead of the stub")
    parser.add_argument("--model", default="stub")
    parser.add_argument("--prompt-style", default="", help="word_facts for small models")
    parser.add_argument("--authority", default="", help="with --server (default Leicester)")
    parser.add_argument("--authorities", type=int, default=0, help="first N councils (0: all)")
    parser.add_argument("--rpm", type=float, default=600.0, help="provider limit, requests/min")
    parser.add_argument("--latency", type=float, default=0.05, help="stub latency per call, s")
    parser.add_argument("--concurrency", type=int, default=0,
                        help="texts in flight (0: automatic, by Little's law from --rpm)")
    parser.add_argument("--in-process", action="store_true",
                        help="run the stub in this process (shares the GIL with the client)")
    parser.add_argument("--sequential", type=int, default=1,
                        help="authorities timed one text at a time for the baseline")
    args = parser.parse_args()

    catalog = load_catalog()
    dataset = load_dataset(chart_ids=catalog.ids)
    if args.server:
        return server_run(args, dataset, catalog)
    targets = dataset.councils(synthetic=False)
    if args.authorities:
        targets = targets[: args.authorities]

    stub_cm = (
        start_stub(requests_per_minute=args.rpm, latency=args.latency)
        if args.in_process
        else StubProcess(requests_per_minute=args.rpm, latency=args.latency)
    )
    with tempfile.TemporaryDirectory() as tmp, stub_cm as stub:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")

        def pipeline(concurrency: int | None, with_store: bool) -> Pipeline:
            writer = OpenAIWriter(model="stub", base_url=stub.base_url,
                                  requests_per_minute=args.rpm)
            return Pipeline(dataset=dataset, catalog=catalog, writer=writer,
                            store=store if with_store else None, concurrency=concurrency,
                            prompt_renderer=prompt_renderer_for(writer))

        # sequential baseline: one text at a time, same limiter and stub, no cache
        seq_targets = targets[: max(1, args.sequential)]
        seq = pipeline(1, with_store=False)
        seq_s = asyncio.run(run_all(seq, seq_targets))
        seq_texts = seq.stats.texts
        stub.reset()

        # the batch: every target concurrently, at the limit
        main_run = pipeline(args.concurrency or None, with_store=True)
        cpu0 = time.process_time()
        wall = asyncio.run(run_all(main_run, targets))
        cpu = time.process_time() - cpu0
        ok, limited, calls = stub.stats["ok"], stub.stats["rate_limited"], stub.calls
        stats = main_run.stats

        # unchanged re-run: same store, new pipeline and writer
        before = stub.calls
        rerun = pipeline(args.concurrency or None, with_store=True)
        rerun_s = asyncio.run(run_all(rerun, targets))
        rerun_calls = stub.calls - before

        tokens_mean, tokens_max = mean_blurb_tokens(main_run, targets)

    achieved = ok / wall * 60
    per_text_seq = seq_s / max(1, seq_texts)
    per_text_conc = wall / max(1, stats.texts)
    print(f"authorities              {len(targets)} ({stats.texts} texts; "
          f"{stats.verified} verified, {stats.repaired} repaired, {stats.fallback} fallback)")
    print(f"limit / latency          {args.rpm:.0f} requests/min, {args.latency * 1000:.0f} ms")
    print(f"wall time                {wall:.1f} s for {calls} calls ({ok} ok, "
          f"{limited} answered 429 by the stub)")
    print(f"throughput               {achieved:.0f} calls/min = {achieved / args.rpm:.2f} "
          f"of the limit")
    print(f"client CPU               {cpu / max(1, calls) * 1000:.1f} ms per call "
          f"({cpu / wall:.0%} of one core: the event loop's own ceiling is "
          f"{calls / cpu * 60:.0f} calls/min)")
    sizing = main_run.sizing
    if sizing is not None and sizing.service is not None:
        print(f"concurrency (automatic)  {main_run.slot_size()} in flight at the end, from "
              f"{args.rpm:.0f}/min x {sizing.service * 1000:.0f} ms service time (Little's law)")
    else:
        print(f"concurrency (fixed)      {main_run.slot_size()} in flight")
    print(f"sequential loop          {per_text_seq * 1000:.0f} ms/text over {seq_texts} texts "
          f"-> speed-up x{per_text_seq / per_text_conc:.1f}")
    print(f"unchanged re-run         {rerun_calls} calls in {rerun_s:.1f} s "
          f"({rerun.stats.cached} of {rerun.stats.texts} texts from the cache)")
    print(f"prompt tokens per blurb  mean {tokens_mean:.0f}, max {tokens_max} (estimate)")


if __name__ == "__main__":
    main()
