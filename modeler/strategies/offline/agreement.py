"""When the taggers agree on an answer the reading kept does not give, the answer they agree on.

The reader keeps the first tagger's reading when it is sure (`read_surest`), and a sure reading is right
about 9 times in 10. The other taggers slip on other words, so when the first one has slipped, several of
the others often read the problem alike, and their models have one optimum that the kept reading's model
misses. Each tagger is a voter (taggers that tag alike read alike and vote alike), but only with a
reading that is itself sure and leaves no number unused; their votes go to the optimum of the model's LP
relaxation (the value a right model of the text must reach, whatever it names its variables). When at
least `AGREE` taggers give one optimum that more of them give than give the kept reading's, the reading
of the first of them replaces it.

Chosen on every tagger's reading of the 880 developed fresh problems (honest taggers): with AGREE = 3 and
all seven taggers voting, 4 more read right and none fewer (AGREE = 2 the same; without the vote as a voter
2; benchmarks/results/offline-nl4opt-v47/checks/agreement-sim.txt). In the product (run n97 against n93):
NL4Opt test 238 -> 239, the 12 unseen fresh sets 397 -> 401 honest and 391 -> 394 shipped of 480, two
paraphrases more, one developed problem lost (freshdev3-036: five of seven taggers read "10,000 tonnes of
iron ore" as tonnes of iron). It costs time: the other taggers tag the text too (the cheapest first, and no
further once too few are left to outvote the reading kept), so the median on NL4Opt dev is 28 ms against
16 ms without it (benchmarks/results/offline-nl4opt-v47/speed/).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

# the fewest taggers whose agreement overrules the reading kept
AGREE = 3


def unused_numbers(reading: tuple[Any, list[dict[str, Any]], float, Any, Any]) -> int:
    """How many of the text's numbers the reading's model leaves unused (its doubts say)."""
    return sum(u.get("unused", 0) for u in reading[1] if u["kind"] == "doubt")


def agreed(votes: Sequence[tuple[Any, int]], kept: Any, sure: float,
           optimum: Callable[[Any], float | None]) -> tuple[Any, int, int] | None:
    """`votes`: each tagger's reading (a Refusal where it refused) with the tagger's number, in the taggers'
    order; `kept`: the reading kept so far; `optimum`: a reading's LP optimum (None without one). Returns
    (the reading agreed on, its tagger, how many agree) when it replaces `kept`, else None."""
    counts: Counter[float] = Counter()
    first: dict[float, tuple[Any, int]] = {}
    for reading, k in votes:
        if not isinstance(reading, tuple) or reading[2] < sure or unused_numbers(reading):
            continue
        value = optimum(reading)
        if value is None:
            continue
        key = round(value, 4)
        counts[key] += 1
        first.setdefault(key, (reading, k))
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    kept_value = optimum(kept)
    kept_key = None if kept_value is None else round(kept_value, 4)
    if n < AGREE or kept_key == value or counts[kept_key] >= n:
        return None
    reading, k = first[value]
    return reading, k, n
