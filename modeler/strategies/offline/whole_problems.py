"""Whole-problem shapes: families of word problems whose decisions are not named one by one in the text.

A transport grid prices every source-destination pair ("$0.05 from Depot 1 to Ashby"), so the decisions
are the pairs; shift cover gives a need in each period and shifts that cover so many periods in a row, so
the decisions are the shifts' starts; "how many hours should each oven spend on bread and on pastries"
makes every machine-product pair a decision; regular time and overtime over months make a decision of each
month's two modes; cutting patterns make a decision of each pattern. The entity tagger cannot name such
decisions, so `_understand` (in `__init__`) tries these readers on the text before the entity-driven
reading. Each reads the text alone, returns its own reading, objective and rows, and returns None unless
every part of its shape is said, so it never takes over a problem of another family.
"""

from __future__ import annotations

import re

from modeler.strategies.offline.entities import is_number
from modeler.strategies.offline.reading import Reading, Variable
from modeler.strategies.offline.specs import ConstraintSpec, Objective
from modeler.strategies.offline.words import parse_value, singular


def _shape_reading(r: Reading, variables: list[Variable]) -> Reading:
    """The reading of a shape: the text's words and sentences, with the shape's own decisions and no
    coefficient groups (the shape writes its rows itself)."""
    return Reading(r.tokens, r.words, r.spans, variables, {}, [], [], r.sentences, {})


# ---- a transport grid: "$0.05 from Depot 1 to Ashby, ...", each source's supply and each destination's need
_GRID_BREAKS = frozenset({",", ";", ".", ":", "?", "!", "and", "or", "while", "but", "whereas"})
_GRID_CAP = re.compile(r"\b(?:room|capacity|holds?|can take|can accept|accepts?|at most|up to|no more than|seats?)\b")
_GRID_NEED = re.compile(r"\b(?:needs?|requires?|orders?|ordered|demands?|wants?|at least|must get|must receive)\b")
_GRID_ALL = re.compile(r"\b(?:every|all|each)\b(?: [a-z-]+){1,3} (?:must|has to|have to|needs? to)\b")
_GRID_MIN = re.compile(r"\b(?:minimi[sz]e|minimum|lowest|least|cheapest|cheaply|as small as possible|as low as possible)\b")
_GRID_STOP = frozenset("The A An Each Every All Shipping Transport Moving Sending Plan How What Which".split())


def _grid_word(w: str) -> bool:
    """A capitalised word of a place's name ("Hill", "Farm", "Anne's")."""
    stem = w[:-2] if w.endswith("'s") else w
    return len(stem) > 1 and stem[:1].isupper() and stem.isalpha() and w not in _GRID_STOP


def _grid_name_before(words: list[str], k: int) -> tuple[int, int] | None:
    """The name ending at k ("Ashby", "Depot 1", "Plant B", "Hill Farm"): capitalised words (up to three),
    or one with a number or a single capital letter after it, or a lone capital letter after "from" or
    opening a line or clause ("$8 from A to X")."""
    if k < 0:
        return None
    w = words[k]
    if (w.isdigit() and len(w) <= 2) or (len(w) == 1 and w.isupper()):
        if k >= 1 and words[k - 1][:1].isupper() and words[k - 1].isalpha() and words[k - 1] not in _GRID_STOP:
            return k - 1, k + 1
        if w.isalpha() and (k == 0 or words[k - 1].lower() == "from" or words[k - 1] in {",", ";", ":", "-", "."}):
            return k, k + 1
        return None
    if w[:1].isupper() and w.isalpha() and len(w) > 1 and w not in _GRID_STOP:
        a = k
        while a >= 1 and k - a < 2 and _grid_word(words[a - 1]) and not words[a - 1].endswith("'s"):
            a -= 1
        return a, k + 1
    return None


def _grid_name_after(words: list[str], k: int) -> tuple[int, int] | None:
    if k < len(words) and len(words[k]) == 1 and words[k].isupper() and words[k].isalpha() and (
            k + 1 == len(words) or words[k + 1] in {",", ";", ":", ".", "$", "and", "is", "costs", "at", "for"}):
        return k, k + 1  # a lone letter: "from A to X, $11 from A to Y"
    if k >= len(words) or not (words[k][:1].isupper() and words[k].isalpha() and len(words[k]) > 1) or (
            words[k] in _GRID_STOP):
        return None
    if k + 1 < len(words) and ((words[k + 1].isdigit() and len(words[k + 1]) <= 2) or (
            len(words[k + 1]) == 1 and words[k + 1].isupper())):
        return k, k + 2
    e = k + 1
    while e < len(words) and e - k < 3 and _grid_word(words[e]) and not words[e - 1].endswith("'s"):
        e += 1  # "to St Anne's", "to Hill Farm"
    return k, e


def _grid_costs(words: list[str]) -> tuple[dict[tuple[str, str], float], set[int]]:
    """Each "S to D" with a price beside it ("$0.05 from Depot 1 to Ashby", "North to Lincoln $1.10"): the
    price of one unit moved, and the tokens those statements take."""
    out: dict[tuple[str, str], float] = {}
    taken: set[int] = set()
    for k, w in enumerate(words):
        if w.lower() != "to":
            continue
        s, d = _grid_name_before(words, k - 1), _grid_name_after(words, k + 1)
        if s is None or d is None:
            continue
        a = s[0] - 1 if s[0] >= 1 and words[s[0] - 1].lower() == "from" else s[0]
        price = None
        j = d[1]
        while j < len(words) and j < d[1] + 3 and words[j].lower() in {":", ",", "is", "costs", "cost", "at", "for"}:
            j += 1
        # ("$0.05 from Depot 1 to Ashby, $0.08 from ...": the price before "from", when there is one)
        if a < s[0] and a >= 2 and words[a - 2] == "$" and parse_value(words[a - 1]) is not None:
            price, used = parse_value(words[a - 1]), {a - 2, a - 1}
        elif j + 1 < len(words) and words[j] == "$" and parse_value(words[j + 1]) is not None:
            price, used = parse_value(words[j + 1]), {j, j + 1}
        if price is None:
            continue
        key = (" ".join(words[s[0]: s[1]]), " ".join(words[d[0]: d[1]]))
        if key in out:
            return {}, set()
        out[key] = price
        taken |= used | set(range(a, d[1]))
    return out, taken


def _paired_amounts(words: list[str], names: list[str], taken: set[int]) -> dict[str, tuple[float, str]]:
    """"our depots in Leeds and York hold 40 and 60 tonnes": names joined by "and" (or commas), then as many
    numbers joined the same way a few words on, pair in order."""
    out: dict[str, tuple[float, str]] = {}
    k = 0
    while k < len(words):
        run, j = [], k
        while j < len(words):
            hit = next((n for n in names if words[j: j + len(n.split())] == n.split()), None)
            if hit is None:
                break
            run.append(hit)
            j += len(hit.split())
            if j < len(words) and words[j] in {",", "and"} and j + 1 < len(words) and words[j + 1] != "and":
                j += 1
            elif j + 1 < len(words) and words[j] == "," and words[j + 1] == "and":
                j += 2
            else:
                break
        if len(run) >= 2:
            x = next((i for i in range(j, min(j + 4, len(words))) if is_number(words[i]) and words[i][:1].isdigit()), None)
            nums: list[int] = []
            while x is not None and x < len(words) and is_number(words[x]) and x not in taken:
                nums.append(x)
                x = x + 2 if x + 2 < len(words) and words[x + 1] in {",", "and"} else None
            if len(nums) == len(run):
                clause = " ".join(w.lower() for w in words[k: nums[-1] + 3])
                for n, i in zip(run, nums, strict=True):
                    value = parse_value(words[i])
                    if value is not None:
                        out.setdefault(n, (value, clause))
        k = max(j, k + 1)
    return out


def _grid_said_in(clause: list[str], name: str) -> bool:
    """Whether a clause names a place: its words, or for a lone letter ("Mill P has 90 sacks" does not
    name "M"), that letter as a word of its own."""
    if len(name) == 1:
        return name in clause
    return " ".join(clause).find(name) >= 0


def transport_grid(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"Shipping a litre costs $0.05 from Depot 1 to Ashby, $0.08 from Depot 1 to Brook, ...", with "9,000
    litres in Depot 1" and "Ashby needs 6,000 litres": a price for every source-destination pair of two
    sources or more and two destinations or more, and one amount said beside each name, is a transport
    problem: a decision per pair, the cheapest plan, each source's amount a most (all of it when the text
    says every unit must go and the destinations' amounts are room) and each destination's a least (a most
    when it is room: "room for 280")."""
    words = r.words
    low = " ".join(w.lower() for w in words)
    if not _GRID_MIN.search(low):
        return None
    costs, taken = _grid_costs(words)
    sources = list(dict.fromkeys(s for s, _ in costs))
    dests = list(dict.fromkeys(d for _, d in costs))
    if len(sources) < 2 or len(dests) < 2 or set(sources) & set(dests) or len(costs) != len(sources) * len(dests):
        return None
    amounts: dict[str, tuple[float, str]] = _paired_amounts(words, sources + dests, taken)
    for name in sources + dests:
        if name in amounts:
            continue
        ph = name.split()
        for k in range(len(words) - len(ph) + 1):
            if words[k: k + len(ph)] != ph or k in taken:
                continue
            a = k
            while a > 0 and words[a - 1].lower() not in _GRID_BREAKS:
                a -= 1
            b = k + len(ph)
            while b < len(words) and words[b].lower() not in _GRID_BREAKS:
                b += 1
            if b == k + len(ph) and b < len(words) and words[b] == ":":  # "Pit A: up to 70 loads"
                b += 1
                while b < len(words) and words[b].lower() not in _GRID_BREAKS:
                    b += 1
            clause = words[a:b]
            if any(other != name and _grid_said_in(clause, other) and other not in name
                   for other in sources + dests):
                continue
            nums = [j for j in range(a, b) if j not in taken and is_number(words[j]) and not (
                j > 0 and words[j - 1] == "$") and not k <= j < k + len(ph)]
            if len(nums) == 1:
                value = parse_value(words[nums[0]])
                if value is not None and value > 1:
                    amounts.setdefault(name, (value, " ".join(w.lower() for w in clause)))
                    break
    if len(amounts) != len(sources) + len(dests):
        return None
    pairs = [(s, d) for s in sources for d in dests]
    variables = [Variable(i, [f"{s} {d}"], {s.lower(), d.lower()}) for i, (s, d) in enumerate(pairs)]
    grid = _shape_reading(r, variables)
    sentence = next((r.sentence_text(s) for s in r.sentences if "$" in r.sentence_text(s)), "")
    obj = Objective("min", {i: costs[p] for i, p in enumerate(pairs)}, "cost", "weighted", sentence)
    dest_cap = all(_GRID_CAP.search(amounts[d][1]) for d in dests)
    src_need = all(_GRID_NEED.search(amounts[s][1]) for s in sources)
    if dest_cap and src_need:
        return None  # (the sources need and the destinations hold: read the other way round, not guessed)
    every = bool(_GRID_ALL.search(low))
    if dest_cap and not every:
        return None
    src_sense, dest_sense = ("==", "<=") if dest_cap else ("<=", ">=")
    specs = [ConstraintSpec("sum", src_sense, amounts[s][0], {i: 1.0 for i, p in enumerate(pairs) if p[0] == s},
                            sentence=amounts[s][1], cue=s) for s in sources]
    specs += [ConstraintSpec("sum", dest_sense, amounts[d][0], {i: 1.0 for i, p in enumerate(pairs) if p[1] == d},
                             sentence=amounts[d][1], cue=d) for d in dests]
    return grid, obj, specs


# ---- shift cover: periods in a cycle, a need in each, and shifts that cover so many periods in a row
_COVER = re.compile(r"\b(?:covering|covers|cover|spanning|spans|span|works?|working) (two|three|four|five|six|2|3|4|5|6) "
                    r"(?:consecutive |successive |straight )?([a-z]+?)s?(?: in a row)?\b")
_FEWEST = re.compile(r"\b(?:fewest|as few|minimi[sz]e|minimum|smallest|least)\b")


def shift_cover(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"splits the day into four 6-hour blocks: midnight-6am, 6am-noon, noon-6pm and 6pm-midnight, and needs
    4, 6, 8 and 10 guards on duty in them respectively. Every guard works a 12-hour shift covering two blocks
    in a row ... How many guards should start at each of the four times ... with the fewest guards?": the
    decisions are how many start in each period, each period's need is met by those who started in it or in
    the periods just before it (round the cycle), and the fewest start in all."""
    words = r.words
    low = [w.lower() for w in words]
    text = " ".join(low)
    m = _COVER.search(text)
    if not m or "start" not in text or not _FEWEST.search(text):
        return None
    span, unit = int(parse_value(m.group(1)) or 0), m.group(2)
    # the needs: one list of numbers said "respectively"
    k = next((j for j, w in enumerate(low) if w == "respectively"), None)
    if k is None:
        return None
    a = max([j + 1 for j in range(k) if words[j] in {".", ";", "?", "!"}], default=0)
    nums = [j for j in range(a, k) if is_number(words[j]) and words[j][:1].isdigit() and not (j and words[j - 1] == "$")]
    if len(nums) < 3 or any(low[x] not in {",", "and"} for p, q in zip(nums, nums[1:], strict=False)
                            for x in range(p + 1, q)):
        return None
    needs = [parse_value(words[j]) for j in nums]
    n = len(needs)
    if span >= n or any(v is None for v in needs):
        return None
    # the periods' names: a list of n after a colon ("blocks: midnight-6am, 6am-noon, ...")
    names: list[str] = []
    for c in (j for j, w in enumerate(words) if w == ":"):
        items, cur = [], []
        for w in words[c + 1:]:
            if w in {",", "and"} or w in {".", ";"}:
                if cur:
                    items.append(" ".join(cur))
                    cur = []
                if w in {".", ";"} or len(items) == n:
                    break
                continue
            cur.append(w)
        if len(items) == n and singular(unit) in {singular(x) for x in low[max(0, c - 2): c]}:
            names = [x.split("-")[0] for x in items]
            break
    if not names:
        return None
    variables = [Variable(i, [f"start {x}"], {x.lower()}) for i, x in enumerate(names)]
    cover = _shape_reading(r, variables)
    sentence = next((r.sentence_text(s) for s in r.sentences if "start" in r.sentence_text(s).lower()), "")
    obj = Objective("min", {i: 1.0 for i in range(n)}, "the number who start", "count", sentence, said=True)
    specs = [ConstraintSpec("sum", ">=", float(needs[i]), {(i - d) % n: 1.0 for d in range(span)},
                            sentence=" ".join(words[a:k]), cue=names[i]) for i in range(n)]
    return cover, obj, specs


# ---- machines x products: "How many hours should each oven spend on bread and on pastries?"
_EACH_ON = re.compile(r"\bhow many hours should each ([a-z]+) (?:spend |run |work |be used |give )?on (?:the )?([a-z]+) "
                      r"and (?:on )?(?:the )?([a-z]+)\b")
_PER_HOUR = frozenset({"an", "per", "each", "every", "a"})


def machine_products(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"Oven A bakes 60 loaves or 40 trays an hour and costs $30 an hour to run. Oven B bakes 40 loaves or 45
    trays an hour and costs $25 an hour. Each oven can run for at most 12 hours ... at least 600 loaves and
    450 trays ... How many hours should each oven spend on bread and on pastries": the decisions are the
    hours of each machine on each product; each product's amount is the machines' rates times their hours,
    each machine's hours are capped, and the hours cost each machine's price."""
    words = r.words
    low = [w.lower() for w in words]
    text = " ".join(low)
    q = _EACH_ON.search(text)
    if not q or not _GRID_MIN.search(text):
        return None
    head, products = q.group(1), [q.group(2), q.group(3)]
    machines = list(dict.fromkeys(f"{words[k]} {words[k + 1]}" for k in range(len(words) - 1)
                                  if singular(low[k]) == head and len(words[k + 1]) == 1 and words[k + 1].isupper()))
    if len(machines) < 2:
        return None
    rates: dict[str, list[tuple[float, str]]] = {}
    price: dict[str, float] = {}
    for mname in machines:
        ph = mname.split()
        k = next(j for j in range(len(words) - 1) if words[j: j + 2] == ph)
        _, b = r.sentences[r.tokens[k].sent]
        j, found = k + 2, []
        while j < b:
            if is_number(words[j]) and words[j][:1].isdigit() and j + 1 < b and words[j + 1].isalpha() and words[j - 1] != "$":
                found.append((parse_value(words[j]), singular(low[j + 1])))
                j += 2
                if j < b and low[j] in {"or", "and", ","}:
                    j += 1
                    continue
                break
            j += 1
        if len(found) != 2 or not (j + 1 < b and low[j] in _PER_HOUR and singular(low[j + 1]) == "hour"):
            return None
        rates[mname] = [(float(v), u) for v, u in found if v is not None]
        cost = next((parse_value(words[x + 1]) for x in range(j + 2, b - 1) if words[x] == "$"), None)
        if cost is None:
            return None
        price[mname] = cost
    units = [u for _, u in rates[machines[0]]]
    if any([u for _, u in rates[m]] != units for m in machines):
        return None
    # what must be turned out: "at least 600 loaves and 450 trays of pastries"
    need: dict[str, float] = {}
    for k in range(len(words) - 1):
        if is_number(words[k]) and words[k][:1].isdigit() and singular(low[k + 1]) in units and not any(
                words[k: k + 2] == m.split() for m in machines):
            in_rate = any(abs((parse_value(words[k]) or -1) - v) < 1e-9 and u == singular(low[k + 1])
                          for m in machines for v, u in rates[m])
            if not in_rate:
                need.setdefault(singular(low[k + 1]), float(parse_value(words[k]) or 0))
    cap = re.search(r"\beach " + head + r"s? (?:can|may) (?:only )?(?:run|work|be used|operate) (?:for )?(?:at most|up to|no more "
                    r"than) (\d+(?:\.\d+)?) hours?\b", text)
    if len(need) != len(units) or not cap:
        return None
    pairs = [(m, p) for m in machines for p in range(len(products))]
    variables = [Variable(i, [f"{m} {products[p]}"], {m.lower(), products[p]}) for i, (m, p) in enumerate(pairs)]
    grid = _shape_reading(r, variables)
    obj = Objective("min", {i: price[m] for i, (m, _) in enumerate(pairs)}, "cost", "weighted", q.group(0))
    specs = [ConstraintSpec("linear", ">=", need[u], {i: rates[m][p][0] for i, (m, p) in enumerate(pairs) if p == pu},
                            sentence=q.group(0), cue=u) for pu, u in enumerate(units)]
    specs += [ConstraintSpec("sum", "<=", float(cap.group(1)), {i: 1.0 for i, (m2, _) in enumerate(pairs) if m2 == m},
                             sentence=cap.group(0), cue=m) for m in machines]
    return grid, obj, specs


# ---- regular time and overtime over months: "up to 350 jars can be made in regular hours ... in overtime"
_MONTHS = ("january february march april may june july august september october november december").split()


def _month_amounts(words: list[str], lo: int, hi: int, money: bool) -> dict[str, float]:
    """Numbers in words[lo:hi] each followed (within five words) by a month: "300 jars of jam in June and 500
    in July", "$2.00 a jar in June and $2.10 in July" (money: only those after "$")."""
    out: dict[str, float] = {}
    for k in range(lo, hi):
        if not (is_number(words[k]) and words[k][:1].isdigit()) or (words[k - 1] == "$") != money:
            continue
        for j in range(k + 1, min(k + 6, hi)):
            if words[j].lower() in _MONTHS and words[j][:1].isupper():
                value = parse_value(words[k])
                if value is not None:
                    out.setdefault(words[j].lower(), value)
                break
            if is_number(words[j]) or words[j] in {";", "."}:
                break
    return out


def regular_overtime(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"must deliver 300 jars of jam in June and 500 in July. In each month up to 350 jars can be made in
    regular hours, at $2.00 a jar in June and $2.10 in July; beyond that, jars can be made in overtime at
    $3.10 a jar in June and $3.00 in July. Jars made in June can be stored for July": the decisions are each
    month's regular and overtime output; regular output is capped each month, what is made by each month
    covers what is owed by then (each month's own when nothing is stored), at the least cost."""
    words = r.words
    low = [w.lower() for w in words]
    if "regular" not in low or "overtime" not in low or not _GRID_MIN.search(" ".join(low)):
        return None
    reg, ot = low.index("regular"), low.index("overtime")
    if ot < reg:
        return None
    sent_reg = r.tokens[reg].sent
    a, _ = r.sentences[sent_reg]
    cap = next((parse_value(words[k + 2]) for k in range(a, reg - 2) if low[k: k + 2] == ["up", "to"]
                and is_number(words[k + 2])), None)
    need = _month_amounts(words, 0, a, money=False)
    cost_reg = _month_amounts(words, reg, ot, money=True)
    _, b = r.sentences[r.tokens[ot].sent]
    cost_ot = _month_amounts(words, ot, b, money=True)
    months = [m for m in _MONTHS if m in need]
    if cap is None or len(months) < 2 or set(cost_reg) != set(months) or set(cost_ot) != set(months):
        return None
    stored = bool(re.search(r"\b(?:stored|store|kept|carried over|carry over|held)\b", " ".join(low)))
    pairs = [(m, kind) for m in months for kind in ("regular", "overtime")]
    variables = [Variable(i, [f"{m.capitalize()} {kind}"], {m, kind}) for i, (m, kind) in enumerate(pairs)]
    plan = _shape_reading(r, variables)
    obj = Objective("min", {i: (cost_reg if kind == "regular" else cost_ot)[m] for i, (m, kind) in enumerate(pairs)},
                    "cost", "weighted", r.sentence_text(r.tokens[ot].sent))
    specs = []
    for t, m in enumerate(months):
        upto = months[: t + 1] if stored else [m]
        specs.append(ConstraintSpec("sum", ">=", sum(need[x] for x in upto),
                                    {i: 1.0 for i, (x, _) in enumerate(pairs) if x in upto}, cue=m))
    specs += [ConstraintSpec("upperbound", "<=", float(cap), {pairs.index((m, "regular")): 1.0}, cue=m) for m in months]
    return plan, obj, specs


# ---- cutting patterns: "Pattern B cuts it into one 2 m piece and two 1.5 m pieces"
_LENGTHS = frozenset("m metre metres meter meters cm ft foot feet inch inches".split())
_PIECES = frozenset("piece pieces length lengths bit bits".split())


def cutting_patterns(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"an order for 120 pieces of 2 m and 90 pieces of 1.5 m. Pattern A cuts a beam into two 2 m pieces ...
    Pattern B cuts it into one 2 m piece and two 1.5 m pieces ... using the fewest beams": the decisions are
    how many stock pieces each pattern cuts; each ordered length is met by the pieces the patterns give,
    with the fewest stock pieces cut."""
    words = r.words
    low = [w.lower() for w in words]
    if not _FEWEST.search(" ".join(low)):
        return None
    counts = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1, "an": 1}
    # what is ordered: "120 pieces of 2 m"
    need: dict[float, float] = {}
    for k in range(len(words) - 4):
        if is_number(words[k]) and words[k][:1].isdigit() and low[k + 1] in _PIECES and low[k + 2] == "of" and (
                is_number(words[k + 3]) and low[k + 4] in _LENGTHS):
            n, size = parse_value(words[k]), parse_value(words[k + 3])
            if n is not None and size is not None:
                need.setdefault(size, n)
    names = [k for k in range(len(words) - 1) if low[k] == "pattern" and (
        (len(words[k + 1]) == 1 and words[k + 1].isupper()) or (words[k + 1].isdigit() and len(words[k + 1]) == 1))]
    if len(need) < 2 or len(names) < 2:
        return None
    gives: dict[str, dict[float, float]] = {}
    for k in names:
        name = f"{words[k]} {words[k + 1]}"
        _, b = r.sentences[r.tokens[k].sent]
        got: dict[float, float] = {}
        for j in range(k + 2, b - 3):
            c = counts.get(low[j]) or (parse_value(words[j]) if words[j].isdigit() else None)
            if c and is_number(words[j + 1]) and words[j + 1][:1].isdigit() and low[j + 2] in _LENGTHS and (
                    low[j + 3] in _PIECES):
                size = parse_value(words[j + 1])
                if size in need:
                    got[size] = got.get(size, 0.0) + c
        if not got or name in gives:
            continue
        gives[name] = got
    if len(gives) < 2 or not all(any(s in g for g in gives.values()) for s in need):
        return None
    pats = list(gives)
    variables = [Variable(i, [p], {p.lower()}) for i, p in enumerate(pats)]
    plan = _shape_reading(r, variables)
    obj = Objective("min", {i: 1.0 for i in range(len(pats))}, "stock pieces cut", "count", "", said=True)
    specs = [ConstraintSpec("linear", ">=", n, {i: gives[p][s] for i, p in enumerate(pats) if s in gives[p]},
                            cue=f"{s:g} pieces") for s, n in need.items()]
    return plan, obj, specs
