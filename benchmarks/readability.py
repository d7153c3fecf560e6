"""Readability of the offline writer's texts: Flesch-Kincaid grade and words per sentence.

Figures count as one short word each (see :mod:`narrator.readability`). The aim is a reading
age of 9-11, about grade 4-6. Prints, per kind of text (chart blurb, section summary, overall
summary), the median and the 90th percentile over every council (or ``--authorities N``).

    python benchmarks/readability.py [--authorities 20]

No assertion: a measurement.
"""

from __future__ import annotations

import argparse
import statistics

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder
from narrator.llm.offline import chart_text, summary_text
from narrator.readability import readability


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--authorities", type=int, default=0, help="first N councils (0: all)")
    args = ap.parse_args()
    catalog = load_catalog()
    dataset = load_dataset(chart_ids=catalog.ids)
    facts = FactBuilder(dataset, catalog)
    councils = dataset.councils(synthetic=False)
    if args.authorities:
        councils = councils[: args.authorities]
    texts: dict[str, list[str]] = {"chart": [], "section": [], "overall": []}
    for council in councils:
        sheets = facts.sheets_for(council.code)
        texts["chart"] += [chart_text(s) for s in sheets if s.status == "ok"]
        for info in catalog.sections:
            mine = [s for s in sheets if s.section == info.name]
            texts["section"].append(summary_text("section", mine, info.name))
        texts["overall"].append(summary_text("overall", sheets, None))
    print(f"{len(councils)} councils; Flesch-Kincaid grade (aim 4-6) and words per sentence")
    print(f"{'kind':<10}{'texts':>7}{'grade median':>14}{'grade p90':>11}{'words/sentence':>16}")
    for kind, items in texts.items():
        scores = [readability(t) for t in items]
        grades = sorted(r.grade for r in scores)
        p90 = grades[int(0.9 * (len(grades) - 1))]
        wps = statistics.median(r.words_per_sentence for r in scores)
        print(
            f"{kind:<10}{len(items):>7}{statistics.median(grades):>14.1f}{p90:>11.1f}{wps:>16.1f}"
        )


if __name__ == "__main__":
    main()
