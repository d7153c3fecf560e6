"""Number, unit and JSON formatting for the HTML report (pure functions)."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

_UNIT_SUFFIX = {
    "percent": "%",
    "days": " days",
    "per_km2": " per km²",
}

_UNIT_AXIS = {
    "count": "number",
    "per_100k": "per 100,000",
    "percent": "%",
    "gbp_thousands": "£ thousands",
    "gbp_thousands_per_100k": "£ thousands per 100,000",
    "days": "days",
    "decile": "decile (1 = most deprived)",
    "rank": "average rank (higher = more deprived)",
    "score": "score",
    "per_km2": "people per km²",
    "category": "",
    "people": "people",
}


def _digits(value: float) -> str:
    """Thousands separators; whole numbers from 100 up, otherwise up to two decimals.

    >>> _digits(2199.0), _digits(6.6), _digits(0.53), _digits(51917.4)
    ('2,199', '6.6', '0.53', '51,917')
    """
    if abs(value) >= 100 or float(value).is_integer():
        return f"{round(value):,}"
    if abs(value) >= 10:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_value(value: float | None, unit: str, suppressed: bool = False) -> str:
    """A value as a reader sees it, with its unit.

    >>> format_value(43, "percent"), format_value(51917, "gbp_thousands_per_100k")
    ('43%', '£51,917k')
    >>> format_value(5, "per_100k", suppressed=True)
    '5 or fewer'
    >>> format_value(None, "percent")
    'no data'
    """
    if value is None:
        return "withheld" if suppressed else "no data"
    text = _digits(value)
    if unit.startswith("gbp_thousands"):
        text = f"£{text}k"
    else:
        text += _UNIT_SUFFIX.get(unit, "")
    return f"{text} or fewer" if suppressed else text


def unit_label(unit: str, denominator: str = "") -> str:
    """Axis label naming the unit and, for rates and shares, who they are *of*.

    >>> unit_label("per_100k", "adults aged 65+")
    'per 100,000 adults aged 65+'
    >>> unit_label("percent", "carers surveyed")
    '% of carers surveyed'
    >>> unit_label("count")
    'number'
    """
    base = _UNIT_AXIS.get(unit, unit.replace("_", " "))
    if not denominator:
        return base
    if unit in ("per_100k", "gbp_thousands_per_100k"):
        return f"{base} {denominator}"
    if unit == "percent":
        return f"% of {denominator}"
    return f"{base} ({denominator})"


def denominator_phrase(unit: str, denominator: str) -> str:
    """What a formatted value is *of*, to follow it in a sentence.

    >>> denominator_phrase("per_100k", "adults aged 65+"), denominator_phrase("percent", "carers")
    ('per 100,000 adults aged 65+', 'of carers')
    """
    if unit in ("per_100k", "gbp_thousands_per_100k"):
        return f"per 100,000 {denominator or 'people'}"
    if unit == "percent" and denominator:
        return f"of {denominator}"
    return ""


def script_json(data: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/json">``.

    ``<``, ``>``, ``&``, ``'`` and the JS line separators are written as ``\\uXXXX`` escapes,
    so no string in the data can close the script element or open a comment.

    >>> str(script_json({"a": "</script><b>&"}))
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for raw, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("'", "\\u0027"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, esc)
    return Markup(text)  # noqa: S704 - every markup-relevant character is escaped above
