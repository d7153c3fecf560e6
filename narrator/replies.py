"""Structured replies of the LLM: pydantic models, their strict JSON schemas, and tolerant
parsing of a raw reply into the one plain text string the pipeline stores.

* chart blurbs ask for ``{"text": "..."}``;
* section and overall summaries ask for ``{"paragraphs": [{"title": ..., "text": ...}]}``,
  stored as ``"### Title\n<text>"`` paragraphs separated by a blank line.

Either shape is accepted for any kind; in plain-text mode raw prose is accepted as the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from narrator.models import TextKind


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextReply(_Reply):
    """``{"text": "..."}`` — a chart blurb."""

    text: str = Field(min_length=1)


class Paragraph(_Reply):
    title: str
    text: str = Field(min_length=1)


class ParagraphsReply(_Reply):
    """``{"paragraphs": [{"title": ..., "text": ...}]}`` — section and overall summaries."""

    paragraphs: list[Paragraph] = Field(min_length=1)


REPLY_MODELS: dict[str, type[_Reply]] = {"text": TextReply, "paragraphs": ParagraphsReply}
SCHEMA_FOR_KIND: dict[str, str] = {
    "chart": "text", "section": "paragraphs", "overall": "paragraphs",
}  # fmt: skip


class ReplyFormatError(ValueError):
    """A model reply that is neither valid JSON of the expected schema nor usable plain text."""


def json_schema_for(kind: TextKind | str) -> dict[str, Any]:
    """The strict JSON schema (OpenAI ``response_format: json_schema``) for a text kind.

    >>> json_schema_for("chart")["schema"]["required"]
    ['text']
    """
    schema_name = SCHEMA_FOR_KIND[kind]
    schema = REPLY_MODELS[schema_name].model_json_schema()
    _strip_titles(schema)
    return {"name": f"{kind}_reply", "strict": True, "schema": schema}


def _strip_titles(node: Any) -> None:
    """Drop pydantic's cosmetic ``title`` strings (a property *named* title maps to a dict)."""
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            del node["title"]
        for value in node.values():
            _strip_titles(value)
    elif isinstance(node, list):
        for value in node:
            _strip_titles(value)


_FENCE = re.compile(r"^```[a-zA-Z]*\s*|\s*```$")


def _first_json_object(raw: str) -> Any | None:
    """The first decodable JSON object in ``raw`` (tolerates prose and code fences around it)."""
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", raw):
        try:
            obj, _ = decoder.raw_decode(raw, match.start())
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            return obj
    return None


def paragraphs_to_text(paragraphs: Sequence[Paragraph]) -> str:
    """Join titled paragraphs into the one plain string the pipeline stores.

    Each paragraph becomes ``"### Title\\n<text>"``; paragraphs are separated by a blank line
    (a paragraph without a title is its text alone).
    """
    parts = [
        f"### {p.title.strip()}\n{p.text.strip()}" if p.title.strip() else p.text.strip()
        for p in paragraphs
    ]
    return "\n\n".join(parts)


def parse_reply(kind: TextKind | str, raw: str, *, allow_plain: bool = True) -> str:
    """Turn a model reply into the plain text of one block.

    Accepts ``{"text": ...}`` or ``{"paragraphs": [...]}`` for any kind, anywhere in ``raw``
    (prose or code fences around it are ignored). Without a JSON object and with
    ``allow_plain`` (plain-text mode), the stripped raw text itself is the answer.
    Raises :class:`ReplyFormatError` otherwise (the caller retries).

    >>> parse_reply("chart", '```json\\n{"text": "Leicester had 5."}\\n```')
    'Leicester had 5.'
    >>> parse_reply("section", '{"paragraphs": [{"title": "Carers", "text": "Few."}]}')
    '### Carers\\nFew.'
    """
    if kind not in SCHEMA_FOR_KIND:
        raise ValueError(f"unknown text kind {kind!r}")
    raw = (raw or "").strip()
    if not raw:
        raise ReplyFormatError("empty reply")
    obj = _first_json_object(raw)
    if obj is not None:
        errors: list[str] = []
        for model in (TextReply, ParagraphsReply):
            try:
                reply = model.model_validate(obj)
            except ValidationError as exc:
                errors.append(str(exc.errors()[0]["msg"]))
                continue
            if isinstance(reply, TextReply):
                return reply.text.strip()
            return paragraphs_to_text(reply.paragraphs)
        raise ReplyFormatError(f"reply JSON does not match the schema: {errors[0]}")
    if not allow_plain:
        raise ReplyFormatError("reply is not JSON")
    if raw.lstrip().startswith(("{", "[")):
        raise ReplyFormatError("reply looks like broken JSON")
    return _FENCE.sub("", raw).strip()
