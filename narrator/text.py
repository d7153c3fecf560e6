"""Small text helpers shared by several modules."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal


def slugify(name: str) -> str:
    """File-system and URL safe slug.

    >>> slugify("Bath and North East Somerset")
    'bath-and-north-east-somerset'
    >>> slugify("St. Helens")
    'st-helens'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "authority"


def fmt_num(value: float, decimals: int | None = None) -> str:
    """Format a number with thousands separators; integers lose their ``.0``.

    >>> fmt_num(2199.0), fmt_num(61.84), fmt_num(0.533, 2), fmt_num(1234567.8, 0)
    ('2,199', '61.8', '0.53', '1,234,568')
    """
    if decimals is None:
        if float(value).is_integer():
            decimals = 0
        elif abs(value) >= 100:
            decimals = 0
        elif abs(value) >= 1:
            decimals = 1
        else:
            decimals = 2
    value = float(value)
    if decimals == 0 and value.is_integer():
        return f"{int(value):,}"
    digits = repr(value)
    if "e" in digits or "5" in digits.partition(".")[2][decimals : decimals + 1]:
        # a tie at the rounding digit: round half up like a person, not to even
        exact = Decimal(digits).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        text = f"{exact:,.{decimals}f}"
    else:
        text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_money_thousands(value_k: float) -> str:
    """Money held in £ thousands, in words a reader understands.

    >>> fmt_money_thousands(51917), fmt_money_thousands(149850), fmt_money_thousands(450)
    ('£51.9 million', '£149.9 million', '£450,000')
    """
    pounds = value_k * 1000
    if abs(pounds) >= 1e9:
        return f"£{fmt_num(pounds / 1e9, 1)} billion"
    if abs(pounds) >= 1e6:
        return f"£{fmt_num(pounds / 1e6, 1)} million"
    return f"£{fmt_num(pounds, 0)}"


def per_phrase(denominator: str) -> str:
    """'for every 100,000 <who>' for a per-100k rate.

    >>> per_phrase("adults aged 65+")
    'for every 100,000 adults aged 65+'
    >>> per_phrase("")
    'for every 100,000 people'
    """
    return f"for every 100,000 {denominator or 'people'}"


def fmt_value(value: float, unit: str, denominator: str = "") -> str:
    """A value with its unit and denominator, e.g. for fact text hints.

    >>> fmt_value(2199, "per_100k", "residents")
    '2,199 for every 100,000 residents'
    >>> fmt_value(61.8, "percent", "people using services surveyed")
    '61.8%'
    >>> fmt_value(51917, "gbp_thousands_per_100k", "residents")
    '£51.9 million for every 100,000 residents'
    """
    if unit == "per_100k":
        return f"{fmt_num(value)} {per_phrase(denominator)}"
    if unit == "percent":
        return f"{fmt_num(value)}%"
    if unit == "gbp_thousands":
        return fmt_money_thousands(value)
    if unit == "gbp_thousands_per_100k":
        return f"{fmt_money_thousands(value)} {per_phrase(denominator)}"
    if unit == "days":
        return f"{fmt_num(value, 2)} days"
    if unit == "per_km2":
        return f"{fmt_num(value)} people per square kilometre"
    return fmt_num(value)
