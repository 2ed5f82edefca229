"""Names the tagger never saw.

The entity tagger learned its variables' names from the training texts, so a problem from another trade
("a velvet fiddle and a tuba") loses names it cannot recognise: on dev problems with their variables
renamed to unseen nouns (`benchmarks/bench_offline_names.py`) the whole drop in accuracy comes from the
tagger, none from the rules. One reading covers most of it: a word never seen in training that is
coordinated with a tagged variable ("X and Y", "X or a Y", "X, Y, and Z") is a variable too. The
training vocabulary says what was never seen; a known word is left to the tagger.
"""

from __future__ import annotations

import re

from modeler.strategies.offline.entities import Span, is_number
from modeler.strategies.offline.words import STOP, singular

_JOIN = frozenset({"and", "or"})
_DETERMINERS = frozenset({"a", "an", "the", "their", "its", "his", "her", "some"})
_MAX_WORDS = 3
_PREPOSITIONS = frozenset({"by", "through", "with", "using", "via", "for", "from"})
_NOT_BEFORE_NAME = frozenset({"of", "every", "each", "per"})
# verbs that open a clause's predicate right after its subject
_CLAUSE_VERBS = frozenset("has have is are was were can could must will would should may owns own holds hold".split())
# verbs in the singular right after a name: "X and a Y" before one of them is no subject of two things
_ONE_SUBJECT_VERBS = frozenset("is was has".split())
_LIST_START = frozenset({",", ":", "either", "between", "using", "use", "in", "into", "sell", "sells", "make", "makes",
                         "produce", "produces", "like", "namely"})


def _unseen(w: str, vocabulary: frozenset[str]) -> bool:
    """A word the tagger never saw; a compound whose parts it saw ("film-based") is seen (the training
    texts split it at the hyphen or apostrophe)."""
    lw = w.lower()
    return lw not in vocabulary and not all(p in vocabulary for p in re.split(r"[-']", lw) if p)


def _word(w: str) -> bool:
    return any(c.isalpha() for c in w) and not is_number(w) and w.lower() not in STOP


def _after(words: list[str], sp: Span, taken: set[int], vocabulary: frozenset[str]) -> Span | None:
    """An unseen name after "VAR and|or|, [a]": the run of words up to the next break."""
    k = sp.end
    comma = conjunction = False
    if k < len(words) and words[k] == ",":
        k, comma = k + 1, True
    if k < len(words) and words[k].lower() in _JOIN:
        k, conjunction = k + 1, True
    if not (comma or conjunction):
        return None
    if k < len(words) and words[k].lower() in _PREPOSITIONS:  # "through trucks or by train"
        if not conjunction:
            return None  # "A premium seat, with extra legroom, takes": an aside, not a list
        k += 1
    det = k < len(words) and words[k].lower() in _DETERMINERS
    if det:
        k += 1
    j = k
    # a name is modifiers, then its unseen head: "velvet fiddle", not "plywood using workers"
    while (j < len(words) and j - k < _MAX_WORDS and _word(words[j]) and j not in taken
           and words[j].lower() not in _PREPOSITIONS
           and not (j > k and _unseen(words[j - 1], vocabulary) and not _unseen(words[j], vocabulary))):
        j += 1
    # the run must end at a break (or a preposition), not inside a phrase, and not before a verb's "to"
    # ("or outsource to")
    nxt = words[j].lower() if j < len(words) else "."
    if j == k or (_word(nxt) and nxt not in _PREPOSITIONS) or nxt == "to":
        return None
    if comma and conjunction and det and nxt in _CLAUSE_VERBS:
        return None  # "..., and the apiary has 1,000 jars": the subject of a new clause
    if not any(_unseen(words[i], vocabulary) for i in range(k, j)):
        return None
    # a comma alone joins names only inside a list that goes on ("Hammock, Sextant, and Valise"), not
    # "At Bonzai beach, Roy finds 3 seashells"
    if not conjunction and not (j < len(words) and (words[j] == "," or words[j].lower() in _JOIN)):
        return None
    return Span("VAR", k, j, " ".join(words[k:j]))


def _before(words: list[str], sp: Span, taken: set[int], vocabulary: frozenset[str], names: set[str]) -> Span | None:
    """An unseen name before "[,] and|or [a] VAR" or ", VAR": the unseen words right before."""
    k = sp.start - 1
    if k >= 0 and words[k].lower() in _DETERMINERS:
        k -= 1
    if k >= 0 and words[k].lower() in _PREPOSITIONS:
        k -= 1
    conjunction = comma = False
    if k >= 0 and words[k].lower() in _JOIN:
        k, conjunction = k - 1, True
    if k >= 0 and words[k] == ",":
        k, comma = k - 1, True
    if not (conjunction or comma):
        return None
    if conjunction and sp.end < len(words) and words[sp.end].lower() in _ONE_SUBJECT_VERBS:
        return None  # "... is paid $90 for the night and a car driver is paid $160": a new clause's subject
    j = k
    while j >= 0 and k - j < _MAX_WORDS and _word(words[j]) and j not in taken and _unseen(words[j], vocabulary):
        j -= 1
    if j == k:
        return None
    left = words[j].lower() if j >= 0 else "."
    # "two methods, drones and couriers", "units of garbage and ...", "every shift and ...": a category,
    # a unit or a period, not a name; a comma alone joins names only inside a list ("Hammock, Sextant")
    # a known modifier the same name carries where it was tagged ("granite metronome") belongs to it
    while j >= 0 and j not in taken and _word(words[j]) and any(
            n.endswith(" ".join(w.lower() for w in words[j:k + 1])) for n in names):
        j -= 1
    left = words[j].lower() if j >= 0 else "."
    if is_number(left) or left in _NOT_BEFORE_NAME or (not conjunction and left not in _LIST_START):
        return None
    return Span("VAR", j + 1, k + 1, " ".join(words[j + 1:k + 1]))


def coordinated_names(words: list[str], spans: list[Span], vocabulary: frozenset[str] | None) -> list[Span]:
    """The spans with unseen names coordinated with a tagged variable added (through whole lists:
    "Hammock, Sextant, and Valise" from any one of them)."""
    spans = _by_ways(words, _same_verb_frames(words, rate_frame_items(words, spans)))
    if not vocabulary:
        return spans
    return rate_frame_items(words, _coordinated(words, spans, vocabulary))


def _coordinated(words: list[str], spans: list[Span], vocabulary: frozenset[str]) -> list[Span]:
    """`coordinated_names` after the rate frames."""
    out = list(spans)
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    todo = [sp for sp in spans if sp.label == "VAR"]
    names = {sp.text.lower() for sp in todo}
    # an untagged repeat of an unseen name the tagger did find elsewhere ("using a lute or by
    # truck ... A lute can carry") anchors a coordination too (it is tagged later, by the repairs)
    heads = {singular(sp.text.split()[-1]) for sp in todo}
    todo += [Span("VAR", k, k + 1, w) for k, w in enumerate(words) if k not in taken
             and _unseen(w, vocabulary) and singular(w) in heads]
    if not todo:
        todo = _first_pair(words, taken, vocabulary)
        out += todo
        taken.update(k for sp in todo for k in range(sp.start, sp.end))
    while todo:
        sp = todo.pop()
        for new in (_after(words, sp, taken, vocabulary), _before(words, sp, taken, vocabulary, names)):
            if new is not None and not any(k in taken for k in range(new.start, new.end)):
                out.append(new)
                taken.update(range(new.start, new.end))
                todo.append(new)
    return sorted(out, key=lambda sp: sp.start)


def _first_pair(words: list[str], taken: set[int], vocabulary: frozenset[str]) -> list[Span]:
    """With no variable tagged at all: the first two unseen names joined by "and" / "or" ("They sell a
    bugle and a sled"), each after an article, a preposition or a list's opening word."""
    for k, w in enumerate(words):
        if k in taken or not _word(w) or not _unseen(w, vocabulary) or k + 1 >= len(words):
            continue
        left = words[k - 1].lower() if k else "."
        if left not in _DETERMINERS | _PREPOSITIONS | _LIST_START:
            continue
        first = Span("VAR", k, k + 1, w)
        second = _after(words, first, taken, vocabulary)
        if second is not None and words[k + 1].lower() in _JOIN:
            return [first, second]
    return []


# "X paying 4%", "X that pays 4%", "X which returns 9%": one option of a list, named before its rate
_FRAME_ING = frozenset("paying yielding returning earning".split())
_FRAME_VERB = frozenset("pays yields returns earns gives".split())
_FRAME_REL = frozenset({"that", "which"})
_ITEM_EDGE = frozenset({",", ";", "and", "or", "between", "in", "into", "among", "of", ":", "either"})
_SENTENCE = frozenset({".", "?", "!"})


def _frame_at(words: list[str], k: int) -> bool:
    """A rate frame starts at k: "paying 4", "that pays 4", "which returns $5", "at $2.50"."""
    lower = [w.lower() for w in words[k: k + 4]]
    rest = lower[1:]
    if lower[:2] == ["at", "$"]:  # "cones at $2.50 profit each, popsicles at $1.20"
        return len(lower) > 2 and is_number(lower[2])
    if lower[:1] and lower[0] in _FRAME_REL:
        if not rest or rest[0] not in _FRAME_VERB:
            return False
        rest = rest[1:]
    elif not lower[:1] or lower[0] not in _FRAME_ING:
        return False
    rest = [w for w in rest if w != "$"]
    return bool(rest) and is_number(rest[0])


def _item_before(words: list[str], k: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before position k, back to its article or a list's edge (at most 4
    words)."""
    j = k
    while j > 0 and k - j < 4 and _word(words[j - 1]) and words[j - 1].lower() not in _DETERMINERS \
            and words[j - 1].lower() not in _ITEM_EDGE:
        j -= 1
    left = words[j - 1].lower() if j > 0 else "."
    if j == k or not (left in _DETERMINERS or left in _ITEM_EDGE):
        return None
    return j, k


def rate_frame_items(words: list[str], spans: list[Span]) -> list[Span]:
    """In one sentence's list of options where every item has the same rate frame ("a real estate trust paying
    6.5%, corporate bonds paying 5% and a money market account paying 3%", "a savings bond that pays 4% and a
    stock fund that returns 9%"), each item is a decision: when one item is a tagged variable, the others are
    tagged too."""
    frames = [k for k in range(1, len(words)) if _frame_at(words, k)]
    if len(frames) < 2:
        return spans
    var_ends = {sp.end for sp in spans if sp.label == "VAR"}
    # an item the tagger named elsewhere ("milkshakes at $4.00" and "a milkshake 0.3 litres") counts too
    heads = {singular(sp.text.split()[-1]) for sp in spans if sp.label == "VAR" and sp.text.split()}
    var_ends |= {k for k in frames if k > 0 and singular(words[k - 1]) in heads}
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    sentence = [0] * len(words)
    for k in range(1, len(words)):
        sentence[k] = sentence[k - 1] + (words[k - 1] in _SENTENCE)
    out = list(spans)
    for s in {sentence[k] for k in frames}:
        here = [k for k in frames if sentence[k] == s]
        if len(here) < 2 or not any(k in var_ends for k in here):
            continue
        for k in here:
            item = _item_before(words, k)
            if k in var_ends or item is None or any(j in taken for j in range(*item)):
                continue
            out.append(Span("VAR", item[0], item[1], " ".join(words[item[0]: item[1]])))
            taken.update(range(*item))
    return sorted(out, key=lambda sp: sp.start)


# what may stand right before an item of a list of options: a list's edge, an article, or the verb of using
_FRAME_LEFT = _ITEM_EDGE | _DETERMINERS | frozenset({"using", "use", "uses", "with", "by", "either", "my", "our",
                                                      "hire", "rent", "buy", "lease", "charter",
                                                      "your"})


def _same_verb_frames(words: list[str], spans: list[Span]) -> list[Span]:
    """"using dump trucks that carry 12 cubic meters per trip and trailers that carry 20 cubic meters per
    trip": in one sentence, options each followed by "that" / "which" and the same verb and a number are
    the items of one list, so when one of them is a tagged variable, the others are variables too."""
    frames: dict[tuple[int, str], list[int]] = {}
    sent = 0
    for k in range(len(words) - 2):
        if words[k] in _SENTENCE:
            sent += 1
        nxt = words[k + 3] if words[k + 2] == "$" and k + 3 < len(words) else words[k + 2]
        if words[k].lower() in _FRAME_REL and words[k + 1].isalpha() and words[k + 1].lower() not in STOP and (
                is_number(nxt)):
            frames.setdefault((sent, words[k + 1].lower()), []).append(k)
    var_ends = {sp.end for sp in spans if sp.label == "VAR"}
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    # (with nothing tagged at all, the options may still be said so: "his pickup truck, which carries 300 kg
    # per trip ..., or a tractor with a trailer, which carries 800 kg per trip")
    bare = not var_ends
    for here in frames.values():
        if len(here) < 2 or not (bare or any(k in var_ends or k - 1 in var_ends for k in here)):
            continue
        # (or three options and more said alike: "hire buses that seat 50 students, minibuses that seat 25
        # students and vans that seat 10 students")
        if bare and not all(words[k - 1] == "," for k in here) and len(here) < 3:
            continue
        for k in here:
            if k in var_ends or k - 1 in var_ends:
                continue
            k -= words[k - 1] == ","
            if k - 1 in taken:
                continue
            j = k
            while j > 0 and k - j < 3 and _word(words[j - 1]) and words[j - 1].lower() not in _FRAME_LEFT:
                j -= 1
            if j == k or j == 0 or words[j - 1].lower() not in _FRAME_LEFT or any(i in taken for i in range(j, k)):
                continue
            # ("or pickup trucks with ice boxes, which carry 120 kg": the option is what comes "with" them)
            i = j - 1
            while words[j - 1].lower() == "with" and i > 0 and j - 1 - i < 3 and _word(words[i - 1]) and (
                    words[i - 1].lower() not in _FRAME_LEFT):
                i -= 1
            if i < j - 1 and i > 0 and words[i - 1].lower() in _ITEM_EDGE and not any(x in taken for x in range(i, j - 1)):
                j, k = i, j - 1
            out.append(Span("VAR", j, k, " ".join(words[j:k])))
            taken.update(range(j, k))
    return sorted(out, key=lambda sp: sp.start)


# verbs of sending something some way: "It can send the wheat by rail ... or by river barge"
_SEND_VERBS = frozenset("send sends sent ship ships shipped move moves moved transport transports transported "
                        "carry carries deliver delivers haul hauls".split())
# what follows "by" and is no way of sending: "by contract", "by law", "by the end of May"
_NOT_A_WAY = frozenset("contract law hand far then now the a an its their his her this that weight volume".split())


def _by_ways(words: list[str], spans: list[Span]) -> list[Span]:
    """"It can send the wheat by rail at a cost of $18 per tonne or by river barge at a cost of $12 per
    tonne", "ships frozen fish by sea, by rail and by air": in a sentence of sending, two ways or more each
    said after "by" and joined by "or" / "and" / a comma are the options decided on, so each is a name."""
    out = list(spans)
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    a = 0
    for b in [k for k, w in enumerate(words) if w in _SENTENCE] + [len(words)]:
        low = [w.lower() for w in words[a:b]]
        ways: list[tuple[int, int]] = []
        for i, w in enumerate(low):
            if w != "by" or i + 1 >= len(low) or not low[i + 1].isalpha() or low[i + 1] in STOP | _NOT_A_WAY:
                continue
            if ways and low[i - 1] not in {"or", "and", ","}:
                continue
            if not ways and not _SEND_VERBS & set(low[:i]):
                continue
            j = i + 1
            while j < len(low) and j - i <= _MAX_WORDS and low[j].isalpha() and low[j] not in STOP | {
                    "earning", "costing", "paying", "making"}:
                j += 1
            ways.append((a + i + 1, a + j))
        if len(ways) >= 2 and len({" ".join(low[x - a: y - a]) for x, y in ways}) == len(ways):
            for x, y in ways:
                if not any(k in taken for k in range(x - 1, y)):
                    out.append(Span("VAR", x, y, " ".join(words[x:y])))
                    taken.update(range(x, y))
            # ("... $150 per tonne sent by air": the same way said again after "by" elsewhere)
            for x, y in ways:
                name = [w.lower() for w in words[x:y]]
                for k in range(1, len(words) - len(name) + 1):
                    if words[k - 1].lower() == "by" and [w.lower() for w in words[k: k + len(name)]] == name and not any(
                            i in taken for i in range(k - 1, k + len(name))):
                        out.append(Span("VAR", k, k + len(name), " ".join(words[k: k + len(name)])))
                        taken.update(range(k, k + len(name)))
        a = b + 1
    return sorted(out, key=lambda sp: sp.start)
