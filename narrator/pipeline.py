"""Orchestrates a generation run: chart blurbs, then section summaries, then the overall summary.

Every text goes through the verifier. A text that fails is sent back to its writer with the
violations (up to ``max_repairs`` times); if it still fails, the offline writer's text is used and
marked ``fallback``; if even that fails, a number-free notice is published instead. No number is
published unverified.

Texts are saved to the store as soon as they are written, under a content-addressed cache key
(prompt version + backend + model + parameters + the fact sheets and child texts they were
written from). A re-run with unchanged inputs, or a resumed run after a crash, reuses them: no
text is generated twice and none is lost.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import secrets
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from narrator.catalog import Catalog
from narrator.concurrency import DEFAULT_CONCURRENCY, Gate, LittlesLaw
from narrator.costs import PriceTable, estimate_cost
from narrator.data import Dataset
from narrator.factrules import series_key
from narrator.facts import ABSOLUTE_UNITS, FactBuilder
from narrator.llm.base import (
    ChildText,
    GenerationParams,
    GenerationRequest,
    Writer,
    WriterReply,
)
from narrator.llm.offline import OfflineWriter
from narrator.models import (
    PEERS_CODE,
    PEERS_LABEL,
    Authority,
    ChartBlock,
    Draft,
    FactSheet,
    Report,
    SectionBlock,
    SeriesPoint,
    TextRecord,
    Verdict,
)
from narrator.paths import atomic_write_text
from narrator.verify import Verifier

SAFE_NOTICE = (
    "The written summary for this part could not be checked against the data, so it is not "
    "shown. The figures are in the chart and table."
)


class TextStore(Protocol):
    """What the pipeline needs from :class:`narrator.store.Store`."""

    def cached_text(self, cache_key: str) -> TextRecord | None: ...
    def save_texts(
        self, texts: list[TextRecord], params: dict | None = None, cache_key: str | None = None
    ) -> None: ...
    def save_calls(self, text_id: str, calls: list[dict]) -> None: ...
    def save_sheets(self, sheets: list[FactSheet]) -> None: ...
    def approved_edit(self, text_id: str) -> str | None: ...


@dataclass
class RunStats:
    """Counts for one run, shown at the end and stored with the run."""

    texts: int = 0
    cached: int = 0
    verified: int = 0
    repaired: int = 0
    fallback: int = 0
    failed: int = 0  # blocks where no text passed: the notice was published
    #: texts whose writer never answered (every call failed): the fallback wrote them
    unreached: int = 0
    first_error: str = ""
    writer_calls: int = 0
    #: failed writer calls among them, by kind (``narrator.llm.retry.fault_kind``)
    faults: Counter[str] = field(default_factory=Counter)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float = 0.0  # of the texts written in this run (cached texts cost nothing now)
    unpriced: int = 0  # texts whose model has no price in data/prices.yaml
    by_authority: dict[str, dict[str, float]] = field(default_factory=dict)

    def add(self, text: TextRecord, *, cached: bool, calls: int) -> None:
        self.texts += 1
        self.cached += cached
        self.writer_calls += calls
        if text.status in ("verified", "repaired", "fallback", "failed"):
            setattr(self, text.status, getattr(self, text.status) + 1)
        per = self.by_authority.setdefault(
            text.authority_code, {"texts": 0, "tokens": 0, "cost": 0.0}
        )
        per["texts"] += 1
        if cached:
            return
        if text.drafts and all(d.error for d in text.drafts):
            self.unreached += 1
            self.first_error = self.first_error or text.drafts[0].error
        self.prompt_tokens += text.prompt_tokens
        self.completion_tokens += text.completion_tokens
        per["tokens"] += text.prompt_tokens + text.completion_tokens
        if text.cost is None:
            self.unpriced += 1
        else:
            self.cost += text.cost
            per["cost"] += text.cost


@dataclass
class Pipeline:
    """One configured generator. ``prompt_renderer`` (from :mod:`narrator.prompts`) fills the
    prompts of LLM backends; the offline and scripted writers need none."""

    dataset: Dataset
    catalog: Catalog
    writer: Writer
    params: GenerationParams = field(default_factory=GenerationParams)
    store: TextStore | None = None
    run_id: str = field(default_factory=lambda: new_run_id())
    max_repairs: int = 2
    #: texts in flight; ``None``: sized by Little's law from the writer's request limit and
    #: the observed service time (8 when the writer has no request limit)
    concurrency: int | None = None
    prompt_renderer: Callable[[GenerationRequest], GenerationRequest] | None = None
    prices: PriceTable | None = None  # token prices for cost estimates (data/prices.yaml)
    batch_pricing: bool = False  # texts come through the Batch API (discounted)
    on_text: Callable[[TextRecord], None] | None = None
    stats: RunStats = field(default_factory=RunStats)

    def __post_init__(self) -> None:
        self.facts = FactBuilder(self.dataset, self.catalog)
        self.verifier = Verifier()  # one per run: caches each fact sheet's index
        self._fallback_writer = OfflineWriter()
        rate = getattr(getattr(self.writer, "limiter", None), "requests_per_second", None)
        #: sizes the gate when no fixed concurrency is given and the provider's rate is known
        self.sizing: LittlesLaw | None = (
            LittlesLaw(rate=rate) if self.concurrency is None and rate else None
        )
        self._slot_loop: asyncio.AbstractEventLoop | None = None
        self._slot_gate = Gate(self.slot_size)

    def slot_size(self) -> int:
        """Texts written at once right now."""
        if self.sizing is not None:
            return self.sizing.size()
        return self.concurrency or DEFAULT_CONCURRENCY

    @property
    def peak_in_flight(self) -> int:
        """The most texts written at once so far (on the last event loop used)."""
        return self._slot_gate.peak

    def report_gate(self, reports: int) -> Gate:
        """A gate for ``reports`` authority reports written together: enough at once to keep
        the text slots fed (each report starts with ~36 blurbs), one when there is one."""
        return Gate(lambda: max(1, self.slot_size() // 2) if reports > 1 else 1)

    def _slots(self) -> Gate:
        """The gate of the running event loop (a pipeline may serve several loops)."""
        loop = asyncio.get_running_loop()
        if self._slot_loop is not loop:
            self._slot_loop, self._slot_gate = loop, Gate(self.slot_size)
        return self._slot_gate

    # ---- one text ---------------------------------------------------------------------------
    def _request(self, kind, authority, sheets, section=None, children=()) -> GenerationRequest:
        request = GenerationRequest(
            kind=kind,
            authority=authority,
            fact_sheets=list(sheets),
            section=section,
            children=list(children),
            params=self.params,
            prompt_version=f"{self.writer.name}/{self.writer.model}",
        )
        return self.prompt_renderer(request) if self.prompt_renderer else request

    def cache_key(self, request: GenerationRequest) -> str:
        payload = {
            "backend": self.writer.name,
            "model": self.writer.model,
            "prompt": request.prompt_version,
            "params": request.params.model_dump(),
            "kind": request.kind,
            "section": request.section,
            "sheets": [s.content_hash() for s in request.fact_sheets],
            "children": [c.body for c in request.children],
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

    async def _text(self, request: GenerationRequest) -> TextRecord:
        key = self.cache_key(request)
        if self.store is not None and (hit := self.store.cached_text(key)) is not None:
            self.stats.add(hit, cached=True, calls=0)
            hit = self._reviewed(hit, request.fact_sheets)
            if self.on_text:
                self.on_text(hit)
            return hit
        sheets = request.fact_sheets
        async with self._slots():
            tokens = [0, 0]
            latency = 0.0
            http_attempts = 0
            body, status, verdict, model = "", "fallback", None, self.writer.model
            drafts: list[Draft] = []
            calls: list[dict] = []  # the call log (see narrator.store_schema.CallRow)
            current = request
            for attempt in range(1, self.max_repairs + 2):
                started = time.perf_counter()
                try:
                    reply = await self.writer.write(current)
                except Exception as exc:  # a backend failure must never crash the batch
                    http_attempts += getattr(exc, "attempts", 1)
                    self.stats.faults.update(getattr(exc, "faults", None) or {})
                    drafts.append(Draft(attempt=attempt, body="", error=_describe(exc)))
                    calls.append(
                        _call(self.writer, current, attempt, error=_describe(exc),
                              http_attempts=getattr(exc, "attempts", 1))
                    )  # fmt: skip
                    break
                if self.sizing is not None:  # service time per provider call, queue excluded
                    busy = time.perf_counter() - started - reply.queued_ms / 1000
                    self.sizing.observe(busy / max(1, reply.attempts))
                tokens[0] += reply.prompt_tokens
                tokens[1] += reply.completion_tokens
                latency += reply.latency_ms
                http_attempts += reply.attempts
                self.stats.faults.update(reply.faults)
                model = reply.model
                candidate = reply.text.strip()  # claim spans refer to exactly the published text
                verdict = self.verifier.verify(candidate, sheets)
                calls.append(_call(self.writer, current, attempt, reply, candidate, verdict))
                if candidate and verdict.outcome == "pass":
                    body, status = candidate, "verified" if attempt == 1 else "repaired"
                    break
                drafts.append(Draft(attempt=attempt, body=candidate, verdict=verdict))
                current = current.model_copy(
                    update={"feedback": self.verifier.feedback(verdict), "attempt": attempt + 1}
                )
                if self.prompt_renderer:  # the repair prompt carries the violations
                    current = self.prompt_renderer(current)
            prompt_version = request.prompt_version
            backend = self.writer.name
            if not body:
                body, verdict, call = await self._fallback(request, len(calls) + 1)
                calls.append(call)
                if verdict is None:  # no text passed: the notice is published with no verdict
                    status = "failed"
                # votes on this text judge the fallback writer, not the model that failed
                model = self._fallback_writer.model
                prompt_version = f"{self._fallback_writer.name}/{model}"
                if backend != self._fallback_writer.name:
                    backend = f"{backend}+{self._fallback_writer.name}"
        text = TextRecord(
            id=text_id(request, body),
            kind=request.kind,
            authority_code=request.authority.code,
            chart_id=request.chart_id,
            section=request.section,
            body=body,
            backend=backend,
            model=model,
            prompt_version=prompt_version,
            run_id=self.run_id,
            status=status,  # type: ignore[arg-type]
            verdict=verdict,
            drafts=drafts,
            fact_sheet=sheets[0] if request.kind == "chart" else None,
            fact_sheet_ids=[f"{s.authority.code}:{s.chart_id}" for s in sheets],
            prompt_tokens=tokens[0],
            completion_tokens=tokens[1],
            latency_ms=round(latency, 1),
            attempts=max(http_attempts, 1),
            cost=estimate_cost(
                model, tokens[0], tokens[1], batch=self.batch_pricing, prices=self.prices
            )
            if self.prices is not None
            else None,
        )
        if self.store is not None:
            self.store.save_texts([text], params=self.params.model_dump(), cache_key=key)
            if request.kind != "chart":  # the sheets a summary's call log refers to
                self.store.save_sheets(sheets)
            self.store.save_calls(text.id, [{**c, "run_id": self.run_id} for c in calls])
        self.stats.add(text, cached=False, calls=http_attempts)
        text = self._reviewed(text, sheets)
        if self.on_text:
            self.on_text(text)
        return text

    def _reviewed(self, text: TextRecord, sheets: list[FactSheet]) -> TextRecord:
        """The text with a reviewer's approved edit in its place (``narrator review decide
        --edit-file``), checked again against the same fact sheets and marked ``edited``; the
        text itself when there is none, or when the edit no longer passes (the data moved)."""
        edit = self.store.approved_edit(text.id) if self.store is not None else None
        if not edit:
            return text
        verdict = self.verifier.verify(edit, sheets)
        if verdict.outcome != "pass":
            return text
        return text.model_copy(update={"body": edit, "status": "edited", "verdict": verdict})

    async def _fallback(
        self, request: GenerationRequest, attempt: int
    ) -> tuple[str, Verdict | None, dict]:
        """The offline writer's text when it passes; else the notice, with no verdict (it was
        not verified, and its status ``failed`` says no checked text exists for this block).
        The third item is the fallback writer's call for the log, with its own verdict."""
        reply = await self._fallback_writer.write(request)
        verdict = self.verifier.verify(reply.text, request.fact_sheets)
        call = _call(self._fallback_writer, request, attempt, reply, reply.text, verdict)
        if verdict.outcome == "pass":
            return reply.text, verdict, call
        return SAFE_NOTICE, None, call

    # ---- one block (evals) ------------------------------------------------------------------
    async def item_text(
        self, authority: Authority, chart_id: str | None = None, section: str | None = None
    ) -> TextRecord:
        """One block of ``authority``'s report: a chart's blurb (``chart_id``), a section's
        summary (``section``) or, with neither, the overall summary; a summary is written from
        the texts of its charts (and sections), made first as in a report (the store's cache
        serves those already made)."""
        if chart_id is not None:
            sheet = self.facts.sheet(authority.code, chart_id)
            return await self._text(self._request("chart", authority, [sheet]))
        sheets = self.facts.sheets_for(authority.code)
        names = [section] if section is not None else [s.name for s in self.catalog.sections]
        summaries = []
        for name in names:
            own = [s for s in sheets if s.section == name]
            blurbs = await asyncio.gather(
                *(self._text(self._request("chart", authority, [s])) for s in own)
            )
            children = [_child(t) for t in blurbs]
            summaries.append(
                await self._text(self._request("section", authority, own, name, children))
            )
        if section is not None:
            return summaries[0]
        children = [_child(t) for t in summaries]
        return await self._text(self._request("overall", authority, sheets, None, children))

    # ---- one authority ----------------------------------------------------------------------
    async def authority_report(self, authority: Authority) -> Report:
        sheets = self.facts.sheets_for(authority.code)
        blurbs = await asyncio.gather(
            *(self._text(self._request("chart", authority, [s])) for s in sheets)
        )
        by_chart = {t.chart_id: t for t in blurbs}
        sections: list[SectionBlock] = []
        section_texts: list[TextRecord] = []
        summaries = []
        for info in self.catalog.sections:
            section_sheets = [s for s in sheets if s.section == info.name]
            children = [_child(by_chart[s.chart_id]) for s in section_sheets]
            summaries.append(
                self._text(self._request("section", authority, section_sheets, info.name, children))
            )
        section_texts = list(await asyncio.gather(*summaries))
        for info, summary in zip(self.catalog.sections, section_texts, strict=True):
            sections.append(
                SectionBlock(
                    name=info.name,
                    slug=info.slug,
                    about=info.about,
                    chart_ids=[c.id for c in self.catalog.charts_in(info.name)],
                    summary_text_id=summary.id,
                )
            )
        overall = await self._text(
            self._request("overall", authority, sheets, None, [_child(t) for t in section_texts])
        )
        texts = [*blurbs, *section_texts, overall]
        return Report(
            authority=authority,
            run_id=self.run_id,
            generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
            backend=self.writer.name,
            model=self.writer.model,
            sections=sections,
            charts=[self._chart_block(s, by_chart[s.chart_id]) for s in sheets],
            texts=texts,
            overall_text_id=overall.id,
            consistency=self.verifier.consistency(texts),
        )

    def _chart_block(self, sheet: FactSheet, text: TextRecord) -> ChartBlock:
        chart = self.catalog.chart(sheet.chart_id)
        codes = {sheet.authority.code}
        if (eng := self.dataset.england) is not None:
            codes.add(eng.code)
        if (region := self.dataset.region_of(sheet.authority)) is not None:
            codes.add(region.code)
        points = [
            SeriesPoint(
                authority_code=o.authority_code,
                authority_name=self.dataset.authorities[o.authority_code].name,
                measure=o.measure,
                breakdown=o.breakdown,
                period=o.period,
                value=o.value,
                unit=o.unit,
                denominator=o.denominator,
                suppressed=o.suppressed,
                source=o.source,
                plain=self.catalog.plain(o.measure, o.breakdown) or "",
            )
            for code in sorted(codes)
            for o in self.dataset.for_chart(code, sheet.chart_id)
        ]
        points += self._peer_points(sheet)
        return ChartBlock(chart=chart, status=sheet.status, text_id=text.id, points=points)

    def _peer_points(self, sheet: FactSheet) -> list[SeriesPoint]:
        """The similar councils' median (with their range) for every period of each of the
        council's own rates and shares, so charts can draw them beside England."""
        out = []
        subject = sheet.authority
        for o in self.dataset.for_chart(subject.code, sheet.chart_id):
            if o.unit in ABSOLUTE_UNITS or o.value is None or o.suppressed:
                continue  # totals depend on size: never summarised across councils
            found = self.facts.peer_median(sheet.chart_id, subject, series_key(o), o.period)
            if found is None:
                continue
            median, _cells, detail = found
            out.append(
                SeriesPoint(
                    authority_code=PEERS_CODE,
                    authority_name=PEERS_LABEL,
                    measure=o.measure,
                    breakdown=o.breakdown,
                    period=o.period,
                    value=median,
                    unit=o.unit,
                    denominator=o.denominator,
                    source=o.source,
                    plain=self.catalog.plain(o.measure, o.breakdown) or "",
                    of=int(detail["of"]),
                    low=float(detail["low"]),
                    high=float(detail["high"]),
                )
            )
        return out


def _describe(exc: BaseException) -> str:
    message = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {message}"[:300]


def _call(
    writer: Writer,
    request: GenerationRequest,
    attempt: int,
    reply: WriterReply | None = None,
    text: str | None = None,
    verdict: Verdict | None = None,
    error: str | None = None,
    http_attempts: int = 1,
) -> dict:
    """One row of the call log: what was sent, what came back, and its verdict. A summary's
    first call also keeps the child texts it was written from, in full, and its fact sheets
    by content hash (each sheet is stored once, in the store's ``fact_sheets`` table)."""
    summary_inputs = None
    if attempt == 1 and request.kind != "chart":
        summary_inputs = {
            "children": [c.model_dump(mode="json") for c in request.children],
            "fact_sheets": [s.content_hash() for s in request.fact_sheets],
        }
    messages = [
        {"role": "system", "content": request.system_prompt or ""},
        {"role": "user", "content": request.user_prompt or ""},
    ]
    return {
        "attempt": attempt,
        "backend": writer.name,
        "model": reply.model if reply is not None else writer.model,
        "prompt_version": request.prompt_version,
        "params_json": request.params.model_dump(mode="json"),
        "messages_json": messages,
        "inputs_json": summary_inputs,
        "raw_reply": (reply.raw or reply.text) if reply is not None else None,
        "reply_text": text,
        "error": error,
        "prompt_tokens": reply.prompt_tokens if reply is not None else 0,
        "completion_tokens": reply.completion_tokens if reply is not None else 0,
        "latency_ms": round(reply.latency_ms, 1) if reply is not None else 0.0,
        "http_attempts": reply.attempts if reply is not None else http_attempts,
        "verdict_json": verdict.model_dump(mode="json") if verdict is not None else None,
    }


def _child(text: TextRecord) -> ChildText:
    return ChildText(
        id=text.id, kind=text.kind, chart_id=text.chart_id, section=text.section, body=text.body
    )


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def text_id(request: GenerationRequest, body: str) -> str:
    """Stable id: authority, target and a hash of the text and how it was made."""
    target = request.chart_id or (request.section or "overall")
    digest = hashlib.sha256(
        f"{body}|{request.prompt_version}|{request.kind}|{target}".encode()
    ).hexdigest()[:10]
    slug = target.lower().replace(" ", "-")
    return f"{request.authority.code}-{request.kind}-{slug}-{digest}"


def write_report(
    report: Report,
    out_dir: Path,
    sources: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
) -> Path:
    """Write ``<out>/<slug>/report.json`` (and the HTML page) atomically; returns the folder.
    ``sources``: attribution line by source id; ``links``: the publisher's page by source id."""
    folder = out_dir / report.authority.slug
    if sources:
        report = report.model_copy(update={"sources": sources})
    if links:
        report = report.model_copy(update={"source_links": links})
    atomic_write_text(folder / "report.json", report.model_dump_json(indent=2))
    from narrator.report import render_report

    render_report(report, out_dir)
    return folder
