"""The chat messages an LLM backend sends for a request.

The pipeline normally fills ``system_prompt`` / ``user_prompt`` with
:func:`narrator.prompts.render_request`. When it did not (or when a repair attempt added
verifier ``feedback`` after rendering), or when the writer uses another prompt *style* (small
models: ``word_facts``), this module completes the messages so every LLM backend behaves the
same.
"""

from __future__ import annotations

from narrator.llm.base import GenerationRequest
from narrator.prompts import feedback_block, load_prompt, prompt_name_for

_FEEDBACK_NOTE = "Your last draft had these problems. Fix them, keeping to the facts:"


def chat_messages(request: GenerationRequest, style: str | None = None) -> tuple[str, str]:
    """``(system, user)`` for ``request``: its rendered prompts when they are of the wanted
    style, else the latest templates' (``style="word_facts"``: that template for every kind).

    Feedback of a repair attempt is appended to the user message when the rendered prompt
    does not already carry it.
    """
    wanted = prompt_name_for(request.kind, style)
    system, user = request.system_prompt, request.user_prompt
    if not user or (style and request.prompt_name != wanted):
        system, user = load_prompt(wanted).render_request(request)
    elif request.feedback and "<<<FEEDBACK" not in user:
        user = f"{user}\n\n{_FEEDBACK_NOTE}\n{feedback_block(request.feedback)}"
    return system, user


def message_list(request: GenerationRequest, style: str | None = None) -> list[dict[str, str]]:
    """The full chat: system, the template's worked example (if any), user."""
    system, user = chat_messages(request, style)
    examples = (
        load_prompt(prompt_name_for(request.kind, style)).example_messages(request) if style else []
    )
    return [{"role": "system", "content": system}, *examples, {"role": "user", "content": user}]
