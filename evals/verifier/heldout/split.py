"""Split the blind held-out texts (raw/<writer>.jsonl) into dev.jsonl and test.jsonl by council.

Each writer covered six councils; three of each writer's are dev (tune on these), three are test
(score once per change, never read). The split is fixed here so that it cannot drift:

    python evals/verifier/heldout/split.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV_COUNCILS = frozenset(
    {
        # w1
        "Wokingham", "Kent", "Sunderland",
        # w2
        "Leeds", "Hackney", "Middlesbrough",
        # w3
        "Birmingham", "Kingston upon Hull", "Westminster",
        # w4
        "Nottingham", "Lambeth", "York",
        # w5 (second round, hardest claim types)
        "Manchester", "Stockport", "Herefordshire",
        # w6 (second round, summaries)
        "Liverpool", "Newham", "Swindon",
        # w7-w9 (third round, 2026-12-01: more planted errors, trends, ranks, own past)
        "East Sussex", "Southwark", "Hartlepool",
        "North Lincolnshire", "Dorset", "Blackburn with Darwen",
        "Southampton", "Lancashire", "Lincolnshire",
        # w10-w12 (fourth round, 2026-12-01: every class, two texts in three with an error)
        "Portsmouth", "Redbridge", "Wandsworth",
        "Kensington and Chelsea", "Bracknell Forest", "Worcestershire",
        "Hounslow", "West Northamptonshire", "Rutland",
        # w13-w15 (fifth round, 2026-12-01: two texts in three with an error, weight on trends,
        # own past, ranks and measure swaps)
        "Barnet", "Darlington", "Salford",
        "Croydon", "Reading", "Somerset",
        "Tower Hamlets", "Slough", "Gateshead",
        # w16-w18 (sixth round, 2026-12-01, third session: trends, own past, ranks, measure
        # swaps, and correct comparisons phrased in many ways)
        "Derby", "Greenwich", "Northumberland",
        "Wolverhampton", "Brent", "Suffolk",
        "Sandwell", "Lewisham", "Bath and North East Somerset",
        # w19-w20 (seventh round, 2026-12-01, third session: one text in three with one error,
        # correct claims phrased in as many ways as the writers could)
        "Redcar and Cleveland", "East Riding of Yorkshire", "South Gloucestershire",
        "Thurrock", "Milton Keynes", "Ealing",
        # w21-w22 (eighth round, 2026-12-01, third session: change over time only, written for
        # dev alone; all of both writers' councils are dev)
        "Dudley", "Walsall", "Bromley", "Hillingdon", "Staffordshire", "Leicestershire",
        "Haringey", "Harrow", "Merton", "Bedford", "Central Bedfordshire", "North Yorkshire",
        # w23-w25 (ninth round, 2026-12-01, fourth session: every class, weight on change over
        # time, gaps, own past and ranks; scored once in full before any tuning on it)
        "Barking and Dagenham", "Bexley", "Brighton and Hove",
        "Bournemouth, Christchurch and Poole", "Kingston upon Thames", "Knowsley",
        "Rochdale", "South Tyneside", "St. Helens",
        # w26-w28 (tenth round, 2026-12-01, fifth session): new texts about dev councils only
        # (Nottingham, Derby, Kent, Wokingham, Southwark, Northumberland; Liverpool, Sunderland,
        # Leeds, Herefordshire, Croydon, Rutland; Birmingham, Lambeth, York, Stockport, Suffolk,
        # Dorset), scored once before tuning, then tuned on
        # (w29-w31, eleventh round, same session: new texts about test councils only, scored
        # once at the end)
        # (w32-w34, twelfth round, sixth session: new texts about test councils only; w35-w37,
        # thirteenth round: new texts about dev councils only (Bedford, Dudley, Walsall, Bromley,
        # Hillingdon, Staffordshire; Leicestershire, Haringey, Harrow, Merton, Central
        # Bedfordshire, North Yorkshire; Wandsworth, Salford, Bexley, Kingston upon Thames,
        # Manchester, Newham), scored once before tuning; w38: Stockport, Liverpool, North
        # Lincolnshire and Bracknell Forest are dev, Cornwall and Calderdale test; w39-w41,
        # fourteenth round: new texts about dev councils only (Swindon, Barking and Dagenham,
        # Barnet, Bath and North East Somerset, Blackburn with Darwen, Bournemouth,
        # Christchurch and Poole; Brent, Brighton and Hove, Ealing, East Riding of Yorkshire,
        # East Sussex, Gateshead; Greenwich, Hartlepool, Kensington and Chelsea, Knowsley,
        # Lancashire, Lewisham), scored once before tuning; w42-w44, fifteenth round: new
        # texts about test councils only, scored at the end)
        # (w45-w47, sixteenth round, seventh session: new texts about dev councils only
        # (Redbridge, Worcestershire, West Northamptonshire, Reading, Somerset, Tower Hamlets;
        # Slough, Wolverhampton, Sandwell, Redcar and Cleveland, South Gloucestershire, Thurrock;
        # Milton Keynes, Rochdale, South Tyneside, St. Helens, Southampton, Lincolnshire), scored
        # once before tuning; w48-w50, seventeenth round: new texts about test councils only,
        # and City of London, new, on the test side; w51-w54, eighteenth round: short texts
        # in as many phrasings as the writers could find, one focus each, about dev councils
        # only (Kent and Leeds; Birmingham and Hackney; York and Lambeth; Manchester and
        # Sunderland), scored once before tuning)
        # (eighth session: w55-w57, round 21, and w64-w66, round 23, new texts about test
        # councils only, scored in aggregate; w58-w60, round 20 (Portsmouth, Hounslow,
        # Darlington, Kingston upon Hull, Westminster, Middlesbrough), w61-w63, round 22
        # (Bedford, Walsall, Bromley, Staffordshire, Haringey, Harrow) and w67-w69, round 24
        # (Central Bedfordshire, North Yorkshire, Salford, Somerset, Dudley, Hillingdon), new
        # short texts about dev councils only, one focus per writer, scored once before tuning)
        # (ninth session: w70-w72, round 25, w79-w81, round 28, and w82-w84, round 29, new
        # texts about test councils only, scored in aggregate; w73-w75, round 26 (Nottingham,
        # Wokingham, Liverpool, Southwark, Newham, Croydon) and w76-w78, round 27 (Lancashire,
        # Lincolnshire, Gateshead, Greenwich, Reading, Barnet), new short texts about dev
        # councils only, one focus per writer, scored once before tuning); w88-w89, round 31
        # (tenth session: Bexley, Herefordshire, Merton, Kingston upon Thames, Leicestershire,
        # Bath and North East Somerset, all dev already: which measure a figure belongs to);
        # w90-w91, round 32 (Brent, Derby, Ealing; Brighton and Hove, Bracknell Forest,
        # Bournemouth, Christchurch and Poole, all dev already: size words; change over time)
        # (eleventh session: w92-w93, round 33 (Redbridge, Worcestershire, Slough;
        # Wolverhampton, Suffolk, Thurrock, all dev already: size, good or bad news, scales
        # and complements; which measure and unit in long chart blurbs); w94-w96, round 34,
        # new texts about fifteen test councils only, scored in aggregate)
        # (twelfth session: w97-w98, round 35 (Wandsworth, Kensington and Chelsea, West
        # Northamptonshire; Rutland, Northumberland, Lewisham, all dev already: measure swaps
        # in many-measure summaries; size words and change over time); w99-w100, round 36
        # (Redcar and Cleveland, East Riding of Yorkshire, South Gloucestershire; Milton
        # Keynes, Knowsley, Rochdale, all dev already: units, denominators and periods; which
        # measure a figure belongs to)); w101-w102, round 37, new texts about eight test
        # councils only, scored in aggregate)
        # (thirteenth session: w103-w105, round 38 (South Tyneside, St. Helens, North
        # Lincolnshire; Swindon, Hartlepool, Tower Hamlets), w106-w107, round 39 (Sandwell,
        # Barking and Dagenham, Dorset; Blackburn with Darwen, East Sussex, Southampton) and
        # w108-w109, round 40 (Stockport, Herefordshire, Newham; Portsmouth, Redbridge, Derby),
        # all dev already, scored once before tuning; w110-w111, round 41, new texts about
        # eight test councils only, scored in aggregate)
        # (fourteenth session: w112-w116, round 42 (Rochdale, South Gloucestershire, Milton
        # Keynes; Knowsley, Redcar and Cleveland, Hartlepool; Dorset, Southampton, East Sussex;
        # Swindon, Sandwell, Tower Hamlets; Barking and Dagenham, Blackburn with Darwen, East
        # Riding of Yorkshire), all dev already, scored once before tuning; w117-w119, round 43
        # (Hackney, Wandsworth, Stockport; Kensington and Chelsea, West Northamptonshire,
        # Rutland; Hounslow, Darlington, Northumberland), every class, dev already)
        # (fifteenth session: w120-w123, round 44 (Lewisham, Leicestershire, Merton; Bexley,
        # Bournemouth, Christchurch and Poole, Slough; Suffolk, Bath and North East Somerset,
        # Thurrock; Ealing, Kingston upon Thames, Bracknell Forest), the three first every
        # class as in the test rounds, w123 which measure, breakdown or unit a figure belongs
        # to, all dev already, scored once before tuning)
    }
)  # fmt: skip


def main() -> None:
    dev: list[str] = []
    test: list[str] = []
    for path in sorted((HERE / "raw").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            for claim in rec["claims"]:
                if rec["text"].count(claim["quote"]) != 1:
                    raise SystemExit(
                        f"{path.name}:{n}: quote not found exactly once: {claim['quote']!r}"
                    )
            (dev if rec["authority"] in DEV_COUNCILS else test).append(
                json.dumps(rec, ensure_ascii=False)
            )
    (HERE / "dev.jsonl").write_text("\n".join(dev) + "\n", encoding="utf-8")
    (HERE / "test.jsonl").write_text("\n".join(test) + "\n", encoding="utf-8")
    print(f"dev: {len(dev)} texts, test: {len(test)} texts")


if __name__ == "__main__":
    main()
