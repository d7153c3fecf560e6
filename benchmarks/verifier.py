"""Verifier accuracy and speed on the labelled corpus (``evals/verifier/corpus.jsonl``).

A wrong claim is *caught* when any verifier claim overlapping its span is not supported (or the
report-level consistency check flags it); a correct claim is *false-flagged* when any
overlapping verifier claim is not supported. Fact sheets are built before the timed loop, and
one :class:`~narrator.verify.Verifier` is used throughout, as in a run: its sheet indexes are
built while warming up (a run verifies each sheet several times), so the timed loop measures
extraction and checking. Throughput is reported per wall second and per CPU second
(``time.process_time``: the machine may be shared), best of ``--repeat`` passes; the memo of
sentence words (``index.tokens``) is emptied before each pass, so a pass gains nothing from
the same texts read in the pass before it.

    python benchmarks/verifier.py [--corpus PATH] [--repeat 3] [--show-misses] [--write-verdicts]

``--write-verdicts`` stores a digest of every corpus verdict in ``evals/verifier/verdicts.jsonl``;
``tests/test_verify_golden.py`` fails when any verdict changes (speed work must not change one;
a deliberate change of the checks regenerates the file in the same commit).
"""

# ruff: noqa: E501
from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from narrator.catalog import load_catalog
from narrator.data import load_dataset, read_peer_lists
from narrator.facts import FactBuilder
from narrator.verify import Verifier
from narrator.verify.index import build_index, tokens

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "evals/verifier/corpus.jsonl"
VERDICTS = ROOT / "evals/verifier/verdicts.jsonl"
HELDOUT = ROOT / "evals/verifier/heldout"


def verdict_digest(verdict) -> str:
    """A short stable digest of one verdict (every claim, span, status, expected, reason, source)."""
    blob = json.dumps(verdict.model_dump(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def load_corpus(path: Path = CORPUS) -> tuple[list[dict], dict[str, list]]:
    """The corpus records and, per record id, its fact sheets (one per authority and chart)."""
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    catalog = load_catalog()
    fb = FactBuilder(load_dataset(chart_ids=catalog.ids), catalog)
    built: dict[tuple[str, str], object] = {}  # one sheet per (authority, chart), as a run has

    def sheet(code: str, chart: str):
        if (code, chart) not in built:
            built[(code, chart)] = fb.sheet(code, chart)
        return built[(code, chart)]

    return records, {r["id"]: [sheet(r["authority_code"], c) for c in r["charts"]] for r in records}


def overlapping(claim: dict, verdict_claims) -> list:
    return [c for c in verdict_claims if c.start < claim["end"] and c.end > claim["start"]]


# ---- held-out set: natural texts written blind (evals/verifier/heldout/README.md) ----------
def heldout_facts() -> FactBuilder:
    """Fact sheets as the held-out writers saw the data: the shipped observations with the
    similar councils of the peer model they worked from (``heldout/peers.csv``, model version
    1), so a later peer model cannot turn their hand labels wrong."""
    catalog = load_catalog()
    dataset = load_dataset(chart_ids=catalog.ids)
    frozen = read_peer_lists(HELDOUT / "peers.csv", dataset.authorities)
    return FactBuilder(replace(dataset, peers=frozen), catalog)


def load_heldout(split: str, fb: FactBuilder | None = None) -> tuple[list[dict], dict[str, list]]:
    """Records of one held-out split (``dev`` or ``test``) and, per id, the sheets a run would
    verify it against: a chart blurb its chart's sheet, a section summary every chart of its
    section, the overall summary every chart. The dev split also takes the reviewers' labelled
    claims (``evals/verifier/reviewed.jsonl``, from ``narrator review export``), class
    ``reviewed``; the test split never does."""
    fb = fb or heldout_facts()
    paths = [HELDOUT / f"{split}.jsonl"]
    if split == "dev" and (HELDOUT.parent / "reviewed.jsonl").exists():
        paths.append(HELDOUT.parent / "reviewed.jsonl")
    records = [
        json.loads(line) for path in paths for line in path.open(encoding="utf-8") if line.strip()
    ]
    built: dict[str, list] = {}
    sheets: dict[str, list] = {}
    for r in records:
        code = r["authority_code"]
        if code not in built:
            built[code] = fb.sheets_for(code)
        every = built[code]
        if r["kind"] == "chart":
            sheets[r["id"]] = [s for s in every if s.chart_id == r["chart_id"]]
        elif r["kind"] == "section":
            sheets[r["id"]] = [s for s in every if s.section == r["section"]]
        else:
            sheets[r["id"]] = every
    return records, sheets


def score_heldout(records: list[dict], sheets: dict[str, list], verifier: Verifier) -> dict:
    """Per class: wrong claims caught (any overlapping claim not supported), correct claims
    contradicted and correct claims flagged (not supported), by hand labels."""
    out = {
        "wrong": Counter(), "caught": Counter(), "caught_contradicted": Counter(),
        "correct": Counter(), "contradicted": Counter(), "flagged": Counter(),
        "unverifiable": Counter(), "unverifiable_caught": Counter(),
        "clean_texts": 0, "clean_failed": 0, "bad_texts": 0, "bad_failed": 0, "misses": [],
    }  # fmt: skip
    for r in records:
        verdict = verifier.verify(r["text"], sheets[r["id"]])
        labels = {c["label"] for c in r["claims"]}
        if labels <= {"correct"}:
            out["clean_texts"] += 1
            out["clean_failed"] += verdict.outcome == "fail"
        else:
            out["bad_texts"] += 1
            out["bad_failed"] += verdict.outcome == "fail"
        for claim in r["claims"]:
            a = r["text"].find(claim["quote"])
            span = {"start": a, "end": a + len(claim["quote"])}
            near = overlapping(span, verdict.claims)
            bad = [c for c in near if c.status != "supported"]
            cls = claim.get("class") or "other"
            where = f"{r['id']} [{cls}] {claim['quote']!r}"
            if claim["label"] == "wrong":
                out["wrong"][cls] += 1
                out["caught"][cls] += bool(bad)
                out["caught_contradicted"][cls] += any(c.status == "contradicted" for c in bad)
                if not bad:
                    out["misses"].append(
                        f"MISSED {where}: {claim.get('note', '')}\n    {r['text']}"
                    )
            elif claim["label"] == "unverifiable":
                out["unverifiable"][cls] += 1
                out["unverifiable_caught"][cls] += bool(bad)
                if not bad:
                    out["misses"].append(f"PASSED UNVERIFIABLE {where}\n    {r['text']}")
            else:
                out["correct"][cls] += 1
                out["flagged"][cls] += bool(bad)
                contra = [c for c in bad if c.status == "contradicted"]
                out["contradicted"][cls] += bool(contra)
                if bad:
                    why = (contra or bad)[0]
                    out["misses"].append(
                        f"{'CONTRADICTED' if contra else 'FLAGGED'} {where}: [{why.kind}] "
                        f"{why.text!r}: {why.reason}\n    {r['text']}"
                    )
    return out


def print_heldout(name: str, s: dict) -> None:
    tw, tc = sum(s["wrong"].values()), sum(s["caught"].values())
    rw, rc, rf = (
        sum(s["correct"].values()),
        sum(s["contradicted"].values()),
        sum(s["flagged"].values()),
    )
    print(
        f"\n== held-out {name}: {tw} wrong, {rw} correct, {sum(s['unverifiable'].values())} unverifiable claims"
    )
    print(
        f"{'class':<18}{'wrong':>6}{'caught':>8}{'recall':>8}{'correct':>9}{'contra':>8}{'rate':>7}{'flagged':>9}{'rate':>7}"
    )
    for cls in sorted(set(s["wrong"]) | set(s["correct"])):
        w, c, ok = s["wrong"][cls], s["caught"][cls], s["correct"][cls]
        print(
            f"{cls:<18}{w:>6}{c:>8}{(c / w if w else float('nan')):>8.0%}{ok:>9}"
            f"{s['contradicted'][cls]:>8}{(s['contradicted'][cls] / ok if ok else float('nan')):>7.0%}"
            f"{s['flagged'][cls]:>9}{(s['flagged'][cls] / ok if ok else float('nan')):>7.0%}"
        )
    print(
        f"{'ALL':<18}{tw:>6}{tc:>8}{tc / max(1, tw):>8.1%}{rw:>9}{rc:>8}{rc / max(1, rw):>7.1%}{rf:>9}{rf / max(1, rw):>7.1%}"
        "   (targets: recall >= 95%, contradicted <= 3%)"
    )
    uv, uc = sum(s["unverifiable"].values()), sum(s["unverifiable_caught"].values())
    print(f"unverifiable claims (causes, invented facts) kept out: {uc}/{uv}")
    print(
        f"texts with only correct claims that pass: {s['clean_texts'] - s['clean_failed']}/{s['clean_texts']}; "
        f"texts with a wrong or unverifiable claim that fail: {s['bad_failed']}/{s['bad_texts']}"
    )


def long_texts(verifier: Verifier) -> None:
    """Verification time against text length (an offline Leicester blurb repeated): the time
    should grow in proportion (issue target: 120 KB in under 1 s)."""
    from narrator.llm.offline import chart_text

    catalog = load_catalog()
    sheet = FactBuilder(load_dataset(chart_ids=catalog.ids), catalog).sheet("E06000016", "op_need")
    unit = chart_text(sheet) + "\n"
    times = []
    for size in (15_000, 30_000, 60_000, 120_000):
        text = (unit * (size // len(unit) + 1))[:size]
        c0 = time.process_time()
        verifier.verify(text, [sheet])
        times.append((size, time.process_time() - c0))
    shown = ", ".join(f"{size // 1000} KB {t:.2f} s" for size, t in times)
    ratio = times[-1][1] / max(times[0][1], 1e-9)
    print(f"long texts: {shown}; 8x the text took {ratio:.1f}x the time (linear = 8x)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument(
        "--writers",
        default="",
        help="score only the held-out texts of these writers (e.g. w7,w8,w9: a later round)",
    )
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the chart texts")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--write-verdicts", action="store_true", help=f"store digests in {VERDICTS}")
    ap.add_argument(
        "--split",
        choices=["dev", "test", "both", "none"],
        default="dev",
        help="held-out split(s) to score (tune on dev; score test once per change)",
    )
    args = ap.parse_args(argv)

    records, sheets = load_corpus(args.corpus)

    verifier = Verifier()
    caught, wrong = Counter(), Counter()
    flagged, right = Counter(), Counter()
    text_fp = text_ok = 0
    misses: list[str] = []
    digests: list[str] = []
    for r in records:
        verdict = verifier.verify(r["text"], sheets[r["id"]])
        digests.append(json.dumps({"id": r["id"], "verdict": verdict_digest(verdict)}))
        for claim in r["claims"]:
            bad = [c for c in overlapping(claim, verdict.claims) if c.status != "supported"]
            mode = claim["mode"]
            if claim["correct"]:
                right[mode] += 1
                if bad:
                    flagged[mode] += 1
                    misses.append(
                        f"FALSE FLAG [{mode}] {claim['text']!r}: {bad[0].reason}\n    {r['text']}"
                    )
            else:
                wrong[mode] += 1
                if bad:
                    caught[mode] += 1
                else:
                    misses.append(f"MISSED [{mode}] {claim['text']!r}\n    {r['text']}")
        if all(c["correct"] for c in r["claims"]):
            text_ok += 1
            text_fp += verdict.outcome == "fail"

    print(
        f"== template corpus (regression set, written from the checker's own vocabulary): {len(records)} texts, {sum(wrong.values())} wrong claims, "
        f"{sum(right.values())} correct claims"
    )
    print(f"\n{'failure mode':<20}{'caught':>8}{'of':>6}{'recall':>9}")
    for mode in sorted(wrong):
        print(f"{mode:<20}{caught[mode]:>8}{wrong[mode]:>6}{caught[mode] / wrong[mode]:>9.1%}")
    tw, tc = sum(wrong.values()), sum(caught.values())
    print(f"{'ALL WRONG CLAIMS':<20}{tc:>8}{tw:>6}{tc / tw:>9.1%}   (target >= 97%)")
    print(f"\n{'correct claim kind':<20}{'flagged':>8}{'of':>6}{'false flag':>11}")
    for mode in sorted(right):
        print(f"{mode:<20}{flagged[mode]:>8}{right[mode]:>6}{flagged[mode] / right[mode]:>11.1%}")
    rw, rf = sum(right.values()), sum(flagged.values())
    print(f"{'ALL CORRECT CLAIMS':<20}{rf:>8}{rw:>6}{rf / rw:>11.1%}   (target <= 3%)")
    print(
        f"texts with only correct claims failed: {text_fp}/{text_ok} ({text_fp / max(1, text_ok):.1%})"
    )

    for split in {"both": ("dev", "test"), "none": ()}.get(args.split, (args.split,)):
        if (HELDOUT / f"{split}.jsonl").exists():
            h_records, h_sheets = load_heldout(split)
            if args.writers:
                chosen = set(args.writers.split(","))
                h_records = [r for r in h_records if r["writer"] in chosen]
                split = f"{split} ({args.writers})"
            scored = score_heldout(h_records, h_sheets, verifier)
            print_heldout(split, scored)
            if args.show_misses:
                print("\n" + "\n".join(scored["misses"]))

    chart_texts = [(r["text"], sheets[r["id"]]) for r in records if r["kind"] == "chart"]
    for text, sh in chart_texts:  # warm the verifier's sheet indexes like a pipeline run would
        verifier.verify(text, sh)
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        tokens.cache_clear()  # a pass never reads words the pass before it memoised
        t0, c0 = time.perf_counter(), time.process_time()
        for text, sh in chart_texts:
            verifier.verify(text, sh)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    n = len(chart_texts)
    print(
        f"\nthroughput: {n / best:,.0f} chart texts/s wall, {n / best_cpu:,.0f} per CPU-second, "
        f"one core ({n} texts, best of {args.repeat}, one Verifier, sheet indexes cached; "
        "target >= 1,000)"
    )
    long_texts(verifier)
    c0 = time.process_time()
    for _text, sh in chart_texts:
        build_index(sh)
    cold = time.process_time() - c0
    print(f"index build (once per sheet per run): {cold / n * 1000:.2f} ms CPU per sheet")
    if args.write_verdicts:
        VERDICTS.write_text("\n".join(digests) + "\n", encoding="utf-8")
        print(f"wrote {len(digests)} verdict digests to {VERDICTS.relative_to(ROOT)}")
    if args.show_misses:
        print("\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
