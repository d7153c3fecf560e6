"""Families of wording found by probing the checker with sentences of our own (issue 9).

Each pair is checked on the real shipped data for Leicester (E06000016, with its similar
councils from data/peers.csv): the first sentence is true and must pass, the second differs in
one claim and must fail. The families are ways of saying things, not held-out texts: streaks
after a bare "up", runs before the latest move, the size of a move, fractions in words, round
figures, strength words on shares, ranks said with ordinal words or as "no council", and
claims about similar councils (their range, their median, counts of them).
"""

from __future__ import annotations

from functools import cache

import pytest

from narrator.catalog import load_catalog
from narrator.data import load_dataset
from narrator.facts import FactBuilder
from narrator.paths import data_dir
from narrator.verify import Verifier

pytestmark = pytest.mark.skipif(
    not (data_dir() / "observations.csv").exists(), reason="needs the shipped data"
)

LEICESTER = "E06000016"
BROMLEY = "E09000006"
STOCKTON = "E06000004"  # Stockton-on-Tees: one source per series, where Leicester has two


@cache
def _builder() -> FactBuilder:
    catalog = load_catalog()
    return FactBuilder(load_dataset(chart_ids=catalog.ids), catalog)


def verdict_on(charts, text: str, code: str = LEICESTER):
    """The verdict on ``text`` with the fact sheets of ``charts`` for council ``code``."""
    return Verifier().verify(text, [_builder().sheet(code, c) for c in charts])


def assert_verdict(charts, text: str, outcome: str, code: str = LEICESTER) -> None:
    """The verdict on ``text`` is ``outcome`` ("pass" or "fail"); the claims show why not."""
    v = verdict_on(charts, text, code)
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


def verdict(chart: str, text: str):
    return verdict_on((chart,), text)


# fmt: off
PAIRS = [
    # a bare "up" with a streak after it is a move (users_info: 66.9, 63.0, 72.4, 72.9)
    ("users_info",
     "In 2024-25, 72.9% of people using services found it easy to get information, up for the "
     "second year running.",
     "In 2024-25, 72.9% of people using services found it easy to get information, up for the "
     "third year running."),
    ("users_info",
     "In 2024-25, 72.9% of people using services found it easy to get information, up for the "
     "second survey in a row.",
     "In 2024-25, 72.9% of people using services found it easy to get information, up for the "
     "third survey running."),
    # a run before the latest move (satisfaction: 65.6, 63.2, 61.8, then 71.7)
    ("user_satisfaction",
     "Satisfaction rose to 71.7% in 2024-25 after falling two years in a row.",
     "Satisfaction rose to 71.7% in 2024-25 after rising two years in a row."),
    # the size of a move is the series' change (16.9% to 19.6%: up 16%), never a gap to a
    # comparator that happens to be that size
    ("workforce_turnover",
     "Care staff turnover rose by about a sixth to 19.6% in 2024-25.",
     "Care staff turnover rose by 30% to 19.6% in 2024-25."),
    ("workforce_turnover",
     "Care staff turnover rose by about a sixth to 19.6% in 2024-25.",
     "Care staff turnover rose by a fifth to 19.6% in 2024-25."),
    # fractions in words are read within 12% of themselves (19.6%)
    ("workforce_turnover",
     "In 2024-25, about one in five care workers in Leicester left their job (19.6%).",
     "In 2024-25, about one in six care workers in Leicester left their job (19.6%)."),
    ("workforce_turnover",
     "In 2024-25, nearly a fifth of care workers in Leicester left their job.",
     "In 2024-25, nearly a quarter of care workers in Leicester left their job."),
    # a round figure allows at most a quarter of itself (a 6.6-point gap)
    ("user_satisfaction",
     "Satisfaction was 71.7% in 2024-25, roughly seven points above England.",
     "Satisfaction was 71.7% in 2024-25, roughly ten points above England."),
    # a strong word on a share less than one point apart (13.0% against 12.3%)
    ("hospital_discharge",
     "In 2024, 13% of hospital discharges in Leicester were delayed, slightly more than in "
     "England (12.3%).",
     "In 2024, 13% of hospital discharges in Leicester were delayed, far more than in England "
     "(12.3%)."),
    # "far" says more than "well": a 7.5% gap (72.9% against 67.8%) is well above, not far
    ("users_info",
     "In 2024-25, 72.9% of people using services found it easy to get information, well above "
     "England's 67.8%.",
     "In 2024-25, 72.9% of people using services found it easy to get information, far above "
     "England's 67.8%."),
    # "N times less than England": England's figure is N times the council's (5.7 / 4.85)
    ("reablement",
     "Only 4.85% of older people leaving hospital got reablement, about 1.2 times less than in "
     "England (5.7%).",
     "Only 4.85% of older people leaving hospital got reablement, about three times less than "
     "in England (5.7%)."),
    # a comparator as the subject: the council is the other way round from it
    ("user_satisfaction",
     "Satisfaction in Leicester was 71.7% in 2024-25. In England it was lower, at 65.1%.",
     "Satisfaction in Leicester was 71.7% in 2024-25. In England it was higher, at 65.1%."),
    ("user_satisfaction",
     "Satisfaction in Leicester was 71.7% in 2024-25. Across the East Midlands the share was "
     "lower too, at 64.0%.",
     "Satisfaction in Leicester was 71.7% in 2024-25. Across the East Midlands the share was "
     "higher, at 64.0%."),
    # the comparator named in the sentence before
    ("user_satisfaction",
     "England's satisfaction figure was 65.1% in 2024-25. So Leicester is much higher.",
     "England's satisfaction figure was 65.1% in 2024-25. So Leicester is lower."),
    # ranks said "among the lowest fifth", "second-best", "ranking it 7th"
    ("user_satisfaction",
     "Leicester's satisfaction was among the top fifth of councils in 2024-25.",
     "Leicester's satisfaction was among the lowest fifth of councils in 2024-25."),
    ("user_satisfaction",
     "Leicester's satisfaction was the seventh-best of 151 councils in 2024-25.",
     "Leicester's satisfaction was the second-best of 151 councils in 2024-25."),
    ("user_satisfaction",
     "Satisfaction reached 71.7% in 2024-25, ranking Leicester 7th of 151 councils.",
     "Satisfaction reached 71.7% in 2024-25, ranking Leicester 17th of 151 councils."),
    # a gap's move over time (information: 4.5 points above England in 2023-24, 5.1 in
    # 2024-25) and "one of the more deprived places" (more deprived than most councils)
    ("users_info",
     "In 2024-25, 72.9% found it easy to get information, above England's 67.8%; the gap has "
     "widened since 2023-24.",
     "In 2024-25, 72.9% found it easy to get information, above England's 67.8%; the gap has "
     "narrowed since 2023-24."),
    ("deprivation_rank",
     "Leicester is one of the more deprived places in England.",
     "Leicester is one of the less deprived places in England."),
    # a strong word on a share under two points apart (7.2% against 8.4%: 1.2 points, 14%)
    ("workforce_vacancy",
     "In 2024, 7.2% of care jobs in Leicester were vacant, a little below England's 8.4%.",
     "In 2024, 7.2% of care jobs in Leicester were vacant, well below England's 8.4%."),
    # ranks with ordinal words (satisfaction: 7th of 151)
    ("user_satisfaction",
     "Leicester ranked seventh of 151 councils for satisfaction in 2024-25.",
     "Leicester ranked fifth of 151 councils for satisfaction in 2024-25."),
    ("user_satisfaction",
     "Leicester came seventh out of 151 councils for satisfaction in 2024-25.",
     "Leicester came second out of 151 councils for satisfaction in 2024-25."),
    # "no council had higher": the top place, in England or among similar councils (first of
    # them for satisfaction, third for carers' social contact)
    ("user_satisfaction",
     "No council among Leicester's 15 closest statistical neighbours had higher satisfaction "
     "in 2024-25.",
     "No council had higher satisfaction than Leicester in 2024-25."),
    ("carers_social_contact",
     "At 34.1%, Leicester was third among its 15 similar councils, whose median was 26.9%.",
     "At 34.1%, Leicester was first among its 15 similar councils, whose median was 26.9%."),
    ("carers_social_contact",
     "Only two of Leicester's 15 similar councils had a higher share of carers with as much "
     "social contact as they wanted.",
     "Only one of Leicester's 15 similar councils had a higher share of carers with as much "
     "social contact as they wanted."),
    # a rank with two pools in its sentence: the one its own words go on to name
    ("user_satisfaction",
     "Satisfaction was 71.7% in 2024-25, the 7th highest of 151 councils and the highest among "
     "Leicester's 15 similar councils.",
     "Satisfaction was 71.7% in 2024-25, the 7th highest of 151 councils and the third highest "
     "among Leicester's 15 similar councils."),
    # a count of them, named in the words before; none of them
    ("carers_social_contact",
     "Among its 15 similar councils the middle figure was 26.9%, and only two of them scored "
     "higher than Leicester.",
     "Among its 15 similar councils the middle figure was 26.9%, and only one of them scored "
     "higher than Leicester."),
    ("user_satisfaction",
     "Among its 15 similar councils the middle figure was 65.8%, and none of them scored higher "
     "than Leicester.",
     "Among its 15 similar councils the middle figure was 69.8%, and none of them scored higher "
     "than Leicester."),
    ("carers_social_contact",
     "The typical peer had 26.9% of carers with as much social contact as they wanted.",
     "The typical peer had 29.9% of carers with as much social contact as they wanted."),
    # the similar councils' range, median and gap to them
    ("carers_social_contact",
     "Among comparable councils the share ranged from 20.8% to 44.2%.",
     "Among comparable councils the share ranged from 20.8% to 41.2%."),
    ("users_info",
     "Similar councils ranged from 60.3% to 79.1% on easy access to information.",
     "Similar councils ranged from 60.3% to 72.9% on easy access to information."),
    ("carers_social_contact",
     "Leicester's 34.1% compares with a median of 26.9% among councils like it.",
     "Leicester's 34.1% compares with a median of 29.6% among councils like it."),
    ("carers_social_contact",
     "The middle figure for its peer group was 26.9%, more than seven points below Leicester's "
     "34.1%.",
     "The middle figure for its peer group was 26.9%, more than ten points below Leicester's "
     "34.1%."),
    # which way a deprivation scale runs: in this summary a higher average rank, a higher
    # score and a bigger share are more deprived (lexicon.DEPRIVATION_SCALES)
    ("deprivation_rank",
     "Here a higher average rank means more deprived, so Leicester (22,858) is more deprived "
     "than England (16,423).",
     "Here a lower average rank means more deprived, so Leicester (22,858) is more deprived "
     "than England (16,423)."),
    ("deprivation_rank",
     "A higher score means more deprived, and Leicester's average score of 30.9 is among the 30 "
     "highest.",
     "A lower score means more deprived, and Leicester's average score of 30.9 is among the 30 "
     "highest."),
    # the opposite of leaving is staying (19.6% left, so 80.4% stayed)
    ("workforce_turnover",
     "In 2024-25, 19.6% of care staff in Leicester left their job, so about four in five stayed.",
     "In 2024-25, 19.6% of care staff in Leicester left their job, so about nine in ten stayed."),
    # "So ..." says again the figure of now, not an earlier year's the sentence before brings in
    ("carers_social_contact",
     "In 2023-24, 34.1% of carers in Leicester had as much social contact as they wanted. That "
     "is more than in 2021-22, when it was 27.5%. So about two in three carers do not get as "
     "much contact as they would like.",
     "In 2023-24, 34.1% of carers in Leicester had as much social contact as they wanted. That "
     "is more than in 2021-22, when it was 27.5%. So about three in four carers do not get as "
     "much contact as they would like."),
    # a move's own figure ends at the break after it: 61.7% "when" 2015-16 is another statement
    ("user_satisfaction",
     "Satisfaction rose to 71.7% in 2024-25, the highest figure since 2015-16, when 61.7% was "
     "recorded.",
     "Satisfaction fell to 71.7% in 2024-25, the highest figure since 2015-16, when 61.7% was "
     "recorded."),
    # a list of figures said against a run of periods, each figure its own year's
    # (information: 66.9%, 63.0%, 72.4% from 2021-22 to 2023-24)
    ("users_info",
     "The share finding information easy was 66.9%, 63.0% and 72.4% between 2021-22 and "
     "2023-24.",
     "The share finding information easy was 66.9%, 68.0% and 72.4% between 2021-22 and "
     "2023-24."),
    ("carers_social_contact",
     "In 2023-24, 34.1% of carers had as much social contact as they wanted, up from 27.5% in "
     "2021-22, 27.6% in 2018-19 and 31.0% in 2016-17.",
     "In 2023-24, 34.1% of carers had as much social contact as they wanted, up from 27.5% in "
     "2021-22, 31.0% in 2018-19 and 27.6% in 2016-17."),
    # decimals said in words; "the year before, when it spent"
    ("workforce_turnover",
     "In 2024-25, nineteen point six per cent of care staff in Leicester left their jobs.",
     "In 2024-25, twenty-nine point six per cent of care staff in Leicester left their jobs."),
    ("gross_expenditure",
     "Leicester spent £149.8 million gross in 2021-22. The year before it spent £145.1 million.",
     "Leicester spent £149.8 million gross in 2021-22. The year before it spent £149.8 million."),
    # a change in pounds (gross spending £145.1m to £149.8m) and a change from one earlier
    # period to the latest (carers' social contact 27.5% to 34.1%)
    ("gross_expenditure",
     "Leicester's gross spending rose by about £4.7 million to £149.8 million in 2021-22.",
     "Leicester's gross spending rose by about £10 million to £149.8 million in 2021-22."),
    ("carers_social_contact",
     "Last time, in 2021-22, it was 27.5%, so the share of carers with as much social contact "
     "as they wanted went up by 6.6 points.",
     "Last time, in 2021-22, it was 27.5%, so the share of carers with as much social contact "
     "as they wanted went up by 9 points."),
    # whose figure it is: "England, where 65.1% were"; a figure after a rate's denominator is
    # not part of it ("per 100,000 adults versus 527 in the East Midlands")
    ("user_satisfaction",
     "In 2024-25, 71.7% of people were satisfied with their care. That is higher than England, "
     "where 65.1% were.",
     "In 2024-25, 71.7% of people were satisfied with their care. That is higher than England, "
     "where 64.0% were."),
    ("carers_support_type",
     "In 2021-22, Leicester gave information and advice to 172 carers per 100,000 adults "
     "versus 527 in the East Midlands.",
     "In 2021-22, Leicester gave information and advice to 172 carers per 100,000 adults "
     "versus 476 in the East Midlands."),
    # "up to" after a move is where it moved to, not a ceiling
    ("user_satisfaction",
     "Satisfaction with care jumped up to 71.7% in 2024-25.",
     "Satisfaction with care jumped up to 67.1% in 2024-25."),
    # "slightly" on a share: not 6.6 points that are a tenth of the figure
    ("user_satisfaction",
     "Satisfaction was 71.7% in 2024-25, well above England's 65.1%.",
     "Satisfaction was 71.7% in 2024-25, slightly above England's 65.1%."),
    # a measure's name as a lead-in before its figure, in CQC's words for a residential home
    ("op_care_types",
     "In 2021-22, 447 in every 100,000 older people were in nursing care, less than England "
     "(630). Care homes without nursing: 2,133 in every 100,000, which is higher than England.",
     "In 2021-22, 447 in every 100,000 older people were in nursing care, less than England "
     "(630). Care homes without nursing: 2,133 in every 100,000, which is lower than England."),
    # "just over" a fraction in words reaches 15 % above it (28% is just over a quarter)
    ("providers_cqc",
     "In 2025, just over a quarter of care providers in Leicester were rated requires "
     "improvement or inadequate.",
     "In 2025, just over a fifth of care providers in Leicester were rated requires "
     "improvement or inadequate."),
    # a rate's denominator is a group of people, not any word containing "person"
    ("op_care_types",
     "Among people aged 65 and over in 2021-22, 4,415 in every 100,000 held a council-managed "
     "personal budget.",
     "Among people aged 65 and over in 2021-22, 4,415 in every 100,000 residents held a "
     "council-managed personal budget."),
    # "since 2015-16 and above England": a period, then a comparison (not "16 and above", an
    # age, leaving "2015" a figure)
    ("user_satisfaction",
     "Satisfaction rose to 71.7% in 2024-25, the highest in any year since the series began in "
     "2015-16 and above the England average of 65.1%.",
     "Satisfaction rose to 71.7% in 2024-25, the highest in any year since the series began in "
     "2015-16 and above the England average of 61.5%."),
    # a rank among "the city's 15 statistical neighbours" is a rank among similar councils
    ("user_satisfaction",
     "In 2024-25, 71.7% of people were satisfied with their care, well above England's 65.1% "
     "and the highest among the city's 15 statistical neighbours.",
     "In 2024-25, 71.7% of people were satisfied with their care, well above England's 65.1% "
     "and the lowest among the city's 15 statistical neighbours."),
    # "per 100,000 adults of that age": the group named before it
    ("op_care_types",
     "Among people aged 65 and over in 2021-22, 4,415 for every 100,000 adults of that age held "
     "a council-managed personal budget.",
     "Among people aged 65 and over in 2021-22, 4,415 for every 100,000 adults held a "
     "council-managed personal budget."),
    # a rate opening its sentence is the figure's after it
    ("gross_expenditure",
     "Per 100,000 adults, gross spending came to roughly £55.5 million in 2021-22.",
     "Per 100,000 residents, gross spending came to roughly £55.5 million in 2021-22."),
    # one comparison with two areas: each is checked (reablement: Leicester 59.6%, England
    # 60.7%, the East Midlands 58.4%)
    ("reablement",
     "In 2024-25, 59.6% of older people were still at home after reablement, lower than "
     "England (60.7%) but higher than the East Midlands (58.4%).",
     "In 2024-25, 59.6% of older people were still at home after reablement, lower than "
     "England (60.7%) and the East Midlands (58.4%)."),
    ("reablement",
     "In 2024-25, 59.6% of older people were still at home after reablement, above the East "
     "Midlands and below England.",
     "In 2024-25, 59.6% of older people were still at home after reablement, below both "
     "England and the East Midlands."),
    # comparisons said with verbs: "outpaced", "edges past", "far outstripping"
    ("user_satisfaction",
     "In 2024-25 satisfaction in Leicester, at 71.7%, outpaced England's 65.1%.",
     "In 2024-25 satisfaction in Leicester, at 71.7%, trailed England's 65.1%."),
    ("reablement",
     "In 2024-25, 59.6% of older people were still at home after reablement, which edges past "
     "the East Midlands figure of 58.4%.",
     "In 2024-25, 59.6% of older people were still at home after reablement, which edges past "
     "England's 60.7%."),
    ("reablement",
     "In 2024-25, 59.6% of older people were still at home after reablement, just outstripping "
     "the East Midlands figure of 58.4%.",
     "In 2024-25, 59.6% of older people were still at home after reablement, far outstripping "
     "the East Midlands figure of 58.4%."),
    # counts of councils that "did better", "fared better" (satisfaction: 7th of 151, first
    # among its similar councils)
    ("user_satisfaction",
     "In 2024-25, 71.7% of people were satisfied with their care. Six councils fared better.",
     "In 2024-25, 71.7% of people were satisfied with their care. Ten councils fared better."),
    ("user_satisfaction",
     "In 2024-25, 71.7% of people were satisfied with their care, and none of its similar "
     "councils did better.",
     "In 2024-25, 71.7% of people were satisfied with their care, and only 2 similar councils "
     "did better."),
    # a move after a fronted period is the change into it (users_info: 66.9% in 2021-22, 63.0%
    # in 2022-23; the series rose overall), unless a figure of that period comes first
    ("users_info",
     "In 2022-23 the share of people who found it easy to get information fell.",
     "In 2022-23 the share of people who found it easy to get information rose."),
    # a run between two periods (users_info: 68.2 in 2019-20, 66.9 in 2021-22, 63.0 in
    # 2022-23; it rose in the two surveys after)
    ("users_info",
     "The share of people who found it easy to get information fell two surveys in a row "
     "between 2019-20 and 2022-23.",
     "The share of people who found it easy to get information rose two surveys in a row "
     "between 2019-20 and 2022-23."),
    # a margin said after the comparison: "by a wide margin", "by a whisker"
    ("user_satisfaction",
     "In 2024-25, 71.7% were satisfied, beating England's 65.1% by a wide margin.",
     "In 2024-25, 71.7% were satisfied, beating England's 65.1% by a whisker."),
    ("reablement",
     "In 2024-25, 59.6% of older people were still at home after reablement, behind England "
     "(60.7%) by a narrow margin.",
     "In 2024-25, 59.6% of older people were still at home after reablement, behind England "
     "(60.7%) by some distance."),
    # a ratio in a stated earlier period is that period's (carers finding information easy:
    # 55.6% against 62.5% in 2018-19, 0.89; 0.73 in 2023-24)
    ("carers_info",
     "In 2018-19, 55.6% of carers found it easy to get information, about a tenth lower than "
     "England's 62.5%.",
     "In 2018-19, 55.6% of carers found it easy to get information, about a quarter lower than "
     "England's 62.5%."),
    # "close to a tenth more than" is a ratio, not "close to England"
    ("user_satisfaction",
     "In 2024-25, 71.7% were satisfied, close to a tenth more than England's 65.1%.",
     "In 2024-25, 71.7% were satisfied, close to a third more than England's 65.1%."),
    # "That was the lowest ...": of the figure the sentence before ended on (satisfaction was
    # 59.7% in 2018-19, its lowest; 71.7% now, its highest)
    ("user_satisfaction",
     "In 2018-19, 59.7% of people were satisfied with their care. That was the lowest in all "
     "the years shown.",
     "In 2018-19, 59.7% of people were satisfied with their care. That was the highest in all "
     "the years shown."),
    # a share said to be of everyone living there when it is of a group
    ("reablement",
     "In 2024-25, only 4.85% of older people leaving hospital in Leicester got reablement.",
     "In 2024-25, only 4.85% of all people in Leicester got reablement after leaving hospital."),
    ("deprivation_rank",
     "About 20.3% of the small areas in Leicester are among the most deprived 10% in England.",
     "About 20.3% of people living in the most deprived 10% in England are in Leicester."),
    # "up sharply on the year before": an adverb between the move and its base
    ("user_satisfaction",
     "In 2024-25, 71.7% of people were satisfied with their care, up sharply on the year before.",
     "In 2024-25, 71.7% of people were satisfied with their care, down slightly on the year "
     "before."),
    # "its third rise in a row" (users_info rose in 2023-24 and 2024-25, fell in 2022-23)
    ("users_info",
     "In 2024-25, 72.9% of people found it easy to get information, its second rise in a row.",
     "In 2024-25, 72.9% of people found it easy to get information, its third rise in a row."),
    # a share in a clause of its own after ";" is the council's, not the area named in the
    # clause before (the East Midlands' 29.2% would leave 70.8% without enough contact)
    ("carers_social_contact",
     "In 2023-24, 34.1% of carers in Leicester had as much social contact as they wanted, above "
     "England (30.0%) and the East Midlands (29.2%); in other words, around two thirds of "
     "carers lacked the contact they wanted.",
     "In 2023-24, 34.1% of carers in Leicester had as much social contact as they wanted, above "
     "England (30.0%) and the East Midlands (29.2%); in other words, around three quarters of "
     "carers lacked the contact they wanted."),
    # equal figures have no side (satisfaction 65.6% in Leicester and the East Midlands in
    # 2016-17)
    ("user_satisfaction",
     "In 2016-17, 65.6% of people in Leicester were satisfied with their care, the same as the "
     "East Midlands.",
     "In 2016-17, 65.6% of people in Leicester were satisfied with their care, just below the "
     "East Midlands."),
    # a bare verb before its figure, as a weak writer puts it
    ("user_satisfaction",
     "In 2024-25 satisfaction rise to 71.7% from 61.8%.",
     "In 2024-25 satisfaction fall to 71.7% from 61.8%."),
]
# fmt: on


@pytest.mark.parametrize(("chart", "true", "false"), PAIRS)
def test_true_wording_passes_and_its_wrong_twin_fails(chart: str, true: str, false: str) -> None:
    good = verdict(chart, true)
    assert good.outcome == "pass", [(c.text, c.status, c.reason) for c in good.claims]
    bad = verdict(chart, false)
    assert bad.outcome == "fail", [(c.text, c.status, c.reason) for c in bad.claims]


def test_a_change_said_of_a_comparator_is_not_contradicted_by_the_councils_own() -> None:
    """Precision first: "across England, where it rose by less than 1%" may be England's
    move, which the sheets cannot check; it is unverifiable, not a contradiction."""
    v = verdict(
        "gross_expenditure",
        "Leicester's gross spending rose by about £4.7 million in 2021-22, faster than across "
        "England, where it rose by less than 1%.",
    )
    england = next(c for c in v.claims if c.text.strip() == "less than 1%")
    assert england.status == "unverifiable"
    assert "England" in england.reason
    own = next(c for c in v.claims if "£4.7 million" in c.text)
    assert own.status == "supported"


def test_a_band_said_as_its_opposite_is_a_swap() -> None:
    """20.3% of Leicester's small areas are in the most deprived 10%, not the least."""
    good = verdict(
        "deprivation_rank",
        "About a fifth (20.3%) of Leicester's small areas are in the most deprived 10% in England.",
    )
    assert good.outcome == "pass", [(c.text, c.status, c.reason) for c in good.claims]
    bad = verdict(
        "deprivation_rank",
        "About a fifth (20.3%) of Leicester's small areas are in the least deprived 10% in "
        "England.",
    )
    swapped = next(c for c in bad.claims if c.text == "20.3%")
    assert swapped.status == "contradicted"
    assert "most deprived" in swapped.reason


#: causes and events the data does not hold, each appended to a true sentence
CAUSES = [
    "thanks largely to a new pay deal",
    "reflecting the city's high levels of long-term illness",
    "which the council puts down to its growing population",
    "a gap explained by the city's younger population",
    "after the council introduced a new single point of contact",
    "following the closure of several poorly rated homes",
]


@pytest.mark.parametrize("cause", CAUSES)
def test_a_cause_or_event_the_data_does_not_hold_keeps_a_true_sentence_unverified(cause: str):
    true = "Satisfaction in Leicester was 71.7% in 2024-25, above England's 65.1%"
    assert verdict("user_satisfaction", true + ".").outcome == "pass"
    v = verdict("user_satisfaction", f"{true}, {cause}.")
    assert v.outcome == "fail"
    assert any(c.kind == "causal" and c.status == "unverifiable" for c in v.claims)


def test_a_lead_in_before_a_colon_must_be_a_name_not_a_statement() -> None:
    """A measure's name labels its figure ("Nursing care: 447 ..."); "Leicester has abandoned
    older people: ..." and "Leicester is a caring city: ..." say something no fact supports."""
    label = verdict("op_care_types", "Nursing care: 447 in every 100,000 older people in 2021-22.")
    assert label.outcome == "pass", [(c.text, c.status) for c in label.claims]
    for lead in ("Leicester has abandoned older people", "Leicester is a caring city"):
        v = verdict("op_care_types", f"{lead}: 447 in every 100,000 older people in 2021-22.")
        # the lead is flagged as a statement no fact supports (and so is the figure after it,
        # which does not say which kind of long-term support its 447 is)
        flagged = [c.text for c in v.claims if c.kind == "grounding"]
        assert flagged and flagged[0].startswith(lead), v.claims
        assert v.outcome == "fail"


@pytest.mark.parametrize(
    "text",
    [
        "In 2021-22, Leicester's gross spending rose by about 3% to £149.8 million, against "
        "about 3.4% across England.",
        "Leicester's gross spending rose by about 3% in 2021-22, less than England's growth "
        "rate of 3.4%.",
    ],
)
def test_a_comparators_change_the_data_does_not_give_is_unverifiable_not_contradicted(text):
    """The sheets hold no change of England's: "3.4%" said as one cannot be checked, and is
    not the council's change said wrongly."""
    v = verdict("gross_expenditure", text)
    said = next(c for c in v.claims if c.text.endswith("3.4%"))
    assert said.status == "unverifiable", (said.status, said.reason)
    assert v.outcome == "fail"


def test_a_share_said_of_englands_most_deprived_tenth_is_the_councils_own() -> None:
    """The words "in England's most deprived 10%" name a band, not whose share it is: Bexley
    has none of its small areas there (0%), Leicester about one in five (20.3%)."""
    bexley = _builder().sheet("E09000004", "deprivation_rank")
    text = "None of Bexley's small areas sit in England's most deprived 10%."
    v = Verifier().verify(text, [bexley])
    assert v.outcome == "pass", [(c.text, c.status, c.reason) for c in v.claims]
    true = "About one in five of Leicester's small areas sit in England's most deprived 10%."
    assert verdict("deprivation_rank", true).outcome == "pass"
    false = "None of Leicester's small areas sit in England's most deprived 10%."
    assert verdict("deprivation_rank", false).outcome == "fail"


@pytest.mark.parametrize(("said", "outcome"), [("lower", "pass"), ("higher", "fail")])
def test_the_survey_before_is_a_time_not_spending_before_income(said: str, outcome: str) -> None:
    """In a summary that also covers gross spending ("day-to-day spending before income",
    which rose), "That is lower than the survey before." goes on about the figure before it
    (carers finding information easy: 50.0% in 2021-22, 43.3% in 2023-24), not spending."""
    text = (
        "In 2023-24, 43.3% of carers found it easy to get information. "
        f"That is {said} than the survey before."
    )
    assert_verdict(("carers_info", "gross_expenditure"), text, outcome)


@pytest.mark.parametrize(("figure", "outcome"), [("£19.1m", "pass"), ("£45.8m", "fail")])
def test_contributed_names_client_contributions(figure: str, outcome: str) -> None:
    """ "People using care contributed" names client contributions (£19.1m in 2021-22), not the
    NHS's income (£45.8m), in a text that covers both."""
    text = f"In 2021-22, people using care in Leicester contributed {figure} towards it."
    assert_verdict(("client_contributions", "nhs_contributions"), text, outcome)


@pytest.mark.parametrize(
    "text",
    [
        "In 2024-25, 71.7% of people in Leicester were satisfied with their care.",
        "In 2024-25, 71.7% of people living in Leicester were satisfied with their care.",
    ],
)
def test_a_share_whose_words_name_its_group_is_not_a_wrong_denominator(text: str) -> None:
    """Only a share said to be of everyone living there is a wrong denominator: words after it
    that name the group ("satisfied with their care") say whose share it is."""
    v = verdict("user_satisfaction", text)
    assert v.outcome == "pass", [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(("figure", "outcome"), [("8,830", "pass"), ("1,125", "fail")])
def test_a_fronted_group_names_the_figure_after_its_comma(figure: str, outcome: str) -> None:
    """ "Among over-65s, N per 100,000 were receiving long-term support": the phrase before the
    comma says whom the figure counts (8,830 is the 65+ rate; 1,125 is the 18-64 rate)."""
    text = (
        "In 2021-22, working-age requests ran at 1,880 per 100,000. "
        f"Among over-65s, {figure} per 100,000 were receiving long-term support."
    )
    assert_verdict(("op_need", "wa_need"), text, outcome)


@pytest.mark.parametrize(("figure", "outcome"), [("71.7%", "pass"), ("72.9%", "fail")])
def test_one_topic_word_names_its_measure(figure: str, outcome: str) -> None:
    """ "Satisfaction jumped to N": the one word names the satisfaction measure (71.7%), so
    the information measure's 72.9% said of it is a swap, in a text that covers both."""
    charts = ("user_satisfaction", "users_info", "carers_info")
    text = (
        "In 2024-25, 72.9% found it easy to get information. "
        f"Satisfaction jumped to {figure} in 2024-25."
    )
    assert_verdict(charts, text, outcome)


@pytest.mark.parametrize(("figure", "outcome"), [("4,250", "pass"), ("7,335", "fail")])
def test_words_naming_a_series_only_in_part_do_not_shield_a_swap(figure: str, outcome: str):
    """ "received N requests for support from working-age adults" names the 18-64 requests
    (4,250); its "support" and "received" also name the 18-64 long-term support, but its
    "requests" rules that one out, so the 65+ requests (7,335) said of it are a swap."""
    text = (
        "In 2021-22 Leicester supported 3,850 older people with long-term care, and received "
        f"{figure} requests for support from working-age adults."
    )
    assert_verdict(("op_need", "wa_need"), text, outcome)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("In 2024-25, 71.7% of people using services were satisfied, while 72.9% found "
         "information easy to get, above the England rate of 67.8%.", "pass"),
        # 65.1% is England's satisfaction figure, set against the council's information one
        ("In 2024-25, 71.7% of people using services were satisfied, while 72.9% found "
         "information easy to get, above the England rate of 65.1%.", "fail"),
        # a statement of England's own, not a comparison with the figure before it
        ("In 2024-25, 72.9% found information easy to get, while England's satisfaction "
         "figure was 65.1%.", "pass"),
        # two figures against two comparators' figures in turn
        ("In 2024-25, 72.9% found information easy to get and 71.7% were satisfied, both "
         "above England (67.8% and 65.1%).", "pass"),
    ],
)  # fmt: skip
def test_a_comparators_figure_belongs_to_the_measure_it_is_set_against(text: str, outcome: str):
    assert_verdict(("user_satisfaction", "users_info"), text, outcome)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        ("75.0% of its care homes were rated good or outstanding", "pass"),
        ("75.0% of its care homes were rated good or better", "pass"),
        ("25.0% required improvement or were inadequate", "pass"),
        ("25.0% were rated requires-improvement-or-inadequate", "pass"),
        # the data has no figure for one rating alone
        ("75.0% of its care homes were rated outstanding", "fail"),
        ("75.0% of its care homes were rated good", "fail"),
        ("25.0% were rated inadequate", "fail"),
    ],
)
def test_a_share_of_two_ratings_said_of_one_alone_is_a_merge(said: str, outcome: str) -> None:
    v = verdict("providers_cqc", f"In 2024-25, {said}.")
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(
    ("charts", "text", "outcome"),
    [
        # "happy with their care" is satisfaction (61.8% in 2023-24; 72.4% is information's)
        (("user_satisfaction", "users_info"),
         "About 73 in every 100 found it easy to get information in 2024-25. In 2023-24, 61.8% "
         "were happy with their care.", "pass"),
        (("user_satisfaction", "users_info"),
         "About 73 in every 100 found it easy to get information in 2024-25. In 2023-24, 72.4% "
         "were happy with their care.", "fail"),
        # "care workers left their jobs" is staff turnover (19.6%; 25.0% is a CQC share)
        (("workforce_turnover", "providers_cqc"),
         "In 2024-25, 19.6% of Leicester's care workers left their jobs.", "pass"),
        (("workforce_turnover", "providers_cqc"),
         "In 2024-25, 25.0% of Leicester's care workers left their jobs.", "fail"),
        # ", meanwhile," does not cut the subject off its figure (1,125 is the 18-64 rate)
        (("op_need", "wa_need"),
         "In 2021-22, older people's requests ran at 16,825 per 100,000. Long-term support for "
         "working-age adults, meanwhile, reached 1,125 per 100,000.", "pass"),
        (("op_need", "wa_need"),
         "In 2021-22, older people's requests ran at 16,825 per 100,000. Long-term support for "
         "working-age adults, meanwhile, reached 8,830 per 100,000.", "fail"),
    ],
)  # fmt: skip
def test_everyday_names_of_measures_bind_their_figures(charts, text: str, outcome: str) -> None:
    assert_verdict(charts, text, outcome)


@pytest.mark.parametrize(("england", "outcome"), [("65.1%", "pass"), ("67.8%", "fail")])
def test_a_comparators_figure_is_set_against_the_figure_of_its_period(england, outcome) -> None:
    """ "rose to 68.2% in 2024-25 from 63.2% a year earlier, above England's N": England's
    figure is set against the 2024-25 one (Stockton-on-Tees; England's satisfaction was 65.1%
    and its information figure 67.8% in 2024-25)."""
    text = (
        "Satisfaction rose to 68.2% in 2024-25 from 63.2% a year earlier, above England's "
        f"{england}."
    )
    assert_verdict(("user_satisfaction", "users_info"), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        ("users_info", "In 2024-25, 72.9% of service users found it easy to get information.",
         "pass"),
        ("users_info", "In 2024-25, 72.9% of unpaid carers found it easy to get information.",
         "fail"),
        ("carers_info", "In 2023-24, 43.3% of carers found it easy to get information.", "pass"),
        ("carers_info", "In 2023-24, 43.3% of care users found it easy to get information.",
         "fail"),
        ("carers_info", "In 2023-24, about 43 in every 100 carers found it easy to get "
         "information.", "pass"),
        ("carers_info", "In 2023-24, about 43 in every 100 service users found it easy to get "
         "information.", "fail"),
    ],
)  # fmt: skip
def test_a_survey_figure_said_of_the_other_group_is_a_swap(chart, text, outcome) -> None:
    """Carers and people who use services answer two surveys: one group's figure said of the
    other is wrong even when the text's charts hold only one of them."""
    v = verdict(chart, text)
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # "now" does not make "the highest" the latest figure when a figure stands between
        ("The share of carers finding information easy has now fallen to 43.3% in 2023-24, "
         "from a peak of 57.3% in 2016-17, the highest level recorded in the series.", "pass"),
        ("The share of carers finding information easy has now fallen to 43.3% in 2023-24, "
         "from a peak of 55.6% in 2018-19, the highest level recorded in the series.", "fail"),
        # the figure an extreme "remains" is the one it describes
        ("In 2023-24, 43.3% of carers found information easy to get. Their highest figure on "
         "record remains the 57.3% of 2016-17.", "pass"),
        ("In 2023-24, 43.3% of carers found information easy to get. Their highest figure on "
         "record remains the 55.6% of 2018-19.", "fail"),
    ],
)  # fmt: skip
def test_an_extreme_describes_the_figure_its_words_point_to(text: str, outcome: str) -> None:
    v = verdict("carers_info", text)
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Satisfaction was 67.7% in 2021-22 and 66.8% a year later.", "pass"),
        ("Satisfaction was 67.7% in 2021-22 and 63.2% a year later.", "fail"),
        ("Satisfaction was 64.7% in 2018-19, 70.2% the following year and 67.7% in 2021-22.",
         "pass"),
        ("Satisfaction was 64.7% in 2018-19, 70.6% the following year and 67.7% in 2021-22.",
         "fail"),
    ],
)  # fmt: skip
def test_a_year_later_is_the_period_after_the_one_stated_before(text: str, outcome: str):
    """Stockton-on-Tees' satisfaction: 64.7 (2018-19), 70.2 (2019-20), 67.7 (2021-22), 66.8
    (2022-23), 63.2 (2023-24)."""
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        ("wa_need", "In 2021-22, 2,545 working-age adults received long-term support.", "pass"),
        # 1,125 is the rate per 100,000 aged 18-64, said as a number of people
        ("wa_need", "In 2021-22, 1,125 working-age adults received long-term support.", "fail"),
        ("wa_need", "In 2021-22, 1,125 in every 100,000 working-age adults received long-term "
         "support.", "pass"),
        # a comparison's rate after it does not make the figure one
        ("wa_need", "In 2021-22, 1,125 working-age adults received long-term support, against "
         "England's rate of 850 per 100,000.", "fail"),
        ("gross_expenditure", "In 2021-22, Leicester's gross spending was £149.8 million.",
         "pass"),
        # £55.5m is spending per 100,000 adults, said as the total
        ("gross_expenditure", "In 2021-22, Leicester's gross spending was £55.5 million.",
         "fail"),
        ("gross_expenditure", "In 2021-22, Leicester's gross spending was £55.5 million for "
         "every 100,000 adults.", "pass"),
    ],
)  # fmt: skip
def test_a_rate_said_as_a_number_is_a_wrong_unit(chart: str, text: str, outcome: str) -> None:
    v = verdict(chart, text)
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        ("user_satisfaction", "In 2024-25, 71.7% of people in Leicester said they were "
         "satisfied with their care.", "pass"),
        # "all the people who live there": everyone, whatever the words after it say
        ("user_satisfaction", "In 2024-25, 71.7% of all the people who live there said they "
         "were satisfied with their care.", "fail"),
        ("carers_info", "In 2023-24, 43.3% of carers in Leicester said it was easy to find "
         "information.", "pass"),
        ("carers_info", "In 2023-24, 43.3% of all adults in Leicester said it was easy to find "
         "information.", "fail"),
    ],
)  # fmt: skip
def test_a_share_said_of_everyone_living_there_is_a_wrong_denominator(chart, text, outcome):
    v = verdict(chart, text)
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("In 2023-24, 43.3% of carers found it easy to get information; about 57% did not.",
         "pass"),
        ("In 2023-24, 43.3% of carers found it easy to get information. The other 56.7% did "
         "not.", "pass"),
        ("In 2023-24, 43.3% of carers found it easy to get information; about 53% did not.",
         "fail"),
    ],
)  # fmt: skip
def test_a_share_and_its_complement_state_one_figure(text: str, outcome: str) -> None:
    """The consistency check does not set a share against its own complement."""
    v = verdict("carers_info", text)
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Leicester's 71.7% is the highest of the 15 (itself and its similar councils)
        ("was the highest among its comparator councils", "pass"),
        ("was the second highest among its comparator councils", "fail"),
    ],
)
def test_comparator_councils_are_the_similar_councils(said: str, outcome: str) -> None:
    v = verdict("user_satisfaction", f"In 2024-25, Leicester's satisfaction of 71.7% {said}.")
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


def test_a_comparison_with_similar_councils_in_an_earlier_year_is_unverifiable() -> None:
    """The data holds the similar councils' figures for the latest period only: a comparison
    with them in a sentence about 2023-24 can be neither supported nor contradicted."""
    earlier = verdict(
        "user_satisfaction",
        "A year earlier, in 2023-24, 61.8% of Leicester's care users were satisfied, more than "
        "the typical similar council (59.0).",
    )
    peers = [c for c in earlier.claims if c.kind in ("direction", "number")]
    assert peers and all(c.status == "unverifiable" for c in peers), [
        (c.text, c.status, c.reason) for c in earlier.claims
    ]
    latest = verdict(
        "user_satisfaction",
        "In 2024-25, 71.7% of Leicester's care users were satisfied, more than the typical "
        "similar council (59.0).",
    )
    assert any(c.status == "contradicted" and c.text == "59.0" for c in latest.claims)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("A higher score here means more deprived.", "supported"),
        ("A higher score here means less deprived.", "contradicted"),
        ("A higher score on this index signals a poorer area.", "supported"),
        ("A higher score on this index signals a better off area.", "contradicted"),
    ],
)
def test_how_a_scale_runs_is_read_in_more_words(text: str, status: str) -> None:
    """Leicester's deprivation chart: a higher average score means more deprived."""
    v = verdict("deprivation_rank", text)
    scale = [c for c in v.claims if c.kind == "scale"]
    assert [c.status for c in scale] == [status], [(c.text, c.status) for c in v.claims]


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # satisfaction 61.8% (2023-24) to 71.7% (2024-25): up 9.9 points, or 16%
        ("rose by 9.9 percentage points", "pass"),
        ("rose by 16%", "pass"),
        ("rose by 9.9%", "fail"),
        ("rose by 16 percentage points", "fail"),
    ],
)
def test_a_change_in_per_cent_is_relative_and_in_points_is_absolute(said: str, outcome: str):
    v = verdict("user_satisfaction", f"Satisfaction {said} to 71.7% in 2024-25.")
    assert v.outcome == outcome, [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        ("while income from the NHS was £17.0 million per 100,000 adults", "pass"),
        # £9.2m is England's NHS income: a clause after "while" naming no one is Leicester's
        ("while income from the NHS was £9.2 million per 100,000 adults", "fail"),
        ("while England's NHS income was £9.2 million per 100,000 adults", "pass"),
    ],
)
def test_a_clause_after_while_that_names_no_one_is_the_councils(said: str, outcome: str) -> None:
    text = (
        "In 2021-22, client contributions were £7.1 million per 100,000 adults, just under "
        f"England's £7.2 million, {said}."
    )
    assert_verdict(("client_contributions", "nhs_contributions"), text, outcome)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        ("lower than England, which was 65.4%", "pass"),
        ("higher than England, which was 65.4%", "fail"),
    ],
)
def test_a_comparison_is_of_the_period_its_figures_are_of(said: str, outcome: str) -> None:
    """Stockton-on-Tees' satisfaction was 63.2% in 2023-24 (England 65.4%) and 68.2% in
    2024-25 (England 65.1%): "It was lower than England, which was 65.4%" compares 2023-24."""
    text = f"In 2023-24, Stockton-on-Tees' satisfaction was 63.2%. It was {said}."
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees: 66.1% (2023-24) to 77.5% (2024-25), down from 81.5% in 2015-16
        ("The share finding information easy rose by 11.4 percentage points in 2024-25, to "
         "77.5%.", "pass"),
        ("The share finding information easy fell by 11.4 percentage points in 2024-25, to "
         "77.5%.", "fail"),
        # a later "since" belongs to another claim, not to the move's period
        ("The share finding information easy rose in 2024-25, to 77.5%, its highest level "
         "since 2021-22.", "pass"),
    ],
)  # fmt: skip
def test_a_move_in_a_year_is_the_change_into_it(text: str, outcome: str) -> None:
    v = verdict_on(("users_info",), text, STOCKTON)
    trend = [c for c in v.claims if c.kind == "trend"][0]
    assert trend.status == ("supported" if outcome == "pass" else "contradicted"), [
        (c.text, c.status, c.reason) for c in v.claims
    ]


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Stockton-on-Tees 77.5% against England's 67.8% in 2024-25: a 9.7-point lead
        ("streets ahead of England's 67.8%", "pass"),
        ("a hair above England's 67.8%", "fail"),
        ("almost exactly England's level of 67.8%", "fail"),
    ],
)
def test_more_words_for_the_size_of_a_gap(said: str, outcome: str) -> None:
    text = f"In 2024-25, 77.5% of service users found information easy, {said}."
    assert_verdict(("users_info",), text, outcome, STOCKTON)


def test_a_margin_after_a_comparison_belongs_to_its_claim() -> None:
    """ "trailed England by a wide margin" (63.2% against 65.4%): the contradicted claim spans
    the margin's words, so a reader sees which words are wrong."""
    text = "In 2023-24 Stockton-on-Tees' satisfaction of 63.2% trailed England by a wide margin."
    v = verdict_on(("user_satisfaction",), text, STOCKTON)
    bad = [c for c in v.claims if c.status == "contradicted"]
    assert bad and bad[0].text.endswith("by a wide margin"), [(c.text, c.status) for c in v.claims]


@pytest.mark.parametrize(
    ("figure", "outcome"),
    [("was 68.2%", "pass"), ("then to 66.8%", "fail")],  # Stockton-on-Tees; 66.8%: 2022-23
)
def test_a_figure_said_to_be_the_latest_must_be_the_latest(figure: str, outcome: str) -> None:
    text = (
        "Satisfaction fell from 70.2% in 2019-20 to 67.7% in 2021-22 and "
        f"{figure} in the most recent survey."
    )
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, 2021-22, per 100,000 aged 65+: long-term support 6,570 (2nd of 16
        # with its similar councils), requests 10,600 (12th of 16)
        ("In 2021-22, 10,600 requests per 100,000 people aged 65+ were made, and 6,570 per "
         "100,000 received long-term support, the second highest among its similar councils.",
         "pass"),
        # the rank follows the requests figure: another figure of the sentence cannot cover it
        ("In 2021-22, 6,570 per 100,000 people aged 65+ received long-term support, while "
         "requests ran at 10,600 per 100,000, the second highest among its similar councils.",
         "fail"),
    ],
)  # fmt: skip
def test_a_rank_right_after_a_figure_ranks_that_figure(text: str, outcome: str) -> None:
    assert_verdict(("op_need",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # gross current expenditure, 2021-22: £47.6m per 100,000 adults (£476 an adult),
        # England £49.4m (£494)
        ("In 2021-22, gross current spending came to about £476 per adult, against about £494 "
         "for England.", "pass"),
        ("Per head, gross current spending came to about £476 in 2021-22.", "pass"),
        ("In 2021-22, gross current spending came to about £456 per adult, against about £494 "
         "for England.", "fail"),
        # the data's sums are per adult, not per resident
        ("In 2021-22, gross current spending came to about £476 per resident.", "fail"),
        # long-term support, 6,570 per 100,000 aged 65+: 65.7 per 1,000
        ("In 2021-22, about 66 for every 1,000 people aged 65 and over received long-term "
         "support.", "pass"),
        ("In 2021-22, about 56 for every 1,000 people aged 65 and over received long-term "
         "support.", "fail"),
    ],
)  # fmt: skip
def test_rates_per_person_and_per_thousand(text: str, outcome: str) -> None:
    assert_verdict(("gross_expenditure", "op_need"), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # carers finding information easy, 2023-24: 74.8%, so 25.2% did not
        ("The share of carers lacking easy access to information was 25.2% in 2023-24.", "pass"),
        ("The share of carers lacking easy access to information was 35.2% in 2023-24.", "fail"),
        # the share set off by dashes: its statement goes on after them
        ("About a quarter of carers — 25.2% — said it was not easy to get information in "
         "2023-24.", "pass"),
        ("About three quarters of carers — 25.2% — said it was not easy to get information in "
         "2023-24.", "fail"),
        ("In 2023-24, roughly one in four carers stopped short of saying information was easy "
         "to find.", "pass"),
        ("In 2023-24, roughly one in three carers stopped short of saying information was easy "
         "to find.", "fail"),
    ],
)  # fmt: skip
def test_a_negation_anywhere_in_its_clause_may_make_a_share_its_complement(
    text: str, outcome: str
) -> None:
    assert_verdict(("carers_info",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees' satisfaction: 63.2% in 2023-24 (England 65.4%), 68.2% in 2024-25
        # (England 65.1%)
        ("Satisfaction among Stockton-on-Tees service users in 2023-24 was below the England "
         "average.", "pass"),
        ("Satisfaction among Stockton-on-Tees service users in 2023-24 was above the England "
         "average.", "fail"),
        ("Stockton-on-Tees' 2023-24 satisfaction score was under the national average.", "pass"),
        ("Stockton-on-Tees' 2023-24 satisfaction score was over the national average.", "fail"),
        # a year that starts a run is not the comparison's period
        ("Satisfaction has been measured since 2015-16 and is now above the England average.",
         "pass"),
    ],
)  # fmt: skip
def test_a_comparison_with_no_figures_is_of_the_year_its_clause_names(
    text: str, outcome: str
) -> None:
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # carers finding information easy, 2023-24: 74.8% of carers surveyed
        ("In 2023-24, 74.8% of Stockton-on-Tees carers found it easy to get information.",
         "pass"),
        ("In 2023-24, three in four carers in the borough found it easy to get information about "
         "support.", "pass"),
        # the same share said of the whole population: the wrong people
        ("In 2023-24, 74.8% of Stockton-on-Tees' adult residents found it easy to get "
         "information.", "fail"),
        ("In 2023-24, three in four of the borough's residents found it easy to get information "
         "about support.", "fail"),
    ],
)  # fmt: skip
def test_a_share_said_of_the_whole_population_is_of_the_wrong_people(
    text: str, outcome: str
) -> None:
    assert_verdict(("carers_info",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # 2024-25: satisfied with their care 68.2%, finding information easy 77.5%
        ("In 2024-25, most service users (68.2%) said they were satisfied with their care.",
         "pass"),
        ("In 2024-25, most service users (77.5%) said information was easy to find.", "pass"),
        # a figure in brackets is named by its clause's words after the bracket too
        ("In 2024-25, most service users (77.5%) said they were satisfied with their care.",
         "fail"),
    ],
)  # fmt: skip
def test_a_bracketed_figure_is_named_by_the_words_after_its_bracket(
    text: str, outcome: str
) -> None:
    assert_verdict(("user_satisfaction", "users_info"), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        # Stockton-on-Tees. Carers finding information easy, 2023-24: 4th of 152 councils, 2nd
        # of 16 with its similar councils. Over-65s, 2021-22: long-term support 2nd of 16 with
        # its similar councils, requests 97th of 148 councils and 12th of 16. Care staff
        # turnover, 2024-25: 10th of 16.
        ("carers_info", "In 2023-24, more carers found information easy to get than in nearly "
         "every other council in England.", "pass"),
        ("op_need", "In 2021-22, older people asked for help more often than in nearly every "
         "other council in England.", "fail"),
        ("op_need", "In 2021-22, the 6,570 per 100,000 older people in long-term support was "
         "higher than every similar council bar one.", "pass"),
        ("op_need", "In 2021-22, the 10,600 requests per 100,000 older people was higher than "
         "every similar council bar one.", "fail"),
        ("carers_info", "In 2023-24, 74.8% of carers found information easy to get, coming "
         "second among its similar councils.", "pass"),
        ("carers_info", "In 2023-24, 74.8% of carers found information easy to get, coming "
         "fifth among its similar councils.", "fail"),
        ("carers_info", "In 2023-24, 74.8% of carers found information easy to get, the most "
         "of any council in its peer group.", "fail"),
        ("workforce_turnover", "In 2024-25, care staff turnover of 20.7% put Stockton-on-Tees "
         "in the middle of the pack among its similar councils.", "pass"),
        ("carers_info", "In 2023-24, the 74.8% of carers finding information easy put "
         "Stockton-on-Tees mid-table among similar councils.", "fail"),
        # "the middle of the peer group" is the peer median, not a place (64.2%)
        ("carers_info", "In 2023-24, 74.8% of carers found information easy to get; the middle "
         "of the peer group stood at 64.2%.", "pass"),
    ],
)  # fmt: skip
def test_more_ways_to_say_a_place_in_a_table(chart: str, text: str, outcome: str) -> None:
    assert_verdict((chart,), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("verb", "outcome"),
    [("edges past", "pass"), ("dwarfs", "fail")],  # 68.2% against England's 65.1%
)
def test_verbs_that_say_how_big_a_gap_is(verb: str, outcome: str) -> None:
    text = f"At 68.2%, satisfaction with care in Stockton-on-Tees {verb} the England average."
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, IMD 2019: average score 25.8, average rank of small areas 17,542
        ("Its small areas have an average deprivation score of 25.8.", "pass"),
        ("Its small areas have an average rank of 17,542.", "pass"),
        # the noun right before "of" names the figure, not the words before it
        ("Its small areas have an average deprivation score of 17,542.", "fail"),
    ],
)  # fmt: skip
def test_the_noun_right_before_of_names_the_figure(text: str, outcome: str) -> None:
    assert_verdict(("deprivation_rank",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("earlier", "outcome"),
    # Stockton-on-Tees' care staff turnover: 19.2% in 2023-24 and 20.7% in 2024-25 (ASCOF);
    # the Oflog series ended with 25.3% in 2022-23, two years before
    [("19.2%", "pass"), ("25.3%", "fail")],
)
def test_the_year_before_is_not_the_last_year_of_a_series_that_ended(
    earlier: str, outcome: str
) -> None:
    text = f"Care staff turnover was 20.7% in 2024-25, against {earlier} the year before."
    assert_verdict(("workforce_turnover",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Dudley, 2020-21 to 2021-22: net spending £106.0m to £111.9m (up £6.0m), gross total
        # £121.0m to £129.1m (up £8.1m)
        ("Net spending climbed by about £6 million to £111.9 million in 2021-22.", "pass"),
        ("Gross spending climbed by about £8 million to £129.1 million in 2021-22.", "pass"),
        # the gross change said of net spending
        ("Net spending climbed by about £8 million to £111.9 million in 2021-22.", "fail"),
    ],
)  # fmt: skip
def test_a_change_is_of_the_series_its_sentence_names(text: str, outcome: str) -> None:
    assert_verdict(("gross_expenditure", "net_expenditure"), text, outcome, "E08000027")


@pytest.mark.parametrize(
    ("figure", "outcome"),
    # carers finding information easy, 2023-24: England 59.1%, the North East 68.0%
    [("59.1%", "pass"), ("68.0%", "fail")],
)
def test_a_figure_set_against_the_councils_after_a_colon_is_the_named_areas(
    figure: str, outcome: str
) -> None:
    text = (
        "In 2023-24 more carers found information easy than in England: 74.8% compared with "
        f"{figure}."
    )
    assert_verdict(("carers_info",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("charts", "text", "outcome"),
    [
        # Stockton-on-Tees' satisfaction: 70.6% in 2017-18, 63.2% in 2023-24, 68.2% in 2024-25
        # (England 65.1%); finding information easy: 66.1% in 2023-24, 77.5% in 2024-25
        (("user_satisfaction",), "Satisfaction recorded a 5-point rise to 68.2% in 2024-25.",
         "pass"),
        (("user_satisfaction",), "Satisfaction recorded a 7-point rise to 68.2% in 2024-25.",
         "fail"),
        (("user_satisfaction",), "In 2024-25 satisfaction was 68.2% against England's 65.1%, "
         "a three-point gap.", "pass"),
        (("user_satisfaction",), "In 2024-25 satisfaction was 68.2% against England's 65.1%, "
         "a six-point gap.", "fail"),
        (("user_satisfaction",), "From 2023-24 to 2024-25 satisfaction went up by 5 in every "
         "100.", "pass"),
        (("user_satisfaction",), "From 2023-24 to 2024-25 satisfaction went up by 9 in every "
         "100.", "fail"),
        (("user_satisfaction",), "In 2023-24 satisfaction, at 63.2%, sat about a tenth below "
         "the 2017-18 level of 70.6%.", "pass"),
        (("user_satisfaction",), "In 2023-24 satisfaction, at 63.2%, sat about a third below "
         "the 2017-18 level of 70.6%.", "fail"),
        # each change is of the measure its own words name
        (("user_satisfaction", "users_info"), "In 2024-25 satisfaction rose by 5.0 points, and "
         "ease of finding information climbed by 11.4 points.", "pass"),
        (("user_satisfaction", "users_info"), "In 2024-25 satisfaction rose by 5.0 points, and "
         "ease of finding information climbed by 5.0 points.", "fail"),
    ],
)  # fmt: skip
def test_more_ways_to_say_the_size_of_a_change(charts, text: str, outcome: str) -> None:
    assert_verdict(charts, text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("charts", "text", "outcome"),
    [
        # residential providers rated good or outstanding: 82.0% in 2023-24, 86.0% in 2024-25
        (("providers_cqc",), "In the latest figures, 86.0% of the borough's residential "
         "providers were rated good or outstanding.", "pass"),
        (("providers_cqc",), "In the latest figures, 82.0% of the borough's residential "
         "providers were rated good or outstanding.", "fail"),
        # gross current spending, 2021-22: £476 per adult
        (("gross_expenditure",), "In 2021-22 the council spent about £476 gross on care for "
         "every adult living there.", "pass"),
        (("gross_expenditure",), "In 2021-22 the council spent about £476 gross on care for "
         "every person living there.", "fail"),
        # carers finding information easy, 2023-24: 74.8% (a share of carers, not of users)
        (("carers_info",), "In 2023-24, about three in four carers (74.8%) said information "
         "about support was easy to find.", "pass"),
        (("carers_info",), "In 2023-24, about three in four of the people who use care "
         "services (74.8%) said information about support was easy to find.", "fail"),
    ],
)  # fmt: skip
def test_latest_figures_everyone_living_there_and_people_who_use_services(
    charts, text: str, outcome: str
) -> None:
    assert_verdict(charts, text, outcome, STOCKTON)


FINANCES = (
    "gross_expenditure", "net_expenditure", "client_contributions", "nhs_contributions",
    "budget_cuts", "sufficiency",
)  # fmt: skip


@pytest.mark.parametrize(
    ("earlier", "outcome"),
    # Lincolnshire, 2020-21: net £176.4m, gross current £218.3m; 2021-22 net £227.0m
    [("£176.4m", "pass"), ("£218.3m", "fail")],
)
def test_a_summary_figure_is_of_the_series_a_topic_word_beside_it_names(
    earlier: str, outcome: str
) -> None:
    """ "net adult care budget" names no series outright, but its topic word "net" only net
    spending has, so gross spending's 2020-21 figure said in those words is a slip."""
    text = (
        f"Lincolnshire's net adult care budget jumped from {earlier} in 2020-21 to £227.0m in "
        "2021-22."
    )
    assert_verdict(FINANCES, text, outcome, "E10000019")


@pytest.mark.parametrize(
    ("charts", "text", "outcome"),
    [
        # residential providers rated good or outstanding 82.0% -> 86.0% (better); care staff
        # turnover 19.2% -> 20.7% (worse), 2023-24 to 2024-25
        (("providers_cqc", "workforce_turnover"), "Care home ratings improved in 2024-25, while "
         "staff turnover rose by 1.5 points.", "pass"),
        (("providers_cqc", "workforce_turnover"), "Care home ratings worsened in 2024-25, while "
         "staff turnover rose by 1.5 points.", "fail"),
        # satisfaction 66.8% in 2022-23, 63.2% in 2023-24: the move's size is not a level it
        # moved from, and its one figure is where it moved to
        (("user_satisfaction",), "In 2023-24, satisfaction went down by 3.6 points to 63.2%.",
         "pass"),
        (("user_satisfaction",), "In 2023-24, satisfaction went up by 3.6 points to 63.2%.",
         "fail"),
    ],
)  # fmt: skip
def test_a_move_goes_with_the_measure_and_figures_of_its_own_clause(
    charts, text: str, outcome: str
) -> None:
    assert_verdict(charts, text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Newham: 2.44% of its small areas are in England's most deprived tenth (IMD 2019)
        ("Fewer than one in forty of its small areas (2.44 per cent) lie in the most deprived "
         "tenth nationally.", "pass"),
        ("About one in forty of its small areas lie in the most deprived tenth nationally.",
         "pass"),
        ("Fewer than one in fifty of its small areas lie in the most deprived tenth "
         "nationally.", "fail"),
    ],
)  # fmt: skip
def test_one_in_forty_is_a_share(text: str, outcome: str) -> None:
    assert_verdict(("deprivation_rank",), text, outcome, "E09000025")


def test_a_share_in_words_restated_later_in_its_clause_needs_only_fit_it() -> None:
    """ "fewer than half of carers (44.1 per cent in 2023-24)": the words say the bracketed
    share again, so they are checked against it, not against whichever series is nearest."""
    carers = ("carers_count", "carers_social_contact", "carers_support_type", "carers_info")
    said = "In 2023-24 {} of carers had as much social contact as they wanted (34.0 per cent)."
    assert verdict_on(carers, said.format("about a third"), STOCKTON).outcome == "pass"
    bad = verdict_on(carers, said.format("more than half"), STOCKTON)
    assert bad.outcome == "fail"
    assert any("says again" in c.reason for c in bad.claims if c.status == "contradicted")


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees' satisfaction 66.8% (2022-23) -> 63.2% (2023-24); England 65.4%
        # (2023-24) -> 65.1% (2024-25): the figure after "from" is where the move started
        ("Satisfaction eased, from 66.8% to 63.2% in 2023-24.", "pass"),
        ("England went from 65.4% to 65.1% in 2024-25.", "pass"),
        ("Satisfaction eased, from 61.8% to 63.2% in 2023-24.", "fail"),
    ],
)  # fmt: skip
def test_the_figure_a_move_starts_from_is_of_an_earlier_period(text: str, outcome: str) -> None:
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("size", "outcome"),
    # Stockton-on-Tees' care staff turnover 19.2% -> 20.7%: up 1.5 points, 7.8% of where it
    # started; a share's change said in per cent is relative
    [("1.5 points", "pass"), ("about 8 per cent", "pass"), ("1.5 per cent", "fail")],
)
def test_a_shares_change_in_per_cent_is_relative_wherever_it_is_read(
    size: str, outcome: str
) -> None:
    text = f"The share of care staff leaving their jobs rose by {size} in 2024-25, to 20.7%."
    assert_verdict(("workforce_turnover",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("figure", "outcome"),
    # Stockton-on-Tees' satisfaction: 66.8% in 2022-23, 63.2% in 2023-24, 68.2% in 2024-25
    [("63.2%", "pass"), ("68.2%", "fail")],
)
def test_a_sentence_opening_a_year_later_follows_the_year_before_it(
    figure: str, outcome: str
) -> None:
    text = f"Satisfaction was 66.8% in 2022-23. A year later it stood at {figure}."
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("figure", "outcome"),
    # Stockton-on-Tees, 2021-22: 2,425 people aged 65+ in long-term support, 6,570 per 100,000
    # (1.3 times England's rate); the rate after the dash is England's, not the figure's unit
    [("2,425", "pass"), ("6,570", "fail")],
)
def test_a_rate_said_as_people_is_not_shielded_by_a_rate_named_after_a_dash(
    figure: str, outcome: str
) -> None:
    text = (
        f"In 2021-22, {figure} older Stockton-on-Tees residents were getting long-term support "
        "— about 1.3 times the England rate."
    )
    assert_verdict(("op_need",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, 2024-25: 13.35% of people aged 65+ discharged from hospital got
        # reablement; 74% of people new to services needed no further support after it
        ("About 13% of older people discharged from hospital received reablement in 2024-25.",
         "pass"),
        ("In 2024-25, 74% of people new to services needed no further support after "
         "reablement.", "pass"),
        # the same shares said of everyone of an age
        ("About 13% of all the borough's over-65s received reablement in 2024-25.", "fail"),
        ("In 2024-25, 74% of all older people leaving hospital needed no further support.",
         "fail"),
    ],
)  # fmt: skip
def test_a_share_said_of_everyone_of_an_age_is_of_the_wrong_people(text: str, outcome: str) -> None:
    assert_verdict(("reablement",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, 2021-22, per 100,000 aged 65+: residential care 2,057, nursing 474.
        # A figure whose own words are only its rate ("about 2,060 for every 100,000 aged 65
        # and over") restates the clause before its comma, which names the measure
        ("In 2021-22 many older people lived in care homes without nursing, about 2,060 for "
         "every 100,000 aged 65 and over.", "pass"),
        ("In 2021-22 many older people got nursing care too, about 474 for every 100,000 aged "
         "65 and over.", "pass"),
        ("In 2021-22 many older people got nursing care too, about 2,060 for every 100,000 "
         "aged 65 and over.", "fail"),
    ],
)  # fmt: skip
def test_a_figure_whose_own_words_name_nothing_takes_the_clause_before_it(
    text: str, outcome: str
) -> None:
    assert_verdict(("op_care_types",), text, outcome, STOCKTON)


def test_a_figure_does_not_take_the_words_of_a_clause_before_its_own() -> None:
    # "and in 2021-22 it had ...": a clause of its own; 36,950 is Stockton-on-Tees's 65+
    # population, not a figure of the deprived small areas the clause before names
    text = (
        "Stockton-on-Tees has many small areas among England's most deprived tenth, and in "
        "2021-22 it had 36,950 residents aged 65+."
    )
    v = verdict_on(("deprivation_rank", "population"), text, STOCKTON)
    assert [c.status for c in v.claims if c.text == "36,950"] == ["supported"], v.claims


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, carers with as much social contact as they want: 35.8% (2016-17),
        # 30.4% (2018-19), 25.7% (2021-22), 34.0% (2023-24). "In every survey" with no period
        # of its own runs between the periods its sentence states, or over the whole series
        ("Between 2016-17 and 2021-22, carers' social contact fell in each successive "
         "survey.", "pass"),
        ("Between 2016-17 and 2023-24, carers' social contact fell in each successive "
         "survey.", "fail"),
        ("Carers' social contact slipped in every survey, from 35.8% in 2016-17 to 25.7% in "
         "2021-22.", "pass"),
        ("Carers' social contact has fallen in every survey.", "fail"),
    ],
)  # fmt: skip
def test_a_run_in_every_survey_spans_the_periods_its_sentence_states(
    text: str, outcome: str
) -> None:
    assert_verdict(("carers_social_contact",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    "text",
    [
        # runs and firsts the checks cannot read are flagged, not passed because a figure
        # beside them is right (satisfaction fell in 2018-19, 2021-22, 2022-23 and 2023-24)
        "Satisfaction with care reached 68.2% in 2024-25, without a single year-on-year fall.",
        "Satisfaction with care reached 68.2% in 2024-25, its best showing on record.",
    ],
)
def test_a_run_or_record_the_checks_cannot_read_is_not_passed(text: str) -> None:
    v = verdict_on(("user_satisfaction",), text, STOCKTON)
    assert v.outcome == "fail", [(c.text, c.status, c.reason) for c in v.claims]


@pytest.mark.parametrize(
    ("text", "charts", "outcome"),
    [
        # Stockton-on-Tees, 2021-22: working-age adults in residential care 133 and in nursing
        # care 21 per 100,000 aged 18-64; older people in residential care 2,057 and in nursing
        # care 474 per 100,000 aged 65+. "Adults aged 18-64" after a rate is whom it counts, not
        # the population series it also names
        ("In 2021-22, working-age adults in nursing care numbered 21 per 100,000 adults aged "
         "18-64.", ("wa_care_types", "population"), "pass"),
        ("In 2021-22, working-age adults in nursing care numbered 133 per 100,000 adults aged "
         "18-64.", ("wa_care_types", "population"), "fail"),
        # "a care home without nurses" is a residential home
        ("In 2021-22, about 2,060 in every 100,000 older people lived in a care home without "
         "nurses.", ("op_care_types",), "pass"),
        ("In 2021-22, about 474 in every 100,000 older people lived in a care home without "
         "nurses.", ("op_care_types",), "fail"),
    ],
)  # fmt: skip
def test_a_rates_denominator_and_a_home_without_nurses_name_the_right_measure(
    text: str, charts: tuple[str, ...], outcome: str
) -> None:
    assert_verdict(charts, text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "chart", "outcome"),
    [
        # Stockton-on-Tees: 77.5% of people using services surveyed found information easy in
        # 2024-25; 20.8% of its small areas are in England's most deprived tenth (2019); 86% of
        # its residential providers were rated good or outstanding in 2024-25
        ("In 2024-25, 77.5% of people using services said it was easy to find information.",
         "users_info", "pass"),
        ("In 2024-25, 77.5 out of every 100 older people in Stockton-on-Tees said it was easy "
         "to find information.", "users_info", "fail"),
        ("In 2019, about 21% of its small areas were in England's most deprived tenth.",
         "deprivation_rank", "pass"),
        ("In 2019, about 21% of its residents lived in England's most deprived tenth.",
         "deprivation_rank", "fail"),
        ("In 2024-25, 86% of its care homes were rated good or outstanding.",
         "providers_cqc", "pass"),
        ("In 2024-25, 86% of its home care agencies were rated good or outstanding.",
         "providers_cqc", "fail"),
    ],
)  # fmt: skip
def test_a_share_said_of_other_people_or_things_than_its_denominator_is_wrong(
    text: str, chart: str, outcome: str
) -> None:
    assert_verdict((chart,), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, 2021-22: people using care paid £13.6m towards it, the NHS gave
        # £13.2m. A measure's plain name sets it apart as its label does
        ("In 2021-22, what people paid towards their own care came to £13.6 million.", "pass"),
        ("In 2021-22, what people paid towards their own care came to £13.2 million.", "fail"),
        ("In 2021-22, people who use care chipped in £13.6m themselves.", "pass"),
        ("In 2021-22, people who use care chipped in £13.2m themselves.", "fail"),
    ],
)  # fmt: skip
def test_a_measures_plain_name_tells_it_from_another(text: str, outcome: str) -> None:
    assert_verdict(("client_contributions", "nhs_contributions"), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, 2021-22, per 100,000 adults: net spending £39.1m, gross £48.0m.
        # Spending "net of income" or "after taking away money it got back" is net spending
        ("In 2021-22, net of income, it spent £39.1m for every 100,000 adults.", "pass"),
        ("In 2021-22, net of income, it spent £48.0m for every 100,000 adults.", "fail"),
        ("In 2021-22, after taking away money it got back, it spent £39.1 million for every "
         "100,000 adults.", "pass"),
        ("In 2021-22, after taking away money it got back, it spent £48.0 million for every "
         "100,000 adults.", "fail"),
    ],
)  # fmt: skip
def test_spending_net_of_income_in_words_is_net_spending(text: str, outcome: str) -> None:
    assert_verdict(("gross_expenditure", "net_expenditure"), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Leicester's published 2024 figure: 6.6 carers per 100,000 residents supported by
        # direct payment, with no number of carers beside it. A real SmolLM2 reply said it as
        # "6.6 people": a rate said as a number is not passed, even with no number to set
        # against it
        ("In 2024, Leicester supported 6.6 carers for every 100,000 residents through direct "
         "payments, fewer than England (150).", "pass"),
        ("In 2024, Leicester had 6.6 people supported by carers, which is lower than England "
         "(150).", "fail"),
    ],
)  # fmt: skip
def test_a_rate_said_as_people_fails_even_with_no_number_to_compare(
    text: str, outcome: str
) -> None:
    assert_verdict(("carers_support_type",), text, outcome)


@pytest.mark.parametrize(
    ("text", "code", "outcome"),
    [
        # Stockton-on-Tees, 2021-22: 474 per 100,000 aged 65+ in nursing care, one of six kinds
        # of long-term support the chart shows; said as the whole of long-term support, the
        # figure cannot be checked
        ("In 2021-22, 474 people aged 65+ per 100,000 of that age were in nursing care.",
         STOCKTON, "pass"),
        ("In 2021-22, Stockton-on-Tees had 474 people aged 65+ receiving long-term support "
         "for every 100,000 people of that age.", STOCKTON, "fail"),
        # a SmolLM2 reply the CI run published as verified (37 is one kind of support)
        ("In 2024, Leicester had 37 people aged 65+ receiving long-term support for every "
         "100,000 residents. That is lower than England (122).", LEICESTER, "fail"),
    ],
)  # fmt: skip
def test_a_figure_of_one_part_said_as_the_whole_measure_is_not_passed(
    text: str, code: str, outcome: str
) -> None:
    assert_verdict(("op_care_types",), text, outcome, code)


def test_the_part_named_in_the_sentence_before_a_figure_counts() -> None:
    # "That is 474 ...": the sentence before names nursing care (Stockton-on-Tees, 2021-22)
    text = (
        "Nursing care was the least used kind of care home place in 2021-22. That is 474 for "
        "every 100,000 people aged 65+."
    )
    v = verdict_on(("op_care_types",), text, STOCKTON)
    assert [c.status for c in v.claims if c.text == "474"] == ["supported"], v.claims


@pytest.mark.parametrize(
    ("chart", "code", "text", "outcome"),
    [
        # Bromley: 62.7% satisfied in 2024-25, so 37.3% were not ("last year": an earlier
        # survey's 54.2%, whose rest is 45.8%, had passed the false one)
        ("user_satisfaction", BROMLEY,
         "Bromley's satisfaction score was 62.7% last year, which means more than a third of "
         "users did not say they were satisfied.", "pass"),
        ("user_satisfaction", BROMLEY,
         "Bromley's satisfaction score was 62.7% last year, which means more than four in ten "
         "users did not say they were satisfied.", "fail"),
        ("user_satisfaction", BROMLEY,
         "In Bromley, 62.7% of users were satisfied with their care last year, so more than "
         "four in ten were not.", "fail"),
        # 13.35% of older people leaving hospital got reablement in 2024-25 (53.1% of them were
        # still at home three months on: 46.9% were not, another measure's rest)
        ("reablement", STOCKTON,
         "About 13 in every 100 older people leaving hospital in Stockton-on-Tees get "
         "reablement. So about 87 in every 100 do not.", "pass"),
        ("reablement", STOCKTON,
         "About 13 in every 100 older people leaving hospital in Stockton-on-Tees get "
         "reablement. So about 47 in every 100 do not.", "fail"),
    ],
)  # fmt: skip
def test_a_share_said_as_the_rest_who_did_not_is_the_complement_of_the_share_just_given(
    chart: str, code: str, text: str, outcome: str
) -> None:
    assert_verdict((chart,), text, outcome, code)


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        # Stockton-on-Tees, 2021-22: gross total spending £47,973k per 100,000 adults (about
        # £480 per adult), client contributions £8,874k (about £89 per adult)
        ("gross_expenditure",
         "Stockton-on-Tees' gross spending came to £48.0 million per 100,000 adults in 2021-22, "
         "or around £480 per adult.", "pass"),
        ("gross_expenditure",
         "Stockton-on-Tees' gross spending came to £48.0 million per 100,000 adults in 2021-22, "
         "or around £430 per adult.", "fail"),
        ("gross_expenditure",
         "Per adult aged 18+, Stockton-on-Tees' gross spending came to roughly £480 in 2021-22.",
         "pass"),
        ("gross_expenditure",
         "Per adult aged 18+, Stockton-on-Tees' gross spending came to roughly £560 in 2021-22.",
         "fail"),
        ("client_contributions",
         "Client contributions in Stockton-on-Tees came to roughly £89 for each adult aged 18+ "
         "in 2021-22.", "pass"),
        ("client_contributions",
         "Client contributions in Stockton-on-Tees came to roughly £98 for each adult aged 18+ "
         "in 2021-22.", "fail"),
    ],
)  # fmt: skip
def test_a_sum_per_adult_aged_18_and_over_is_the_rate_per_100000_adults_said_per_person(
    chart: str, text: str, outcome: str
) -> None:
    assert_verdict((chart,), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees 68.2% satisfied in 2024-25, England 65.1%: 3.1 points apart, and
        # 4.8 per cent of England's figure; the gap in points said as per cent is a unit slip
        ("Satisfaction in Stockton-on-Tees (68.2%) was 3.1 points above England's 65.1% in "
         "2024-25.", "pass"),
        ("Satisfaction in Stockton-on-Tees (68.2%) was about 4.8 per cent higher than England's "
         "65.1% in 2024-25.", "pass"),
        ("Satisfaction in Stockton-on-Tees (68.2%) was 3.1 per cent above England's 65.1% in "
         "2024-25.", "fail"),
    ],
)  # fmt: skip
def test_a_gap_between_two_shares_in_points_said_as_per_cent_fails(text: str, outcome: str) -> None:
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, 2021-22: 120 carers got information and advice (78 per 100,000
        # adults); the text gives its numbers as numbers and its rates as rates, so a bare
        # "78 carers" after a sentence with a rate in it is a number, and the wrong one
        ("Stockton-on-Tees supported carers at a rate of 851 per 100,000 adults in 2021-22. "
         "Direct payments were the most common kind of help, received by 1,125 carers (733 per "
         "100,000 adults). Only 120 carers received information, advice and signposting.",
         "pass"),
        ("Stockton-on-Tees supported carers at a rate of 851 per 100,000 adults in 2021-22. "
         "Direct payments were the most common kind of help, received by 1,125 carers (733 per "
         "100,000 adults). Only 78 carers received information, advice and signposting.",
         "fail"),
    ],
)  # fmt: skip
def test_a_text_that_writes_numbers_as_numbers_cannot_lend_a_bare_figure_a_rate(
    text: str, outcome: str
) -> None:
    assert_verdict(("carers_support_type",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, 2024-25: 13.4% of people aged 65+ leaving hospital got reablement;
        # 53.1% of those who went into reablement were still at home three months later
        ("In 2024-25, 13.4% of older people leaving hospital in Stockton-on-Tees got "
         "reablement.", "pass"),
        ("In 2024-25, 13.4% of all patients leaving hospital in Stockton-on-Tees got "
         "reablement.", "fail"),
        ("In 2024-25, 13.4% of all older people leaving hospital in Stockton-on-Tees got "
         "reablement.", "pass"),
        ("In 2024-25, 53.1% of older people in Stockton-on-Tees who left hospital with "
         "reablement were still at home three months later.", "pass"),
        ("In 2024-25, 53.1% of all older people leaving hospital in Stockton-on-Tees were still "
         "at home three months later.", "fail"),
    ],
)  # fmt: skip
def test_a_hospital_share_said_of_everyone_leaving_hospital_has_the_wrong_denominator(
    text: str, outcome: str
) -> None:
    assert_verdict(("reablement",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Stockton-on-Tees, 2021-22: respite for the cared-for person 68 carers per 100,000
        # adults, information and advice 78; the name in brackets before the figure is its own
        ("In 2021-22 the carers in Stockton-on-Tees whose loved one was looked after for a while "
         "(respite) was 68 per 100,000 adults.", "pass"),
        ("In 2021-22 the carers in Stockton-on-Tees whose loved one was looked after for a while "
         "(respite) was 78 per 100,000 adults.", "fail"),
    ],
)  # fmt: skip
def test_a_name_in_brackets_before_a_figure_names_it(text: str, outcome: str) -> None:
    assert_verdict(("carers_support_type",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("figure", "period", "status"),
    [
        # Stockton-on-Tees: 74.8% of carers found information easy (2023-24); 77.5% is the
        # share of people using services (2024-25); "of them" points back to the carers
        ("74.8%", "2023-24", "supported"),
        ("77.5%", "2024-25", "contradicted"),
    ],
)
def test_a_group_named_before_a_colon_is_the_group_them_points_back_to(
    figure: str, period: str, status: str
) -> None:
    text = (
        "Carers in Stockton-on-Tees were asked about information: "
        f"{figure} of them found it easy to get in {period}."
    )
    v = verdict_on(("carers_info", "users_info"), text, STOCKTON)
    assert [c.status for c in v.claims if c.text == figure] == [status], v.claims


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        # Stockton-on-Tees satisfaction: 70.2 (2019-20), 67.7, 66.8, 63.2, then 68.2 (2024-25):
        # "the highest since" a period says it was last this high then; the words describe
        # the council's figure, past England's it was compared with
        ("user_satisfaction",
         "In 2024-25, satisfaction in Stockton-on-Tees rose to 68.2%, above England's 65.1% and "
         "the highest since 2019-20.", "pass"),
        ("user_satisfaction",
         "In 2024-25, satisfaction in Stockton-on-Tees rose to 68.2%, above England's 65.1% and "
         "the highest since 2021-22.", "fail"),
        # carers' social contact: 35.8 (2016-17, the first survey), 30.4, 25.7, then 34.0
        ("carers_social_contact",
         "In 2023-24, 34.0% of carers in Stockton-on-Tees had as much social contact as they "
         "wanted, the highest since 2016-17.", "pass"),
        ("carers_social_contact",
         "In 2023-24, 34.0% of carers in Stockton-on-Tees had as much social contact as they "
         "wanted, the highest since 2018-19.", "fail"),
    ],
)  # fmt: skip
def test_the_highest_since_a_period_says_it_was_last_that_high_then(
    chart: str, text: str, outcome: str
) -> None:
    assert_verdict((chart,), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("words", "outcome"),
    [
        # Stockton-on-Tees 77.5% against England's 67.8% (2024-25): a 9.7-point gap
        ("well above", "pass"),
        ("a great deal higher than", "pass"),
        ("a tiny bit higher than", "fail"),
        ("ever so slightly higher than", "fail"),
        ("only just above", "fail"),
    ],
)
def test_strength_words_before_a_comparison_are_read(words: str, outcome: str) -> None:
    text = (
        "In 2024-25, 77.5% of people using care in Stockton-on-Tees found it easy to get "
        f"information, {words} England's 67.8%."
    )
    assert_verdict(("users_info",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("england", "outcome"),
    [
        # England, 2021-22: 630 people aged 65+ per 100,000 in nursing care, 1,271 in
        # residential care; the words between "England" and its figure name the measure
        ("630", "pass"),
        ("1,271", "fail"),
    ],
)
def test_a_comparators_figure_is_the_one_its_own_words_name(england: str, outcome: str) -> None:
    text = (
        "In 2021-22 Stockton-on-Tees supported 2,057 people aged 65+ per 100,000 in residential "
        "care and 474 in nursing care, the latter against an England nursing rate of "
        f"{england}."
    )
    assert_verdict(("op_care_types",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("group", "outcome"),
    [
        # Stockton-on-Tees, 2021-22: gross spending £48.0 million per 100,000 adults aged 18+;
        # a rate opening its sentence with no comma after it is still the figure's
        ("adults", "pass"),
        ("residents", "fail"),
    ],
)
def test_a_rate_opening_its_sentence_without_a_comma_is_the_figures(
    group: str, outcome: str
) -> None:
    text = (
        "Stockton-on-Tees spent £73.6 million gross on adult social care in 2021-22. "
        f"Per 100,000 {group} it was £48.0 million."
    )
    assert_verdict(("gross_expenditure",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("who", "outcome"),
    [
        # Stockton-on-Tees, 2024-25: 86% of residential providers (care homes) rated good or
        # outstanding; "care providers" are all kinds, home care agencies too
        ("care homes in Stockton-on-Tees", "pass"),
        ("Stockton-on-Tees' residential care providers", "pass"),
        ("Stockton-on-Tees' care providers", "fail"),
    ],
)
def test_care_home_ratings_said_of_all_care_providers_have_the_wrong_denominator(
    who: str, outcome: str
) -> None:
    text = f"In 2024-25, 86% of {who} were rated good or outstanding."
    assert_verdict(("providers_cqc",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("what", "outcome"),
    [
        # Hounslow, 2024-25: 13.9% needed no further support after reablement; the data has no
        # figure for those still at home three months after leaving hospital
        ("of people new to care in Hounslow needed no further support after reablement", "pass"),
        ("of older people in Hounslow who went into reablement were still living at home three "
         "months after leaving hospital", "fail"),
    ],
)  # fmt: skip
def test_a_figure_said_as_a_measure_with_no_figure_in_the_data_is_not_passed(
    what: str, outcome: str
) -> None:
    assert_verdict(("reablement",), f"In 2024-25, 13.9% {what}.", outcome, "E09000018")


@pytest.mark.parametrize(
    ("amount", "outcome"),
    [
        # Stockton-on-Tees, 2021-22: gross current spending £73.05m, gross total £73.59m;
        # "about" a figure written to three digits is a near reading of it, not an estimate
        ("about £73.6 million", "pass"),
        ("about £74 million", "pass"),
        ("about £72.4 million", "fail"),
    ],
)
def test_about_a_figure_of_three_digits_allows_little_slack(amount: str, outcome: str) -> None:
    text = f"Stockton-on-Tees spent {amount} gross on adult social care in 2021-22."
    assert_verdict(("gross_expenditure",), text, outcome, STOCKTON)


# Stockton-on-Tees carers' survey: finding information easy 63.6% (2021-22), 74.8% (2023-24);
# as much social contact as they want 25.7% (2021-22), 34.0% (2023-24)
_CARERS_SURVEY = ("carers_info", "carers_social_contact")


@pytest.mark.parametrize(("later", "outcome"), [("74.8%", "pass"), ("34.0%", "fail")])
def test_a_figure_following_on_with_only_time_words_is_a_later_reading_of_the_same_series(
    later: str, outcome: str
) -> None:
    text = (
        "Carers in Stockton-on-Tees who find it easy to get information were 71.6% in 2018-19 "
        f"and then {later} in 2023-24."
    )
    assert_verdict(_CARERS_SURVEY, text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("earlier", "outcome"),
    [
        ("having stood at 63.6% in 2021-22", "pass"),
        ("having stood at 25.7% in 2021-22", "fail"),  # the social-contact share that year
    ],
)
def test_a_figure_said_as_an_earlier_reading_belongs_to_the_series_before_it(
    earlier: str, outcome: str
) -> None:
    text = (
        "In 2023-24, 74.8% of carers in Stockton-on-Tees found it easy to get information, "
        f"above England's 59.1%, {earlier}."
    )
    assert_verdict(_CARERS_SURVEY, text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("earlier", "outcome"), [("£73.3 million", "pass"), ("£60.0 million", "fail")]
)
def test_a_sum_said_as_the_year_before_s_is_the_same_spending_line(
    earlier: str, outcome: str
) -> None:
    # Stockton-on-Tees gross total £73.27m (2020-21), £73.59m (2021-22); net total £59.99m
    # (2020-21): "up from" the net figure sets two spending lines against each other
    text = (
        "Stockton-on-Tees spent £73.6 million gross on adult social care in 2021-22, up from "
        f"{earlier} the year before."
    )
    assert_verdict(("gross_expenditure", "net_expenditure"), text, outcome, STOCKTON)


@pytest.mark.parametrize(("figure", "status"), [("74.8%", "supported"), ("34.0%", "contradicted")])
def test_a_sentence_naming_nothing_answers_the_figureless_question_before_it(
    figure: str, status: str
) -> None:
    text = (
        "And carers in Stockton-on-Tees finding information easy to get? "
        f"Those came to {figure} in 2023-24."
    )  # (the question itself states nothing the data supports: its sentence is flagged)
    claims = verdict_on(_CARERS_SURVEY, text, STOCKTON).claims
    assert [c.status for c in claims if c.text == figure] == [status], claims


@pytest.mark.parametrize(
    ("comparison", "outcome"),
    [
        # 74.8% against England's 59.1%: a gap of 15.7 points
        ("well above England's 59.1%", "pass"),
        ("just a hair's breadth above England's 59.1%", "fail"),
        ("only modestly above England's 59.1%", "fail"),
        ("neck and neck with England's 59.1%", "fail"),
    ],
)
def test_more_strength_words_before_a_comparison(comparison: str, outcome: str) -> None:
    text = f"In 2023-24, 74.8% of carers in Stockton-on-Tees found information easy, {comparison}."
    assert_verdict(("carers_info",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("comparison", "outcome"),
    [
        # 30.4% against England's 32.5% in 2018-19: 2.1 points, 6.5 % below
        ("some way below England's 32.5%", "pass"),
        ("a long way below England's 32.5%", "fail"),
    ],
)
def test_some_way_is_a_gap_worth_noting_not_a_very_large_one(comparison: str, outcome: str) -> None:
    text = (
        "In 2018-19, 30.4% of carers in Stockton-on-Tees had as much social contact as they "
        f"wanted, {comparison}."
    )
    assert_verdict(("carers_social_contact",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("comparison", "outcome"),
    [
        # 63.6% in 2021-22 against the North East's 64.7%: 1.1 points behind
        ("just shy of the North East's 64.7%", "pass"),
        ("far adrift of the North East's 64.7%", "fail"),
        ("well ahead of the North East's 64.7%", "fail"),
    ],
)
def test_adrift_of_and_shy_of_say_below(comparison: str, outcome: str) -> None:
    text = f"In 2021-22, 63.6% of carers in Stockton-on-Tees found information easy, {comparison}."
    assert_verdict(("carers_info",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("amount", "outcome"), [("£48.0 million", "pass"), ("£73.6 million", "fail")]
)
def test_for_100000_adults_is_a_rate_not_a_figure(amount: str, outcome: str) -> None:
    # Stockton-on-Tees, 2021-22: gross total £73.59m, £47.97m per 100,000 adults aged 18+
    text = f"In 2021-22, the gross spending for 100,000 adults in Stockton-on-Tees was {amount}."
    assert_verdict(("gross_expenditure",), text, outcome, STOCKTON)


@pytest.mark.parametrize(("share", "outcome"), [("13%", "pass"), ("9.8%", "fail")])
def test_needing_improvement_is_a_rating_not_a_move(share: str, outcome: str) -> None:
    # Bromley: requires improvement or inadequate 9.8% (2023-24), 13.0% (2024-25); read as a
    # move, "improvement" was judged against that rise
    text = (
        f"In 2024-25, {share} of Bromley's residential care providers were rated as needing "
        "improvement or inadequate."
    )
    assert_verdict(("providers_cqc",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("theirs", "outcome"), [("£47.4 million", "pass"), ("£49.7 million", "fail")]
)
def test_a_region_figure_stays_the_region_s_beside_a_chart_of_regional_figures(
    theirs: str, outcome: str
) -> None:
    # gross total per 100,000 adults, 2021-22: Leicester £55.5m, East Midlands £47.4m, England
    # £49.7m; the staff-retention chart's own figures are the East Midlands'
    text = (
        "Leicester spent £55.5 million gross for every 100,000 adults in 2021-22, above the "
        f"East Midlands figure of {theirs}."
    )
    assert_verdict(("gross_expenditure", "workforce_retention"), text, outcome)


@pytest.mark.parametrize(("earlier", "outcome"), [("63.6%", "pass"), ("71.6%", "fail")])
def test_at_the_previous_survey_dates_the_figure_before_it(earlier: str, outcome: str) -> None:
    # Stockton-on-Tees carers finding information easy: 71.6% (2018-19), 63.6% (2021-22),
    # 74.8% (2023-24)
    text = (
        "In 2023-24, 74.8% of carers in Stockton-on-Tees found it easy to get information, up "
        f"from {earlier} at the previous survey."
    )
    assert_verdict(("carers_info",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("change", "outcome"), [("a small rise on", "pass"), ("a sharp jump on", "fail")]
)
def test_a_strength_word_inside_a_change_s_own_words_is_read(change: str, outcome: str) -> None:
    # Stockton-on-Tees gross total: £73.27m (2020-21) to £73.59m (2021-22), up 0.4 %
    text = f"Stockton-on-Tees spent £73.6 million gross in 2021-22, {change} the year before."
    assert_verdict(("gross_expenditure",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        ("gross_expenditure",
         "Stockton-on-Tees spent £73.6 million gross in 2021-22, roughly the same as the year "
         "before.", "pass"),  # up 0.4 %
        ("carers_info",
         "In 2023-24, 74.8% of carers in Stockton-on-Tees found it easy to get information, "
         "roughly the same as the previous survey.", "fail"),  # 63.6% in 2021-22
    ],
)  # fmt: skip
def test_the_same_as_the_year_before_says_there_was_no_move(
    chart: str, text: str, outcome: str
) -> None:
    assert_verdict((chart,), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Kensington and Chelsea, 2021-22: 1,020 carers supported, 845 with a direct payment
        ("In 2021-22, 845 carers in Kensington and Chelsea got a direct payment.", "pass"),
        ("In 2021-22, 1,020 carers in Kensington and Chelsea got a direct payment.", "fail"),
        ("In 2021-22, 845 of the 1,020 carers supported in Kensington and Chelsea got a direct "
         "payment.", "pass"),
    ],
)  # fmt: skip
def test_the_whole_of_a_share_said_as_its_part(text: str, outcome: str) -> None:
    assert_verdict(("carers_support_type",), text, outcome, "E09000020")


@pytest.mark.parametrize(("earlier", "outcome"), [("25.7%", "pass"), ("30.4%", "fail")])
def test_the_previous_survey_counts_back_from_the_council_s_latest_reading(
    earlier: str, outcome: str
) -> None:
    # Stockton-on-Tees carers with as much social contact as they want: 30.4% (2018-19),
    # 25.7% (2021-22), 34.0% (2023-24); England's latest reading is dated 2024, a year later
    text = (
        "In Stockton-on-Tees, 34.0% of carers had as much social contact as they wanted. That "
        f"is up from {earlier} the previous survey."
    )
    assert_verdict(("carers_social_contact",), text, outcome, STOCKTON)


@pytest.mark.parametrize(("figure", "outcome"), [("1,225", "pass"), ("1,050", "fail")])
def test_a_figure_opening_its_sentence_with_the_people_it_counts_is_a_number(
    figure: str, outcome: str
) -> None:
    # Stockton-on-Tees, 2021-22: 1,225 working-age adults got long-term support, 1,050 per
    # 100,000 aged 18-64; a rate in the sentence before does not make the count a rate
    text = (
        "In 2021-22, Stockton-on-Tees had 1,685 requests for support per 100,000 adults aged "
        f"18-64. {figure} working-age adults got long-term support."
    )
    assert_verdict(("wa_need",), text, outcome, STOCKTON)


@pytest.mark.parametrize(("figure", "outcome"), [("470", "pass"), ("404", "fail")])
def test_a_part_of_people_counted_before_is_a_number(figure: str, outcome: str) -> None:
    # Stockton-on-Tees, 2021-22: 470 working-age adults had direct payments only, 404 per
    # 100,000 aged 18-64
    text = (
        "In 2021-22, 1,225 working-age adults in Stockton-on-Tees got long-term support. Of "
        f"these, {figure} got it only as a direct payment."
    )
    assert_verdict(("wa_need", "wa_care_types"), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("earlier", "outcome"), [("£73.3 million", "pass"), ("£72.7 million", "fail")]
)
def test_an_earlier_reading_is_judged_at_the_precision_it_is_written(
    earlier: str, outcome: str
) -> None:
    # Stockton-on-Tees, 2020-21: gross total £73.27m, gross current £72.71m (1 % apart)
    text = (
        f"Stockton-on-Tees spent £73.6 million gross in 2021-22, up from {earlier} the year before."
    )
    assert_verdict(("gross_expenditure",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("who", "outcome"),
    [
        # Stockton-on-Tees, 2024-25: 13.35% of people aged 65+ discharged from hospital
        ("of Stockton-on-Tees' over-65s discharged from hospital", "pass"),
        ("of Stockton-on-Tees' over-65s", "fail"),  # everyone of that age living there
    ],
)
def test_a_hospital_share_said_of_the_council_s_over_65s_has_the_wrong_denominator(
    who: str, outcome: str
) -> None:
    text = f"In 2024-25, 13.4% {who} received reablement."
    assert_verdict(("reablement",), text, outcome, STOCKTON)


@pytest.mark.parametrize(("earlier", "outcome"), [("63.6%", "pass"), ("25.7%", "fail")])
def test_that_figure_at_another_time_is_the_same_series(earlier: str, outcome: str) -> None:
    # Stockton-on-Tees carers: finding information easy 63.6% in 2021-22; 25.7% is that year's
    # social-contact share
    text = (
        "In 2023-24, 74.8% of carers in Stockton-on-Tees found it easy to get information; back "
        f"in 2021-22 that figure was {earlier}."
    )
    assert_verdict(_CARERS_SURVEY, text, outcome, STOCKTON)


@pytest.mark.parametrize(("theirs", "outcome"), [("88.8%", "pass"), ("86%", "fail")])
def test_a_figure_said_to_be_the_region_s_is_not_the_council_s(theirs: str, outcome: str) -> None:
    # Stockton-on-Tees, 2024-25: 86% of care homes rated good or outstanding, North East 88.8%
    text = (
        "In 2024-25, 86% of Stockton-on-Tees' residential care providers were rated good or "
        f"outstanding. The North East is {theirs} and England is 81.7%."
    )
    assert_verdict(("providers_cqc",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("figures", "outcome"), [("10,600 and 6,570", "pass"), ("6,570 and 10,600", "fail")]
)
def test_figures_said_respectively_go_with_the_names_in_their_order(
    figures: str, outcome: str
) -> None:
    # Stockton-on-Tees, 2021-22, per 100,000 aged 65+: requests 10,600, long-term support 6,570
    text = (
        f"In 2021-22, requests and long-term support in Stockton-on-Tees stood at {figures} per "
        "100,000 people aged 65 and over respectively."
    )
    assert_verdict(("op_need",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("figures", "outcome"), [("63.6% and 25.7%", "pass"), ("25.7% and 63.6%", "fail")]
)
def test_figures_said_in_that_order_go_with_the_figures_stated_before(
    figures: str, outcome: str
) -> None:
    # Stockton-on-Tees carers: finding information easy 74.8% (2023-24), 63.6% (2021-22); as
    # much social contact as they want 34.0%, 25.7%
    text = (
        "In 2023-24, 74.8% of carers in Stockton-on-Tees found it easy to get information. Only "
        f"34.0% had as much social contact as they wanted. In 2021-22 they were {figures} in "
        "that order."
    )
    assert_verdict(_CARERS_SURVEY, text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("figure", "outcome"), [("£8.9 million", "pass"), ("£8.6 million", "fail")]
)
def test_what_people_pay_towards_their_care_is_their_contribution(figure: str, outcome: str):
    # Stockton-on-Tees, 2021-22, per 100,000 adults: client contributions £8.87m, NHS £8.59m
    text = (
        "Stockton-on-Tees' income from the NHS was £8.6 million per 100,000 adults in 2021-22. "
        f"What people paid towards their care came to {figure}."
    )
    assert_verdict(("client_contributions", "nhs_contributions"), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("figures", "outcome"), [("1,050 and 6,570", "pass"), ("6,570 and 1,050", "fail")]
)
def test_names_listed_after_figures_said_respectively_take_the_words_before(
    figures: str, outcome: str
) -> None:
    # Stockton-on-Tees, 2021-22, long-term support per 100,000: 18-64 1,050, 65+ 6,570
    text = (
        f"In 2021-22, long-term support rates in Stockton-on-Tees were {figures} per 100,000 for "
        "working-age and older adults respectively."
    )
    assert_verdict(("op_need", "wa_need"), text, outcome, STOCKTON)


@pytest.mark.parametrize(("word", "outcome"), [("highest", "pass"), ("lowest", "fail")])
def test_an_extreme_set_off_after_a_figure_compared_with_may_describe_it(word: str, outcome):
    # Kensington and Chelsea satisfaction: 66.4% in 2023-24 (its highest since 2015-16), 66.3%
    # in 2024-25
    text = (
        "In 2024-25, 66.3% of people using care in Kensington and Chelsea were satisfied with "
        f"it. This was a dip from 66.4% in 2023-24, the {word} figure since the series began "
        "in 2015-16."
    )
    assert_verdict(("user_satisfaction",), text, outcome, "E09000020")


@pytest.mark.parametrize(("size", "outcome"), [("about 30%", "pass"), ("about 10%", "fail")])
def test_a_relation_after_yet_compares_the_figure_after_it(size: str, outcome: str) -> None:
    # Stockton-on-Tees, 2021-22, per 100,000 aged 65+: requests 10,600 (England 13,065),
    # long-term support 6,570 (England 5,055: 1.30 times)
    text = (
        "Older people in Stockton-on-Tees asked for help less often than in England, at 10,600 "
        f"requests per 100,000 in 2021-22 — yet the rate getting long-term support was {size} "
        "higher than England's, at 6,570 per 100,000."
    )
    assert_verdict(("op_need",), text, outcome, STOCKTON)


@pytest.mark.parametrize(("side", "outcome"), [("far below", "pass"), ("a little below", "fail")])
def test_a_comparison_set_beside_the_start_of_a_change_is_of_its_period(side: str, outcome):
    # Stockton-on-Tees care staff turnover: 19.2% in 2023-24 (England 24.8%: 5.6 points),
    # 20.7% in 2024-25 (England 23.7%: 3 points)
    text = (
        "Care staff turnover in Stockton-on-Tees rose from 19.2% in 2023-24 — "
        f"{side} England's 24.8% — to 20.7% in 2024-25."
    )
    assert_verdict(("workforce_turnover",), text, outcome, STOCKTON)


@pytest.mark.parametrize(("region", "outcome"), [("66.5%", "pass"), ("73.1%", "fail")])
def test_a_second_comparator_s_figure_belongs_to_the_same_measure(region: str, outcome: str):
    # Stockton-on-Tees, 2024-25: satisfied 68.2% (England 65.1%, North East 66.5%); the North
    # East's figure for finding information easy is 73.1%
    text = (
        "In 2024-25, 68.2% of people using care in Stockton-on-Tees were satisfied with it, "
        f"above both the England average of 65.1% and the regional figure of {region}."
    )
    assert_verdict(("user_satisfaction", "users_info"), text, outcome, STOCKTON)


@pytest.mark.parametrize(("figure", "outcome"), [("10,600", "pass"), ("12,600", "fail")])
def test_times_per_100000_is_a_rate_not_a_ratio(figure: str, outcome: str) -> None:
    # Stockton-on-Tees, 2021-22: 10,600 requests per 100,000 aged 65+
    text = (
        f"In 2021-22, older people in Stockton-on-Tees asked for help {figure} times for every "
        "100,000 people aged 65 and over."
    )
    assert_verdict(("op_need",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("charts", "text", "outcome"),
    [
        # Stockton-on-Tees carers, 2023-24: information 74.8% (England 59.1%), social contact
        # 34.0% (England 30.0%): both above
        (
            _CARERS_SURVEY,
            "In 2023-24, 74.8% of carers in Stockton-on-Tees found it easy to get information "
            "and 34.0% had as much social contact as they wanted. Both were above England.",
            "pass",
        ),
        # Stockton-on-Tees, 2021-22, per 100,000 aged 65+: requests 10,600 (England 13,065),
        # long-term support 6,570 (England 5,055): only support is above
        (
            ("op_need",),
            "In 2021-22, both requests for support and long-term support for older people in "
            "Stockton-on-Tees were above the England rate.",
            "fail",
        ),
        (
            ("op_need",),
            "In 2021-22, Stockton-on-Tees' long-term support for older people was above the "
            "England rate.",
            "pass",
        ),
    ],
)
def test_a_comparison_said_of_several_measures_must_hold_for_each(charts, text, outcome):
    assert_verdict(charts, text, outcome, STOCKTON)


@pytest.mark.parametrize(("england", "outcome"), [("trailed", "pass"), ("beat", "fail")])
def test_exactly_at_the_end_of_a_match_is_not_a_second_comparison(england: str, outcome):
    # Sandwell, 2021-22: 790 per 100,000 aged 18-64 in long-term support, the West Midlands
    # 790, England 850
    text = (
        "In 2021-22, working-age adults getting long-term support in Sandwell numbered 790 per "
        f"100,000, which matched the regional figure exactly but {england} England's 850."
    )
    assert_verdict(("wa_need",), text, outcome, "E08000028")


@pytest.mark.parametrize(
    ("figures", "outcome"), [(("478", "303"), "pass"), (("303", "478"), "fail")]
)
def test_a_bracketed_figure_in_a_list_is_named_by_its_own_item(figures, outcome) -> None:
    # North Lincolnshire carers, 2021-22, per 100,000 adults: information and advice 477.9,
    # direct payment 302.8
    first, second = figures
    text = (
        "On support, North Lincolnshire helped 784 carers per 100,000 adults in 2021-22, most "
        f"often with information and advice ({first}) or a direct payment ({second})."
    )
    # (with the carers' survey charts beside it, whose words "information" names too)
    charts = ("carers_support_type", *_CARERS_SURVEY)
    assert_verdict(charts, text, outcome, "E06000013")


@pytest.mark.parametrize(("end", "outcome"), [("highest", "pass"), ("lowest", "fail")])
def test_the_highest_but_one_is_second(end: str, outcome: str) -> None:
    # Hartlepool, 2023-24: 80.7% of carers found information easy, 2nd highest of 152 councils
    text = (
        "In 2023-24, 80.7% of carers in Hartlepool found it easy to get information, the "
        f"{end} but one of 152 councils."
    )
    assert_verdict(("carers_info",), text, outcome, "E06000001")


@pytest.mark.parametrize(("band", "outcome"), [("highest", "pass"), ("lowest", "fail")])
def test_a_third_of_councils_is_a_band_not_the_end(band: str, outcome: str) -> None:
    # Portsmouth, 2024-25: 21.2% of care homes rated requires improvement or inadequate, 45th
    # highest of 151
    text = (
        "In 2024-25, 21.2% of Portsmouth's care homes were rated requires improvement or "
        f"inadequate, among the {band} third of councils."
    )
    assert_verdict(("providers_cqc",), text, outcome, "E06000044")


@pytest.mark.parametrize(("word", "outcome"), [("highest", "pass"), ("lowest", "fail")])
def test_an_extreme_after_the_year_a_figure_was_recorded_describes_it(word: str, outcome):
    # Kensington and Chelsea satisfaction: 66.4% in 2023-24 (its highest since 2015-16), 66.3%
    # in 2024-25
    text = (
        "In 2024-25, 66.3% of people using care in Kensington and Chelsea were satisfied, just "
        f"short of the 66.4% it recorded in 2023-24, the {word} in the series."
    )
    assert_verdict(("user_satisfaction",), text, outcome, "E09000020")


@pytest.mark.parametrize(("region", "outcome"), [("144", "pass"), ("396", "fail")])
def test_a_comparator_s_figure_said_beside_the_council_s_is_of_the_same_line(region, outcome):
    # Stockton-on-Tees carers, 2021-22, per 100,000 adults: direct payment 733; North East
    # direct payment 144, information and advice 396
    text = (
        "In 2021-22 the direct payment for carers in Stockton-on-Tees is 733 per 100,000 "
        f"adults and the North East is {region}."
    )
    assert_verdict(("carers_support_type",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley staff turnover (Oflog series): 28.7% 2016-17, 30.8%, 33.2%, 36.9% 2019-20,
        # 31.6%, 25.6%, 25.1% 2022-23
        (
            "peaked at 36.9% in 2019-20, then eased back each year to 25.1% in 2022-23",
            "pass",
        ),
        ("eased back each year from 28.7% in 2016-17 to 36.9% in 2019-20", "fail"),
    ],
)
def test_eased_back_is_a_fall(said: str, outcome: str) -> None:
    text = f"Care staff turnover in Bromley {said}."
    assert_verdict(("workforce_turnover",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Stockton-on-Tees satisfaction: 63.2% in 2023-24, 68.2% in 2024-25
        ("a five-point jump on the previous year's 63.2%", "pass"),
        ("a five-point jump on the previous year's 65.4%", "fail"),  # England's 2023-24
        ("up from about six in ten (63.2%) a year earlier", "pass"),
        ("up from about six in ten (61.2%) a year earlier", "fail"),
    ],
)
def test_a_relative_period_reaches_a_possessive_or_bracketed_figure(said: str, outcome: str):
    text = f"Satisfaction with care in Stockton-on-Tees reached 68.2% in 2024-25, {said}."
    assert_verdict(("user_satisfaction",), text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Stockton-on-Tees carers with as much social contact as they want: 30.4% in 2018-19,
        # 25.7% in 2021-22, 34.0% in 2023-24 (a survey every two or three years)
        ("up from 30.4% two surveys earlier", "pass"),
        ("up from 25.7% two surveys earlier", "fail"),  # one survey earlier
        ("up from 25.7% two years earlier", "pass"),  # by the calendar
    ],
)
def test_two_surveys_earlier_counts_surveys_not_years(said: str, outcome: str) -> None:
    text = (
        "In 2023-24, 34.0% of carers in Stockton-on-Tees had as much social contact as they "
        f"wanted, {said}."
    )
    assert_verdict(_CARERS_SURVEY, text, outcome, STOCKTON)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley net total expenditure: £86.5m in 2020-21, £91.9m in 2021-22
        ("In the year to March 2021, it spent £86.5 million", "pass"),
        ("In the year to March 2021, it spent £91.9 million", "fail"),  # that is 2021-22
        ("In the financial year ending 31 March 2022, it spent £86.5 million", "fail"),
        ("In the year to March 2022, it spent £91.9 million", "pass"),
        ("In FY2020-21 it spent £91.9 million", "fail"),
        ("In FY2021-22 it spent £91.9 million", "pass"),
    ],
)
def test_a_financial_year_named_by_its_end_or_prefix_is_that_year(said: str, outcome: str):
    text = f"{said} on adult social care after income, Bromley's accounts show."
    assert_verdict(("net_expenditure",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley residential providers requiring improvement or inadequate, 2024-25: 13.0%
        ("roughly one provider in eight", "pass"),
        ("roughly one provider in four", "fail"),
        ("about one care home in eight", "pass"),
        ("two providers in five", "fail"),
    ],
)
def test_a_fraction_may_name_what_it_counts_between_its_numbers(said: str, outcome: str):
    text = (
        f"In 2024-25, {said} of Bromley's residential care providers required improvement or "
        "were inadequate."
    )
    assert_verdict(("providers_cqc",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley care staff turnover, 2024-25: 18.6%, 119th highest of 150
        ("Only 31 of 150 councils had a lower rate", "pass"),
        ("Only 14 of 150 councils had a lower rate", "fail"),
        ("Only 118 out of the 150 councils had a higher rate", "pass"),
        ("Only 18 out of the 150 councils had a higher rate", "fail"),
    ],
)
def test_a_count_of_councils_may_name_its_pool_before_councils(said: str, outcome: str):
    text = f"In 2024-25, 18.6% of care staff in Bromley left their jobs. {said}."
    assert_verdict(("workforce_turnover",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley, 2021-22, people aged 65+: 4,325 requests (7,445 per 100,000 aged 65+);
        # 2,480 in long-term support (4,265 per 100,000)
        ("4,325 requests were received, equivalent to 7,445 per 100,000 people aged 65+", "pass"),
        ("4,325 requests were received, equivalent to 4,265 per 100,000 people aged 65+", "fail"),
        ("2,480 people got long-term support, a rate of 4,265 per 100,000 aged 65+", "pass"),
        ("2,480 people got long-term support, a rate of 7,445 per 100,000 aged 65+", "fail"),
    ],
)
def test_a_figure_said_again_in_another_unit_is_of_the_same_measure(said: str, outcome: str):
    text = f"Among older people in Bromley in 2021-22, {said}."
    assert_verdict(("op_need",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Bromley, 2021-22, per 100,000: direct payment only 141 (18-64) and 258 (65+);
        # council-managed personal budget 655 (18-64) and 2,719 (65+)
        (
            "Among working-age adults in Bromley, personal budgets stood at 655 "
            "per 100,000, whereas direct payments alone accounted for 141.",
            "pass",
        ),
        (
            "Among working-age adults in Bromley, personal budgets stood at 655 "
            "per 100,000, whereas direct payments alone accounted for 258.",
            "fail",
        ),  # the 65+
        # another group named after the opening one ends its scope
        (
            "Among working-age adults in Bromley, personal budgets stood at 655 "
            "per 100,000; for the over-65s, direct payments alone accounted for 258.",
            "pass",
        ),
    ],
)
def test_a_fronted_age_group_scopes_the_figures_of_its_sentence(text: str, outcome: str):
    assert_verdict(("wa_care_types", "op_care_types"), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        # Bromley satisfaction 60.3% (2023-24) to 62.7% (2024-25): up 4.0 %, not a sharp rise
        ("user_satisfaction",
         "Satisfaction with care in Bromley rose sharply from 60.3% in 2023-24 to 62.7% in "
         "2024-25.", "fail"),
        ("user_satisfaction",
         "Satisfaction with care in Bromley rose from 60.3% in 2023-24 to 62.7% in 2024-25.",
         "pass"),
        # net spending £86.5m (2020-21) to £91.9m (2021-22): up 6.2 %
        ("net_expenditure",
         "Bromley's net spending on adult social care rose sharply from £86.5 million in "
         "2020-21 to £91.9 million in 2021-22.", "pass"),
    ],
)  # fmt: skip
def test_a_change_said_to_be_big_clears_the_bar_a_big_gap_must(chart, text, outcome):
    assert_verdict((chart,), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Bromley carers finding information easy: 45.7% in the 2023-24 survey, the latest
        # (no survey in 2024-25)
        ("Of the carers in Bromley who answered the 2023-24 survey, only 45.7% found "
         "information easy to get.", "pass"),
        ("Of the carers in Bromley who answered the 2024-25 survey, only 45.7% found "
         "information easy to get.", "fail"),
        # a year the series has, said for another statement: the latest is still read loosely
        ("In 2024-25, 62.7% of people using services in Bromley were satisfied, and in the "
         "latest carers' survey 45.7% found information easy to get.", "pass"),
    ],
)  # fmt: skip
def test_a_period_the_series_never_had_said_right_before_a_figure_is_its_own(text, outcome):
    assert_verdict(("carers_info", "user_satisfaction"), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("chart", "text", "outcome"),
    [
        # Bromley carers with as much social contact as they want, 2023-24 survey: 36.8%
        ("carers_social_contact",
         "In the 2023-24 survey, 36.8% of carers in Bromley had as much social contact as "
         "they wanted.", "pass"),
        ("carers_social_contact",
         "In the 2023-24 survey, 36.8% of people using services in Bromley had as much social "
         "contact as they wanted.", "fail"),  # the carers' survey, not the users'
        # residential providers requiring improvement or inadequate, 2024-25: 13.0%
        ("providers_cqc",
         "In 2024-25, roughly one in eight of Bromley's care homes (13.0%) required "
         "improvement or were inadequate.", "pass"),
        ("providers_cqc",
         "In 2024-25, roughly one in eight of Bromley's home care agencies (13.0%) required "
         "improvement or were inadequate.", "fail"),  # care homes' ratings
    ],
)  # fmt: skip
def test_a_share_is_of_the_group_its_survey_or_register_counts(chart, text, outcome):
    assert_verdict((chart,), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley's Oflog turnover series: 28.7% (2016-17), 30.8, 33.2, 36.9 (2019-20), 31.6,
        # 25.6, 25.1% (2022-23)
        ("peaked at 36.9% in 2019-20 and fell every year after that", "pass"),
        ("was 31.6% in 2020-21 and fell in each year since then", "pass"),
        ("was 28.7% in 2016-17 and rose every year after that", "fail"),
        # down overall, but it rose until 2019-20
        ("was 28.7% in 2016-17 and fell every year after that, to 25.1% by 2022-23", "fail"),
    ],
)
def test_a_run_every_year_after_that_starts_at_the_period_said_before(said: str, outcome: str):
    text = f"In the older Oflog series, care staff turnover in Bromley {said}."
    assert_verdict(("workforce_turnover",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley people using services finding information easy, 2019-20: 74.6%
        ("about three in four", "pass"),
        ("nearly eight in ten", "fail"),  # 5.4 points under: not "nearly"
        ("almost three in four", "pass"),
    ],
)
def test_nearly_a_fraction_is_at_most_five_points_under_it(said: str, outcome: str) -> None:
    text = f"In 2019-20, {said} people using services in Bromley found it easy to get information."
    assert_verdict(("users_info",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley net spending per 100,000 adults, 2021-22: £35.7m; London £38.9m (8 % more),
        # England £42.6m (19 % more)
        ("well below the £38.9m across London", "pass"),
        ("far below the £38.9m across London", "fail"),  # an 8 % gap is not far
        ("far below the £42.6m across England", "pass"),
    ],
)
def test_a_strength_word_between_two_stated_figures_is_checked(said: str, outcome: str):
    text = f"In 2021-22 Bromley's net spending came to £35.7m per 100,000 adults, {said}."
    assert_verdict(("net_expenditure",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley income from the NHS, 2021-22: £25.4 million, £9.9 million per 100,000 adults
        ("and the income per 100,000 adults was £9.9 million", "pass"),
        ("and the income per 100,000 residents was £9.9 million", "fail"),  # adults, not all
    ],
)
def test_a_rate_opening_a_new_statement_is_the_figure_after_it(said: str, outcome: str):
    text = f"In 2021-22 Bromley's income from the NHS was £25.4 million {said}."
    assert_verdict(("nhs_contributions",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley people using services satisfied: 60.5% (2015-16), 54.2, 59.0, 58.3 (2018-19),
        # 59.4, no 2020-21, 59.2, 62.1 (2022-23), 60.3, 62.7% (2024-25)
        ("The low point came in 2016-17, when 54.2% were satisfied", "pass"),
        ("The low point came in 2018-19, when 58.3% were satisfied", "fail"),  # 54.2 was lower
        ("It is up from a low of 58.3% in 2018-19", "pass"),  # a turning point, not the lowest
        ("It is up from a low of 59.0% in 2017-18", "fail"),  # 54.2 and 58.3 beside it
        ("It is up on a high of 62.1% in 2022-23", "pass"),
        ("It is up on the peak of 62.1% in 2022-23", "fail"),  # 62.7 in 2024-25 is higher
    ],
)
def test_a_peak_or_low_point_said_as_a_noun_is_the_series_own(said: str, outcome: str) -> None:
    text = f"{said}, among people using care services in Bromley."
    assert_verdict(("user_satisfaction",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley people using services satisfied: 60.3% (2023-24), 62.7% (2024-25), a 4% rise;
        # finding information easy: 65.6% (2018-19), 74.6% (2019-20), a 14% rise
        ("satisfaction soared from 60.3% in 2023-24 to 62.7% in 2024-25", "fail"),
        ("satisfaction saw a massive rise from 60.3% in 2023-24 to 62.7% in 2024-25", "fail"),
        ("satisfaction shot up from 60.3% in 2023-24 to 62.7% in 2024-25", "fail"),
        ("satisfaction inched up from 60.3% in 2023-24 to 62.7% in 2024-25", "pass"),
        ("finding information soared from 65.6% in 2018-19 to 74.6% in 2019-20", "pass"),
        ("finding information inched up from 65.6% in 2018-19 to 74.6% in 2019-20", "fail"),
        ("finding information barely rose from 65.6% in 2018-19 to 74.6% in 2019-20", "fail"),
    ],
)
def test_a_verb_or_adjective_says_how_big_a_move_was(said: str, outcome: str) -> None:
    text = f"Among people using care services in Bromley, {said}."
    assert_verdict(("user_satisfaction", "users_info"), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley people using services satisfied, 2024-25: 62.7%; England 65.1%, London 60.7%
        ("leagues behind England's 65.1%", "fail"),  # a 2.4-point gap
        ("a notch below England's 65.1%", "pass"),
        ("head and shoulders above London's 60.7%", "fail"),
    ],
)
def test_idioms_and_verbs_for_the_size_of_a_gap(said: str, outcome: str) -> None:
    text = f"In 2024-25, 62.7% of people using care in Bromley were satisfied, {said}."
    assert_verdict(("user_satisfaction",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("figure", "supported"),
    [
        # Bromley people aged 65+ in long-term support per 100,000 aged 65+, 2021-22:
        # residential 654, nursing 594, direct payment only 258; England nursing 630
        ("594", True),
        ("258", False),  # direct payments only, said in the words of nursing care
    ],
)
def test_a_name_set_off_by_a_comma_before_its_figure_is_the_figures(figure, supported):
    text = (
        "For older people in Bromley, residential care was provided to 654 per 100,000 adults "
        f"aged 65+, about half the England rate (1,271), while nursing care, at {figure} per "
        "100,000, was below the England rate of 630."
    )
    sheets = ("wa_need", "wa_care_types", "op_need", "op_care_types")
    claims = verdict_on(sheets, text, BROMLEY).claims
    said = next(c for c in claims if c.text.strip() == figure)
    assert (said.status == "supported") is supported, (said.status, said.reason)


@pytest.mark.parametrize(
    ("chart", "said", "outcome"),
    [
        # Bromley, 2024-25: 18.6% of care staff left their job; 87% of residential providers
        # (care homes) were rated good or outstanding
        ("workforce_turnover", "18.6% of care staff left their jobs", "pass"),
        ("workforce_turnover", "18.6% of care posts changed hands", "fail"),  # staff, not posts
        ("providers_cqc", "87% of its care homes were rated good or outstanding", "pass"),
        ("providers_cqc", "87% of all its care services were rated good or outstanding", "fail"),
    ],
)
def test_a_share_of_staff_or_care_homes_is_not_of_posts_or_every_service(chart, said, outcome):
    assert_verdict((chart,), f"In 2024-25, {said} in Bromley.", outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley 2024-25: 27th of 146 for needing no further support after reablement, 38th of
        # 138 for still living in the community; a top quarter is 36th of 146, 34th of 138
        ("for people new to services needing no further support afterwards", "pass"),
        ("for older people still living at home twelve weeks after reablement", "fail"),
    ],
)
def test_a_rank_said_for_a_measure_is_that_measures(said: str, outcome: str) -> None:
    text = f"In 2024-25 Bromley was in the top quarter of councils {said}."
    assert_verdict(("reablement",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley people aged 65+ in long-term support, 2021-22: 4,265 per 100,000 aged 65+;
        # London 6,605, England 5,055
        ("4,265", "pass"),
        ("6,605", "fail"),  # London's figure, said as the council's
    ],
)
def test_a_figure_opening_a_clause_after_and_is_the_councils(said: str, outcome: str) -> None:
    text = (
        "In 2021-22 older people in Bromley asked for help at a rate of 7,445 per 100,000 aged "
        f"65+, below England's 13,065, and {said} per 100,000 got long-term support."
    )
    assert_verdict(("op_need",), text, outcome, BROMLEY)


@pytest.mark.parametrize(
    ("chart", "said", "outcome"),
    [
        # Bromley 2024-25: 62.7% satisfied (England 65.1%); 2.93% of over-65s leaving hospital
        # got reablement (England 5.7%)
        (
            "user_satisfaction",
            "62.7% of people using care were satisfied, not far off England's 65.1%",
            "pass",
        ),
        (
            "reablement",
            "2.93% of over-65s leaving hospital got reablement, not far off England's 5.7%",
            "fail",
        ),
        (
            "reablement",
            "2.93% of over-65s leaving hospital got reablement, within touching "
            "distance of England's 5.7%",
            "fail",
        ),
    ],
)
def test_not_far_off_says_the_figures_are_close(chart: str, said: str, outcome: str) -> None:
    assert_verdict((chart,), f"In 2024-25 in Bromley, {said}.", outcome, BROMLEY)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        # Bromley carers with as much social contact as they want, 2023-24: 36.8%, first of 16
        # with its similar councils
        ("top of its statistical neighbours", "pass"),
        ("top of its peer group", "pass"),
        ("bottom of its statistical neighbours", "fail"),
        ("bottom of its group of similar councils", "fail"),
    ],
)
def test_top_or_bottom_of_its_similar_councils_is_a_place_among_them(said: str, outcome: str):
    text = (
        f"In 2023-24, 36.8% of carers in Bromley had as much social contact as they wanted, {said}."
    )
    assert_verdict(("carers_social_contact",), text, outcome, BROMLEY)
