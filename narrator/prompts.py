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

Token counts are an *estimate* (words + punctuation marks, see
:func:`narrator.prompt_data.estimate_tokens`): ``tiktoken`` would download its BPE tables at
run time, which this project cannot do.

>>> p = load_prompt("chart_blurb")
>>> p.name, p.version, p.version_id.startswith("chart_blurb/v1@")
('chart_blurb', 'v1', True)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from narrator.errors import TemplateError
from narrator.llm.base import ChildText, GenerationRequest
from narrator.models import Authority, FactSheet, TextKind
from narrator.paths import prompts_dir as default_prompts_dir
from narrator.prompt_data import (
    DATA_CLOSE,
    DATA_OPEN,
    STEPS,
    data_block,
    estimate_tokens,
    feedback_block,
    json_line,
    key_sentences,
    main_unit,
)
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
    "feedback_block",
    "json_schema_for",
    "load_prompt",
    "parse_reply",
    "prompt_name_for",
    "render_request",
]

#: Fact kinds a summary sees (blurbs see every kind, trimmed to the token budget).
SUMMARY_KINDS = frozenset(
    {"value", "comparator_value", "direction", "no_data", "missing", "note", "suppressed"}
)
#: First detail step (see :data:`narrator.prompt_data.STEPS`) tried per text kind.
_FIRST_STEP = {"chart": 0, "section": 4, "overall": 5}
_PROMPT_STYLES = {"word_facts": "word_facts"}  # style -> template used for every kind
_PROMPT_FOR_KIND: dict[str, str] = {
    "chart": "chart_blurb",
    "section": "section_summary",
    "overall": "overall_summary",
}


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

        The data block starts at full detail for chart blurbs (summaries: key facts only) and
        is made more compact step by step (:data:`narrator.prompt_data.STEPS`) until the
        prompt fits ``model_hints.max_prompt_tokens`` (estimated by :func:`estimate_tokens`).
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
            "sentences": [
                json_line(s)
                for s in key_sentences(
                    fact_sheets,
                    children,
                    max_series=int(self.model_hints.get("sentence_series", 2)),
                )
            ],
            "unit": main_unit(fact_sheets),
            "authority_name": authority.name,
        }
        steps = STEPS[_FIRST_STEP.get(str(kind), 0) :] if budget else STEPS[:1]
        for step in steps:
            context["data"] = data_block(
                authority, fact_sheets, children=children, kinds=kinds, step=step, section=section
            )
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

    def example_messages(self, request: GenerationRequest) -> list[dict[str, str]]:
        """A worked example as a user/assistant turn pair, for templates that define
        ``{% block example_user %}`` and ``{% block example_assistant %}`` (else ``[]``).
        Small models copy the shape of an example far better than they follow rules."""
        if "example_user" not in self._template.blocks:
            return []
        context = {"kind": request.kind, "unit": main_unit(request.fact_sheets)}
        try:
            ctx = self._template.new_context(context)
            user = "".join(self._template.blocks["example_user"](ctx)).strip()
            ctx = self._template.new_context(context)
            answer = "".join(self._template.blocks["example_assistant"](ctx)).strip()
        except (jinja2.TemplateError, KeyError) as exc:
            raise TemplateError(f"{self.path}: cannot render the example: {exc}") from exc
        return [{"role": "user", "content": user}, {"role": "assistant", "content": answer}]

    def render_request(self, request: GenerationRequest) -> tuple[str, str]:
        return self.render(
            kind=request.kind,
            authority=request.authority,
            fact_sheets=request.fact_sheets,
            section=request.section,
            children=request.children,
            feedback=request.feedback,
        )


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
    """The template file of a version, a label (``production``, ``candidate``: see
    :mod:`narrator.registry`) or ``latest``."""
    if re.fullmatch(r"v\d+", version):
        return root / name / f"{version}.j2"
    from narrator.registry import Registry

    return root / name / f"{Registry(root).resolve(name, version)}.j2"


def load_prompt(
    name: str, version: str = "production", prompts_dir: str | Path | None = None
) -> PromptTemplate:
    """Load ``prompts/<name>/<version>.j2``: ``version`` is ``vN``, a label of
    ``prompts/index.yaml`` (``production``, the default) or ``latest`` (the highest ``vN``).

    Raises :class:`narrator.errors.TemplateError` naming the file (and the line, for a Jinja
    syntax error) when it is missing or broken.
    """
    path = _resolve(name, version, default_prompts_dir(prompts_dir))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read prompt template: {exc.strerror}") from exc
    meta, body = _split_front_matter(path, raw.decode("utf-8"))
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    try:
        template = env.from_string(body)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{path}, line {exc.lineno}: template syntax error: {exc.message}"
        ) from exc
    for block in ("system", "user"):
        if block not in template.blocks:
            raise TemplateError(f"{path}: template has no {{% block {block} %}}")
    if meta.get("output_schema", "text") not in REPLY_MODELS:
        raise TemplateError(f"{path}: unknown output_schema {meta.get('output_schema')!r}")
    ver = str(meta.get("version") or path.stem)
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return PromptTemplate(
        name=name,
        version=ver,
        version_id=f"{name}/{ver}@{digest}",
        path=path,
        meta=meta,
        _template=template,
    )


def prompt_name_for(kind: TextKind | str, style: str | None = None) -> str:
    """Template name for a text kind (``chart`` -> ``chart_blurb`` ...). ``style="word_facts"``
    (small local models) uses the one ``word_facts`` template for every kind."""
    return _PROMPT_STYLES.get(style or "", "") or _PROMPT_FOR_KIND[kind]


def render_request(
    request: GenerationRequest,
    template: PromptTemplate | None = None,
    *,
    prompts_dir: str | Path | None = None,
) -> GenerationRequest:
    """A copy of ``request`` with prompt name, version id and both messages filled in.

    >>> # req = render_request(GenerationRequest(kind="chart", authority=a, fact_sheets=[s]))
    """
    template = template or load_prompt(prompt_name_for(request.kind), prompts_dir=prompts_dir)
    system, user = template.render_request(request)
    return request.model_copy(
        update={
            "prompt_name": template.name,
            "prompt_version": template.version_id,
            "system_prompt": system,
            "user_prompt": user,
        }
    )
