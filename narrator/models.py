"""Core typed models shared by every module (the vocabulary of the data flow).

data -> facts -> prompts -> llm -> verify -> store -> report / server -> evals

Every boundary passes one of these pydantic models, never a bare dict.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

AuthorityKind = Literal["council", "region", "england"]
SECTIONS: tuple[str, ...] = (
    "Overview",
    "People with needs",
    "Carers",
    "Care providers",
    "Quality improvement",
    "Finances",
)

#: Units a value may carry. Denominators (who a rate is "per 100,000" of) are kept apart in
#: ``Observation.denominator`` and are part of the comparable key.
UNITS: tuple[str, ...] = (
    "count",  # number of people, requests, providers ...
    "per_100k",  # rate per 100,000 of ``denominator``
    "percent",  # 0-100
    "gbp_thousands",  # money in thousands of pounds
    "gbp_thousands_per_100k",  # money in £000 per 100,000 of ``denominator``
    "days",
    "decile",  # 1 = most deprived
    "rank",  # IMD average rank: higher = more deprived (most deprived small area = 32,844)
    "score",
    "per_km2",
    "category",  # text category (e.g. a CQC rating) held in Observation.category
)
ObservationStatus = Literal["reported", "missing", "not_applicable"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Authority(Frozen):
    """A council, a region or England (comparators are authorities of their own)."""

    code: str
    name: str
    kind: AuthorityKind = "council"
    region_code: str = ""
    region_name: str = ""
    synthetic: bool = False

    @property
    def slug(self) -> str:
        from narrator.text import slugify

        return slugify(self.name)


class SourceRef(Frozen):
    """Where one value came from: enough to find the cell again in the published table."""

    source: str  # source id, see data/sources.yaml
    table: str = ""  # sheet / table name, e.g. "Table_1D" or "T12"
    cell: str = ""  # locator inside the table, e.g. "row 134, col '2023-24 - outcome'"
    authority_code: str
    measure: str
    breakdown: str = ""
    period: str
    value: float | None = None


class Observation(Frozen):
    """One row of the tidy long table in ``data/observations.csv``."""

    authority_code: str
    chart_id: str
    measure: str
    breakdown: str = ""
    period: str  # as published: "2023-24", "2024", "2021"
    period_end: int  # sortable year the period ends in (2023-24 -> 2024)
    value: float | None = None
    unit: str
    denominator: str = ""  # "residents", "adults aged 65+", "carers surveyed", ...
    suppressed: bool = False  # True: value withheld, or a binned upper bound (1-5 shown as 5)
    status: ObservationStatus = "reported"
    source: str
    table: str = ""
    cell: str = ""
    note: str = ""

    @cached_property
    def ref(self) -> SourceRef:
        """The provenance of this value (built once per observation)."""
        return SourceRef(
            source=self.source,
            table=self.table,
            cell=self.cell,
            authority_code=self.authority_code,
            measure=self.measure,
            breakdown=self.breakdown,
            period=self.period,
            value=self.value,
        )


ChartAvailability = Literal["la", "regional", "no_la_data", "discontinued"]


class Chart(Frozen):
    """A chart of the catalogue (``data/charts.yaml``)."""

    id: str
    section: str
    subsection: str = ""
    title: str
    measures: list[str] = Field(default_factory=list)  # descriptive, as in the spec
    unit: str = ""
    comparators: list[str] = Field(default_factory=lambda: ["england"])
    source: str = ""  # human-readable source line
    notes: list[str] = Field(default_factory=list)
    availability: ChartAvailability = "la"
    kind: Literal["bar", "line", "grouped_bar", "stacked_bar", "none"] = "bar"
    why_important: str = ""


FactKind = Literal[
    "value",  # the subject's value for a measure/period
    "comparator_value",  # England's or the region's value (like with like)
    "difference",  # subject - comparator (absolute, in the unit) and relative (%)
    "ratio",  # subject / comparator
    "direction",  # above / below / about_same vs a comparator
    "rank",  # rank among real councils (1 = highest value)
    "quartile",
    "trend",  # change over periods
    "count_estimate",  # per-100k rate converted to an approximate count with population
    "share",  # category share of a total
    "suppressed",
    "missing",
    "no_data",
    "note",
    "history",  # an earlier period's value (subject, England or region): evidence, not a headline
]
Direction = Literal["above", "below", "about_same"]
TrendDirection = Literal["up", "down", "flat"]


class Fact(Frozen):
    """One statement a writer may make, computed deterministically, with its provenance."""

    id: str
    kind: FactKind
    measure: str = ""
    breakdown: str = ""
    period: str = ""
    subject: str = ""  # authority code the fact is about
    comparator: str = ""  # "england" | "region" | "councils" (for ranks) | ""
    comparator_name: str = ""  # e.g. "England", "East Midlands"
    value: float | None = None
    unit: str = ""
    denominator: str = ""
    direction: Direction | TrendDirection | None = None
    detail: dict[str, float | int | str | None] = Field(default_factory=dict)
    text_hint: str = ""  # a plain reading of the fact, for humans and prompts
    sources: list[SourceRef] = Field(default_factory=list)


FactSheetStatus = Literal["ok", "no_data", "no_la_data", "discontinued"]


class FactSheet(Frozen):
    """Every fact a writer may state about one chart for one authority."""

    authority: Authority
    chart_id: str
    chart_title: str
    section: str
    status: FactSheetStatus
    facts: list[Fact] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    #: every earlier period of each series (kind ``history``), for the subject, England and the
    #: region: what a text may cite about the past; writers lead with ``facts``
    history: list[Fact] = Field(default_factory=list)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def content_hash(self) -> str:
        """Stable hash of the sheet's content (cache keys, text ids)."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True).encode()
        return hashlib.sha256(payload).hexdigest()


TextKind = Literal["chart", "section", "overall"]
ClaimStatus = Literal["supported", "contradicted", "unverifiable"]


class Claim(Frozen):
    """A checkable statement found in a text, with the verifier's verdict on it."""

    text: str
    start: int
    end: int
    kind: str  # number, percent, money, rate, ratio, fraction, direction, trend, rank, causal ...
    value: float | None = None
    unit: str = ""
    hedge: str = ""
    comparator: str = ""
    status: ClaimStatus
    expected: str = ""
    reason: str = ""
    fact_ids: list[str] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)


class Verdict(Frozen):
    outcome: Literal["pass", "fail"]
    claims: list[Claim] = Field(default_factory=list)


#: "edited": a reviewer's approved correction replaced the writer's text (narrator.review)
TextStatus = Literal["verified", "repaired", "fallback", "unverified", "failed", "edited"]


class Draft(Frozen):
    """A writer's text that failed verification, kept with its verdict for review."""

    attempt: int
    body: str
    verdict: Verdict | None = None
    error: str = ""  # backend failure instead of a text (e.g. "RateLimitError after 4 attempts")


class TextRecord(Frozen):
    """One generated text block of a report (what report.json stores and votes refer to)."""

    id: str
    kind: TextKind
    authority_code: str
    chart_id: str | None = None
    section: str | None = None
    body: str
    backend: str
    model: str
    prompt_version: str
    run_id: str = ""
    status: TextStatus = "unverified"
    verdict: Verdict | None = None
    drafts: list[Draft] = Field(default_factory=list)  # rejected attempts, with their verdicts
    fact_sheet: FactSheet | None = None  # chart texts: the sheet it was written from
    fact_sheet_ids: list[str] = Field(default_factory=list)  # section / overall: charts covered
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: float = 0.0
    attempts: int = 1
    cost: float | None = None  # estimated, in the price table's currency; None = no price known


class SeriesPoint(Frozen):
    authority_code: str
    authority_name: str
    measure: str
    breakdown: str = ""
    period: str
    value: float | None
    unit: str
    denominator: str = ""
    suppressed: bool = False
    source: str
    plain: str = ""  # the measure's plain words for residents (data/wording.yaml), if any
    #: a point summarising several councils (``PEERS_CODE``: the similar councils' median):
    #: how many there were and their lowest and highest values
    of: int = 0
    low: float | None = None
    high: float | None = None


#: the authority code of chart points that stand for a council's similar councils (their median)
PEERS_CODE = "peers"
#: how charts name that point: the middle (median) figure of the council's similar councils
PEERS_LABEL = "Typical similar council"


class ChartBlock(Frozen):
    chart: Chart
    status: FactSheetStatus
    text_id: str
    points: list[SeriesPoint] = Field(default_factory=list)  # subject + comparators, for display


class SectionBlock(Frozen):
    name: str
    slug: str
    about: str
    chart_ids: list[str]
    summary_text_id: str


class Report(Frozen):
    """The whole generated report for one authority (``outputs/<slug>/report.json``)."""

    authority: Authority
    run_id: str
    generated_at: str
    backend: str
    model: str
    sections: list[SectionBlock]
    charts: list[ChartBlock]
    texts: list[TextRecord]
    overall_text_id: str
    sources: dict[str, str] = Field(default_factory=dict)  # source id -> attribution line
    source_links: dict[str, str] = Field(default_factory=dict)  # source id -> publisher's page
    #: the same quantity stated with different values in different texts (for review)
    consistency: list[Claim] = Field(default_factory=list)

    def text(self, text_id: str) -> TextRecord:
        for t in self.texts:
            if t.id == text_id:
                return t
        raise KeyError(text_id)
