"""Prompt registry: which versions of each prompt exist and which one each label points to.

The versions are the template files ``prompts/<name>/v<N>.j2``; the labels live in one small
index file, ``prompts/index.yaml``::

    chart_blurb:
      labels: {production: v2, candidate: v3}

Generation uses the ``production`` version of every prompt unless told otherwise
(``--prompt chart_blurb@v3`` or ``--prompt chart_blurb@candidate``). ``narrator prompts
label`` moves a label (the index is rewritten atomically); ``list``, ``show`` and ``diff`` read.

A reference to a prompt version is ``NAME@REF`` where ``REF`` is a version (``v2``), a label
(``production``) or ``latest`` (the highest ``vN``).

>>> parse_ref("chart_blurb@candidate")
('chart_blurb', 'candidate')
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from narrator.errors import TemplateError
from narrator.paths import atomic_write_text
from narrator.paths import prompts_dir as default_prompts_dir

INDEX_FILE = "index.yaml"
DEFAULT_LABEL = "production"
_VERSION_RE = re.compile(r"^v\d+$")
_LABEL_RE = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


def parse_ref(ref: str) -> tuple[str, str]:
    """``"chart_blurb@v2"`` -> ``("chart_blurb", "v2")``; a bare name means its production
    version."""
    name, _, which = ref.partition("@")
    if not name.strip():
        raise TemplateError(f"{ref!r}: give a prompt as NAME or NAME@VERSION or NAME@LABEL")
    return name.strip(), which.strip() or DEFAULT_LABEL


@dataclass(frozen=True)
class PromptInfo:
    """One prompt: its versions (oldest first) and labels (label -> version)."""

    name: str
    versions: tuple[str, ...]
    labels: dict[str, str]


class Registry:
    """The prompts under one folder (``prompts/`` by default) and their labels."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = default_prompts_dir(root)
        self.index_path = self.root / INDEX_FILE

    # ---- reading --------------------------------------------------------------------------
    def names(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and any(p.glob("v*.j2")))

    def versions(self, name: str) -> tuple[str, ...]:
        folder = self.root / name
        if not folder.is_dir():
            known = ", ".join(self.names()) or "none"
            raise TemplateError(
                f"{folder}: no prompt template v*.j2 for {name!r} (prompts: {known})"
            )
        found = [p.stem for p in folder.glob("v*.j2") if _VERSION_RE.match(p.stem)]
        return tuple(sorted(found, key=lambda v: int(v[1:])))

    def labels(self, name: str) -> dict[str, str]:
        entry = self._index().get(name) or {}
        labels = entry.get("labels") if isinstance(entry, dict) else None
        if labels is not None and not isinstance(labels, dict):
            raise TemplateError(f"{self.index_path}: {name}.labels must be a mapping")
        return {str(k): str(v) for k, v in (labels or {}).items()}

    def info(self, name: str) -> PromptInfo:
        return PromptInfo(name, self.versions(name), self.labels(name))

    def resolve(self, name: str, ref: str = DEFAULT_LABEL) -> str:
        """The version a reference means: ``v2`` itself, a label's version, or ``latest``.
        A prompt with no ``production`` label uses its latest version."""
        versions = self.versions(name)
        if not versions:
            raise TemplateError(f"{self.root / name}: no prompt template v*.j2 for {name!r}")
        if ref == "latest":
            return versions[-1]
        if _VERSION_RE.match(ref):
            if ref not in versions:
                raise TemplateError(
                    f"{self.root / name}: no version {ref} of {name!r} (have {', '.join(versions)})"
                )
            return ref
        labels = self.labels(name)
        if ref in labels:
            version = labels[ref]
            if version not in versions:
                raise TemplateError(
                    f"{self.index_path}: label {ref!r} of {name!r} points to {version}, "
                    f"which has no template file"
                )
            return version
        if ref == DEFAULT_LABEL:
            return versions[-1]
        raise TemplateError(
            f"{self.index_path}: {name!r} has no label {ref!r} "
            f"(labels: {', '.join(sorted(labels)) or 'none'})"
        )

    def source(self, name: str, ref: str = DEFAULT_LABEL) -> str:
        version = self.resolve(name, ref)
        return (self.root / name / f"{version}.j2").read_text(encoding="utf-8")

    def diff(self, name: str, old: str, new: str) -> str:
        """A unified diff between two versions (or labels) of one prompt."""
        a, b = self.resolve(name, old), self.resolve(name, new)
        return "".join(
            difflib.unified_diff(
                self.source(name, a).splitlines(keepends=True),
                self.source(name, b).splitlines(keepends=True),
                fromfile=f"{name}/{a}.j2",
                tofile=f"{name}/{b}.j2",
            )
        )

    # ---- writing --------------------------------------------------------------------------
    def set_label(self, name: str, version: str, label: str) -> str | None:
        """Point ``label`` of ``name`` at ``version``; returns the version it pointed to."""
        if not _LABEL_RE.match(label):
            raise TemplateError(
                f"{label!r}: a label is lower-case letters, digits, '-' or '_' (e.g. candidate)"
            )
        if _VERSION_RE.match(label) or label == "latest":
            raise TemplateError(f"{label!r} names a version, not a label")
        version = self.resolve(name, version)  # a version or another label's version
        index = self._index()
        entry = index.setdefault(name, {})
        if not isinstance(entry, dict):
            raise TemplateError(f"{self.index_path}: the entry for {name!r} must be a mapping")
        labels = entry.setdefault("labels", {})
        before = labels.get(label)
        labels[label] = version
        text = "# Prompt labels (narrator prompts label NAME VERSION LABEL edits this file).\n"
        text += yaml.safe_dump(index, sort_keys=True)
        atomic_write_text(self.index_path, text)
        return before

    def _index(self) -> dict:
        if not self.index_path.exists():
            return {}
        try:
            raw = yaml.safe_load(self.index_path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise TemplateError(f"{self.index_path}: not valid YAML: {exc}") from exc
        if not isinstance(raw, dict):
            raise TemplateError(f"{self.index_path}: must map prompt names to their labels")
        return raw
