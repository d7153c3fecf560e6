"""Small text helpers shared by several modules."""

from __future__ import annotations

import re
import unicodedata


def slugify(name: str) -> str:
    """File-system and URL safe slug.

    >>> slugify("Bath and North East Somerset")
    'bath-and-north-east-somerset'
    >>> slugify("St. Helens")
    'st-helens'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "authority"
