"""English Indices of Deprivation 2019, File 11 (upper-tier local authority summaries) -> rows.

Read from sheet ``IMD``: average LSOA rank (chart ``deprivation_rank``, unit ``rank``; in these
summaries a higher average rank is more deprived), average score (unit ``score``) and the share
of the area's small areas (LSOAs) in the most deprived 10% nationally (unit ``percent``;
published as a proportion 0-1, stored x100).

Codes are the 2019 upper-tier codes: areas reorganised since 2019 keep their 2019 code and
are not remapped to today's councils. England's average rank is not in the file; by
construction it is the mean of all 32,844 LSOA ranks, (1 + 32844) / 2 = 16422.5. There is no
average decile in File 11, so ``deprivation_decile`` is not built from this source.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from narrator.databuild.common import ENGLAND_CODE, Parsed, Row, clean, make_row, parse_cell
from narrator.databuild.common import sheet_cell as locate
from narrator.errors import DataError

SOURCE_ID = "imd_2019"
FILE_NAME = "File_11_IoD2019_LA_District_Summaries_upper-tier.xlsx"
SHEET = "IMD"
PERIOD = "2019"
N_LSOAS = 32_844

MEASURES = (
    # (header, measure, unit, denominator, scale)
    ("IMD - Average rank", "average rank of small areas (LSOAs)", "rank", "", 1.0),
    ("IMD - Average score", "average deprivation score", "score", "", 1.0),
    (
        "IMD - Proportion of LSOAs in most deprived 10% nationally",
        "small areas (LSOAs) in the most deprived 10% in England",
        "percent",
        "small areas (LSOAs)",
        100.0,
    ),
)
NOTE = "IMD 2019; 2019 local-authority boundaries"
#: what each measure's scale means, read from the File 11 data: in these summaries the average
#: rank counts the most deprived of the 32,844 small areas as 32,844 and the least deprived as 1
#: (Blackpool 26,765, Wokingham 3,652), the reverse of the small-area ranks in File 1
SCALE_NOTES = {
    "rank": "a higher average rank means more deprived (the most deprived of 32,844 small areas "
    "counts as 32,844, the least deprived as 1)",
    "score": "a higher score means more deprived",
    "percent": "published as a proportion, x100; a higher share means more deprived",
}


def parse_sheet(frame: pd.DataFrame) -> list[Row]:
    """Rows of the ``IMD`` sheet read with ``header=None``."""
    headers = [clean(h) for h in frame.iloc[0]]
    rows: list[Row] = []
    for header, measure, unit, denominator, scale in MEASURES:
        if header not in headers:
            raise DataError(f"no column {header!r}", file=FILE_NAME, field=SHEET)
        j = headers.index(header)
        for i in range(1, len(frame)):
            code, name = clean(frame.iloc[i, 0]), clean(frame.iloc[i, 1])
            if not code.startswith("E"):
                continue
            parsed = parse_cell(frame.iloc[i, j])
            if parsed.value is not None and scale != 1.0:
                parsed = Parsed(parsed.value * scale, parsed.status, parsed.suppressed)
            rows.append(
                make_row(
                    code=code,
                    name=name,
                    kind="council",
                    parsed=parsed,
                    note=f"{NOTE}; {SCALE_NOTES[unit]}",
                    chart_id="deprivation_rank",
                    measure=measure,
                    unit=unit,
                    denominator=denominator,
                    period=PERIOD,
                    period_end=2019,
                    source=SOURCE_ID,
                    table=SHEET,
                    cell=locate(SHEET, i, j, header, name),
                )
            )
    rows.append(
        make_row(
            code=ENGLAND_CODE,
            name="England",
            kind="england",
            parsed=Parsed((1 + N_LSOAS) / 2),
            note="by construction: mean of all 32,844 LSOA ranks",
            chart_id="deprivation_rank",
            measure=MEASURES[0][1],
            unit="rank",
            period=PERIOD,
            period_end=2019,
            source=SOURCE_ID,
            table=SHEET,
            cell="not in the file: (1 + 32844) / 2",
        )
    )
    return rows


def read(path: Path) -> list[Row]:
    """All rows from IMD 2019 File 11 at ``path`` (needs openpyxl)."""
    if not path.exists():
        raise DataError("IMD 2019 File 11 not found", file=str(path))
    frame = pd.read_excel(path, sheet_name=SHEET, header=None, dtype=object)
    return parse_sheet(frame)
