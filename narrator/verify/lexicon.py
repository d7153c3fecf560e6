"""The words the verifier reads to bind and scope claims, each listed once.

Word lists first, then the patterns built from them; the modules that use a pattern import it
from here (``periods``, ``binding``, ``relations``, ``grounding``, ``extract``), so a word added
here is seen everywhere it matters. (The figure, hedge, unit and entity patterns of the first
extractor still live in :mod:`narrator.verify.patterns`.)

>>> bool(CLAUSE_COMMA_RE.search("5.8, which places it")), bool(PREVIOUS_RE.search("a year earlier"))
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

IGN = re.IGNORECASE


def any_of(words: Iterable[str]) -> str:
    """A non-capturing alternation of phrases, longest first; a space matches any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


# ---- clauses ----------------------------------------------------------------------------------
#: after a comma these start a clause of their own, which needs its own support
CONJUNCTIONS = (
    "and", "but", "while", "whereas", "although", "though", "which", "so", "yet", "as",
    "because", "since",
)  # fmt: skip
#: these set a clause against the one before ("risen from 35.1%, although below 2018-19's")
CONTRASTS = ("although", "though", "but", "while", "whereas", "which", "yet")
#: a contrast even without a comma ("above England but below the region")
BARE_CONTRASTS = ("but", "while", "whereas")
#: after these a figure or name is a comparator's ("compared with 77.1% nationally")
COMPARISONS = ("than", "compared with", "compared to", "against", "versus", "vs", "vs.",
               "relative to")  # fmt: skip

CLAUSE_COMMA_RE = re.compile(rf",\s+(?={any_of(CONJUNCTIONS)}\b)", IGN)
CONTRAST_RE = re.compile(rf";|,\s+(?={any_of(CONTRASTS)}\b)|\s(?={any_of(BARE_CONTRASTS)}\s)", IGN)
#: where the words that belong to one figure stop
WINDOW_STOP_RE = re.compile(
    r"[;:()]|,\s|\b(?:and|but|while|whereas|against|compared|than|versus|vs)\b"
)
#: a comma or dash between the clauses of one statement (not patterns.CLAUSE_BREAK_RE, which
#: ends a statement): the words of a figure whose own words name nothing are those of the
#: clause before it ("... nursing care too, about 1,980 ...")
COMMA_BREAK_RE = re.compile(r",\s|\s[—–]\s")
COMMA_BREAK_END_RE = re.compile(rf"(?:{COMMA_BREAK_RE.pattern})\Z")
#: words opening a clause with a statement of its own
NEW_CLAUSE_RE = re.compile(r"\s*(?:and|but|or|while|whereas|which|so|yet|though|although)\b", IGN)
#: the same, for the words that name a figure's measure: "and" joins words of one name too
#: ("satisfied with their care and support")
NAME_WINDOW_STOP_RE = re.compile(
    r"[;:()]|,\s|\b(?:but|while|whereas|against|compared|than|versus|vs)\b"
)
#: a word joining a new statement to the one before in its sentence (a rate after it opens
#: the new statement: see ``extract``)
STATEMENT_JOIN_RE = re.compile(r"[,;]|\b(?:and|but|while|whereas)\b", IGN)
#: a phrase opening a sentence that says whom its figures count ("Among over-65s, ...", "For
#: working-age adults, ...", "Of those aged 65 and over, ...")
FRONTED_PHRASE_RE = re.compile(r"\s*(?:among|amongst|for|of|across)\s", IGN)
#: an adverb or time set off by commas inside a clause (", meanwhile,", ", in 2021-22,")
PARENTHETICAL_RE = re.compile(
    r"\s*(?:meanwhile|however|though|too|also|moreover|in\s+turn|by\s+contrast|in\s+contrast|"
    r"for\s+example|for\s+instance|in\s+(?:19|20)\d\d(?:[-–/]\d\d)?|that\s+year|then|now|"
    r"again|overall|in\s+total|altogether|by\s+comparison|in\s+comparison)\s*",
    IGN,
)
#: words that say a figure is a rate, not a number of people or pounds
RATE_MARKER_RE = re.compile(
    r"\bper\b|\bevery\b|\beach\b|\brates?\b|\bout\s+of\b|100,000|100\s000|\bproportion|"
    r"\bscaled\b|\bpro\s+rata\b|\brelative\s+to\s+(?:its\s+)?(?:size|population)|\bcapita\b",
    IGN,
)
#: the people a figure counts, right after it ("725 working-age adults", "about 398 older
#: people", "292 of them")
PEOPLE_AFTER_RE = re.compile(
    r"\s+(?:of\s+them\b|(?:[\w-]+\s+){0,2}?(?:people|adults|residents|carers|over-65s|"
    r"pensioners|clients|individuals|users)\b)",
    IGN,
)
#: what a simple fraction counts, said between its two numbers: "one provider in five", "two
#: carers in three", "one older person in ten"
FRACTION_NOUNS = ("person", "people", "adult", "adults", "resident", "residents", "carer",
                  "carers", "provider", "providers", "home", "homes", "care home", "care homes",
                  "user", "users", "worker", "workers", "agency", "agencies", "older person",
                  "older people", "member of staff", "members of staff")  # fmt: skip
#: (not "six councils out of 152": a count of councils, a rank)
#: a part of people counted before, right before its figure ("Of these, 308 got ..."): the
#: figure counts people too
OF_THESE_BEFORE_RE = re.compile(r"\b(?:of|among|amongst)\s+(?:these|those|them)\s*,?\s*$", IGN)
#: a word opening a clause that sets a statement of its own against the one before
WHILE_RE = re.compile(r",\s*(?:while|whereas)\b", IGN)
#: a comparison before a figure: the figure is then not the council's by default
COMPARE_BEFORE_FIGURE_RE = re.compile(rf"\b(?:{any_of(COMPARISONS)}|whereas|while)(?![\w.])", IGN)
#: between a figure and the words describing it ("61.7%, the lowest since ..."; "22.1% in
#: 2023-24, its lowest"; "19.0% and it was the lowest"; "64.6% a year earlier, which had been
#: the city's best"): a period, punctuation, "which is", a possessive
#: a comparison set between a figure and the words that describe it ("59.7%, below England's
#: 65.1% and the lowest since 2019-20")
COMPARISON_ASIDE_RE = re.compile(
    r"\s*,\s*(?:below|above|under|over|behind|ahead\s+of|(?:higher|lower|more|less)\s+than)\s+"
    r"[^,;.\d]{0,40}\d[\d.,]*\s*(?:%|per\s*cent)?\s+and\s+",
    IGN,
)
APPOSITIVE_RE = re.compile(
    # ("the 78.6% it recorded in 2015-16, the highest in the series")
    r"^\s*(?:(?:(?:(?:(?:it|they)\s+(?:had\s+)?)?(?:recorded|reached|seen|reported|posted)\s+)?"
    r"(?:in|of)\s+[\d/–-]+|"
    r"a\s+year\s+(?:earlier|before)|the\s+year\s+before|last\s+year)\s*)?[,;:–—-]?\s*"
    # "62.8% remains the highest": the figure is the subject (not "... and is the highest")
    r"(?:(?:remains|remained|stays|stayed|is|was)\s+|"
    r"(?:and\s+)?(?:which|that|it|this)\s+(?:is|was|had\s+been|has\s+been|remains)\s+)?"
    r"(?:(?:the|its|their)\s+)?(?:[\w-]+['’]s\s+)?$",
    IGN,
)
OPEN_BRACKET_RE = re.compile(r"\s*[(\[]\s*")
#: words that restate the figure just given as a share in words: "That is about 1 in every 10
#: older people.", "..., or roughly one in four" (before the share's own hedge)
#: a hedge on a figure said again ("that is about 64 in every 100")
_RESTATE_HEDGE = (
    r"(?:(?:about|around|roughly|nearly|almost|just\s+over|just\s+under|more\s+than|less\s+than|"
    r"fewer\s+than|over|under|some)\s+)?"
)
RESTATE_OPENING_RE = re.compile(
    r"\s*(?:that['’]s|that\s+is|this\s+is|that\s+means|this\s+means|it\s+means|which\s+is|"
    rf"in\s+other\s+words,?|so)\s+{_RESTATE_HEDGE}$",
    IGN,
)
RESTATE_INLINE_RE = re.compile(
    rf"\s*(?:,|;|–|—|-)\s*(?:or|that\s+is|which\s+is|i\.e\.)\s+{_RESTATE_HEDGE}$", IGN
)
#: a figure right after these is where a change starts or what it is compared with
BASE_FIGURE_BEFORE_RE = re.compile(
    r"\b(?:from|than|with|against|versus|vs\.?)\s+(?:about\s+|around\s+|roughly\s+)?£?$", IGN
)
RELATIVE_RE = re.compile(r"\b(?:which|that)\b", IGN)
RELATIVE_OPENING_RE = re.compile(r"[\s,;:–—-]*(?:which|that)\b", IGN)
#: a figure right after these is the one compared with ("down from 27.7%", "than 64%"), not
#: the one a following "the lowest of the four surveys" describes
COMPARED_FIGURE_RE = re.compile(
    rf"\b(?:{any_of(COMPARISONS)}|from|with)\s+(?:about\s+|around\s+|£)?$", IGN
)

# ---- periods ----------------------------------------------------------------------------------
#: the period before the stated (or latest) one
PREVIOUS = (
    "the year before", "the survey before", "a year earlier", "a year before", "a year ago",
    "the previous year", "previous year", "the previous survey", "previous survey",
    "the previous period", "previous period", "year before", "the prior year", "prior year",
    "twelve months earlier",
)  # fmt: skip
#: the figure a change starts from ("up from 63.6%", "fell sharply from 71.9% to 64.6%",
#: "climbed from a low of 55.6%"): matched on the words right before the figure
FROM_FIGURE_RE = re.compile(
    r"\b(?:up|down|rose|risen|rising|fell|fallen|falling|dropped|dropping|climbed|climbing|"
    r"increased|decreased|declined|slipped|slipping|improved|recovered|jumped|grew|grown|"
    r"shrank|rise|fall|drop|jump|increase|decrease|decline|improvement|change|"
    # "eased, from 25.5% to 24.8%", "England went from 80.3% to 81.7%"
    r"eased|easing|went|gone|moved|moving|edged|edging|crept|creeping|slid|sliding|sank|"
    r"soared|surged|dipped|dipping|ticked|shifted|changed|worsened|worsening|bounced|"
    r"rebounded|slumped|plunged|plummeted|shot|nudged|"
    # a gap's change: "the gap widened from 1.6 to 1.8 points"
    r"widened|widening|narrowed|narrowing|closed|closing|halved|doubled|trebled|tripled)\b"
    r"(?:[^.;]|\.\d){0,40}?\bfrom\s+(?:a\s+(?:low|high|peak)\s+of\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|some\s+|just\s+(?:over|under)\s+)?£?$",
    IGN,
)
#: a figure as a change states it ("about 64.9%", "£9.2m", "1.4 points")
_CHANGE_FIGURE = (
    r"(?:about\s+|around\s+|roughly\s+)?£?\d[\d.,]*\s*"
    r"(?:%|per\s*cent|points?|m\b|million|bn\b|billion)?"
)
#: after a change's first figure, its second: "to 20.7%" (in "fell from 22.1% to 20.7%")
TO_FIGURE_RE = re.compile(rf"\s*(?:\([^)]{{0,20}}\)\s*)?to\s+{_CHANGE_FIGURE}", IGN)
#: ... and the period the change ends in right after it: "to 20.7% in 2024-25"
TO_FIGURE_IN_RE = re.compile(TO_FIGURE_RE.pattern + r"\s*(?:in|by)\s+", IGN)
#: before a change's second figure: "from 22.1% to "
FROM_FIGURE_TO_RE = re.compile(rf"\bfrom\s+{_CHANGE_FIGURE}\s+to\s+$", IGN)
#: the two periods of a change, after its figures: "between 2023-24 and 2024-25"
CHANGE_PERIODS_RE = re.compile(
    r"\s*,?\s*(?:between|from)\s+(?P<y1>(?:19|20)\d\d(?:[-/]\d\d)?)\s+(?:and|to)\s+"
    r"(?P<y2>(?:19|20)\d\d(?:[-/]\d\d)?)\b",
    IGN,
)
#: ... anywhere after a figure (a cheap test before reading the change around it)
CHANGE_PERIODS_ANY_RE = re.compile(r"\b(?:between|from)\s+(?:19|20)\d\d", IGN)
#: two periods back ("up from 58.6% two years earlier")
TWO_BACK = ("two years earlier", "two years before", "two years ago", "two surveys earlier",
            "two surveys before", "the survey before last", "the year before last",
            "the year before that", "the survey before that")  # fmt: skip
#: a change from the year before: with PREVIOUS, "down on last year", "year on year"
LAST_YEAR = ("last year", "last survey", "the last year", "the last survey", "year on year",
             "year-on-year", "the prior survey", "prior survey")  # fmt: skip
#: words before a year that opens a sentence and scopes it ("In 2022-23, ...")
OPENERS = ("in", "back in", "for", "during", "by", "between", "as of", "over", "from", "across")

#: a financial year named by the March it ends in: "the year to March 2022", "the financial
#: year ending 31 March 2022", "year ended March 2022" (2021-22; written right before the year)
YEAR_TO_MARCH_RE = re.compile(
    r"\b(?:financial\s+)?year\s+(?:to|ending|ended|end(?:ing)?\s+in)\s+(?:the\s+end\s+of\s+)?"
    r"(?:31(?:st)?\s+)?march\s+$",
    IGN,
)
PREVIOUS_RE = re.compile(rf"\b{any_of(PREVIOUS)}\b(?!\s+(?:that|last)\b)", IGN)
#: the latest period said right after a figure ("46.0% in the most recent survey", "27.4 per
#: cent, is the most recent figure available", "71.7% in the latest figures")
LATEST_AFTER_RE = re.compile(
    r"\s*,?\s*(?:(?:is|was)\s+)?(?:in\s+|for\s+)?the\s+(?:most\s+recent|latest|newest)\s+"
    r"(?:survey|year|figures?|data|results?|period|count)\b",
    IGN,
)
#: a sentence that opens by saying its figures are the latest ("In the latest figures, 71.0%
#: ...", "Most recently, ...", "The latest data show ...")
LATEST_OPENING_RE = re.compile(
    r"\s*(?:in|on|according\s+to|from)\s+the\s+(?:most\s+recent|latest|newest)\s+"
    r"(?:survey|year|figures?|data|results?|count|statistics|returns?)\b"
    r"|\s*(?:most\s+recently|currently|right\s+now)\b",
    IGN,
)
#: the period after the one stated before ("64.1% a year later")
FOLLOWING = ("a year later", "the following year", "the next year", "the year after",
             "a survey later", "the following survey", "the next survey", "twelve months later",
             "by the following year", "the year after that")  # fmt: skip
FOLLOWING_RE = re.compile(rf"\b{any_of(FOLLOWING)}\b", IGN)
#: a sentence that opens with the period after the one before: "A year later, it was ..."
FOLLOWING_OPENING_RE = re.compile(rf"\s*(?:and\s+|but\s+|then\s+)?{any_of(FOLLOWING)}\b", IGN)
TWO_BACK_RE = re.compile(rf"\b{any_of(TWO_BACK)}\b", IGN)
#: "last year's 61.1%", "61.1% last year": the year before the latest (counted from now)
LAST_YEAR_RE = re.compile(r"\blast\s+(?:year|survey)(?:'s|’s)?(?!\w)", IGN)
#: relative periods counted back from now, not from the period stated before them
DEICTIC_RE = re.compile(r"(?:a|two)\s+(?:years?|surveys?)\s+ago|last\b", IGN)
#: a comparison's period said right after it ("above it the year before", "ahead of it
#: (85.1%) a year earlier")
PREVIOUS_AFTER_RE = re.compile(
    rf"\s*(?:\([^)]{{0,20}}\)\s*)?(?:in\s+)?(?P<prev>{any_of(PREVIOUS)})\b(?!\s+(?:that|last)\b)",
    IGN,
)
#: spaces and a joining word before a clause's opening period ("whereas in 2023-24 ...")
CLAUSE_LEAD_RE = re.compile(
    r"\s*(?:(?:and|but|while|whereas|though|although|yet|so|then)\s+)?", IGN
)
YEAR_ON_YEAR_RE = re.compile(rf"\b{any_of((*PREVIOUS, *LAST_YEAR))}\b", IGN)
#: the period a stated change is measured from, right after its figure: "up 3.2 points on the
#: previous year", "an increase of 8% on 2020-21", "5% lower than in 2023-24"
CHANGE_BASE_RE = re.compile(
    r"\s*(?:%|per\s*cent|(?:percentage\s+)?points?)?\s*(?:(?P<dir>up|down|higher|lower|more|fewer|"
    r"less|better|worse|below|above)\s+)?(?:(?:on|from|than|since|compared\s+(?:with|to)|against|"
    # "about a fifth below the 2016-17 level": below and above need no "than"
    r"over)\s+|(?<=below\s)|(?<=above\s))"
    r"(?:in\s+|it\s+was\s+in\s+|its\s+(?:figure|level|rate)\s+(?:in|for)\s+"
    r"|(?:the|its)\s+(?=(?:19|20)\d\d[^.;]{0,12}?\b(?:level|figure|rate|result|share|score)\b)"
    # "than the 65.1% recorded in 2022-23"
    r"|(?:the\s+)?£?\d[\d.,]*\s*(?:%|per\s*cent|m\b|million)?\s+(?:(?:recorded|seen|reported|"
    r"posted|it\s+had|it\s+was)\s+)?(?:in|for)\s+)?(?:"
    r"(?P<year>(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?)|(?P<two>"
    + any_of(TWO_BACK)
    + r")|(?P<prev>"
    + any_of((*PREVIOUS, *LAST_YEAR))
    # "down 2.8 points on the year": on the year before
    + r"|(?<=\bon\s)the\s+year(?!\s+(?:before|earlier|that|when|in|to|of|after))"
    + r"))\b",
    IGN,
)
OPENING_RE = re.compile(
    rf"\s*{any_of(OPENERS)}\s+(?:the\s+)?(?:(?:financial|survey)\s+)?(?:year\s+)?$", IGN
)
#: a clause break after an opening period: later clauses may be about another period
OPENING_BREAK_RE = re.compile(r";|,\s+(?:and|but|while|whereas|which)\b", IGN)
#: a break between a figure and a later year: the year then belongs to another statement
TRAILING_BREAK_RE = re.compile(
    r"[;:()]|,\s+(?:and|but|while|whereas|which|compared|against|up|down|from)\b|\b(?:than|against|"
    r"compared|versus|from|since|after)\b",
    IGN,
)
#: between a period and a later figure: another figure, or a word that moves on from that
#: period ("from £183.7 million in 2019-20 to £137.8 million", "in 2019-20 and then ...")
MOVE_GAP_RE = re.compile(r"\d|\b(?:to|then|and|before|by)\b", IGN)
#: between the figures of a list or a range ("69.1%, 69.2% and 69.3%", "between 57.6% and
#: 58.6%", "ranged from 20.8% to 44.2%", "20.8%–44.2%")
LIST_JOIN_RE = re.compile(
    r"\s*(?:%|per\s*cent)?\s*(?:,|,?\s+and|,?\s+to|\s*[-–])\s*(?:about\s+|around\s+)?", IGN
)
#: the run of periods a list of figures is said against, right after it
RUN_OF_PERIODS_RE = re.compile(
    r"\s*\)?\s*,?\s*(?:(?:between|from)\s+(?P<since>(?:19|20)\d\d(?:[-/]\d\d)?)\s+"
    r"(?:and|to|until)\s+(?P<until>(?:19|20)\d\d(?:[-/]\d\d)?)"
    r"|(?:in\s+(?:the\s+|each\s+of\s+the\s+)?(?:\w+\s+)?(?:surveys|years)\s+)?"
    r"(?:from|since)\s+(?P<since2>(?:19|20)\d\d(?:[-/]\d\d)?)(?:\s+onwards)?)",
    IGN,
)
#: what may separate a year written before a figure from it ("In 2023-24 it was 73%")
YEAR_THEN_FIGURE_RE = re.compile(
    # ("the previous year's 63.0%", "2023-24's 63.6%")
    r"(?:['’]s\b)?\s*[,:()]?\s*(?:(?:when|where)\s+)?(?:(?:it|this|that|(?:the|that|this)\s+(?:figure|rate|"
    r"share|number|proportion|percentage|score)|"
    # "the 2023-24 figure of 63.6%"
    r"figure|rate|share|level|result|score|value)\s+)?"
    # "The year before it spent £97.3 million", "the year before, when it received £8.1m"
    r"(?:(?:was|were|is|stood\s+at|had\s+been|reached|hit|spent|received|got|paid|recorded|"
    r"reported|supported|helped|came\s+to|totalled|amounted\s+to)\s+)?(?:(?:of|at)\s+)?\s*",
    IGN,
)
#: what may separate a figure from a year after it ("58% in 2021-22"); not a comma
FIGURE_THEN_YEAR_RE = re.compile(
    # ("about one in six (16.9%) a year earlier": a bracketed figure's period after the bracket)
    r"\)?\s*\(?\s*(?:(?:recorded|reported|seen|posted|measured)\s+)?"
    r"(?:(?:in|for|during|of|at)\s+)?(?:the\s+)?(?:(?:financial|survey)\s+)?"
    r"(?:year\s+)?\(?\s*",
    IGN,
)

# ---- change over time -------------------------------------------------------------------------
#: verbs of a move to the latest figure ("rose to 68.1%")
MOVE_VERBS = ("rose", "risen", "increased", "grew", "climbed", "fell", "fallen", "dropped",
              "decreased", "declined", "slipped", "eased")  # fmt: skip
#: words that may make a bare trend word a recent change
RECENT = ("now", "this year", "latest", "recently", "most recent", "in the last")
#: ordinal and cardinal words of a streak ("the third consecutive rise")
STREAK_WORDS = {"second": 2, "two": 2, "third": 3, "three": 3, "fourth": 4, "four": 4,
                "fifth": 5, "five": 5}  # fmt: skip

MOVED_TO_RE = re.compile(
    rf"\b{any_of(MOVE_VERBS)}\s+(?:\w+ly\s+)?to\s+(?:about\s+|around\s+|nearly\s+|just\s+)?[£\d]",
    IGN,
)
RECENT_RE = re.compile(rf"\b{any_of(RECENT)}\b", IGN)
#: words linking an extreme to the figure after it ("highest figure on record remains the
#: 71.1%", "lowest was 12%")
PREDICATE_FIGURE_RE = re.compile(
    r"[^,;.\d]{0,30}?\b(?:remains?|remained|is|was|were|stands?|stood)\s+(?:the\s+|at\s+)?"
    r"(?=[£\d])",
    IGN,
)
LONG_RUN_RE = re.compile(
    r"\b(?:has|have|had)\s+been\s+\w+ing\b|\bover\s+(?:the\s+|recent\s+|several\s+|many\s+)?"
    r"(?:years|decade|time|period)\b|\bsteadily\b|\bgradually\b|\blong[- ]term\b|"
    r"\bfor\s+years\b|\bover\s+the\s+(?:last|past)\s+\w+\s+years\b",
    IGN,
)
STREAK_RE = re.compile(
    rf"\b(?:for\s+)?(?:a\s+|the\s+)?(?P<run>run\s+of\s+)?(?P<n>{'|'.join(STREAK_WORDS)}|\d+)"
    r"(?:\s+consecutive|\s+successive|\s+straight)?\s+(?:annual\s+|yearly\s+)?"
    r"(?:years?|surveys?|times|(?P<up>rise|increase|gain)s?|(?P<down>fall|decrease|drop|decline|"
    r"reduction)s?|improvements?)\s*"
    r"(?:running|in\s+(?:a\s+)?row|straight|on\s+the\s+trot|"
    r"of\s+(?:decline|growth|rises|falls|increases|decreases))?\b",
    IGN,
)
#: "in each of the following four years", "in each of the last three surveys": N changes after
#: the period stated before it, or up to the latest
EACH_OF_RE = re.compile(
    rf"\b(?:in\s+)?(?:each|every|all)\s+of\s+the\s+(?P<which>following|next|subsequent|last|"
    rf"past|previous|latest)\s+(?P<n>{'|'.join(STREAK_WORDS)}|\d+)\s+(?:years|surveys)\b",
    IGN,
)
_YEAR = r"(?:19|20)\d\d(?:\s*[-/–]\s*\d\d)?"
#: a figure and "in" before a period ("27.9% in ", "a peak of 36.9% in ")
_FIGURE_IN = (
    r"(?:(?:a\s+(?:peak|high|low)\s+of\s+)?£?[\d.,]+\s*(?:%|per\s*cent|m\b|million)?\s+in\s+)"
)
#: "fell in every year to 2022-23", "rose in each year from 2016-17 (28.7%) to a peak of 36.9%
#: in 2019-20": every change between the two periods (from the one stated before it when the
#: words give no start)
EVERY_UNTIL_RE = re.compile(
    rf"\b(?:in\s+)?(?:every|each)\s+(?:single\s+)?(?:year|survey)\s+"
    rf"(?:(?:from|after|since)\s+{_FIGURE_IN}?(?P<since>{_YEAR})\s*(?:\([^)]*\)\s*)?)?"
    rf"(?:to|until|till|through|up\s+to)\s+{_FIGURE_IN}?(?P<until>{_YEAR})",
    IGN,
)
#: where a run of N ends, said after it ("rose three years running to a peak of 37.6% in
#: 2019-20")
RUN_UNTIL_RE = re.compile(
    rf"\s*,?\s*(?:to|until|till|up\s+to)\s+{_FIGURE_IN}?(?P<until>{_YEAR})", IGN
)
#: words that put a run before the latest move ("Before that jump, the figure had fallen at
#: every survey since 2016-17", "until then")
RUN_BEFORE_RE = re.compile(
    r"\b(?:before\s+(?:that|this|then|the\s+latest)|until\s+(?:then|that|this|the\s+latest)|"
    r"prior\s+to\s+(?:that|this))\b",
    IGN,
)
#: the words between a move and the run that dates it ("fell in each of", "rose every year
#: since", "has risen at every survey since")
STREAK_LEAD_RE = re.compile(r"\s*(?:\w+ly\s+)?(?:(?:in|at|for|during)\s+)?", IGN)
#: words before a run that put its end before the latest move ("that ended a run of three
#: rises", "this followed four successive falls", "reverses two straight falls", "having fallen
#: at each of the previous two surveys", "rose in 2024-25 after falling two years in a row")
RUN_ENDED_RE = re.compile(
    r"\b(?:after|end|ends|ended|ending|follow|follows|followed|following|reverse|reverses|"
    r"reversed|reversing|break|breaks|broke|breaking|halt|halts|halted|snapped|interrupted)\b"
    r"(?:\s+\w+){0,2}\s*$",
    IGN,
)
#: "every year since 2018-19", "climbed every year from 27.9% in 2016-17": every change from
#: that period on goes the same way
EVERY_SINCE_RE = re.compile(
    rf"\b(?:every|each)\s+(?:single\s+)?(?:year|survey|time)\s+(?:since|from|after)\s+"
    rf"{_FIGURE_IN}?(?P<since>{_YEAR})",
    IGN,
)
#: "every year after that", "in each survey since then": a run from the period stated before it
EVERY_AFTER_THAT_RE = re.compile(
    r"\b(?:(?:at|in|with|for)\s+)?(?:every|each)\s+(?:single\s+)?(?:year|survey|time)\s+"
    r"(?:after\s+(?:that|this|then)|since\s+then|thereafter|from\s+then\s+on|afterwards)\b",
    IGN,
)
#: "in every survey", "in each successive year": a run over the periods its sentence states (or
#: the whole series), when no period follows it and no exception ("every year but one")
EVERY_BARE_RE = re.compile(
    r"\b(?:(?:at|in|with|for)\s+)?(?:every|each)\s+(?:single\s+)?(?:successive\s+|consecutive\s+)?"
    r"(?:year|survey|time)\b(?!\s+(?:but|except|apart|bar|other|from|after|to|until|till|"
    r"through|up|of|that|when|it|the)\b|\s+since\s+(?:(?:19|20)\d\d|the\b))"
    # "it has fallen at every survey since": since the first period its sentence states
    r"(?:\s+since\b)?",
    IGN,
)
#: "the first fall since 2018-19", "the first time since 2019-20 that it was above England":
#: true at that period and now, at none between
FIRST_SINCE_RE = re.compile(
    r"\b(?:the\s+)?first\s+(?:(?P<up>rise|increase|improvement|gain)|(?P<down>fall|drop|decline|"
    rf"decrease|dip)|time|year|survey)\s+(?:\w+\s+){{0,2}}?since\s+{_FIGURE_IN}?(?P<since>{_YEAR})",
    IGN,
)
#: a run between two periods: "rose for three surveys in a row between 2016-17 and 2019-20"
RUN_BETWEEN_RE = re.compile(
    rf"\s*,?\s*(?:between|from)\s+(?P<since>{_YEAR})\s+(?:and|to|until)\s+(?P<until>{_YEAR})", IGN
)
#: the first period of a run said after it ("a run of three rises since the low of 61.5% in
#: 2021-22")
RUN_SINCE_RE = re.compile(
    rf"\s*(?:since|from|after)\s+(?:[^.;,\d]{{0,30}}?£?[\d.,]+\s*(?:%|per\s*cent|m\b)?\s+in\s+)?"
    rf"(?P<since>{_YEAR})",
    IGN,
)
#: how big a change is said to be: right after the trend word ("rose sharply", "fell
#: slightly") or before it ("a sharp rise", "a slight fall", "edged up")
STRONG_CHANGE_AFTER_RE = re.compile(
    r"\s*(?:very\s+)?(?:sharply|steeply|dramatically|significantly|substantially|markedly|"
    r"considerably|strongly|hugely|massively|enormously|greatly|rapidly|a\s+lot|a\s+great\s+deal)\b",
    IGN,
)
STRONG_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:sharp|steep|dramatic|significant|substantial|marked|big|large|huge|major|massive|"
    r"enormous|considerable|hefty|whopping|sizeable|sizable|striking|remarkable|strong|"
    r"shot|rocketed)\s+$",
    IGN,
)
WEAK_CHANGE_AFTER_RE = re.compile(
    r"\s*(?:only\s+)?(?:slightly|marginally|a\s+little|a\s+touch|a\s+bit|modestly|"
    r"fractionally|barely|negligibly|a\s+fraction|a\s+whisker|a\s+shade)\b",
    IGN,
)
#: verbs of a small move ("edged up", "inched down")
_SMALL_MOVE_VERBS = "edged|ticked|crept|inched|nudged"
WEAK_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:slight|small|modest|marginal|minor|tiny|fractional|negligible|(?:a\s+)?touch|"
    r"slightly|marginally|a\s+little|a\s+bit|just|barely|only\s+just|"
    # a verb of a small move before the move's own word ("inched up", "edged down")
    rf"{_SMALL_MOVE_VERBS})\s+$",
    IGN,
)
WEAK_CHANGE_VERB_RE = re.compile(rf"(?:{_SMALL_MOVE_VERBS})\b", IGN)
#: a verb that says a move was big on its own ("soared", "plummeted")
STRONG_CHANGE_VERB_RE = re.compile(
    r"(?:soared|surged|rocketed|skyrocketed|shot\s+up|plunged|plummeted|nosedived|collapsed|"
    r"slumped|tumbled)\b",
    IGN,
)

STREAK_MARK_RE = re.compile(
    r"running|in\s+(?:a\s+)?row|consecutive|successive|straight|on\s+the\s+trot|\bof\s+\w+",
    IGN,
)

# ---- ranks ------------------------------------------------------------------------------------
#: words that make a rank a total's ("the 8th largest budget", "spent more than any council")
TOTAL_WORDS = (
    "total", "in cash", "cash terms", "budget", "budgets", "spent", "spend", "spends", "spending",
    "population", "biggest council", "largest council", "number of",
)  # fmt: skip
TOTAL_WORDS_RE = re.compile(rf"\b{any_of(TOTAL_WORDS)}\b", IGN)
#: words that make it a rate's or share's
RATE_WORDS_RE = re.compile(
    r"\bper\s+(?:100,?000|100\s*000|head|person|resident|adult)|\b(?:for\s+)?(?:every|each)\s+"
    r"100,?000\b|\brates?\b|\bshare\b|%|per\s*cent",
    IGN,
)

# ---- negation ---------------------------------------------------------------------------------
#: a negation after a share makes it a complement ("32% were not satisfied")
NEGATION_RE = re.compile(
    r"\bnot\b|n't\b|\bnever\b|\bwithout\b|\black(?:ed|ing|s)?\b|\bmiss(?:ed|ing)\s+out\b"
    # "stopped short of saying they were satisfied", "satisfaction eluded 44.3%", "failed to
    # find", "were unable to get"
    r"|\bstop(?:ped|s)?\s+short\s+of\b|\belud(?:ed|es|e)\b|\bfail(?:ed|s)?\s+to\b"
    r"|\bunable\s+to\b",
    IGN,
)
#: words skipped when matching a negation against a category's name ("had not yet been rated")
FILLERS = frozenset({"been", "be", "yet", "have", "has", "had", "was", "were", "is", "are"})


# ---- claims the checks must read ---------------------------------------------------------------
#: words that assert a change, a rank or a comparison: each needs a claim of its own that a
#: check read (see ``grounding.unread``); a word no check reads leaves its claim unverified
#: the words of a sentence that frames a text and asserts nothing ("Westminster at a glance",
#: "Here's the money side for Sunderland in 2021-22.", "Knowsley carers section."): what a report
#: is about, with no verb of its own but "shows"/"covers"/"looks at", and no judgement ("good
#: news", "high", "stands out"), event ("closed") or quantity; with the names of the council,
#: its region and its charts, such a clause needs no fact (see ``grounding``)
FRAMING_WORDS = frozenset(
    """a an the this that these here here's heres it its their our your is are at for of in on
    to and about what how who which with by from
    chart charts graph section part page report summary overview picture version take look looks
    glance quick short big shows show covers cover data figures numbers side story key points
    snapshot guide
    care adult adults social people services service money spending finances finance carers
    unpaid council area local residents older working-age providers needs quality improvement
    support budget budgets staff workforce homes hospital reablement satisfaction information
    deprivation requests""".split()
)
#: the words of a clause, for FRAMING_WORDS (periods and possessives kept whole)
FRAMING_TOKEN_RE = re.compile(r"(?:19|20)\d\d(?:[-/]\d\d)?|[a-z][a-z'’-]*", IGN)
#: matched against the lower-cased text (three times faster than ignoring case)
CLAIM_CUE_RE = re.compile(
    r"\b(?=[a-z])(?:(?P<trend>rose|risen|rising|fell|fallen|falling|increased|increasing|decreased|"
    r"decreasing|declined|declining|grew|grown|growing|dropped|dropping|climbed|climbing|"
    r"slipped|slipping|dipped|improved|improving|worsened|worsening|deteriorated|recovered|"
    r"rebounded|bounced|peaked|jumped|surged|soared|plunged|plummeted|slumped|halved|"
    r"doubled|tripled|trebled|went\s+(?:up|down)|gone\s+(?:up|down)|going\s+(?:up|down))\b"
    r"|(?P<rank>highest|lowest|best|worst|fewest|ranked|ranks|ranking|quartile)\b"
    # a run or a first: "every year since", "in each successive year", "in a row", "for the
    # first time", "without a single year-on-year fall", "on record"
    r"|(?P<streak>(?:every|each)\s+(?:single\s+)?(?:successive\s+|consecutive\s+)?"
    r"(?:year|survey|time|one|period)|consecutive|successive|in\s+a\s+row|on\s+the\s+trot|"
    r"(?:years?|surveys?)\s+running|for\s+the\s+first\s+time|year[- ]on[- ]year|on\s+record|"
    r"without\s+a\s+(?:single\s+)?(?:break|fall|rise|drop|dip|increase|decrease))\b"
    r"|(?P<compare>higher|lower|above|below|better|worse|ahead\s+of|behind|trails|trailed|"
    r"outperform(?:s|ed)?|exceed(?:s|ed)?|beats?|twice|(?:more|less|fewer)\s+than(?!\s+(?:£|\d|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a|half|a\s+third|a\s+quarter)\b)))\b)"
)
#: a rating before "or better", "or worse": the words name a category ("rated good or better")
RATING_OR_RE = re.compile(r"\b(?:good|adequate|improvement)\s+or\s+$", IGN)
#: a comparison word followed by what it compares with ("higher than England", "above the
#: 72.0% recorded", "below both")
NAMED_AFTER_RE = re.compile(
    r"\s+(?:than|both|the|England|that|those|its|it|in|at)\b|\s*[(£\d]", IGN
)
#: deprivation (IMD 2019): "more deprived" means a higher average rank, score or share of small
#: areas in the most deprived tenth, but a lower decile (decile 1 is the most deprived)
DEPRIVED_RE = re.compile(r"\bdeprived\b", IGN)
#: which way each deprivation scale runs, from the catalog's notes (data/charts.yaml) and the
#: IMD 2019 documentation: the published summary's average rank counts the most deprived small
#: area as 32,844, so a HIGHER average rank is more deprived (the reverse of the IMD's own
#: ranks, where 1 is the most deprived); a higher average score and a larger share of small
#: areas in the most deprived 10% are more deprived; a LOWER decile is more deprived. The key
#: is the scale's word in a text; the chart is where the scale is shown.
DEPRIVATION_SCALES: dict[str, tuple[str, str]] = {
    "rank": ("deprivation_rank", "higher"),
    "score": ("deprivation_rank", "higher"),
    "share": ("deprivation_rank", "higher"),
    "percentage": ("deprivation_rank", "higher"),
    "decile": ("deprivation_decile", "lower"),
}
DEPRIVATION_MEASURE_RE = re.compile(r"depriv|small\s+areas", IGN)
DECILE_RE = re.compile(r"\bdecile\b", IGN)
#: a sentence that names a period of its own (a year, "the year before", "last year")
DATED_RE = re.compile(rf"(?:19|20)\d\d|\b{any_of((*PREVIOUS, *LAST_YEAR, *TWO_BACK))}\b", IGN)

#: the first word of England's or a region's name as a comparator ("England", "the national
#: figure", "the West Midlands", "Yorkshire and The Humber", "London")
COMPARATOR_AREA = (
    r"(?:england|national|nationally|region|regional|london|north|south|east|west|yorkshire)"
)
#: words between a council's figure and a later relation that end the figure's statement ("…,
#: while England's …", "; by contrast"): the relation is then not about that figure
ANCHOR_BREAK_RE = re.compile(
    r"\.(?!\d)|;|\b(?:while|whereas|but|although|though|however|by\s+contrast|meanwhile)\b"
    # "— yet the rate getting long-term support is almost double" (not "not yet", "yet again")
    r"|(?<!not\s)\byet\b(?!\s+(?:again|another|to)\b)"
    # a new statement: "— and NHS income was £5.7m" (not a comparator's figure of the same
    # measure: "it is 282 and the West Midlands is 405")
    rf"|\band\s+(?!(?:the\s+)?{COMPARATOR_AREA}\b)(?:the\s+|its\s+)?\w+(?:\s+\w+)?\s+"
    r"(?:was|were|is|are|stood|came)\b",
    re.I,
)
#: between a council's figure and a comparator's said beside it as a statement of its own
#: ("it is 282 carers per 100,000 adults and the West Midlands is 405"): a comparison too
PARALLEL_COMPARATOR_RE = re.compile(
    rf"[^.;:]{{0,60}}?\b(?:and|while|with)\s+(?:the\s+)?{COMPARATOR_AREA}[\w\s'’]{{0,30}}?\s+"
    r"(?:is|was|were|are|had|stood\s+at|at)\s+(?:about\s+|around\s+|roughly\s+)?£?$",
    IGN,
)
#: words that set a council's figure against a comparator's ("above the England rate of",
#: "compared with", "trailing", "twice")
COMPARED_RE = re.compile(
    rf"\b(?:{any_of(COMPARISONS)}|above|below|ahead|behind|higher|lower|more|less|fewer|"
    r"exceed\w*|outstrip\w*|outpac\w*|trail\w*|beat\w*|short|shy|adrift|under|over|close\s+to|in\s+line|"
    r"similar|double|twice|half|like)\b",
    IGN,
)
#: a figure that is itself a gap: its unit, then at once a word of comparison ("4.6 points
#: above", "9% more than", "239 fewer"), not a figure followed by a comparison ("21.2% was lower")
GAP_FIGURE_RE = re.compile(
    r"\s*(?:%|per\s*cent(?:age\s+points?)?|percentage\s+points?|points?)?\s*(?:more|fewer|less|"
    r"higher|lower|greater|smaller|bigger|larger|above|below|ahead|behind|short|up|down)\b",
    re.I,
)
#: a sentence going on about the figure before it ("That is less than most councils", "This
#: puts it ...", "It was the third highest")
BACK_REFERENCE_RE = re.compile(r"\s*(?:that|this|it|these|which)\b(?!\s+(?:year|survey)\b)", IGN)
#: "1,050 of the 1,140": the figure after "of the" is the whole a part was taken from
PART_OF_RE = re.compile(r"\d[\d,.]*%?\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?:£\s*)?$", IGN)
#: an aside in brackets, or the part of one cut off at either end of a window of words
BRACKETED_RE = re.compile(r"\([^()]*\)|^[^()]*\)|\([^()]*$")
#: "it has climbed since then": a move from the last figure stated before it
SINCE_THEN_RE = re.compile(r"\s+(?:ever\s+)?since\s+(?:then|that\s+(?:time|year|survey))\b", IGN)
#: a figure said to come next in a run of years ("68.9% in 2019-20, then 65.9%")
THEN_FIGURE_RE = re.compile(
    r"\b(?:and\s+)?(?:then|later|after\s+that|followed\s+by)\s+(?:it\s+was\s+|to\s+)?(?:about\s+)?£?$",
    IGN,
)
#: "was higher, at 30%", "even lower, at 21.8%", "higher still at 59.1%", "lower, it was
#: 65.1%": a comparison whose figure follows it
COMPARATIVE_AT_RE = re.compile(
    r"\b(?P<w>higher|lower|greater|smaller|bigger|larger)(?:\s+still)?\s*(?:(?:,\s*)?(?:at|on)\s+|"
    r",\s*(?:it|this|that)\s+(?:was|is|stood\s+at)\s+|[:–—]\s*)"
    r"(?:(?:about|around|just|only|some|roughly)\s+)?£?$",
    IGN,
)
#: a comparison word with the figure it compares with after it: "slightly lower than the
#: £61.3 million", "a hair below the 66.4%", "exceeded England's £42.6 million", "lower than
#: region 58.2%" (never "more than 4,500", a hedge: more, less and fewer need words between)
FIGURE_COMPARE_RE = re.compile(
    r"\b(?:(?P<w>higher|lower|above|below|greater|smaller|bigger|larger|exceed(?:ed|s|ing)?)"
    r"(?:\s+than)?|(?P<w2>more|less|fewer)\s+than(?=\s+[a-z]))\s+(?:in\s+)?(?:the\s+)?",
    IGN,
)
#: the words between two figures of one series said one after the other, when the second
#: has no words of its own ("was 65.5% in 2018-19 and then 19.9% in 2023-24", "61.2% two
#: years later", "62.0%, then 58.4% by 2023-24"): a later reading of the first one's series
NEXT_READING_RE = re.compile(
    rf"\s*(?:%|per\s*cent)?\s*(?:(?:in|for)\s+{_YEAR}\s*)?\)?,?\s*(?:and\s+)?"
    rf"(?:then|later|afterwards|by\s+{_YEAR}|in\s+{_YEAR}\s+it\s+was)\s*,?\s*"
    r"(?:(?:was|stood\s+at|reached|hit|at|to)\s+)?(?:about\s+|around\s+|nearly\s+|just\s+)?£?",
    IGN,
)
#: the words between a figure and the same figure said again in another unit ("4,155 requests
#: were received, equivalent to 7,825 per 100,000 adults aged 65+", "1,720 people, a rate of
#: 7,825 per 100,000", "£36.2 million, which works out at £498 per adult"): the second is of
#: the first one's series
SAID_AGAIN_RE = re.compile(
    r"[^\d,.;:()%£]{0,60},?\s*(?:(?:which\s+is\s+|or\s+)?(?:equivalent\s+to|a\s+rate\s+of)|"
    r"which\s+(?:works\s+out\s+(?:at|as)|equates\s+to|comes\s+to|translates\s+(?:in)?to))\s+"
    rf"{_RESTATE_HEDGE}£?",
    IGN,
)
#: right before a figure said as an earlier reading of the council's figure before it ("dipped
#: to 63.0%, having stood at 77.2% in 2022-23", "£234.1 million, up from £182.5 million")
EARLIER_READING_RE = re.compile(
    r"\b(?:(?:up|down)\s+from|having\s+(?:stood|been|sat|run)\s+(?:at\s+)?)\s*"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+)?£?$",
    IGN,
)
#: right before a figure said to be the one before it at another time ("68.4% found it easy in
#: 2024-25; back in 2021-22 that figure was 62.3%")
THAT_FIGURE_RE = re.compile(
    r"\b(?:that|this|the\s+same)\s+(?:figure|share|rate|proportion|percentage|score)\s+"
    r"(?:was|had\s+been|stood\s+at|sat\s+at|came\s+to|reached)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+)?£?$",
    IGN,
)
#: after a list of figures: its figures go with the names listed, in the same order ("stood at
#: 8,565 and 7,795 per 100,000 respectively"); no sentence break in between (and the caller
#: checks that no figure is)
RESPECTIVELY_RE = re.compile(
    r"(?:[^.;:!?]|\.(?=\d)){0,80}?\b(?:respectively|in\s+that\s+order|in\s+the\s+same\s+order)\b",
    IGN,
)
#: right after a bracketed figure, the next item of a list ("(478) or a direct payment (303)")
LIST_GOES_ON_RE = re.compile(r"\s*,?\s*(?:or|and|plus)\b", IGN)
#: a word that gathers several measures as the subject of one comparison, before it ("Both
#: residential and nursing care rates ... exceeded", "Both are above England", "all three
#: measures were below"), and how many it counts
EACH_BEFORE_RE = re.compile(r"\b(?:both|all\s+(?P<n>two|three|four|five|six|[2-9]))\b", IGN)
#: the same after the comparison ("beat England on all three measures")
EACH_AFTER_RE = re.compile(
    r"\s+(?:on|across|for|in)\s+(?:both|all\s+(?P<n>two|three|four|five|six|[2-9]))\s+"
    r"(?:of\s+(?:them|these|its)\s+)?(?:measures|indicators|counts|figures|scores|rates|them)\b",
    IGN,
)
#: after the gathering word: the measures it gathers were named before ("Both are", "both
#: figures", "all three measures")
EACH_ANAPHOR_RE = re.compile(
    r"\s*(?:of\s+(?:them|these|those)\b|(?:are|were|is|was|remain|remained|stayed|sit|sat|"
    r"came|come|measures|figures|indicators|rates|scores|shares|numbers)\b)",
    IGN,
)
#: where a list of names splits into its names ("Requests and long-term support")
NAME_LIST_SPLIT_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+", IGN)
#: where the list of names before a list of figures starts: the last break before it (not a
#: comma: "Satisfaction, information and contact were ...")
NAME_LIST_START_RE = re.compile(r"[;:()]|\s[—–-]\s")
#: between two figures, where the first one's words end ("212,475 adults and 45,660 ...")
FIGURE_JOIN_RE = re.compile(r"\b(?:and|or|while|with|plus)\b", IGN)
#: "in 2023-24, when it ranked fourth", "71.6% in 2022-23, which was the ninth highest": a rank
#: said of the year just named (searched in the words before the rank)
WHEN_YEAR_RE = re.compile(
    r"((?:19|20)\d\d(?:[-/]\d\d)?)\)?,?\s+(?:when|at\s+which\s+point|which\s+(?:was|had\s+been))\b"
    r"(?![^.;]*(?:19|20)\d\d)"
    r"[^.;]*$",
    IGN,
)
#: a period a comparison is said of before it: "the 2023-24 figure was ...", "... in 2023-24, the
#: one year when it slipped below ...", "in 2021-22, when it was above ..."
YEAR_SUBJECT_RE = re.compile(
    r"\bthe\s+(?P<y>(?:19|20)\d\d(?:[-/]\d\d)?)\s+(?:figure|rate|result|share|score|level|"
    r"value|reading)s?\b(?![^.;]*(?:19|20)\d\d)"
    r"|\b(?P<y2>(?:19|20)\d\d(?:[-/]\d\d)?)\b[^.;\d]{0,40}\b(?:when|at\s+which\s+point)\b"
    r"(?![^.;]*(?:19|20)\d\d)",
    IGN,
)
#: a sentence saying what the figure before it was then ("That was one of the five lowest")
BACK_THEN_RE = re.compile(r"\s*(?:that|this|it|which)\s+(?:was|had\s+been)\b", IGN)
#: between a move's word and its figure when the figure is where it ended ("fell to 20.7%",
#: "rose more modestly, to 35.0%", "dropped sharply to about 18%")
MOVED_TO_GAP_RE = re.compile(
    # (past the move's size: "went up by 3.6 points to 59.4%")
    r"[\w\s,.%£-]{0,40}?\bto\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|just\s+(?:over|under)\s+)?£?",
    IGN,
)
#: after a ratio, words that make it a ratio of changes ("twice as fast as", "three times
#: England's growth rate", "three times the increase seen across England")
GROWTH_RATIO_RE = re.compile(
    r"[^.;]{0,30}?\b(?:as\s+fast|faster|growth|rises?|increases?|the\s+(?:rise|increase|growth))\b",
    IGN,
)
#: the noun phrase that names a figure right after it: "an average deprivation score of" in
#: "Its small areas have an average deprivation score of 18,653", "a residential rate of"
HEAD_OF_RE = re.compile(
    r"\b(?:an?|the|its|their|[A-Z][\w'’.-]*(?:'s|’s))\s+(?P<head>(?:[\w'’-]+\s+){0,3}?"
    r"(?:score|rate|rank|share|proportion|percentage|figure|total|level|number|count|bill|"
    r"spend|spending|expenditure|income|contribution|contributions|budget)s?)\s+of\s+"
    r"(?:about|around|roughly|some|nearly|almost|approximately|just\s+over|just\s+under|"
    r"over|under)?\s*£?$",
    IGN,
)
#: words that join a second statement to a clause ("..., while turnover rose", "but", "whereas")
CLAUSE_JOIN_RE = re.compile(r";|,?\s+\b(?:while|but|whereas|although|though|yet)\b", IGN)
#: the words between a share in words and the same share as a percentage later in its clause:
#: an opening bracket ("fewer than half of carers (44.1 per cent)") or ", or" ("one in six
#: older patients, or 16.9%"), with no clause break before it
RESTATED_LATER_RE = re.compile(
    r"(?:(?!\b(?:than|below|above|against|compared|versus|behind|ahead|england|national|"
    r"nationally|region|similar|which|while)\b)[^.;:()—–]){0,120}?"
    r"(?:\(\s*|,\s*or\s+(?:about\s+|roughly\s+|around\s+|some\s+)?)",
    IGN,
)
