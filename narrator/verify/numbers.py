"""Numbers as people write them: digits, words, scales, precision and hedge tolerances.

Everything here is pure and fast (compiled regexes, no allocation-heavy parsing), because the
verifier runs on every generated text.

>>> parse_number("2,199")
(2199.0, 1.0)
>>> parse_number("two and a half thousand")
(2500.0, 500.0)
>>> parse_number("0.53")
(0.53, 0.01)
>>> hedge_interval(2200, 100, "about")[0] <= 2199 <= hedge_interval(2200, 100, "about")[1]
True
"""

from __future__ import annotations

import math
import re

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: dict[str, float] = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}
#: a decimal digit said as a word ("point six")
_DIGIT_WORDS: dict[str, int] = {"zero": 0, "oh": 0} | {
    w: n for w, n in UNITS_WORDS.items() if n < 10
}
#: suffix scales written after digits: "52m", "£1.2bn", "300k"
SUFFIX_SCALES: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6,
    "bn": 1e9, "billion": 1e9, "thousands": 1e3,
}  # fmt: skip
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip

_WORD = "|".join(sorted([*UNITS_WORDS, *SCALE_WORDS], key=len, reverse=True))
#: a run of number words: "two and a half thousand", "forty-three", "one hundred and five"
WORDS_RE = (
    rf"(?:{_WORD})(?:(?:[\s-]+(?:and\s+)?)(?:a\s+half|a\s+quarter|{_WORD})\b)*"
    r"(?:\s+and\s+a\s+(?:half|quarter))?"
    # "twenty-six point six": decimals said digit by digit
    rf"(?:\s+point(?:\s+(?:{'|'.join(_DIGIT_WORDS)})\b)+)?"
)
DIGITS_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_DIGITS = re.compile(rf"^(?:{DIGITS_RE})$")
_NUMBER = re.compile(rf"^({DIGITS_RE})\s*([a-z]*)$")
_TOKEN = re.compile(r"[a-z]+")


#: thousands written with a space, a no-break, thin or narrow no-break space: "4 535", "380 000"
_SPACED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,]|\.\d)")
_GROUP_SPACE = re.compile(r"[ \u00a0\u2009\u202f]")


def normalise_digit_groups(text: str) -> str:
    """The same text with space-separated thousands written with commas, character for
    character (every span stays valid in the original text).

    >>> normalise_digit_groups("4 535 people, 380\u202f000 in all, 2021 100")
    '4,535 people, 380,000 in all, 2021 100'
    """
    if not any(ch in text for ch in " \u00a0\u2009\u202f"):
        return text
    return _SPACED_GROUPS.sub(lambda m: _GROUP_SPACE.sub(",", m.group(0)), text)


def _precision_of_integer(value: float) -> float:
    """10^k where k is the number of trailing zeros (0 -> 1)."""
    n = int(round(abs(value)))
    if n == 0:
        return 1.0
    p = 1
    while n % (p * 10) == 0:
        p *= 10
    return float(p)


def parse_digits(text: str) -> tuple[float, float]:
    """Value and precision (place of the last written digit) of a digit string.

    >>> parse_digits("2,400"), parse_digits("18.40"), parse_digits("7")
    ((2400.0, 100.0), (18.4, 0.01), (7.0, 1.0))
    """
    clean = text.replace(",", "")
    value = float(clean)
    if "." in clean:
        decimals = len(clean.split(".", 1)[1])
        return value, 10.0**-decimals
    return value, _precision_of_integer(value)


def parse_words(text: str) -> tuple[float, float] | None:
    """Value and precision of number words, or None.

    >>> parse_words("forty-three"), parse_words("two and a half thousand")
    ((43.0, 1.0), (2500.0, 500.0))
    >>> parse_words("one hundred and five"), parse_words("three million")
    ((105.0, 1.0), (3000000.0, 1000000.0))
    >>> parse_words("twenty-six point six")
    (26.6, 0.1)
    """
    tokens = _TOKEN.findall(text.lower())
    if "point" in tokens:  # "twenty-six point six": the decimals digit by digit
        cut = tokens.index("point")
        whole = parse_words(" ".join(tokens[:cut]))
        digits = [_DIGIT_WORDS.get(t) for t in tokens[cut + 1 :]]
        if whole is None or not digits or None in digits:
            return None
        places = len(digits)
        decimals = int("".join(str(d) for d in digits)) / 10**places
        return whole[0] + decimals, 10.0**-places
    total, current, seen = 0.0, 0.0, False
    fraction_at: float | None = None  # the scale a "and a half" was written against
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in UNITS_WORDS:
            current += UNITS_WORDS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in SCALE_WORDS:
            scale = SCALE_WORDS[tok]
            current = (current or 1) * scale
            if fraction_at is not None:
                fraction_at *= scale
            total += current
            current = 0.0
            seen = True
        elif tok == "a" and i + 1 < len(tokens) and tokens[i + 1] in ("half", "quarter"):
            current += 0.5 if tokens[i + 1] == "half" else 0.25
            fraction_at = 0.5 if tokens[i + 1] == "half" else 0.25
            i += 1
        elif tok != "and":
            return None
        i += 1
    if not seen:
        return None
    value = total + current
    precision = fraction_at if fraction_at is not None else _precision_of_integer(value)
    return value, precision


def parse_number(text: str) -> tuple[float, float] | None:
    """Digits (with an optional scale word or suffix) or number words -> (value, precision).

    >>> parse_number("52 million"), parse_number("1.2bn"), parse_number("300k")
    ((52000000.0, 1000000.0), (1200000000.0, 100000000.0), (300000.0, 100000.0))
    """
    text = text.strip().lower()
    m = _NUMBER.match(text)
    if m:
        value, precision = parse_digits(m.group(1))
        suffix = m.group(2)
        if suffix:
            scale = SUFFIX_SCALES.get(suffix)
            if scale is None:
                return None
            value, precision = value * scale, precision * scale
            # "52 million" is precise to the million, "52,000 thousand" to the thousand
        return value, precision
    return parse_words(text)


def hedged_precision(value: float, precision: float) -> float:
    """Precision a hedged ("about") figure is read to: a trailing 5 counts as rounding to 5s.

    >>> hedged_precision(2500, 100), hedged_precision(2400, 100), hedged_precision(25, 1)
    (500, 100, 5)
    """
    if precision < 1 and value >= 1:
        return precision
    units = round(value / precision)
    if units % 5 == 0 and units % 10 != 0 and units > 5:
        return precision * 5
    return precision


#: hedge word -> family
HEDGES: dict[str, str] = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "approx.": "approx", "approx": "approx", "some": "approx", "an estimated": "approx",
    "estimated": "approx", "close to": "approx", "nearer": "approx", "nearly": "below",
    "almost": "below", "just under": "just_below", "just below": "just_below",
    "a little under": "just_below", "slightly under": "just_below", "slightly below": "just_below",
    "just short of": "just_below", "getting on for": "below", "just over": "just_above",
    "just above": "just_above", "a little over": "just_above", "a little more than": "just_above",
    "slightly over": "just_above", "slightly more than": "just_above",
    "just more than": "just_above", "more than": "above", "over": "above",
    "above": "above", "in excess of": "above", "upwards of": "above", "well over": "above",
    "at least": "at_least", "fewer than": "under", "less than": "under", "under": "under",
    "below": "under", "well under": "under", "up to": "at_most", "at most": "at_most",
    "no more than": "at_most", "exactly": "exact", "precisely": "exact",
    "topped": "above", "exceeded": "above", "passed": "above", "a good": "at_least",
    "a full": "at_least",
}  # fmt: skip
HEDGE_RE = r"(?:" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")"


#: how far a share may sit from a fraction said in words ("a fifth", "one in six", "3 in 10"),
#: relative to the fraction: small fractions are read as tightly as large ones ("one in six"
#: is 15-19 %, not 20 %; "about 1 in 20" is 4-6 %, not 3 %), within the points a hedged figure
#: of that size allows
FRACTION_SLACK = {"exact": 0.12, "approx": 0.16, "below": 0.12}
#: "just over" a fraction in words reaches further than "just over" a figure (10 %): writers
#: say "just over a quarter" for 28.3 % and "a little over half" for 57 %
JUST_OVER_FRACTION = 0.15


def fraction_interval(m) -> tuple[float, float]:
    """The shares (in per cent) that words such as "one in three", "nearly two thirds" or
    "most" allow: a majority word carries its own range; "nearly"/"almost" reach 5 points
    under the fraction ("nearly two thirds" is 62-67 %, "nearly eight in ten" 75-80 %), and
    no more than ``FRACTION_SLACK`` of it ("nearly a quarter" is 22-25 %, not 19.6 %); else
    as a hedged figure, again within ``FRACTION_SLACK`` of a fraction in words ("N in 10" and "N in
    100" are shares rounded to tenths or hundredths, read at their own precision)."""
    if m.kind == "majority":
        return float(m.extra["lo"]), float(m.extra["hi"])
    v = m.value or 0.0
    family = (
        "below"
        if m.hedge in ("nearly", "almost", "getting on for")
        else (HEDGES.get(m.hedge, "exact") if m.hedge else "exact")
    )
    if family == "below":
        lo, hi = v - 5.0, v
    elif family == "just_above":
        lo, hi = v, v * (1 + JUST_OVER_FRACTION)
    else:
        lo, hi = hedge_interval(v, m.precision, m.hedge)
    slack = FRACTION_SLACK.get(family)
    if slack is not None and m.kind == "fraction" and v > 0 and not m.extra.get("decimal"):
        lo, hi = max(lo, v * (1 - slack)), min(hi, v * (1 + slack))
    return lo, hi


#: a round figure is read as rounded at its last non-zero digit, but never beyond a quarter of
#: itself: "10 points" is 7.5-12.5, not 5-15 (a 6.6-point gap is not "ten points"); a figure
#: with no trailing zeros keeps its own rounding ("0%" for 0.2%, "1 per cent" for 0.7%)
ROUND_SLACK = 0.25


def hedge_interval(value: float, precision: float, hedge: str) -> tuple[float, float]:
    """The closed interval of true values a stated figure allows, given its hedge.

    Plain figures allow rounding at the stated precision; "about" also allows rounding to a
    trailing 5 and 2 % slack; "almost X"/"nearly X" must be within 10 % under X; "just over X"
    within 10 % above; "more than X" above X but no more than twice X (or it misleads).

    >>> hedge_interval(2000, 1000, "about")
    (1500.0, 2500.0)
    >>> hedge_interval(19, 1, "almost")
    (17.1, 19)
    """
    family = HEDGES.get(hedge, "exact") if hedge else "exact"
    v, p = abs(value), precision
    # a round figure's trailing zeros ("10", "2,000") are rounding, within ROUND_SLACK
    cap = ROUND_SLACK * v if p > 1 and v > 0 else float("inf")
    if family == "exact":
        half = min(p / 2, cap)
        return value - half - 1e-9, value + half + 1e-9
    if family == "approx":
        # three significant figures or more ("about £51.8 million") are a near reading, not
        # an estimate: one unit of their last digit or 0.5 %, where the 2 % slack is for
        # figures written round ("about 17", "about £9m")
        slack = 0.02 * v if p <= 0 or v / p < 100 else max(p, 0.005 * v)
        half = min(max(hedged_precision(v, p) / 2, slack), max(cap, 0.5))
        return value - half, value + half
    if family == "below":
        return value - 0.1 * v, value
    if family == "just_below":
        return value - 0.1 * v, value
    if family == "just_above":
        return value, value + 0.1 * v
    if family == "above":
        return value + 1e-9, max(value * 2, value + p)
    if family == "at_least":  # "a full 7.5 points": 7.46 reads as 7.5
        return value - p / 2 - 1e-9, max(value * 2, value + p)
    if family == "under":
        return value / 2, value - 1e-9
    if family == "at_most":
        return value / 2, value + p / 2 + 1e-9
    return value, value


def rounds_equal(a: float, b: float, precision: float) -> bool:
    """True when a and b are the same figure at ``precision`` (report-level consistency)."""
    if precision <= 0:
        return math.isclose(a, b)
    return math.floor(a / precision + 0.5) == math.floor(b / precision + 0.5)


def is_digits(text: str) -> bool:
    return bool(_DIGITS.match(text))
