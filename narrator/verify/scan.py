"""Anchored scanning: a pattern's matches found from cheap anchors instead of at every position.

Python's ``re`` tries a pattern at every position of a string unless the pattern starts with a
literal or a character class it can jump to; patterns that start with ``\\b``, a lookbehind or
(under IGNORECASE) a letter get no such jump. When every match of such a pattern must start
where a fast *anchor* pattern matches (a literal, a digit run), trying the pattern only at the
anchors gives exactly the matches ``finditer`` gives: ``finditer`` also returns, from the end of
its last match on, the first position where the pattern matches, and matching at a position
does not depend on where the scan began (lookbehinds still see the text before it).

>>> import re
>>> year = re.compile(r"\\b(?:19|20)\\d\\d\\b")
>>> [m.group() for m in finditer(year, DIGIT_RUN, "In 2021 and 2023, not 12021.")]
['2021', '2023']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: anchors of patterns whose matches cannot start inside a run of digits (``\b`` or a
#: lookbehind rejecting a preceding digit): one anchor per run
DIGIT_RUN = re.compile(r"\d+")
#: the same for runs of digits and full stops ("0.53", ".5")
NUMBER_RUN = re.compile(r"[\d.]+")


def finditer(
    pattern: re.Pattern[str],
    anchor: re.Pattern[str],
    text: str,
    whole_runs: bool = True,
    anchor_text: str | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying ``pattern`` only where ``anchor`` matches.

    Every match of ``pattern`` must start where an ``anchor`` match starts. With
    ``whole_runs`` the scan for the next anchor resumes after the current anchor match (right
    when ``pattern`` cannot start inside one); otherwise at the next character (every
    occurrence of a literal is an anchor, overlapping ones included). ``anchor_text`` (same
    length, e.g. the lower-cased ASCII text for a case-insensitive pattern) is where anchors
    are looked for.
    """
    pos = 0
    where = text if anchor_text is None else anchor_text
    hit = anchor.search(where)
    while hit is not None:
        start = hit.start()
        if start >= pos:
            m = pattern.match(text, start)
            if m is not None:
                yield m
                pos = m.end()
        hit = anchor.search(where, hit.end() if whole_runs and hit.end() > start else start + 1)


def search(pattern: re.Pattern[str], anchor: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern.search(text)`` finds a match, trying it at every ``anchor`` start."""
    hit = anchor.search(text)
    while hit is not None:
        if pattern.match(text, hit.start()) is not None:
            return True
        hit = anchor.search(text, hit.start() + 1)
    return False
