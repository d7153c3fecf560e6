"""How easy a text is to read: Flesch-Kincaid grade and words per sentence, numbers fairly counted.

Texts for residents aim at a reading age of 9-11 (about grade 4-6). Readability formulas count
syllables and sentence ends, and figures upset both: "19.6%" or "£47,115" is read as several
long "words", and a decimal point can be taken for the end of a sentence. So each figure
(with its %, £, commas and decimals, or a period such as 2024-25) is replaced by one short word
before the formula runs; the words around it are scored as written. The formula itself is
``textstat``'s (pinned at 0.7.4: newer versions download NLTK data at run time).

>>> r = readability("In 2024-25, 71.7% of people were satisfied. That is higher than England.")
>>> r.sentences, r.words
(2, 12)
"""

from __future__ import annotations

import re

import textstat
from pydantic import BaseModel, ConfigDict

#: a figure as written: "£47,115", "19.6%", "2024-25", "1 in 3" counts as three words
_FIGURE_RE = re.compile(
    r"£?\d+(?:[,\u202f\u00a0 ]\d{3})*(?:\.\d+)?(?:\s*(?:%|per\s*cent\b))?"
    r"(?:[-/–]\d{2,4})?(?:\s*(?:million|billion|m|bn|k)\b)?",
    re.IGNORECASE,
)
STANDIN = "ten"  # one syllable, one short word: what a reader sees a figure as


class Readability(BaseModel):
    """Readability of one text, with figures counted as one short word each."""

    model_config = ConfigDict(frozen=True)

    grade: float  # Flesch-Kincaid grade level (US school grade; 5 is about a reading age of 10)
    words_per_sentence: float
    sentences: int
    words: int


def plain_for_reading(text: str) -> str:
    """``text`` with every figure replaced by one short word (see the module docstring).

    >>> plain_for_reading("It was 19.6% in 2024-25, or £47,115 per 100,000 adults.")
    'It was ten in ten, or ten per ten adults.'
    """
    return _FIGURE_RE.sub(STANDIN, text)


def readability(text: str) -> Readability:
    """Flesch-Kincaid grade and words per sentence of ``text`` (figures fairly counted)."""
    plain = plain_for_reading(text)
    sentences = max(1, textstat.sentence_count(plain))
    words = textstat.lexicon_count(plain)
    return Readability(
        grade=round(float(textstat.flesch_kincaid_grade(plain)), 1),
        words_per_sentence=round(words / sentences, 1),
        sentences=sentences,
        words=words,
    )
