"""Versioned prompt templates (``prompts/<name>/<version>.j2``) and reply parsing.

File convention
---------------
A template file starts with YAML front matter between two ``---`` lines, then a Jinja2 body
holding exactly two blocks, ``{% block system %}`` and ``{% block user %}``; each block renders
to one chat message. Front-matter keys: ``name``, ``version``, ``description``,
``model_hints`` (mapping, advisory: temperature, max_tokens ...) and ``output_schema``
(``text`` -> ``{"text": "..."}``; ``paragraphs`` -> ``{"paragraphs": [{"title", "text"}]}``).

Data never reaches a template as raw text. :func:`data_block` serialises every label and value
as one JSON array per line (with ``<`` and ``>`` escaped, so a label cannot close the
``<<<DATA`` ... ``DATA>>>`` fence); the template only places that block and tells the model the
block is data, never instructions.

The version id stored with every text is ``f"{name}/{version}@{sha256(file bytes)[:12]}"``.

Token counts are an *estimate*: ``ceil(chars / 4)`` (see :func:`estimate_tokens`).
``tiktoken`` would download its BPE tables at run time, which this project cannot do.

>>> p = load_prompt("chart_blurb")
>>> p.name, p.version, p.version_id.startswith("chart_blurb/v1@")
('chart_blurb', 'v1', True)
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from narrator.errors import TemplateError
from narrator.llm.base import ChildText, GenerationRequest
from narrator.models import Authority, Fact, FactSheet, TextKind
from narrator.paths import prompts_dir as default_prompts_dir
from narrator.replies import (
    REPLY_MODELS,
    ReplyFormatError,
    json_schema_for,
    parse_reply,
)

__all__ = [
    "DATA_CLOSE",
    "DATA_OPEN",
    "PromptTemplate",
    "ReplyFormatError",
    "data_block",
    "estimate_tokens",
    "json_schema_for",
    "load_prompt",
    "parse_reply",
    "prompt_name_for",
    "render_request",
]

DATA_OPEN = "<<<DATA"
DATA_CLOSE = "DATA>>>"
#: Columns of one fact row inside the data block (a series header line gives the measure,
#: unit, "per" group and period shared by the rows under it).
FACT_COLUMNS: tuple[str, ...] = ("ref", "kind", "value", "vs", "dir", "hint")
#: Fact kinds a summary sees (blurbs see every kind, trimmed to the token budget).
SUMMARY_KINDS = frozenset({"value", "comparator_value", "direction", "no_data", "missing", "note",
                           "suppressed"})
#: Lower = more important. Facts are dropped from the highest level down to fit the budget.
_PRIORITY: dict[str, int] = {
    "value": 0, "no_data": 0, "missing": 0, "suppressed": 0, "note": 0,
    "comparator_value": 1, "direction": 1, "trend": 3, "difference": 3, "rank": 4, "share": 4,
    "count_estimate": 5, "quartile": 6, "ratio": 6,
}  # fmt: skip
_PROMPT_FOR_KIND: dict[str, str] = {
    "chart": "chart_blurb",
    "section": "section_summary",
    "overall": "overall_summary",
}


# --------------------------------------------------------------------------- data rendering
def _json_line(value: Any) -> str:
    """Compact JSON, with ``<`` ``>`` escaped so data can never close the data fence."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 4)


def fact_priority(fact: Fact) -> int:
    """How important a fact is for a short text (0 = always kept)."""
    level = _PRIORITY.get(fact.kind, 4)
    if fact.comparator == "region" and level == 1:
        level = 2
    return level


def _series_head(fact: Fact) -> dict[str, Any]:
    head: dict[str, Any] = {"measure": fact.measure}
    if fact.breakdown:
        head["breakdown"] = fact.breakdown
    head.update(unit=fact.unit, per=fact.denominator, period=fact.period)
    return head


def data_block(
    authority: Authority,
    sheets: Iterable[FactSheet],
    *,
    children: Iterable[ChildText] = (),
    max_level: int | None = None,
    kinds: frozenset[str] | None = None,
    section: str | None = None,
) -> str:
    """The fenced data block: a header, a line per sheet and per series, a row per fact, a line
    per child text. Every string is JSON-escaped (see :func:`_json_line`).

    Facts are grouped under a series line ``{"measure", "unit", "per", "period"}`` and shown
    as rows ``[ref, kind, value, vs, dir, hint]``; ``ref`` is a short local reference
    (``f1``, ``f2`` ...), not the fact id. ``kinds`` keeps facts of those kinds only and
    ``max_level`` those of :func:`fact_priority` at most ``max_level``.
    """
    lines = [DATA_OPEN, _json_line({"columns": list(FACT_COLUMNS)})]
    head: dict[str, Any] = {"authority": authority.name, "region": authority.region_name}
    if section:
        head["section"] = section
    lines.append(_json_line(head))
    ref = 0
    for sheet in sheets:
        info: dict[str, Any] = {"chart": sheet.chart_title, "status": sheet.status}
        if sheet.notes:
            info["notes"] = sheet.notes
        lines.append(_json_line(info))
        current: dict[str, Any] | None = None
        for fact in sheet.facts:
            if kinds is not None and fact.kind not in kinds:
                continue
            if max_level is not None and fact_priority(fact) > max_level:
                continue
            series = _series_head(fact)
            if fact.measure and (current is None or (series["measure"], series.get("breakdown"))
                                 != (current["measure"], current.get("breakdown"))):
                current = series
                lines.append(_json_line(current))
            ref += 1
            vs = fact.comparator_name or fact.comparator or None
            lines.append(_json_line([f"f{ref}", fact.kind, _num(fact.value), vs, fact.direction,
                                     fact.text_hint]))
    for child in children:
        lines.append(_json_line({"child": child.kind, "title": child.title or child.section or "",
                                 "text": child.body}))
    lines.append(DATA_CLOSE)
    return "\n".join(lines)


def feedback_block(feedback: Iterable[str]) -> str:
    """Verifier feedback of a repair attempt, fenced and escaped like the data."""
    items = [f for f in feedback if f]
    if not items:
        return ""
    return "\n".join(["<<<FEEDBACK", *(_json_line(f) for f in items), "FEEDBACK>>>"])


def estimate_tokens(text: str) -> int:
    """Approximate token count: ``ceil(len(text) / 4)``.

    An approximation (English prose is ~4 characters per token for GPT-4o-class tokenizers;
    JSON-heavy text is nearer 3, so this under-counts such text by up to a quarter).

    >>> estimate_tokens("abcdefgh"), estimate_tokens("")
    (2, 0)
    """
    return math.ceil(len(text) / 4)


# --------------------------------------------------------------------------- templates
@dataclass(frozen=True)
class PromptTemplate:
    """A loaded prompt template. ``render`` gives ``(system, user)`` messages."""

    name: str
    version: str
    version_id: str
    path: Path
    meta: dict[str, Any]
    _template: jinja2.Template = field(repr=False)

    @property
    def output_schema(self) -> str:
        return str(self.meta.get("output_schema", "text"))

    @property
    def model_hints(self) -> dict[str, Any]:
        return dict(self.meta.get("model_hints") or {})

    def render(
        self,
        *,
        kind: TextKind | str,
        authority: Authority,
        fact_sheets: Sequence[FactSheet],
        section: str | None = None,
        children: Sequence[ChildText] = (),
        feedback: Sequence[str] = (),
    ) -> tuple[str, str]:
        """Render the system and user messages for one text.

        Chart blurbs see every fact; when the prompt exceeds the template's
        ``model_hints.max_prompt_tokens`` the least important facts (see
        :func:`fact_priority`) are dropped level by level, never values, no-data notes or
        England comparisons. Summaries see only :data:`SUMMARY_KINDS`.
        """
        kinds = None if kind == "chart" else SUMMARY_KINDS
        budget = int(self.model_hints.get("max_prompt_tokens") or 0)
        statuses = {s.status for s in fact_sheets}
        context: dict[str, Any] = {
            "kind": kind,
            "feedback": feedback_block(feedback),
            "no_data": bool(fact_sheets) and statuses.isdisjoint({"ok"}),
            "schema": self.output_schema,
            "n_children": len(children),
        }
        levels = [None, *range(max(_PRIORITY.values()) - 1, 0, -1)] if budget else [None]
        for level in levels:
            context["data"] = data_block(authority, fact_sheets, children=children, kinds=kinds,
                                         max_level=level, section=section)
            system, user = self._render_blocks(context)
            if not budget or estimate_tokens(system) + estimate_tokens(user) <= budget:
                break
        return system, user

    def _render_blocks(self, context: dict[str, Any]) -> tuple[str, str]:
        try:
            ctx = self._template.new_context(context)
            system = "".join(self._template.blocks["system"](ctx)).strip()
            user = "".join(self._template.blocks["user"](ctx)).strip()
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{self.path}: cannot render: {exc}") from exc
        return system, user

    def render_request(self, request: GenerationRequest) -> tuple[str, str]:
        return self.render(kind=request.kind, authority=request.authority,
                           fact_sheets=request.fact_sheets, section=request.section,
                           children=request.children, feedback=request.feedback)


def _split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---\n"):
        raise TemplateError(f"{path}: line 1: missing YAML front matter (start with '---')")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise TemplateError(f"{path}: front matter is not closed by a '---' line")
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise TemplateError(f"{path}: bad front matter: {exc}") from exc
    if not isinstance(meta, dict):
        raise TemplateError(f"{path}: front matter must be a mapping")
    n_lines = text[: end + 5].count("\n")
    return meta, "\n" * n_lines + text[end + 5 :]  # keep body line numbers = file line numbers


def _resolve(name: str, version: str, root: Path) -> Path:
    folder = root / name
    if version != "latest":
        return folder / f"{version}.j2"
    found = sorted(folder.glob("v*.j2"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if not found:
        raise TemplateError(f"{folder}: no prompt template v*.j2 for {name!r}")
    return found[-1]


def load_prompt(name: str, version: str = "latest",
                prompts_dir: str | Path | None = None) -> PromptTemplate:
    """Load ``prompts/<name>/<version>.j2`` (``latest``: the highest ``vN``).

    Raises :class:`narrator.errors.TemplateError` naming the file (and the line, for a Jinja
    syntax error) when it is missing or broken.
    """
    path = _resolve(name, version, default_prompts_dir(prompts_dir))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read prompt template: {exc.strerror}") from exc
    meta, body = _split_front_matter(path, raw.decode("utf-8"))
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    try:
        template = env.from_string(body)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{path}, line {exc.lineno}: template syntax error: {exc.message}") \
            from exc
    for block in ("system", "user"):
        if block not in template.blocks:
            raise TemplateError(f"{path}: template has no {{% block {block} %}}")
    if meta.get("output_schema", "text") not in REPLY_MODELS:
        raise TemplateError(f"{path}: unknown output_schema {meta.get('output_schema')!r}")
    ver = str(meta.get("version") or path.stem)
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return PromptTemplate(name=name, version=ver, version_id=f"{name}/{ver}@{digest}",
                          path=path, meta=meta, _template=template)


def prompt_name_for(kind: TextKind | str) -> str:
    """Template name for a text kind (``chart`` -> ``chart_blurb`` ...)."""
    return _PROMPT_FOR_KIND[kind]


def render_request(request: GenerationRequest, template: PromptTemplate | None = None,
                   *, prompts_dir: str | Path | None = None) -> GenerationRequest:
    """A copy of ``request`` with prompt name, version id and both messages filled in.

    >>> # req = render_request(GenerationRequest(kind="chart", authority=a, fact_sheets=[s]))
    """
    template = template or load_prompt(prompt_name_for(request.kind), prompts_dir=prompts_dir)
    system, user = template.render_request(request)
    return request.model_copy(update={"prompt_name": template.name,
                                      "prompt_version": template.version_id,
                                      "system_prompt": system, "user_prompt": user})
