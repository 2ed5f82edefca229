"""The direction of a LIMIT ("<=", ">=", "==") when no plain cue word gives it: the words right before and
after the number, stocks ("there are 18 booths", "900 minutes are available"), duties and promises ("must be
delivered", "already promised"), amounts to cover or use up ("to pack all 600 kg", "invest all of it")."""

from __future__ import annotations

import re

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.limit_words import _PP, _clause_after, _clause_before, _unit
from modeler.strategies.offline.reading import Reading
from modeler.strategies.offline.repairs import ALL_MUST, FULLY_USED, OWED, SUPPLIED, made_into
from modeler.strategies.offline.words import OR_BOUND, direction, parse_value, stem


def _cue(r: Reading, sp: Span) -> str:
    """The CONST_DIR words nearest the limit in its sentence, else the words before it."""
    s = r.tokens[sp.start].sent
    after = [w.lower() for w in r.words[sp.end: sp.end + 4]]
    for i in range(min(3, len(after) - 1)):  # "which is 150 hours at most": the cue said right after the amount
        if after[i] == "at" and after[i + 1] in {"most", "least"} and (i + 2 >= len(after) or not after[i + 2][:1].isalnum()):
            return f"at {after[i + 1]}"
        if not after[i].isalpha() or after[i] in {"and", "or"}:
            break
    dirs = [d for d in r.spans if d.label == "CONST_DIR" and r.tokens[d.start].sent == s]
    # "at least 1.5 kg of protein, 2.1 kg of fiber and 30.5 Mcal of energy, but at most 6 kg of barley": a cue
    # past a "but" opens the contrast, it does not reach back over the list the cue before it leads
    dirs = [d for d in dirs if not _past_but(r, sp, d)] or dirs
    # ("I drive 8 hours a weekend and want at least 6 package deliveries": a cue in the next clause is that
    # clause's own)
    dirs = [d for d in dirs if not _next_clause(r, sp, d)]
    if dirs:
        d = min(dirs, key=lambda d: abs(d.start - sp.start) + (0 if d.start < sp.start else 2))
        return d.text
    a, _ = r.sentences[s]
    return " ".join(r.words[max(a, sp.start - 4): sp.start])


# a verb right after "and", its subject the clause's before: "... a weekend and want at least 6 ..."
_VERBS_AFTER_AND = frozenset("want wants need needs must should would will also has have plan plans".split())


def _next_clause(r: Reading, sp: Span, d: Span) -> bool:
    """A cue after the limit past "and" and a verb of its own, which opens the next clause."""
    return d.start > sp.end and any(r.words[k].lower() == "and" and r.words[k + 1].lower() in _VERBS_AFTER_AND
                                    for k in range(sp.end, d.start - 1))


def _past_but(r: Reading, sp: Span, d: Span) -> bool:
    """A cue after the limit with a "but" between them, when another cue comes before the limit."""
    return d.start > sp.end and any(w.lower() in {"but", "however", "whereas"} for w in r.words[sp.end: d.start]) and any(
        x.label == "CONST_DIR" and x.end <= sp.start and r.tokens[x.start].sent == r.tokens[sp.start].sent for x in r.spans)


def _words_before(r: Reading, sp: Span) -> str:
    """Up to eight words right before a limit, within its clause: "needs to move 1000" says ">=" even
    where the tagger found another sentence's cue ("a maximum of 40%") nearer, and "does not want to
    spend more than $500" keeps its negation."""
    out: list[str] = []
    for k in range(sp.start - 1, max(sp.start - 9, -1), -1):
        if r.words[k] in {",", ".", ";", "?", "!"} or any(
                x.start <= k < x.end for x in r.spans if x.label in {"VAR", "PARAM", "LIMIT"}):
            break
        out.append(r.words[k])
    return " ".join(reversed(out))


# a bare comparison that opens a later item of one "or" list: "cannot make more than 200 digital watches or more
# than 180 analog watches"
_BARE_COMPARISON = re.compile(r"\b(?:or|nor) (more|fewer|less|greater|higher|lower) than$")


def _negation_carried(r: Reading, sp: Span) -> str | None:
    """The sense of the limit before for "or more than 180 analog watches" when that one's comparison was
    negated ("cannot make more than 200 digital watches or more than 180 ..."): one negation governs every
    item its "or" list joins, so the later "more than" is a most too, not a least."""
    m = _BARE_COMPARISON.search(_words_before(r, sp).lower())
    if m is None:
        return None
    prev = _limit_before(r, sp)
    # (one clause: no stop or contrast between the two items)
    if prev is None or sp.start - prev.end > 10 or any(
            w.lower() in {",", ";", ":", "but", "however", "while", "whereas", "and"} for w in r.words[prev.end: sp.start]):
        return None
    before = _words_before(r, prev).lower()
    # (the earlier item's own comparison is the same word, turned round by a negation before it)
    if not before.endswith(f"{m.group(1)} than"):
        return None
    sense = direction(before)
    return sense if sense != direction(f"{m.group(1)} than") else None


def _available_after(r: Reading, sp: Span) -> str | None:
    """"<=" for a limit its own clause then calls available ("900 oven minutes are available")."""
    out: list[str] = []
    for k in range(sp.end, min(sp.end + 12, len(r.words))):  # over a list: "60000 g of flour and 900 ..."
        if r.words[k] in {",", ".", ";", "?", "!"}:
            break
        out.append(r.words[k].lower())
    text = " ".join(out)
    # ("60 kilograms of flour are delivered daily", "400 tonnes are on hand": a supply, as much as there is)
    return "<=" if re.search(r"\b(is|are)( still| only)? available\b", text) or SUPPLIED.search(text + " ") else None


def _negated_subject(r: Reading, sp: Span) -> str | None:
    """The direction a clause gives whose subject is negated before an aside: "Neither machine, the grinder
    or the polisher, can run for more than 12 hours" (the words right before the limit stop at the aside's
    comma and lose the "neither" that turns "more than" into a most)."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    text = " ".join(w.lower() for w in r.words[a: sp.start])
    # (one aside between commas is dropped; the clause the limit stands in is what is left after the last
    # clause break)
    text = re.sub(r", [^,;]*, ", " ", text)
    clause = re.split(r" [,;:] | and | but | while ", f" {text}")[-1].strip()
    # (", and neither device can be used for more than": the clause's joining word is no part of its subject)
    clause = re.sub(r"^(?:and|but|while|so) ", "", clause)
    if not re.match(r"(?:neither|none of)\b", clause):
        return None
    # (the negation is read with the verb's own words, as "cannot be run for more than" would be: the
    # subject's name may be longer than the few words a negation reaches over)
    m = re.search(r"\b(?:can|could|may|might|will|would|shall|should|must|is|are|was|were|does|do)\b(.*)$", clause)
    return direction(f"not {m.group(1)}" if m else clause)


_HAD = re.compile(r"\b(?:has|have|had|got)(?: only| just| about| around)?$")


def _had_too(r: Reading, sp: Span) -> str | None:
    """"<=" for the later amounts of one list after "has" / "have": "We have 1,800 cans and 30 volunteer
    hours, and ...", "I have 5 kg of flour, 2 kg of sugar": first-person notes list their stocks after one
    "have", and each is a most (the first is read by the "has" before it)."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    # ("we have 20 staff, and 8 must be seniors": a duty on the number is no stock)
    if any(w.lower() in _NOT_ITEM or w in {"to", "be"} for w in _own_item(r.words[sp.end: min(sp.end + 4, b)])):
        return None
    k, items = sp.start - 1, 0
    while k > a:
        # back over the list's joint ("and" / ","), then over one item ("1,800 cans", "5 kg of flour")
        if r.words[k].lower() not in {"and", ","}:
            return None
        while k > a and r.words[k].lower() in {"and", ","}:
            k -= 1
        j = k
        while j > a and not any(x.start <= j < x.end for x in r.spans if x.label in {"LIMIT", "PARAM"}) and (
                r.words[j].isalpha() and k - j < 4 and r.words[j].lower() not in _NOT_ITEM):
            j -= 1
        prev = next((x for x in r.spans if x.label in {"LIMIT", "PARAM"} and x.start <= j < x.end), None)
        if prev is None:
            return None
        items += 1
        k = prev.start - 1 - (1 if prev.start > a and r.words[prev.start - 1] == "$" else 0)
        if _HAD.search(" ".join(w.lower() for w in r.words[max(a, k - 2): k + 1])):
            return "<="
    return None


def _own_item(after: list[str]) -> list[str]:
    """The words after a listed amount up to the list's next joint: "has $770,000 and 38 parking spaces and needs
    at least 272 seats" -- the duty after "and" opens a clause of its own, it is no word of the 38's item."""
    low = [w.lower() for w in after]
    cut = next((k for k, w in enumerate(low) if w in {"and", ",", ";", "but"}), len(after))
    return after[:cut]


# words that no listed stock's own phrase holds: a duty or a direction starts a clause of its own
_NOT_ITEM = frozenset("must need needs should at least most no more less than promised want wants required".split())


def _there_is(r: Reading, sp: Span) -> str | None:
    """"<=" for "There are 18 booths and ...", "there are only 12 lids": an existential that states what
    there is, when the noun phrase after the number ends the clause (or an "and" begins the next) with no
    duty on it ("there are 300 parcels to deliver", "there are 40 guests who need a seat" are owed)."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    before = " ".join(w.lower() for w in r.words[max(a, sp.start - 4): sp.start])
    if not re.search(r"(?:^|[,;] |\band |\b(?:each|every|per) (?:day|week|month|year|shift) )there (?:are|is|will be)"
                     r"(?: only| just)?$", before):
        prev = _listed_after(r, sp)
        return _there_is(r, prev) if prev is not None else None
    for k in range(sp.end, min(sp.end + 6, b)):
        w = r.words[k].lower()
        if w in {",", ";", ".", "?", "!", "and", "but", "so", "in", "on", "at", "available", "total"}:
            return "<="
        if not w.isalpha() or w in {"to", "that", "who", "which", "must", "need", "needs", "waiting", "each",
                                     "per", "a", "an", "every"}:
            return None
    return None


def _limit_before(r: Reading, sp: Span) -> Span | None:
    """The last limit before `sp` in its sentence."""
    prev = [x for x in r.spans if x.label == "LIMIT" and x.end <= sp.start
            and r.tokens[x.start].sent == r.tokens[sp.start].sent]
    return prev[-1] if prev else None


def _listed_after(r: Reading, sp: Span, joints: tuple[str, ...] = (",", "and")) -> Span | None:
    """The limit a limit follows in one list ("there are 80 hours of press time, 80 hours of coating time and
    90 hours of packaging time"): the one before it in its sentence with only its measure's words, a comma or
    an "and" (or another of `joints`) between."""
    prev = _limit_before(r, sp)
    if prev is None or sp.start - prev.end > 8:
        return None
    between = [w.lower() for w in r.words[prev.end: sp.start]]
    if between[-1:] not in [[j] for j in joints] or any(not w.isalpha() and w != "," for w in between) or any(
            w in {"must", "need", "needs", "can", "should", "to", "that", "who", "which", "is", "are", "but"}
            for w in between) or any(x.start in range(prev.end, sp.start) for x in r.spans):
        return None
    return prev


def _list_lead(r: Reading, sp: Span) -> str | None:
    """The direction the words before a list's first amount give every later amount of it: "cannot use more
    than 4000 g of meat, 5000 g of cheese or 5200 g of sauce" -- the later items have no words of their own
    before them, and the nearest cue ("more than") would lose the negation that leads the list ("or" joins
    such a list as well as "and": each item is a most on its own)."""
    first, k = None, sp
    while (k := _listed_after(r, k, (",", "and", "or"))) is not None:
        first = k
    return direction(_words_before(r, first)) if first is not None else None


def _owed(r: Reading, sp: Span) -> str | None:
    """">=" for a limit after an obligation to deliver in its sentence ("a contract to provide a store
    with 12 kg of ..."): what is owed is a least amount, though no direction word says so."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    if OWED.search(" ".join(r.words[a: sp.start])):
        return ">="
    # an obligation whose verb takes the number itself, or a list of numbers joined to it ("George has
    # to collect 50 units of wood and 60 units of metal"): a duty met by an amount is met by more of it
    return ">=" if _DUTY.search(" ".join(r.words[a: sp.start + 1])) else None


_ONLY = re.compile(r"(?:^|\s)(?:only|just)(?: [a-z']+){0,2}$")


def _only_so_many(r: Reading, sp: Span) -> str | None:
    """"<=" for a number that "only" puts right before it, up to two words away ("we've only got 60 of them",
    "can only take 45 shifts", "will only sell us 12 featured weeks", "Only 2 minibuses are free"): so many
    and no more, whatever need the clause names first ("every pitch needs a hook-up and we've only got 60")."""
    if _ONLY.search(_words_before(r, sp).lower()):
        return "<="
    # ("there are only enough vans for 20 van trips": what there is only enough of, a name or not, then "for")
    return "<=" if _ONLY_ENOUGH.search(_clause_before(r, sp, 8)) else None


_ONLY_ENOUGH = re.compile(r"\b(?:only|just) enough(?: [\w'-]+){0,3} (?:for|to cover|to make)$")


def _or_less_after(r: Reading, sp: Span) -> str | None:
    """"demand will be 275 web cams or fewer in total", "keeping his fiber to 25 units or fewer": an amount
    that "or fewer" / "or more" follows, its unit between, is bounded so, whatever duty word ("demand",
    "must") the clause says before it."""
    after = [w.lower() for w in r.words[sp.end: sp.end + 6]]  # (one past the five read: the "than" of "or more than")
    for i in range(min(len(after), 5) - 1):
        if after[i] == "or":  # (not "40 loaves or more than 25 cakes": a second comparison, not a bound on 40)
            return None if after[i + 2: i + 3] == ["than"] else OR_BOUND.get(after[i + 1])
        if not after[i].isalpha() or after[i] in {"and", "per", "each", "a", "an"}:
            return None
    return None


_PROMISED = re.compile(r"\b(?:already [a-z]+ed|promised|pledged|guaranteed)$")


def _promised(r: Reading, sp: Span) -> str | None:
    """">=" for a number right after a commitment already made ("they've already promised four small
    jobs", "has already booked 12 rooms"): what is promised is a least amount, whatever bound the
    sentence states before it."""
    return ">=" if _PROMISED.search(" ".join(w.lower() for w in r.words[max(sp.start - 3, 0): sp.start])) else None


_DONE = re.compile(rf"(?:[a-z-]+ ){{0,3}}(?:must|has to|have to|needs to|need to) be [a-z]+{_PP}\b")
_DUTY = re.compile(r"\b(?:must|has to|have to|had to|needs to|need to) [a-z]+ [\d.,]*\d(?: [a-z]+){0,4}"
                   r"(?: (?:,|and|, and) [\d.,]*\d(?: [a-z]+){0,4})*(?: ,| and|, and)?$", re.I)

# "shelf space limits the print copies to 150", "regulations cap the audience at 620"
_VERB_BOUND = re.compile(r"\b(?:limits?|limited|caps?|capped|restricts?|restricted)\b(?: [\w'-]+){0,6}? (?:to|at)"
                         r"(?: (?:a|an|\$|most|maximum|of))*$")
# "63,000 jobs have to be processed", "a target of 6,100 tonnes a day must be met": a duty on the amount
_DUTY_AFTER = re.compile(r"^(?:[\w'-]+ ){0,5}?(?:must|has to|have to|needs to|need to|should) be (?!exceeded|more|less|"
                         r"at|no|under|below|over|above|kept|limited|capped)[a-z]+")
_NOT_EXCEEDED = re.compile(r"^(?:[\w'-]+ ){0,5}?(?:must not|mustn't|may not|should not|cannot|can not|can't) be exceeded")

# verbs of handling an amount: what one has "to pack" is to be covered by the items that pack it
_HANDLE = (r"(?:pack|move|ship|carry|transport|deliver|haul|seat|feed|serve|house|accommodate|cover|clear|"
           r"process|fill|look after|take care of|cater for)")
_TO_HANDLE = re.compile(rf"^(?:[a-z-]+ ){{0,4}}?to {_HANDLE}\b")
# ("buys buses and vans to take 400 students on a trip": whom the decisions take somewhere)
_HANDLE_BEFORE = re.compile(rf"\bto (?:{_HANDLE}|take|bring)$")
_TAKING_BEFORE = re.compile(r"\b(?:is|are) (?:taking|sending|bringing|moving|transporting|driving|flying)$")
_EVERYONE = re.compile(r"\bso (?:that )?(?:everyone|everybody|every guest|every person|each guest|each person)\b")
_ALL_HANDLED = re.compile(rf"\b(?:to|must|can|will|should|could) (?:be able to )?{_HANDLE} all (?:the |of the )?"
                          r"([\d,]+ )?([a-z-]+)")


def _covered(r: Reading, sp: Span, objective_sense: str) -> str | None:
    """">=" for an amount that the items must cover at least cost, though no direction word says so: "I have
    600 kg of books to pack" (the boxes' capacities cover it), "a hall for 300 guests ... so everyone has a
    seat", "a session of 120 children ... must look after all the children". With a goal to maximize,
    what one has to process is a stock ("has 200 units of compound A to process")."""
    if objective_sense != "min":
        return None
    if _TO_HANDLE.match(" ".join(w.lower() for w in r.words[sp.end: sp.end + 7])):
        return ">="
    # ("wants to deliver 150000 packages", "needs to ship 400 crates": what is to be handled, right before)
    if _HANDLE_BEFORE.search(" ".join(w.lower() for w in r.words[max(0, sp.start - 3): sp.start])):
        return ">="
    # ("A school is taking 560 students to a science fair", "is sending 150 employees to a retreat": the ones
    # it takes somewhere, every one of them)
    if _TAKING_BEFORE.search(" ".join(w.lower() for w in r.words[max(0, sp.start - 2): sp.start])):
        return ">="
    # ("We want a favour for each of our 120 guests": one for every one of them, at least)
    before = [w.lower() for w in r.words[max(0, sp.start - 4): sp.start]]
    if before[-3:] == ["for", "each", "of"] or before[-4:-1] == ["for", "each", "of"] and before[-1] in {
            "our", "the", "my", "their", "all"}:
        return ">="
    # (what one has, in a sentence whose one direction is a duty: "has 900 books that must all be packed")
    said = direction(r.sentence_text(r.tokens[sp.start].sent))
    if _held_whole(r, sp, {"has", "have"} if said in {None, ">="} else set()):
        return ">="
    if said is not None:
        return None
    # "The council order is 600 panels and 1,500 letter sets": an order's amounts are to be filled ("saving for
    # a used laptop, $1,140": so is a sum saved for)
    a, _ = r.sentences[r.tokens[sp.start].sent]
    low = [w.lower() for w in r.words[a: sp.start]]
    if any(w in {"saving", "save"} for w in low[-8:]) or _aimed_at(r, sp):
        return ">="
    if any(w in {"order", "orders"} and k + 1 < len(low) and low[k + 1] in {"is", "are", "of", "for", ":"}
           for k, w in enumerate(low)):
        return ">="
    text = " ".join(w.lower() for w in r.words)
    if sp.start > 0 and r.words[sp.start - 1].lower() == "for" and _EVERYONE.search(text):
        return ">="
    # "a wedding for 300 guests ... A caterer can look after 25 guests" ("A pizza serves 3 guests"): what each item
    # can handle, the whole "for" which the items are booked is to be covered
    if sp.start > 0 and r.words[sp.start - 1].lower() == "for" and sp.end < len(r.words) and re.search(
            rf"\b{_HANDLE}(?:s|es)? (?:up to |as many as )?[\d.,]+ {re.escape(r.words[sp.end].lower())}\b", text):
        return ">="
    if _held_whole(r, sp):
        return ">="
    own = {stem(w.lower()) for w in r.words[sp.end: sp.end + 3]}
    return ">=" if any(stem(m.group(2)) in own for m in _ALL_HANDLED.finditer(text)) else None


_HANDLES = re.compile(rf"^{_HANDLE}(?:s|es)$")


def _held_whole(r: Reading, sp: Span, had: set[str] | None = None) -> bool:
    """"A driver ... shifts about 300 crates ... The client has 3,000 crates", "A large box holds 30 books ...
    The store has 900 books that must all be packed", "A toy maker ships 2,400 toys ... A big carton holds 48
    toys": at least cost, what someone has (`had`: the verbs of having taken here) or handles (a handling verb
    in the present tense right before the amount), in the unit each item handles or holds, is to be covered."""
    if sp.start == 0 or sp.end >= len(r.words):
        return False
    w = r.words[sp.start - 1].lower()
    a, _ = r.sentences[r.tokens[sp.start].sent]
    # (a decision named before the verb does the handling: "Each truck costs $250 and moves 1000 lbs")
    if not (w in ({"has", "have"} if had is None else had) or _HANDLES.match(w) and not any(
            x.label == "VAR" and a <= x.start < sp.start for x in r.spans)):
        return False
    text = " ".join(x.lower() for x in r.words)
    return bool(re.search(rf"\b(?:{_HANDLE}|shift|carrie|hold)(?:s|es)? (?:about |around |up to )?[\d.,]+ "
                          rf"{re.escape(r.words[sp.end].lower())}\b", text))


_AIMS = frozenset("want wants wanted need needs needed has have had plans plan aims aim expects expect".split())


def _aimed_at(r: Reading, sp: Span) -> bool:
    """"If the delivery service wants to deliver 150000 packages, minimize the total number of deliveries":
    at least cost, an amount one wants or needs to get done ("wants to deliver", "needs to move") is the
    least that must be done (money one wants to spend is no such amount)."""
    before = [w.lower() for w in r.words[max(0, sp.start - 3): sp.start]]
    return len(before) == 3 and before[0] in _AIMS and before[1] == "to" and before[2].isalpha() and before[
        2] not in {"spend", "pay", "use", "invest", "buy", "be", "have", "keep"}


_PART_FOLLOWS = re.compile(r"^(?:[\w'-]+ ){0,4}?, (?:of which|of whom|of these|of them)\b")


def _whole_of_part(r: Reading, sp: Span) -> str | None:
    """"<=" for a whole with no direction word of its own that a clause about a part of it follows ("The
    attraction sells 500 tickets, of which they reserve at least 100 to be premium"): the part's "at least"
    bounds the part, and the whole is what there is to sell. A whole that is owed ("must hire 50 workers, of
    whom ...") keeps its duty."""
    if not _PART_FOLLOWS.search(" ".join(w.lower() for w in r.words[sp.end: sp.end + 8])):
        return None
    return None if _owed(r, sp) or direction(_clause_before(r, sp)) else "<="


def _said_again(r: Reading, sp: Span) -> bool:
    """"its summer session of 120 campers ... must be able to look after all 120 campers": an amount with no
    direction of its own that a later clause states again as what must be covered is that one row."""
    if _so_restated(r, sp):
        return True
    if direction(r.sentence_text(r.tokens[sp.start].sent)) is not None:
        return False
    later = " ".join(w.lower() for w in r.words[sp.end:])
    own = {stem(w.lower()) for w in r.words[sp.end: sp.end + 3]}
    return any(m.group(1) and parse_value(m.group(1)) == parse_value(sp.text) and stem(m.group(2)) in own
               for m in _ALL_HANDLED.finditer(later))


def _so_restated(r: Reading, sp: Span) -> bool:
    """"I only have 30 solo clients, so at most 30 solo walks a week": the reason, then "so" and the rule with the
    same number: the rule is the row, the reason none of its own."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    k = next((k for k in range(sp.end, min(sp.end + 8, b)) if r.words[k].lower() == "so"), None)
    if k is None or any(r.words[j] in {".", ";", "?", "!"} for j in range(sp.end, k)):
        return False
    # ("can support at most 4 drop-off points, so the number of drop-off points cannot exceed 4 times the number
    # of recycling centers": the rule after "so" may say the number further on, as a multiple)
    return any(x.label == "LIMIT" and k < x.start <= k + (5 if not _multiple_after(r, x) else 12) and x.start < b
               and parse_value(x.text) == parse_value(sp.text) for x in r.spans)


def _multiple_after(r: Reading, x: Span) -> bool:
    """"4 times the number of ...": a number said as a multiple of something."""
    return x.end + 1 < len(r.words) and r.words[x.end].lower() == "times" and r.words[x.end + 1].lower() == "the"


def _verb_bound(r: Reading, sp: Span) -> str | None:
    """"<=" for a limit that a verb of limiting puts a ceiling on ("limits the print copies to 150", "caps
    the audience at 620"), though another clause's "at least" stands nearer."""
    return "<=" if _VERB_BOUND.search(_clause_before(r, sp)) else None


def _duty_after(r: Reading, sp: Span) -> str | None:
    """">=" for an amount its clause then says has to be reached ("63,000 jobs have to be processed", "a
    haulage target of 6,100 tonnes must be met"); "<=" for one that "must not be exceeded"."""
    after = _clause_after(r, sp)
    if _NOT_EXCEEDED.search(after):
        return "<="
    if ALL_MUST.search(" ".join(w.lower() for w in r.words[sp.end: sp.end + 14])):
        return ">="  # "take up 420 cubic meters, and all of it must be moved"
    return ">=" if _DUTY_AFTER.search(after) else None


_ALL_OF = re.compile(r"^(?:[\w'-]+ ){0,4}?(?:will |must |wants to |plans to )?(?:invest|invests|spend|spends|use|uses|put|puts|"
                     r"allocate|allocates) (?:all|the whole|the entire) (?:of )?(?:it|them|this|that|the money|the sum)\b")


_ALL_BEFORE = re.compile(r"\b(?:must|has to|have to|will|wants to|want to|needs to|need to|plans to|is to|are to) "
                         r"[a-z]+ all(?: of)?(?: the| her| his| its| their| our| my)?$")


def _all_before(r: Reading, sp: Span) -> str | None:
    """"==" for an amount a duty says is all used: "must plant all 60 hectares of her land with rice and
    beans", "wants to use all 500 kg of the flour" (every unit of it, no fewer and no more)."""
    # ("will invest all of its $500,000": the sign before the amount; "She doesn't have to plant all 40 acres"
    # says the opposite)
    before = _words_before(r, sp).lower().removesuffix("$").rstrip()
    return "==" if _ALL_BEFORE.search(before) and not re.search(r"(?:n't|\bnot|\bnever)\b", before) else None


def _all_of(r: Reading, sp: Span) -> str | None:
    """"==" for a sum its sentence then says is used up: "has inherited $50000 and will invest all of it"."""
    after = _clause_after(r, sp, 14)
    # (", and all of it will be invested": the clause after the comma speaks of the sum)
    return "==" if _ALL_OF.search(after.replace(" and ", " ", 1)) or FULLY_USED.match(after) or FULLY_USED.match(
        " ".join(r.words[sp.end: sp.end + 12])) or _all_later(r, sp) else None


# ("Priya has $50,000 to invest in a green bond, a fund and a trust, and she will invest all of it", "I've got
# $40,000 from selling my late dad's car and want to put all of it to work")
_ALL_LATER = re.compile(r"\b(?:and|but)(?: (?:she|he|they|we|i|you))? (?:will|must|wants? to|plans? to|would like to|"
                        r"intends? to|needs? to|is going to|are going to) (?:invest|spend|use|put|allocate|place) "
                        r"(?:all|the whole|the entire) (?:of )?(?:it|them|this|that|the money|(?P<land>the land))\b")


def _all_later(r: Reading, sp: Span) -> bool:
    """A sum of money (or an area: "plants 120 acres with barley, wheat and oats and must use all the land") its
    sentence later says is all put to use, however far after the amount."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    m = _ALL_LATER.search(" ".join(w.lower() for w in r.words[sp.end: b]))
    return m is not None and (_unit(r, sp) == "MONEY" or m.group("land") is not None)


# ("I want every dollar invested", "every penny of it has to be spent"): a sentence of its own saying the one
# sum is used up to the last unit of money
# (the bare participle only where its clause ends: "Every dollar placed in LED displays returns 4%" is a rate)
_EVERY_UNIT = re.compile(r"\b(?:every|each) (?:dollar|penny|pound|euro|cent)(?: of it)? (?:(?:(?:must|has to|should|needs to) "
                         r"be |to be )(?:invested|spent|placed|used|allocated|put to work)\b|(?:invested|spent|placed|used|"
                         r"allocated|put to work)(?= ?(?:[.,;!?]|$|and\b|in full\b)))")


def _every_unit(r: Reading, sp: Span) -> str | None:
    """"==" for the text's one sum of money when another sentence says every dollar of it goes in: "place
    $120,000 ... I want every dollar invested" (not a most: nothing is to be kept back)."""
    money = [x for x in r.spans if x.label == "LIMIT" and x.start > 0 and r.words[x.start - 1] == "$"]
    if money != [sp]:
        return None
    return "==" if _EVERY_UNIT.search(" ".join(w.lower() for w in r.words)) else None


_BARE_DUTY = re.compile(r"(?:^|, )(?:[a-z]+ ){0,3}(?:must|has to|have to|needs to|need to) [a-z]+$")
_IN_TOTAL = re.compile(r"\b(?:in total|in all|altogether)\b")


def _total_duty(r: Reading, sp: Span) -> str | None:
    """"==" for a total a bare duty fixes: "In total, you must throw 12 bean bags", "she has to plant 30 trees in
    all". With no comparison word, "must" on the whole count says how many there are to be, not a floor (a
    floor would be "at least 12"; a duty on one part, "must throw 3 red ones", stays a floor)."""
    s = r.tokens[sp.start].sent
    a, b = r.sentences[s]
    before = " ".join(w.lower() for w in r.words[a: sp.start])
    if not _BARE_DUTY.search(before) or any(
            x.label == "LIMIT" and x is not sp and r.tokens[x.start].sent == s for x in r.spans):
        return None
    return "==" if _IN_TOTAL.search(" ".join(w.lower() for w in r.words[a: b])) else None


def _batch_made(r: Reading, sp: Span) -> str | None:
    """"==" for the amount a mix of the decisions is made "to make": "mixes three bases, A, B and C, to make 800
    liters of a new paint" (the batch is that much, no more and no less)."""
    s = r.tokens[sp.start].sent
    return "==" if made_into(r.words, sp.start) and any(
        x.label == "VAR" and x.end <= sp.start and r.tokens[x.start].sent == s for x in r.spans) else None


# "The collection has 200 paintings and 44 sculptures to move": what is to be done to the list's last item is to be
# done to each item before it (not "to clear out": a stock sold off, "has 30 lemons, 40 mangos and 50 pears it wants
# to clear out")
_LISTED_TO_DO = re.compile(r"^(?:[a-z-]+ ){1,3}(?:, )?and [\d.,]+ (?:[a-z-]+ ){1,3}to (?:move|deliver|ship|transport|"
                           r"carry|serve|feed|cover|pack|fill|bring|collect|clear(?! out| off))\b")


def _listed_owed(r: Reading, sp: Span) -> str | None:
    """">=" for an item of a list that ends "... to move": its amount is owed, though "has" opens the list."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    return ">=" if _LISTED_TO_DO.match(" ".join(w.lower() for w in r.words[sp.end: b])) else None

