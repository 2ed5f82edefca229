"""Repairs of the entity tagger's usual slips with numbers, made from the text itself before reading.

* LIMIT / PARAM confusions, judged by the sentence around the number (`relabel_numbers`);
* numbers the tagger missed or split: spelt-out runs ("fifty thousand dollars"), shares ("a quarter of"),
  amounts with their unit left out, owed and priced amounts (`spelt_numbers`, `fraction_shares`,
  `elided_amounts`, `owed_amounts`, `priced_verbs`).

The repairs of variable names are in `name_repairs.py`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from modeler.strategies.offline.entities import Span, Token, is_number
from modeler.strategies.offline.mentions import _TRIP_NOUNS
from modeler.strategies.offline.words import (
    CONCEPTS,
    FRACTIONS,
    MEASURES,
    OR_BOUND,
    OWNERS,
    SPELT,
    STOP,
    each_gets_one,
    parse_value,
    singular,
    stem,
)

if TYPE_CHECKING:
    pass


# an obligation to deliver: "has a contract to provide a store with 12 kg of ...", "must supply 30 ...",
# "is under contract to provide 25 tons of ...": the numbers after it are requirements (at least), not rates
OWED = re.compile(r"\b(?:contract|contracted|must|obliged|obligated|committed|promised|agreed)\b(?: [a-z]+){0,3}? "
                  r"(?:provide|supply|deliver)\b", re.I)


# "take up 420 cubic meters, and all of it must be moved": the whole amount is owed (at least)
ALL_OWED = re.compile(r"^[^.;?!]*?\ball of (?:it|them|this|these|that|those) (?:must|has to|have to|needs to|need to) "
                      r"be [a-z]+(?:ed|en|wn|ld|nt|ne)\b", re.I)


# "The foundation's $2,000,000 endowment is to be fully invested in ...": a sum that its own clause says is
# used up entirely (an equality), however many options the sentence then lists
FULLY_USED = re.compile(r"^(?:[\w'-]+ ){0,3}?(?:is|are|will be|must be|has to be|have to be|is to be|are to be|should be) "
                        r"(?:(?:fully|entirely|completely|all) (?:invested|spent|allocated|used|placed)\b|"
                        # ("is to be invested in full", "must be spent in its entirety": the adverb after the verb)
                        r"(?:invested|spent|allocated|used|placed) (?:in full|in its entirety|fully|entirely)\b)|"
                        # ("It has $800,000, and all of it will be invested": the next clause says so of "it")
                        r"^, and all of (?:it|this|that) (?:will|must|is to|has to|shall|should) be "
                        r"(?:invested|spent|allocated|used|placed)\b|"
                        # ("We hold $250,000 in reserves and want all of it placed", "has $250,000 of reserves to
                        # place, all of it")
                        r"^(?:[\w'-]+ ){0,3}?(?:and )?(?:want|wants|would like|need|needs) (?:all of it|it all) "
                        r"(?:placed|invested|spent|used|put)\b|"
                        r"^(?:[\w'-]+ ){0,3}?to (?:place|invest|spend|put to work) , all of it\b|"
                        # ("now has $60000, she wants to invest all of it in a bond fund and in tech stocks")
                        r"^(?:, )?(?:[\w'-]+ ){0,3}?(?:want|wants|plan|plans|need|needs|decided|decides) to "
                        r"(?:place|invest|spend|put) (?:all of it|it all)\b|"
                        # ("the yearly return on $80000, which she will invest entirely in ...")
                        r"^, which (?:she|he|they|we|i|you) (?:will|would|must|wants to|plans to|is going to) "
                        r"(?:place|invest|spend|put) (?:entirely|fully|completely|in full|all)\b", re.I)


# ("its stock of 30 lemons, 40 mangos", "his inventory of 25 keyboards": what is at hand, like "available")
# ("Sewing time is limited to 300 minutes": what a resource is limited to is its limit, as "limit" says)
_LIMIT_CUES = re.compile(r"\b(at (most|least)|available|budget|maximum|minimum|exceed|exceeded|has|have|only|limit|limited to|"
                         r"up to|no more|no less|total|stock of|supply of|inventory of|allowance|quota|in stock|on hand|to spend|"
                         # ("The council order is 600 panels and 1,500 letter sets": what an order asks for)
                         r"order is|order of|order for|"
                         # ("The production capacity for bolts is 500 per day": what the plant can make of one)
                         r"production capacity|"
                         # ("Weekly output is also capped at 100 doors and 200 bumpers")
                         r"capped at|capped to)\b", re.I)


def relabel_numbers(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Repair LIMIT / PARAM slips of the tagger from the sentence around them.

    A "LIMIT" among a variable's coefficients or after a variable's name, in a sentence with no limit
    wording, is a coefficient ("A kilogram of peanuts contains 25 units of protein and 40 units of fat",
    "A pipeline can carry 8000 units of gas"); a "PARAM" in a sentence
    that names no variable but states limits is a limit ("50 kg of flour and 40 hours available").
    """
    spans = [sp for sp in spans if not _period(tokens, sp) and not _label_number(tokens, sp)
             and not bracket_aside([t.text for t in tokens], spans, sp) and not _per_size(tokens, sp)
             and not _portion_size(tokens, sp) and not _term_length(tokens, sp)]
    by_sent: dict[int, list[Span]] = {}
    for sp in spans:
        by_sent.setdefault(tokens[sp.start].sent, []).append(sp)
    texts: dict[int, list[str]] = {}
    var_ends = {sp.end for sp in spans if sp.label == "VAR"}
    for k, t in enumerate(tokens):
        # "An individual serving has 250 ml of soup": a variable that "has" something states its
        # coefficient; only who decides "has" a limit ("The kitchen has 50000 ml")
        if t.text.lower() in {"has", "have"} and (k in var_ends or k - 1 in var_ends):
            continue
        texts.setdefault(t.sent, []).append(t.text)
    spans = _respective_limit_numbers(tokens, _listed_limits(tokens, spans))
    out = []
    for sp in spans:
        sent = tokens[sp.start].sent
        same = by_sent[sent]
        cues = bool(_LIMIT_CUES.search(" ".join(texts.get(sent, [])))) or any(x.label == "CONST_DIR" for x in same)
        has_var = any(x.label == "VAR" for x in same)
        var_before = any(x.label == "VAR" and x.end <= sp.start for x in same)
        if sp.label == "LIMIT" and var_before and sp.start > 1 and tokens[sp.start - 1].text == "$" and tokens[
                sp.start - 2].text.lower() == "at" and sp.end < len(tokens) and tokens[sp.end].text in {".", ";", ","}:
            # "the laser does 12 panels and 60 letter sets an hour at $40.": the price a named option comes at
            sp = Span("PARAM", sp.start, sp.end, sp.text)
        elif sp.label in {"LIMIT", "PARAM"} and _owed_before(tokens, sp) and not (
                sp.start > 0 and tokens[sp.start - 1].text == "$"):  # a price stays a coefficient
            # "a contract to provide a store with 12 kg of raspberries, 10 kg of ...": what is owed, not
            # what one unit of a product holds (the tagger reads the list as coefficients)
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        elif sp.label in {"LIMIT", "PARAM"} and not var_before and sp.start > 0 and tokens[sp.start - 1].text == "$" and (
                FULLY_USED.match(" ".join(t.text for t in tokens[sp.end: sp.end + 12]))):
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        elif sp.label == "PARAM" and _owned_count(tokens, spans, sp):
            # "It owns 30 kayaks and 20 canoes": how many of each there are to rent out, a most of each
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        elif sp.label in {"LIMIT", "PARAM"} and _place_which_holds(tokens, spans, sp):
            # "stores wheat and corn in its silo, which holds 10000 bushels": the room they share
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        elif sp.label in {"LIMIT", "PARAM"} and _money_to_use(tokens, sp):
            # "invests in tech stocks and energy stocks, with $500000 to invest": the sum there is to use
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        elif sp.label == "LIMIT" and ((not cues and has_var and (var_before or any(
                x.label == "PARAM" for x in same)) and not _made_using(tokens, same, sp)
                and not _works_hours(tokens, spans, sp) and not _place_with(tokens, spans, sp)
                and not _place_with_measure(tokens, spans, sp) and not _grown_on(tokens, spans, sp)
                and not _there_is_stock(tokens, sp) and not _there_are_list(tokens, sp) and not offers_stock(tokens, spans, sp)
                and not _drawn_from(tokens, spans, sp) and not _spared(tokens, sp) and not _with_after_comma(tokens, sp) and not _out_of(tokens, sp)
                and not _served_by_list(tokens, spans, sp) and not _definite_stock(tokens, spans, sp)
                and not _total_before_colon(tokens, spans, sp) and not (
                    not var_before and _exactly_before(tokens, sp))) or _pro_one(tokens, same, sp) or _size_of(
                tokens, spans, sp) or _one_needs(
                tokens, spans, sp) or _that_each(tokens, spans, sp) or _gapped_rate(tokens, spans, sp) or _each_may(tokens, spans, sp)
                or _each_unit_of_needs(tokens, spans, sp) or _paired_amount(tokens, spans, sp) or _twin_rate(
                    tokens, spans, sp)):
            sp = Span("PARAM", sp.start, sp.end, sp.text)
        elif sp.label == "PARAM" and not has_var and ALL_OWED.match(" ".join(t.text for t in tokens[sp.end:])):
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        elif sp.label == "PARAM" and sp.start > 0 and (tokens[sp.start - 1].text.lower() == "exactly" or (
                sp.start > 1 and tokens[sp.start - 1].text == "$" and tokens[sp.start - 2].text.lower() == "exactly")
                ) and not var_before:
            # "Exactly 250 plates must be served": an amount fixed before any variable is named is a limit
            # (an equality), not what one unit of a variable holds
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        elif sp.label == "PARAM" and (_grown_on(tokens, spans, sp) or (not has_var and (_there_are_list(
                tokens, sp) or _kept_under(tokens, sp))) or _owner_has(tokens, spans, sp) or _supplied_with(tokens, spans, sp) or _there_is_stock(tokens, sp) or _all_must(
                [t.text for t in tokens], sp) or _place_with(tokens, spans, sp) or _place_with_measure(
                tokens, spans, sp) or _works_hours(
                tokens, spans, sp) or _capped_after(tokens, sp) or _served_by_list(tokens, spans, sp) or _definite_stock(tokens, spans, sp) or _crew_hours(
                tokens, spans, sp) or offers_stock(tokens, spans, sp) or _stock_subject([t.text for t in tokens], spans, sp) or _had_list(
                tokens, spans, sp) or _verb_capped(tokens, sp) or _or_more(tokens, sp) or _permits_only(tokens, sp) or _can_only_make(tokens, sp) or _can_spend(tokens, spans, sp) or _budget_is(tokens, sp) or _quota_is(tokens, sp) or _drawn_from(tokens, spans, sp) or _colon_stock(tokens, spans, sp) or _the_place_fits(tokens, spans, sp) or _saving_for(tokens, spans, sp) or _set_aside([t.text for t in tokens], sp) or (not has_var and any(
                _owner_has(tokens, spans, x) for x in same if x.label == "PARAM"))):
            # "and the department has 30 teaching assistants", "The lab has 400 g of peptone and 300 g of
            # yeast extract": what one who is no variable has is a limit, as is each amount listed with it
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        elif sp.label == "PARAM" and not has_var and not _respective_run(tokens, same, sp) and not _any_kind_uses(
                tokens, sp) and not _each_named_head(tokens, spans, sp) and ((cues and (
                any(x.label == "LIMIT" for x in same) or _strong_cue(texts.get(sent, []), same))) or _duty_before(
                tokens, sp)):
            # "bake using 3000 g of flour", "keep the weekly payroll at most $200000": no variable to
            # measure, a direction word: a limit
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        out.append(sp)
    words = [t.text for t in tokens]
    out = _offered_only(words, _merely_only(words, out))
    out = _hyphen_hours(words, out)
    return _one_each_stock(words, _capacity_up_to(words, _shared_bound(words, _only_openings(words, _needs_one(words, _owed_openings(words, _bare_bounds(
        words, _price_frames(tokens, _list_labels(words, _sized_names(words, [
            _syntax_label(words, sp) for sp in out]))))))))))


_MODALS = frozenset("can could will would may".split())


def _each_named_head(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"Each machine uses 30 liters of fuel a week" beside "a harvesting machine": the sentence opens on "each"
    and the head a decision's name ends with, untagged, so the number is what one of that decision uses."""
    a = max((k + 1 for k in range(sp.start) if tokens[k].text in {".", "?", "!", ";"}), default=0)
    if sp.start - a < 3 or tokens[a].text.lower() not in {"each", "every"}:
        return False
    noun = stem(tokens[a + 1].text.lower())
    return any(x.label == "VAR" and stem(tokens[x.end - 1].text.lower()) == noun and not x.start <= a + 1 < x.end
               for x in spans)


def _drawn_from(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"A cider maker fills glass bottles and plastic bottles from 900 liters of cider. A glass bottle holds 0.75
    liters": an amount that two or more decisions, named before it in its sentence, are made "from", in the unit
    other sentences give coefficients in, is the stock they share ("Each cake is made from 2 kg of flour", one
    decision's own, stays a coefficient)."""
    s = tokens[sp.start].sent
    if sp.start == 0 or tokens[sp.start - 1].text.lower() != "from" or sp.end >= len(tokens):
        return False
    named = {x.text.lower() for x in spans if x.label == "VAR" and tokens[x.start].sent == s and x.end <= sp.start}
    return len(named) >= 2 and _coefficients_in_unit(tokens, spans, sp)


# "the monthly budget for making chairs is $35000", "our budget of $35000": the words a budget's amount follows
_BUDGET_IS = re.compile(r"\b(?:budget|allowance)\b(?: [a-z-]+){0,5}? (?:is|was|will be|of|totals|comes to)$")


def _budget_is(tokens: list[Token], sp: Span) -> bool:
    """"and the monthly budget for making chairs is $35000": an amount of money its clause calls a budget is
    how much there is to spend, a limit, even in a sentence whose other numbers are one item's costs (the
    clause starts past the last comma, and no rate follows the amount: not "a budget of $5 per chair", though "$35000 a
    month" still is one)."""
    if sp.start < 2 or tokens[sp.start - 1].text != "$":
        return False
    s = tokens[sp.start].sent
    before: list[str] = []
    for t in reversed(tokens[max(0, sp.start - 10): sp.start - 1]):
        if t.sent != s or t.text in {",", ";", ":"}:
            break
        before.append(t.text.lower())
    after = [t.text.lower() for t in tokens[sp.end: sp.end + 2] if t.sent == s]
    # ("$35000 a month" is still the budget: a period is no item)
    rate = after[:1] in (["per"], ["each"], ["every"], ["a"], ["an"]) and after[1:] not in (
        ["day"], ["week"], ["month"], ["year"], ["quarter"])
    return bool(_BUDGET_IS.search(" ".join(reversed(before)))) and not rate


_SPARED = re.compile(r"(?:\b(?:i|we) (?:can|could) (?:spare|give|devote)|\bgives? (?:me|us)|\bi have|\bwe have)$")


def _spared(tokens: list[Token], sp: Span) -> bool:
    """"Basil needs 3 litres a week ... and mint 2 litres, and I can spare 100 litres a week", "my rain barrels
    give me 180 gallons a week": what the writer can spare or is given, after a clause of coefficients, is how
    much there is (a limit, not one more coefficient of the name before it)."""
    before = " ".join(t.text.lower() for t in tokens[max(sp.start - 4, 0): sp.start] if t.text != "$")
    return bool(_SPARED.search(before))


def _quota_is(tokens: list[Token], sp: Span) -> bool:
    """"Our hake quota for the season is 30 tonnes": the amount a quota is, said in its clause, is a limit."""
    k = sp.start - 1
    while k >= 0 and tokens[k].text.lower() not in {",", ".", ";", "?", "!", ":", "and", "but"}:
        if tokens[k].text.lower() == "quota":
            return True
        k -= 1
    return False


# ("I can get 40 kg of wax a week": "get", a stop word elsewhere, is the verb there)
_NO_SPEND_VERB = STOP - {"get", "buy", "order"}


def _can_spend(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"The company can employ 60 staff and spend $48,000 a month on rent": in a sentence that names no
    decision, an amount right after "can <verb>" (or after "and <verb>" of the same "can") is how much there
    is, a limit, when other sentences give coefficients in its unit ("needs 2 staff", "costs $2,000")."""
    s = tokens[sp.start].sent
    if any(x.label == "VAR" and tokens[x.start].sent == s for x in spans):
        return False
    k = sp.start - 1
    dollar = k >= 0 and tokens[k].text == "$"
    k -= dollar
    if k < 1 or not tokens[k].text.isalpha() or tokens[k].text.lower() in _NO_SPEND_VERB:
        return False
    prev = tokens[k - 1].text.lower()
    # (who can do it is the one who decides: not "a sled which can transport 6 tourists", one item's rate)
    if any(tokens[j].text.lower() in {"which", "that", "who", "each", "every", "a", "an"} for j in range(
            k - 2, -1, -1) if tokens[j].sent == s):
        return False
    if prev not in _MODALS and not (prev == "and" and any(
            tokens[j].text.lower() in _MODALS for j in range(k - 2, -1, -1) if tokens[j].sent == s)):
        return False
    if dollar:
        return any(x.label == "PARAM" and x.start > 0 and tokens[x.start - 1].text == "$" and tokens[x.start].sent != s
                   for x in spans)
    return _coefficients_in_unit(tokens, spans, sp)


def _coefficients_in_unit(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """Other sentences than sp's give coefficients in the unit said right after sp ("900 liters" beside "holds
    0.75 liters", "60 staff" beside "needs 2 staff")."""
    if sp.end >= len(tokens) or not tokens[sp.end].text.isalpha():
        return False
    s = tokens[sp.start].sent
    unit = stem(tokens[sp.end].text.lower())
    return any(x.label == "PARAM" and tokens[x.start].sent != s and x.end < len(tokens) and stem(
        tokens[x.end].text.lower()) == unit for x in spans)


def _offered_only(words: list[str], spans: list[Span]) -> list[Span]:
    """"Our bank staff can only take 45 shifts between them", "The portal will only sell us 12 featured
    weeks", "FieldForce can only give us 250 picker-hours", "the kiln can only run 40 hours": a number after
    "<can / will> only <verb> [us]" is how much someone can give, take or do at most, a limit, not a
    coefficient; unless the clause is about one of a kind ("A van can only carry 12 boxes", "each ...", a
    variable right before the modal) or the number is a rate ("can only pack 20 boxes an hour"), which state
    what one unit holds or does."""
    out = list(spans)
    for i, sp in enumerate(spans):
        k = sp.start - 1
        if k >= 0 and words[k] == "$":
            k -= 1
        if k >= 0 and words[k].lower() in {"us", "me", "them", "you"}:
            k -= 1
        if sp.label != "PARAM" or k < 2 or not words[k].isalpha() or words[k - 1].lower() != "only" or (
                words[k - 2].lower() not in _MODALS and not words[k - 2].lower().endswith(("'ve", "'ll"))):
            continue
        lead = [w.lower() for w in words[max(k - 7, 0): k - 2]]
        cut = max((j for j, w in enumerate(lead) if w in {".", ";", "?", "!", ",", "and", "but"}), default=-1)
        one_of_a_kind = bool({"a", "an", "each", "every", "per"} & set(lead[cut + 1:])) or any(
            x.label == "VAR" and x.end == k - 2 for x in spans)
        rate = any(w.lower() in {"per", "a", "an", "each", "every"} for w in words[sp.end + 1: sp.end + 3])
        if not one_of_a_kind and not rate:
            out[i] = Span("LIMIT", sp.start, sp.end, sp.text)
    return out


def _merely_only(words: list[str], spans: list[Span]) -> list[Span]:
    """"a spot instance costs $0.12 per hour but processes only 70 jobs per hour": "only" between a verb of
    measure and its number, in a clause whose subject is a variable ("a/an/each <name> ..."), says the rate
    is low, it states no limit. The number is that variable's coefficient and the "only" no cue (helper B's
    latent rule of dev-v14)."""
    from modeler.strategies.offline.mentions import PER_UNIT_VERBS

    drop: set[int] = set()
    out = list(spans)
    for i, sp in enumerate(spans):
        k = sp.start - 1
        if sp.label != "LIMIT" or k < 1 or words[k].lower() != "only" or words[k - 1].lower() not in PER_UNIT_VERBS:
            continue
        j = k - 2
        while j >= 0 and words[j] not in {".", ";", "?", "!"}:
            j -= 1
        subject = [x for x in spans if x.label == "VAR" and j < x.start < k - 1]
        if not subject or words[subject[0].start - 1].lower() not in {"a", "an", "each", "every"}:
            continue
        out[i] = Span("PARAM", sp.start, sp.end, sp.text)
        drop.update(n for n, x in enumerate(spans) if x.label == "CONST_DIR" and x.start == k)
    return [x for n, x in enumerate(out) if n not in drop]


_HOLD_VERBS = frozenset("holds hold carries carry seats seat fits fit takes take accommodates accommodate stores "
                        "store".split())


def _capacity_up_to(words: list[str], spans: list[Span]) -> list[Span]:
    """"A small box holds up to 15 kg and costs $2": "up to" / "at most" after a verb of holding, in a clause
    whose subject is one variable's item ("a/an/each <name> holds ..."), says how much one item holds; it
    is that variable's coefficient, not a bound on the variable."""
    drop: set[int] = set()
    out = list(spans)
    for i, sp in enumerate(spans):
        k = sp.start - 2
        if sp.label != "LIMIT" or k < 2 or " ".join(w.lower() for w in words[k: k + 2]) not in {"up to", "at most"}:
            continue
        v = k - 1
        if words[v].lower() not in _HOLD_VERBS:
            continue
        j = v - 1
        while j >= 0 and words[j] not in {".", ";", "?", "!", ",", ":"}:
            j -= 1
        subject = [x for x in spans if x.label == "VAR" and j < x.start and x.end <= v]
        if not subject or subject[0].start == 0 or words[subject[0].start - 1].lower() not in {
                "a", "an", "each", "every", "one"}:
            continue
        out[i] = Span("PARAM", sp.start, sp.end, sp.text)
        drop.update(n for n, x in enumerate(spans) if x.label == "CONST_DIR" and k <= x.start < sp.start)
    return [x for n, x in enumerate(out) if n not in drop]


_ONE_EACH = re.compile(r"\b(?:every|each) [^.;?!]{0,40}?\b(?:needs|uses|takes|requires|gets) (?:one|a|an|exactly one) "
                       r"([a-z-]+)")


def _one_each(words: list[str]) -> set[str]:
    """The nouns of "every tin, small or large, needs one lid": what each item takes one of."""
    return {stem(m.group(1)) for m in _ONE_EACH.finditer(" ".join(w.lower() for w in words))
            if m.group(1) not in MEASURES and CONCEPTS.get(m.group(1)) not in {"HOUR", "MINUTE"}}


def _one_each_stock(words: list[str], spans: list[Span]) -> list[Span]:
    """"The company has only 30 lids, and every tin, small or large, needs one lid": a number of the thing
    each item takes one of is a stock of it (a limit on the items together), not a coefficient."""
    nouns = _one_each(words)
    if not nouns:
        return spans
    out = list(spans)
    for i, sp in enumerate(spans):
        if sp.label == "PARAM" and sp.end < len(words) and stem(words[sp.end].lower()) in nouns and (
                sp.text.lower() not in {"one", "1", "a", "an"}) and not any(
                x.label == "VAR" and x.end == sp.start for x in spans):
            out[i] = Span("LIMIT", sp.start, sp.end, sp.text)
    return out


def _needs_one(words: list[str], spans: list[Span]) -> list[Span]:
    """"Every bike of either type needs one battery pack" with "one" left untagged: a number that each of
    something "needs" / "requires" / "uses", before its unit, is a coefficient."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k in range(2, len(words) - 1):
        if k in taken or not is_number(words[k]) or words[k - 1].lower() not in {"needs", "requires", "uses",
                                                                                    "consumes"}:
            continue
        a = max((j for j in range(k) if words[j] in {".", "?", "!", ";"}), default=-1) + 1
        if words[a].lower() in {"each", "every"} and words[k + 1].isalpha():
            out.append(Span("PARAM", k, k + 1, words[k]))
    return sorted(out, key=lambda sp: sp.start)


def _sized_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"plans fitness sessions of 90 minutes and tactics sessions of 60 minutes", "standard booths of 9
    square meters": a number right after a variable's name and "of", with its unit after it, is the size of
    one of them (a coefficient), unless a bound opens the phrase ("at most 20 crates of 50 kg")."""
    out = list(spans)
    var_end = {sp.end: sp for sp in spans if sp.label == "VAR"}
    for i, sp in enumerate(spans):
        if sp.label != "LIMIT" or sp.start < 2 or words[sp.start - 1].lower() != "of" or sp.start - 1 not in var_end:
            continue
        if sp.end >= len(words) or not words[sp.end].isalpha():
            continue
        var = var_end[sp.start - 1]
        if _BOUND_CUE.search(" ".join(reversed(_before(words, var.start, 4)))) or (
                var.start > 0 and is_number(words[var.start - 1])):
            continue
        out[i] = Span("PARAM", sp.start, sp.end, sp.text)
    return out


_DUTY = re.compile(r"(?:must|should|has to|have to|needs to|need to) be\b")


def _owed_openings(words: list[str], spans: list[Span]) -> list[Span]:
    """"Two hundred forty guests must be seated", "1200 parcels have to be delivered" with the number left
    untagged: an amount that opens a sentence and is then required to be done is a limit."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k in range(len(words)):
        if (k > 0 and words[k - 1] not in {".", "?", "!", ";"}) or k in taken or not is_number(words[k]):
            continue
        e = k
        while e < len(words) and e not in taken and is_number(words[e]):
            e += 1
        j = e
        while j < len(words) and j - e < 3 and j not in taken and words[j].isalpha() and not _DUTY.match(
                " ".join(w.lower() for w in words[j: j + 3])):
            j += 1
        if e < j < len(words) and _DUTY.match(" ".join(w.lower() for w in words[j: j + 3])):
            out.append(Span("LIMIT", k, e, " ".join(words[k:e])))
    return sorted(out, key=lambda sp: sp.start)


def _bare_bounds(words: list[str], spans: list[Span]) -> list[Span]:
    """"a minimum of two small trucks must be rented" with "two" left untagged: a number right after a
    bound's wording ("minimum of", "at least") is that bound's limit."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for sp in spans:
        if sp.label != "CONST_DIR":
            continue
        k = sp.end + (1 if sp.end < len(words) and words[sp.end].lower() == "of" else 0)
        e = k  # the whole number, however many words: "one hundred thousand dollars"
        while e < len(words) and e not in taken and is_number(words[e]):
            e += 1
        if k < e < len(words) and words[e].isalpha() and words[e].lower() not in {"of", "times", "percent"}:
            out.append(Span("LIMIT", k, e, " ".join(words[k:e])))
    # ("and only 700 minutes are available" with the number left untagged, its cue words too)
    for k in range(1, len(words) - 2):
        if k not in taken and is_number(words[k]) and words[k - 1].lower() in {"only", "just"} and words[
                k + 1].isalpha() and _AVAILABLE.search(" ".join(w.lower() for w in words[k + 1: k + 6])):
            out.append(Span("LIMIT", k, k + 1, words[k]))
    return sorted(out, key=lambda sp: sp.start)


_AVAILABLE = re.compile(r"^(?:[a-z-]+ ){1,3}(?:are|is) (?:available|left|free)\b")


_MONEY_AFTER = frozenset("dollars dollar euros euro pounds".split())


def _price_frame(words: list[str], sp: Span) -> tuple[str, str] | None:
    """The words around a price, its currency aside: ("at", "per") for both "at $90 per day" and "at 160
    dollars per day"; None where no currency is written."""
    k, j = sp.start - 1, sp.end
    money = False
    if k >= 0 and words[k] == "$":
        k, money = k - 1, True
    if j < len(words) and words[j].lower() in _MONEY_AFTER:
        j, money = j + 1, True
    if not money or k < 0 or j >= len(words):
        return None
    return words[k].lower(), words[j].lower()


def _price_frames(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """"rents small trucks at $90 per day and large trucks at 160 dollars per day": a limit in the same
    frame as a price of the same sentence, right after a variable's name, is a price too."""
    words = [t.text for t in tokens]
    frames = {(tokens[sp.start].sent, _price_frame(words, sp)) for sp in spans if sp.label == "PARAM"}
    out = []
    for i, sp in enumerate(spans):
        if sp.label == "LIMIT" and (tokens[sp.start].sent, _price_frame(words, sp)) in frames and \
                _price_frame(words, sp) is not None and any(
                    x.label == "VAR" and 0 < sp.start - x.end <= 3 for x in spans[:i]):
            sp = Span("PARAM", sp.start, sp.end, sp.text)
        out.append(sp)
    return out


_DUTY_VERB = re.compile(r"\b(?:must|has to|have to|had to|needs to|need to) [a-z]+$", re.I)


def _respective_run(tokens: list[Token], same: list[Span], sp: Span) -> bool:
    """"The memberships need 2, 3 and 5 lane hours per month, respectively, and only 1100 lane hours are
    available": numbers listed together in a "respectively" sentence are one per variable (coefficients),
    though the sentence names no variable and states a limit too."""
    if not any(t.text.lower() == "respectively" for t in tokens if t.sent == tokens[sp.start].sent):
        return False
    params = sorted((x for x in same if x.label == "PARAM"), key=lambda x: x.start)
    def linked(a: Span, b: Span) -> bool:
        gap = [t.text.lower() for t in tokens[a.end: b.start]]
        return 0 < len(gap) <= 3 and set(gap) <= {",", "and", "or", "$"}

    return any(linked(a, b) and sp in (a, b) for a, b in zip(params, params[1:], strict=False))


_PERIOD_BEFORE = frozenset("each every per this next last first second third fourth".split())


def _period(tokens: list[Token], sp: Span) -> bool:
    """"Each quarter, 700 hours ... are available", "the profit per quarter": a quarter or half after
    "each" / "every" / "per" / "this" names a span of time, not a number (unless "of" follows: "each
    quarter of the field")."""
    if sp.label not in {"PARAM", "LIMIT"} or sp.end - sp.start != 1 or sp.start < 1:
        return False
    w = tokens[sp.start].text.lower()
    nxt = tokens[sp.end].text.lower() if sp.end < len(tokens) else ""
    return w in {"quarter", "half"} and tokens[sp.start - 1].text.lower() in _PERIOD_BEFORE and nxt != "of"


# nouns that a number after them names rather than counts: "Brewing plan, week 14.", "Problem 2.",
# "Exercise 3." -- headings of memos, notes and homework
_LABEL_NOUNS = frozenset("week day month year problem exercise question example task step page chapter section "
                         "part phase round lot room gate".split())


def _label_number(tokens: list[Token], sp: Span) -> bool:
    """"MEMO - Brewing plan, week 14. We can brew ...": a whole number right after a label noun and
    closing its phrase (a stop, comma, colon or bracket after it) names the week or the exercise; it is
    no amount. ("Each week 40 hours are free" counts: a word follows the number.)"""
    if sp.label not in {"PARAM", "LIMIT"} or sp.end - sp.start != 1 or sp.start < 1:
        return False
    w = tokens[sp.start].text
    nxt = tokens[sp.end].text if sp.end < len(tokens) else "."
    return (w.isdigit() and tokens[sp.start - 1].text.lower() in _LABEL_NOUNS and nxt in {".", ",", ":", ";", ")"}
            and (sp.start < 2 or tokens[sp.start - 2].text.lower() not in {"per", "a", "each", "every", "$"}))


_TERM_UNITS = frozenset("month year decade".split())
_TERM_PLURALS = frozenset("months years decades".split())


def _term_length(tokens: list[Token], sp: Span) -> bool:
    """"to invest in a 12 month commitment", "under a 5 year plan": a number between "a" and a singular month or
    year that then describes a noun says how long that thing lasts, no amount to limit or weigh (hours and days
    are left out: "a 40 hour week" is the time there is)."""
    if sp.label not in {"PARAM", "LIMIT"} or sp.end - sp.start != 1 or sp.start < 1 or sp.end + 1 >= len(tokens):
        return False
    unit, after = tokens[sp.end].text.lower(), tokens[sp.end + 1].text.lower()
    if tokens[sp.start].text.isdigit() and tokens[sp.start - 1].text.lower() == "for" and unit in _TERM_PLURALS:
        # "has up to $300000 to commit for 12 months": how long money is committed, after the money's own amount
        k = sp.start - 2
        while k >= 0 and k > sp.start - 10 and tokens[k].text not in {".", ";", "?", "!"}:
            if tokens[k].text == "$":
                return True
            k -= 1
    return (tokens[sp.start].text.isdigit() and tokens[sp.start - 1].text.lower() in {"a", "an"} and unit in _TERM_UNITS
            and after.isalpha() and after not in {"of", "and", "or", "to", "for", "at", "in", "on"})


_OWNS = frozenset("owns own has have possesses possess".split())


def _owned_count(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"It owns 30 kayaks and 20 canoes": a count right before a decision's name, in a list that a verb of owning
    opens, is how many of it there are."""
    var_at = {x.start: x for x in spans if x.label == "VAR"}
    num_at = {x.start: x for x in spans if x.label in {"PARAM", "LIMIT"}}
    if sp.end not in var_at:
        return False
    k = sp.start - 1
    while k >= 0:
        w = tokens[k].text.lower()
        if w in _OWNS:
            return k >= 1 and tokens[k - 1].text.lower() in {"it", "we", "i", "they", "he", "she", "company", "firm",
                                                                 "shop", "store"}
        if w in {"and", ","}:
            k -= 1
            continue
        x = next((v for v in var_at.values() if v.end == k + 1), None)
        if x is None or x.start - 1 not in num_at:
            return False
        k = num_at[x.start - 1].start - 1
    return False


_HOLDS = (("holds",), ("can", "hold"), ("has", "room", "for"), ("fits",), ("can", "fit"), ("has", "space", "for"),
          ("can", "store"), ("stores",))


def _place_which_holds(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"stores wheat and corn in its silo, which holds 10000 bushels": what the place a list of the decisions is
    kept in holds (after ", which") is the room they share, a limit."""
    low = [t.text.lower() for t in tokens]
    k = sp.start
    verb = next((v for v in _HOLDS if low[max(k - len(v), 0): k] == list(v)), None)
    if verb is None:
        return False
    k -= len(verb)
    if k < 6 or low[k - 1] not in {"which", "that"} or low[k - 2] != ",":
        return False
    k -= 2  # the place: "in its silo", "into the warehouse"
    if not (tokens[k - 1].text.isalpha() and low[k - 2] in {"its", "the", "a", "an", "their", "his", "her", "our"}
            and low[k - 3] in {"in", "into", "at"}):
        return False
    last = next((x for x in spans if x.label == "VAR" and x.end == k - 3), None)
    return last is not None and any(x.label == "VAR" and x.end < last.start and {
        t.text.lower() for t in tokens[x.end: last.start]} <= {"and", ",", "or"} for x in spans)


def _money_to_use(tokens: list[Token], sp: Span) -> bool:
    """"with $500000 to invest", "has $2,000 to spend", "splits $80000 among": money said with what it is there for."""
    if not (sp.start > 1 and tokens[sp.start - 1].text == "$" and sp.end + 1 < len(tokens)):
        return False
    # ("An investor splits $80000 among stocks, bonds and savings": money a verb shares out among the decisions)
    if tokens[sp.end].text.lower() in {"among", "between", "across", "amongst"} and tokens[sp.start - 2].text.lower() in _SHARES_OUT:
        return True
    return tokens[sp.end].text.lower() == "to" and tokens[sp.end + 1].text.lower() in {"invest", "spend", "allocate", "use"}


_SHARES_OUT = frozenset("split splits divide divides allocate allocates distribute distributes spread spreads invest "
                        "invests".split())


_KEPT_UNDER = re.compile(r"\b(?:stay|stays|be kept|is kept|are kept|remain|remains|fall|falls|be|is|are) (?:under|below)"
                         r"(?: \$)?$", re.I)


def _kept_under(tokens: list[Token], sp: Span) -> bool:
    """"The weekly wage bill has to stay under $17,600": what a sum has to stay under is its most."""
    sent = tokens[sp.start].sent
    return bool(_KEPT_UNDER.search(" ".join(t.text for t in tokens[max(0, sp.start - 4): sp.start] if t.sent == sent)))


def _duty_before(tokens: list[Token], sp: Span) -> bool:
    """"In total, you must throw 12 bean bags": a number an obligation's verb takes is what is owed, unless
    a rate follows it ("must work 3 hours for each cell-phone")."""
    sent = tokens[sp.start].sent
    before = [t.text for t in tokens[max(0, sp.start - 4): sp.start] if t.sent == sent]
    after = {t.text.lower() for t in tokens[sp.end: sp.end + 4] if t.sent == sent}
    return bool(_DUTY_VERB.search(" ".join(before))) and not after & {"per", "each", "every", "a", "an"}


_MAKE_VERBS = frozenset("make makes produce produces bake bakes build builds manufacture manufactures prepare "
                        "prepares brew brews cook cooks".split())


def made_into(words: list[str], k: int) -> bool:
    """"..., A, B and C, to make 800 liters of a new paint": the number at k follows ", to make" (what the
    decisions named before it are made into)."""
    return k >= 3 and words[k - 3] == "," and words[k - 2].lower() == "to" and words[k - 1].lower() in {
        "make", "produce", "prepare", "blend", "fill"}


_POSSESSIVE = frozenset("its their our his her my".split())


def _exactly_before(tokens: list[Token], sp: Span) -> bool:
    """"exactly 250 plates", "will put exactly $200,000 into ...": "exactly" right before the amount (or its "$")."""
    k = sp.start - 1 - (sp.start > 0 and tokens[sp.start - 1].text == "$")
    return k >= 0 and tokens[k].text.lower() == "exactly"


def _made_using(tokens: list[Token], same: list[Span], sp: Span) -> bool:
    """"wants to make bean burritos and beef burritos using 5000 grams of lettuce", "makes black and green tea
    from its 50000 ml of milk": the variables are what is made, and what they are made "using" (or "from" one's
    own) is at hand for all of them (not "each chair is made using 5 kg of wood", where a variable is the
    subject)."""
    if made_into([t.text for t in tokens], sp.start) and any(x.label == "VAR" and x.end <= sp.start for x in same):
        return True  # ("mixes three bases, A, B and C, to make 800 liters of a new paint": the whole batch)
    k = sp.start - 1 - (sp.start > 1 and tokens[sp.start - 1].text.lower() in _POSSESSIVE)
    # ("makes black milk tea and green milk tea from its 50000 ml of milk": what they are made from, its own)
    if k < 0 or not (tokens[k].text.lower() == "using" or tokens[k].text.lower() == "from" and k < sp.start - 1):
        return False
    first = min((x.start for x in same if x.label == "VAR"), default=None)
    return first is not None and first > 0 and tokens[first - 1].text.lower() in _MAKE_VERBS


def _clause_open(tokens: list[Token], spans: list[Span], k: int) -> int | None:
    """Where the clause ending at k opens: the index of its break (",", ";", "and", "while", "but") or of
    the token before its sentence; None when that clause names a variable."""
    sent = tokens[k + 1].sent
    j = k - 1
    while j >= 0 and tokens[j].sent == sent and tokens[j].text.lower() not in {",", ";", "and", "while", "but"}:
        if any(x.label == "VAR" and x.start <= j < x.end for x in spans):
            return None
        j -= 1
    return j


def _got(tokens: list[Token], k: int) -> bool:
    """"got" after a have ("I've got", "we have got", "she's got"): the owner's "have" said the way people talk."""
    if k < 1 or k >= len(tokens) or tokens[k].text.lower() != "got":
        return False
    w = tokens[k - 1].text.lower().replace("\u2019", "'")
    return w in {"have", "has"} or w.endswith(("'ve", "'s"))


def _owner_has(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """The number right after "has" / "have" (or "has available"), in a clause that names no variable
    before it: the stock of whoever decides, not what one unit of a variable holds."""
    k = sp.start - 1
    if k >= 1 and tokens[k].text == "$" and tokens[k - 1].text.lower() in {"has", "have"}:
        k -= 1  # ("The service has $2900 per evening for wages": money the owner has)
    if k >= 0 and tokens[k].text.lower() == "available":
        k -= 1
    if k >= 0 and tokens[k].text.lower() in {"only", "just"}:  # "The rental company has only 4 trucks left"
        k -= 1
    if k >= 1 and _got(tokens, k):  # "This month I've got 30 skeins", "we have got $400"
        k -= 1
    if k < 1 or tokens[k].text.lower() not in {"has", "have"} and not _got(tokens, k + 1):
        return False
    if tokens[k - 1].text.lower() in {"which", "that", "who", "it", "each", "one", "they", "and", ","}:
        return False  # "a hamburger, which has 1 serving of meat": the variable, named before the comma
    return _clause_open(tokens, spans, k) is not None


_HYPHEN_HOURS = re.compile(r"^\d+(?:\.\d+)?-(?:hour|minute)$", re.I)


def _hyphen_hours(words: list[str], spans: list[Span]) -> list[Span]:
    """"A senior lifeguard works an 8-hour shift": a time written into one word with its unit, after "works /
    takes / runs a(n)" in a clause a variable opens, is that variable's hours (the tagger sees no number)."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    var_ends = sorted(sp.end for sp in spans if sp.label == "VAR")
    out = list(spans)
    for k in range(3, len(words)):
        if k in taken or not _HYPHEN_HOURS.match(words[k]) or words[k - 1].lower() not in {"a", "an"} or (
                words[k - 2].lower() not in {"works", "work", "takes", "take", "runs", "run", "lasts", "does"}):
            continue
        if k - 3 in var_ends or k - 2 in var_ends:
            out.append(Span("PARAM", k, k + 1, words[k]))
    return sorted(out, key=lambda sp: sp.start)


def _per_size(tokens: list[Token], sp: Span) -> bool:
    """"Brown rice per 100 g: 3 g protein, ...": a number right after "per", with its unit after it, is the
    size of the portion the amounts are given for, neither a coefficient nor a limit."""
    from modeler.strategies.offline.reading import one_per

    return sp.label in {"PARAM", "LIMIT"} and sp.start > 0 and tokens[sp.start - 1].text.lower() == "per" and (
        sp.end < len(tokens) and tokens[sp.end].text.isalpha() and tokens[sp.end].text.lower() not in STOP) and (
        not one_per([t.text for t in tokens], sp))  # ("one steward per 50 standing tickets": a share of one)


_PORTION_UNITS = frozenset("g gram grams ml millilitres milliliters".split())
_PORTION_VERBS = frozenset("give gives has have contains contain provides provide".split())


def _portion_size(tokens: list[Token], sp: Span) -> bool:
    """"100 grams of yogurt give 10 grams of protein": a round number of grams or millilitres of a food that
    then gives its contents is the size of the portion they are given for, neither a coefficient nor a
    limit."""
    low = [t.text.lower() for t in tokens[sp.end: sp.end + 6]]
    if sp.label not in {"PARAM", "LIMIT"} or sp.text not in {"100", "1000"} or len(low) < 4 or (
            low[0] not in _PORTION_UNITS or low[1] != "of"):
        return False
    v = next((k for k in range(3, len(low)) if low[k] in _PORTION_VERBS), None)
    # (not what one has: "can use no more than the 1000 grams of ground meat it has")
    if v is not None and low[v - 1] in {"it", "they", "we", "i", "he", "she", "you"}:
        return False
    return v is not None and all(w.isalpha() for w in low[2:v])


def bracket_aside(words: list[str], spans: list[Span], sp: Span) -> bool:
    """"A group walk (up to 4 dogs, in the van) takes 1.5 hours": a number in brackets right after a
    variable's name says what one of them is like; when no other number in the text counts what it counts
    ("dogs"), it is an aside, neither a limit nor a coefficient."""
    if sp.label not in {"LIMIT", "PARAM"} or sp.end >= len(words) or not words[sp.end].isalpha() or (
            words[sp.end].lower() in STOP or "%" in sp.text or words[sp.start - 1] == "$"):
        return False  # ("a term deposit (4.2% a year)": a rate, what one of them earns)
    o = next((k for k in range(sp.start - 1, max(sp.start - 4, 0), -1) if words[k] == "("), None)
    if o is None or not any(x.label == "VAR" and x.end == o for x in spans):
        return False
    c = next((k for k in range(sp.end, min(sp.end + 8, len(words))) if words[k] in {")", "(", "."}), None)
    if c is None or words[c] != ")":
        return False
    key = stem(words[sp.end].lower())
    return not any(is_number(words[k - 1]) and stem(words[k].lower()) == key
                   for k in range(1, len(words)) if k != sp.end)


def _had_list(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"we have 60 crew-days and $34,000 for materials": a later amount of one list after the owner's "have"
    is a stock too (the first is `_owner_has`'s), unless a duty follows it ("and 8 must be seniors")."""
    k = sp.start - 1 - (1 if sp.start > 0 and tokens[sp.start - 1].text == "$" else 0)
    if k < 2 or tokens[k].text.lower() not in {"and", ","} or any(
            t.text.lower() in _DUTY_WORDS for t in tokens[sp.end: sp.end + 4]):
        return False
    k -= 1
    j = k
    while j > k - 4 and j > 0 and not any(x.start <= j < x.end for x in spans if x.label in {"LIMIT", "PARAM"}):
        if not tokens[j].text.replace("-", "").isalpha() or tokens[j].text.lower() in _DUTY_WORDS:
            return False
        j -= 1
    prev = next((x for x in spans if x.label in {"LIMIT", "PARAM"} and x.start <= j < x.end), None)
    if prev is None or tokens[prev.start].sent != tokens[sp.start].sent:
        return False
    if prev.start > 0 and tokens[prev.start - 1].text == "$":  # "we have $500 and 40 hours"
        prev = Span(prev.label, prev.start - 1, prev.end, prev.text)
    return _owner_has(tokens, spans, prev)


# "The uni caps online modules at 6", "the council limits each stall to 3 tables" (not "at 6 per hour")
_CAPPED = re.compile(r"\b(?:limits?|caps?|capped|restricts?)\b(?: [\w'-]+){0,6}? (?:to|at)(?: \$)?$", re.I)


def _verb_capped(tokens: list[Token], sp: Span) -> bool:
    """A number that a verb of limiting puts a ceiling on in its clause ("The uni caps online modules at 6") is a
    limit, though a decision is named between: not a rate ("at 6 per hour")."""
    sent = tokens[sp.start].sent
    before = [t.text for t in tokens[max(0, sp.start - 13): sp.start] if t.sent == sent]
    # ("capped at 100 doors and 200 bumpers": the items of the list the verb caps, each after the first)
    while len(before) >= 3 and before[-1].lower() in {"and", ",", "or"} and before[-2].isalpha() and is_number(before[-3]):
        before = before[:-3]
    after = [t.text.lower() for t in tokens[sp.end: sp.end + 2]]
    return bool(_CAPPED.search(" ".join(before))) and not {"per", "a", "an", "each", "every"} & set(after)


def _or_more(tokens: list[Token], sp: Span) -> bool:
    """"shipping must receive $1000 or more", "20 kg or less of it": an amount with "or more" / "or less" after
    it (its unit between at most) is a bound, never what one unit holds."""
    for k in (sp.end, sp.end + 1):
        if k + 1 < len(tokens) and tokens[k].text.lower() == "or" and tokens[k + 1].text.lower() in OR_BOUND:
            return tokens[k].sent == tokens[sp.start].sent
        # ("deep enough for 2 boats at most."): "at most" / "at least" closing the clause
        if k + 1 < len(tokens) and (tokens[k].text.lower(), tokens[k + 1].text.lower()) in {
                ("at", "most"), ("at", "least")} and (k + 2 >= len(tokens) or tokens[k + 2].text in {
                    ".", ",", ";", "!", "?"} or tokens[k + 2].text.lower() == "and"):
            return tokens[k].sent == tokens[sp.start].sent
    # "needs 12 units of meat or more": the bound said after the whole measure, "<unit> of <what>"
    if sp.end + 1 < len(tokens) and tokens[sp.end + 1].text.lower() == "of":
        for k in range(sp.end + 2, min(sp.end + 5, len(tokens) - 1)):
            low = tokens[k].text.lower()
            if low == "or" and tokens[k + 1].text.lower() in OR_BOUND:
                return tokens[k].sent == tokens[sp.start].sent
            if not tokens[k].text.isalpha() or low in {"and", "or", "per", "each", "for", "to"}:
                break
    return False


def _gapped_rate(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"A small can uses 40 grams of tin, a medium can 80 grams and a large can 120 grams": a number right after
    "a / an / each <name>", its verb left out, in the unit of a coefficient said earlier in the sentence, is
    that name's coefficient too."""
    # (the name may be cut before its head: "a [medium] can 80 grams")
    name = next((x for x in spans if x.label == "VAR" and (x.end == sp.start or (
        x.end == sp.start - 1 and tokens[x.end].text.isalpha()))), None)
    if name is None or name.start == 0 or tokens[name.start - 1].text.lower() not in {"a", "an", "each", "every"}:
        return False
    if sp.end >= len(tokens) or not tokens[sp.end].text.isalpha():
        return False
    sent, unit = tokens[sp.start].sent, tokens[sp.end].text.lower()
    return any(x.label == "PARAM" and x.end < sp.start and tokens[x.start].sent == sent and x.end < len(tokens)
               and tokens[x.end].text.lower() == unit for x in spans)


_PAIR_ENDS = frozenset({".", ",", ";", "?", "!", "while", "whereas", "but"})


def _paired_amount(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"the new line weaves 20 meters of cotton and 40 meters of linen": after a named thing's coefficient and
    "and", a number in the same unit whose phrase ends its clause as the coefficient's does is the second item
    of that thing's list of amounts, a coefficient too (not "2 hours of labor and 100 hours of labor are
    available")."""
    k = sp.start - 1
    if k < 2 or tokens[k].text.lower() != "and":
        return False
    p = next((x for x in spans if x.label == "PARAM" and x.end < k and tokens[x.start].sent == tokens[sp.start].sent
              and not any(x.end <= y.start < k for y in spans if y.label in {"PARAM", "LIMIT", "CONST_DIR"})), None)
    if p is None or not 1 <= k - p.end <= 4 or not any(
            y.label == "VAR" and y.end <= p.start and tokens[y.start].sent == tokens[p.start].sent for y in spans):
        return False
    width = k - p.end
    words = [t.text.lower() for t in tokens]
    return sp.end + width < len(words) and words[sp.end] == words[p.end] and all(
        w.isalpha() for w in words[sp.end: sp.end + width]) and words[sp.end + width] in _PAIR_ENDS


# ("Each needs 2 hours of oven time and 40 hours are available", "Both need 3 kg of flour": a pronoun for all the
# kinds opens the clause)
_ANY_KIND_USES = re.compile(r"(?:^|, |\band )(?:(?:a|an|each|every|one) [a-z]+ of (?:any|each|either|every) [a-z]+|each|both|"
                            r"each one|each of them|each of these|both of them|all of them|every one of them) (?:uses|use|"
                            r"needs|need|takes|take|requires|require|contains|contain|gives|give)$")


def _any_kind_uses(tokens: list[Token], sp: Span) -> bool:
    """"A tonne of any blend uses 1 tonne of base material": what one unit of every kind uses, a coefficient of
    them all though its sentence names none."""
    a = sp.start
    while a > 0 and tokens[a - 1].sent == tokens[sp.start].sent:
        a -= 1
    return bool(_ANY_KIND_USES.search(" ".join(t.text.lower() for t in tokens[a: sp.start])))


_NOT_RATE_VERBS = frozenset("for of to in on at with by from about than up over under per is are was were has have had "
                            "gets get only just".split())

_THAT_MUCH = re.compile(r"^(?:[\w'-]+ ){0,4}, so (?:no|not) more than (?:that|this)\b")


def _capped_after(tokens: list[Token], sp: Span) -> bool:
    """"the market only buys about 20 coaster sets, so no more than that": an amount its clause then caps."""
    return bool(_THAT_MUCH.match(" ".join(t.text.lower() for t in tokens[sp.end: sp.end + 12])))


def _twin_rate(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"A boat trip costs $5000 and carries 500 boxes, while a cargo plane trip costs $3000 and carries 200 boxes":
    an amount after the same verb and before the same unit as a coefficient of another named thing in its sentence
    is a coefficient too (its verb is no bound)."""
    if sp.start < 2 or sp.end >= len(tokens):
        return False
    verb, unit, sent = tokens[sp.start - 1].text.lower(), tokens[sp.end].text.lower(), tokens[sp.start].sent
    # (a verb of what one thing does, "carries", "holds": not a preposition, "a deluxe wash for 25 minutes ...
    # the bays are available for 1,200 minutes", nor "has" / "is", what an owner has)
    if not verb.isalpha() or verb in _NOT_RATE_VERBS or not unit.isalpha() or not any(
            y.label == "VAR" and y.end <= sp.start and tokens[y.start].sent == sent for y in spans):
        return False
    return any(x.label == "PARAM" and x is not sp and tokens[x.start].sent == sent and x.start >= 1 and x.end < len(
        tokens) and tokens[x.start - 1].text.lower() == verb and tokens[x.end].text.lower() == unit for x in spans)


_PERMITS = frozenset("allows allow permits permit lets let".split())


def _permits_only(tokens: list[Token], sp: Span) -> bool:
    """"the railway only allows 8 train trips", "the permit allows only 3 night shifts": a number that someone
    allows no more than is a limit, though a decision is named after it; not what one of a kind allows ("each
    pass only allows 2 visits", a rate after it: "allows only 2 people per car")."""
    k = sp.start - 1
    if k >= 0 and tokens[k].text == "$":
        k -= 1
    if k < 1:
        return False
    pair = (tokens[k - 1].text.lower(), tokens[k].text.lower())
    if not ((pair[0] == "only" and pair[1] in _PERMITS) or (pair[0] in _PERMITS and pair[1] == "only")):
        return False
    sent = tokens[sp.start].sent
    lead = [t.text.lower() for t in tokens[max(0, k - 6): k - 1] if t.sent == sent]
    cut = max((j for j, w in enumerate(lead) if w in {",", ";", "and", "but"}), default=-1)
    after = [t.text.lower() for t in tokens[sp.end: sp.end + 3]]
    return not {"a", "an", "each", "every", "per"} & set(lead[cut + 1:]) and not {
        "per", "a", "an", "each", "every"} & set(after)


# what a kiln, an oven or a press runs, counted like trips ("kiln A can only run 12 batches")
_ROUNDS_MADE = frozenset("batch batches cycle cycles".split())


def _can_only_make(tokens: list[Token], sp: Span) -> bool:
    """"The large truck can only make 12 trips per day", "the line can run only 8 trips", "kiln A can only run 12
    batches": a count of trips or batches that one "can only" make is a limit, though a vehicle is named before
    it; not what each one of a kind makes ("each van can only make 3 trips", "a truck can make only 2 runs")."""
    sent = tokens[sp.start].sent
    lead = [t.text.lower() for t in tokens[max(0, sp.start - 8): sp.start] if t.sent == sent]
    cut = max((j for j, w in enumerate(lead) if w in {",", ";", "and", "but", "so"}), default=-1)
    lead = lead[cut + 1:]
    if sp.end >= len(tokens) or tokens[sp.end].text.lower() not in (_TRIP_NOUNS - {"delivery", "deliveries"}) | _ROUNDS_MADE:
        return False
    said = " ".join(lead[-4:])
    # (a label letter, "kiln A", is no article)
    said_as = [t.text for t in tokens[max(0, sp.start - 8): sp.start] if t.sent == sent][cut + 1:]
    lead = [w for j, w in enumerate(lead) if not (said_as[j] == "A" and j and said_as[j - 1].isalpha())]
    return bool(re.search(r"\b(?:can|could|may) (?:only (?:make|run|do|fly|complete)|(?:make|run|do|fly|complete) only)$",
                          said)) and not {"a", "an", "each", "every", "per"} & set(lead)


def _colon_stock(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"Water licence: 270 ML.", "Oven time: 40 hours.": a note's line of its own, a label, a colon and one
    amount with its unit, names what there is to use (a limit), not what one unit of a decision takes."""
    sent = tokens[sp.start].sent
    line = [k for k, t in enumerate(tokens) if t.sent == sent]
    words = [tokens[k].text.lower() for k in line]
    if ":" not in words or words.count(":") > 1:
        return False
    c = line[words.index(":")]
    k = c + 1 + (tokens[c + 1].text == "$" if c + 1 < len(tokens) else 0)
    if k != sp.start or not 1 <= c - line[0] <= 3 or line[-1] - sp.end > 2 or any(
            tokens[j].text.lower() in _NOT_STOCK_LABEL or not tokens[j].text.isalpha() for j in range(line[0], c)):
        return False
    if any(x is not sp and x.label in {"VAR", "PARAM", "LIMIT"} and line[0] <= x.start <= line[-1] for x in spans):
        return False
    return all(tokens[j].text.isalpha() and tokens[j].text.lower() not in _NOT_STOCK_LABEL
               for j in range(sp.end, line[-1])) and tokens[line[-1]].text in {".", ";", "!"}


def _total_before_colon(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"Floor space is 150 square feet: a monitor takes 8 square feet and a gaming station 12": an amount, its
    unit and a colon, with no decision named before it in its sentence, is what there is, and the colon lists what
    each decision takes of it (two or more numbers after it)."""
    sent = tokens[sp.start].sent
    c = next((k for k in range(sp.end, min(sp.end + 4, len(tokens))) if tokens[k].text == ":"), None)
    if c is None or tokens[c].sent != sent or not all(tokens[k].text.isalpha() for k in range(sp.end, c)):
        return False
    start = next(k for k in range(sp.start, -1, -1) if k == 0 or tokens[k - 1].sent != sent)
    if any(x.label in {"VAR", "PARAM", "LIMIT"} and start <= x.start < sp.start for x in spans):
        return False
    after = [x for x in spans if x.label in {"PARAM", "LIMIT"} and x.start > c and tokens[x.start].sent == sent]
    return len(after) >= 2


# a label of a price, a rate or a goal, not of a stock: "Profit: $5.", "Price per kg: 3."
_NOT_STOCK_LABEL = frozenset("profit profits cost costs price prices revenue return returns income earnings "
                             "margin per each every a an rate fee wage pay".split())


# words after an amount that make it a duty, not a stock held
_DUTY_WORDS = frozenset("must need needs should to be at least most no more less than want wants required".split())


_PLACE_PREP = frozenset("in at on into inside from within".split())


def _place_with(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"in a hall with 900 square meters of floor space", "from a warehouse with 500 crates": the number a
    place (no variable) is "with" is what it holds, a limit like what an owner "has"."""
    k = sp.start - 1
    if k >= 0 and tokens[k].text == "$":
        k -= 1
    if k < 3 or tokens[k].text.lower() != "with":
        return False
    j = k - 1
    while j >= 0 and k - j <= 3 and tokens[j].text.isalpha() and tokens[j].text.lower() not in {"a", "an", "the"}:
        j -= 1
    if j < 1 or j == k - 1 or tokens[j].text.lower() not in {"a", "an", "the"} or \
            tokens[j - 1].text.lower() not in _PLACE_PREP:
        return False
    return not any(x.label == "VAR" and j < x.end and x.start < k for x in spans)


def _saving_for(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"saving for a used laptop, $1,140", "saving up $480": the sum one saves for is a target to reach, a limit."""
    sent = tokens[sp.start].sent
    before = [k for k in range(max(0, sp.start - 8), sp.start) if tokens[k].sent == sent]
    at = next((k for k in before if tokens[k].text.lower() in {"saving", "save"}), None)
    return at is not None and not any(x.label == "VAR" and at < x.start < sp.start for x in spans)


# ("I've set aside $1,100", "we put aside $900", "I budget $300 a month"): the verb of one who reserves a sum
_SET_ASIDE = frozenset("set put".split())
_BUDGET_VERBS = frozenset("budget budgeted".split())


def _set_aside(words: list[str], sp: Span) -> bool:
    """"I've set aside $1,100 this month", "I budget $300 a month for supplies": a sum reserved for the
    purchases is what may be spent, a limit; the tagger reads it as a price because "$" stands before it."""
    k = sp.start - 1
    if k < 1 or words[k] != "$":
        return False
    w = words[k - 1].lower()
    if w in _BUDGET_VERBS:
        # (a subject pronoun before the verb: not "the budget $300" nor "over budget $5")
        return k >= 2 and words[k - 2].lower() in {"i", "we", "i've", "we've", "i'll", "we'll"}
    return w == "aside" and k >= 2 and words[k - 2].lower() in _SET_ASIDE


_FITS = frozenset("fits holds seats".split())


def _the_place_fits(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"the showroom fits 110 'spaces'", "the cold room holds 9 buckets": what "the" place (no variable) fits or
    holds is a limit; "a coach seats 50" (one of the decisions) is a coefficient."""
    k = sp.start - 1
    if k < 2 or tokens[k].text.lower() not in _FITS:
        return False
    j = k - 1
    while j >= 0 and k - j <= 3 and tokens[j].text.isalpha() and tokens[j].text.lower() not in {"the", "a", "an"}:
        j -= 1
    return j >= 0 and j < k - 1 and tokens[j].text.lower() == "the" and not any(
        x.label == "VAR" and j < x.end and x.start < k for x in spans)


# ("a large truck burns 900 litres of diesel a day": what one unit uses up)
_BURN_VERBS = frozenset("burns burn consumes consume".split())


def _needer(tokens: list[Token], spans: list[Span], sp: Span) -> Span | None:
    """The variable right before the verb of taking that `sp` follows ("earphone" in "each earphone requires
    only 20 dollars", "rice" in "Each hectare of rice needs 900 ..."), or None."""
    k = sp.start - 1
    while k >= 0 and tokens[k].text.lower() in {"only", "just", "$"}:
        k -= 1
    if k < 1 or tokens[k].text.lower() not in (_SUBJECT_VERBS | _BURN_VERBS) - {"has", "have", "can"}:
        return None
    return next((x for x in spans if x.label == "VAR" and x.end == k), None)


def _one_needs(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"each earphone requires only 20 dollars": what one unit of a variable takes is its coefficient,
    whatever "only" says (the tagger reads a limit)."""
    var = _needer(tokens, spans, sp)
    return var is not None and var.start > 0 and tokens[var.start - 1].text.lower() in {"each", "every", "one", "a",
                                                                                         "an", "per"}


def _each_may(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"Each premium passenger may check 40 kg of luggage while each economy passenger may check 20 kg, and the
    hold can take at most 3600 kg": a number right after "each / every <name> may / can <verb>" is what one
    unit of that name takes, a coefficient, whatever limit the sentence states after it."""
    k = sp.start - 1
    if k < 3 or not tokens[k].text.isalpha() or tokens[k - 1].text.lower() not in {"may", "can", "could", "will"}:
        return False
    var = next((x for x in spans if x.label == "VAR" and x.end == k - 1), None)
    return var is not None and var.start > 0 and tokens[var.start - 1].text.lower() in {"each", "every"}


def _each_unit_of_needs(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"Each hectare of rice needs 900 cubic meters of water": what one unit of a variable takes (the unit
    said before its name, "each <unit> of") is its coefficient, whatever stock the sentence states after."""
    var = _needer(tokens, spans, sp)
    return var is not None and var.start > 2 and tokens[var.start - 1].text.lower() == "of" and tokens[
        var.start - 2].text.isalpha() and tokens[var.start - 3].text.lower() in {"each", "every", "one", "per"}


# participles of growing or keeping a list of decisions somewhere
_KEPT = frozenset("grown kept raised planted farmed cultivated".split())


def _grown_on(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"grows tomatoes and peppers on 800 square meters of benches", "raises goats and sheep on his 20 acres of
    pasture", "keeps chickens and turkeys in a barn of 600 square feet": a measure "on" which (or a place "of"
    which) a list of the decisions is grown or kept is the room they share, a limit (one decision's own room
    is said of one: "each goat grazes on 0.25 acres")."""
    k = sp.start - 1
    if k < 3 or sp.end >= len(tokens) or tokens[sp.end].text.lower() not in MEASURES:
        return False
    if tokens[k].text.lower() == "of" and k >= 4 and tokens[k - 1].text.isalpha() and tokens[
            k - 2].text.lower() in {"a", "an", "the"} | OWNERS and tokens[k - 3].text.lower() in {"in", "on"}:
        k -= 3  # ("in a barn of 600 square feet", "on her field of 200 acres": the list ends before "in")
        k = _grown_by(tokens, k)
    else:
        # ("grown on your 30 acres of land", "on her 200 acre field": whose land it is, between "on" and the amount)
        k -= tokens[k].text.lower() in OWNERS
        # ("plants roses and tulips in a 200 square foot bed": a place of that size, "in" or "on" it)
        article = tokens[k].text.lower() in {"a", "an"}
        k -= article
        if tokens[k].text.lower() != "on" and not (article and tokens[k].text.lower() == "in"):
            return False
        # ("Peaches and nectarines are grown on ...": the list, then the passive verb)
        if k >= 2 and tokens[k - 2].text.lower() in {"are", "is"} and tokens[k - 1].text.lower() in _KEPT:
            k -= 2
        k = _grown_by(tokens, k)
    last = next((x for x in spans if x.label == "VAR" and x.end == k), None)
    if last is None:
        return False
    sent = tokens[sp.start].sent
    if any(tokens[j].text.lower() in {"each", "every", "per", "one"} for j in range(k) if tokens[j].sent == sent):
        return False
    return any(x.label == "VAR" and x.end < last.start and x.text.lower() != last.text.lower() and {
        t.text.lower() for t in tokens[x.end: last.start]} <= {"and", ",", "or"} for x in spans)


def _grown_by(tokens: list[Token], k: int) -> int:
    """"Beans and peas are grown by a gardener on a farm of 100 acres", "grown by Organic Farming on 300 acres of
    land": who grows them, said between the passive verb and "on" (k), is skipped back to the list's end."""
    for j in range(k - 2, max(k - 6, 1), -1):
        if tokens[j].text.lower() in _KEPT and tokens[j + 1].text.lower() == "by" and tokens[
                j - 1].text.lower() in {"are", "is"}:
            return j - 1
    return k


def _that_each(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"can choose small tanks that hold 1,000 liters each and large tanks that hold 2,500 liters each": a number
    after a variable's name, "that" / "which" and a verb, then "each" (after its unit), is what one of them
    holds, a coefficient, whatever bound the sentence states elsewhere."""
    k = sp.start - 1
    if k < 2 or not tokens[k].text.isalpha() or tokens[k - 1].text.lower() not in {"that", "which", "who"}:
        return False
    after = [t.text.lower() for t in tokens[sp.end: sp.end + 2]]
    return (after[:1] == ["each"] or after[1:2] == ["each"]) and any(
        x.label == "VAR" and x.end == k - 1 for x in spans)


def _with_after_comma(tokens: list[Token], sp: Span) -> bool:
    """"Sewing a shirt takes 1 hour and a pair of trousers 1.5 hours, with 80 hours of sewing time": an amount
    that opens a clause with ", with" after the coefficients is the stock they draw on."""
    k = sp.start
    # (or a compound unit: ", with 12 machine hours a day")
    return k >= 2 and tokens[k - 1].text.lower() == "with" and tokens[k - 2].text == "," and any(
        j < len(tokens) and tokens[j].text.lower() in MEASURES for j in (sp.end, sp.end + 1))


def _out_of(tokens: list[Token], sp: Span) -> bool:
    """"a chair uses 4 units of glue and a table 6, out of 200 units of glue": what the uses come out of is their
    stock (not "3 out of 5", a share)."""
    k = sp.start
    return k >= 2 and [t.text.lower() for t in tokens[k - 2:k]] == ["out", "of"] and not (
        k >= 3 and tokens[k - 3].text[:1].isdigit())


def _crew_hours(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"A farm employs 5 workers for 6 hours each per day": the hours a counted crew works, in a clause that
    names no decision before them, are the time there is (`limit_words._CREW` reads the count)."""
    a = max((k + 1 for k in range(sp.start) if tokens[k].text in {",", ".", ";", "?", "!", ":"}), default=0)
    return not any(x.label == "VAR" and a <= x.start < sp.start for x in spans) and _crewed(
        [t.text for t in tokens], sp)


def _crewed(words: list[str], sp: Span) -> bool:
    """The number counts hours that each of a counted crew works ("5 workers for 6 hours each")."""
    from modeler.strategies.offline.limit_words import _CREW

    if sp.end >= len(words) or words[sp.end].lower() not in {"hours", "hour", "minutes"}:
        return False
    before: list[str] = []
    for k in range(sp.start - 1, max(sp.start - 9, -1), -1):
        if words[k] in {",", ".", ";", "?", "!", ":"}:
            break
        before.append(words[k].lower())
    after = [w.lower() for w in words[sp.end + 1: sp.end + 3]]
    return bool(_CREW.search(" ".join(reversed(before)))) and ("each" in before or after[:1] == ["each"])


def _served_by_list(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"A caterer buys pizzas and salads for 60 guests", where "A pizza serves 3 guests": a number after "for" (or
    "to", "to feed", "for a conference of"), right after two names joined by "and" / "or" (or sharing a head,
    "vegetarian and meat meals"), counting what a coefficient counts elsewhere in the text or those who each get
    one ("one device per student"), is what the decisions together must cover (not a price: "sells pizzas for $12")."""
    k = sp.start
    if k < 2 or sp.end >= len(tokens):
        return False
    low = [t.text.lower() for t in tokens[max(0, k - 4): k]]
    at = k - 1 if low[-1] in {"for", "to"} else k - 2 if low[-2] == "to" and tokens[k - 1].text.isalpha() else (
        k - 4 if len(low) == 4 and low[0] == "for" and low[1] in {"a", "an", "the"} and low[3] == "of" else None)
    if at is None:
        return False
    var_end = {x.end: x for x in spans if x.label == "VAR"}
    last = var_end.get(at)
    if last is None or last.start < 2 or tokens[last.start - 1].text.lower() not in {"and", "or"} or not (
            (last.start - 1) in var_end or tokens[last.start - 2].text.isalpha()):
        return False
    unit = singular(tokens[sp.end].text.lower())
    if not unit.isalpha() or unit in STOP:
        return False
    return any(x.label == "PARAM" and x.end < len(tokens) and singular(tokens[x.end].text.lower()) == unit
               for x in spans if x is not sp) or each_gets_one(" ".join(t.text for t in tokens), unit)


def _owed_before(tokens: list[Token], sp: Span) -> bool:
    """An obligation to deliver (`OWED`) earlier in the number's sentence."""
    sent = tokens[sp.start].sent
    before = [t.text for t in tokens[: sp.start] if t.sent == sent]
    return bool(OWED.search(" ".join(before)))


# a bound's wording right before its number: "at most 6 a day", "a budget of $500", "spend more than $500"
_BOUND_BEFORE = re.compile(r"\b(at (?:most|least)|no (?:more|less|fewer) than|not (?:more|less|fewer) than|"
                           r"more than|less than|fewer than|up to|(?:minimum|maximum|total|budget|capacity|limit|requirements?|demands?) of|"
                           r"budget is|exceed|exceeds|has available|have available|in (?:their|his|her|its|our|your)|"
                           # ("There must be exactly 2 chairs for every desk": a duty, though a rate follows)
                           r"(?:must|should|has to|have to|needs to|need to) be exactly|"
                           r"(?:invest|invests|put|puts|allocate|allocates|spend|spends) \$|"
                           # ("unwilling to spend over $8750": "over" after a verb of spending is "more than")
                           r"(?:spend|spends|spending|invest|invests|investing|pay|pays|paying) over|"
                           # ("but cannot sell over 40 of them": a negated modal and its verb before "over")
                           r"(?:cannot|can't|can not|won't|will not|must not|may not) [a-z]+ over)"
                           r"(?: (?:\$|a|an|only|just))*$")


# "limits the number of ads from a single company to 5", "the minimum investment in bonds is 40 %"
_BOUND_CLAUSE = re.compile(r"\b(limits?|restricts?|caps?|minimum|maximum)\b.* (to|is|be|are)(?: (?:\$|a|an))*$")


_OBJECTIVE_TALK = frozenset("what how profit profits revenue earn earns earnings income generate".split())


_TIME_UNITS = frozenset("day days week weeks month months year years hour hours minute minutes shift shifts "
                        "season morning night time cycle cycles period periods run runs round rounds "
                        "evening evenings afternoon afternoons nights mornings weekend weekends".split())


_LIST_STOP = frozenset("is are was be has have had requires require needs need takes take costs cost must can "
                       "could should will at most least up budget available only while but whereas per each every "
                       "than if then".split())


def _rate_after(words: list[str], sp: Span) -> bool:
    """"15,000 viewers for each morning show spot", "$3 per kg": the number measures one unit of something
    other than time (a coefficient); "15 tons per day" is a limit over a period."""
    k, n = sp.end, len(words)
    for _ in range(5):
        if k >= n or words[k] in {".", ",", ";", "?", "!"} or words[k].lower() in {"and", "or", "while", "but"}:
            return False
        w = words[k].lower()
        if w in {"per", "each", "every"} or (w == "for" and k + 1 < n and words[k + 1].lower() in {"each", "every"}):
            j = k + (2 if w == "for" else 1)
            while j < n and words[j].lower() in {"a", "an", "one", "single", "unit", "of"}:
                j += 1
            return j < n and words[j].isalpha() and words[j].lower() not in _TIME_UNITS
        k += 1
    return False


def _syntax_label(words: list[str], sp: Span) -> Span:
    """A number's role from the words around it, where they are clear: a bound's wording right before it
    makes it a limit ("at most 6 a day", "a budget of $500"), a rate after it a coefficient ("100 viewers
    for each posting"); otherwise the tagger's label stands."""
    if sp.label not in {"LIMIT", "PARAM"}:
        return sp
    before: list[str] = []
    for k in range(sp.start - 1, max(sp.start - 7, -1), -1):
        if words[k] in {".", ",", ";", "?", "!", ":"}:
            break
        before.append(words[k].lower())
    pre = " ".join(reversed(before))
    clause: list[str] = []  # back to the clause's start, for bounds said further off
    for k in range(sp.start - 1, max(sp.start - 16, -1), -1):
        if words[k] in {".", ",", ";", "?", "!", ":"} or words[k][:1].isdigit():
            break
        clause.append(words[k].lower())
    far = " ".join(reversed(clause))
    if _BOUND_BEFORE.search(pre) or (_BOUND_CLAUSE.search(far) and not _OBJECTIVE_TALK & set(clause)) or (
            _there_are(words, sp, pre)):
        return sp if sp.label == "LIMIT" else Span("LIMIT", sp.start, sp.end, sp.text)
    if _available_after(words, sp) or _supplied_after(words, sp) or _BOUND_AFTER.match(
            " ".join(w.lower() for w in words[sp.end: sp.end + 3])):
        return sp if sp.label == "LIMIT" else Span("LIMIT", sp.start, sp.end, sp.text)
    if _rate_after(words, sp) and not _crewed(words, sp):  # ("5 workers for 6 hours each per day": not a rate)
        return sp if sp.label == "PARAM" else Span("PARAM", sp.start, sp.end, sp.text)
    return sp


def _there_are(words: list[str], sp: Span, pre: str) -> bool:
    """"..., and there are 280 assembly hours this month": what there is, is at hand (a limit); not in a
    sentence that opens with one unit of something ("In one serving of milk, there are 10 grams of
    calcium": what that unit holds)."""
    if not re.search(r"(?:^|\b(?:and|while|but) )there (?:are|is)(?: only| just| a total of)?$", pre):
        return False
    a = max((k for k in range(sp.start) if words[k] in {".", "?", "!", ";"}), default=-1) + 1
    opening = [w.lower() for w in words[a: a + 3]]
    return not (opening[:1] in (["in"], ["for"], ["with"]) and len(opening) > 1 and opening[1] in {
        "one", "each", "a", "an", "every", "1"})


# "of whom 30 must be full-time employees": a number that is required to be something is a bound
_BOUND_AFTER = re.compile(r"(?:must|should|has to|have to|needs to|need to) be\b")


def _available_after(words: list[str], sp: Span) -> bool:
    """"Joy has 8 hours available each day", "150 hours of labour available", "35 nurses per shift are available",
    "600 minutes of oven time are available": what is at hand (a period after "per" or "each" is no rate of its
    own)."""
    k, end = sp.end, min(sp.end + 7, len(words))
    while k < end:
        w = words[k].lower()
        if w == "available":
            return True
        if w in {"per", "each"} and k + 1 < len(words) and words[k + 1].lower() in _PERIODS:
            k, end = k + 2, min(end + 2, len(words))
            continue
        if w in {".", ",", ";", "?", "!", "and", "or", "per", "each", "for", "while", "but"} or is_number(w):
            return False
        k += 1
    return False


_PERIODS = frozenset("shift day week month year hour night season".split())


def _list_labels(words: list[str], spans: list[Span]) -> list[Span]:
    """Numbers of one list ("8 kg of dye and 12 kg of filler", "5000 minutes for watering and $1500 worth
    of soap") play one role: each takes the label of the list's first number, or that of coefficients where
    a variable names the list."""
    out = list(spans)
    nums = [i for i, sp in enumerate(out) if sp.label in {"LIMIT", "PARAM"}]
    for a, b in zip(nums, nums[1:], strict=False):
        x, y = out[a], out[b]
        between = [w.lower() for w in words[x.end: y.start]]
        if x.label == y.label or not between or len(between) > 7 or not ({",", "and"} & set(between)):
            continue
        if any(sp.label in {"VAR", "CONST_DIR", "OBJ_NAME"} for sp in out[a + 1: b]) or _LIST_STOP & set(between) or (
                {".", ";", "?", "!"} & set(between)):
            continue
        if not (between[-1] in {",", "and", "$"} or between[-2:] in (["and", "$"], [",", "$"])):
            continue
        if (_available_after(words, y) or _supplied_after(words, y)) and not (
                _available_after(words, x) or _supplied_after(words, x)):
            # "each sodium pack needs 2 hours, and 600 assembly hours are available", "each smart phone uses 2
            # chips, 450 chips are in stock": a new role
            continue
        if _set_aside(words, y):
            continue  # "dressers for $60, and I've set aside $1,100": the sum reserved, a new role
        if y.label == "LIMIT" and _stock_subject(words, out, y):
            continue  # "a bus tour needs 1 guide, and 20 guides work each day": the stock, a new role
        # "QuickAnalytics examines 40 samples of water and 10 samples of dirt": a variable just before the
        # list states its coefficients
        subject = [sp for sp in out[:a] if sp.label == "VAR" and 0 <= x.start - sp.end <= 2]
        label = "PARAM" if subject and not _STRONG_CUES.search(" ".join(words[subject[-1].end: x.start])) else x.label
        out[a] = Span(label, x.start, x.end, x.text)
        out[b] = Span(label, y.start, y.end, y.text)
    return out


# ("Malt in stock: 2,160 kg", "cement on hand: 40 bags": notes say what is at hand as "available" does)
_STRONG_CUES = re.compile(r"\b(at (most|least)|available|budget|maximum|minimum|exceed|limit|quota|up to|no more|no less|"
                          r"not more|not less|or less|or more|more than|less than|fewer than|in stock|on hand)\b", re.I)


def _strong_cue(words: list[str], same: list[Span]) -> bool:
    """Direction wording in a sentence ("has" alone is not: "it has a profit of $5")."""
    return any(x.label == "CONST_DIR" for x in same) or bool(_STRONG_CUES.search(" ".join(words)))


def _listed_limits(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """"at least 3 red bean bags and 2 blue bean bags": a number right after "and" or "," that names a
    variable next, in a clause whose earlier number is a limit, is a limit too (the tagger drops the second)."""
    words = [t.text for t in tokens]
    label = {k: sp for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k, w in enumerate(words):
        # ("can not make more than 60 coffees or 35 hot chocolates": each, as with "and")
        if k < 2 or not is_number(w) or (k in label and label[k].label != "PARAM") or words[k - 1].lower() not in {
                "and", ",", "or"}:
            continue
        if w.lower() == "one" and _one_pronoun(words, k + 1):
            continue  # ("in two farms, one run by Bob and one run by Joe")
        # the variable follows at once or after a unit ("10 acres of pumpkins")
        nxt = None
        for j in range(k + 1, min(k + 5, len(words))):
            if j in label:
                nxt = label[j]
                break
            if not words[j].isalpha():
                break
        if nxt is None or nxt.label != "VAR":
            continue
        prev = [sp for sp in spans if sp.label == "LIMIT" and sp.end <= k and tokens[sp.start].sent == tokens[k].sent
                and k - sp.end <= 6]
        if not prev:
            continue
        out = [sp for sp in out if not (sp.start == k and sp.label == "PARAM")]
        out.append(Span("LIMIT", k, k + 1, w))
    return sorted(out, key=lambda sp: sp.start)


def _respective_limit_numbers(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """"At least 20 and 10 acres must be given to apples and pears respectively", "The maximum demand for desks and
    chairs is 30 and 100 units, respectively": a sentence with a bound's word and "respectively" that names as
    many decisions as it gives numbers, and no goal, bounds each decision by its number (the tagger often reads the
    numbers as coefficients)."""
    out = list(spans)
    for s in {t.sent for t in tokens if t.text.lower() == "respectively"}:
        same = [sp for sp in spans if tokens[sp.start].sent == s]
        nums = [sp for sp in same if sp.label in {"PARAM", "LIMIT"}]
        names = {stem(sp.text.lower().split()[-1]) for sp in same if sp.label == "VAR"}
        if (len(nums) < 2 or len(names) != len(nums) or not any(sp.label == "CONST_DIR" for sp in same)
                or any(sp.label in {"OBJ_DIR", "OBJ_NAME"} for sp in same)
                or any(tokens[sp.start - 1].text == "$" for sp in nums if sp.start > 0)):
            continue
        out = [Span("LIMIT", sp.start, sp.end, sp.text) if sp in nums else sp for sp in out]
    return out


_BOUND_CUE = re.compile(r"\b(at (least|most)|no (more|less|fewer) than|(maximum|minimum) of|up to)\s+\S+$", re.I)


def _before(words: list[str], p: int, n: int, phrase: bool = False) -> list[str]:
    """Up to n words before position p, not reaching back past punctuation (nor, for `phrase`, past "and"
    / "or")."""
    out: list[str] = []
    for k in range(p - 1, max(-1, p - 1 - n), -1):
        if words[k] in {".", ",", ";", "?", "!", ":"} or (phrase and words[k].lower() in {"and", "or"}):
            break
        out.append(words[k])
    return out


_SUBJECT_VERBS = frozenset("requires require takes take needs need costs cost contains contain has have uses use "
                           "produces produce gives give yields yield brings bring makes make can earns earn".split())


_MEASURE_VERBS = frozenset("takes take needs need requires require uses use consumes consume occupies occupy".split())


def _compound_measure(word: str) -> bool:
    """"three seat-days", "one tutor-hour": a hyphen compound whose last part is a unit of measure."""
    head = word.rsplit("-", 1)[-1] if "-" in word[1:-1] else ""
    return head in MEASURES or head + "s" in MEASURES


def _parallel_verb(words: list[str], spans: list[Span], k: int, run: list[str]) -> bool:
    """"A study carrel seats one person ...; a sofa seats three": a lone number word after a verb that
    stands before another number of the text ("seats three") is an amount in the same frame."""
    prev = words[k - 1].lower() if k else ""
    if len(run) != 1 or not prev.isalpha() or prev in _NO_FRAME or not prev.endswith("s") or not (
            k >= 2 and any(x.label == "VAR" and x.end == k - 1 for x in spans)):
        return False
    return any(x.label in {"PARAM", "LIMIT"} and x.start > 0 and x.start != k and words[x.start - 1].lower() == prev
               for x in spans)


_NO_FRAME = frozenset("is was has its this as less plus has does times days hours minutes".split())


def priced_verbs(words: list[str], spans: list[Span]) -> list[Span]:
    """"A large truck moves 500 tonnes per day and rents for $1,800": a lone third-person verb after "and",
    then "for" and a price, in a clause whose subject is already measured (a number after the name before
    it, no price), is what the named thing does, never a name of its own (not "Mugs sell for $18, bowls
    for $24 and vases for $55", "vans at $70 per day and lorries at $150", "buns, tarts and cakes for
    $2, ...": lists of names)."""
    out = []
    names = [sp for sp in spans if sp.label == "VAR"]
    for sp in spans:
        k = sp.start
        if sp.label == "VAR" and sp.end == k + 1 and k > 1 and words[k - 1].lower() == "and" and words[
                k].lower().endswith("s") and words[k].islower() and k + 2 < len(words) and words[
                k + 1].lower() == "for" and words[k + 2] == "$":
            prev = max((x.end for x in names if x.end < k - 1), default=None)
            gap = words[prev: k - 1] if prev is not None else []
            if gap and "$" not in gap and not ({".", ";", "?", "!"} & set(gap)) and any(
                    re.fullmatch(r"\d[\d,.]*", w) for w in gap):
                continue
        out.append(sp)
    return out


def elided_amounts(words: list[str], spans: list[Span]) -> list[Span]:
    """"North ore carries 3 kg of sulfur per tonne and South ore 1 kg": a bare number right after a name,
    with the unit of an amount of the same sentence before it (its verb left out), is that name's amount
    too, though the tagger left it out or read it as a limit."""
    var_end = {sp.end for sp in spans if sp.label == "VAR"}
    out = list(spans)
    for k in range(1, len(words) - 1):
        if k not in var_end or not re.fullmatch(r"\d[\d,]*(\.\d+)?", words[k]):
            continue
        tagged = next((x for x in spans if x.start == k), None)
        if tagged is not None and (tagged.label != "LIMIT" or tagged.end != k + 1):
            continue
        a = k - 1
        while a > 0 and words[a - 1] not in {".", "?", "!", ";"}:
            a -= 1
        # ("a bag of medium 2 minutes and a bag of dark 1 minute": one unit, said in the singular after 1)
        unit = singular(words[k + 1].lower())
        if unit.isalpha() and any(x.label == "PARAM" and a <= x.start and x.end < k and singular(
                words[x.end].lower()) == unit for x in spans):
            # ("and a longboard batch 45 kilograms", tagged a limit: the same frame, a coefficient)
            out = [x for x in out if x is not tagged] + [Span("PARAM", k, k + 1, words[k])]
    return sorted(out, key=lambda sp: sp.start)


def owed_amounts(words: list[str], spans: list[Span]) -> list[Span]:
    """"A school district must provide seats for 1,150 students every morning": an untagged number after
    "for", in a clause that owes something ("must provide", "is contracted to supply"), is the amount owed
    (a limit), when no name stands between the obligation and the number."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    names = {k for sp in spans if sp.label == "VAR" for k in range(sp.start, sp.end)}
    out = list(spans)
    for k in range(2, len(words)):
        if k in taken or words[k - 1].lower() != "for" or not re.fullmatch(r"\d[\d,]*(\.\d+)?", words[k]):
            continue
        a = k - 1
        while a > 0 and words[a - 1] not in {".", "?", "!", ";", ","}:
            a -= 1
        m = OWED.search(" ".join(words[a:k]))
        if m and not any(j in names for j in range(a, k)):
            out.append(Span("LIMIT", k, k + 1, words[k]))
    return sorted(out, key=lambda sp: sp.start)


_STATED_BEFORE = re.compile(r"\b(?:has|have) (?:only |just )?(?:room|space|places?|capacity) for$|\b(?:at (?:most|least)|"
                            r"no more than|no fewer than|no less than|up to)$|"
                            # "his inventory composed of seven wireless earbuds, ten wired earbuds ...": what a stock
                            # is made of
                            r"\b(?:composed|consisting|comprised|made up) of$")
_THERE_ARE = re.compile(r"(?:^|[,;.] |\band )there (?:are|is|will be)(?: only| just)?$")
# "There are two models available", "There are three beaches": a count this small after "there are" counts the
# options themselves (a word problem decides between two to four), not a stock
_FEW_OPTIONS = 4


_ONE_PRONOUN_AFTER = frozenset("run owned operated managed called named located that which who".split())


def _one_pronoun(words: list[str], e: int) -> bool:
    """"one" before the word at e stands for a thing named: "one run by Bob", "one owned by the city", "one that"."""
    return e < len(words) and (words[e].lower() in _ONE_PRONOUN_AFTER or (
        e + 1 < len(words) and words[e].lower().endswith("ed") and words[e + 1].lower() == "by"))


def _one_unit_of(words: list[str], spans: list[Span]) -> list[Span]:
    """"1 kg of watercolor paintings needs 16 kg of dye": a 1 before a unit of measure, "of" and a name that then
    needs (takes, uses) its amounts sizes the unit the rates are per; it is no coefficient itself."""
    var_at = {sp.start: sp.end for sp in spans if sp.label == "VAR"}
    out = []
    for sp in spans:
        k = sp.end
        if sp.label == "PARAM" and words[sp.start].lower() in {"1", "one"} and sp.end - sp.start == 1 and k + 2 < len(
                words) and words[k].lower() in MEASURES and words[k + 1].lower() == "of" and k + 2 in var_at and (
                var_at[k + 2] < len(words) and words[var_at[k + 2]].lower() in _MEASURE_VERBS | {"needs", "gives"}):
            continue
        out.append(sp)
    return out


def _spelt_at(words: list[str], k: int) -> bool:
    """The word at k says part of a spelt-out number: a number word, or the "and" of "two hundred and forty"."""
    return words[k].lower() in SPELT or (words[k].lower() == "and" and 0 < k < len(words) - 1 and words[
        k - 1].lower() in {"hundred", "thousand", "million"} and words[k + 1].lower() in SPELT)


def _spelt_tails(words: list[str], spans: list[Span]) -> list[Span]:
    """"charges one hundred forty dollars" tagged "one hundred" or "forty": a number's span takes in the number
    words that go on saying it, after it and before it."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = []
    for sp in spans:
        a, e = sp.start, sp.end
        if sp.label in {"PARAM", "LIMIT"} and words[a].lower() in SPELT:
            while a > 0 and a - 1 not in taken and _spelt_at(words, a - 1):
                a -= 1
            a += words[a].lower() == "and"
        if sp.label in {"PARAM", "LIMIT"} and words[e - 1].lower() in SPELT:
            while e < len(words) and e not in taken and _spelt_at(words, e):
                e += 1
        e -= words[e - 1].lower() == "and"
        if (a, e) != (sp.start, sp.end) and parse_value(" ".join(words[a:e])) is not None:
            sp = Span(sp.label, a, e, " ".join(words[a:e]))
            taken.update(range(a, e))
        out.append(sp)
    return out


def spelt_numbers(words: list[str], spans: list[Span]) -> list[Span]:
    """A spelt-out number the tagger left out: "has inherited fifty thousand dollars", "works six hours a
    day", "sixteen hours of working time". A run of number words (with "and" inside: "two hundred and
    forty") is a number when a unit of measure follows it or it counts in hundreds or thousands; "one"
    alone only after a verb of measure or in a list of amounts, and a bare count ("two venues", "three
    kinds") is none. It is a limit when its clause names no variable before it, else a coefficient;
    `relabel_numbers` judges it further."""
    spans = _spelt_tails(words, _one_unit_of(words, spans))
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    var_at = {k for sp in spans if sp.label == "VAR" for k in range(sp.start, sp.end)}
    out = list(spans)
    k, n = 0, len(words)
    listed_end: int | None = None
    while k < n:
        if k in taken or words[k].lower() not in SPELT:
            k += 1
            continue
        e = k + 1
        while e < n and e not in taken and _spelt_at(words, e):
            e += 1
        run = [w.lower() for w in words[k:e]]
        unit = words[e].lower() if e < n else ""
        scaled = any(w in {"hundred", "thousand", "million", "billion"} for w in run)
        # "one" alone only as an amount: after a verb of measure or in a list of amounts ("takes 4 kilograms
        # of bronze and one hour of furnace time"), not "in one day" or "each lasting one hour"
        prev = words[k - 1].lower() if k else ""
        single = run == ["one"] and not (prev in _MEASURE_VERBS or (prev in {"and", ","} and any(
            sp.label in {"PARAM", "LIMIT"} and k - 7 <= sp.start < k for sp in spans)))
        if run == ["one"] and _one_pronoun(words, e):
            # ("two farms, one run by Bob and one run by Joe", "one that Mia owns": "one" stands for a thing named)
            k = e
            continue
        if run == ["one"] and e + 2 < n and words[e + 1].lower() == "of" and e + 2 in var_at:
            # ("12 liters and one acre of peas uses 15 liters": the unit a rate is of, no amount)
            k = e
            continue
        # "There are twelve drivers ...", "the barn has room for sixty animals": a count after words that
        # state what there is, or a bound, is an amount, whatever it counts
        # (not "There are two methods of extracting ...": kinds of something, the options themselves)
        before = " ".join(w.lower() for w in words[max(k - 4, 0): k])
        stated = run != ["one"] and unit not in {"of", "times", "or", "to"} and not (
            e + 1 < n and words[e + 1].lower() == "of") and (bool(_STATED_BEFORE.search(before)) or (
                bool(_THERE_ARE.search(before)) and (parse_value(" ".join(run)) or 0) > _FEW_OPTIONS))
        # ("seven wireless earbuds, ten wired earbuds, and twenty USB dongles": the items listed after a stated
        # count are stated too)
        stated = stated or (listed_end is not None and run != ["one"] and _list_next(words, listed_end, k))
        if prev in {"next", "coming", "last", "past", "first", "following"} and unit in _HORIZON:
            # "Over the next two weeks the printer can run 200 hours": the span the plan covers, not an
            # amount (people set the horizon of their question this way)
            k = e
            continue
        if _bracketed(words, k):
            # "A bus-shelter poster (two weeks) costs $150": people put a detail of the offer in brackets; a
            # spelt-out number there says how it is sold, it is not an amount the model weighs
            k = e
            continue
        rate = _one_per(words, k, e)
        if ((unit in MEASURES or _compound_measure(unit)) and not single) or _parallel_verb(words, spans, k, run) or (
                scaled and len(run) > 1 and unit not in {"of", "times"}) or stated or rate:
            a = k
            while a > 0 and words[a - 1] not in {",", ";", ".", "?", "!"} and words[a - 1].lower() not in {
                    "and", "while", "but", "whereas"}:
                a -= 1
            label = "PARAM" if rate or any(a <= j < k for j in var_at) else "LIMIT"
            out.append(Span(label, k, e, " ".join(words[k:e])))
            listed_end = e if stated else None
        else:
            listed_end = None
        k = e
    return sorted(out, key=lambda sp: sp.start)


_HORIZON = frozenset("days weeks months years quarters hours shifts seasons".split())


def _list_next(words: list[str], end: int, k: int) -> bool:
    """The number at k opens the next item of a list whose item ended at `end`: a few words of what the last
    item counts, then "," or "and" (", and") right before k, no other number or stop between."""
    between = [w.lower() for w in words[end:k]]
    if not between or between[-1] not in {",", "and"} or len(between) > 6:
        return False
    return all(w.isalpha() or w in {",", "-"} for w in between) and not any(w in SPELT for w in between)


def _one_per(words: list[str], k: int, e: int) -> bool:
    """"we must allow one per small berth and one and a half per large berth": a spelt number right before "per"
    is a rate when its sentence rates another option the same way (a number, then "per")."""
    if e >= len(words) or words[e].lower() != "per" or words[k].lower() != "one" or e != k + 1:
        return False
    a = max((j + 1 for j in range(k) if words[j] in {".", "?", "!", ";"}), default=0)
    b = next((j for j in range(e, len(words)) if words[j] in {".", "?", "!", ";"}), len(words))
    return any(j != e and words[j].lower() == "per" and (is_number(words[j - 1]) or words[j - 1].lower() in SPELT | {
        "half", "quarter"}) for j in range(a + 1, b))


def _bracketed(words: list[str], k: int) -> bool:
    """Word k stands inside a short bracket: "(two weeks)", "(about three days each)"."""
    a = next((j for j in range(k - 1, max(k - 4, -1), -1) if words[j] in {"(", ")"}), None)
    b = next((j for j in range(k + 1, min(k + 5, len(words))) if words[j] in {"(", ")"}), None)
    return a is not None and b is not None and words[a] == "(" and words[b] == ")"


_BEFORE_AN_HOUR = frozenset("plus and with takes take needs need".split())


def _an_hour_of(words: list[str], spans: list[Span]) -> list[Span]:
    """"a 1.5 hour appointment plus an hour of drawing", "takes a minute of checking": "a" / "an" before a unit of
    time and "of" is one of it, an amount (the tagger leaves it out)."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k in range(1, len(words) - 3):
        if (words[k].lower() in {"a", "an"} and words[k - 1].lower() in _BEFORE_AN_HOUR and words[k + 1].lower() in {
                "hour", "minute", "day"} and words[k + 2].lower() == "of" and words[k + 3].isalpha()
                and k not in taken and k + 1 not in taken):
            out.append(Span("PARAM", k, k + 1, "1"))
    return sorted(out, key=lambda sp: sp.start) if len(out) > len(spans) else spans


def _and_a_half(words: list[str], spans: list[Span]) -> list[Span]:
    """"one and a half per large berth", "at least one and a half times": a number and "and a half" (or "a
    quarter") are one number, which the tagger splits into two ("one", "half")."""
    out = list(spans)
    for k in range(1, len(words) - 2):
        if words[k].lower() != "and" or words[k + 1].lower() not in {"a", "an"} or words[k + 2].lower() not in {
                "half", "quarter"} or not (is_number(words[k - 1]) or words[k - 1].lower() in SPELT):
            continue
        num = next((sp for sp in out if sp.start <= k - 1 < sp.end), None)
        half = next((sp for sp in out if sp.start <= k + 2 < sp.end), None)
        if (num is not None and (num.end != k or num.label not in {"PARAM", "LIMIT"})) or (
                half is not None and (half.start != k + 2 or half.label not in {"PARAM", "LIMIT"})):
            continue
        tag = num or half
        if tag is None:
            continue
        start = num.start if num is not None else k - 1
        out = [sp for sp in out if sp is not num and sp is not half]
        out.append(Span(tag.label, start, k + 3, " ".join(words[start: k + 3])))
    return sorted(out, key=lambda sp: sp.start)


def fraction_shares(words: list[str], spans: list[Span]) -> list[Span]:
    """"at least a quarter of the vehicles", "no more than two fifths of the budget": a fraction after a
    bound's wording and before "of" is a share, though the tagger left it out (it knows "a third" and
    "half" better than "a quarter")."""
    spans = _an_hour_of(words, _and_a_half(words, _ordinals(words, _split_fraction(words, spans))))
    # (a fraction the tagger put into its direction words, "no more than half", is taken out of them)
    taken = {k for sp in spans if sp.label != "CONST_DIR" for k in range(sp.start, sp.end)}
    out = list(spans)
    for k, w in enumerate(words):
        if k in taken or w.lower() not in FRACTIONS or k + 1 >= len(words) or words[k + 1].lower() != "of":
            continue
        a = k - 1 if k and (words[k - 1].lower() in SPELT or words[k - 1].lower() in {"a", "an"}) else k
        if a < k and a in taken:
            continue
        pre = " ".join(x.lower() for x in words[max(a - 5, 0): a + (a < k)] if x not in {",", ".", ";"})
        # ("no more than half of it may be compost": "half" needs no article)
        if (a == k and w.lower() != "half") or not _BOUND_BEFORE.search(pre):
            continue
        start = a if words[a].lower() in SPELT else k  # "two thirds", but "a quarter" as the tagger marks "third"
        out = [Span(x.label, x.start, a, " ".join(words[x.start: a])) if (
            x.label == "CONST_DIR" and x.start < a < x.end) else x for x in out
            if not (x.label == "CONST_DIR" and a <= x.start < k + 1)]
        out.append(Span("LIMIT", start, k + 1, " ".join(words[start: k + 1])))
    return _fraction_amounts(words, sorted(out, key=lambda sp: sp.start))


_ORDINAL_FRACTIONS = frozenset({"third", "fourth", "fifth"})


def _split_fraction(words: list[str], spans: list[Span]) -> list[Span]:
    """"at least one third of the staff" tagged as "third" alone, or as two numbers, "one" and "third": one fraction,
    "one third" (else "one" reads as a bound of 1 of its own)."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out: list[Span] = []
    for sp in spans:
        k = sp.start
        if sp.label in {"LIMIT", "PARAM"} and words[k].lower() in FRACTIONS and k and words[k - 1].lower() in SPELT:
            last = out[-1] if out and out[-1].end == k else None
            if k - 1 not in taken or (last is not None and last.label in {"LIMIT", "PARAM"} and all(
                    w.lower() in SPELT for w in words[last.start: k])):
                start = last.start if last is not None and k - 1 in taken else k - 1
                if last is not None and k - 1 in taken:
                    out.pop()
                label = "LIMIT" if sp.label == "LIMIT" or (last is not None and last.label == "LIMIT") else "PARAM"
                out.append(Span(label, start, sp.end, " ".join(words[start: sp.end])))
                continue
        out.append(sp)
    return out


_NOT_A_NOUN = frozenset("of can could must may might should will would are is be was were has have".split())


def _ordinals(words: list[str], spans: list[Span]) -> list[Span]:
    """"All cars go through a third factory", "a third party finishes them": "third" before a noun counts
    places, it is no share; a number span made of it alone is dropped ("a third of the cars" and "at most a
    third can be" keep theirs)."""
    def ordinal(sp: Span) -> bool:
        k = sp.end - 1
        if sp.label not in {"LIMIT", "PARAM"} or words[k].lower() not in _ORDINAL_FRACTIONS or k + 1 >= len(words):
            return False
        if any(words[j].lower() not in {"a", "the"} for j in range(sp.start, k)) or (
                sp.start == k and (k == 0 or words[k - 1].lower() not in {"a", "the"})):
            return False
        nxt = words[k + 1].lower()
        pre = " ".join(x.lower() for x in words[max(k - 6, 0): k])
        return nxt.isalpha() and nxt not in STOP and nxt not in _NOT_A_NOUN and not _BOUND_BEFORE.search(pre)

    return [sp for sp in spans if not ordinal(sp)]


def _fraction_amounts(words: list[str], spans: list[Span]) -> list[Span]:
    """"a quarter of an hour on the wheel", "three quarters of a litre", "half an hour of sanding": a fraction
    of one unit, which the tagger leaves out, is an amount like "0.25 hours" -- what one unit of a decision
    takes (a coefficient); not a share ("a quarter of the vehicles") nor an amount after a bound's wording
    ("at most half an hour"), which are read as limits."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k, w in enumerate(words):
        lw = w.lower()
        if k in taken or lw not in FRACTIONS or k + 3 > len(words):
            continue
        if lw == "half" and words[k + 1].lower() in {"a", "an"}:
            unit = k + 2
        elif words[k + 1].lower() == "of" and k + 3 < len(words) and words[k + 2].lower() in {"a", "an"}:
            unit = k + 3
        else:
            continue
        if unit >= len(words) or not words[unit].isalpha() or words[unit].lower() in STOP:
            continue
        start = k - 1 if k and words[k - 1].lower() in SPELT else k
        if lw != "half" and start == k and not (k and words[k - 1].lower() in {"a", "an"}):
            continue  # (a fraction other than "half" needs its count: "a quarter", "three quarters")
        if start < k and start in taken:
            continue
        pre = " ".join(x.lower() for x in words[max(k - 6, 0): k] if x not in {",", ".", ";"})
        if _BOUND_BEFORE.search(pre):
            continue
        out.append(Span("PARAM", start, k + 1, " ".join(words[start: k + 1])))
    return sorted(out, key=lambda sp: sp.start)


# ("I drive 8 hours a weekend", "she volunteers 10 hours a week": the time someone gives)
_WORK_VERBS = frozenset("works work runs run operates operate drive drives volunteer volunteers".split())
_PERIODS = frozenset("day week weekend month year shift".split())


def _person_can(tokens: list[Token], k: int) -> bool:
    """"I can drive 30 hours a week", "we can teach 15 hours": a person who "can" do a verb for so many hours
    says the time there is, whatever the verb."""
    return k >= 2 and tokens[k].text.isalpha() and tokens[k].text.islower() and tokens[k - 1].text.lower() in {
        "can", "could"} and tokens[k - 2].text.lower() in {"i", "we", "she", "he", "they"}


# ("The shop is open 12 hours", "I'm open 4 hours at lunch")
_OPEN_AFTER = frozenset({"is", "are", "am", "i'm", "we're", "they're"})


def _works_hours(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"..., and the detailer works six hours a day": the time someone who is no variable works, in a
    clause of its own, is the limit on that person's time, though the sentence names a variable before."""
    if sp.end >= len(tokens) or tokens[sp.end].text.lower() not in {"hours", "hour", "minutes", "minute", "seconds"}:
        return False
    k = sp.start - 1
    if k >= 2 and tokens[k].text.lower() in {"only", "just"}:
        k -= 1  # ("The shop is open only 3500 minutes a week": the adverb leaves the verb's object as it was)
    if k >= 2 and tokens[k].text.lower() == "for" and tokens[k - 1].text.lower() in {"runs", "operates"}:
        k -= 1  # ("and the line runs for 3200 seconds")
    if k < 1 or not (tokens[k].text.lower() in _WORK_VERBS or (
            tokens[k].text.lower() == "open" and tokens[k - 1].text.lower() in _OPEN_AFTER) or _person_can(tokens, k)):
        return False
    j = _clause_open(tokens, spans, k)
    # a clause after another, not the sentence's own subject
    if j is not None and j >= 0 and tokens[j].sent == tokens[sp.start].sent:
        return True
    # ("The bay is open 12 hours a day and the two attendants work 8 hours each.", "The printer runs 8 hours a
    # day": a sentence that names no variable at all, of a place open or people or machines working, states
    # what time there is)
    # (not a need per unit: "The software section must work 3 hours for each cell-phone")
    sent = tokens[sp.start].sent
    after = []
    for t in tokens[sp.end + 1: sp.end + 8]:
        if t.text in {",", ".", ";", "?", "!"} or t.text.lower() == "and":
            break
        after.append(t.text.lower())
    # ("each week", "per day" name the period the time is counted over, not a need per unit)
    rate = any(w in {"per", "every", "each"} and i + 1 < len(after) and after[i + 1] not in _PERIODS
               for i, w in enumerate(after)) or any(w in {"per", "every"} and i + 1 == len(after)
                                                    for i, w in enumerate(after))
    # ("The printer runs 35 hours a week: a poster takes 6 minutes ...": what follows a colon lists the needs)
    # ("I drive 8 hours a weekend and want at least 6 package deliveries": a name in the next clause is its own)
    colon = next((k for k in range(sp.end, len(tokens)) if tokens[k].sent != sent or tokens[k].text == ":" or (
        tokens[k].text.lower() == "and" and tokens[k - 1].text.lower() in _PERIODS)), len(tokens))
    return j is not None and not rate and not any(
        x.label == "VAR" and tokens[x.start].sent == sent and x.start < colon for x in spans)


_STOCK_VERBS = frozenset("work works serve serves".split())


def _stock_subject(words: list[str], spans: list[Span], sp: Span) -> bool:
    """"A boat tour needs 2 guides and a bus tour needs 1 guide, and 20 guides work each day": a number that
    opens its own clause as the subject ("<number> <noun> work / are ..."), in the unit another number of the
    text is a coefficient in, is the stock of that resource, not one unit's need (a need is an object)."""
    k = sp.start - 1
    if k < 0 or sp.end + 1 >= len(words) or words[k].lower() not in {",", "and", ";"}:
        return False
    noun, verb = words[sp.end].lower(), words[sp.end + 1].lower()
    then = words[sp.end + 2].lower() if sp.end + 2 < len(words) else ""
    # ("20 guides are on duty": at hand; "20 guides are needed": a duty, not a stock)
    if not noun.isalpha() or noun in STOP or not (verb in _STOCK_VERBS or (
            verb in {"are", "is"} and then in {"available", "on", "employed", "free"})):
        return False
    return any(x.label == "PARAM" and x.start != sp.start and x.end < len(words) and stem(words[x.end].lower()) == stem(
        noun) for x in spans)


_OFFER_VERBS = frozenset("offers offer".split())
_GIVE_VERBS = frozenset("gives give provides provide supplies supply allows allow".split())


def offers_stock(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"..., and the cinemas offer 4,500 seat-days over the festival", "the room offers 120 square metres":
    what a definite subject that is no variable offers is a stock (a limit), though the sentence names a
    variable before ("a sofa offers three seats" is one unit's coefficient)."""
    k = sp.start - 1
    # ("The temporary supply gives us 160 kW", "the council provides us 40 places": what it gives us)
    if k > 1 and tokens[k].text.lower() in {"us", "me"} and tokens[k - 1].text.lower() in _GIVE_VERBS:
        k -= 1
    elif k < 1 or tokens[k].text.lower() not in _OFFER_VERBS:
        return False
    j = _clause_open(tokens, spans, k)
    if j is None:
        return False
    opener = tokens[j + 1].text.lower() if j + 1 < k else ""
    return opener in {"the", "our", "its", "their", "his", "her"}


_DUTY_NOUNS = frozenset("demand demands order orders requirement requirements need needs minimum target goal quota "
                        "contract".split())
_HOLDING_VERBS = frozenset("gets get receives receive is are holds hold measures contains covers totals".split())
# ("..., and he buys 300 board feet a month": who decides, buying a stock in; not "she gets 5 stars", a rate)
_GETTING_VERBS = frozenset("buys buy orders order".split())


def _definite_stock(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"Each penguin eats 2 kg of fish a day and each seal 8 kg, and the zoo gets 400 kg of fish a day", "..., and
    the pool is 150 square meters", "..., and he buys 300 board feet a month": a clause of its own whose subject is a
    definite thing no variable names (or, after "and", a person who buys it in), its verb right before the number,
    and the number in the unit a coefficient of the text is in, states the stock."""
    k = sp.start - 1
    if k < 2 or sp.end >= len(tokens) or tokens[k].text.lower() not in _HOLDING_VERBS | _GETTING_VERBS:
        return False
    j = _clause_open(tokens, spans, k)
    if j is None or j < 0 or tokens[j].text.lower() not in {",", ";", "and", "while", "but"} or j + 1 >= k:
        return False
    opener = tokens[j + 1].text.lower()
    if not (opener in {"the", "our", "its", "their", "his", "her", "my"} or (
            opener in {"he", "she", "they", "we", "i"} and j + 2 == k and tokens[k].text.lower() in _GETTING_VERBS
            and tokens[j].text.lower() == "and")):
        return False
    if {t.text.lower() for t in tokens[j + 2: k]} & _DUTY_NOUNS or k - j > 4:
        return False  # ("and the order is 500 kg": what is owed; a short subject only, one thing named)
    unit = stem(tokens[sp.end].text.lower())
    return unit.isalpha() and unit not in STOP and any(
        x.label == "PARAM" and x is not sp and x.end < len(tokens) and stem(tokens[x.end].text.lower()) == unit
        for x in spans)


def _there_are_list(tokens: list[Token], sp: Span) -> bool:
    """"There are 240 liters of orange juice and 400 liters of mango juice.": every amount of a sentence that
    opens with "There are" (and names no variable, which the caller checks) is a stock, the second of a list
    as much as the first."""
    sent = tokens[sp.start].sent
    a = next(k for k in range(sp.start, -1, -1) if k == 0 or tokens[k - 1].sent != sent)
    return a + 2 < sp.start and tokens[a].text.lower() == "there" and tokens[a + 1].text.lower() in {"are", "is"}


def _there_is_stock(tokens: list[Token], sp: Span) -> bool:
    """"There are only 10 operators qualified to drive the large trucks", "Only 13 drivers hold the licence
    for a large bus", "..., and there are 280 assembly hours this month": what there is, said at a
    sentence's start with "only" or in a clause joined by "and", is a stock (a limit), though the sentence
    names a variable (not "In one serving of milk, there are 10 grams of calcium": a coefficient)."""
    k = sp.start - 1
    only = k >= 0 and tokens[k].text.lower() in {"only", "just"}
    if only:
        if k == 0 or tokens[k - 1].sent != tokens[k].sent:
            return True  # "Only 13 drivers hold the licence needed for a large bus."
        k -= 1
    if k < 1 or tokens[k].text.lower() not in {"are", "is"} or tokens[k - 1].text.lower() != "there":
        return False
    start = k < 2 or tokens[k - 2].sent != tokens[k].sent
    return (only and start) or (k >= 2 and tokens[k - 2].text.lower() == "and")


def _pro_one(tokens: list[Token], same: list[Span], sp: Span) -> bool:
    """"A large truck burns 900 litres of diesel a day and a small one 300 litres": a number right after "a
    small one", with the verb left out, is the coefficient of the small one, like the one before it."""
    k = sp.start
    return k >= 3 and tokens[k - 1].text.lower() == "one" and tokens[k - 3].text.lower() in {"a", "an", "the", "each"} and (
        tokens[k - 2].text.isalpha()) and any(x.label in {"PARAM", "LIMIT"} and x.end <= k - 3 for x in same)


# "60 kilograms of flour are delivered daily", "400 tonnes of scrap are on hand": a supply, said passively
# ("480 minutes of total press time can be used each day": what may be used is at hand too)
SUPPLIED = re.compile(r"^(?:[\w'-]+ ){0,5}?(?:(?:is|are|get|gets)(?: only)? (?:delivered|supplied|received|provided|"
                      r"on hand|in stock|at hand|in storage|stocked)|(?:can|may) be (?:used|spent))\b")


_USED_BY = frozenset("uses use needs need takes take requires require".split())


def _supplied_after(words: list[str], sp: Span) -> bool:
    """A number its clause then says is delivered or on hand: what there is to use, a limit."""
    out: list[str] = []
    k = sp.end
    while k < min(sp.end + 14, len(words)):
        w = words[k].lower()
        if w in {",", "and"} and k + 1 < len(words) and is_number(words[k + 1]) and not (
                sp.start and words[sp.start - 1].lower() in _USED_BY):
            # a list of supplies: "400 tonnes of PET scrap and 300 tonnes of HDPE scrap are on hand" (not
            # "each smart phone uses 2 chips, 450 chips are in stock": what one uses is no supply)
            out, k = [], k + 2
            continue
        if w in {".", ",", ";", "?", "!", "and", "while", "but"} or is_number(w):
            break
        out.append(w)
        k += 1
    return bool(SUPPLIED.search(" ".join(out) + " "))


def _size_of(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"fitness sessions of 90 minutes", "corner booths of 16 square meters": a number after a variable's
    name and "of", with its unit, is the size of one of them, a coefficient."""
    k = sp.start - 1
    return k >= 1 and tokens[k].text.lower() == "of" and sp.end < len(tokens) and tokens[sp.end].text.isalpha() and any(
        x.label == "VAR" and x.end == k for x in spans)


def _place_with_measure(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """"booths ... in a hall with 900 square meters of floor space": what a place that is no variable comes
    with, in a unit of measure, is its capacity (a limit)."""
    k = sp.start - 1
    if k < 2 or tokens[k].text.lower() != "with" or sp.end >= len(tokens) or tokens[sp.end].text.lower() not in MEASURES:
        return False
    owner = tokens[k - 1]
    # (not the unit a price is per: "Bran Flakes are $0.50 a cup with 7 grams of fiber", what a cup holds)
    return owner.text.isalpha() and owner.text.lower() not in STOP and tokens[k - 2].text.lower() in {
        "a", "an", "the", "its", "their", "our", "his", "her"} and not any(
        x.label == "VAR" and x.start <= k - 1 < x.end for x in spans) and not (k >= 3 and is_number(tokens[k - 3].text))


# "take up 420 cubic meters, and all of it must be moved": the whole amount is to be covered
ALL_MUST = re.compile(r"^(?:[\w'-]+ ){0,5}?, and all of (?:it|them|this|that) (?:must|has to|have to|needs to|need to|"
                      r"should) be [a-z]+ed\b")


def _all_must(words: list[str], sp: Span) -> bool:
    """An amount its sentence then says must all be moved, carried or shipped: a least to cover."""
    return bool(ALL_MUST.search(" ".join(w.lower() for w in words[sp.end: sp.end + 14])))


# "He buys 700 board feet of wood", "the bakery receives 90 kg of flour a week": what whoever decides is
# supplied with is at hand, a stock like what an owner "has"
# ("orders" is left out: "a client orders 40 tables" is a demand)
_SUPPLY_VERBS = frozenset("buys buy bought receives receive received purchases purchase purchased".split())


def _supplied_with(tokens: list[Token], spans: list[Span], sp: Span) -> bool:
    """The number right after a supply verb ("buys", "receives", "purchases"), in a sentence that names no
    variable before it: the stock of whoever decides, as after "has"."""
    k = sp.start - 1
    if k < 1 or tokens[k].text.lower() not in _SUPPLY_VERBS:
        return False
    if tokens[k - 1].text.lower() in {"which", "that", "who", "it", "each", "one", "they"}:
        return False  # "a desk, which gets 2 coats of paint": what one unit of a variable takes
    sent = tokens[sp.start].sent
    j = k - 1
    while j >= 0 and tokens[j].sent == sent:  # ("For each hour in area one, he receives 2 units": a rate)
        if any(x.label == "VAR" and x.start <= j < x.end for x in spans):
            return False
        j -= 1
    return True


def _only_openings(words: list[str], spans: list[Span]) -> list[Span]:
    """"Only 6 large truck trips are possible", "Just 40 seats are available": an untagged number right
    after a sentence-opening "only" / "just" is how many there can be at most, a limit."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k in range(len(words) - 2):
        if words[k].lower() not in {"only", "just"} or (k > 0 and words[k - 1] not in {".", "!", "?", ";"}):
            continue
        e = k + 1
        while e < len(words) and e not in taken and is_number(words[e]):
            e += 1
        if e > k + 1 and e < len(words) and words[e].isalpha() and words[e].lower() not in {
                "of", "times", "percent"} and not _so_limited(words, spans, e):
            out.append(Span("LIMIT", k + 1, e, " ".join(words[k + 1:e])))
    return sorted(out, key=lambda sp: sp.start)


def _so_limited(words: list[str], spans: list[Span], k: int) -> bool:
    """"Only one operator is on duty, so the two grinders can run for at most 16 hours in total": a reason,
    when "so" (after a comma or not: "Only one driver has the licence so there can be at most 5 trips") then a
    tagged limit follow in its sentence; the limit after "so" is what it sets."""
    b = next((j for j in range(k, len(words)) if words[j] in {".", "!", "?", ";"}), len(words))
    so = next((j for j in range(k, b) if words[j].lower() == "so"), None)
    return so is not None and any(x.label == "LIMIT" and so < x.start < b for x in spans)


_NOT_UNIT = frozenset("is are be was were has have costs cost takes take needs need gives give contains contain "
                      "per each every a an for".split())


def _shared_bound(words: list[str], spans: list[Span]) -> list[Span]:
    """"at least 2,400 calories and 90 grams of protein": one bound's wording governs the list of amounts
    after it, so a number tagged as a coefficient right after "and" (the amount before it a limit with
    its cue just before, only a unit between) is a limit too."""
    out = list(spans)
    for i, p in enumerate(spans):
        if p.label != "PARAM" or p.start < 3 or words[p.start - 1].lower() != "and" or (
                p.start >= 2 and words[p.start - 2] == "$"):
            continue
        prev = [x for x in spans if x.end < p.start and x.label != "VAR"]  # (a unit mistagged as a name)
        if not prev or prev[-1].label != "LIMIT":
            continue
        lim = prev[-1]
        between = [w.lower() for w in words[lim.end: p.start - 1]]
        if not 1 <= len(between) <= 3 or not all(w.isalpha() and w not in _NOT_UNIT for w in between):
            continue
        cue = [x for x in spans if x.end <= lim.start]
        if cue and cue[-1].label == "CONST_DIR" and lim.start - cue[-1].end <= 1:
            out[i] = Span("LIMIT", p.start, p.end, p.text)
    return out
