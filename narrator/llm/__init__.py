"""Writer backends behind one interface, found by name.

Built-in backends are registered through the ``narrator.writers`` entry-point group in
``pyproject.toml`` (the same way a third-party package adds one); a small built-in table is used
as a fallback so a source checkout without installed metadata still works.

>>> from narrator.llm import available_writers
>>> "offline" in available_writers()
True
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

from narrator.errors import BackendError
from narrator.llm.base import GenerationParams, GenerationRequest, Writer, WriterReply

__all__ = [
    "GenerationParams",
    "GenerationRequest",
    "Writer",
    "WriterReply",
    "available_writers",
    "get_writer",
]

_BUILTIN: dict[str, str] = {
    "offline": "narrator.llm.offline:OfflineWriter",
    "scripted": "narrator.llm.scripted:ScriptedWriter",
    "openai": "narrator.llm.openai_backend:OpenAIWriter",
    "langchain": "narrator.llm.langchain_backend:LangChainWriter",
    "local": "narrator.llm.local:LocalWriter",
}


def available_writers() -> dict[str, str]:
    """Backend name -> ``module:Class`` for every registered backend."""
    found = dict(_BUILTIN)
    for ep in entry_points(group="narrator.writers"):
        found[ep.name] = ep.value
    return found


def get_writer(name: str, **config: Any) -> Writer:
    """Instantiate the backend ``name`` with keyword ``config``.

    Raises :class:`BackendError` with the list of known names for an unknown backend.
    """
    target = available_writers().get(name)
    if target is None:
        known = ", ".join(sorted(available_writers()))
        raise BackendError(f"unknown backend {name!r}; choose one of: {known}")
    module_name, _, class_name = target.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise BackendError(f"backend {name!r} is not usable here: {exc}") from exc
    return cls(**config)
