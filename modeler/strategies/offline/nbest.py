"""Alternative taggings from the first tagger's own doubt: the nearest taggings that differ where it was
least sure.

Many wrong readings come from one tagging slip (a coefficient left untagged, a name cut short, a limit
tagged as a coefficient), and the CRF usually knew it was unsure there. For each token t and label y,
the best tagging that gives t the label y (a max-marginal: one Viterbi pass forward, one backward) scores
below the best tagging by a gap, the log of how much less likely it is. The few taggings with the
smallest gaps, each the whole best sequence under that one choice (so a label change carries the B-/I-
around it along: a span grows, shrinks, splits, or goes), are the tagger's own second thoughts;
`read_surest` (offline/__init__.py) reads those that move a name's or a number's tag when its reading
stays unsure (after the alternate taggers) and keeps one only when it is clearly surer.

python-crfsuite gives no k-best, so the scores are rebuilt from the model's weights (`Tagger.info()`:
about half a second, once per process and only when first needed); scoring one document is a few
milliseconds of numpy. A crfsuite linear chain scores a tagging as the sum of its tokens' state weights
(attribute, label) and its neighbours' transition weights, with no start or end weights.
"""

from __future__ import annotations

import threading
from typing import Any

# The taggings read at most (each reading costs about as much as the first: keep it a handful), and the
# largest gap (nats) worth reading: past e^1.5 (~4.5) times less likely than the best, the CRF was sure
# and a different tagging that reads better is more often a lucky fit than the slip undone (on the
# fresh dev sets, wider gaps brought losses and no gains).
K = 6
MAX_GAP = 1.5
# How much surer a second thought's reading must be to replace the reading in hand (and with no more
# numbers left unused): a strong doubt gone (0.2: a variable no constraint names), not one shape doubt
# (0.1 each), which a misreading often loses as easily as a right one.
MARGIN = 0.2

_FOCUS = frozenset({"VAR", "PARAM", "LIMIT"})
_lock = threading.Lock()
_weights: dict[str, Any] = {}


class _Weights:
    """One tagger's weights as arrays: labels, transitions [from, to], state weights [attribute, label]."""

    def __init__(self, crf: Any) -> None:
        import numpy as np

        info = crf.info()
        self.labels: list[str] = list(crf.labels())
        index = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] = w
        self.attr: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for (attr, lab), w in info.state_features.items():
            rows.append(self.attr.setdefault(attr, len(self.attr)))
            cols.append(index[lab])
            vals.append(w)
        # one zero row more: the index of an attribute the model never saw
        self.state = np.zeros((len(self.attr) + 1, n))
        np.add.at(self.state, (rows, cols), vals)

    def emissions(self, feats: list[list[str]]) -> Any:
        """The state score of each label at each token: [token, label]."""
        import numpy as np

        unseen = len(self.attr)
        idx = [self.attr.get(a, unseen) for f in feats for a in f]
        starts = np.cumsum([0] + [len(f) for f in feats[:-1]])
        return np.add.reduceat(self.state[idx], starts, axis=0)


def weights(tagger: Any) -> _Weights:
    """A tagger's weights (an EntityTagger), read once per process."""
    key = str(tagger.path)
    with _lock:
        if key not in _weights:
            _weights[key] = _Weights(tagger.crf)
        return _weights[key]


def alternatives(tagger: Any, words: list[str], k: int = K, max_gap: float = MAX_GAP,
                 focus: bool = True) -> list[tuple[float, list[str]]]:
    """Up to k taggings other than the tagger's best, nearest first, as (gap in nats, tags): for each token
    and each label other than its best, the best tagging through that label there (the same tagging
    found through several tokens counts once); with `focus`, only those that move a name's or a
    number's tag (VAR, PARAM, LIMIT)."""
    import numpy as np

    from modeler.strategies.offline.entities import features

    if not words:
        return []
    w = weights(tagger)
    em = w.emissions(features(words))
    n, m = em.shape
    # forward: best prefix score ending in each label; backward: best suffix score after each label
    fwd = np.empty((n, m))
    back_ptr = np.zeros((n, m), dtype=int)
    fwd[0] = em[0]
    for t in range(1, n):
        s = fwd[t - 1][:, None] + w.trans
        back_ptr[t] = s.argmax(axis=0)
        fwd[t] = s.max(axis=0) + em[t]
    bwd = np.zeros((n, m))
    next_ptr = np.zeros((n, m), dtype=int)
    for t in range(n - 2, -1, -1):
        s = w.trans + (em[t + 1] + bwd[t + 1])[None, :]
        next_ptr[t] = s.argmax(axis=1)
        bwd[t] = s.max(axis=1)
    through = fwd + bwd  # the best score of a tagging with label y at token t
    best_score = through[0].max()
    best = _path(back_ptr, next_ptr, 0, int(through[0].argmax()))
    gaps = best_score - through
    gaps[np.arange(n), best] = np.inf  # the best tagging's own labels are not alternatives
    if focus:
        # only slips the reading turns on: a number's role (coefficient, limit, nothing) and a name's
        # extent; a flip among cue words and objective names alone rarely changes the model
        keep = np.array([lab[2:] in _FOCUS for lab in w.labels])
        gaps[~(keep[None, :] | keep[best][:, None])] = np.inf
    seen = {tuple(best)}
    out: list[tuple[float, list[str]]] = []
    for flat in np.argsort(gaps, axis=None, kind="stable"):
        t, y = divmod(int(flat), m)
        gap = float(gaps[t, y])
        if len(out) >= k or gap > max_gap:
            break
        seq = _path(back_ptr, next_ptr, t, y)
        if tuple(seq) not in seen:
            seen.add(tuple(seq))
            out.append((gap, [w.labels[i] for i in seq]))
    return out


def _path(back_ptr: Any, next_ptr: Any, t: int, y: int) -> list[int]:
    """The best tagging through label y at token t: backpointers to the start, forward pointers to the end."""
    seq = [y]
    for s in range(t, 0, -1):
        seq.append(int(back_ptr[s][seq[-1]]))
    seq.reverse()
    for s in range(t, len(back_ptr) - 1):
        seq.append(int(next_ptr[s][seq[-1]]))
    return seq


def second_thought(tagger: Any, words: list[str], reading: Any, read: Any) -> tuple[Any, float] | None:
    """The reading of one of the tagger's nearest other taggings that is clearly better than `reading`
    (no more numbers left unused, confidence up by MARGIN or more), and its gap; None when none is.
    `read(tags)` reads a tagging (`read_model`), raising Refusal when it cannot; readings compare as in
    `read_surest`, by `_rank` (unused numbers, confidence)."""
    from modeler.strategies.base import Refusal
    from modeler.strategies.offline import SUREST, _rank

    found: tuple[Any, float] | None = None
    # a reading within MARGIN of the surest any reading is cannot be bettered clearly: its second
    # thoughts are not read at all
    if _rank(reading)[1] + MARGIN > SUREST + 1e-9:
        return None
    for gap, tags in alternatives(tagger, words):
        try:
            cand = read(tags)
        except Refusal:
            continue
        cur = found[0] if found else reading
        (fewer, conf), (cur_fewer, cur_conf) = _rank(cand), _rank(cur)  # (-unused numbers, confidence)
        if fewer >= cur_fewer and conf >= cur_conf + MARGIN - 1e-9:
            found = cand, gap
            if conf + MARGIN > SUREST + 1e-9:
                break  # nothing after it can be clearly surer
    return found
