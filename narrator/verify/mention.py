"""The unit the extractor hands to the checks: one span-anchored, structured mention."""

from __future__ import annotations

from dataclasses import dataclass, field

Entity = str  # "subject" | "england" | "region" | "peers" | ""
#: the parties a council is compared with: England, its region, and its similar councils (the
#: median of its peer group, ``narrator.peers``)
COMPARATORS: tuple[Entity, ...] = ("england", "region", "peers")
#: whose figure a number can be: the council's or a comparator's
PARTIES: tuple[Entity, ...] = (*COMPARATORS, "subject")


@dataclass(slots=True)
class Mention:
    """One checkable piece of a text.

    ``kind``: number | percent | money | fraction | ratio | year | direction | trend | rank |
    majority | causal. Numbers carry ``value``/``precision`` in their written unit (money in
    pounds, percentages and fractions in percent).
    """

    kind: str
    start: int
    end: int
    text: str
    sentence: int
    value: float | None = None
    precision: float = 1.0
    hedge: str = ""
    unit: str = ""  # "", percent, pp, gbp, days, per_100k, times, ordinal
    denominator: str = ""  # normalised denominator named in a rate phrase
    entity: Entity = ""  # whose figure, when tightly bound
    relational: bool = False  # "9% more than", "239 fewer"
    total: bool = False  # "in all", "in total"
    direction: str = ""  # above/below/about_same (direction), up/down/flat (trend), high/low
    comparator: Entity = ""
    modifier: str = ""  # much / slightly
    negated: bool = False
    #: the periods the figure may be for (see :func:`narrator.verify.periods.assign`): a tuple
    #: of ``Stated`` periods (and ``LATEST``), a ``Previous`` ("the year before"), or None
    #: (unstated: the latest period)
    period: object = None
    extra: dict[str, float | str] = field(default_factory=dict)

    def model_copy_plain(self) -> Mention:
        """The same mention read without its negation."""
        copy = Mention(**{f: getattr(self, f) for f in self.__dataclass_fields__})
        copy.negated = False
        copy.extra = dict(self.extra)
        return copy
