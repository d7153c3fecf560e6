"""Ways people write a figure: digits, rounding, hedges, words, "x in every 100", money.

Used by ``generate_corpus.py``. Each renderer returns ``(phrase, correct)`` or ``None`` when the
phrasing does not suit the value. All wording is our own.
"""

# ruff: noqa: E501
from __future__ import annotations

import math
import random

from narrator.text import fmt_num

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
       "fifteen sixteen seventeen eighteen nineteen".split()  # fmt: skip
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n: int) -> str:
    """Integer in English words (British "and"): 2199 -> 'two thousand one hundred and ninety-nine'."""
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (f"-{ONES[o]}" if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return f"{ONES[h]} hundred" + (f" and {words(r)}" if r else "")
    if n < 1_000_000:
        th, r = divmod(n, 1000)
        tail = "" if not r else (f" and {words(r)}" if r < 100 else f" {words(r)}")
        return f"{words(th)} thousand{tail}"
    m, r = divmod(n, 1_000_000)
    return f"{words(m)} million" + (f" {words(r)}" if r else "")


def round_sig(v: float, sig: int) -> float:
    if v == 0:
        return 0.0
    digits = sig - int(math.floor(math.log10(abs(v)))) - 1
    return round(v, digits)


def plain(v: float, rng: random.Random) -> str:
    """A correct rendering of a non-money, non-percent value."""
    style = rng.choice(["digits", "about", "about", "almost", "over", "words", "roughly"])
    if style == "digits" or v < 1:
        return fmt_num(v) if v >= 1 else f"{v:.2f}"
    r2 = round_sig(v, 2)
    if style in ("about", "roughly"):
        word = {
            "about": rng.choice(["about", "around", "roughly", "approximately"]),
            "roughly": "some" if v > 1000 else "roughly",
        }[style]
        return f"{word} {fmt_num(r2)}"
    if style == "almost":
        up = _round_up(v)
        if up and (up - v) / up <= 0.08 and up != v:
            return f"{rng.choice(['almost', 'nearly', 'just under'])} {fmt_num(up)}"
        return f"about {fmt_num(r2)}"
    if style == "over":
        down = _round_down(v)
        if down and (v - down) / down <= 0.08 and down != v:
            return f"{rng.choice(['just over', 'a little over', 'more than'])} {fmt_num(down)}"
        return fmt_num(v)
    if v >= 20 and float(v).is_integer() and v < 100000:
        return words(int(v))
    if v >= 1000:
        return f"about {words(int(round_sig(v, 2)))}"
    return fmt_num(v)


def _round_up(v: float) -> float | None:
    for sig in (2, 1):
        step = 10 ** (int(math.floor(math.log10(v))) - sig + 1)
        up = math.ceil(v / step) * step
        if up > v:
            return float(up)
    return None


def _round_down(v: float) -> float | None:
    for sig in (2, 1):
        step = 10 ** (int(math.floor(math.log10(v))) - sig + 1)
        down = math.floor(v / step) * step
        if 0 < down < v:
            return float(down)
    return None


NICE_FRACTIONS = [(1, 2, "half"), (1, 3, "one in three"), (1, 4, "one in four"),
                  (1, 5, "one in five"), (2, 3, "two in three"), (3, 4, "three in four"),
                  (1, 10, "one in ten")]  # fmt: skip


def percent(v: float, rng: random.Random) -> str:
    """A correct rendering of a percentage."""
    style = rng.choice(["digits", "percent_word", "in100", "in10", "nice", "about", "words"])
    if style == "digits":
        return f"{fmt_num(v)}%"
    if style == "percent_word":
        return f"{fmt_num(round(v))} per cent" if abs(v - round(v)) < 0.5 else f"{fmt_num(v)}%"
    if style == "in100":
        return f"{round(v)} in every 100" if rng.random() < 0.5 else f"{round(v)} out of 100"
    if style == "in10":
        return (
            f"about {round(v / 10)} in 10"
            if abs(v - round(v / 10) * 10) <= 2.5
            else f"{fmt_num(v)}%"
        )
    if style == "nice":
        for a, b, phrase in NICE_FRACTIONS:
            if abs(v - 100 * a / b) <= 2:
                return ("about " if abs(v - 100 * a / b) > 0.6 else "") + phrase
        return f"about {round(v)}%"
    if style == "words" and 1 <= v < 100:
        return f"{words(round(v))} per cent"
    return f"about {round(v)}%"


def money_k(v_k: float, rng: random.Random) -> str:
    """A correct rendering of an amount held in £ thousands."""
    pounds = v_k * 1000
    style = rng.choice(["m1", "about_m", "k", "full"])
    if pounds >= 1e6:
        if style == "m1":
            return f"£{fmt_num(pounds / 1e6, 1)} million"
        if style == "about_m":
            return f"{rng.choice(['about', 'around', 'roughly'])} £{fmt_num(round(pounds / 1e6))} million"
        if style == "k":
            return (
                f"£{fmt_num(v_k, 0)}k"
                if rng.random() < 0.5
                else f"£{fmt_num(round(pounds / 1e6, 1))}m"
            )
        return f"£{fmt_num(round(pounds, -3), 0)}"
    return f"£{fmt_num(round(pounds, -2), 0)}"


def wrong_factor(rng: random.Random) -> float:
    return rng.choice([rng.uniform(0.5, 0.8), rng.uniform(1.25, 1.8)])


DENOM_PHRASES = {
    "residents": ["residents", "people living there", "people in the area", "people"],
    "adults aged 65+": ["people aged 65 and over", "older people", "residents aged 65+",
                        "people aged 65 or older"],
    "adults aged 18-64": ["adults aged 18 to 64", "working-age adults", "people aged 18-64"],
    "adults aged 18+": ["adults", "people aged 18 and over"],
}  # fmt: skip
WRONG_DENOM = {
    "residents": ["older people", "people aged 65 and over", "working-age adults"],
    "adults aged 65+": ["residents", "people living there", "working-age adults"],
    "adults aged 18-64": ["older people", "residents", "people aged 65+"],
    "adults aged 18+": ["older people", "people aged 65 and over"],
}  # fmt: skip
