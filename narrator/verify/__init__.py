"""Number and claim verifier: every figure and comparison traced to the fact sheets.

>>> from narrator.verify import Verifier, verify_text, check_consistency, violations_feedback

* :class:`Verifier` — holds the per-run state (indexes of the sheets it has seen); its
  ``verify`` / ``feedback`` / ``consistency`` are the three functions below, with caching
* :func:`verify_text` — claims of one text vs the sheets it was written from -> :class:`Verdict`
* :func:`check_consistency` — the same quantity stated differently across a report
* :func:`violations_feedback` — plain repair instructions for a failed verdict
* :class:`Extractor` — protocol for pluggable claim extractors (:class:`RuleExtractor` default)
"""

from narrator.verify.api import (
    Verifier,
    check_consistency,
    check_mentions,
    verify_text,
    violations_feedback,
)
from narrator.verify.extract import ExtractionContext, Extractor, Mention, RuleExtractor

__all__ = [
    "ExtractionContext",
    "Extractor",
    "Mention",
    "RuleExtractor",
    "Verifier",
    "check_consistency",
    "check_mentions",
    "verify_text",
    "violations_feedback",
]
