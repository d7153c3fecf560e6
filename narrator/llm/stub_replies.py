"""Reply content of the stub OpenAI server: a deterministic, *correct* text composed from the
fact rows (their computed ``hint``) and child texts in the prompt's ``<<<DATA`` block, in the
response format the request asked for, wrapped as a chat completion with usage numbers.
"""

from __future__ import annotations

import json
import time
from typing import Any

from narrator.prompts import DATA_CLOSE, DATA_OPEN, estimate_tokens


def data_lines(prompt: str) -> list[Any]:
    """The JSON values of the ``<<<DATA`` block of a prompt (empty without one)."""
    start = prompt.rfind(DATA_OPEN + "\n")  # the system message names the fence in prose
    end = prompt.find("\n" + DATA_CLOSE, start + 1)
    if start < 0 or end < 0:
        return []
    out = []
    for line in prompt[start + len(DATA_OPEN) : end].splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def compose(prompt: str) -> tuple[str, list[dict[str, str]]]:
    """A correct blurb (value, comparison and direction hints) and summary paragraphs (the
    child texts, else the blurb) for the prompt's data."""
    # fact rows are [kind, value, vs, dir, hint]; the hint may be left out to save tokens
    rows = [r for r in data_lines(prompt) if isinstance(r, list) and len(r) >= 5]
    children = [c for c in data_lines(prompt) if isinstance(c, dict) and "child" in c]
    key = [
        r[4]
        for r in rows
        if r[0]
        in ("value", "comparator_value", "direction", "no_data", "missing", "suppressed", "note")
        and r[4]
    ]
    hints = key or [r[4] for r in rows if r[4]]
    blurb = " ".join(hints[:5]) or "No data is available for this chart."
    paragraphs: list[dict[str, str]] = []
    for child in children:
        for title, text in _split_titled(str(child.get("title") or ""), str(child.get("text"))):
            paragraphs.append({"title": title, "text": text})
    return blurb, paragraphs or [{"title": "Summary", "text": blurb}]


def _split_titled(title: str, text: str) -> list[tuple[str, str]]:
    """``### Title`` paragraphs of a child summary, else one paragraph under ``title``."""
    if "### " not in text:
        return [(title, text)] if text.strip() else []
    out = []
    for chunk in text.split("### "):
        head, _, body = chunk.partition("\n")
        if body.strip():
            out.append((head.strip(), body.strip()))
    return out


def reply_content(body: dict[str, Any]) -> str:
    """The assistant message for a chat request, in the format it asked for."""
    messages = body.get("messages") or []
    prompt = "\n".join(str(m.get("content") or "") for m in messages)
    system = " ".join(str(m.get("content") or "") for m in messages if m.get("role") == "system")
    blurb, paragraphs = compose(prompt)
    fmt = (body.get("response_format") or {}).get("type", "text")
    wants_paragraphs = '"paragraphs"' in system
    if fmt == "json_schema":
        props = body["response_format"].get("json_schema", {}).get("schema", {})
        wants_paragraphs = "paragraphs" in (props.get("properties") or {})
    if fmt == "text":
        return "\n\n".join(p["text"] for p in paragraphs) if wants_paragraphs else blurb
    payload = {"paragraphs": paragraphs} if wants_paragraphs else {"text": blurb}
    return json.dumps(payload)


def completion(body: dict[str, Any], content: str, model: str, number: int) -> dict[str, Any]:
    prompt = "".join(str(m.get("content") or "") for m in body.get("messages") or [])
    p_tok, c_tok = estimate_tokens(prompt), estimate_tokens(content)
    return {
        "id": f"chatcmpl-stub-{number}", "object": "chat.completion", "created": int(time.time()),
        "model": body.get("model") or model,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": p_tok, "completion_tokens": c_tok,
                  "total_tokens": p_tok + c_tok},
    }  # fmt: skip


def error_body(status: int, message: str, kind: str = "invalid_request_error") -> tuple[int, dict]:
    return status, {"error": {"message": message, "type": kind, "code": status}}
