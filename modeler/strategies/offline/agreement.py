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
2; benchmarks/results/offline-nl4opt-v47/checks/agreement-sim.txt). In the product (runs n97 and n99 against n93):
NL4Opt test 238 -> 239, the 12 unseen fresh sets 397 -> 401 honest and 391 -> 394 shipped of 480, two
paraphrases more, one developed problem lost (freshdev3-036: five of seven taggers read "10,000 tonnes of
iron ore" as tonnes of iron). It costs time: the other taggers tag the text too (the CRFs first; the
BiLSTM-CRF and the vote only when the CRFs leave the outcome open) and their readings are read (the most
voted first, no more once no optimum can gather enough votes): on NL4Opt test the median is 36 ms against
15 ms without it, on NL4Opt dev 20 against 15.5 ms (benchmarks/results/offline-nl4opt-v47/speed/).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

# the fewest taggers whose agreement overrules the reading kept
AGREE = 3
# what `agreed` says when the taggers not heard yet could change the outcome
UNDECIDED = "undecided"


def unused_numbers(reading: tuple[Any, list[dict[str, Any]], float, Any, Any]) -> int:
    """How many of the text's numbers the reading's model leaves unused (its doubts say)."""
    return sum(u.get("unused", 0) for u in reading[1] if u["kind"] == "doubt")


def agreed(kept: Any, kept_voters: Sequence[int], others: Sequence[tuple[Sequence[int], Callable[[], Any]]],
           sure: float, optimum: Callable[[Any], float | None], unknown: int = 0) -> tuple[Any, int, int] | str | None:
    """`kept`: the reading kept so far, and the taggers that tag as it was tagged (`kept_voters`); `others`: each
    other tagging, as the taggers that gave it and how to read it (a Refusal where it is refused); `optimum`: a
    reading's LP optimum (None without one); `unknown`: how many more taggers have not tagged the text yet.
    Returns (the reading agreed on, the first of its taggers, how many agree) when it replaces `kept`, None
    when it does not, and UNDECIDED when that depends on the taggers not heard yet. The most voted taggings
    are read first, and no more once no optimum can gather enough votes (reading is what costs)."""
    counts: Counter[float | None] = Counter()
    first: dict[float, tuple[Any, int]] = {}

    def vote(reading: Any, voters: Sequence[int]) -> float | None:
        value = optimum(reading) if isinstance(reading, tuple) else None
        key = None if value is None else round(value, 4)
        if key is not None and reading[2] >= sure and not unused_numbers(reading):
            counts[key] += len(voters)
            if key not in first or min(voters) < first[key][1]:
                first[key] = (reading, min(voters))
        return key

    kept_key = vote(kept, kept_voters)
    remaining = sum(len(voters) for voters, _ in others)
    for voters, read in sorted(others, key=lambda g: (-len(g[0]), min(g[0]))):
        best = max((c for key, c in counts.items() if key != kept_key), default=0)
        if best + remaining + unknown < max(AGREE, counts[kept_key] + 1):
            break
        remaining -= len(voters)
        vote(read(), voters)
    rivals = sorted(((c, -first[key][1], key) for key, c in counts.items() if key != kept_key), reverse=True)
    n, second, held = (rivals[0][0] if rivals else 0), (rivals[1][0] if len(rivals) > 1 else 0), counts[kept_key]
    if n + unknown < max(AGREE, held + 1):
        return None  # (even if every tagger not heard joined the strongest rival)
    if unknown and not (n >= AGREE and n > held + unknown and n > second + unknown):
        return UNDECIDED  # (the strongest rival wins whomever they join only past that)
    if n < AGREE or n <= held:
        return None
    reading, k = first[rivals[0][2]]
    return reading, k, n
