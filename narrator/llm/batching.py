"""``--batch-api``: the pipeline's requests go through the OpenAI Batch API (half price).

:class:`BatchingWriter` is a :class:`~narrator.llm.base.Writer` like any other, so the pipeline
does not change: every ``write`` call joins a queue, and once no new request has arrived for
``window`` seconds the queue is submitted as one batch (JSONL upload, create, poll, collect, see
:mod:`narrator.llm.batch`). The pipeline asks for all chart blurbs at once, then all section
summaries, then the overall summaries, so a run makes about three batches. Repair attempts are
few and need quick feedback: they use the synchronous API of the wrapped writer.
"""

from __future__ import annotations

import asyncio
import itertools

from narrator.llm.base import GenerationRequest, WriterReply
from narrator.llm.batch import BatchConfig, run_batch
from narrator.llm.openai_backend import OpenAIWriter


class BatchingWriter:
    """Queues first attempts and submits them together; see the module docstring."""

    uses_prompts = True

    def __init__(
        self,
        inner: OpenAIWriter,
        *,
        window: float = 0.5,
        poll_initial: float = 5.0,
        poll_max: float = 60.0,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.model = inner.model
        self.window = window
        base = BatchConfig.from_any(inner)
        self.config = BatchConfig(
            model=base.model,
            base_url=base.base_url,
            api_key=base.api_key,
            output_mode=base.output_mode,
            poll_initial=poll_initial,
            poll_max=poll_max,
        )
        self.batches_submitted = 0
        self._ids = itertools.count(1)
        self._pending: list[tuple[str, GenerationRequest, asyncio.Future[WriterReply]]] = []
        self._last_arrival = 0.0
        self._flusher: asyncio.Task[None] | None = None

    def __repr__(self) -> str:
        return f"BatchingWriter({self.inner!r})"

    async def write(self, request: GenerationRequest) -> WriterReply:
        if request.attempt > 1:
            return await self.inner.write(request)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[WriterReply] = loop.create_future()
        self._pending.append((f"req-{next(self._ids)}", request, future))
        self._last_arrival = loop.time()
        if self._flusher is None:
            self._flusher = asyncio.create_task(self._flush_when_quiet())
        return await future

    async def _flush_when_quiet(self) -> None:
        loop = asyncio.get_running_loop()
        while loop.time() - self._last_arrival < self.window:
            await asyncio.sleep(self.window)
        pending, self._pending, self._flusher = self._pending, [], None
        self.batches_submitted += 1
        try:
            results = await run_batch(self.config, [(key, req) for key, req, _ in pending])
        except Exception as exc:  # the whole batch failed: every request fails, none crash
            results = {key: exc for key, _, _ in pending}
        for key, _, future in pending:
            outcome = results[key]
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)
