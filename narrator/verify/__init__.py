"""Number and claim verifier: every figure and comparison traced to the fact sheets.

>>> from narrator.verify import verify_text, check_consistency, violations_feedback

* :func:`verify_text` — claims of one text vs the sheets it was written from -> :class:`Verdict`
* :func:`check_consistency` — the same quantity stated differently across a report
* :func:`violations_feedback` — plain repair instructions for a failed verdict
* :class:`Extractor` — protocol for pluggable claim extractors (:class:`RuleExtractor` default)
"""

from narrator.verify.api import check_consistency, check_mentions, verify_text, violations_feedback
from narrator.verify.extract import ExtractionContext, Extractor, Mention, RuleExtractor

__all__ = [
    "ExtractionContext",
    "Extractor",
    "Mention",
    "RuleExtractor",
    "check_consistency",
    "check_mentions",
    "verify_text",
    "violations_feedback",
]
