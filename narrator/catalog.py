"""The chart catalogue: every chart and section of a report, read from ``data/``.

``data/charts.yaml`` lists the charts (fields of :class:`narrator.models.Chart`) and
``data/sections.yaml`` the six sections with their "About this section" text and
``data/polarity.yaml`` which way is better for the measures that have a better way. All are
validated on load; any problem raises :class:`narrator.errors.DataError` with a one-line
message naming the file and the offending entry and field.

>>> catalog = load_catalog()
>>> catalog.chart("op_need").subsection
'Older people (65+)'
>>> [c.id for c in catalog.charts_in("finances")][:2]
['gross_expenditure', 'net_expenditure']
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError

from narrator import paths
from narrator.errors import DataError, NarratorError, UnknownChartError
from narrator.models import SECTIONS, Chart, Frozen

CHARTS_FILE = "charts.yaml"
SECTIONS_FILE = "sections.yaml"
POLARITY_FILE = "polarity.yaml"
WORDING_FILE = "wording.yaml"

Better = Literal["higher", "lower"]


class SectionInfo(Frozen):
    """One section (tab) of a report.

    >>> SectionInfo(name="Carers", slug="carers", about="About carers.").slug
    'carers'
    """

    name: str
    slug: str
    about: str


class Polarity(Frozen):
    """Which way is better for one measure (and breakdown), and what that rests on.

    >>> Polarity(measure="care jobs that are vacant", better="lower", why="vacancy rate").better
    'lower'
    """

    measure: str
    breakdown: str = ""
    better: Better
    why: str
    #: words that name the measure's opposite ("isolated" for carers with as much social
    #: contact as they want): "less isolated than England" means a higher share
    opposite: list[str] = []


class Wording(Frozen):
    """Plain words for one measure (and breakdown) in text for residents.

    >>> Wording(measure="average rank of small areas (LSOAs)", plain="average rank").plain
    'average rank'
    """

    measure: str
    breakdown: str = ""
    plain: str


class Catalog(Frozen):
    """All charts and sections, in report order. Build it with :func:`load_catalog`.

    >>> catalog = load_catalog()
    >>> "dtoc" in catalog.ids, catalog.section("CARERS").name
    (True, 'Carers')
    """

    charts: list[Chart]
    sections: list[SectionInfo]
    polarity: list[Polarity] = []
    wording: list[Wording] = []

    def better(self, measure: str, breakdown: str = "") -> Better | None:
        """Which way is better for a measure's breakdown (or the measure), ``None`` when
        neither is (population, requests, spending ...).

        >>> load_catalog().better("care jobs that are vacant"), load_catalog().better("residents")
        ('lower', None)
        """
        p = self.polarity_of(measure, breakdown)
        return p.better if p is not None else None

    def plain(self, measure: str, breakdown: str = "") -> str | None:
        """The plain words for a measure's breakdown (``data/wording.yaml``), if any.

        >>> load_catalog().plain("average rank of small areas (LSOAs)")
        'average deprivation rank of its neighbourhoods'
        """
        for w in self.wording:
            if (w.measure, w.breakdown) == (measure, breakdown or ""):
                return w.plain
        return None

    def polarity_of(self, measure: str, breakdown: str = "") -> Polarity | None:
        """The polarity entry of a measure's breakdown (or of the measure), if any."""
        for key in ((measure, breakdown or ""), (measure, "")):
            for p in self.polarity:
                if (p.measure, p.breakdown) == key:
                    return p
        return None

    @property
    def ids(self) -> frozenset[str]:
        """Every chart id of the catalogue."""
        return frozenset(c.id for c in self.charts)

    def chart(self, chart_id: str) -> Chart:
        """The chart with this id; raises ``UnknownChartError`` suggesting close ids.

        >>> load_catalog().chart("population").kind
        'line'
        """
        for c in self.charts:
            if c.id == chart_id:
                return c
        close = difflib.get_close_matches(chart_id, [c.id for c in self.charts], n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else "see data/charts.yaml for ids"
        raise UnknownChartError(f"unknown chart id {chart_id!r}; {hint}")

    def section(self, name_or_slug: str) -> SectionInfo:
        """The section with this name or slug (case-insensitive).

        >>> load_catalog().section("people-with-needs").name
        'People with needs'
        """
        key = name_or_slug.strip().casefold()
        for s in self.sections:
            if key in (s.name.casefold(), s.slug.casefold()):
                return s
        valid = ", ".join(f"{s.name!r} ({s.slug})" for s in self.sections)
        raise NarratorError(f"unknown section {name_or_slug!r}; valid sections: {valid}")

    def charts_in(self, section: str) -> list[Chart]:
        """The charts of one section (by name or slug), in report order.

        >>> [c.id for c in load_catalog().charts_in("Overview")][:2]
        ['population', 'density']
        """
        name = self.section(section).name
        return [c for c in self.charts if c.section == name]


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """Read and validate ``charts.yaml`` and ``sections.yaml`` from ``data_dir``.

    ``data_dir`` defaults to :func:`narrator.paths.data_dir`. Nothing is cached: keep the
    returned :class:`Catalog` and pass it on.

    >>> len(load_catalog().charts)
    36
    """
    base = Path(data_dir) if data_dir is not None else paths.data_dir()
    sections = _load_sections(base / SECTIONS_FILE)
    charts = _load_charts(base / CHARTS_FILE)
    polarity = _load_polarity(base / POLARITY_FILE)
    wording = _load_wording(base / WORDING_FILE)
    return Catalog(charts=charts, sections=sections, polarity=polarity, wording=wording)


def _read_entries(path: Path, key: str) -> list[Any]:
    """The list under ``key`` in a YAML file, or a ``DataError`` naming the file."""
    if not path.is_file():
        raise DataError("file not found", file=str(path))
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise DataError(f"YAML syntax error{where}: {problem}", file=str(path)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get(key), list):
        raise DataError(f"expected a top-level {key!r} list", file=str(path))
    return doc[key]


def _entry_label(kind: str, index: int, entry: Any) -> str:
    """'chart 'wa_need' (entry 6)' or 'chart entry 6' when there is no usable id/name."""
    ident = entry.get("id" if kind == "chart" else "name") if isinstance(entry, dict) else None
    if isinstance(ident, str):
        return f"{kind} {ident!r} (entry {index})"
    return f"{kind} entry {index}"


def _validate(model: type[Frozen], entry: Any, path: Path, label: str) -> Any:
    """``model.model_validate(entry)``, turning a ValidationError into a one-line DataError."""
    if not isinstance(entry, dict):
        raise DataError(f"{label} must be a mapping, got {type(entry).__name__}", file=str(path))
    try:
        return model.model_validate(entry)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "?"
        got = "" if err["type"] == "missing" else f" (got {err.get('input')!r})"
        raise DataError(f"{label}: {err['msg']}{got}", file=str(path), field=field) from None


def _load_sections(path: Path) -> list[SectionInfo]:
    sections: list[SectionInfo] = []
    for i, entry in enumerate(_read_entries(path, "sections"), start=1):
        label = _entry_label("section", i, entry)
        info: SectionInfo = _validate(SectionInfo, entry, path, label)
        if info.name not in SECTIONS:
            raise DataError(
                f"{label}: unknown section name; expected one of {', '.join(SECTIONS)}",
                file=str(path),
                field="name",
            )
        for prev in sections:
            if info.name == prev.name or info.slug == prev.slug:
                what = "name" if info.name == prev.name else "slug"
                raise DataError(f"{label}: duplicate {what}", file=str(path), field=what)
        sections.append(info)
    missing = [s for s in SECTIONS if s not in {x.name for x in sections}]
    if missing:
        raise DataError(f"missing section(s): {', '.join(missing)}", file=str(path))
    return sorted(sections, key=lambda s: SECTIONS.index(s.name))


def _load_charts(path: Path) -> list[Chart]:
    charts: list[Chart] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(_read_entries(path, "charts"), start=1):
        label = _entry_label("chart", i, entry)
        chart: Chart = _validate(Chart, entry, path, label)
        if chart.section not in SECTIONS:
            raise DataError(
                f"{label}: unknown section {chart.section!r}; "
                f"expected one of {', '.join(SECTIONS)}",
                file=str(path),
                field="section",
            )
        if chart.id in seen:
            raise DataError(
                f"{label}: duplicate chart id (first used by entry {seen[chart.id]})",
                file=str(path),
                field="id",
            )
        seen[chart.id] = i
        charts.append(chart)
    if not charts:
        raise DataError("no charts listed", file=str(path))
    return charts


def _load_polarity(path: Path) -> list[Polarity]:
    """Entries of ``polarity.yaml`` (none when a data folder has no such file)."""
    return _load_per_measure(path, "polarity", Polarity)


def _load_wording(path: Path) -> list[Wording]:
    """Entries of ``wording.yaml`` (none when a data folder has no such file)."""
    return _load_per_measure(path, "wording", Wording)


def _load_per_measure(path: Path, key: str, model: type[Any]) -> list[Any]:
    """Validated entries keyed by measure and breakdown (none when the file is absent); a
    measure and breakdown listed twice is an error naming the entry."""
    if not path.is_file():
        return []
    out: list[Any] = []
    for i, entry in enumerate(_read_entries(path, key), start=1):
        label = f"{key} entry {i}"
        item = _validate(model, entry, path, label)
        if any((p.measure, p.breakdown) == (item.measure, item.breakdown) for p in out):
            raise DataError(f"{label}: duplicate measure and breakdown", file=str(path))
        out.append(item)
    return out
