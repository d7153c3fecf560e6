"""Texts in flight follow the provider's request limit and observed latency (Little's law)."""

from __future__ import annotations

import asyncio

import pytest

from narrator.catalog import load_catalog
from narrator.concurrency import Gate, LittlesLaw
from narrator.data import load_dataset
from narrator.generate import prompt_renderer_for
from narrator.llm.openai_backend import OpenAIWriter
from narrator.llm.stub_server import start_stub
from narrator.pipeline import Pipeline


def test_littles_law_sizes_from_rate_and_service_time_within_bounds():
    law = LittlesLaw(rate=100.0, floor=2, ceiling=64)
    assert law.size() == 8  # nothing observed yet
    law.observe(0.2)
    assert law.size() == 30  # 100/s x 0.2 s x 1.5 headroom
    for _ in range(50):
        law.observe(2.0)  # a slow provider: the moving mean follows, the ceiling holds
    assert law.size() == 64
    for _ in range(50):
        law.observe(0.001)
    assert law.size() == 2  # the floor
    with pytest.raises(ValueError):
        LittlesLaw(rate=0)


def test_a_gate_admits_more_when_its_size_grows_and_never_more_than_its_size():
    size = [1]
    gate = Gate(lambda: size[0])
    inside = []

    async def worker(n: int) -> None:
        async with gate:
            inside.append(gate.in_use)
            await asyncio.sleep(0.01)

    async def run() -> None:
        tasks = [asyncio.create_task(worker(n)) for n in range(12)]
        await asyncio.sleep(0.035)  # a few go through one at a time
        size[0] = 4
        await asyncio.gather(*tasks)

    asyncio.run(run())
    assert len(inside) == 12
    assert max(inside) <= 4 and gate.peak == 4  # grew to the new size, never beyond it
    assert inside[:2] == [1, 1]  # while the size was 1, one at a time


def test_without_a_concurrency_setting_a_rate_limited_run_fills_the_pipe():
    """At 6,000 requests/min and 0.2 s per call Little's law wants ~25 in flight, so the run
    must go well beyond the fixed default of 8; with no rate limit it stays at 8."""
    catalog = load_catalog()
    dataset = load_dataset(chart_ids=catalog.ids)
    targets = [dataset.authority("Leicester"), dataset.authority("Nottingham")]
    with start_stub(latency=0.2) as stub:

        async def run(pipeline: Pipeline) -> None:
            gate = pipeline.report_gate(len(targets))

            async def one(authority) -> None:
                async with gate:
                    await pipeline.authority_report(authority)

            await asyncio.gather(*(one(a) for a in targets))

        def pipeline(rpm: float | None) -> Pipeline:
            writer = OpenAIWriter(model="stub", base_url=stub.base_url, requests_per_minute=rpm)
            return Pipeline(
                dataset=dataset,
                catalog=catalog,
                writer=writer,
                prompt_renderer=prompt_renderer_for(writer),
            )

        limited = pipeline(6000)
        asyncio.run(run(limited))
        assert limited.sizing is not None and limited.sizing.service is not None
        assert limited.sizing.service >= 0.2  # at least the stub's latency was observed
        assert limited.peak_in_flight > 12 and limited.slot_size() >= 20

        unlimited = pipeline(None)
        asyncio.run(run(unlimited))
        assert unlimited.sizing is None and unlimited.peak_in_flight == 8
