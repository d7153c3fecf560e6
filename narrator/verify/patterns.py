"""Compiled patterns and small vocabularies of the rule-based extractor (no logic here)."""

from __future__ import annotations

import re

from narrator.verify import lexicon as L
from narrator.verify.numbers import (
    DIGITS_RE,
    HEDGE_RE,
    HEDGES,
    ORDINAL_WORDS,
    SCALE_WORDS,
    UNITS_WORDS,
    WORDS_RE,
)

IGN = re.IGNORECASE
# Speed: Python's ``re`` tries every branch of an alternation at every position, so patterns
# whose branches all begin at a word boundary test that boundary once, then a lookahead on the
# possible first characters (``(?=[...])``) before the branches. Both are zero-width and
# necessary for any match, so matches are exactly those of the plain alternation.
#: first letters of number words and of hedges
NUMWORD_FIRST = "".join(sorted({w[0] for w in (*UNITS_WORDS, *SCALE_WORDS)}))
HEDGE_FIRST = "".join(sorted({h[0] for h in HEDGES}))
DIGIT_RE = re.compile(r"\d")  # every pattern that needs a digit is skipped without one
#: exact prefilters, tested on lower-cased ASCII text (other text is always searched): a
#: substring every match of the pattern contains, or the endings every match has
AGE_NEEDS_RE = re.compile("aged|18|65|75|85|16|64")  # AGE_RE
TOTAL_AFTER_NEEDS_RE = re.compile("all|total|altogether|overall|year")  # TOTAL_AFTER_RE
#: RELATIONAL_AFTER_RE (on any text: it is matched case-sensitively)
RELATIONAL_NEEDS_RE = re.compile(
    "more|fewer|less|higher|lower|greater|smaller|bigger|larger|above|below|extra|ahead|behind|"
    "short|adrift|clear"
)
HEDGE_ENDS = tuple(HEDGES)  # HEDGE_BEFORE_RE: a hedge, then only whitespace
#: FRACTION_NUM_RE: the last word of a number in words
NUMBER_WORD_ENDS = frozenset({*UNITS_WORDS, *SCALE_WORDS, "half", "quarter"})

#: sentence ends: a full stop not inside a number, "!" or "?"
SENT_SPLIT_RE = re.compile(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)\s+")
#: the same, scanned fast (one character class first); "e.g."/"i.e." are tested on each hit
SENT_END_RE = re.compile(r"[.!?](\s+)")
WORD_CHAR_RE = re.compile(r"\w")

AGE_RE = re.compile(
    # not the end of a period: "since 2015-16 and above England" is a year, then a comparison
    r"\b(?<![-–/])(?=[aou\d])(?:(?:aged\s+)?(?:18|65|75|85|16|64)\s*(?:\+|plus\b|"
    r"\s*(?:-|–|to)\s*64\b(?![.,]\d|\s*%)|"
    r"\s+(?:and|or)\s+(?:over|older|above)\b)"
    r"|(?:over|under)[- ](?:65|18|75|85)s?\b"
    r"|aged\s+(?:between\s+)?\d+(?:\s*(?:-|–|to|and)\s*\d+)?"
    # not "2019-20 to 64.8%": the end of a year, then a figure
    r"|(?<![-–/])\d+\s*(?:-|–|to)\s*64\b(?![.,]\d|\s*%))",
    IGN,
)
SCALE = r"(?:\s*(?:k|m|bn|mn)\b|\s+(?:thousands?|millions?|billion)\b)"
NUM = rf"(?:(?:{DIGITS_RE}){SCALE}?|{WORDS_RE})"
HEDGE_BEFORE_RE = re.compile(rf"\b(?=[{HEDGE_FIRST}])({HEDGE_RE})\s*$", IGN)
#: a move before "up to": "edged up to 67.3%" names the figure it moved to, not a ceiling
MOVED_UP_RE = re.compile(
    r"\b(?:edged|inched|crept|ticked|nudged|moved|went|gone|going|climbed|climbing|rose|risen|"
    r"rising|shot|jumped|picked|bounced|came|come|back)\s+$",
    IGN,
)

#: "per 100,000 older people", "for every 100,000 residents", "for 100,000 adults"
RATE_RE = re.compile(
    r"\b(?=[pfio])(?:per|for\s+every|for\s+each|in\s+every|out\s+of\s+every|in\s+each|of\s+every|"
    # "£47.1 million for 100,000 adults", "218 in 100,000": bare, of a hundred thousand only
    r"(?:for|in)(?=\s+(?:100,000|100\s000|100000|100k)\b))\s+"
    # (a rate per 1,000 is one per 100,000 a hundredth the size: "7 for every 1,000 aged 65+")
    r"(?P<base>100,000|100\s000|100000|100k|one\s+hundred\s+thousand|a\s+hundred\s+thousand|"
    r"hundred\s+thousand|1,000|1000|one\s+thousand|a\s+thousand|thousand)\b"
    r"(?P<denom>(?:[ \t]+(?!in\b|was\b|is\b|were\b|and\b|but\b|compared\b|than\b|while\b|"
    r"which\b|this\b|that\b|against\b|across\b|for\b|during\b|on\b|at\b|by\b|nationally\b|"
    # another figure is not a denominator word ("per 100,000 versus 476 in London"); an age
    # is ("aged 18-64", "65+")
    r"versus\b|vs\b|\d{3,}|\d{1,3},\d|of\s+(?:that|this|the\s+same)\s+age\b)[\w'+-]+){0,6}"
    r"(?:\s+(?:and|or)\s+(?:over|older|above)\b)?"
    # the group named before it: "in that age group", "adults of that age"
    r"(?:\s+(?:in|of)\s+(?:that|this|the\s+same|their|each|the)\s+age(?:[- ]group)?\b)?)",
    IGN,
)
#: the words between a rate and the figure after it in one clause ("per 100,000 adults in
#: Stockton-on-Tees was £48.0 million"): a few, with no clause break (not even a comma)
RATE_THEN_FIGURE_RE = re.compile(
    r"(?:(?![,;:—–()]|\b(?:and|but|while|whereas|compared|"
    r"against|than|versus)\b).){0,50}",
    IGN | re.S,
)
#: what may come before a rate that opens its sentence: nothing, or a period ("In 2021-22, per
#: 100,000 residents, ...")
LEADING_RATE_RE = re.compile(
    r"\s*(?:(?:in|during|for)\s+(?:19|20)\d\d(?:[-–/]\d\d)?\s*,?\s*)?", IGN
)
#: a sum of money said per person: "£466 per adult", "about £69 for every adult in the city",
#: "£473 for each grown-up"; the data's are per 100,000 adults (``per_head``)
PER_HEAD_RE = re.compile(
    r"\b(?:per|a|for\s+(?:each|every)|on\s+(?:each|every))\s+(?P<who>head|adult(?:\s+resident)?|"
    r"grown-?up|person|resident|inhabitant|citizen)s?\b(?!\s*(?:aged\s+)?(?:65|18\s*(?:-|–|to)))"
    # "for every person living there": everyone, of all ages
    r"(?P<living>\s+(?:living|who\s+lives?)\s+(?:there|here|in)\b)?",
    IGN,
)
#: what may come between a sum and its "per head": a few words, no other figure or clause break
PER_HEAD_GAP_RE = re.compile(r"[^\d£;.()—–]{0,60}", IGN)
#: "Per head, Nottingham's gross spending came to about £446": a per-head frame opening a
#: sentence (after a period or "Put")
LEADING_PER_HEAD_RE = re.compile(
    r"\s*(?:(?:in|during|for)\s+(?:19|20)\d\d(?:[-–/]\d\d)?\s*,?\s*)?(?:put\s+|measured\s+)?"
    r"per\s+(?:head|adult|person|resident)(?:\s+aged\s+18\s*(?:\+|and\s+over|or\s+over))?\s*,",
    IGN,
)
#: "one in three", "8 out of 10", "12 in every 100", "6 in 10"
#: "one in three", "8 out of 10", "12 in every 100", "6 in 10": found from the "in N" anchor,
#: then the number (and hedge) just before it (anchoring first keeps this fast)
FRACTION_ANCHOR_RE = re.compile(
    r"\s(?:in|out\s+of)\s+(?:every\s+)?(?P<den>\d+|hundred|a\s+hundred|one\s+hundred|"
    # "one in forty", "one in twenty-five"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|ten|eleven|twelve|fifteen|"
    r"two|three|four|five|six|seven|eight|nine)\b(?![,.]?\d)",
    IGN,
)
FRACTION_NUM_RE = re.compile(
    rf"(?:\b(?P<hedge>{HEDGE_RE})\s+)?(?P<num>\b(?:\d+(?:\.\d+)?|{WORDS_RE}))$", IGN
)
#: ... with what it counts between the numbers: "one provider in five" (lexicon.FRACTION_NOUNS)
_FRACTION_NOUNS = "|".join(
    w.replace(" ", r"\s+") for w in sorted(L.FRACTION_NOUNS, key=len, reverse=True)
)
FRACTION_NOUN_NUM_RE = re.compile(
    rf"(?:\b(?P<hedge>{HEDGE_RE})\s+)?(?P<num>\b(?:\d+|{WORDS_RE}))\s+(?:{_FRACTION_NOUNS})$", IGN
)
FRACTION_WORDS: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0,
    "a tenth": 10.0, "one tenth": 10.0,
}  # fmt: skip
_FW = "|".join(sorted((re.escape(w) for w in FRACTION_WORDS), key=len, reverse=True))
FRACTION_WORD_RE = re.compile(
    # not "ten and a half points" (one number)
    rf"(?:\b(?P<hedge>{HEDGE_RE})\s+)?(?<!\band\s)(?<!\band\sa\s)"
    rf"\b(?P<frac>{_FW}|a\s+good\s+(?:third|quarter|fifth|tenth))\b"
    # an ordinal, not a share: "a third consecutive rise", "the third year running"
    r"(?!\s+(?:consecutive|successive|straight|year|time|survey|place|highest|lowest|largest|"
    r"smallest|biggest|best|worst|most|least|rise|fall|increase|decrease|drop|decline|"
    r"improvement)\b)",
    IGN,
)
#: "a third higher than England", "about a tenth lower than the region's": a fraction of the
#: comparator's figure by which the council's differs (a ratio of 1 plus or minus it)
RELATIVE_AFTER_RE = re.compile(
    r"\s+(?:(?P<up>higher|more|greater|bigger|larger|above)|(?P<down>lower|less|fewer|smaller|"
    r"below))\b",
    IGN,
)
MAJORITY_RE = re.compile(
    r"(?<!the\s)(?<!among\s)\b(?P<word>most|the\s+majority|a\s+majority|a\s+minority)\s+"
    r"(?:of\s+(?:the\s+)?)?(?P<noun>carers|people|providers|service\s+users|users|staff|"
    r"employers|discharges|requests|residents|adults|services|homes|care\s+homes|them|those)\b",
    IGN,
)
#: "every residential care provider ... was rated good", "none of its small areas": a share of
#: 100 % or 0 % of the providers or small areas a measure counts
ALL_NONE_RE = re.compile(
    r"\b(?P<near>(?:almost|nearly|virtually|practically)\s+)?(?P<word>all|every|none|not\s+one|no)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|"
    r"[\w'’-]+['’]s\s+)?(?:[\w-]+\s+){0,2}?(?P<noun>providers?|care\s+homes|homes|"
    r"small\s+areas|neighbourhoods|them)\b",
    IGN,
)
ALL_NONE_HINT_RE = re.compile(r"\b(?:all|every|none|not one|no)\b")
RATIO_RE = re.compile(
    rf"(?:\b(?P<hedge>{HEDGE_RE})\s+)?\b(?P<ratio>twice|double|treble|triple|"
    rf"(?P<n>{DIGITS_RE}|{WORDS_RE})(?P<part>\s+and\s+a\s+(?:half|quarter))?\s+times)\b"
    # not a count of occurrences: "it went down in every survey, three times", "two times in a
    # row since 2016-17", "asked for help 11,175 times per 100,000"
    r"(?!\s*(?:[,.;:)]|$|in\s+a\s+row\b|running\b|since\b|so\s+far\b|per\b|for\s+every\b|"
    r"in\s+every\b|(?:a|each)\s+year\b))",
    IGN,
)
PERCENT_RE = re.compile(
    rf"(?=[\d.{NUMWORD_FIRST}])(?:(?P<num>\b(?:{DIGITS_RE})|\b{WORDS_RE})\s*(?P<unit>%|per\s*cent\b|percent\b)"
    r"(?P<pts>\s+points?\b|\s+percentage\s+points?\b)?"
    # "12.6 points", "a 12.6-point slide", "a 2.5 percentage-point gain"
    r"|(?P<num2>\b(?:" + DIGITS_RE + r")|\b" + WORDS_RE + r")(?:\s+|-)(?:percentage[\s-]+)?"
    r"points?\b)",
    IGN,
)
MONEY_RE = re.compile(
    rf"£\s?(?P<num>{DIGITS_RE})(?P<scale>{SCALE})?"
    rf"|(?P<num2>\b(?:{DIGITS_RE}){SCALE}?|\b{WORDS_RE})\s+pounds\b",
    IGN,
)
DURATION_RE = re.compile(r"^\s*(?:weeks?|months?|years?|decades?)\b", IGN)
DAYS_RE = re.compile(r"^\s*(?:of\s+a\s+)?days?\b", IGN)
#: "of the 149 councils", "103 councils with data": how many councils a ranking counts, not a
#: figure of any measure
#: "the 149", "all 149", "of 149", "among 149" councils: how many a ranking counts
COUNCIL_COUNT_BEFORE = ("the ", "all ", " of ", "among ")
COUNCIL_COUNT_RE = re.compile(
    r"^\s*(?:other\s+|english\s+|local\s+)?(?:councils|authorities|local\s+authorities)\b", IGN
)
ORDINAL_RE = re.compile(
    r"\b(?P<n>\d+)(?:st|nd|rd|th)\b|\b(?P<w>" + "|".join(ORDINAL_WORDS) + r")\b", IGN
)
#: a year ("2023", "2021-22"); starts with a character class so ``re`` scans for [12] fast
#: ("FY2022-23", "FY2023/24": a financial year written with its prefix)
YEAR_RE = re.compile(
    r"(?P<y>[12](?:(?<=\b[12])|(?<=\bFY[12]))(?:(?<=1)9[89]|(?<=2)0[0-4])\d)"
    r"(?:\s*(?:-|–|/|to)\s*(?P<y2>\d{2}|\d{4})\b)?"
)
PLAIN_RE = re.compile(
    rf"(?=[\d.])(?<![\w£.])(?:{DIGITS_RE}){SCALE}?(?![\w%])"
    rf"|\b(?=[{NUMWORD_FIRST}])(?:{WORDS_RE})\b",
    IGN,
)

DIGITS_ONLY_RE = re.compile(rf"(?=[\d.])(?<![\w£.])(?:{DIGITS_RE}){SCALE}?(?![\w%])", IGN)
#: on the lower-cased sentence; ``\Bteen\b`` is ``\b\w+teen\b`` without the backtracking
NUMWORD_HINT_RE = re.compile(
    r"\b(?=[otfsenhmb])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b"
    r"|\Bteen\b"
)
#: anchors of NUMWORD_HINT_RE (every match starts with one of these literals; see scan.py)
NUMWORD_ANCHOR_RE = re.compile(
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    "sixty|seventy|eighty|ninety|hundred|thousand|million|billion|teen"
)
#: what councils counted against this one did: "only seven councils spent more", "only 4
#: similar councils do better", "three of them fared worse"
_COUNT_VERBS = (
    r"had|have|has|recorded|reported|saw|spent|scored|posted|showed|gave|supported|were|are|"
    r"did|do|does|fared|fare|fares|performed|perform|performs|came\s+out|come\s+out|got|"
    r"received|managed|achieved"
)
RANK_HINT_RE = re.compile(
    r"highest|lowest|largest|smallest|biggest|most|least|fewest|rank|top|bottom|best|worst|main|"
    r"no\s+(?:other\s+)?(?:council|area|authorit|place|borough)|came\s+last|none\s+of|"
    # an ordinal, in figures or words, before its pool ("7th of", "first among")
    r"(?:st|nd|rd|th)\s+(?:among|of|out)|"
    r"deprived\s+(?:places|areas|councils|boroughs|parts|local|counties|cities)|"
    r"only|placed|came|comes|coming|finish|sits|sat\b|sitting|anywhere|any\s+other|"
    r"\bbar\s|except|all\s+but|every\s+other|mid-?table|mid-?ranking|middling|middle\s+of|"
    r"(?:councils|areas|places|authorities|neighbou?rs)\s+(?:" + _COUNT_VERBS + r")\b"
)
RATIO_HINT_RE = re.compile(r"times|twice|double|treble|triple")
FRACTION_HINT_RE = re.compile(r"half|third|quarter|fifth|tenth")
_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
#: "in the most deprived 10%": the words before a band's percentage (not a figure)
BAND_BEFORE_RE = re.compile(r"\b(?:most|least)\s+deprived\s+$", IGN)
#: an area's name that is part of a band's: "in England's most deprived 10%"
BAND_AFTER_NAME_RE = re.compile(r"(?:'s|’s)?\s+(?:most|least)\s+deprived\b", IGN)
#: "the most deprived tenth", "the most deprived 10%": a band of small areas, not a rank
_NOT_A_BAND = (
    r"(?!\s+(?:10|ten|20|twenty)\s*(?:%|per\s*cent)|\s+(?:tenth|decile|fifth|quintile|"
    r"quarter|quartile|third|half)s?\b)"
)
#: "of its 15 similar councils", "of Kent's 15 statistical neighbours": a count's pool is the
#: peer group
_OF_PEERS = (
    r"(?:\s+of\s+(?:(?:its|their|the|[A-Z][\w'’ -]{1,30}?(?:'s|’s))\s+(?:\d+\s+|fifteen\s+)?"
    r"(?:(?:most|closest|nearest)\s+)?(?:similar|comparable|comparator|statistical|peer)\s*"
    r"[\w-]*\s+(?:councils?|neighbou?rs|authorities|areas|group|boroughs|counties|cities)\b"
    # "only three of those neighbours", "only one of them", named in the words before
    r"|(?:them|those|these)(?:\s+(?:similar\s+|comparable\s+)?(?:councils|neighbou?rs|peers|"
    r"areas|authorities|boroughs|counties|cities))?)"
    # "only 4 similar councils do better"
    r"|\s+(?:other\s+)?(?:similar|comparable|comparator|statistical|peer)\s*[\w-]*\s+"
    r"(?:councils?|neighbou?rs|authorities|areas|boroughs|counties|cities)\b)"
)
#: matched against the lower-cased sentence (spans.lower_in_place)
RANK_RE = re.compile(
    r"\b(?:(?P<ord>\d+(?:st|nd|rd|th)|"
    + "|".join(ORDINAL_WORDS)
    + r")[- ](?P<ordpol>highest|lowest|largest|smallest|biggest|most|least|best|worst)\b"
    r"(?:(?:\s+[\w'’-]+){0,4}?\s+(?:(?:out\s+)?of|among)\s+(?:all\s+)?(?:the\s+)?"
    r"(?P<ordof>\d+)\b)?"
    r"|(?P<bare>\d+)(?:st|nd|rd|th)\s+(?:out\s+)?of\s+(?:the\s+)?(?P<bareof>\d+)\b"
    # "the lowest but one among its 15 statistical neighbours": the second lowest
    r"|(?P<butone>highest|lowest|largest|smallest|biggest|best|worst)\s+but\s+one\b"
    r"(?:(?:\s+[\w'’-]+){0,4}?\s+(?:(?:out\s+)?of|among)\s+(?:all\s+)?(?:the\s+)?"
    r"(?P<butoneof>\d+)\b)?"
    # "fifth from bottom among 152 councils", "32nd from the top"
    r"|(?P<fb>\d+(?:st|nd|rd|th)|"
    + "|".join(ORDINAL_WORDS)
    + r")\s+from\s+(?:the\s+)?(?P<fbpol>top|bottom)\b"
    r"(?:(?:\s+[\w'’-]+){0,3}?\s+(?:(?:out\s+)?of|among)\s+(?:all\s+)?(?:the\s+)?(?P<fbof>\d+)\b)?"
    # "one of the ten councils where the fewest care staff leave"
    r"|one\s+of\s+(?:only\s+)?the\s+(?P<nn3>\d+|"
    + _SMALL
    + r")\s+(?:councils?|areas?|places|authorities|boroughs)\s+(?:with|where|that)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?P<npol3>highest|lowest|fewest|most|least|largest|"
    r"smallest|biggest)\b(?!\s+deprived)"
    # "120 councils had lower satisfaction", "fewer than 20 councils recorded a higher rate",
    # "only 14 of 150 councils had a lower rate"
    r"|(?:(?P<cfew>fewer\s+than|less\s+than|under)\s+)?(?P<cn2>\d+|"
    + _SMALL
    + r")(?:\s+(?:out\s+)?of\s+(?:the\s+)?(?P<cof2a>\d+))?"
    r"\s+(?:other\s+)?(?:councils?|areas?|places|authorities)"
    r"(?:\s+(?:out\s+)?of\s+(?:the\s+)?(?P<cof2>\d+))?\s+(?:" + _COUNT_VERBS + r")\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
    r"(?P<cdir2>higher|lower|more|fewer|less|bigger|smaller|larger|greater|better|worse)\b"
    # "ranks 12th" (not "ranks 12th lowest": the ordinal's own word says which end)
    r"|(?:(?:ranked|ranks|ranking)\s+(?:at\s+)?(?:number\s+)?(?P<ranked>\d+)(?:st|nd|rd|th)?"
    r"|(?:ranked|ranks|ranking|placed|places|placing|puts|put|came|comes|coming|finished|"
    r"finishes|finishing|sits|sat|sitting)\s+(?:[\w'’-]+\s+){0,4}?"
    # (not the share in "puts it in the bottom third", nor "third from bottom")
    # (nor a fraction: "sits about a fifth below")
    r"(?<!top\s)(?<!bottom\s)(?<!lowest\s)(?<!highest\s)(?<!upper\s)(?<!lower\s)(?<!\ba\s)"
    r"(?P<ranked2>\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")\b(?!\s+from\b)"
    # "was first among its 15 similar councils", "is third of 152 councils"
    r"|(?:was|is|were|are|finished|sat|stood)\s+(?P<ranked3>\d+(?:st|nd|rd|th)|"
    + "|".join(ORDINAL_WORDS)
    + r")(?=\s+(?:among|of|out\s+of|nationally|in\s+england)\b))(?![\w])"
    r"(?![- ](?:highest|lowest|largest|smallest|"
    r"biggest|most|least)\b)"
    r"(?:\s+(?:out\s+)?of\s+(?:all\s+)?(?:the\s+)?(?P<of>\d+))?"
    r"(?:(?:\s+for\s+this)?,?\s+counting\s+from\s+the\s+(?P<cfrom>highest|lowest))?"
    r"|only\s+(?P<cn>\d+|" + _SMALL + r")\s+(?:other\s+)?(?:councils?|areas?|places|authorities)"
    r"(?:\s+(?:out\s+)?of\s+(?:the\s+)?(?P<cof>\d+))?\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?P<cdir>higher|lower|more|fewer|less|bigger|smaller|larger|greater|better|worse)\b"
    r"|(?:among|in|one\s+of)\s+the\s+(?:(?P<npol>top|bottom|highest|lowest)\s+(?P<nn>\d+|"
    + _SMALL
    + r")|(?P<nn2>\d+|"
    + _SMALL
    + r")\s+(?P<npol2>highest|lowest|largest|smallest|biggest|most\s+deprived|least\s+deprived))"
    r"(?!\s*(?:%|per\s*cent))\b(?:\s+(?:councils?|areas?|places))?"
    r"(?:\s+(?:out\s+)?of\s+(?:the\s+)?(?P<nof>\d+))?"
    r"|(?P<among>among|one\s+of)\s+the\s+(?P<amongpol>highest|lowest|largest|smallest|biggest|"
    r"most\s+deprived|least\s+deprived|most|fewest|best|worst)(?!\s+but\s+one\b)"
    + _NOT_A_BAND
    + r"|(?:in|among|within)\s+the\s+(?P<qpol>top|bottom|highest|lowest|upper|lower)\s+"
    r"(?P<q>quarter|fifth|tenth|third|half|\d+\s*(?:%|per\s*cent))"
    # "no council had higher satisfaction", "no council among its 15 statistical neighbours
    # spent more": the highest (lowest) of all; "topped the table", "came bottom"
    r"|(?:no\s+(?:other\s+)?(?:councils?|areas?|authorit(?:y|ies)|places?|boroughs?)|"
    r"none\s+of\s+(?:them|those|these|its|their)(?:\s+(?:\d+\s+)?(?:(?:similar|comparable|"
    r"statistical|other)\s+)?(?:councils|neighbou?rs|peers|areas))?)"
    r"(?:\s+(?:in|among|of)\s+[^,.;:]{1,60}?)?\s+(?:was|" + _COUNT_VERBS + r")\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
    r"(?P<nonedir>higher|lower|more|fewer|less|bigger|smaller|larger|greater|better|worse)\b"
    r"|(?P<table>topped\s+the\s+(?:table|list|rankings?|league)|came\s+(?:top|bottom|last)\b|"
    r"(?:was\s+)?(?:top|bottom)\s+of\s+the\s+(?:table|list|rankings?|league)|"
    # "bottom of its statistical neighbours", "top of its peer group" (not "near the bottom
    # of its group": close to it)
    r"(?<!the\s)(?:top|bottom)\s+of\s+(?:its|their)\s+(?:(?:group\s+of\s+)?(?:\d+\s+)?"
    r"(?:similar|comparable|statistical)\s+(?:councils|neighbou?rs)|peers|peer\s+group)\b)"
    r"|(?P<anyw>(?:higher|lower|more|fewer|less|bigger|smaller)\s+than\s+(?:anywhere\s+else|"
    r"any\s+other\s+(?:council|area|authority|place|borough)))"
    # "higher than every similar council bar one", "more than all but a dozen councils": one
    # place (or a dozen) below the top
    r"|(?P<bardir>higher|lower|more|fewer|less|bigger|smaller|larger|greater|better|worse)"
    r"(?:\s+[\w'’-]+){0,10}?\s+than\s+(?:in\s+)?(?:(?:every|each|any)\s+(?:other\s+)?"
    r"(?:[\w'’-]+\s+){0,6}?(?:bar|except(?:\s+for)?|but|apart\s+from|save(?:\s+for)?)|"
    r"all\s+but)\s+(?P<barn>one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|\d+)\b"
    # "more often than in nearly every other part of England": close to the top
    r"|(?P<neardir>higher|lower|more|fewer|less|bigger|smaller|larger|greater|better|worse)"
    r"(?:\s+[\w'’-]+){0,10}?\s+than\s+(?:in\s+)?(?:nearly|almost|virtually|practically)\s+"
    r"(?:every|all|any)\s+other\b"
    # "mid-table", "in the middle of the pack": neither near the top nor near the bottom
    r"|(?P<mid>mid-?table|mid-?ranking|middling|middle\s+of\s+the\s+(?:pack|table|rankings?|"
    # (not "the middle of the peer group", the brief's and the data's name for its median)
    r"league|field|range|distribution))"
    # "one of the more deprived places in England": more deprived than most
    r"|one\s+of\s+the\s+(?P<mdep>more|less)\s+deprived\s+(?:places|areas|councils|boroughs|"
    r"parts|local\s+authorities|counties|cities)\b"
    r"|(?P<most>(?:higher|lower|more|fewer|less)\s+(?:[\w'-]+\s+){0,12}?than\s+(?:in\s+)?most"
    r"(?:\s+(?:other\s+)?(?:councils|areas|places|local\s+authorities))?)"
    r"|(?<!from\s)the\s+(?P<suppol>highest|lowest|largest|smallest|biggest|most\s+common|least\s+common|"
    r"most\s+deprived|least\s+deprived|fewest|main|most(?=\s+of\s+any\b)|"
    r"least(?=\s+of\s+any\b))\b(?!\s+but\s+one\b)" + _NOT_A_BAND + r")",
)
#: a place among similar councils said as a count of them (run only on texts that can name
#: them, ``extract.PEERS_HINT_RE``): "only two of its 15 similar councils had a higher share",
#: "nine of Kent's 15 statistical neighbours recorded lower turnover", "lower than 13 of the 14
#: similar councils with figures" (13 had a higher figure), "only one of them scored higher"
PEER_RANK_RE = re.compile(
    # (not the group's size: "in its group of 15 statistical neighbours")
    r"\b(?<!of\s)(?<!its\s)(?<!their\s)(?:only\s+)?(?P<pn>\d+|"
    + _SMALL
    + r")"
    + _OF_PEERS
    + r"\s+(?:"
    + _COUNT_VERBS
    + r")\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
    r"(?P<pdir>higher|lower|more|fewer|less|bigger|smaller|larger|greater|better|worse)\b"
    r"|\b(?P<vsdir>higher|lower|more|fewer|less|bigger|smaller|larger|greater|better|worse)\s+"
    r"than\s+(?P<vsn>\d+|" + _SMALL + r")" + _OF_PEERS,
    IGN,
)
#: the frame of "only two councils gave information and advice to more": what is left names
#: the measure ranked
RANK_FRAME_RE = re.compile(
    r"^only\s+\S+\s+(?:other\s+)?(?:councils?|areas?|places|authorities)"
    r"(?:\s+(?:out\s+)?of\s+(?:the\s+)?\d+)?|"
    r"\b(?:higher|lower|more|fewer|less|bigger|smaller|larger|greater)$",
    IGN,
)
#: the council against its own past: "the highest it has been since 2015-16", "its lowest
#: level on record", "a record high" (checked before RANK_RE, which would read "the highest");
#: matched against the lower-cased sentence (spans.lower_in_place)
OWN_EXTREME_RE = re.compile(
    r"\b(?:(?:the|its|their|a)\s+)?(?P<pol>highest|lowest|largest|smallest|best|worst)\s+"
    r"(?:[\w'’,-]+\s+){0,7}?"
    r"(?:(?:it|this|that|the\s+(?:figure|rate|share|number))\s+(?:has|had)\s+(?:ever\s+)?been"
    r"|on\s+record|ever|yet|since|in\s+(?:all\s+)?(?:the\s+|these\s+)?years|in\s+a\s+decade"
    r"|in\s+(?:\w+|\d+)\s+years|for\s+(?:\w+|\d+)\s+years"
    r"|in\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+)?(?:series|records?)"
    r"|(?:which\s+)?goes\s+back|year\b|series\s+began|numbers\s+go\s+back"
    # "the highest of the four survey results", "in any of its surveys", "of Sandwell's four
    # survey results": its own readings
    r"|(?:of|in\s+any\s+of)\s+(?:the|its|all|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:surveys|years|results|readings|figures|periods)\b"
    # "the best the borough has recorded", "the highest Slough has had", "in any survey",
    # "in four surveys", "across the four surveys"
    r"|(?:has|had|have)\s+(?:ever\s+)?(?:recorded|had|seen|reported|scored|achieved|posted)\b"
    r"|in\s+any\s+(?:survey|year)\b"
    r"|(?:in|across)\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:survey\s+)?(?:surveys|years)\b)"
    r"(?:\s+(?:since\s+|to\s+)?(?:records\s+began|the\s+series\s+began(?:\s+in)?)?\s*"
    r"(?P<since>(?:19|20)\d\d(?:\s*[-/]\s*\d\d)?)?)?"
    r"|\b(?:a\s+)?record\s+(?P<rec>high|low)\b"
    # "has not been this low since 2016-17": the latest is the most extreme since then, and
    # the figure then was at least as extreme
    r"|\b(?:has|had|have)\s*(?:not|n['’]t|never)\s+(?:been|scored|seen|recorded|reached|had|"
    r"fallen|risen|dropped|sunk|climbed)\s+(?:this|so|as|that)\s+(?P<not>high|low|good|bad)"
    r"(?:\s+\w+){0,2}?\s+since\s+(?P<nsince>(?:19|20)\d\d(?:\s*[-/]\s*\d\d)?)"
    # "higher than at any point since 2018-19", "lower than at any time in the series"
    # "lower than in any earlier survey year shown"
    r"|\b(?P<anyp>higher|lower|better|worse)\s+than\s+(?:at\s+|in\s+)?any\s+(?:other\s+|earlier\s+|"
    r"previous\s+|past\s+)?(?:survey\s+|financial\s+)?(?:point|time|"
    r"year|survey|stage)s?(?:\s+shown)?(?:\s+(?:since\s+(?P<asince>(?:19|20)\d\d(?:\s*[-/]\s*\d\d)?)|before|"
    r"previously|on\s+record|in\s+the\s+(?:series|records?)))?"
    # "peaked at 42.5% in 2021-22", "hit a low of 55.6%": the figure after is the series' own
    r"|\b(?P<peak>peaked|(?:reached|hit|touched)\s+(?:a|its)\s+(?:peak|high|low|lowest|"
    r"highest)|bottomed\s+out"
    # "the peak of 41% back in 2016-17", "the low point came in 2018-19", "a high of 72.1% in
    # 2018-19": the period or figure after the noun is the series' own extreme
    r"|(?:the|its|a|their)\s+(?:(?:series|all-time|record)\s+)?(?:peak|high\s+point|"
    r"low\s+point|trough|(?:high|low)(?=\s+(?:of|was|came)\b)))\b",
)
#: "the best year on record was 2017-18": an own extreme whose period and figure come after it
EXTREME_YEAR_RE = re.compile(
    r"(?:(?:the|its|their)\s+)?(?:highest|lowest|best|worst)\s+(?:year|survey|result|reading)s?"
    r"\b(?:\s+\w+){0,4}?\s+(?:was|came|were)\b",
    IGN,
)
OWN_EXTREME_HINT_RE = re.compile(
    r"record|ever|since|yet|been|year|decade|back|series|survey|results|readings|figures|periods"
    r"|peak|hit|reached|touched|bottomed|any|point|trough|high\s+of|low\s+of"
)
#: words that make a superlative a rank among councils ("the highest of any council", "the
#: lowest in England"); "the council" alone is the subject itself, and "council-managed" a kind
#: of budget, so a singular noun needs "any" or "every" before it
RANK_CONTEXT_RE = re.compile(
    r"\b(?:councils|authorities|areas|places|(?:any|every)\s+(?:other\s+)?(?:council|area|"
    r"authority|place)|in\s+England|in\s+the\s+country|nationally|in\s+the\s+region|"
    r"ranked|ranks?|peers?|peer\s+group|statistical\s+neighbou?rs)\b(?!-)",
    IGN,
)

#: verbs that place the subject above or below a comparator named right after them
#: ("trails England", "fell short of the national figure", "outpaced the region")
_BELOW_VERBS = (
    "trails", "trailed", "trailing", "lags", "lagged", "lagging", "lags behind", "lagged behind",
    "lagging behind", "falls short of", "fell short of", "falling short of", "short of",
    "falls behind", "fell behind", "falling behind",
)  # fmt: skip
_ABOVE_VERBS = (
    "beats", "beat", "beaten", "beating", "exceeds", "exceeded", "exceeding", "tops", "topped",
    "surpasses", "surpassed", "surpassing", "outstrips", "outstripped", "outstripping", "outpaces",
    "outpaced", "outpacing", "outperforms", "outperformed", "outperforming", "overtakes",
    "overtook", "overtaken", "overtaking", "eclipses", "eclipsed", "eclipsing", "outdoes",
    "outdid", "edges past", "edged past", "edging past", "edges ahead of", "edged ahead of",
    "nudges past", "nudged past", "nudging past", "nudges ahead of", "nudged ahead of",
    "creeps past", "crept past", "pulls ahead of", "pulled ahead of", "dwarfs", "dwarfed",
    "dwarfing", "towers over", "towered over", "towering over", "towers above",
    "towered above",
)  # fmt: skip
#: verbs that say how big the gap is, as a word before the comparison would ("dwarfs England's
#: figure" says "far above"; "edges past" says "slightly above")
VERB_MODIFIERS: dict[str, str] = {
    **dict.fromkeys(
        ("dwarfs", "dwarfed", "dwarfing", "towers over", "towered over", "towering over",
         "towers above", "towered above"),
        "far",
    ),
    **dict.fromkeys(
        ("edges past", "edged past", "edging past", "edges ahead of", "edged ahead of",
         "nudges past", "nudged past", "nudging past", "nudges ahead of", "nudged ahead of",
         "creeps past", "crept past"),
        "slightly",
    ),
}  # fmt: skip
VERB_DIRECTIONS: dict[str, str] = {
    **dict.fromkeys(_BELOW_VERBS, "below"),
    **dict.fromkeys(_ABOVE_VERBS, "above"),
}
_VERBS = "|".join(sorted((w.replace(" ", r"\s+") for w in VERB_DIRECTIONS), key=len, reverse=True))
_DIRWORDS = (
    r"higher|lower|more|fewer|less|greater|smaller|bigger|larger|above|below|under|over|"
    r"ahead\s+of|behind|adrift\s+of|shy\s+of|better|worse|" + _VERBS
)
DIRECTION_WORD_RE = re.compile(r"\b(?=[hlmfgsbauotewnpcd])(?P<dir>" + _DIRWORDS + r")\b", IGN)
#: anchors of DIRECTION_WORD_RE in a lower-cased ASCII sentence (see scan.py)
DIRECTION_ANCHOR_RE = re.compile(
    r"higher|lower|more|fewer|less|greater|smaller|bigger|larger|above|below|under|over|ahead|"
    r"behind|trail|lag|short|beat|exceed|top|surpass|outstrip|outpac|outperform|overt|eclips|"
    r"outd|edg|nudg|crep|crept|pull|better|worse|dwarf|tower|adrift|shy"
)
#: how big a gap a comparison says it is: weak ("slightly above", "a touch higher") and strong
#: ("well above", "comfortably ahead of") words, as written before it
WEAK_MOD_WORDS = (
    "slightly", "a little", "a bit", "little bit", "just", "marginally", "a touch", "a shade",
    "a whisker", "a fraction", "fractionally", "narrowly", "barely", "a hair", "a tad",
    "a smidgen", "ever so slightly", "a tiny bit", "a wee bit", "very slightly", "only just",
    "a hair's breadth", "a hair’s breadth", "a hairsbreadth", "modestly", "a sliver",
    "a smidge", "a notch", "a tick", "minimally", "negligibly", "scarcely", "hardly",
    "just about", "very marginally",
)  # fmt: skip
STRONG_MOD_WORDS = (
    "much", "far", "well", "way", "considerably", "significantly", "substantially", "a lot",
    "quite a bit", "quite a lot", "noticeably", "markedly", "comfortably", "vastly", "hugely",
    "massively", "dramatically", "streets", "miles", "a long way", "a great deal", "greatly",
    "a good deal", "a good way", "a fair bit", "heavily", "some way", "some distance",
    "enormously", "sharply", "strikingly", "notably", "easily", "leagues", "head and shoulders",
    "well and truly", "a country mile", "far and away", "substantively",
)  # fmt: skip
#: the strongest of them: "far above" says more than "well above"
VERY_STRONG_MODS = {
    "far", "way", "vastly", "hugely", "massively", "dramatically", "streets", "miles",
    "a long way", "enormously", "leagues", "head and shoulders", "a country mile",
    "far and away",
}  # fmt: skip
_MOD = "|".join(
    w.replace(" ", r"\s+") for w in sorted((*WEAK_MOD_WORDS, *STRONG_MOD_WORDS), key=len)[::-1]
)
DIRECTION_MOD_RE = re.compile(rf"\b(?P<mod>{_MOD})\s+$", IGN)
#: a strength said after the comparison, right after the area or its figure: "trailed the
#: region's £50.0m by a wide margin", "ahead of England by a whisker" (read as "well" or
#: "slightly")
MARGIN_AFTER_RE = re.compile(
    r"(?:'s|’s)?\s*(?:\(?(?:[^,.;()]|\.(?=\d)){0,25}?\)?\s+)?by\s+(?:"
    r"(?P<wide>(?:a\s+|some\s+)?(?:wide|large|big|huge|considerable|long|clear|comfortable)\s+"
    r"(?:margin|way|distance)|some\s+(?:way|distance|margin)|a\s+(?:mile|long\s+way))"
    r"|(?P<narrow>(?:a\s+)?(?:narrow|small|slim|tiny|fine)\s+margin|a\s+(?:whisker|hair|"
    r"fraction|nose|shade)))\b",
    IGN,
)
CAUSAL_HINTS = (
    "because", "due to", "thanks", "result", "caused", "driven", "owing", "lead", "led ",
    "explain", "shows that", "prove", "fail", "succeed", "sign ", "evidence", "funded", "poor",
    "good", "doing", "perform", "blame", "reason", "credit", "link", "reflect", "attribut",
    "down to", "following", "after the", "since the", "owing",
)  # fmt: skip
#: on the lower-cased sentence: any of the hints (one scan instead of a substring test each)
CAUSAL_HINT_RE = re.compile("|".join(re.escape(h) for h in CAUSAL_HINTS))
TREND_HINT_RE = re.compile(
    r"up|down|ris|rose|grow|grew|increas|climb|doubl|fell|fall|drop|decreas|declin|shr|slip|dip|"
    r"jump|"
    r"improv|better|wors|deteriorat|"
    r"than\s+in|"
    r"stay|remain|steady|unchang|chang|level|since|over\s+(?:the|time)|year|survey|before|"
    r"recover|rebound|bounced|surged|soared|tripled|trebled|plunged|plummet|slump|halved|recorded",
)
#: a necessary substring of every TREND_RE match (checked on the lower-cased sentence)
TREND_WORD_RE = re.compile(
    r"went|gone|going|ris|rose|grew|grow|increas|climb|doubled|from|year|survey|before|fell|"
    r"fall|slip|eased|easing|"
    r"improv|better|wors|deteriorat|"
    r"dip|edged|ticked|crept|picked|than\s+in|up\s+(?:\w+\s+)?on|down\s+(?:\w+\s+)?on|"
    r"drop|decreas|declin|shr|stayed|remained|held|changed|levelled|since|time|level|jump|"
    r"recover|rebound|bounced|surged|soared|tripled|trebled|plunged|plummet|slump|halved|"
    r"recorded|"
    r"its\s+own|higher\s+in|lower\s+in"
)
#: a necessary substring of every SAME_RE match (checked on the lower-cased sentence)
SAME_HINT_RE = re.compile(
    r"same|similar|line|close|level|par|equal|match|neck|far|distance|whisker"
)
SAME_RE = re.compile(
    r"\b(?:(?:about|roughly|much|broadly|almost|nearly|very\s+close\s+to)\s+)?"
    r"(?:the\s+same\s+as|similar\s+to|in\s+line\s+with|close\s+to|level\s+with|"
    r"on\s+a\s+par\s+with|on\s+par\s+with|equal\s+to|identical\s+to|matches|matched|close\s+to|"
    r"neck\s+and\s+neck\s+with|level\s+pegging\s+with|"
    # "not far off England's 850", "within touching distance of London"
    r"not\s+far\s+(?:off|from|short\s+of|behind)|within\s+(?:touching\s+|striking\s+)?distance\s+of|"
    r"within\s+a\s+whisker\s+of|"
    # ("matched the regional figure exactly but trailed England's": the end of its own claim)
    r"(?:exactly|precisely)(?!\s*(?:[,.;:)]|$|(?:but|and|while|whereas|yet)\b))|"
    r"mirror(?:s|ed|ing)?)\b"
    # not a quantity: "close to a fifth more than London's", "close to double England's"
    r"(?!\s+(?:a\s+|one\s+|two\s+|three\s+|half|double|twice|treble|triple|\d))",
    IGN,
)
DIRECTION_MAP = {
    "higher": "above", "more": "above", "greater": "above", "bigger": "above", "larger": "above",
    "above": "above", "over": "above", "ahead of": "above", "lower": "below", "fewer": "below",
    "adrift of": "below", "shy of": "below",
    "less": "below", "smaller": "below", "below": "below", "under": "below", "behind": "below",
    # resolved by the measure's polarity when checked (higher or lower is better)
    "better": "better", "worse": "worse",
    **VERB_DIRECTIONS,
}  # fmt: skip
STRONG_MODS = set(STRONG_MOD_WORDS)
WEAK_MODS = set(WEAK_MOD_WORDS)

#: "the third consecutive annual", "a second successive": a move that ends a run (lexicon.STREAK_RE
#: reads the run)
_RUN_ORDINAL = (
    r"(?:the|an?|its|their)\s+(?:second|third|fourth|fifth)\s+(?:(?:successive|consecutive|straight)\s+)?"
    r"(?:(?:annual|yearly)\s+)?"
)
_ADVERB = r"(?:sharply|steeply|slightly|marginally|strongly|markedly|a\s+little|a\s+touch)"
#: a bare "up" or "down" that a run after it makes a move: "up for the third year running",
#: "down again for a second survey in a row", "lower three years running"
_BEFORE_RUN = (
    r"(?=\s+(?:again\s+)?(?:for\s+)?(?:a\s+|the\s+)?(?:second|third|fourth|fifth|two|three|"
    r"four|five|\d)\s+(?:(?:consecutive|successive|straight)\s+)?(?:years?|surveys?|times?)\s+"
    r"(?:running|in\s+a\s+row))"
)
_BARE_MOVE_TO = r"(?=\s+(?:to|from|by)\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?[£\d])"
#: matched against the lower-cased sentence (spans.lower_in_place)
TREND_RE = re.compile(
    r"\b(?P<up>went\s+up|gone\s+up|going\s+up|rose|risen|rising|rises|grew|grown|growing|"
    # a bare verb before its figure ("it rise to 17%", as a weak writer puts it; not a noun:
    # "the jump to the end of overseas recruitment")
    r"(?<!a\s)(?<!the\s)(?:rise|increase|grow|climb|jump)" + _BARE_MOVE_TO + "|"
    r"grows|increased|increasing|increases|an\s+increase|climbed|climbing|doubled|jumped|"
    r"recovered|rebounded|bounced\s+back|surged|soared|tripled|trebled|"
    # the council against a figure of its own past: "above the 72.0% recorded in 2023-24"
    r"(?:above|higher\s+than|more\s+than)\s+(?=the\s+£?\d[\d.,]*\s*(?:%|per\s*cent|m\b|"
    r"million)?\s+(?:it\s+)?(?:recorded|seen|reported|reached|posted|had|was)\s+(?:back\s+)?in\s+"
    r"(?:19|20)\d\d)|"
    r"an?\s+(?:real\s+|big\s+|sharp\s+|small\s+|slight\s+|further\s+|second\s+|third\s+)?"
    rf"(?:rise|jump)|{_RUN_ORDINAL}(?:rise|increase|gain)|"
    rf"up\s+(?:{_ADVERB}\s+)?from|"
    r"has\s+gone\s+up|more\s+than\s+before|"
    # "more than the year before", "more money than the year before"
    r"(?:higher|more|up)\s+(?:(?!than\b)[a-z]+\s+){0,2}?than\s+"
    r"(?=(?:the\s+year\s+before|a\s+year\s+(?:earlier|ago|before)|"
    r"the\s+previous\s+(?:year|survey)|the\s+(?:survey|year)\s+before|last\s+(?:year|survey)|"
    r"before)\b)|"
    r"edged\s+up|ticked\s+up|crept\s+up|picked\s+up|years?\s+of\s+(?:growth|rises|increases)|"
    r"(?:higher|more)\s+than\s+in\s+(?=(?:19|20)\d\d)|"
    # the council against its own past: "higher than its own figure the year before", "above
    # its 2015-16 level", "higher in 2023-24 than in 2022-23"
    r"(?:higher|more|above)\s+(?:than\s+)?its\s+(?:own\s+)?(?:figure|level|rate|score|share)"
    r"(?=\s+(?:(?:for|in|of)\s+)?(?:the\s+year\s+before|a\s+year\s+earlier|last\s+year|"
    r"the\s+previous\s+(?:year|survey)|(?:19|20)\d\d))|above\s+its\s+(?=(?:19|20)\d\d\S*\s+level)|"
    r"higher(?=\s+in\s+(?:19|20)\d\d\S*\s+than\s+in\s+(?:19|20)\d\d)|"
    rf"up\s+(?:{_ADVERB}\s+)?on(?=\s+(?:the\s+)?(?:previous|last|a|(?:year|survey)\s+before|"
    r"(?:19|20)\d\d|£|\d))|"
    rf"(?:up|higher){_BEFORE_RUN})\b"
    r"|\b(?P<down>went\s+down|gone\s+down|going\s+down|fell|fallen|falling|"
    r"(?<!a\s)(?<!the\s)(?:fall|drop|decline|decrease|dip|slip)" + _BARE_MOVE_TO + "|"
    r"dropped|dropping|decreased|decreasing|declined|declining|a\s+decline|a\s+fall|"
    rf"shrank|{_RUN_ORDINAL}(?:fall|drop|decrease|decline)|"
    r"plunged|plummeted|slumped|halved|"
    r"(?:below|lower\s+than|less\s+than|under)\s+(?=the\s+£?\d[\d.,]*\s*(?:%|per\s*cent|m\b|"
    r"million)?\s+(?:it\s+)?(?:recorded|seen|reported|reached|posted|had|was)\s+(?:back\s+)?in\s+"
    r"(?:19|20)\d\d)|"
    rf"shrunk|shrinking|down\s+(?:{_ADVERB}\s+)?from|"
    r"(?:lower|fewer|less|down)\s+(?:(?!than\b)[a-z]+\s+){0,2}?than\s+"
    r"(?=(?:the\s+year\s+before|a\s+year\s+(?:earlier|ago|"
    r"before)|the\s+previous\s+(?:year|survey)|the\s+(?:survey|year)\s+before|"
    r"last\s+(?:year|survey)|before)\b)|"
    r"fewer\s+than\s+before|slipped|slipping|dipped|edged\s+down|ticked\s+down|"
    r"eased\s+(?:back|off|down)|easing\s+(?:back|off)|"
    rf"(?:down|lower){_BEFORE_RUN}|"
    r"years?\s+of\s+(?:decline|falls|decreases)|(?:lower|less|fewer)\s+than\s+in\s+(?=(?:19|20)\d\d)|"
    r"(?:lower|less|fewer|below)\s+(?:than\s+)?its\s+(?:own\s+)?(?:figure|level|rate|score|share)"
    r"(?=\s+(?:(?:for|in|of)\s+)?(?:the\s+year\s+before|a\s+year\s+earlier|last\s+year|"
    r"the\s+previous\s+(?:year|survey)|(?:19|20)\d\d))|below\s+its\s+(?=(?:19|20)\d\d\S*\s+level)|"
    r"lower(?=\s+in\s+(?:19|20)\d\d\S*\s+than\s+in\s+(?:19|20)\d\d)|"
    rf"down\s+(?:{_ADVERB}\s+)?on(?=\s+(?:the\s+)?(?:previous|last|a|(?:year|survey)\s+before|"
    r"(?:19|20)\d\d|£|\d)))\b"
    r"(?!\s+(?:below|short|behind))"
    r"|\b(?P<flat>stayed\s+(?:about\s+|roughly\s+|much\s+|broadly\s+)?(?:the\s+same|steady|"
    r"flat|stable|level)|remained\s+(?:about\s+|roughly\s+|broadly\s+)?(?:the\s+same|steady|"
    r"stable|flat|level|unchanged)|held\s+steady|unchanged|barely\s+changed|"
    r"hardly\s+changed|levelled\s+off|"
    # "roughly the same as the year before": no move since then
    r"(?:(?:about|roughly|much|broadly|almost|nearly|virtually|pretty\s+much)\s+)?"
    r"(?:the\s+same\s+as|similar\s+to|level\s+with|in\s+line\s+with)\s+"
    r"(?=(?:the\s+year\s+before|a\s+year\s+(?:earlier|ago|before)|the\s+previous\s+(?:year|survey)|"
    r"the\s+(?:survey|year)\s+before|last\s+(?:year|survey))\b))\b"
    # which way these go is the measure's polarity's (data/polarity.yaml)
    r"|\b(?P<better>improved|improving|has\s+improved|got\s+better|getting\s+better|"
    r"better\s+than\s+(?=(?:the\s+year\s+before|a\s+year\s+(?:earlier|ago)|"
    r"the\s+previous\s+(?:year|survey)|last\s+(?:year|survey))\b)|"
    r"better\s+than\s+in\s+(?=(?:19|20)\d\d)|"
    # "requires improvement" ("needing improvement") is a CQC rating and "Quality improvement"
    # a section's name
    r"(?<!requires\s)(?<!require\s)(?<!required\s)(?<!requiring\s)(?<!need\s)(?<!needs\s)"
    r"(?<!needing\s)(?<!needed\s)(?<!quality\s)(?:an?\s+)?"
    r"(?:small\s+|slight\s+|big\s+|marked\s+)?improvement)\b"
    r"|\b(?P<worse>worsened|worsening|deteriorated|deteriorating|got\s+worse|"
    r"worse\s+than\s+(?=(?:the\s+year\s+before|a\s+year\s+(?:earlier|ago)|"
    r"the\s+previous\s+(?:year|survey)|last\s+(?:year|survey))\b)|"
    r"worse\s+than\s+in\s+(?=(?:19|20)\d\d)|"
    r"getting\s+worse|(?:an?\s+)?(?:small\s+|slight\s+|big\s+|marked\s+)?deterioration)\b"
    r"|\b(?P<any>since\s+(?:19|20)\d\d|over\s+the\s+(?:last|past)\s+\w+\s+years|over\s+time|"
    r"year\s+on\s+year|compared\s+with\s+last\s+year|than\s+a\s+year\s+ago)\b",
)
_CAUSE_ADVERB = r"(?:(?:largely|mainly|mostly|partly|in\s+part|chiefly|probably|likely)\s+)?"
CAUSAL_RE = re.compile(
    r"\b(?:because(?!\s+(?:it|the\s+(?:number|figure|count))\s+(?:is|was|are)\s+(?:very\s+)?"
    rf"small)(?:\s+of)?|(?:due|thanks|owing)\s+{_CAUSE_ADVERB}to|as\s+a\s+result\s+of|"
    r"caused\s+by|explained\s+by|reflecting\s+(?:the|a|an|its|their|[A-Z])|"
    r"puts?\s+(?:(?:it|this|that)\s+)?down\s+to|"
    # an event the data does not hold: "after the council introduced a new contact point",
    # "following the closure of several homes"
    r"(?:after|since|following)\s+(?:the\s+)?(?:council|borough|authority|city|county)\s+"
    r"(?:introduced|opened|closed|launched|brought\s+in|changed|invested|cut|set\s+up|"
    r"started|moved)|following\s+(?:the\s+|a\s+)?(?:introduction|closure|opening|launch|"
    r"arrival|loss)\s+of|"
    r"driven\s+by|resulting\s+from|leads?\s+to|led\s+to|leading\s+to|"
    r"explains?\s+why|which\s+explains|this\s+shows\s+that|this\s+proves|proves\s+that|"
    r"(?:is|are)\s+failing|failing\s+to|is\s+succeeding|a\s+sign\s+(?:of|that)|"
    r"evidence\s+(?:of|that)|under-?funded|poor\s+(?:care|performance|management)|"
    r"good\s+(?:care|performance|management)|(?:doing|performing)\s+(?:well|badly|poorly|"
    r"better|worse)|outperform\w*|(?:is|are)\s+to\s+blame|the\s+reason\s+(?:is|for)|"
    r"credit(?:s|ed)?\s+(?:[\w'’-]+\s+){1,6}?for|link(?:s|ed)?\s+(?:it\s+|this\s+|that\s+)?to|"
    r"reflect(?:s|ing|ed)?\s+(?:the\s+)?(?:strength|success|quality|effort|work|investment|"
    r"pressure|shortage|lack|impact)|attribut(?:e|es|ed|able)\s+(?:it\s+|this\s+)?to|"
    r"put(?:s|ting)?\s+(?:it|this|that)\s+down\s+to)\b",
    IGN,
)
# ---- context tests of the extractor (precompiled: they run for every figure) ----------------
DEN_65_RE = re.compile(r"65|older|pensioner|elderly|over-?65")
DEN_WORKING_RE = re.compile(r"18\s*(?:-|–|to)\s*64|working[- ]age|younger adults")
DEN_ADULTS_RE = re.compile(r"\badults?\b|18\s*\+|18 and over")
#: whole words: "per 100,000 held a council-managed personal budget" names no group
DEN_ALL_RE = re.compile(
    r"\b(?:residents?|people|population|persons?|inhabitants?|everyone|locals?)\b"
)
YEAR_NOT_BEFORE_RE = re.compile(r"\s*(?:%|per|people|residents|carers|requests)")
#: "239 fewer", "9% more than": a figure that is a difference (on the lower-cased tail)
RELATIONAL_AFTER_RE = re.compile(
    r"\s*(?:%|per\s*cent|percentage\s+points?|points?|pounds|£|days?|"
    r"[a-z' ]{0,25}?)?\s*\b(?:more|fewer|less|higher|lower|greater|smaller|"
    r"bigger|larger|above|below|extra|ahead\s+of|behind|short\s+of|adrift|clear\s+of)\b"
)
#: a gap named by a noun right after its figure: "a three-point gap", "a 2.5-point lead"
GAP_NOUN_AFTER_RE = re.compile(r"\s*(?:gap|difference|lead|margin|shortfall|deficit)\b")
#: a change named by a noun right after its figure: "a 12.6-point slide", "a 15-point leap"
CHANGE_NOUN_AFTER_RE = re.compile(
    r"\s*(?:leap|slide|jump|rise|fall|drop|gain|improvement|increase|decrease|decline|dip|"
    r"climb|surge|boost|uptick|reduction|cut|slump|slip|fall-off|recovery|rebound|deterioration|"
    r"swing|shift)s?\b",
    IGN,
)
#: a hedge right before a gap's figure ("by about six points", "is now more than 9 points")
_GAP_HEDGE = (
    r"\s*(?:about|around|roughly|almost|nearly|some|just\s+(?:over|under)|more\s+than|"
    r"less\s+than|over|under|only|just)?\s*$"
)
#: a gap's own words before its figure ("a gap of", "the gap is now more than", "the margin has
#: narrowed from"; on the lower-cased words before it)
GAP_BEFORE_RE = re.compile(
    r"\b(?:difference|gap|margin|lead|shortfall)\b(?:[^.;:\d]|\.\d){0,45}?\b(?:of|from|to|at|by|"
    r"is|was|now|stands|stood|remains|remained)" + _GAP_HEDGE
)
#: a comparison, then "by" before its gap ("trailing England (65.1%) by about six points")
BY_GAP_RE = re.compile(
    r"\b(?:trail\w*|lag\w*|behind|ahead|above|below|beat\w*|exceed\w*|outstrip\w*|higher|lower|"
    r"more|less|fewer|up|down)\b(?:[^.;:]|\.\d){0,40}?\bby" + _GAP_HEDGE
)
#: between a gap's figure and a second one said the same way ("6.3 points behind England,
#: against 3.9 points a year earlier"; "from 3.4 points in 2016-17 to 7.7 points now")
GAP_PAIR_RE = re.compile(
    r"(?:[^.;:\d]|\.\d|(?:19|20)\d\d(?:[-/]\d\d)?){0,45}?\b(?:to|against|compared\s+(?:with|to)|"
    r"from|versus|vs\.?|and|then)" + _GAP_HEDGE
)
TOTAL_AFTER_RE = re.compile(
    r"[^.;]{0,40}?\b(?:in\s+all|in\s+total|altogether|overall|a\s+year|in\s+a\s+year)\b"
)
TOTAL_BEFORE_RE = re.compile(r"\b(?:total|totall?ing)\s+(?:of\s+)?(?:about\s+|around\s+)?£?\s*$")
#: between a figure and the area named right after it ("2,438 for England", "1,005 nationally")
BIND_AFTER_RE = re.compile(r"[^\d,;()]{0,12}?\b(?:for|in|across|of)\s+(?:the\s+)?|\s+", IGN)
#: an area's possessive right before its figure ("England's 67.8%")
POSSESSIVE_GAP_RE = re.compile(r"(?:'s|’s)\s*(?:\(\s*)?")
#: an area said to own the figure after it: its possessive, or it is the clause's subject
#: ("England's 67.8%", "The East Midlands is 71.4%", "London stood at 38.9%")
OWNER_GAP_RE = re.compile(
    r"(?:'s|’s|s'|s’)\s*(?:\(\s*)?|\s+(?:is|was|were|stood\s+at|sat\s+at|came\s+in\s+at|"
    r"recorded|reached|had)\s+(?:about\s+|around\s+|roughly\s+|just\s+)?",
    IGN,
)
#: between an area and its figure ("England's 65.1%", "England: 452")
BIND_BEFORE_RE = re.compile(r"(?:'s|’s)?\s*(?:\(|:)?\s*(?:[\w'’-]+\s+){0,3}?\(?\s*")
#: an area opening a sentence or clause, then its figure: "In England, 82.9% were ..."
OPENING_AREA_RE = re.compile(r"(?:^|[.;:]\s*)(?:in|across|for)\s+(?:the\s+)?$", IGN)
COMMA_GAP_RE = re.compile(r"\s*,\s*")
#: an area, then a clause about it that states its figure: "England, where 65.1% were",
#: "in London, where the rate was 342"
WHERE_GAP_RE = re.compile(r"\s*,?\s*where\s+(?:[a-z'’-]+\s+){0,3}?", IGN)
#: between the peer group and its figure, when the group is the clause's subject: a few words,
#: a comma at most, no other figure ("similar councils typically managed 53.2%")
PEER_GAP_RE = re.compile(r"[^\d.;:()]{0,48}")
#: a comparator named after a comparison word ("than in England", "compared with the region")
COMPARED_BEFORE_RE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|against|versus|vs)\s+(?:in\s+|with\s+|for\s+)?(?:the\s+)?$",
    IGN,
)
#: between two areas one comparison is made with: "England (60.7%) and the East Midlands",
#: "England, and the region"
AND_ALSO_RE = re.compile(
    r"(?:'s|’s)?\s*(?:\([^()]{0,30}\))?\s*,?\s*(?:and|or|nor|as\s+well\s+as)\s+"
    r"(?:also\s+)?(?:than\s+)?(?:in\s+)?(?:the\s+)?",
    IGN,
)
CONTRAST_RE = re.compile(r"\b(?:than|and|while|compared|against|versus|vs)\b", IGN)
LEAD_TO_NAME_RE = re.compile(r"\s*(?:of\s+)?(?:the\s+)?", IGN)
AGAIN_RE = re.compile(r"\s+as\s+(?:much|many|high|large)\s+again\b|\s+again\s+as\b", IGN)
#: "half as often", "a third as likely": a fraction that compares with another area (a ratio)
AS_OFTEN_RE = re.compile(
    r"\s+as\s+(?:often|much|many|likely|high|large|common|frequently|big)\b(?!\s+again)", IGN
)
COMPARATOR_NEXT_RE = re.compile(
    r"\s*(?:of\s+)?(?:the\s+|that\s+(?:of|in|for)\s+)?(?:England|"
    r"national|regional|the\s+region|the\s+England|English)",
    IGN,
)
COMPARATOR_RATE_NEXT_RE = re.compile(
    r"\s*(?:of\s+)?(?:the\s+)?(?:rate|figure|level|average|amount)\s+"
    r"(?:in|for|across)\s+(?:England|the\s+region)",
    IGN,
)
THAN_FIGURE_RE = re.compile(r"\s*than\s+(?:about\s+|around\s+|roughly\s+)?[£\d]", IGN)
THAN_PAST_RE = re.compile(
    r"\s+than\s+(?:(?:last|the\s+previous|the\s+prior)\s+(?:year|survey)|before|"
    r"(?:the\s+)?(?:year|survey)\s+before|a\s+year\s+(?:earlier|ago|before)|in\s+(?:19|20)\d\d)",
    IGN,
)
CLAUSE_BREAK_RE = re.compile(r"(?<!\d)\.|\.(?!\d)|;|\b(?:but|while|whereas)\b")  # not "60.7"
THE_GAP_RE = re.compile(r"\s*(?:the\s+)?")
#: a range's two ends: "ranged from 20.8% to 44.2%", "varied between £30m and £52m"
RANGE_LEAD_RE = re.compile(
    r"\b(?:rang(?:e|ed|es|ing)|var(?:y|ied|ies|ying)|spread|spanned)\s+(?:from|between)\s+$", IGN
)
#: "a median of", "the group's median was", "whose median figure is": a figure after these
#: words is the similar councils' median (no other party has one)
MEDIAN_BEFORE_RE = re.compile(r"\bmedian\b[^.;:\d%£]{0,25}$", IGN)
#: a comparison whose comparator was named before it: "so Hounslow is (much) more.", "higher
#: than both of them", "below it", "above average" (see comparisons.implicit_direction_mentions)
IMPLICIT_DIRECTION_RE = re.compile(
    r"\b(?P<dir>higher|lower|more|less|fewer|above|below|behind|ahead\s+of|better|worse)\b"
    r"(?:\s+(?:than\s+)?(?P<obj>both(?:\s+of\s+them|\s+comparators)?|them\s+both|them|it|"
    r"(?:the\s+)?(?:national\s+)?average)\b(?!\s+(?:was|is|had|has)\b)"
    r"|(?=\s*(?:too|also|as\s+well)?\s*(?:[.;!]|,\s|$)))",
    IGN,
)
#: between a subject and its comparison word ("England is", "it was a bit")
PREDICATE_GAP_RE = re.compile(
    r"\s*(?:'s|’s)?\s*,?\s*(?:(?:it|the|its)\s+)?(?:figure\s+|rate\s+|share\s+)?"
    r"(?:is|was|are|were|remains|remained|stays|stayed|sits|sat)\s+(?:\w+\s+){0,2}",
    IGN,
)
#: "<council> is (a bit) lower": the predicate right before the word
PREDICATE_END_RE = re.compile(
    r"\b(?:is|was|are|were|remains|remained|stays|stayed|sits|sat)\s+(?:\w+\s+){0,2}$", IGN
)
PLACE_GAP_RE = re.compile(
    r"\s*(?:both\s+)?(?:that\s+(?:of|in|for)\s+|the\s+|those\s+in\s+)?"
    r"(?:(?:corresponding|respective|equivalent)\s+)?",
    IGN,
)
THAN_RE = re.compile(r"\bthan\b", IGN)
SPECULATIVE_RE = re.compile(r"\b(?:may|might|could|possibly|perhaps|probably|likely)\b", IGN)
NEGATION_RE = re.compile(r"\b(?:not|n't|no|never|did\s+not|do\s+not|does\s+not)\b", IGN)
#: where a clause ends, for the reach of a negation after a figure
CLAUSE_END_RE = re.compile(r"[,;:.()—–]|\b(?:which|while|but|whereas|than|compared|so)\b", IGN)

#: a change in a gap over time: "the gap with England has widened", "although the gap
#: narrowed", "the gap between Dudley and the national picture widened since 2021-22"
GAP_MOVE_HINT_RE = re.compile(r"\bgap\b")
GAP_MOVE_RE = re.compile(
    r"\bthe\s+gap\b(?:\s+(?:with|to|from|between)\s+[^,.;]{1,60}?)?\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:(?:now|also|since|then|further|slightly|a\s+little)\s+)?"
    r"(?P<way>widened|widening|grown|grew|increased|opened\s+up|narrowed|narrowing|closed|"
    r"shrunk|shrank|decreased|fallen|fell)\b",
    IGN,
)
#: a statement of which way a deprivation scale runs: "a higher average rank means more
#: deprived", "the lower the decile, the more deprived the area" (relations.scale checks it)
SCALE_HINT_RE = re.compile(r"depriv|poor|affluen|(?:better|worse|well)\s+off")
_SCALE_WHAT = (
    r"(?P<what>(?:average\s+)?(?:deprivation\s+)?(?:score|rank|decile|share|percentage|number|"
    r"figure|value))s?"
)
#: where a scale statement says it holds ("a smaller share here signals ...", "a higher score
#: on this index means ...")
_SCALE_HERE = (
    r"(?:,?\s+(?:here|(?:on|in|for)\s+(?:this|the)\s+(?:index|measure|scale|data|summary|"
    r"table)),?)?"
)
SCALE_RE = re.compile(
    r"\b(?:(?:an?|the)\s+)?(?P<way>higher|lower|bigger|smaller|larger)\s+"
    + _SCALE_WHAT
    + _SCALE_HERE
    + r"\s+(?:means?|indicates?|shows?|signals?|reflects?|points?\s+to|suggests?|implies|"
    r"marks?)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:area|place|council|borough)\s+(?:is\s+)?)?(?:(?P<dep>more|less|most|least|greater|"
    r"lower)\s+(?:deprived|deprivation)\b|(?P<poor>poorer|worse\s+off)\b|"
    r"(?P<rich>richer|better\s+off|more\s+affluent|wealthier)\b)"
    r"|\bthe\s+(?P<way2>higher|lower|bigger|smaller)\s+the\s+"
    + _SCALE_WHAT.replace("?P<what>", "?P<what2>")
    + r",?\s+the\s+(?P<dep2>more|less|greater|lower)\s+(?:deprived|deprivation)\b",
    IGN,
)
#: hint -> patterns searched on lower-cased text; each is necessary for the extractor patterns
#: it gates, so a hint missing from a whole text skips those patterns in all its sentences
HINTS: dict[str, tuple[re.Pattern[str], ...]] = {
    "rank": (RANK_HINT_RE,),
    "ratio": (RATIO_HINT_RE,),
    "fraction": (FRACTION_HINT_RE,),
    "numword": (NUMWORD_HINT_RE,),
    "trend": (TREND_HINT_RE, TREND_WORD_RE),
    "same": (SAME_HINT_RE,),
    "causal": (CAUSAL_HINT_RE,),
    "scale": (SCALE_HINT_RE,),
    "gap": (GAP_MOVE_HINT_RE,),
}


#: hints worth testing on the whole text first: each sentence tests its hint again, so a text-level
#: test only pays for hints that most texts lack; the common ones are taken as present
TEXT_LEVEL_HINTS = ("ratio", "fraction", "same", "causal", "scale", "gap")
_COMMON_HINTS = frozenset(HINTS) - frozenset(TEXT_LEVEL_HINTS)


def hints_in(low_text: str) -> frozenset[str]:
    """The hints that may be present in a lower-cased text (the only function in this module):
    a rare hint is searched for; a common one is assumed (each sentence searches for it)."""
    return _COMMON_HINTS | frozenset(
        k for k in TEXT_LEVEL_HINTS if all(p.search(low_text) for p in HINTS[k])
    )
