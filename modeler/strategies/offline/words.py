"""Small word-level helpers shared by the offline modeler: numbers, stems, concepts, directions."""

from __future__ import annotations

import functools
import re

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25, "fourth": 0.25,
             "fifth": 0.2, "sixth": 1 / 6, "tenth": 0.1}
MULTIPLIERS = {"twice": 2.0, "double": 2.0, "thrice": 3.0, "triple": 3.0, "half": 0.5}

# a clause's owner or article before a noun: "her fashion investment", "on your 30 acres", "the senior hours"
OWNERS = frozenset("the our their my your his her its".split())

STOP = frozenset(
    "a an the of to in on for by with at from and or each per every one ones unit units their its his her "
    "our your is are be been was were will would can could should must may might that which who this these "
    "those it they them there here as than any all both either number amount total type types kind kinds "
    "than has have had make makes made produce produces produced do does require requires required need needs "
    "needed take takes taken use uses used contain contains containing get gets can also only "
    # (the people of a story: "she makes $1 profit on each" and "the money she puts into stock" share no measure;
    # not the writer's "we" and "us": "We have 1,400 hours", "The cinema will sell us at most 12 ad slots" tie a
    # limit to what the writer said of their own)
    "she he "
    # the gerunds of the generic verbs above: "6000 hours available for producing the parts" names the parts
    "making producing requiring needing taking using".split())
# Words that mean the same resource for matching coefficients to limits and objectives.
CONCEPTS = {
    "$": "MONEY", "dollar": "MONEY", "cost": "MONEY", "costs": "MONEY", "costing": "MONEY", "spend": "MONEY",
    "wage": "MONEY", "wages": "MONEY", "salary": "MONEY", "payroll": "MONEY", "bill": "MONEY", "budget": "MONEY", "price": "MONEY", "priced": "MONEY", "pay": "MONEY", "paid": "MONEY",
    "money": "MONEY", "rent": "MONEY", "expense": "MONEY", "fund": "MONEY", "funding": "MONEY", "capital": "MONEY",
    "profit": "PROFIT", "profits": "PROFIT", "revenue": "PROFIT", "sales": "PROFIT", "earn": "PROFIT", "earns": "PROFIT",
    "return": "PROFIT", "returns": "PROFIT", "income": "PROFIT", "gain": "PROFIT", "net": "PROFIT", "earnings": "PROFIT", "earning": "PROFIT",
    "interest": "PROFIT",
    "minute": "MINUTE", "minutes": "MINUTE", "hour": "HOUR", "hours": "HOUR", "hr": "HOUR",
    # (notes typed in a hurry clip them: "45 min in the oven", "2 hrs")
    "min": "MINUTE", "mins": "MINUTE", "hrs": "HOUR",
    # ("a square foot of kale is worth about $3.00 ... to get the most value")
    "worth": "value",
}
# unit-like words: weak evidence that two numbers measure the same thing
WEAK = frozenset("MINUTE HOUR time day days week weeks kg kilogram gram grams g lb pound pounds ton tons liter "
                 "liters litre ml gallon gallons square feet foot meter meters acre acres".split())


def parse_value(text: str) -> float | None:
    """A number written in a problem: "150,000", "2.5", "40%", "forty", "a third", "twice"; None if none."""
    t = text.lower().replace(",", "").strip()
    half = re.fullmatch(r"(.+?) and an? (half|quarter)", t)  # "one and a half", "2 and a quarter"
    if half:
        whole = parse_value(half.group(1))
        return None if whole is None else whole + FRACTIONS[half.group(2)]
    pct = "%" in t or "percent" in t
    t = re.sub(r"percent|%|\$", " ", t).strip()
    m = re.search(r"\d+(?:\.\d+)?|\.\d+", t)
    if m:
        v = float(m.group())
        return v / 100 if pct else v
    words = re.findall(r"[a-z]+", t)
    for w in words:
        if w in FRACTIONS:
            num = next((_UNITS[x] for x in words if x in _UNITS and _UNITS[x] > 1), 1)
            return num * FRACTIONS[w]
        if w in MULTIPLIERS:
            return MULTIPLIERS[w]
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in _UNITS:
            current, seen = current + _UNITS[w], True
        elif w in _TENS:
            current, seen = current + _TENS[w], True
        elif w == "hundred":
            current, seen = (current or 1) * 100, True
        elif w in _SCALES:
            total, current, seen = total + (current or 1) * _SCALES[w], 0.0, True
    if not seen:
        return None
    value = total + current
    return value / 100 if pct else value


# singular nouns that end in "s" ("a lens", "a bus"), so that "lenses" meets "lens"
_S_SINGULAR = frozenset("lens bus gas canvas atlas bonus campus virus census bias alias series species news".split())


# plurals not made with "s": "at least 3 geese" counts the "goose shot"s, "1 adult for every 3 children" the
# "child tickets" ("children's" is kept whole by the possessive rule below)
_IRREGULAR = {"geese": "goose", "mice": "mouse", "teeth": "tooth", "feet": "foot", "oxen": "ox", "knives": "knife", "loaves": "loaf",
              "shelves": "shelf", "wolves": "wolf", "calves": "calf", "halves": "half", "scarves": "scarf",
              "children": "child", "women": "woman", "men": "man"}
# ("bookshelves" is "bookshelf": the "-ves" plurals end compounds too)
_VES = tuple((k, v) for k, v in _IRREGULAR.items() if k.endswith("ves"))


def _irregular(w: str) -> str:
    """A word's irregular singular, at its end too ("bookshelves" -> "bookshelf"); else the word."""
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    return next((w[: -len(k)] + v for k, v in _VES if w.endswith(k) and len(w) > len(k) + 2), w)


# one thing said in words whose endings `stem` does not take off: a verb's noun ("costs $200 to maintain" and
# "$10000 on maintenance"), the way a means of transport runs on ("ship by rail or barge ... The railway can take")
_SAME_STEM = {"maintenance": "maintain", "railway": "rail", "railways": "rail",
              # ("emit 90 tons of CO2 a year ... to keep emissions as low as possible")
              "emission": "emit", "emissions": "emit", "emits": "emit", "emitted": "emit", "emitting": "emit"}


@functools.lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A word's singular, roughly, in lower case, as a key for matching and telling names apart: a plural ending
    off and nothing else ("tables" meets "table", "companies" "company", "boxes" "box", "peas" "pea"; "glass"
    and words of three letters or fewer, "gas", "bus", stay). An "-ie" noun keys as "-y", so that "hoodie" meets
    "hoodies" as "company" meets "companies". Other "-es" plurals lose the "s" alone ("buses" keys "buse"): keying
    them as "bus" turned a dev problem's "10 tourism buses" into a refusal (`same_word` joins such a pair). `stem`
    joins more (-ing/-ed), too much for names."""
    w = word.lower()
    if w.endswith("ves") and (x := _irregular(w)) != w:
        return x
    if w.endswith("ie") and len(w) > 4:
        return w[:-2] + "y"
    if len(w) <= 3 or not w.endswith("s") or w.endswith("ss"):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes")) and len(w) > 4:
        return w[:-2]
    return w[:-1]


def one_noun(a: str, b: str) -> bool:
    """Two stems of one noun, one of them plural: `stem` leaves "-as" plurals as they are ("peas", "bananas", to
    keep "gas"), so "pea" and "peas" need this to meet."""
    return a == b or (a.isalpha() and len(a) > 2 and b in {a + "s", a[:-1]})


# "Each person gets exactly one meal", "one device per student": one decision for each of them (the group names them;
# not `repairs._one_each`, what each item takes one of)
_EACH_GETS_ONE = re.compile(r"\beach ([a-z]+) (?:gets|needs|receives|has|takes|is given) (?:exactly |only |just )?"
                            r"(?:one|a|an|1) [a-z]+\b|\bone [a-z]+ (?:per|for each|for every) ([a-z]+)\b")


def each_gets_one(text: str, noun: str, exactly: bool = False) -> bool:
    """The text says each `noun` gets one of something ("Each guest gets exactly one dish", "one device per
    student"; `exactly`: only said "exactly one"); "people" is the plural of "person"."""
    key = singular(noun)
    key = "person" if key == "people" else key
    return any(singular(m.group(1) or m.group(2)) == key and (not exactly or " exactly " in m.group(0))
               for m in _EACH_GETS_ONE.finditer(text.lower()))


def same_word(a: str, b: str) -> bool:
    """One word, singular or plural ("nurse" / "nurses", "box" / "boxes", "party" / "parties"). A test of a
    pair, not a key like `singular`: seeing the singular, it can take "-es" after any word ("bus" / "buses",
    "potato" / "potatoes"), which a key cannot tell from "shoes"."""
    a, b = sorted((a.lower(), b.lower()), key=len)
    return b in {a, a + "s", a + "es"} or (a.endswith("y") and b == a[:-1] + "ies")


@functools.lru_cache(maxsize=65536)  # pure, and the rules stem the same few words over and over
def stem(word: str) -> str:
    """A crude stem for matching a word to the same thing said another way: plural, possessive, -ing/-ed/-ment
    endings off, so "mixing" meets "mix", "hoodies" "hoodie", "children's" "children". Not `singular`: it joins
    verb forms to nouns ("nursing" meets "nurse"), which matches units and resources but would merge names; and it
    leaves "-as"/"-os"/"-us"/"-is" words whole ("bananas", "photos"), which `one_noun` bridges."""
    w = re.sub(r"['’]s$", "", word.lower())  # a possessive: "children's" meets "children"
    w = _irregular(_SAME_STEM.get(w, w))
    if w in _S_SINGULAR:
        return w
    if w.endswith("es") and (w[:-2] in _S_SINGULAR or w.endswith("buses")):
        return w[:-2]  # ("minibuses" meets "minibus", as "buses" meets "bus")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ie") and len(w) > 4:
        return w[:-2] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")) and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "as", "os")) and len(w) >= 3:
        w = w[:-1]
        if not w.endswith(("ing", "ed", "ment")):
            return w  # ("toppings" goes on to meet "topping"; "assessments" "assessment")
    if w.endswith("ment") and len(w) > 8:
        return w[:-4]  # "entertainment" meets "entertains"
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] else _silent_e(w)
    if w.endswith("ed") and len(w) > 5:
        w = _silent_e(w[:-2])
    return w[:-1] if w.endswith("e") and len(w) > 5 else w  # "fundraise" meets "fundraised"


_SHORT_VOWEL_END = re.compile(r"^[^aeiou]{1,2}[aeiou][^aeiouwxy]$")


def _silent_e(w: str) -> str:
    """Give back the "e" that "-ing" / "-ed" took from a short verb, so "shaping" meets "shape" and "baking"
    "bake": a one-syllable verb ending vowel-consonant doubles that consonant when it keeps no "e" ("cutting",
    "shipping", handled before this), so a short stem left ending that way had one ("shap", "bak", "hir")."""
    return w + "e" if _SHORT_VOWEL_END.match(w) else w


# the word after "or" that makes an amount a bound: "$1000 or more", "25 units or fewer"
OR_BOUND = {"less": "<=", "fewer": "<=", "lower": "<=", "smaller": "<=", "below": "<=", "under": "<=",
            "more": ">=", "greater": ">=", "higher": ">=", "larger": ">=", "above": ">=", "over": ">="}

_OBJECT_PRONOUNS = frozenset("us me i".split())  # (and "I can spend" vs "I make $160": who, not what)


def content(words: list[str]) -> list[str]:
    """Stems of the content words, with resource synonyms folded into concepts."""
    out = []
    for w in words:
        lw = re.sub(r"['’]s$", "", w.lower())
        lw = re.sub(r"^(re|pre|co)-", r"\1", lw)  # "re-stocked" meets "restocked"
        if lw in CONCEPTS:
            out.append(CONCEPTS[lw])
            continue
        if lw in STOP or lw in _OBJECT_PRONOUNS or not re.search(r"[a-z$]", lw):
            continue  # ("costs us $2.20" and "the two of us have 12 hours": who pays or works measures nothing)
        out.append(CONCEPTS.get(stem(lw), stem(lw)))
    return out


def weight(tok: str) -> float:
    return 0.3 if tok in WEAK else 1.0


_LE = ("no more than", "not more than", "no greater than", "not be more than", "no higher than", "at most", "no more", "not more", "maximum", "up to", "not exceed", "cannot exceed", "can't exceed",
       "can not exceed", "must not exceed", "never exceed", "no greater", "not greater", "less than",
       "fewer than", "available", "budget", "limit", "quota", "only", "at max", "within", "capacity", "or less",
       "or fewer", "no larger", "not be more", "not to exceed", "does not exceed", "should not exceed", "max",
       # "keep the wage bill below $40000", "at the most 300": bounds from above ("not below" is turned
       # round by _NEGATED)
       "below", "at the most", "lower than", "smaller than",
       # "the fuel allowance of 12000 litres must not be exceeded"
       "not be exceeded", "never be exceeded", "cannot be exceeded",
       # "Daily demand is limited to 100 bottles": what is limited is a most, though "demand" alone asks a least
       "limited to",
       # "stay under 2200 calories", "keep it under $500" ("under" alone also says where: "under contract")
       "stay under", "stays under", "keep under", "keeps under", "remain under", "remains under", "be under",
       "it under", "them under",
       # "the amount in retail to be no larger than the amount in oil and gas": "no" turns "larger than" round
       "no larger than", "no bigger than", "no longer than")
_GE = ("no less than", "not less than", "no fewer than", "not fewer than", "at least", "minimum", "no less", "not less", "no fewer", "not fewer", "more than", "greater than",
       "exceed", "or more", "larger than", "must be met", "a min", "min ", "need", "require", "demand",
       "must", "should",
       # "no smaller than 0", "no lower than 20": "no" turns "smaller than" round as "not" does
       "no smaller than", "no lower than")


# a negation a few words before a comparison turns it round: "can not make more than 50", "does not want
# to spend more than $500", "can't be less than"
_NEGATED = re.compile(r"\b(?:not|neither|nor|none|cannot|can't|won't|never|n't|[a-z]+n't|restricts?|restricted|prevents?|prevented|refuses?|refused|refusing)\b(?:\s+[a-z-]+){0,4}?\s+"
                      r"(more than|greater than|larger than|higher than|exceed|exceeds|over|above|"
                      r"less than|fewer than|lower than|smaller than|below|under|beyond|surpass|surpasses)\b")
_NEGATED_GE = frozenset({"less than", "fewer than", "lower than", "smaller than", "below", "under"})


# "must be exactly 50 milliliters", "exactly 250 plates must be served": an equality, whatever duty word
# ("must", "need") stands beside it
_EQ = re.compile(r"\b(exactly|precisely)\b")


def direction(text: str) -> str | None:
    """'<=', '>=' or '==' for a constraint cue ("at most", "must not exceed", "minimum", "exactly"), None
    when silent."""
    t = f" {text.lower()} "
    if _EQ.search(t):
        return "=="
    t = t.replace("can not ", "cannot ").replace(" ca n't ", " can't ").replace(" n't ", "n't ")
    m = _NEGATED.search(t)
    if m and not re.search(r"\b(no|not) (more|less|fewer|greater)\b", t[: m.end()]):
        return ">=" if m.group(1) in _NEGATED_GE else "<="
    best: tuple[int, str] | None = None
    for cues, sense in ((_LE, "<="), (_GE, ">=")):
        for cue in cues:
            k = t.find(cue)
            if k >= 0 and (best is None or len(cue) * 1000 - k > best[0]):
                best = (len(cue) * 1000 - k, sense)
    return best[1] if best else None


# "as much profit as possible", "keep the cost as low as possible", "so that her income is as large as
# possible": a goal stated without maximize / minimize; the adjective says which way
_GOAL_MAX = frozenset("much many high large great big long".split())
_GOAL_MIN = frozenset("few little low small cheap short cheaply".split())
# "keep the wage bill low", "keep costs down": the object of keep names the goal
_KEEP_LOW = frozenset("keep keeps keeping hold holds holding".split())
_KEEP_MIN = frozenset("low down small minimal".split())
_GOAL_STOP = frozenset(". , ; : ? ! to that so and while keep keeps make makes get gets hold holds is are be "
                       "stays stay remains remain".split())


# what opens the subject of "X to be as ... as possible": "for the profit", "wants its costs"
_WANT_FOR = frozenset("for want wants wanted need needs like likes would".split())


def subject_start(low: list[str], end: int, most: int) -> int:
    """Where the goal's subject ending at `end` begins: back over at most `most` words to a stop word."""
    start = end
    while start > 0 and end - start < most and low[start - 1] not in _GOAL_STOP:
        start -= 1
    return start


def _so_that_subject(low: list[str], end: int) -> int | None:
    """The start of a longer subject that "so that" opens: "so that the total time spent fishing at the two
    lakes is as small as possible" names the time, which a six-word window would cut to "spent fishing ..."."""
    start = subject_start(low, end, 10)
    return start if end - start > 6 and start >= 2 and low[start - 2: start] == ["so", "that"] else None


def goal_frame(words: list[str]) -> tuple[str, int, int] | None:
    """(sense, start, end) of the last goal stated without maximize / minimize, words[start:end] naming
    what is maximized or minimized ("profit", "the fuel burned", "her income"); None if there is none."""
    low = [w.lower() for w in words]
    n = len(low)
    for k in range(n - 1, -1, -1):
        w = low[k]
        # as ADJ [NP] as possible, or "as it can" / "as we can": as the limits allow
        can = w == "can" and k >= 4 and low[k - 1] in {"it", "we", "they", "he", "she", "i", "you"} and low[k - 2] == "as"
        if (w == "possible" and k >= 3) or can:
            j = k - 2 if can else k - 1
            if low[j] != "as":
                continue
            a = next((i for i in range(j - 1, max(j - 8, 0) - 1, -1) if low[i] == "as"
                      and i + 1 < j and (low[i + 1] in _GOAL_MAX or low[i + 1] in _GOAL_MIN)), None)
            if a is None:
                continue
            adj = low[a + 1]
            sense = "max" if adj in _GOAL_MAX else "min"
            if a + 2 < j:  # the name inside the frame: "as much profit as possible"
                return sense, a + 2, j
            # the object of keep / make, or the subject of "so that X is"
            end = a
            if end and low[end - 1] == ",":  # "keep the cost, in cents, as low as possible"
                end = next((i for i in range(end - 2, max(end - 6, 0) - 1, -1) if low[i] == ","), end)
            if end and low[end - 1] in {"is", "are", "be", "stays", "stay", "remains", "remain"}:
                end -= 1
                if end >= 2 and low[end - 1] == "to" and low[end - 2] not in _GOAL_STOP:
                    # "the goal is for the profit to be as large as possible", "wants its costs to be as low"
                    start = subject_start(low, end - 1, 6)
                    start = max([start, *(i + 1 for i in range(start, end - 1) if low[i] in _WANT_FOR)])
                    return sense, start, end - 1
            return sense, _so_that_subject(low, end) or subject_start(low, end, 6), end
        if w in _KEEP_MIN and k >= 2 and (k + 1 == n or low[k + 1] in {".", "?", "!", ",", ";", "while", "and"}):
            # keep NP low
            for i in range(k - 1, max(k - 7, 0) - 1, -1):
                if low[i] in _KEEP_LOW and i + 1 < k:
                    return "min", i + 1, k
                if low[i] in _GOAL_STOP:
                    break
    return None


# the words a spelt-out number is made of ("fifty thousand", "sixteen", "two hundred and forty")
SPELT = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"hundred"}
# units of measure: "six hours", "thirty thousand dollars", "twelve kilograms"
MEASURES = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years dollar dollars euro "
    "euros pound pounds cent cents gram grams kilogram kilograms kg g tonne tonnes ton tons litre litres liter "
    "liters millilitre millilitres milliliter milliliters ml gallon gallons metre metres meter meters "
    "kilometre kilometres kilometer kilometers km mile miles acre acres hectare hectares square cubic "
    "percent calories kcal units".split())


# units of one dimension at different scales (as `content` writes them), for a limit stated in one and
# its coefficients in another: "40 hours" of "25 minutes" a piece, "9 kilograms" of "12 grams" a piece
_MAGNITUDES = (
    {"second": 1 / 60, "MINUTE": 1.0, "HOUR": 60.0},  # ("a bottle takes 45 seconds", "the line runs 40 hours")
    {"gram": 1.0, "g": 1.0, "kilogram": 1000.0, "kg": 1000.0, "tonne": 1_000_000.0, "ton": 1_000_000.0},
    {"millilitre": 1.0, "milliliter": 1.0, "ml": 1.0, "litre": 1000.0, "liter": 1000.0},
    # lengths: people state the room they have in metres and a piece's width in centimetres ("24 metres of
    # shelf", "a paperback takes 3 cm"); the bare "m" is left out (it also writes "million")
    {"millimetre": 1.0, "millimeter": 1.0, "mm": 1.0, "centimetre": 10.0, "centimeter": 10.0, "cm": 10.0,
     "metre": 1000.0, "meter": 1000.0, "kilometre": 1_000_000.0, "kilometer": 1_000_000.0, "km": 1_000_000.0},
)


def scaled_unit(unit: str) -> bool:
    """A unit that `unit_scale` can turn into another of its dimension ("HOUR", "kg", "cm")."""
    return any(unit in table for table in _MAGNITUDES)


def unit_scale(unit: str, context: set[str] | frozenset[str]) -> float:
    """The factor that turns a limit in `unit` into the unit its coefficients' words (`context`) use: 60
    for hours against minutes, 1000 for kilograms against grams; 1 when they agree or nothing says."""
    for table in _MAGNITUDES:
        if unit not in table or unit in context:
            continue
        other = {table[u] for u in context if u in table}
        if len(other) == 1:
            return table[unit] / other.pop()
    return 1.0
