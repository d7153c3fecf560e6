"""Public entry points: verify one text, check a report's consistency, explain violations.

Policy (truth first): a text **fails** when any claim is contradicted *or* unverifiable. That
includes causal/evaluative claims ("because", "due to", "is failing"), stated as fact or as
speculation: the data shows figures, never why they are what they are, so such sentences must
be removed rather than published.

State: a :class:`Verifier` owns everything cached between calls (the index of each set of fact
sheets it has seen); this module keeps none. The only module-level memos are bounded
``lru_cache`` s of pure functions of short immutable strings (a word's token, the years in a
period label, the entity pattern for a tuple of names), which cannot go stale.
"""

from __future__ import annotations

import operator
import re
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from narrator.models import Claim, FactSheet, TextRecord, Verdict
from narrator.verify import binding as B
from narrator.verify import grounding as G
from narrator.verify import lexicon as L
from narrator.verify import patterns as RX
from narrator.verify import periods as P
from narrator.verify import relations as R
from narrator.verify.check import Checker
from narrator.verify.extract import Extractor, Mention, RuleExtractor, split_sentences
from narrator.verify.index import FactIndex, Key, build_index, tokens
from narrator.verify.mention import COMPARATORS
from narrator.verify.numbers import (
    HEDGES,
    fraction_interval,
    normalise_digit_groups,
    parse_number,
    rounds_equal,
)

_INEQUALITY = ("above", "under", "at_least", "at_most")
_NUMERIC = ("number", "percent", "money")


class Verifier:
    """Verifies texts against fact sheets, caching each sheet set's index for its lifetime.

    Hold one per generation run: a sheet is verified several times (draft, repairs, fallback,
    summaries). The cache is a bounded LRU keyed by the identity of the sheets; every entry
    keeps strong references to its sheets, so no id in a live key can be reused by another
    object, and a hit is still checked object by object. Not thread-safe: one per thread
    (asyncio tasks on one event loop may share one).

    >>> v = Verifier()
    >>> v.verify("No figures here.", []).outcome, v.feedback(v.verify("", []))
    ('pass', [])
    """

    def __init__(self, extractor: Extractor | None = None, cache_size: int = 1024) -> None:
        self.extractor: Extractor = extractor or RuleExtractor()
        self.cache_size = max(1, cache_size)
        self._indexes: OrderedDict[tuple[int, ...], tuple[tuple[FactSheet, ...], FactIndex]]
        self._indexes = OrderedDict()

    def index(self, sheets: Sequence[FactSheet]) -> FactIndex:
        """The index of ``sheets``: built once, then served from this verifier's LRU."""
        key = tuple(map(id, sheets))
        hit = self._indexes.get(key)
        if hit is not None and all(map(operator.is_, hit[0], sheets)):
            self._indexes.move_to_end(key)
            return hit[1]
        held = tuple(sheets)
        index = build_index(list(held))
        self._indexes[key] = (held, index)
        if len(self._indexes) > self.cache_size:
            self._indexes.popitem(last=False)
        return index

    def verify(
        self, text: str, sheets: Sequence[FactSheet], extractor: Extractor | None = None
    ) -> Verdict:
        """Check every claim of ``text`` against the facts of ``sheets`` -> :class:`Verdict`.

        Chart blurbs pass their one sheet; section and overall summaries every sheet they
        cover. ``extractor`` overrides this verifier's extractor for one call.
        """
        index = self.index(sheets)
        read = normalise_digit_groups(text)  # "4 535" -> "4,535", same length: spans hold
        mentions = (extractor or self.extractor).extract(read, index.context)
        claims = check_mentions(read, mentions, index)
        if read is not text:
            claims = [c.model_copy(update={"text": text[c.start : c.end]}) for c in claims]
        clashes = {(c.start, c.end): c for c in _clashes([("this text", claims)])}
        if clashes:
            claims = [clashes.get((c.start, c.end), c) for c in claims]
        outcome = "fail" if any(c.status != "supported" for c in claims) else "pass"
        return Verdict(outcome=outcome, claims=claims)

    def feedback(self, verdict: Verdict) -> list[str]:
        """Plain repair instructions, one per failing claim (see :func:`violations_feedback`)."""
        return violations_feedback(verdict)

    def consistency(self, texts: Sequence[TextRecord]) -> list[Claim]:
        """The same quantity stated differently across one report.

        Two supported numeric claims traced to the same fact disagree when, rounded to the
        coarser of their two precisions, they differ ("18%" and "almost 19%" for 18.4%). Texts
        without a verdict are verified against their own ``fact_sheet`` when they have one.
        """
        batches: list[tuple[str, list[Claim]]] = []
        for rec in texts:
            verdict = rec.verdict
            if verdict is None and rec.fact_sheet is not None:
                verdict = self.verify(rec.body, [rec.fact_sheet])
            if verdict is not None:
                batches.append((rec.id, list(verdict.claims)))
        return _clashes(batches)


def verify_text(
    text: str,
    sheets: Sequence[FactSheet],
    extractor: Extractor | None = None,
    *,
    verifier: Verifier | None = None,
) -> Verdict:
    """Check every claim of ``text`` against the facts of ``sheets`` (see :meth:`Verifier.verify`).

    The verdict fails when any claim is contradicted or unverifiable. Pass a long-lived
    ``verifier`` to reuse its sheet indexes; without one a throwaway :class:`Verifier` indexes
    the sheets again on every call.

    >>> verify_text("No figures here.", []).outcome
    'pass'
    """
    if verifier is None:
        verifier = Verifier(extractor, cache_size=1)
    return verifier.verify(text, sheets, extractor)


def check_consistency(
    texts: Sequence[TextRecord], *, verifier: Verifier | None = None
) -> list[Claim]:
    """Flag the same quantity stated with different values across one report.

    See :meth:`Verifier.consistency`; without ``verifier`` a throwaway one is used.
    """
    return (verifier or Verifier()).consistency(texts)


def _next_reading(text: str, m: Mention, before: list[Claim], chk: Checker) -> set[Key]:
    """The series of the figure right before ``m`` in its sentence, when only words of time
    stand between them ("was 65.5% in 2018-19 and then 19.9% in 2023-24"): a figure with no
    words of its own that follows on is a later reading of the same series."""
    prev = before[-1] if before else None
    if prev is None or prev.status != "supported":
        return set()
    if L.NEXT_READING_RE.fullmatch(text, prev.end, m.start) is None:
        return set()
    f = chk.fact_of(prev)
    return {chk.series(f)} if f is not None else set()


def _said_again(text: str, m: Mention, before: list[Claim], chk: Checker) -> set[Key]:
    """The series of the figure right before ``m`` when ``m`` says it again in another unit
    ("4,155 requests were received, equivalent to 7,825 per 100,000 adults aged 65+"): ``m``
    is a figure of that series, and of no other."""
    prev = before[-1] if before else None
    if prev is None or prev.status != "supported" or prev.kind == "year":
        return set()
    if L.SAID_AGAIN_RE.fullmatch(text, prev.end, m.start) is None:
        return set()
    f = chk.fact_of(prev)
    if f is None or f.comparator:
        return set()
    chart = chk.ix.chart_of.get(f.id)
    # the series of that measure and breakdown in any unit (a count's rate is a series of its own)
    return {
        chk.series(v)
        for v in chk.ix.values
        if (v.measure, v.breakdown) == (f.measure, f.breakdown)
        and chk.ix.chart_of.get(v.id) == chart
    }


def check_mentions(text: str, mentions: list[Mention], index: FactIndex) -> list[Claim]:
    """Run the deterministic checks over already-extracted mentions (any extractor's)."""
    chk = Checker(index)
    if index.measure_texts:
        mentions = [m for m in mentions if not _in_measure_name(text, m, index)]
    sentences = split_sentences(text)
    P.assign(text, mentions, sentences)
    if index.opposites:  # "31% found it hard to get information": the share that found it easy
        for m in mentions:
            B.read_opposite(m, index.opposites)
    for m in mentions:  # "2.9% had not yet been rated": the negation is the category's name
        if m.negated and B.negation_in_label(text, m, index.labels):
            m.negated = False
    memo: dict[int, set[Key]] = {}

    def focus(i: int) -> set[Key]:  # computed for the sentences a check needs, once each
        keys = memo.get(i)
        if keys is None:
            keys = memo[i] = chk.focus(text[sentences[i][0] : sentences[i][1]])
        return keys

    named_memo: dict[int, set[Key]] = {}

    scope_memo: dict[int, set[Key] | None] = {}

    def scope(i: int) -> set[Key] | None:  # a "<chart title>:" opening scopes its sentence
        if i not in scope_memo:
            s0, s1 = sentences[i]
            scope_memo[i] = chk.titled_series(text[s0:s1])
        return scope_memo[i]

    def named(i: int) -> set[Key]:  # every series the sentence's words name
        keys = named_memo.get(i)
        if keys is None:
            s0, s1 = sentences[i]
            keys = index.key_words.mentioned(tokens(text[s0:s1]))
            titled = scope(i)
            if titled is not None:  # the title names its chart, whatever else the words say
                keys = (keys & titled) or titled
            named_memo[i] = keys
        return keys

    figures: dict[int, list[Mention]] = {}  # by sentence: each check looks at its own only
    for m in mentions:
        if m.kind in _NUMERIC or m.kind == "fraction":
            figures.setdefault(m.sentence, []).append(m)

    def near(m: Mention) -> tuple[set[Key], set[Key]]:
        """The series the words around a mention name: strongly (half their distinctive words
        or more) and weakly (the best overlap, when at most two series share it)."""
        window = B.window(text, sentences[m.sentence], m, figures.get(m.sentence, ()))
        toks = tokens(window) if window else set()
        weak = index.key_words.best(toks)
        return index.key_words.naming(toks), (weak if len(weak) <= 2 else set())

    def names_any(words: str) -> bool:  # whether the words name any series at all
        return bool(index.key_words.naming(tokens(words)))

    def near_words(m: Mention) -> set[Key]:
        strong, weak = near(m)
        return strong | weak

    def run_owner(at: int, a: int, b: int) -> Mention | None:
        """The move or comparison in the clause ``[a, b)`` that a run of changes at ``at``
        belongs to: the nearest before it ("rose for a third year, above England": "rose";
        "below England, as it has been in every survey since 2016-17": "below England"),
        else the first after it."""
        owners = [
            o
            for o in mentions
            if a <= o.start < b
            and (
                (o.kind == "trend" and o.direction)
                or (o.kind == "direction" and o.comparator in COMPARATORS)
            )
        ]
        before = [o for o in owners if o.start <= at]
        return before[-1] if before else owners[0] if owners else None

    years_by_sentence: dict[int, list[Mention]] = {}
    for y in mentions:
        if y.kind == "year":
            years_by_sentence.setdefault(y.sentence, []).append(y)

    def peers_then(claim: Claim, m: Mention) -> Claim:  # see binding.peers_then
        f = chk.fact_of(claim)
        if f is None or f.comparator != "peers":
            return claim
        # the periods its sentence names before it
        named = [P.stated_of(y) for y in years_by_sentence.get(m.sentence, []) if y.end <= m.start]
        return B.peers_then(chk, claim, named)

    entity_re = index.context.entity_re()
    # where figures in points start ("by 3.6 points"): the size of a move or gap, never a level
    # a move runs between
    sizes = {x.start for x in mentions if x.unit == "pp"}
    number_keys: dict[int, set[Key]] = {}
    claims: list[Claim] = []
    counted = False  # whether a figure before gave a number of people as a number
    said: dict[int, list[Claim]] = {}
    streaks: set[tuple[int, int]] = set()  # streak words already checked
    for m in mentions:
        if m.kind in _NUMERIC and m.value is not None:
            if not m.entity:
                m.entity = B.party(text, sentences[m.sentence], m, entity_re)
            local, weak = near(m)
            if not local:
                local = _next_reading(text, m, said.get(m.sentence, []), chk)
            lead_words: set[str] = set()
            if not local and m.unit and m.sentence > 0 and m.sentence - 1 not in figures:
                p0, p1 = sentences[m.sentence - 1]
                if text[p0:p1].rstrip().endswith("?") and not focus(m.sentence):
                    # "And requests from older residents? Those ran at 1,595 per 100,000": a
                    # sentence naming nothing answers the question before it (a figure in a
                    # unit: not a count such as "of 15")
                    lead_words = tokens(text[p0:p1])
                    local = index.key_words.naming(lead_words)
            if m.extra.get("opposite"):  # "31% found it hard": the measure its opposite names
                local = set(m.extra["opposite"])  # type: ignore[arg-type]
            titled = scope(m.sentence)
            if titled is not None:  # a "<chart title>:" opening binds the sentence's figures
                local = (local & titled) or titled
                weak &= titled
            gap = m.relational and L.GAP_FIGURE_RE.match(text, m.end) is not None
            anchor = set()
            if gap:  # "4.6 points above the South West": the gap to that area, of the figure
                m.comparator = B.relation_comparator(text, sentences[m.sentence], m, entity_re)
                if not m.comparator:  # "The middle of its peer group was 26.9%, seven points
                    # below Leicester": the one comparator its sentence names
                    m.comparator = B.sole_comparator(text, sentences[m.sentence], entity_re)
                anchor = B.anchor_series(
                    text, sentences[m.sentence], m, said.get(m.sentence, []), chk
                )
            again = set() if gap else _said_again(text, m, said.get(m.sentence, []), chk)
            if anchor and chk.relates(anchor):  # stated before it in its sentence
                claim = chk.number(m, anchor, None, anchor, anchor)
            elif again:  # "4,155 requests, equivalent to 7,825 per 100,000": the same series
                claim = chk.number(m, again, None, again, again)
            else:
                claim = chk.number(
                    m,
                    focus(m.sentence),
                    number_keys.get(m.sentence - 1),
                    local,
                    named(m.sentence) | weak,  # a figure of a series its words name, even weakly
                )
            group = B.fronted_group(text, sentences[m.sentence], m.start)
            if group and claim.status == "supported":  # "Among working-age adults, ...":
                # every figure of the sentence is the group's unless its own words say whose
                own_words = tokens(B.window(text, sentences[m.sentence], m, figures[m.sentence]))
                theirs = B.in_group(chk, claim, group, own_words)
                if theirs:
                    claim = chk.number(m, theirs, None, theirs, theirs)
            # a figure of one series in another's words? (not the whole in "1,050 of the 1,140
            # carers supported got a direct payment": the words after it describe the part)
            partitive = L.PART_OF_RE.search(text, sentences[m.sentence][0], m.start)
            if claim.status == "supported" and not partitive:
                name_text = B.window(
                    text,
                    sentences[m.sentence],
                    m,
                    figures.get(m.sentence, ()),
                    L.NAME_WINDOW_STOP_RE,
                    names_any,
                )
                name_words = tokens(name_text)
                naming = index.key_words.naming(name_words)
                claim = B.measure_swap(chk, claim, naming, name_words)
                claim = B.whole_as_part(chk, claim, naming, name_words)
                if lead_words and not naming:  # the words of the sentence it answers
                    claim = B.measure_swap(chk, claim, local, lead_words)
                theirs = (
                    B.comparator_words(chk, text, sentences[m.sentence][0], m)
                    if _comparators(index, claim)
                    else ""
                )
                if theirs:  # "an England nursing rate of 1,271"
                    their_words = tokens(theirs)
                    claim = B.measure_swap(
                        chk, claim, index.key_words.naming(their_words), their_words, True
                    )
                # (its sentence's words or the one's before: "That is about 271 for every
                # 100,000 adults" after a sentence naming the kind of support)
                s0 = sentences[max(0, m.sentence - 1)][0]
                s1 = sentences[m.sentence][1]
                claim = B.breakdown_unnamed(chk, claim, tokens(text[s0:s1]))
                head = L.HEAD_OF_RE.search(text, sentences[m.sentence][0], m.start)
                if head is not None:
                    # "an average deprivation score of 18,653": the noun right before "of"
                    # names the figure, whatever the words before it ("Its small areas have")
                    head_words = tokens(head["head"])
                    claim = B.measure_swap(
                        chk, claim, index.key_words.naming(head_words), head_words
                    )
                claim = B.group_swap(chk, claim, B.with_antecedent(text, sentences, m, name_text))
                claim = B.band_swap(chk, claim, text[m.start : sentences[m.sentence][1]])
                claim = B.category_merge(chk, claim, text, sentences[m.sentence], m)
                claim = B.share_of(chk, claim, text, m.end)
                claim = B.comparator_swap(
                    text, sentences[m.sentence], m, claim, said.get(m.sentence, []), chk, naming
                )
                claim = B.rate_as_count(chk, claim, m, text, sentences, counted)
                claim = B.earlier_reading(
                    text, sentences[m.sentence], m, claim, said.get(m.sentence, []), chk
                )
                claim = B.respective(
                    text, sentences, m, figures.get(m.sentence, []), claim, claims, chk
                )
            # a change's series: the sentence's, else the one its figures before it or the
            # previous sentence's figures were traced to ("60.4% were satisfied. This represents
            # a fall of 7.2 points")
            keys = (
                # the series its own words name first ("..., but ease of finding information
                # fell by 12.6 points and satisfaction by 1.7 points")
                local
                or weak
                or focus(m.sentence)
                or number_keys.get(m.sentence, set())
                or number_keys.get(m.sentence - 1, set())
                # a chart's own text whose words cannot tell its series apart: one measure from
                # two sources ("Satisfaction rose by 9.9 points" for ASCOF's and the report's)
                or _one_measure(index)
            )
            moved_from = B.earlier_figure(sentences[m.sentence], m, said.get(m.sentence, []), chk)
            claim = B.change(chk, m, claim, text, keys, sentences[m.sentence], moved_from)
        elif m.kind == "fraction":
            here = focus(m.sentence)
            beside = _restated(text, m, mentions, sentences)
            whole = _complemented(text, m, mentions) if beside is None else None
            own = near_words(m) if whole is not None else set()
            if whole is not None and (not own or own & near_words(whole)):
                beside = whole.value  # unless its own words name another series
            s0, s1 = sentences[m.sentence] if m.sentence < len(sentences) else (0, len(text))
            if L.DATED_RE.search(text, s0, s1):  # "The year before it was 31.6 in every 100"
                m.extra["dated"] = "yes"
            levels = [here] if here else []
            if m.extra.get("opposite"):  # "a fifth still needed ongoing support"
                levels = [set(m.extra["opposite"]), *levels]  # type: ignore[arg-type]
            claim = R.fraction(chk, m, levels, near_words(m), beside)
            name_text = B.window(
                text, sentences[m.sentence], m, figures.get(m.sentence, ()), L.NAME_WINDOW_STOP_RE
            )
            claim = B.group_swap(
                chk, claim, B.with_antecedent(text, sentences, m, name_text), fraction_interval(m)
            )
            claim = B.share_of(chk, claim, text, m.end)
            claim = B.change(chk, m, claim, text, here, sentences[m.sentence])
        else:
            continue
        if not m.extra.get("peers"):  # not a count of similar councils ("its 15 ...")
            claim = peers_then(claim, m)
        claims.append(claim)
        said.setdefault(m.sentence, []).append(claim)  # figures' claims, by sentence
        if claim.status == "supported" and claim.fact_ids:
            f = _fact(index, claim.fact_ids[0])
            if f is not None and f.kind not in ("difference", "ratio"):
                number_keys.setdefault(m.sentence, set()).add(chk.series(f))
            if f is not None and claim.kind == "number" and f.unit == "count" and not f.comparator:
                counted = True
    for m in mentions:
        if (m.kind in _NUMERIC and m.value is not None) or m.kind == "fraction":
            continue
        if m.kind == "year":
            claims.append(R.year(chk, m))
            continue
        if m.kind == "causal":
            claims.append(R.causal(chk, m))
            continue
        if m.kind == "scale":
            claims.append(R.scale(chk, m))
            continue
        s = m.sentence
        back_levels = [
            number_keys.get(back, set()) or focus(back) for back in range(s - 1, max(-1, s - 3), -1)
        ]
        levels = [number_keys.get(s, set()), focus(s) if s < len(sentences) else set()]
        levels = [lv for lv in (*levels, *back_levels) if lv]
        sent = text[sentences[s][0] : sentences[s][1]] if s < len(sentences) else text
        if m.kind in ("direction", "trend", "rank"):  # the words that may name an opposite
            lo = sentences[s][0] if s < len(sentences) else 0
            around = text[max(lo, m.start - 30) : m.end + 30]
            # not across a bracket ("(… still required ongoing support), well below England")
            m.extra["around"] = L.BRACKETED_RE.sub(" ", around)
        if m.kind == "direction":
            # "... and the East Midlands": a second area compared in the first one's words
            words = m if "words_from" not in m.extra else replace(m, start=m.extra["words_from"])
            # "the requests is 2,070 per 100,000, this is lower than England": the comparison
            # is about the council's figure stated just before it in the same clause
            prior = B.prior_series(
                text,
                sentences[s] if s < len(sentences) else (0, len(text)),
                words,
                said.get(s, []),
                chk,
            )
            a, b = B.clause_of(text, sentences[s] if s < len(sentences) else (0, len(text)), words)
            when = B.comparison_period(text, (a, b), words) or B.figures_period(
                text, said.get(s, []), (a, b), m, chk
            )
            claim = R.direction(chk, m, [prior, *levels] if prior else levels, when, text[a:b])
            # "Both residential and nursing care rates ... exceeded the England figures"
            each = B.each_named(
                text, (a, b), m, claims, chk, lambda s=s: focus(s) if s < len(sentences) else set()
            )
            claim = R.direction_each(chk, m, claim, each, when, text[a:b])
            claim = peers_then(claim, m)
            claims.append(claim)
            # "above England for the third year running": the streak is a claim of its own,
            # unless a trend word owns it ("rose for a third year, above England")
            for run in R.streaks_in(text[a:b]):
                x, y = a + run.span[0], a + run.span[1]
                if run_owner(x, a, b) is m and (x, y) not in streaks:
                    streaks.add((x, y))
                    if claim.status == "supported":
                        claims.append(R.direction_streak(chk, m, claim, run, (x, y), text))
        elif m.kind == "trend":
            a, b = B.clause_of(text, sentences[s] if s < len(sentences) else (0, len(text)), m)
            stated = [
                c for c in said.get(s, ()) if c.kind in _NUMERIC and a <= c.start and c.end <= b
            ]
            stated = B.own_move(text, m, stated, mentions, (a, b))
            clause = text[a:b]
            cut = L.CLAUSE_JOIN_RE.search(text, m.end, b)
            end = cut.start() if cut else b
            if not any(c.start < end for c in stated):
                # a move whose own clause states no figure goes with the measure that clause
                # names ("Care home ratings improved in 2024-25, but ease of finding
                # information fell by 12.6 points": "improved" is the ratings')
                words = tokens(text[a:end])
                own = index.key_words.naming(words)
                if not own:  # the best overlap, when it is of one chart ("Care home ratings")
                    best = index.key_words.best(words)
                    own = best if len({k.split(":", 1)[0] for k in best}) == 1 else set()
                if own:
                    levels = [own, *levels]
            lead = text[sentences[s][0] : a] if s < len(sentences) else ""
            runs = R.streaks_in(clause, lead)
            if runs and m.direction:
                # "rose to 72.5%, the third consecutive annual increase": the streak and the
                # move are two claims, each with its own words; a streak belongs to the move
                # or comparison nearest before it (``run_owner``: "a growing worry ... the
                # share has fallen at every survey since 2016-17": "fallen")
                inside = False
                for run in runs:
                    x, y = run.span
                    if run_owner(a + x, a, b) is not m or (a + x, a + y) in streaks:
                        continue
                    streaks.add((a + x, a + y))
                    # "fell in each of the following two years", "rose every year since
                    # 2018-19", "after falling two years in a row": a move whose run has
                    # periods of its own, or ended before the latest move, is that run
                    joined = bool(run.since or run.until or run.ended) and (
                        L.STREAK_LEAD_RE.fullmatch(clause, m.end - a, x) is not None
                    )
                    if joined:
                        run = replace(run, span=(m.start - a, y))
                    claims.append(
                        R.trend(chk, m, levels, sent, stated, clause, a, streak=run, sizes=sizes)
                    )
                    inside = inside or joined or (a + x <= m.start and m.end <= a + y)
                if inside:
                    continue  # the trend word is a streak's own ("the third improvement")
                for run in runs:
                    x, y = run.span
                    clause = clause[:x] + " " * (y - x) + clause[y:]
            claims.append(
                R.trend(chk, m, levels, sent, stated, clause, a, recent=bool(runs), sizes=sizes)
            )
        elif m.kind == "rank":
            prior = (
                B.prior_series(text, sentences[s], m, said.get(s, []), chk)
                if s < len(sentences)
                else set()
            )
            if prior:
                # "staff turnover was just 13.8%, the lowest among ...": a rank right after a
                # figure in its clause ranks that figure's series
                ranked = own_levels = [prior]
                wider = set()
            else:
                # the rank's own words ("Only 2 councils had a higher") name no measure, but
                # words inside its frame may ("only two councils gave information and advice
                # to more")
                rest = sent.replace(m.text, " " + RX.RANK_FRAME_RE.sub(" ", m.text) + " ")
                own = index.key_words.best(tokens(rest))
                strong = index.key_words.named(tokens(rest))  # "ranks 3 of 150 for <measure>"
                figures_here = number_keys.get(s, set())
                # the sentence's own words and figures bind the rank; "That is less than most
                # councils" goes on about the figure before it; only then the best word
                # overlap, then the sentences before
                back = back_levels[:1] if L.BACK_REFERENCE_RE.match(sent) else []
                ranked = [lv for lv in (strong, figures_here, *back, own, *back_levels) if lv]
                own_levels = [lv for lv in (strong, figures_here, *back, own) if lv]
                wider = strong | near_words(m)
            a, b = B.clause_of(text, sentences[s] if s < len(sentences) else (0, len(text)), m)
            claims.append(
                R.rank(
                    chk,
                    m,
                    ranked or levels,
                    sent,
                    wider,
                    text[a:b],
                    prior,
                    cover=set().union(*own_levels) if own_levels else None,
                    among_peers=B.rank_among_peers(
                        text, sentences[s], m, index.context.entity_re()
                    ),
                    # "That was one of the five lowest": of the period of the sentence before
                    prev_period=B.last_period(said.get(s - 1, []), chk)
                    if L.BACK_THEN_RE.match(sent)
                    else "",
                )
            )
        elif m.kind == "gap_move":
            comparator = m.comparator or B.sole_comparator(text, sentences[s], entity_re)
            if not comparator and s:  # "The gap has widened": the comparison said before it
                comparator = B.sole_comparator(text, sentences[s - 1], entity_re)
            claims.append(R.gap_move(chk, m, levels, comparator or "england", sent))
        elif m.kind == "own_extreme":
            a, b = B.clause_of(text, sentences[s] if s < len(sentences) else (0, len(text)), m)
            # a clause opening with "which" describes the figure before it: "down from 64.6% a
            # year earlier, which had been the city's best"
            lo = sentences[s][0] if L.RELATIVE_OPENING_RE.match(text, a) else a
            stated = [
                c
                for c in said.get(s, ())
                if c.kind in _NUMERIC
                and lo <= c.start
                and c.end <= b
                and not _comparators(index, c)
            ]  # the council's own: not England's it was compared with ("fell to 59.7%, below
            # England's 65.1% and the lowest since 2019-20")
            before = [c for c in stated if c.end <= m.start]
            also: list[Claim] = []  # the other figures the words may describe
            if before and not _describes(text, before[-1], m):
                # "... 2021-22 figure of 67.9% and is the highest of the four", "down from
                # 27.7% and the lowest": the words describe the latest figure, not the last one
                # stated (an appositive one is meant: "61.7%, the lowest"; "64.6% a year
                # earlier, which had been the best")
                if L.APPOSITIVE_RE.match(text[before[-1].end : m.start]):
                    # "a decrease from 71.3% in 2023-24, the highest since 2015-16": set off
                    # like an appositive, the words may describe the figure compared with too
                    also = stated
                stated = [c for c in stated if c.end > m.start]
            if not stated and s and L.BACK_THEN_RE.match(text, sentences[s][0]):
                # "... about 62 in every 100 were happy with it. That was the lowest score in
                # all the years shown.": the figure the sentence before ended on
                stated = [
                    c
                    for c in said.get(s - 1, ())
                    if c.kind in (*_NUMERIC, "fraction") and c.status == "supported"
                ][-1:]
            extreme = R.own_extreme(chk, m, levels, stated, text[a:b])
            if also and extreme.status != "supported":  # precision first: either reading
                other = R.own_extreme(chk, m, levels, also, text[a:b])
                extreme = other if other.status == "supported" else extreme
            claims.append(extreme)

        elif m.kind == "ratio" and L.GROWTH_RATIO_RE.match(text, m.end):
            # "grew twice as fast as England's": a ratio of two changes, not of two levels
            claims.append(
                chk._claim(
                    m, "unverifiable", reason="a ratio of changes, which the data does not give"
                )
            )
        elif m.kind == "ratio":
            # "2,930 per 100,000, … more than double the England rate": the ratio of the
            # council's figure stated before it, when there is one
            anchor = B.anchor_series(text, sentences[s], m, said.get(s, []), chk)
            a, b = B.clause_of(text, sentences[s] if s < len(sentences) else (0, len(text)), m)
            when = B.comparison_period(text, (a, b), m)  # "In 2021-22 it was twice England's"
            if anchor and chk.relates(anchor):
                claims.append(R.ratio(chk, m, [anchor], period=when))
            else:
                claims.append(R.ratio(chk, m, levels, near_words(m), when))
        elif m.kind == "majority":
            claims.append(R.fraction(chk, m, levels, near_words(m) | named(s)))
    claims = B.bind_units(text, claims, chk)
    claims.extend(B.relations(text, claims, chk))
    claims.extend(G.ungrounded(text, sentences, claims, index))
    claims.extend(G.unread(text, sentences, claims, index))
    claims.sort(key=lambda c: (c.start, c.kind != "grounding", c.end))  # sentence, then parts
    return claims


def _in_measure_name(text: str, m: Mention, index: FactIndex) -> bool:
    """A figure that is part of a measure's name ("in the last 12 months") is not a claim:
    the figure with the words either side of it must occur, as whole words, in the name."""
    if m.kind not in ("number", "percent"):
        return False
    nxt = _NEXT_WORD.match(text, m.end)
    prev = _PREV_WORD.search(text, max(0, m.start - 30), m.start)
    phrase = ((prev.group(0) if prev else "") + m.text + (nxt.group(0) if nxt else "")).lower()
    # a whole word of the name: "was 10." is not the "10" of "the most deprived 10% in England"
    return any(phrase in t and _whole(phrase).search(t) for t in index.measure_texts)


@lru_cache(maxsize=4096)  # pure function of a short phrase: its whole-word pattern
def _whole(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.])" + re.escape(phrase) + r"(?![\w%])")


_NEXT_WORD = re.compile(r"\s*[^\s.,;()]+")
_PREV_WORD = re.compile(r"[^\s.,;()]+\s*$")


def _fact(index: FactIndex, fact_id: str):
    return index.fact_by_id.get(fact_id)


def _one_measure(index: FactIndex) -> set[Key]:
    """The council's series of a chart's own text when they are one measure and breakdown from
    several sources (empty otherwise)."""
    if len(index.sheets) != 1:
        return set()
    names = {(f.measure, f.breakdown) for f in index.values if not f.comparator}
    return set(index.subject_values) if len(names) == 1 else set()


def _stated(claim: Claim) -> tuple[float, float] | None:
    """The value and precision a numeric claim states (in its written unit)."""
    raw = claim.text.lower().replace("£", "").replace("%", "").replace("per cent", "")
    for word in (
        "about",
        "around",
        "almost",
        "nearly",
        "roughly",
        "just over",
        "just under",
        "more than",
        "fewer than",
        "less than",
        "over",
        "under",
        "approximately",
    ):
        raw = raw.replace(word, "")
    parsed = parse_number(raw.strip())
    if parsed is not None and claim.unit == "gbp" and claim.value == parsed[0] * 100_000:
        # "around £97 per adult": a sum per person, which the checks read per 100,000 adults
        return claim.value, parsed[1] * 100_000
    if parsed is not None and claim.unit == "percent":  # "60%" is read to the unit, not the ten
        return parsed[0], min(parsed[1], 1.0)
    return parsed


def _clashes(batches: list[tuple[str, list[Claim]]]) -> list[Claim]:
    # only a fact value stated twice can clash: count the keys first (cheap), parse only those
    keyed = [
        (rec_id, c, (c.fact_ids[0], c.expected))
        for rec_id, claims in batches
        for c in claims
        if c.kind in _NUMERIC and c.fact_ids and c.status == "supported"
    ]
    counts = Counter(key for _, _, key in keyed)
    seen: dict[tuple[str, str], tuple[str, Claim, float, float]] = {}
    flagged: list[Claim] = []
    for rec_id, c, key in keyed:
        if counts[key] < 2:
            continue  # stated once in the batches: nothing to clash with
        stated = _stated(c)
        if stated is None or HEDGES.get(c.hedge) in _INEQUALITY:
            continue
        if key not in seen:
            seen[key] = (rec_id, c, *stated)
            continue
        prev_id, prev, pv, pp = seen[key]
        v, p = stated
        # a share and its complement ("45.7% found it easy ... about 54% didn't"): the checker
        # traced the second through its complement, so both state the one figure
        complement = c.unit == "percent" and rounds_equal(pv, 100.0 - v, max(p, pp))
        if not rounds_equal(pv, v, max(p, pp)) and not complement:
            flagged.append(
                c.model_copy(
                    update={
                        "status": "contradicted",
                        "kind": "consistency",
                        "expected": prev.text,
                        "reason": (
                            f"'{c.text.strip()}' ({rec_id}) and '{prev.text.strip()}' "
                            f"({prev_id}) state the same figure differently"
                        ),
                    }
                )
            )
    return flagged


def violations_feedback(verdict: Verdict) -> list[str]:
    """Short plain instructions for a repair prompt, one per failing claim.

    >>> violations_feedback(Verdict(outcome="pass"))
    []
    """
    out: list[str] = []
    for c in verdict.claims:
        if c.status == "supported":
            continue
        quote = c.text.strip()
        if c.kind == "grounding":
            out.append(
                f"Delete the sentence '{quote}': {c.reason}. Every sentence must state a figure, "
                "comparison or trend that is in the fact sheet."
            )
        elif c.kind == "causal":
            out.append(f"Remove '{quote}': {c.reason}. State only what the figures show.")
        elif c.kind == "trend" and c.status == "unverifiable":
            out.append(f"Remove '{quote}': {c.reason}.")
        elif c.status == "contradicted":
            out.append(f"You wrote '{quote}' but {c.reason}. Correct it or remove it.")
        else:
            out.append(f"You wrote '{quote}' but {c.reason}. Use only figures from the fact sheet.")
    return out


def _describes(text: str, figure: Claim, m: Mention) -> bool:
    """Whether the words of ``m`` describe a figure stated before them: it stands right before
    them ("61.7%, the lowest"), and a figure compared with ("down from 64.6%") only through a
    relative clause ("..., which had been the best"; not "..., it is the lowest")."""
    gap = text[figure.end : m.start]
    aside = L.COMPARISON_ASIDE_RE.match(gap)  # "59.7%, below England's 65.1% and the lowest"
    if aside is not None:
        gap = gap[aside.end() :]
    if not L.APPOSITIVE_RE.match(gap):
        return False
    compared = L.COMPARED_FIGURE_RE.search(text, max(0, figure.start - 24), figure.start)
    return compared is None or L.RELATIVE_RE.search(gap) is not None


def _comparators(index: FactIndex, claim: Claim) -> bool:
    """Whether a supported figure is a comparator's (England's, the region's, the similar
    councils')."""
    f = _fact(index, claim.fact_ids[0]) if claim.fact_ids else None
    return claim.status == "supported" and f is not None and bool(f.comparator)


def _of_now(m: Mention) -> bool:
    """Whether a figure is of the latest period: no period stated, or the latest among them."""
    return m.period is None or (type(m.period) is tuple and P.LATEST in m.period)


def _restated(
    text: str, m: Mention, mentions: list[Mention], sentences: list[tuple[int, int]]
) -> float | None:
    """The figure a share in words says again, as a percentage: the percentage written in
    brackets right beside it ("almost 8 in 10 (79.6%)", "24.5% (about one in four)"); or the
    figure just given, when words such as "That is about" open its sentence ("1,002 in every
    100,000 older people were in nursing care. That is about 1 in every 10 older people.") or
    ", or roughly" join it to its own sentence. The figure just given is the council's last
    figure before it that is not where a change starts or what it is compared with ("came
    down to 25.3%, from 30.4%": 25.3%); a rate per 100,000 is a share of 100,000."""
    for other in mentions:
        if other.kind != "percent" or other.value is None or other.negated:
            continue
        if other.start >= m.end and L.OPEN_BRACKET_RE.fullmatch(text, m.end, other.start):
            return other.value
        if m.start >= other.end and L.OPEN_BRACKET_RE.fullmatch(text, other.end, m.start):
            return other.value
        if (
            other.sentence == m.sentence
            and other.start >= m.end
            and L.RESTATED_LATER_RE.fullmatch(text, m.end, other.start)
            and not any(m.end <= o.start < other.start for o in mentions if o.kind in _NUMERIC)
        ):
            # "fewer than half of carers (44.1 per cent in 2023-24)", "roughly one in six
            # older hospital leavers went into reablement, or 16.9%": the same share again,
            # later in its clause
            return other.value
    s0 = sentences[m.sentence][0] if m.sentence < len(sentences) else 0
    if L.RESTATE_OPENING_RE.fullmatch(text, s0, m.start) and m.sentence > 0:
        where = m.sentence - 1  # the previous sentence's figure
    elif any(
        L.RESTATE_INLINE_RE.fullmatch(text, o.end, m.start) for o in mentions if o.end <= m.start
    ):
        where = m.sentence
    else:
        return None
    given = [
        o
        for o in _given_before(text, m, mentions, where)
        if o.kind == "percent" or o.unit == "per_100k" or _in_every_100(o)
    ]
    if where < m.sentence:
        # "So two in three carers do not ...": the council's figure of now, not one of an
        # earlier year the sentence before brings in ("lower than in 2021-22, when it was
        # 39.7%"); with none there, the latest figure the text gave before
        now = [o for o in given if _of_now(o)]
        if not now:
            now = [
                o
                for o in mentions
                if o.sentence < where
                and o.value is not None
                and o.kind == "percent"
                and o.entity not in COMPARATORS
                and _of_now(o)
            ][-1:]
        given = now
    if not given:
        return None
    head = given[0] if where < m.sentence else given[-1]
    return head.value / 1000 if head.unit == "per_100k" else head.value


def _in_every_100(m: Mention) -> bool:
    """A share written with its figure in words of a hundred ("about 17 in every 100")."""
    return m.kind == "fraction" and m.value is not None and any(ch.isdigit() for ch in m.text)


def _complemented(text: str, m: Mention, mentions: list[Mention]) -> Mention | None:
    """The share a share in words says the rest of: a share said as what people did not do
    ("62.7% were satisfied, meaning more than four in ten stopped short of it", "... but that
    still leaves almost three quarters who don't") is the complement of the council's last
    share before it in its sentence that is not where a change starts or what it is compared
    with."""
    if not m.negated or m.extra.get("opposite"):
        return None
    given = [
        o
        for o in _given_before(text, m, mentions, m.sentence)
        if (o.kind == "percent" or _in_every_100(o)) and not o.negated
    ]
    return given[-1] if given else None


def _given_before(text: str, m: Mention, mentions: list[Mention], where: int) -> list[Mention]:
    """The council's figures in sentence ``where`` before ``m``, not where a change starts or
    what it is compared with ("came down to 25.3%, from 30.4%": 25.3%)."""
    return [
        o
        for o in mentions
        if o.sentence == where
        and o.end <= m.start
        and o.value is not None
        and o.entity not in COMPARATORS
        and not L.BASE_FIGURE_BEFORE_RE.search(text, max(0, o.start - 20), o.start)
    ]
