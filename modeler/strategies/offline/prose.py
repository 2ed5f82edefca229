"""The problem as prose, before it is tokenized: what people paste is often a letter, a memo or a list.

`letter_body` drops an e-mail's header, greeting and sign-off and ends each list line as a sentence;
`each_spelt_out` writes out "2 hours of each" for the pair of things named just before it; a hurried writer's
glued words ("8hrs", "atleast") are set apart (`number_unit_apart`, `cue_words_apart`), a multiple of "what's in"
another option is said as of "the amount in" it (`what_is_in_said`) and a colon standing for the verb after a
second option's name is said out (`name_colon_said`), "part-timers" by the name the text gives them
(`timers_named`) and what "and so does X" repeats for X (`so_does_said`). All only rewrite text, so every later
reader (and the tagger) sees ordinary sentences. `as_prose` applies them all, in their order.
"""

from __future__ import annotations

import re

from modeler.strategies.offline.words import _GE, _LE, _SCALES, FRACTIONS

_HEADER = re.compile(r"(?:subject|from|to|cc|re|date)\s*:.*", re.I)
_GREETING = re.compile(r"(?:hi|hello|hey|dear|good (?:morning|afternoon))\b[^.?!:\d]{0,40},?", re.I)
_SIGN_OFF = re.compile(r"[^\d?]{0,60}")
# (a last line that asks or orders, though with no "?": "How many of each should we make")
_ASKS = re.compile(r"\b(?:how|what|which|please|should|maximi[sz]e|minimi[sz]e|most|least|cheapest)\b", re.I)
_JOINS = frozenset("and or but of the a an to for with in on at by per from than".split())
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")


def as_prose(text: str) -> str:
    """The text every later reader sees: a letter's body, glued words set apart, colons said out, "of each"
    spelt out (the order matters: "of each" reads the sentences the others have mended)."""
    return each_spelt_out(name_colon_said(cue_words_apart(what_is_in_said(ratio_said(own_said_one(between_said(
        money_scaled(number_unit_apart(respective_clause_apart(so_does_said(timers_named(slips_mended(letter_body(
            text.strip()))))))))))))))


# "Preparation takes 7 minutes for a breakfast and 8 for a lunch; packaging takes 2 minutes and 3 minutes,
# respectively": a "respectively" clause after a semicolon
_RESPECTIVE_AFTER = re.compile(r";\s+([a-z])(?=[^.;?!]*\brespectively\b)")


def respective_clause_apart(text: str) -> str:
    """A clause with "respectively" after a semicolon is a sentence of its own: its list pairs its numbers with
    the names in order, and the clause before, with names of its own, is no part of that list."""
    return _RESPECTIVE_AFTER.sub(lambda m: ". " + m.group(1).upper(), text)


# "she wont eat more then 12 cups": a hurried writer's "then" for "than" after a comparative, and a negation
# with its apostrophe left out
_THEN = re.compile(r"\b(more|less|fewer|greater|higher|lower|larger|smaller|rather) then\b", re.I)
_NO_APOSTROPHE = re.compile(r"\b(wo|do|does|did|ca|is|are|was|were|should|must|could|would|has|have)nt\b", re.I)


def slips_mended(text: str) -> str:
    """"she wont eat more then 12 cups of Bran Flakes": "then" after a comparative is "than", and "wont", "dont",
    "cant", "isnt" are the negations "won't", "don't", "can't", "isn't" (the rules read the negation)."""
    return _NO_APOSTROPHE.sub(r"\1n't", _THEN.sub(r"\1 than", text))


# "Each bottle of gin uses 0.3 L of base spirit, and so does a bottle of vodka"
_SO_DOES = re.compile(r",? and so does (?P<np>[^.;,!?]+?)(?=[.;,!?])", re.I)
_REPEATED_VERB = re.compile(r"\b(?:uses|needs|takes|requires|gives|contains|costs|holds|has|produces|makes|earns|"
                            r"yields|burns|emits)\b", re.I)


def so_does_said(text: str) -> str:
    """"Each bottle of gin uses 0.3 L of base spirit, and so does a bottle of vodka": what "so does" repeats is said
    again for its new subject ("and a bottle of vodka uses 0.3 L of base spirit"), so that the second one has its
    own coefficient. What it repeats runs from the clause's first such verb with a number after it."""
    out, done = [], 0
    for m in _SO_DOES.finditer(text):
        start = m.start()  # back to the clause's start (a decimal point or a thousands comma ends none)
        while start > done and not (text[start - 1] in ".;,!?" and not (
                text[start - 1] in ".," and start < len(text) and text[start].isdigit())):
            start -= 1
        clause = text[start: m.start()]
        last_digit = max((i for i, c in enumerate(clause) if c.isdigit()), default=-1)
        verb = next((v for v in _REPEATED_VERB.finditer(clause) if v.start() < last_digit), None)
        if verb is None:
            continue
        pred = clause[verb.start():]
        out += [text[done: m.start()], f", and {m.group('np')} {pred}"]
        done = m.end()
    return "".join(out) + text[done:]


_TIMERS = re.compile(r"\b(full|part|half|first|over)-timers?\b", re.I)


def timers_named(text: str) -> str:
    """"A part-time receptionist works 20 hours ... no more part-timers than full-timers": "part-timers" is the
    name said short; where the text names the full-time or part-time ones in full, it is said in full ("part-time
    receptionists"), so that the comparison names the decisions."""
    full: dict[str, re.Match[str] | None] = {}  # (each kind looked for once, however often it is said short)

    def named(m: re.Match[str]) -> str:
        kind = m.group(1).lower()
        if kind not in full:
            full[kind] = re.search(rf"\b{kind}[- ]time ([a-z]+)\b", text, re.I)
        said = full[kind]
        if said is None:
            return m.group(0)
        noun = said.group(1)
        if m.group(0).lower().endswith("s") and not noun.endswith("s"):
            noun += "es" if noun.endswith(("x", "ch", "sh")) else "s"
        sep = said.group(0)[len(kind)]  # ("part time agents": said as the text says it)
        return f"{m.group(0).split('-')[0]}{sep}time {noun}"
    return _TIMERS.sub(named, text)


# "no more than twice what's in savings", "twice what sits in savings": a multiple of what is in another option
_WHAT_IS_IN = re.compile(r"\b(twice|double|triple|thrice|\w+ times) what(?:'s|’s| is| sits| goes)? (in|into)\b", re.I)


def what_is_in_said(text: str) -> str:
    """"the ETF shouldn't be more than twice what's in savings": a multiple of "what is in" another option is said
    as "twice the amount in savings", the way the comparison rules read a multiple of another's amount."""
    return _WHAT_IS_IN.sub(lambda m: f"{m.group(1)} the amount {m.group(2)}", text)


# "$2 million" beside money written in full ("each park costs $200000"): one scale for all the money
_MONEY_SCALED = re.compile(r"\$ ?(\d+(?:\.\d+)?) (thousand|million|billion)\b", re.I)
_MONEY_IN_FULL = re.compile(r"\$ ?(?:\d{4,}|\d{1,3}(?:,\d{3})+)(?![\d,]* (?:thousand|million|billion)\b)", re.I)


def money_scaled(text: str) -> str:
    """"A city has $2 million to spend ... Each park costs $200000": money said with a scale word, where other money
    is written in full, is written in full too ("$2000000"), so every amount of money is in one unit. (Where all
    money is said in millions, the millions are the unit, as NL4Opt's "4 million viewers" are.)"""
    if not _MONEY_IN_FULL.search(text):
        return text

    def full(m: re.Match[str]) -> str:
        value = float(m.group(1)) * _SCALES[m.group(2).lower()]
        return f"${value:.0f}" if value == int(value) else f"${value}"
    return _MONEY_SCALED.sub(full, text)


# "Between 20 and 60 loaves must be baked": a least and a most (not "between 9 and 5 pm", a time)
_BETWEEN = re.compile(r"\b([Bb])etween (\$ ?)?(\d[\d,]*(?:\.\d+)?)( ?%| percent)? (?:and|to) (\$ ?)?(\d[\d,]*(?:\.\d+)?)\b"
                      r"(?! ?(?:am|pm|a\.m|p\.m|o'clock)\b)")


# "between 2000 kg and 5000 kg": the unit said after each end
_BETWEEN_UNIT = re.compile(r"\b([Bb])etween (\d[\d,]*(?:\.\d+)?) ([A-Za-z]+) and (\d[\d,]*(?:\.\d+)?) \3\b")


def between_said(text: str) -> str:
    """"Between 20 and 60 loaves of bread must be baked" is "At least 20 and at most 60 loaves ...", the way the
    bound rules read a least and a most ("between 2000 kg and 5000 kg" too)."""
    text = _BETWEEN_UNIT.sub(lambda m: f"{'A' if m.group(1) == 'B' else 'a'}t least {m.group(2)} {m.group(3)} and at "
                             f"most {m.group(4)} {m.group(3)}", text)
    return _BETWEEN.sub(lambda m: f"{'A' if m.group(1) == 'B' else 'a'}t least {m.group(2) or ''}{m.group(3)}"
                        f"{m.group(4) or ''} and at most {m.group(5) or ''}{m.group(6)}", text)


# "The ratio of chairs to tables must be at least 4 to 1": chairs at least 4 times tables
_RATIO = re.compile(r"\b[Tt]he ratio of ([\w -]+?) to ([\w -]+?) (must be|should be|has to be|is|needs to be|cannot be|can't be|"
                    r"can be) (at least|at most|no more than|no less than|no fewer than|not more than|not less than) "
                    r"(\d+(?:\.\d+)?) ?(?:to|:) ?(\d+(?:\.\d+)?)(?!\d|[.,:]\d)")


def ratio_said(text: str) -> str:
    """"The ratio of chairs to tables must be at least 4 to 1" (or "3:2"): a ratio is said as the multiple the
    comparison rules read ("the number of chairs must be at least 4 times the number of tables"; 3:2 is 1.5 times)."""
    def said(m: re.Match[str]) -> str:
        a, b = float(m.group(5)), float(m.group(6))
        if b == 0:
            return m.group(0)
        times = f"{a / b:.6g}"
        return f"the number of {m.group(1)} {m.group(3)} {m.group(4)} {times} times the number of {m.group(2)}"
    return _RATIO.sub(said, text)


# "each vehicle needs its own driver": one driver each
_ITS_OWN = re.compile(r"\b(each|every) ([\w-]+(?: [\w-]+)?) (needs|requires|must have|gets) (?:its|his|her|their) own\b",
                      re.I)


def own_said_one(text: str) -> str:
    """"there are 12 drivers, each vehicle needs its own driver": what each one needs "its own" of is one of it, said
    as the number the rules read ("each vehicle needs one driver")."""
    return _ITS_OWN.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)} one", text)


def letter_body(text: str) -> str:
    """The problem in a letter, memo or list as prose: an e-mail's header lines ("Subject: ...", "From: ..."),
    its greeting line ("Hi Jo,") and its sign-off lines after the last question or order ("Thanks,",
    "Kind regards, Finance Director") are left out, and a line that ends with no stop ("- Oyster: 2.5 kg
    substrate, $11 margin", "Budget: $186,000") ends its sentence, its bullet dropped, as a writer of
    prose would have put it (not a line wrapped inside a sentence); the body starts with a capital ("Hi Dan,\\nfor
    the layout ..."). A sign-off is a short line that asks nothing. Text with no line breaks is returned as it is."""
    if "\n" not in text:
        return text
    lines = [ln.strip() for ln in text.split("\n")]
    while lines and (not lines[0] or _HEADER.fullmatch(lines[0])):
        lines.pop(0)
    if lines and _GREETING.fullmatch(lines[0]) and lines[0].endswith(","):
        lines.pop(0)
    last = max((k for k, ln in enumerate(lines) if ln.endswith(("?", "."))), default=len(lines) - 1)
    while len(lines) > last + 1 and (not lines[-1] or (
            _SIGN_OFF.fullmatch(lines[-1]) and len(lines[-1].split()) <= 5 and not _ASKS.search(lines[-1]))):
        lines.pop()
    lines = [ln for ln in lines if ln]
    bullets = [bool(_BULLET.match(ln)) for ln in lines]
    lines = [_BULLET.sub("", ln) for ln in lines]
    out = []
    for k, ln in enumerate(lines):
        # (a line wrapped inside a sentence, "We make chairs and\ntables.", goes on: it ends in a joining word
        # or the next line, no bullet, starts in lower case)
        wrapped = ln.split()[-1].lower() in _JOINS or (
            k + 1 < len(lines) and lines[k + 1][:1].islower() and not bullets[k + 1])
        if ln[-1] not in ".?!:;," and not wrapped:
            ln += "."
        out.append(ln)
    body = "\n".join(out)
    return body[:1].upper() + body[1:]


# "3 hours of maths and 1 hour of reading", "20% nitrogen and 5% phosphate": two amounts of one unit, each of a thing
_NAME2 = r"([a-z]+(?:\s(?!(?:and|or|for|at|with|per|in|to|on|a|an|the|each)\b)[a-z]+)?)"
_PAIR = re.compile(r"(\d[\d,.]*)(\s*)(%|[a-z]+)\s+(of\s+)?" + _NAME2 + r"\s+and\s+\d[\d,.]*\s*(?:%|[a-z]+)\s+"
                   r"(of\s+)?" + _NAME2 + r"\b", re.I)
# "gives 2 hours of each", "contains 10% of each": one amount for every thing of the pair before it
_OF_EACH = re.compile(r"\b(gives?|contains?|has|have|provides?|is|are|takes?|uses?|needs?)\s+(\d[\d,.]*)(\s*)"
                      r"(%|[a-z]+)\s+of\s+each\b(?!\s+(?:of|kind|type|one|product|item))", re.I)


# "8hrs", "120kg", "3.5km": a number glued to the unit after it (not an ordinal, "2nd", "4th", nor a time of
# day, "6am", "6pm": a name of a time, which the rules read whole)
_GLUED_UNIT = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)(?!(?:st|nd|rd|th|am|pm)\b)([a-z][A-Za-z]+)\b")


# "one-third of the production": a fraction written with a hyphen, said as the rules read it ("one third"); "two
# thirds of" as a percent, which the tagger and the share rules read whole
_HYPHEN_FRACTION = re.compile(r"\b(one|two|three|four)[- ](halfs?|thirds?|quarters?|fourths?|fifths?)\b(?= of\b)", re.I)
_NUMERATORS = {"one": 1, "two": 2, "three": 3, "four": 4}


def _fraction_said(m: re.Match[str]) -> str:
    top = _NUMERATORS[m.group(1).lower()]
    if top == 1:
        return f"{m.group(1)} {m.group(2)}"
    share = 100 * top * FRACTIONS.get(m.group(2).lower().rstrip("s"), 0)
    return f"{share:.6g}%" if 0 < share < 100 else m.group(0)


def number_unit_apart(text: str) -> str:
    """"The hygienist works 8hrs a day", "the shop has 120kg of pigment": a hurried writer glues the number to
    its unit; a space between them ("120 kg") lets the tagger and the rules see the number as one, and a unit of
    time or area written short after a number is said out ("8 hours", "4 square feet"), and land of a size
    written with a hyphen is set apart ("a 500 acre farm"), as the rules that read time limits and shared room
    expect; so is a fraction ("one-third"); "68 L" is litres and "6 cents" is "$0.06" beside prices in dollars."""
    text = _GLUED_UNIT.sub(r"\1 \2", text)
    text = _SHORT_AREA.sub(lambda m: f"{m.group(1)} square {_AREA_SAID[m.group(2).lower()]}", text)
    text = _HYPHEN_LAND.sub(r"\1 \2", text)
    text = _HYPHEN_FRACTION.sub(_fraction_said, text)
    text = _SHORT_LITRE.sub(r"\1 litres", text)
    if _DOLLARS.search(text):  # (where every price is in cents, the cents are the unit)
        text = _CENTS.sub(_cents_said, text)
    return _SHORT_TIME.sub(lambda m: f"{m.group(1)} {_TIME_SAID[m.group(2).lower()]}", text)


# "Pill B: 5 mg of iron and 20 mg of zinc.": a sentence that opens with a name, a colon and an amount
_NAME_COLON = re.compile(r"(^|[.?!]\s+)([A-Z][A-Za-z-]*)((?: [A-Za-z0-9-]+){0,2}):(?= \$?\d)")


def name_colon_said(text: str) -> str:
    """"Pill A has 15 mg of iron and 10 mg of zinc. Pill B: 5 mg of iron and 20 mg of zinc.": a hurried writer
    lets a colon stand for the verb after the second option's name; the verb of the sentence before that opens
    with the same kind of name ("Pill A has 15 mg") takes the colon's place. A colon with no such sentence
    before it (a list, "Budget: $900") stays."""
    def said(m: re.Match[str]) -> str:
        rest = len(m.group(3).split())
        before = re.findall(rf"(?:^|[.?!]\s+){re.escape(m.group(2))}(?: [A-Za-z0-9-]+){{{rest}}} ([a-z]+) \$?\d",
                            text[: m.start()])
        return f"{m.group(1)}{m.group(2)}{m.group(3)} {before[-1]}" if before else m.group(0)
    return _NAME_COLON.sub(said, text)


def cue_words_apart(text: str) -> str:
    """"The breakfast must have atleast 25 grams of protein", "upto 40 hours": a hurried writer glues the two
    words of a comparison (the words.py cues "at least", "up to", "less than", ...) into one; they are read
    apart. Only a glued pair of a cue's first two words, each of two letters or more, that is no cue itself."""
    return _GLUED_CUE.sub(lambda m: _CUE_APART[m.group(0).lower()] if m.group(0).islower() else
                          _CUE_APART[m.group(0).lower()].capitalize(), text)


def _cues_apart() -> dict[str, str]:
    cues = {c.strip() for c in (*_LE, *_GE)}
    said = {x for c in cues for x in c.split()}  # ("cannot" is a word of its own)
    out = {}
    for c in cues:
        w = c.split()
        if len(w) >= 2 and min(len(w[0]), len(w[1])) >= 2 and w[0] + w[1] not in cues | said and w[0].isalpha() and w[1].isalpha():
            out[w[0] + w[1]] = f"{w[0]} {w[1]}"
    return out


_CUE_APART = _cues_apart()
_GLUED_CUE = re.compile(r"\b(?:" + "|".join(sorted(_CUE_APART, key=len, reverse=True)) + r")\b", re.I)


# "Big bins are 68 L for $12": a capital L after a number is litres (a small "l" is too like a one)
_SHORT_LITRE = re.compile(r"(\d)\s*L\b(?![-'])")
# "a cricket costs 6 cents" beside prices in dollars: money in dollars, as every other price is read ("$0.06")
_CENTS = re.compile(r"\b(\d+(?:\.\d+)?) cents?\b", re.I)
_DOLLARS = re.compile(r"\$\s?\d")


def _cents_said(m: re.Match[str]) -> str:
    return f"${float(m.group(1)) / 100:.6g}"


# "8 hrs", "45 mins": a unit of time written short after a number (the rules read "hours" and "minutes")
_TIME_SAID = {"hr": "hour", "hrs": "hours", "min": "minutes", "mins": "minutes"}
_SHORT_TIME = re.compile(r"(\d)\s+(hrs?|mins?)\b(?!\.\w)", re.I)


# "4 sq ft", "20 sq. m": an area written short (beside "a garden of 200 square feet", one unit)
_AREA_SAID = {"ft": "feet", "feet": "feet", "foot": "foot", "m": "metres", "yd": "yards", "yds": "yards", "mi": "miles"}
_SHORT_AREA = re.compile(r"(\d)\s+sq\.?\s*(ft|feet|foot|m|yds?|mi)\b(?!\.\w)(?-i:\.(?=\s+[a-z0-9$]))?", re.I)


# "a 500-acre farm": land of a size, the room the crops share (the rules read "500 acre")
_HYPHEN_LAND = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)-(acres?|hectares?)\b", re.I)


def each_spelt_out(text: str) -> str:
    """"Package A gives 3 hours of maths and 1 hour of reading for $90; package B gives 2 hours of each for
    $80", "Brand A is 20% nitrogen and 5% phosphate ...; brand B contains 10% of each": an amount "of each"
    after an option that listed two amounts of the same unit is that amount of each of the two things, said
    out ("2 hours of maths and 2 hours of reading") so the coefficients fall into their groups."""
    def spell(m: re.Match[str]) -> str:
        before = list(_PAIR.finditer(text[max(0, m.start() - 300): m.start()]))
        if not before:
            return m.group(0)
        p = before[-1]
        unit = m.group(4)
        if unit.lower().rstrip("s") != p.group(3).lower().rstrip("s") and not (unit == "%" == p.group(3)):
            return m.group(0)
        n, sp = m.group(2), m.group(3)
        return (f"{m.group(1)} {n}{sp}{unit} {p.group(4) or ''}{p.group(5)} and {n}{sp}{unit} "
                f"{p.group(6) or ''}{p.group(7)}")
    return _to_each(_OF_EACH.sub(spell, text))


# "delivers 4 units of medicine to the liver and 2 units to the kidneys": two amounts of one unit, each to a place
_TO_PAIR = re.compile(r"\d[\d,.]*\s*([a-z]+)(?:\s+of\s+[a-z]+)?\s+(to|in|into)\s+(?:the\s+)?([a-z]+)\s+and\s+"
                      r"\d[\d,.]*\s*[a-z]+\s+(?:to|in|into)\s+(?:the\s+)?([a-z]+)\b", re.I)
# "drug C delivers 3 units to each": one amount to every place of the pair before it
_TO_EACH = re.compile(r"\b(delivers?|gives?|puts?|sends?|adds?|provides?)\s+(\d[\d,.]*)(\s*)([a-z]+)\s+(to|in|into)\s+each"
                      r"(?=\s*[.;,])", re.I)


def _to_each(text: str) -> str:
    """"Drug A delivers 4 units to the liver and 2 units to the kidneys; drug C delivers 3 units to each": an
    amount "to each" after an option that gave two amounts of the same unit to two places is that amount to
    each of the two, said out ("3 units to the liver and 3 units to the kidneys")."""
    def spell(m: re.Match[str]) -> str:
        before = list(_TO_PAIR.finditer(text[max(0, m.start() - 300): m.start()]))
        if not before:
            return m.group(0)
        p = before[-1]
        if m.group(4).lower().rstrip("s") != p.group(1).lower().rstrip("s"):
            return m.group(0)
        amount = f"{m.group(2)}{m.group(3)}{m.group(4)} {m.group(5)}"
        return f"{m.group(1)} {amount} the {p.group(3)} and {amount} the {p.group(4)}"
    return _TO_EACH.sub(spell, text)
