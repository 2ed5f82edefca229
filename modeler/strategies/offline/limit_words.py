"""Helpers shared by the readers of a LIMIT (`limit_sense`, `limit_scope`, `limit_kinds`, `limit_rows`): the
words of a limit's clause before and after it, the unit after its number and the words that describe it, what
the question counts, and which variable a word names (tagged, by its head, or written open)."""

from __future__ import annotations

import re
from collections import Counter

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.reading import Reading
from modeler.strategies.offline.words import STOP, content, same_word, scaled_unit, singular, stem

_CLAUSE_BREAK = frozenset({"and", ",", ";", "while", "whereas", "but"})

# a past participle's ending: "seated", "sown", "given", "sold", "spent"
_PP = "(?:ed|en|wn|ld|nt|ne)"


def _clause_before(r: Reading, sp: Span, n: int = 12) -> str:
    """The words of a limit's clause before it, names and all, lower-cased."""
    out: list[str] = []
    for k in range(sp.start - 1, max(sp.start - n - 1, -1), -1):
        if r.words[k] in {",", ".", ";", "?", "!", ":"}:
            break
        out.append(r.words[k].lower())
    return " ".join(reversed(out))


_HEADS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# ("We have 8 volunteers for 3 hours each", "6 workers available for 40 hours each": "for" says how long each is there)
_CREW = re.compile(r"(?:^| )(\d{1,2}|" + "|".join(_HEADS) + r") ([a-z-]+s)(?: ,)?(?: who| that)?(?: can| will| each| could)* "
                   r"(?:work|works|working|for|available for|available)$")


def _crew(r: Reading, sp: Span) -> float:
    """"the two attendants work 8 hours each", "our 3 cooks can each work 40 hours": people who are no
    decision, counted, each working so long, have that many times the time between them."""
    found = _crew_count(r, sp)
    return float(_HEADS.get(r.words[found].lower()) or int(r.words[found])) if found is not None else 1.0


def _crew_count(r: Reading, sp: Span) -> int | None:
    """The token of the count `_crew` multiplies by, if any."""
    if sp.end >= len(r.words) or r.words[sp.end].lower() not in {"hours", "hour", "minutes"}:
        return None
    before = _clause_before(r, sp, 8)
    k0 = sp.start - len(before.split())
    if before.startswith("each ") and k0 >= 3 and r.words[k0 - 1] == ",":
        # ("There are 2 workers, each working 8 hours": the count stands before the comma)
        before = " ".join(w.lower() for w in r.words[max(0, k0 - 3): k0]) + " " + before
    m = _CREW.search(before)
    if not m:
        return None
    after = [w.lower() for w in r.words[sp.end + 1: sp.end + 5]]
    # "8 hours each" (a full stop or a clause after it), or "each" before the verb; not "8 hours each day"
    each = " each " in f" {before} " or (after[:1] == ["each"] and (len(after) < 2 or not after[1].isalpha() or after[1] in {
        "and", "but", "while", "per"})) or (after[:3] in (["a", "day", "each"], ["a", "week", "each"], ["per", "day", "each"]))
    a = r.sentences[r.tokens[sp.start].sent][0]  # (a name in the sentence before is no worker: "... per laptop.")
    if not each or any(k in r.mention_var for k in range(max(a, sp.start - 8), sp.start)):
        return None
    return sp.start - len(before.split()) + len(before[: m.start(1)].split())


# what each one of a counted group needs or may have: "Each dog needs at least 36 grams of protein"
_NEED_VERBS = frozenset("needs need requires require must should can may gets get".split())
_PERIODS = frozenset("day week month year night shift".split())
# a count after these is itself a limit ("at least 79 patients"), not a head count
_CUE_BEFORE_COUNT = frozenset("least most than to maximum minimum exceed over under about only".split())
_POSSESSIVES = frozenset("the its their our his her".split())
_OWNS = frozenset("has have had owns own keeps keep".split())
_PLURAL_HEADS = {"people": "person", "children": "child", "women": "woman", "men": "man"}


def _counted_before(r: Reading, noun: str, end: int, var_toks: set[int]) -> int | None:
    """The token of the last count of `noun`s before token `end` ("caring for 5 recovering dogs", "its 30
    cats", "the 4 gorillas"): a number, at most one describing word, then the noun in the plural."""
    low = r.low
    for j in range(end - 2, -1, -1):
        if j in var_toks or not (low[j].isdigit() or low[j] in _HEADS):
            continue
        if j and (low[j - 1] in _CUE_BEFORE_COUNT or low[j - 1] == "$"):
            continue
        for k in (j + 1, j + 2):
            if k < end and k not in var_toks and low[k] != noun and low[k].isalpha() and (
                    same_word(low[k], noun) or _PLURAL_HEADS.get(low[k]) == noun):
                # "A farmer has 30 cows ... Each cow requires a minimum of 1.5 kg": NL4Opt's annotators read
                # the needs of one cow (the herd's size untagged), the diet of each
                return None if j and low[j - 1] in _OWNS else j
    return None


def _named_one_by_one(low: list[str], noun: str, n: float) -> bool:
    """The text names as many distinct `noun`s as the count says, one by one ("the cutting machine", "the
    blending machine" of "each of the two machines"): things with a row of their own each, resources, not a
    group whose needs add up."""
    one = singular(noun)
    # (a hyphened describing word names a kind as well: "the line-printing machine")
    kinds = {low[k - 1] for k in range(1, len(low)) if low[k] == one and low[k - 1].replace("-", "").isalpha() and low[
        k - 1] not in STOP | {"each", "every", "one", "per"}}
    # ("6 minutes of cutting-machine time and 3 minutes of blending-machine time": one word each)
    kinds |= {w.rsplit("-", 1)[0] for w in low if w.endswith("-" + one) and w.rsplit("-", 1)[0].replace("-", "").isalpha()}
    return len(kinds) == n


def head_count(r: Reading, s: int) -> tuple[int, float] | None:
    """(the count's token, the count) when sentence `s` states what each one of a counted group of people or
    animals needs ("A clinic cares for 5 dogs. Each dog needs at least 36 grams of protein", "Each of the 20
    players needs at least 700 mg of potassium"): the group needs that many times as much, so each of the
    sentence's limits is multiplied by the count. Not when the noun is a decision, a unit or a described
    thing ("Each acre of corn requires ...")."""
    a, b = r.sentences[s]
    low = [w.lower() for w in r.words[:b]]
    var_toks = {k for sp in r.spans if sp.label == "VAR" for k in range(sp.start, sp.end)}
    if b - a > 6 and low[a] in {"every", "each", "per"} and low[a + 1] in _PERIODS and low[a + 2] == ",":
        a += 3  # ("Every day, each cow needs ...", "Per day, every cow must get ...": the period said first)
    if b - a < 4 or low[a] not in {"each", "every"}:
        return None
    if not any(sp.label in {"LIMIT", "PARAM"} and a <= sp.start < b for sp in r.spans):
        return None  # ("Each person gets exactly one meal": no amount to take for the group; the count counts meals)
    if low[a + 1] == "of" and b - a > 6 and low[a + 2] in _POSSESSIVES and (
            low[a + 3].isdigit() or low[a + 3] in _HEADS) and low[a + 5] in _NEED_VERBS:
        # "Each of the 20 players needs ..."
        if {a + 3, a + 4} & var_toks or not low[a + 4].isalpha() or scaled_unit(stem(low[a + 4])):
            return None
        if _named_one_by_one(low, low[a + 4], float(_HEADS.get(low[a + 3]) or int(low[a + 3]))):
            return None  # ("Each of the two machines can run at most 400 minutes": each its own limit)
        return a + 3, float(_HEADS.get(low[a + 3]) or int(low[a + 3]))
    noun = low[a + 1]
    if low[a + 2] not in _NEED_VERBS or a + 1 in var_toks or not noun.isalpha() or scaled_unit(noun):
        return None
    at = _counted_before(r, noun, a, var_toks)
    if at is None:
        return None
    return at, float(_HEADS.get(low[at]) or int(low[at]))


def head_counts(r: Reading) -> set[int]:
    """The tokens of the counts `head_count` reads as the size of a group, and of the crews `_crew` multiplies
    by ("We have 3 technicians working 40 hours a week each"): they are no limits themselves."""
    crews = {found for sp in r.spans if sp.label in {"LIMIT", "PARAM"} and (found := _crew_count(r, sp)) is not None}
    return {found[0] for s in r.sentences if (found := head_count(r, s)) is not None} | crews


def _per_head(r: Reading, sp: Span) -> float:
    """How many times a limit is to be taken for the group it is said of each one of (`head_count`); 1 when
    it is said of no counted group, or in a later clause with its own subject ("..., and the clinic can
    spend at most $100")."""
    s = r.tokens[sp.start].sent
    found = head_count(r, s)
    if found is None or sp.start <= found[0]:
        return 1.0
    a = r.sentences[s][0]
    low = [w.lower() for w in r.words[a: sp.start]]
    for k in range(len(low) - 1):
        if low[k] in {"and", "but", "while", "whereas", ",", ";"} and low[k + 1] in _POSSESSIVES | {"a", "an", "there"}:
            return 1.0
    return found[1]


def _clause_after(r: Reading, sp: Span, n: int = 10) -> str:
    out: list[str] = []
    for k in range(sp.end, min(sp.end + n, len(r.words))):
        if r.words[k] in {",", ".", ";", "?", "!", ":"}:
            break
        out.append(r.words[k].lower())
    return " ".join(out)


def past_or_bound(words: list[str], k: int) -> int:
    """Where what an amount counts is named: past an "or more" / "or less" / "or fewer" at k ("$2000 or more into
    the healthcare industry", "20 or more orders of tacitos")."""
    return k + 2 if [w.lower() for w in words[k: k + 2]] in (["or", "more"], ["or", "less"], ["or", "fewer"]) else k


def _unit(r: Reading, sp: Span) -> str:
    if (sp.start > 0 and r.words[sp.start - 1] == "$") or "$" in sp.text:
        return "MONEY"  # "spend at most $250 on transporting potatoes": money, whatever follows
    k = past_or_bound(r.words, sp.end)  # ("20 or more orders of tacitos": the unit after the bound's words)
    found = [c[0] for w in r.words[k: k + 2] if (c := content([w]))]
    # "30 volunteer hours", "200 machine hours": people put what the time is of between the number and
    # its unit; the unit (which a limit in hours against coefficients in minutes needs) is the second word
    if len(found) == 2 and scaled_unit(found[1]) and not scaled_unit(found[0]):
        return found[1]
    return found[0] if found else ""


def _limit_context(r: Reading, sp: Span) -> Counter[str]:
    from modeler.strategies.offline.reading import _context

    labels = ["O"] * len(r.words)
    for x in r.spans:
        if x.label in {"VAR", "PARAM", "LIMIT"}:
            for k in range(x.start, x.end):
                labels[k] = x.label
    ctx = _context(r.words, labels, sp.start, sp.end, limit=True)
    ctx.update({k: 1 for k in _clause_subject(r, sp, labels) if k not in ctx})
    # "40 marshal-sessions", "420 crew-hours": a unit joined to what it is of names that resource too
    if sp.end < len(r.words) and r.words[sp.end].count("-") == 1 and r.words[sp.end].replace("-", "").isalpha():
        ctx.update({k: 1 for k in content(r.words[sp.end].split("-")) if k not in ctx})
    s = r.tokens[sp.start].sent
    if sp.start >= 2 and [w.lower() for w in r.words[sp.start - 2: sp.start]] == [",", "with"]:
        # ("Fertilizer needs per acre are 3, 2, and 1 units respectively, with 600 units available": the stock of what
        # the sentence's numbers measure, named where the sentence opens)
        a = r.sentences[s][0]
        first = next((x.start for x in r.spans if x.label == "PARAM" and a <= x.start < sp.start), sp.start)
        ctx.update({k: 1 for k in content(r.words[a:first]) if k not in ctx})
    # the sentence's direction words ("budget", "available") name resources too, each the one of the
    # limits next to it: "a budget of $30000 for saplings and 600 available hours" (no other limit between)
    limits = [x for x in r.spans if x.label == "LIMIT" and x is not sp]
    for d in r.spans:
        if d.label == "CONST_DIR" and r.tokens[d.start].sent == s and not any(
                min(d.end, sp.end) <= x.start < max(d.start, sp.start) for x in limits):
            ctx.update(content(d.text.split()))
    k = sp.start - 1 - (sp.start > 0 and r.words[sp.start - 1] == "$")
    if "PROFIT" in ctx and k >= 1 and r.words[k].lower() == "on" and content([r.words[k - 1]]) == ["PROFIT"]:
        # ("the yearly return on $80000"): the money the return is earned on, not a return
        del ctx["PROFIT"]
    if "PROFIT" in ctx and (sp.start == 0 or r.words[sp.start - 1] != "$") and any(
            r.words[j].lower() in {"sales", "sale"} and labels[j - 1] == "VAR" for j in range(max(1, sp.start - 8), sp.start)):
        # ("Chocolate cone sales must be between 30 and 50"): the sales of a named kind count it, they earn nothing
        del ctx["PROFIT"]
    if "MONEY" in ctx and _unit(r, sp) in {"HOUR", "MINUTE"}:
        # ("i don't want to spend more than 12 hours total commuting": time spent, not money)
        del ctx["MONEY"]
    return ctx


def _clause_subject(r: Reading, sp: Span, labels: list[str]) -> list[str]:
    """"the sludge press can take no more than 4,000 kilograms": the resource a limit's clause names before
    it, past the words `_context` reads (not a variable's name, nor a number's words)."""
    out: list[str] = []
    modal = False
    for k in range(sp.start - 1, max(sp.start - 13, -1), -1):
        w = r.words[k].lower()
        if w in {",", ".", ";", "?", "!", ":", "and", "while", "but", "whereas"} or labels[k] in {"PARAM", "LIMIT"}:
            break
        if w in {"can", "could", "cannot", "may", "must"} or (w in {"has", "have"} and k > 0 and labels[k - 1] == "O"):
            # what the subject can take: a capacity ("the sulfur fed to the mill must not exceed 10,000 kg");
            # or what it must get ("The tumor must get at least 60 Gy" beside "gives 3 Gy to the tumor"); or what
            # it has ("The design team has at most 30 hours" beside "Designing takes 3 hours")
            modal, out = True, []
        elif labels[k] != "VAR":
            out.append(r.words[k])
    return content(out) if modal else []


def _named_at(r: Reading, k: int) -> int | None:
    """The variable the word at k names, tagged or by a word only its name has."""
    if k in r.mention_var:
        return r.mention_var[k]
    return r.distinct.get(stem(r.words[k]), _open_compound(r, k))


def _open_compound(r: Reading, k: int) -> int | None:
    """"native speakers" for "native-speaker teachers": a hyphenated word of one variable's name written
    open, in two words."""
    if k + 1 >= len(r.words) or not r.words[k].isalpha() or not r.words[k + 1].isalpha():
        return None
    return r.distinct.get(stem(f"{r.words[k]}-{r.words[k + 1]}"))


# units of time a question may count after a word that says what the time is for ("How many service hours")
_TIME_UNITS = frozenset(stem(x) for x in "hour hours day days minute minutes week weeks shift shifts".split())


def _asked(r: Reading, k: int) -> bool:
    """The word at k is what the question counts ("How many kilograms of each wax ..."); a unit joined to
    what it is of ("250 picker-hours" when the question asks "How many hours") is that unit."""
    w = stem(r.words[k].rsplit("-", 1)[-1] if r.words[k].count("-") == 1 else r.words[k])
    return any(a.lower() == "how" and b.lower() == "many" and (stem(c) == w or _UNIT_NAMES.get(w.lower()) == stem(c) or (
        c.isalpha() and c.islower() and stem(d) == w and w in _TIME_UNITS))  # "How many service hours"
               for a, b, c, d in zip(r.words, r.words[1:], r.words[2:], [*r.words[3:], ""], strict=False))


# a unit's short name and the stem of its long one: "1000 kg" in a text that asks "How many kilograms"
_UNIT_NAMES = {"kg": "kilogram", "g": "gram", "ml": "millilitre", "l": "litre", "t": "tonne", "lb": "pound",
               "lbs": "pound", "hr": "hour", "hrs": "hour", "km": "kilometre"}


def _money_decisions(r: Reading) -> bool:
    """The decisions are amounts of money ("invest in ...", "how much money")."""
    text = " ".join(r.words).lower()
    if _PRICED_EACH.search(text) and not _PER_DOLLAR.search(text):
        return False  # ("invests in solar and wind projects ... A solar project costs $500000": projects are bought)
    return ("invest" in text and "how many" not in text) or "how much money" in text or bool(
        "$" in text and "how many" not in text and (_PUT_MONEY.search(text) or _PLACED.search(text) or _PER_DOLLAR.search(
            text) or (_PUT_SUM.search(text) and _RETURNS.search(text))))


# "A solar project costs $500000": one of a thing bought at a price
_PRICED_EACH = re.compile(r"\b(?:a|an|each|one) [a-z-]+(?: [a-z-]+)? (?:costs|is priced at|sells for) \$")


# "Each dollar on A brings $1.5 in sales", "every dollar spent on radio": what each dollar put in one option does
_PER_DOLLAR = re.compile(r"\b(?:each|every|per) dollar (?:(?:spent|invested|allocated|put) )?(?:on|in|into|to)\b")


# "We hold $250,000 in reserves and want all of it placed ... earns the most interest", "$40,000 ... want to put
# all of it to work ... the biggest yearly return": money placed to earn interest at a rate is what is decided,
# though nobody says "invest"
_PLACED = re.compile(r"\b(?:placed|to place|place it|put (?:it |all of it |them )?to work|deposited)\b.*"
                     r"\b(?:interest|returns?|yield)\b|\b(?:interest|returns?|yield)\b.*\b(?:placed|deposited)\b")


# "will put exactly $200,000 into mutual funds and cryptocurrencies, whose returns are 4.1% and 7.5%": a sum put into
# things that return a rate is split among them
_PUT_SUM = re.compile(r"\b(?:put|puts|place|places)\b(?: [a-z]+){0,2} \$ ?[\d,.]+(?: [a-z]+)? (?:in|into)\b")
_RETURNS = re.compile(r"\b(?:interest|returns?|returning|yields?|yielding)\b")


# "How much should he put into each?": with sums of money in the text, the decisions are amounts put in
_PUT_MONEY = re.compile(r"\bhow much (?:should|must|will|would|can|does|do) (?:[a-z]+ ){0,3}?(?:put|place|deposit|lend) "
                        r"(?:in|into|on)\b")


def _common_head(r: Reading, k: int) -> bool:
    """The word at k ends a name of every variable ("at most 150 sandwiches" of "peanut butter sandwiches"
    and "chocolate spread sandwiches"): it counts them all, whichever name kept it."""
    w = stem(r.words[k])
    return len(r.variables) >= 2 and (all(
        any(m.split() and w in {stem(m.split()[-1]), _hyphen_tail(m)} for m in v.mentions) for v in r.variables) or _sized_kinds(r, w))


def _hyphen_tail(mention: str) -> str:
    """The stem after a one-letter prefix of a name's last word ("bike" of "e-bikes", "shirt" of "t-shirts"): a
    bare "bikes" beside "e-bikes" and "regular bikes" ends both names ("peak" of "off-peak" is another thing)."""
    head, _, tail = mention.split()[-1].partition("-")
    return stem(tail) if len(head) == 1 and head.isalpha() and len(tail) > 2 and "-" not in tail else ""


# modifiers that name sizes or grades of one thing, which people also use alone as its name ("a double")
_KIND_WORDS = frozenset("single double triple small medium large big regular premium standard deluxe".split())


def _sized_kinds(r: Reading, w: str) -> bool:
    """"room for 30 kayaks" when the decisions are "single kayak" and "double": a name that is one size word
    alone takes the head of a name that is another size word and that head, so the head counts them all."""
    full = [v for v in r.variables if any(len(m.split()) == 2 and m.split()[0].lower() in _KIND_WORDS
                                          and stem(m.split()[1]) == w for m in v.mentions)]
    bare = [v for v in r.variables if all(len(m.split()) == 1 and (m.lower() in _KIND_WORDS or (
        m.lower()[:-1] in _KIND_WORDS and m.lower().endswith("s"))) for m in v.mentions)]
    return bool(full) and bool(bare) and len(full) + len(bare) == len(r.variables)


def _head_of(r: Reading, k: int) -> bool:
    """The word at k ends its variable's name ("40 suits" of "2-piece suits"; "600 eggs" is not "eggs
    benedict")."""
    v = r.variables[r.distinct[stem(r.words[k])]]
    heads = {stem(m.split()[-1]) for m in v.mentions if m.split()}
    # or the head comes next, however spelt ("40 2-piece suites" of "2-piece suits")
    nxt = stem(r.words[k + 1]) if k + 1 < len(r.words) else ""
    # ("10 radio ads" of "radio ads": a short head spelt alike; "4 large ones": the head left out)
    return stem(r.words[k]) in heads or nxt in heads or (k + 1 < len(r.words) and r.words[k + 1].lower() in {
        "one", "ones"}) or (len(nxt) > 3 and any(h[:4] == nxt[:4] for h in heads))


def _listed_with_another(r: Reading, var: int, sp: Span) -> bool:
    """The variable after a limit is followed by "and|or <another variable>" ("40 vans and trucks")."""
    # within the limit's sentence: "room for at most 24 panels. How many panels and turbines ..." lists
    # the question's names, not the limit's
    _, b = r.sentences[r.tokens[sp.start].sent]
    k = next((k for k in range(sp.end, min(sp.end + 6, b)) if r.mention_var.get(k) == var), None)
    if k is None:
        return False
    end = next((x.end for x in r.spans if x.start == k), k + 1)
    nxt = r.words[end].lower() if end < len(r.words) else ""
    other = end + 2 if end + 2 < len(r.words) and r.words[end + 1].lower() == "the" else end + 1  # "X and the Y"
    # (not "at least 20 laptops and the tablets cannot exceed 50": a clause of its own)
    return nxt in {"and", "or"} and r.mention_var.get(other, var) != var and not opens_clause(r, end)


# a modal right after a name that follows "and": the "and" opens a clause ("... and rail must carry ..."); not "is" /
# "are", which follow names joined as one subject as often ("Plums and cherries are grown on 40 acres")
_CLAUSE_VERBS = frozenset("must can should will may cannot".split())
# ("At most 500 kg goes by air and rail carries at least 800 kg": a verb of the present after a clause that gave a
# number; not at a sentence's opening, "Plums and cherries need 3 hours")
_PRESENT_VERBS = frozenset("carries carry goes go gets get takes take uses use receives receive sells sell makes make "
                           "produces produce requires require holds hold gives give".split())


def opens_clause(r: Reading, k: int) -> bool:
    """The "and" (or "while", "but", "whereas") at k opens a clause: a name (after "the" / "its" / "their") and a
    verb of its own follow."""
    if r.words[k].lower() not in {"and", "while", "but", "whereas"} or k + 2 >= len(r.words):
        return False
    if r.words[k].lower() == "and" and r.words[k + 1].lower() == "that":
        return True  # ("insists that at least 25% go to education and that wood take at most 70%": another "that")
    at = k + 2 if r.words[k + 1].lower() in {"the", "its", "their"} else k + 1
    if at not in r.mention_var:
        return False
    end = next((x.end for x in r.spans if x.label == "VAR" and x.start == at), at + 1)
    if end >= len(r.words):
        return False
    verb = r.words[end].lower()
    a, _ = r.sentences[r.tokens[k].sent]
    return verb in _CLAUSE_VERBS or (verb in _PRESENT_VERBS and any(
        x.label in {"LIMIT", "PARAM"} and a <= x.start < k for x in r.spans))
