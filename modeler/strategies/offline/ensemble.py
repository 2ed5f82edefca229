"""The taggers voting together: each tagger's belief in each tag at each word, averaged, then decoded.

Each tagger alone slips on some names; they slip on different ones, and a slip is usually a word the
tagger was unsure of. So instead of one tagger's best tagging, each word's tag is weighed by how likely
every tagger found it: the marginal probability of each tag at each word (forward-backward over each
linear chain: `crf_marginals` here, `NeuralTagger.marginals`), averaged, half over the five CRFs (entities.py) and half over three BiLSTM-CRFs
(neural.py, the same network from three seeds), which see words another way and so err more apart from
the CRFs than the CRFs do from each other. The tagging kept is the valid BIO sequence (an I- tag only
after its own B- or I-) with the largest product of averaged marginals.

On NL4Opt dev, with taggers trained without dev, span F1 0.857 against the first CRF's 0.821 and the
best single tagger's 0.839 (VAR 0.816 / 0.759: names are where the taggers disagree most), `python -m
modeler.strategies.offline.train --score DIR/heldout.crfsuite`. The reader consults it last
(offline/__init__.py): benchmarks/results/offline-nl4opt-v45/NOTE.md says why not first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from modeler.strategies.offline.neural import TAGS

# an I- tag may follow only its own B- or I- (and may not open a document)
_ALLOWED = np.array([[not b.startswith("I-") or a[2:] == b[2:] for b in TAGS] for a in TAGS])
_OPENS = np.array([not t.startswith("I-") for t in TAGS])
_FLOOR = 1e-9  # a probability no tagger gave is not impossible, only very unlikely


def crf_marginals(tagger: Any, words: list[str]) -> np.ndarray:
    """[word, tag] marginals of a CRF tagger (entities.EntityTagger); a tag it never learnt gets 0."""
    from modeler.strategies.offline.entities import features

    crf = tagger.crf
    crf.set(features(words))
    known = set(crf.labels())
    return np.array([[crf.marginal(y, t) if y in known else 0.0 for y in TAGS] for t in range(len(words))])


def decode(marginals: np.ndarray) -> list[str]:
    """The valid BIO tagging with the largest product of marginals (Viterbi on their logs)."""
    logp = np.log(np.clip(marginals, _FLOOR, 1.0))
    barred = np.where(_ALLOWED, 0.0, -np.inf)
    score = np.where(_OPENS, logp[0], -np.inf)
    back = np.zeros(logp.shape, dtype=np.int64)
    for t in range(1, len(logp)):
        m = score[:, None] + barred
        back[t] = m.argmax(axis=0)
        score = m.max(axis=0) + logp[t]
    best = [int(score.argmax())]
    for t in range(len(logp) - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return [TAGS[k] for k in reversed(best)]


class EnsembleTagger:
    """The CRF taggers and the neural one voting (the same interface as entities.EntityTagger). Its
    vocabulary is the first CRF's: a name it never saw is looked for by its grammar, as for that one."""

    def __init__(self, crfs: list[Any], neurals: list[Any]):
        self.crfs, self.neurals = crfs, neurals
        self.path = Path(f"{crfs[0].path.stem}-ensemble")
        self.vocabulary = crfs[0].vocabulary

    @classmethod
    def beside(cls, first: Path) -> EnsembleTagger:
        """The vote of the CRF at `first` and of every tagger trained beside it (train.py)."""
        from modeler.strategies.offline.entities import ALTERNATES, EntityTagger, alternate_path
        from modeler.strategies.offline.neural import NeuralTagger, voice_paths

        crfs = [EntityTagger(first)]
        crfs += [EntityTagger(p) for name in ALTERNATES if (p := alternate_path(first, name)).is_file()]
        return cls(crfs, [NeuralTagger(p) for p in voice_paths(first)])

    def marginals(self, words: list[str]) -> np.ndarray:
        crf = np.mean([crf_marginals(tg, words) for tg in self.crfs], axis=0)
        if not self.neurals:
            return crf
        from modeler.strategies.offline.neural import emissions_together

        emissions_together(self.neurals, words)  # their LSTMs stepped together; each keeps its own
        return (crf + np.mean([tg.marginals(words) for tg in self.neurals], axis=0)) / 2

    def tag(self, words: list[str]) -> list[str]:
        return decode(self.marginals(words)) if words else []
