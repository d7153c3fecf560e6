"""A scripted writer for tests and demos: replies come from a script, not a model.

The script maps a *target* to a reply or a list of replies (one per attempt, the last one
repeats): ``"<chart_id>"`` for a chart blurb, ``"section:<Section name>"`` for a section summary
and ``"overall"`` for the overall summary. Targets missing from the script get the offline
writer's text, so a test can plant one wrong sentence and leave the rest of the report honest.

>>> import asyncio
>>> w = ScriptedWriter({"op_need": ["Leicester is above England.", "fixed text"]})
>>> w.target_of("chart", "op_need", None)
'op_need'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from narrator.errors import BackendError
from narrator.llm.base import GenerationRequest, WriterReply
from narrator.llm.offline import OfflineWriter


class ScriptedWriter:
    name = "scripted"
    uses_prompts = False

    def __init__(
        self,
        script: Mapping[str, str | Sequence[str]] | None = None,
        *,
        script_file: str | Path | None = None,
        model: str = "scripted",
        **_: object,
    ) -> None:
        if script_file is not None:
            try:
                script = json.loads(Path(script_file).read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise BackendError(f"{script_file}: cannot read script: {exc}") from None
            if not isinstance(script, dict):
                raise BackendError(f"{script_file}: script must be a JSON object of target -> text")
        self.script: dict[str, list[str]] = {
            k: [v] if isinstance(v, str) else list(v) for k, v in (script or {}).items()
        }
        self.model = model
        self.calls: list[GenerationRequest] = []
        self._fallback = OfflineWriter()

    @staticmethod
    def target_of(kind: str, chart_id: str | None, section: str | None) -> str:
        if kind == "chart":
            return str(chart_id)
        return f"section:{section}" if kind == "section" else "overall"

    async def write(self, request: GenerationRequest) -> WriterReply:
        self.calls.append(request)
        target = self.target_of(request.kind, request.chart_id, request.section)
        replies = self.script.get(target)
        if not replies:
            reply = await self._fallback.write(request)
            return reply.model_copy(update={"model": self.model})
        text = replies[min(request.attempt, len(replies)) - 1]
        return WriterReply(text=text, model=self.model)
