"""Source catalogue: what ``data/sources.yaml`` and ``data/ATTRIBUTION.md`` say about each source.

The licence caveat follows ``shared/data/raw/SOURCES.md``: none of the copied files states a
licence itself; UK official statistics are normally published under the Open Government
Licence v3.0, which should be checked at the publisher before redistributing.
"""

from __future__ import annotations

from typing import Any

import yaml

OGL = "Open Government Licence v3.0"
CAVEAT = (
    "The copied file states no licence itself; UK government official statistics are normally "
    "published under the Open Government Licence v3.0. Check the licence at the original "
    "publisher before redistributing."
)

SOURCES: dict[str, dict[str, str]] = {
    "ascof_2024_25": {
        "url": "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof",
        "title": "Measures from the Adult Social Care Outcomes Framework (ASCOF), England - "
        "time series of aggregated measures, 2015-16 to 2024-25",
        "publisher": "NHS England (for the Department of Health and Social Care)",
        "period": "2015-16 to 2024-25",
        "licence": OGL,
        "licence_caveat": CAVEAT,
        "attribution": "Source: NHS England, Measures from the Adult Social Care Outcomes "
        "Framework, England, 2024-25 (time series). Contains public sector information "
        "licensed under the Open Government Licence v3.0.",
        "file": "ascof_timeseries_2015-16_to_2024-25.ods",
        "obtained_from": "GitHub copy: Susai23/Lincolnshire-Adult-Social-Care-pipeline "
        "(Raw data/ascof_2024_25.ods @ 1b9479ebe8e2a64c9818216d2f483b25c354766b)",
    },
    "ascfr_salt_2021_22": {
        "url": "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-activity-and-finance-report/2021-22",
        "title": "Adult Social Care Activity and Finance: England 2021-22, data tables "
        "(ASC-FR and SALT)",
        "publisher": "NHS Digital",
        "period": "2021-22 (finance also 2020-21)",
        "licence": OGL,
        "licence_caveat": CAVEAT,
        "attribution": "Source: NHS Digital, Adult Social Care Activity and Finance Report, "
        "England 2021-22. Contains public sector information licensed under the Open "
        "Government Licence v3.0. Copyright NHS Digital 2022.",
        "file": "ASCFR_and_SALT_Data_Tables_2021-22.xlsx",
        "obtained_from": "GitHub copy: PhD-SarahLiley/GEOG5995_FinalProject "
        "@ 75dc9283ba9df17014953c65e9d2a7c7ef753c69",
    },
    "imd_2019": {
        "url": "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
        "title": "English Indices of Deprivation 2019, File 11: upper-tier local authority "
        "summaries",
        "publisher": "Ministry of Housing, Communities and Local Government",
        "period": "2019",
        "licence": OGL,
        "licence_caveat": CAVEAT,
        "attribution": "Source: Ministry of Housing, Communities and Local Government, English "
        "Indices of Deprivation 2019. Contains public sector information licensed under the "
        "Open Government Licence v3.0.",
        "file": "File_11_IoD2019_LA_District_Summaries_upper-tier.xlsx",
        "obtained_from": "GitHub copy: PhD-SarahLiley/GEOG5995_FinalProject "
        "@ 75dc9283ba9df17014953c65e9d2a7c7ef753c69",
    },
    "oflog_asc_explorer": {
        "url": "https://oflog.data.gov.uk/",
        "title": "Office for Local Government (Oflog) Local Authority Data Explorer: adult "
        "social care extract",
        "publisher": "Office for Local Government (Oflog), Ministry of Housing, Communities "
        "and Local Government",
        "period": "2015-16 to 2022-23",
        "licence": OGL,
        "licence_caveat": CAVEAT,
        "attribution": "Source: Office for Local Government, Local Authority Data Explorer "
        "(adult social care). Contains public sector information licensed under the Open "
        "Government Licence v3.0.",
        "file": "ASC_data.csv",
        "obtained_from": "GitHub copy: communitiesuk/oflog-automated-text "
        "(src/lib/ASC_data.csv @ 8036fa87bff7902004956b0561765af21af665da)",
    },
    "leicester_report_2024": {
        "title": "Leicester local-authority page (published report figures, Leicester and "
        "England comparators)",
        "publisher": "Published local-authority report (figures transcribed in "
        "leicester_reference.csv)",
        "period": "2019 to 2025 as stated per figure (mostly 2024 / 2023-24)",
        "licence": "See the publisher of the report; figures are re-used as facts with attribution",
        "licence_caveat": "Figures transcribed from the published page; the underlying "
        "statistics are official statistics from the bodies named in the report.",
        "attribution": "Figures as published on the Leicester local-authority page (2024).",
        "file": "leicester_reference.csv",
        "obtained_from": "shared/data/leicester_reference.csv",
    },
    "synthetic": {
        "title": "Synthetic fictional councils (generated for scale tests)",
        "publisher": "narrator (generated by narrator data synthetic)",
        "period": "as the imitated real series",
        "licence": "Not official statistics; generated data",
        "licence_caveat": "Invented values for invented places; never describe as real.",
        "attribution": "Synthetic data generated by narrator; not real figures.",
        "file": "data/synthetic/*.csv (generated on demand)",
        "obtained_from": "narrator.databuild.synthetic.generate_synthetic",
    },
}


def sources_yaml(used: set[str]) -> str:
    """``data/sources.yaml`` text for the source ids in ``used`` (stable order)."""
    payload: dict[str, Any] = {sid: SOURCES[sid] for sid in sorted(used | {"synthetic"})}
    header = (
        "# Generated by narrator.databuild (narrator data build). Do not edit by hand.\n"
        "# One entry per source id used in observations.csv (+ 'synthetic' for generated data).\n"
    )
    return header + yaml.safe_dump(payload, sort_keys=False, allow_unicode=True, width=100)


def attribution_md(used: set[str]) -> str:
    """``data/ATTRIBUTION.md`` text: a plain notice naming every source and its licence."""
    lines = [
        "# Data attribution",
        "",
        "The figures in `observations.csv` are taken from the public-sector statistics listed",
        "below. They are reproduced as published (with the row, column and sheet of each value",
        "recorded in the `table` and `cell` columns); some rates are derived from published",
        "counts and populations, and every such row says so in its `note`.",
        "",
        "Official statistics are re-used under the Open Government Licence v3.0",
        "(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).",
        "The copies we read carry no licence statement of their own, so the licence should be",
        "confirmed with each publisher before the data is redistributed.",
        "",
    ]
    for sid in sorted(used):
        meta = SOURCES[sid]
        lines += [
            f"## {meta['title']}",
            "",
            f"- Source id: `{sid}`",
            f"- Publisher: {meta['publisher']}",
            f"- Period: {meta['period']}",
            f"- File: `{meta['file']}`",
            f"- Licence: {meta['licence']}",
            f"- Attribution: {meta['attribution']}",
            "",
        ]
    lines += [
        "Fictional councils produced by `narrator data synthetic` are invented for testing and",
        "are marked `synthetic=true`; they are not official statistics.",
        "",
    ]
    return "\n".join(lines)
