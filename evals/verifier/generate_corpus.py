"""Generate the labelled verifier corpus (``corpus.jsonl``) from real fact sheets.

Every text is written here from templates with many phrasings (digits, rounding, hedges, words,
"x in every 100", fractions, money forms). Each labelled claim carries its character span,
whether it is correct, and a mode: correct paraphrase kinds, or one planted failure mode
(wrong_direction, wrong_number, wrong_denominator, overstated_ratio, unit_slip, inconsistent,
invented_trend, wrong_trend, rank_error, causal, wrong_count, wrong_year).

    python evals/verifier/generate_corpus.py [--n 800] [--seed 7] [--out evals/verifier/corpus.jsonl]
"""

# ruff: noqa: E501
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from phrasing import WRONG_DENOM  # noqa: E402
from sentences import (  # noqa: E402
    Bundle,
    Part,
    s_causal,
    s_compare,
    s_count,
    s_inconsistent,
    s_rank,
    s_ratio,
    s_trend,
    s_unit_slip,
    s_value,
    s_year,
)


def bundles(sheet) -> list[Bundle]:
    by = {f.id: f for f in sheet.facts}
    out = []
    for f in sheet.facts:
        if (
            f.kind != "value"
            or f.value is None
            or f.unit not in ("per_100k", "percent", "gbp_thousands_per_100k", "days", "per_km2")
        ):
            continue
        base = f.id.removesuffix(":value")
        d = by.get(base + ":direction:england")
        if d is None:
            continue
        cv = by.get(base + ":comparator_value:england")
        r = by.get(base + ":ratio:england")
        rk, q = by.get(base + ":rank"), by.get(base + ":quartile")
        diff = by.get(base + ":difference:england")
        t = by.get(base + ":trend")
        ce = by.get(base + ":count_estimate")
        out.append(Bundle(
            council=sheet.authority.name, chart=sheet.chart_id, section=sheet.section,
            measure=f.measure + (f" ({f.breakdown})" if f.breakdown else ""), unit=f.unit,
            denom=f.denominator, period=f.period, value=f.value,
            eng=cv.value if cv else None, direction=d.direction,
            rel=float(diff.detail.get("relative_pct") or 0) if diff else None,
            ratio=r.value if r else None,
            rank=(int(rk.value), int(rk.detail["of"])) if rk else None,
            quartile=int(q.value) if q else None,
            trend=dict(t.detail, direction=t.direction) if t else None,
            count=ce.value if ce else None,
            periods={x.period for x in sheet.facts if x.period},
            measure_has_trend=any(x.kind == "trend" and x.measure == f.measure for x in sheet.facts),
        ))  # fmt: skip
    return out


ERRORS = ["wrong_direction", "wrong_number", "wrong_denominator", "overstated_ratio", "unit_slip",
          "inconsistent", "invented_trend", "wrong_trend", "rank_error", "causal", "wrong_count",
          "wrong_year"]  # fmt: skip


def error_parts(b: Bundle, mode: str, rng) -> list[Part] | None:
    if mode == "wrong_direction":
        return s_compare(b, rng, mode)
    if mode == "wrong_number":
        return s_value(b, rng, mode)
    if mode == "wrong_denominator":
        return s_value(b, rng, mode) if b.denom in WRONG_DENOM and b.unit == "per_100k" else None
    if mode == "overstated_ratio":
        return s_ratio(b, rng, mode)
    if mode == "unit_slip":
        return s_unit_slip(b, rng)
    if mode == "inconsistent":
        return s_inconsistent(b, rng)
    if mode in ("invented_trend", "wrong_trend"):
        return s_trend(b, rng, mode)
    if mode == "rank_error":
        return s_rank(b, rng, mode)
    if mode == "causal":
        return s_causal(b, rng)
    if mode == "wrong_count":
        return s_count(b, rng, mode)
    return s_year(b, rng)


def correct_parts(b: Bundle, rng) -> list[list[Part]]:
    out = [s_value(b, rng)]
    if b.eng is not None:
        out.append(s_compare(b, rng))
    for extra in (s_ratio, s_rank, s_trend, s_count):
        if rng.random() < 0.45 and (p := extra(b, rng)):
            out.append(p)
    return out


def assemble(sentences: list[list[Part]]) -> tuple[str, list[dict]]:
    text, claims = "", []
    for parts in sentences:
        if text:
            text += " "
        for chunk, label in parts:
            if label is not None:
                claims.append(
                    {
                        "start": len(text),
                        "end": len(text) + len(chunk),
                        "text": chunk,
                        "correct": label[0],
                        "mode": label[1],
                    }
                )
            text += chunk
    return text, claims


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=800)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("corpus.jsonl"))
    args = ap.parse_args(argv)
    from narrator.catalog import load_catalog
    from narrator.data import load_dataset
    from narrator.facts import FactBuilder

    rng = random.Random(args.seed)
    catalog = load_catalog()
    fb = FactBuilder(load_dataset(chart_ids=catalog.ids), catalog)
    councils = fb.dataset.councils(synthetic=False)
    chosen = [a for a in councils if a.name == "Leicester"] + rng.sample(councils, 44)
    pool: list[tuple[str, Bundle]] = []
    for a in chosen:
        for sheet in fb.sheets_for(a.code):
            for b in bundles(sheet):
                pool.append((a.code, b))
    records = []
    i = 0
    while len(records) < args.n:
        code, b = rng.choice(pool)
        planted: list[Part] | None = None
        if rng.random() < 0.65:  # plant one error: the mode first, then a series it fits
            mode = ERRORS[i % len(ERRORS)]
            for _ in range(200):
                planted = error_parts(b, mode, rng)
                if planted:
                    break
                code, b = rng.choice(pool)
        sentences = correct_parts(b, rng)
        n_primary = len(sentences)
        charts = [b.chart]
        kind = "chart"
        if rng.random() < 0.2:  # a section summary drawing on two charts
            same = [
                x for c, x in pool if c == code and x.section == b.section and x.chart != b.chart
            ]
            if same:
                other = rng.choice(same)
                sentences += correct_parts(other, rng)[:2]
                charts.append(other.chart)
                kind = "section"
        if planted:
            # inside the primary chart's sentences, so that it reads unambiguously
            sentences.insert(rng.randrange(1, n_primary + 1), planted)
        text, claims = assemble(sentences)
        records.append(
            {
                "id": f"v{i:04d}",
                "authority_code": code,
                "kind": kind,
                "charts": charts,
                "text": text,
                "claims": claims,
            }
        )
        i += 1
    with args.out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} texts to {args.out}")


if __name__ == "__main__":
    main()
