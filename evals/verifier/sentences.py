# ruff: noqa: E501
"""Sentence builders of the verifier corpus: each returns parts (text, label) for one sentence.

A label is ``(correct, mode)``; unlabelled parts are connective text. All wording is our own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from phrasing import DENOM_PHRASES, WRONG_DENOM, money_k, percent, plain, round_sig, wrong_factor

from narrator.text import fmt_num

Part = tuple[str, tuple[bool, str] | None]  # text, (correct, mode) label


@dataclass
class Bundle:
    """The facts of one headline series of one sheet."""

    council: str
    chart: str
    section: str
    measure: str
    unit: str
    denom: str
    period: str
    value: float
    eng: float | None
    direction: str | None
    rel: float | None
    ratio: float | None
    rank: tuple[int, int] | None
    quartile: int | None
    trend: dict | None
    count: float | None
    periods: set[str]
    measure_has_trend: bool = False


def render(b: Bundle, v: float, rng: random.Random) -> str:
    if b.unit == "percent":
        return percent(v, rng)
    if b.unit == "gbp_thousands_per_100k":
        return money_k(v, rng)
    return plain(v, rng)


def unit_tail(b: Bundle, rng: random.Random, denom: str | None = None) -> str:
    if b.unit in ("per_100k", "gbp_thousands_per_100k"):
        den = denom or rng.choice(DENOM_PHRASES.get(b.denom, ["residents"]))
        return f" {rng.choice(['for every', 'per', 'for each'])} 100,000 {den}"
    if b.unit == "days":
        return " days"
    if b.unit == "per_km2":
        return " people per square kilometre"
    return ""


# ---- sentence builders: each returns a list of parts ----------------------------------------
def s_value(b: Bundle, rng, wrong: str = "") -> list[Part]:
    v, label = b.value, (True, "value")
    tail = unit_tail(b, rng)
    if wrong == "wrong_number":
        if b.value == 0:
            return None  # type: ignore[return-value]
        v, label = b.value * wrong_factor(rng), (False, wrong)
    if wrong == "wrong_denominator":
        tail = unit_tail(b, rng, rng.choice(WRONG_DENOM.get(b.denom, ["older people"])))
        label = (False, wrong)
    num = render(b, v, rng)
    if b.unit == "percent" and "%" not in num and "cent" not in num:
        num = num  # fractions such as "one in three" read on their own
    year = b.period
    templates = [
        [f"In {year}, {b.council} had ", (num + tail, label), f" ({b.measure})."],
        [f"For {b.measure}, {b.council} recorded ", (num + tail, label), f" in {year}."],
        [f"The latest figure for {b.measure} in {b.council} is ", (num + tail, label), "."],
        [f"{b.council}: ", (num + tail, label), f" for {b.measure} ({year})."],
    ]
    if b.unit == "gbp_thousands_per_100k" and "expenditure" in b.measure:
        templates.append(
            [f"In {year} {b.council} spent ", (num + tail, label), " on adult social care."]
        )
    parts = rng.choice(templates)
    return [(p, None) if isinstance(p, str) else p for p in parts]  # type: ignore[misc]


def s_compare(b: Bundle, rng, wrong: str = "") -> list[Part]:
    d = b.direction
    flip = wrong == "wrong_direction"
    if flip:
        same = "below" if (b.rel or 0) > 0 else "above"
        d = {"above": "below", "below": "above", "about_same": same}[d]
    mod = ""
    if not flip and b.rel is not None and d != "about_same":
        if abs(b.rel) >= 30 and rng.random() < 0.5:
            mod = rng.choice(["well ", "much ", "far "])
        elif abs(b.rel) <= 8 and rng.random() < 0.5:
            mod = rng.choice(["slightly ", "a little "])
    if d == "about_same":
        phrase = rng.choice(["about the same as", "similar to", "in line with", "close to"])
    elif d == "above":
        phrase = mod + rng.choice(["higher than", "above", "greater than", "more than"])
    else:
        phrase = mod + rng.choice(["lower than", "below", "less than", "under"])
    label = (not flip, wrong or "direction")
    eng_num = render(b, b.eng, rng) if b.eng is not None else "England's"
    choice = rng.randrange(3)
    if choice == 0:
        return [
            ("That is ", None),
            (phrase + " the England average", label),
            (" of ", None),
            (eng_num, (True, "comparator")),
            (".", None),
        ]
    if choice == 1:
        return [
            (f"{b.council} is ", None),
            (phrase + " England", label),
            (" (", None),
            (eng_num, (True, "comparator")),
            (").", None),
        ]
    return [
        ("Across England the figure was ", None),
        (eng_num, (True, "comparator")),
        (f", so {b.council} sits ", None),
        (phrase + " England", label),
        (".", None),
    ]


def s_ratio(b: Bundle, rng, wrong: str = "") -> list[Part] | None:
    r = b.ratio
    if r is None or r <= 0:
        return None
    rate = rng.choice(["the England rate", "the England average", "England's figure"])
    if wrong == "overstated_ratio":
        if 1.3 <= r < 1.95:
            phrase = rng.choice(["more than double", "twice", "more than twice"])
        elif 2.05 < r < 2.7:
            phrase = rng.choice(["three times", "more than three times"])
        elif 0.56 <= r <= 0.8:
            phrase = rng.choice(["less than half", "under half"])
        else:
            return None
        return [
            (f"{b.council}'s figure is ", None),
            (f"{phrase} {rate}", (False, wrong)),
            (".", None),
        ]
    if r > 2.1:
        phrase = "more than double" if r < 3 else "more than three times" if r > 3.1 else None
    elif 1.9 <= r <= 2.1:
        phrase = rng.choice(["about twice", "roughly double"])
    elif 0.45 <= r <= 0.55:
        phrase = "about half"
    elif r < 0.45:
        phrase = "less than half"
    else:
        phrase = None
    if phrase is None:
        return None
    return [(f"{b.council}'s figure is ", None), (f"{phrase} {rate}", (True, "ratio")), (".", None)]


def s_rank(b: Bundle, rng, wrong: str = "") -> list[Part] | None:
    if b.rank is None or b.quartile is None:
        return None
    rk, of = b.rank
    q = b.quartile
    if wrong == "rank_error":
        if q in (3, 4):
            phrase = rng.choice(
                [
                    "among the highest in England",
                    "in the top quarter of councils",
                    "one of the highest of all councils",
                ]
            )
        elif q in (1, 2):
            phrase = rng.choice(
                ["among the lowest in England", "in the bottom quarter of councils"]
            )
        else:
            return None
        if rng.random() < 0.4:
            bad = rk + rng.choice([-1, 1]) * rng.randint(6, 30)
            if 1 <= bad <= of:
                phrase = f"ranked {bad} out of {of} councils"
        return [(f"For {b.measure}, {b.council} is ", None), (phrase, (False, wrong)), (".", None)]
    if q == 1:
        phrase = rng.choice(["among the highest in England", "in the top quarter of councils"])
    elif q == 4:
        phrase = rng.choice(["among the lowest in England", "in the bottom quarter of councils"])
    else:
        phrase = f"ranked {rk} out of {of} councils"
    return [(f"For {b.measure}, {b.council} is ", None), (phrase, (True, "rank")), (".", None)]


def s_trend(b: Bundle, rng, wrong: str = "") -> list[Part] | None:
    t = b.trend
    if t is None:
        if wrong != "invented_trend" or b.measure_has_trend:
            return None
        phrase = rng.choice(
            [
                "has been rising in recent years",
                "has fallen since 2019",
                "went down over the last five years",
                "keeps growing",
            ]
        )
        return [(f"The figure for {b.measure} ", None), (phrase, (False, wrong)), (".", None)]
    d = t["direction"]
    if wrong == "wrong_trend":
        d = {"up": "down", "down": "up", "flat": rng.choice(["up", "down"])}[d]
    elif wrong:
        return None
    word = {
        "up": rng.choice(["went up", "rose", "has grown", "increased"]),
        "down": rng.choice(["went down", "fell", "dropped", "decreased"]),
        "flat": rng.choice(["stayed about the same", "remained stable"]),
    }[d]
    return [
        (f"Between {t['first_period']} and {t['last_period']} the figure for {b.measure} ", None),
        (word, (wrong == "", wrong or "trend")),
        (".", None),
    ]


def s_count(b: Bundle, rng, wrong: str = "") -> list[Part] | None:
    if b.count is None or b.count < 50 or b.unit != "per_100k":
        return None
    v = b.count if not wrong else b.count * rng.choice([0.1, 10, wrong_factor(rng)])
    num = (
        f"about {fmt_num(round_sig(v, 2))}"
        if rng.random() < 0.6
        else f"roughly {fmt_num(round_sig(v, 3))}"
    )
    return [("That works out at ", None), (num, (not wrong, wrong or "count")), (" in all.", None)]


def s_unit_slip(b: Bundle, rng) -> list[Part] | None:
    if b.unit != "gbp_thousands_per_100k":
        return None
    slip = rng.choice([f"£{fmt_num(b.value)}", f"about £{fmt_num(round_sig(b.value, 2))}"])
    return [
        (f"{b.council} spent ", None),
        (slip + " for every 100,000 residents", (False, "unit_slip")),
        (f" in {b.period}.", None),
    ]


CAUSES = [
    "This is because {c} has a younger population.", "The gap is due to cuts in council budgets.",
    "This shows that the council is failing the people who need care.",
    "Thanks to better local services, fewer people needed to ask for help.",
    "It may be because fewer people know that they can ask for support.",
    "Higher costs in {c} are driven by staff shortages.",
]  # fmt: skip
CAUSE_CUES = ("because", "due to", "is failing", "Thanks to", "driven by")


def s_causal(b: Bundle, rng) -> list[Part]:
    text = rng.choice(CAUSES).format(c=b.council)
    cue = next(c for c in CAUSE_CUES if c in text)
    i = text.index(cue)
    return [(text[:i], None), (cue, (False, "causal")), (text[i + len(cue) :], None)]


def s_inconsistent(b: Bundle, rng) -> list[Part] | None:
    if b.unit != "percent" or b.eng is None:
        return None
    e = b.eng
    first = f"{round(e)}%"
    up = round(e) + 1
    if up - e > 0.1 * up:
        return None
    return [
        ("England's figure was ", None),
        (first, (True, "comparator")),
        (". Across England as a whole, ", None),
        (f"almost {up}%", (False, "inconsistent")),
        (" is the comparable figure.", None),
    ]


def s_year(b: Bundle, rng) -> list[Part]:
    years = {int(p[:4]) for p in b.periods if p[:4].isdigit()}
    bad = max(years | {2020}) + rng.choice([-6, -5, 3])
    return [
        (f"In {bad}", (False, "wrong_year")),
        (f" this was the position for {b.measure}.", None),
    ]
