"""Eval sets: named, versioned lists of report blocks to write and score.

A set is a YAML file in ``evals/sets/`` (or any path)::

    name: core
    version: 1
    description: a fast set for daily use
    items:
      - {authority: Leicester, chart: user_satisfaction}
      - {authority: Leicester, section: Carers}
      - {authority: Leicester, overall: true}
      - {authority: Kent, charts: all}        # every chart of the catalogue

Every authority, chart and section is checked against the data before anything is written.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from narrator.catalog import Catalog
from narrator.data import Dataset
from narrator.errors import NarratorError
from narrator.paths import PROJECT_ROOT


class EvalSetError(NarratorError):
    """An eval set file is missing or names something the data does not have."""


class EvalItem(BaseModel):
    """One block of one authority's report."""

    model_config = ConfigDict(frozen=True)

    authority_code: str
    authority_name: str
    chart_id: str | None = None
    section: str | None = None

    @property
    def kind(self) -> str:
        return "chart" if self.chart_id else "section" if self.section else "overall"

    @property
    def key(self) -> str:
        """Pairs the same block across runs: ``E06000016|chart|user_satisfaction``."""
        return f"{self.authority_code}|{self.kind}|{self.chart_id or self.section or ''}"


class EvalSet(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    version: int
    description: str = ""
    path: str
    items: tuple[EvalItem, ...]


def sets_dir() -> Path:
    return PROJECT_ROOT / "evals" / "sets"


def load_set(ref: str, dataset: Dataset, catalog: Catalog) -> EvalSet:
    """An eval set by name (``core`` -> ``evals/sets/core.yaml``) or by path."""
    path = Path(ref)
    if not path.suffix:
        path = sets_dir() / f"{ref}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in sets_dir().glob("*.yaml"))) or "none"
        raise EvalSetError(f"{path}: no such eval set (sets in evals/sets: {known})")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise EvalSetError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list) or not raw["items"]:
        raise EvalSetError(f"{path}: needs 'name', 'version' and a non-empty list of 'items'")
    sections = {s.name for s in catalog.sections}
    items: list[EvalItem] = []
    for n, entry in enumerate(raw["items"], 1):
        where = f"{path}, item {n}"
        if not isinstance(entry, dict) or "authority" not in entry:
            raise EvalSetError(f"{where}: each item needs an 'authority'")
        try:
            authority = dataset.authority(str(entry["authority"]))
        except NarratorError as exc:
            raise EvalSetError(f"{where}: {exc}") from None
        base = {"authority_code": authority.code, "authority_name": authority.name}
        if entry.get("charts") == "all":
            items += [EvalItem(**base, chart_id=c.id) for c in catalog.charts]
        elif "chart" in entry:
            if str(entry["chart"]) not in catalog.ids:
                raise EvalSetError(f"{where}: unknown chart {entry['chart']!r}")
            items.append(EvalItem(**base, chart_id=str(entry["chart"])))
        elif "section" in entry:
            if str(entry["section"]) not in sections:
                raise EvalSetError(
                    f"{where}: unknown section {entry['section']!r} "
                    f"(sections: {', '.join(sorted(sections))})"
                )
            items.append(EvalItem(**base, section=str(entry["section"])))
        elif entry.get("overall"):
            items.append(EvalItem(**base))
        else:
            raise EvalSetError(f"{where}: give one of chart, charts: all, section or overall")
    keys = [i.key for i in items]
    if len(set(keys)) != len(keys):
        raise EvalSetError(f"{path}: an item is listed twice")
    try:
        version = int(raw.get("version", 0))
    except (TypeError, ValueError):
        raise EvalSetError(f"{path}: 'version' must be a whole number") from None
    return EvalSet(
        name=str(raw.get("name") or path.stem),
        version=version,
        description=str(raw.get("description") or ""),
        path=str(path),
        items=tuple(items),
    )
