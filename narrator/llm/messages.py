"""The two chat messages an LLM backend sends for a request.

The pipeline normally fills ``system_prompt`` / ``user_prompt`` with
:func:`narrator.prompts.render_request`. When it did not (or when a repair attempt added
verifier ``feedback`` after rendering), this module completes the messages so every LLM
backend behaves the same.
"""

from __future__ import annotations

from narrator.llm.base import GenerationRequest
from narrator.prompts import feedback_block, load_prompt, prompt_name_for

_FEEDBACK_NOTE = "Your last draft had these problems. Fix them, keeping to the facts:"


def chat_messages(request: GenerationRequest) -> tuple[str, str]:
    """``(system, user)`` for ``request``: its rendered prompts, or the latest templates'.

    Feedback of a repair attempt is appended to the user message when the rendered prompt
    does not already carry it.
    """
    system, user = request.system_prompt, request.user_prompt
    if not user:
        system, user = load_prompt(prompt_name_for(request.kind)).render_request(request)
    elif request.feedback and "<<<FEEDBACK" not in user:
        user = f"{user}\n\n{_FEEDBACK_NOTE}\n{feedback_block(request.feedback)}"
    return system, user
