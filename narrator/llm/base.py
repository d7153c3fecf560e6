"""The one small interface every text writer (LLM backend) implements.

A backend receives a :class:`GenerationRequest` (the fact sheets, the rendered prompt when the
backend needs one, generation parameters and, on a repair attempt, the verifier's feedback) and
returns a :class:`WriterReply`. The pipeline never imports a backend directly: it asks the
registry (:mod:`narrator.llm`) for one by name.
"""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from narrator.models import Authority, FactSheet, TextKind


class GenerationParams(BaseModel):
    """Model parameters; part of the cache key."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    temperature: float = 0.2
    max_tokens: int = 400
    seed: int | None = 7


class ChildText(BaseModel):
    """An already verified text a summary may draw on (a blurb for a section, a section summary
    for the overall summary)."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: TextKind
    chart_id: str | None = None
    section: str | None = None
    title: str = ""
    body: str


class GenerationRequest(BaseModel):
    """Everything a writer needs to produce one text."""

    model_config = ConfigDict(frozen=True)

    kind: TextKind
    authority: Authority
    fact_sheets: list[FactSheet]  # one for a chart blurb; all covered sheets for summaries
    section: str | None = None
    children: list[ChildText] = Field(default_factory=list)
    prompt_name: str = ""
    prompt_version: str = ""
    system_prompt: str = ""  # rendered by narrator.prompts for LLM backends
    user_prompt: str = ""
    params: GenerationParams = Field(default_factory=GenerationParams)
    feedback: list[str] = Field(default_factory=list)  # verifier violations on a repair attempt
    attempt: int = 1

    @property
    def chart_id(self) -> str | None:
        return self.fact_sheets[0].chart_id if self.kind == "chart" and self.fact_sheets else None


class WriterReply(BaseModel):
    """What a writer returns. ``text`` is the plain text to verify and publish."""

    model_config = ConfigDict(frozen=True)

    text: str
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: float = 0.0
    queued_ms: float = 0.0  # part of latency_ms spent waiting at the client's own rate limiter
    attempts: int = 1  # HTTP-level attempts (retries) behind this reply
    #: the failed attempts among them, by kind (:func:`narrator.llm.retry.fault_kind`)
    faults: dict[str, int] = Field(default_factory=dict)
    output_mode: Literal["json_schema", "json_object", "text", "none"] = "none"
    raw: str | None = None


@runtime_checkable
class Writer(Protocol):
    """A text writer. ``name`` is the backend name, ``model`` the model identifier stored with
    every text. A writer that works from the fact sheets alone (no prompt) sets the class
    attribute ``uses_prompts = False``; otherwise the pipeline fills ``system_prompt`` and
    ``user_prompt`` from the versioned templates in ``prompts/``."""

    name: str
    model: str

    async def write(self, request: GenerationRequest) -> WriterReply: ...
