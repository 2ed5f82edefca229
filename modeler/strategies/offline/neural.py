"""A second kind of entity tagger: a small BiLSTM-CRF, trained with torch and run with numpy.

The CRF taggers (entities.py) see each word through hand-made features in a window of three; they slip
alike, so their alternates rarely mend each other's slips. This one learns its own word vectors, reads
each word's letters (a character CNN: "minivans" looks like "vans"), and sees the whole document both
ways (a bidirectional LSTM), with a CRF layer on top so its tags stay valid BIO. Words seen once in
training are dropped to <unk> at random while it learns, so it learns to tag a name it never saw by its
letters and its place. It learns from what the silver CRF learns from (train.py: NL4Opt's texts and
the silver documents). On NL4Opt dev, trained without dev, its span F1 is 0.83 against the first CRF's
0.82 (LIMIT 0.94 / 0.92, PARAM 0.95 / 0.93: it tells a bound from a coefficient better).

The reader consults it after the CRF alternates, when every CRF reading is unsure (offline/__init__.py),
and it votes with them, beside two copies trained from other seeds (ensemble.py). Inference is numpy only: torch costs seconds to import, so it is needed for training alone
(`train_neural`, called by train.py). The weights lie in a `.npz`, the vocabularies in a `.json` beside.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from modeler.strategies.offline.entities import EntityModelMissingError
from modeler.strategies.offline.entities import _shape as crf_shape

TAGS = ("O", "B-VAR", "I-VAR", "B-PARAM", "I-PARAM", "B-LIMIT", "I-LIMIT", "B-CONST_DIR", "I-CONST_DIR",
        "B-OBJ_NAME", "I-OBJ_NAME", "B-OBJ_DIR", "I-OBJ_DIR")
# sizes: word vectors, letter vectors, letter-CNN filters, shape vectors, LSTM units each way
WORD_DIM, CHAR_DIM, CHAR_FILTERS, SHAPE_DIM, HIDDEN = 64, 16, 32, 8, 64
MAX_CHARS = 20  # letters read per word
# neural taggers trained beside each first tagger, from seeds 0, 1, 2: the first is an alternate of its
# own, and all of them vote in the ensemble (ensemble.py)
VOICES = 3
PAD, UNK = 0, 1
Doc = tuple[list[str], list[str]]


def _shape(w: str) -> str:
    """The CRF's word shape ("Aa", "99.99"), cut to six marks: a long shape says no more than its start."""
    return crf_shape(w)[:6]


def _norm(w: str) -> str:
    """The word-vector key: lower case, every number one key (a number's value says nothing of its role)."""
    w = w.lower()
    return "<num>" if re.fullmatch(r"\d+(?:[.,]\d+)*", w) else w


class Vocabulary:
    """Words, letters and shapes seen at least twice in training; anything else is <unk>."""

    def __init__(self, words: list[str], chars: list[str], shapes: list[str]):
        self.words, self.chars, self.shapes = words, chars, shapes
        self._w = {w: i for i, w in enumerate(words)}
        self._c = {c: i for i, c in enumerate(chars)}
        self._s = {s: i for i, s in enumerate(shapes)}

    @classmethod
    def of(cls, docs: list[Doc], min_count: int = 2) -> Vocabulary:
        def kept(counts: Counter[str]) -> list[str]:
            return ["<pad>", "<unk>", *sorted(x for x, n in counts.items() if n >= min_count)]

        return cls(kept(Counter(_norm(w) for ws, _ in docs for w in ws)),
                   kept(Counter(ch for ws, _ in docs for w in ws for ch in w)),
                   kept(Counter(_shape(w) for ws, _ in docs for w in ws)))

    def encode(self, words: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Word ids, shape ids, and letter ids (one row per word, padded by one on each side for the CNN)."""
        w = np.array([self._w.get(_norm(x), UNK) for x in words], dtype=np.int64)
        s = np.array([self._s.get(_shape(x), UNK) for x in words], dtype=np.int64)
        width = min(max(len(x) for x in words), MAX_CHARS)
        c = np.zeros((len(words), width + 2), dtype=np.int64)
        for i, x in enumerate(words):
            for j, ch in enumerate(x[:width]):
                c[i, j + 1] = self._c.get(ch, UNK)
        return w, s, c

    def to_json(self) -> str:
        return json.dumps({"words": self.words, "chars": self.chars, "shapes": self.shapes, "tags": TAGS})


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


class NeuralTagger:
    """Tags documents with a trained BiLSTM-CRF (numpy; the same interface as entities.EntityTagger)."""

    def __init__(self, path: Path):
        if not path.is_file():
            raise EntityModelMissingError(f"the neural tagger {path} is missing; build it with "
                                          "`python -m modeler.strategies.offline.train`")
        self.path = path
        with np.load(path) as z:
            self._p = {k: z[k].astype(np.float64) for k in z.files}
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if tuple(meta["tags"]) != TAGS:
            raise ValueError(f"{path} was trained on other tags: {meta['tags']}")
        self._v = Vocabulary(meta["words"], meta["chars"], meta["shapes"])
        # both directions' recurrent matrices stacked, so one product steps the two together
        self._whh = np.stack([self._p["lstm.weight_hh_l0"], self._p["lstm.weight_hh_l0_reverse"]])  # (2, 4H, H)
        # unseen.py looks for names outside the words a tagger knows: here, those with a vector of their own
        self.vocabulary: frozenset[str] | None = frozenset(w for w in meta["words"] if not w.startswith("<"))
        # the last document's emissions: the ensemble (ensemble.py) and this tagger's own reading both
        # need them, and the LSTM is most of a reading's cost
        self._last: tuple[tuple[str, ...], np.ndarray] | None = None

    def _gates_in(self, words: list[str]) -> np.ndarray:
        """Each word's input to the LSTM gates, both directions: (words, 2, 4H), the backward one reversed
        (it reads from the end)."""
        p = self._p
        w, s, c = self._v.encode(words)
        letters = p["cemb.weight"][c]  # (words, width + 2, CHAR_DIM)
        width = letters.shape[1] - 2
        windows = np.stack([letters[:, j:j + width, :] for j in range(3)], axis=3)
        conv = np.einsum("nlck,fck->nlf", windows, p["conv.weight"]) + p["conv.bias"]
        x = np.concatenate([p["wemb.weight"][w], np.tanh(conv.max(axis=1)), p["semb.weight"][s]], axis=1)
        fwd = x @ p["lstm.weight_ih_l0"].T + p["lstm.bias_ih_l0"] + p["lstm.bias_hh_l0"]
        bwd = x @ p["lstm.weight_ih_l0_reverse"].T + p["lstm.bias_ih_l0_reverse"] + p["lstm.bias_hh_l0_reverse"]
        return np.stack([fwd, bwd[::-1]], axis=1)

    def _scores(self, out: np.ndarray) -> np.ndarray:
        """Tag scores from the LSTM's two directions (words, 2, H), the backward one still reversed."""
        h = np.concatenate([out[:, 0], out[::-1, 1]], axis=1)
        return h @ self._p["out.weight"].T + self._p["out.bias"]

    def emissions(self, words: list[str]) -> np.ndarray:
        """Per-word scores of each tag (before the CRF's transitions)."""
        return emissions_together([self], words)[0]

    def marginals(self, words: list[str]) -> np.ndarray:
        """[word, tag] marginal probabilities (forward-backward, each step's vector scaled to sum 1, so
        nothing overflows and no logs are needed): this tagger's voice in the vote (ensemble.py)."""
        e, p = self.emissions(words), self._p
        step = np.exp(p["trans"])
        like = np.exp(e - e.max(axis=1, keepdims=True))
        fwd, bwd = np.empty(e.shape), np.empty(e.shape)
        a = np.exp(p["start"] - p["start"].max()) * like[0]
        fwd[0] = a / a.sum()
        for t in range(1, len(e)):
            a = (fwd[t - 1] @ step) * like[t]
            fwd[t] = a / a.sum()
        b = np.exp(p["end"] - p["end"].max())
        bwd[-1] = b / b.sum()
        for t in range(len(e) - 2, -1, -1):
            b = step @ (like[t + 1] * bwd[t + 1])
            bwd[t] = b / b.sum()
        m = fwd * bwd
        return m / m.sum(axis=1, keepdims=True)

    def tag(self, words: list[str]) -> list[str]:
        """The most likely tag sequence (Viterbi over the emissions and the learnt transitions)."""
        if not words:
            return []
        e = self.emissions(words)
        trans = self._p["trans"]
        score = self._p["start"] + e[0]
        back = np.zeros(e.shape, dtype=np.int64)
        for t in range(1, len(e)):
            m = score[:, None] + trans
            back[t] = m.argmax(axis=0)
            score = m.max(axis=0) + e[t]
        best = [int((score + self._p["end"]).argmax())]
        for t in range(len(e) - 1, 0, -1):
            best.append(int(back[t, best[-1]]))
        return [TAGS[k] for k in reversed(best)]


def _lstm(gates_in: np.ndarray, whh: np.ndarray) -> np.ndarray:
    """Run D LSTM directions side by side: gates_in (words, D, 4H), whh (D, 4H, H) -> (words, D, H); one
    matrix product per step for all of them (the steps, not the sums, are what cost in numpy)."""
    hidden = whh.shape[2]
    h = np.zeros((whh.shape[0], hidden))
    c = np.zeros_like(h)
    out = np.empty((len(gates_in), whh.shape[0], hidden))
    for t in range(len(gates_in)):
        g = gates_in[t] + (whh @ h[:, :, None])[:, :, 0]  # torch's gate order: input, forget, cell, output
        sig = _sigmoid(g)
        c = sig[:, hidden:2 * hidden] * c + sig[:, :hidden] * np.tanh(g[:, 2 * hidden:3 * hidden])
        h = sig[:, 3 * hidden:] * np.tanh(c)
        out[t] = h
    return out


def emissions_together(taggers: list[NeuralTagger], words: list[str]) -> list[np.ndarray]:
    """Each tagger's emissions for one document, their LSTMs stepped together (the ensemble's voices,
    ensemble.py). Each tagger keeps the last document's, so reading with it after the vote is free."""
    key = tuple(words)
    todo = [t for t in taggers if t._last is None or t._last[0] != key]
    if todo:
        out = _lstm(np.concatenate([t._gates_in(words) for t in todo], axis=1),
                    np.concatenate([t._whh for t in todo]))
        for k, t in enumerate(todo):
            t._last = (key, t._scores(out[:, 2 * k:2 * k + 2]))
    return [t._last[1] for t in taggers]  # type: ignore[index]


def neural_path(model: Path, seed: int = 0) -> Path:
    """Where the neural tagger trained beside a CRF tagger lies: `ner.crfsuite` -> `ner-neural.npz`; with
    another seed (the ensemble's other voices, ensemble.py), `ner-neural-s1.npz`."""
    return model.with_name(f"{model.stem}-neural{f'-s{seed}' if seed else ''}.npz")


def voice_paths(model: Path) -> list[Path]:
    """The neural taggers trained beside a CRF tagger that are present, seed 0 first."""
    return [p for k in range(VOICES) if (p := neural_path(model, k)).is_file()]


def _network(vocab: Vocabulary) -> Any:
    """The torch module whose parameter names NeuralTagger reads."""
    import torch
    from torch import nn

    class BiLstmCrf(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.wemb = nn.Embedding(len(vocab.words), WORD_DIM)
            self.cemb = nn.Embedding(len(vocab.chars), CHAR_DIM)
            self.conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3)
            self.semb = nn.Embedding(len(vocab.shapes), SHAPE_DIM)
            self.lstm = nn.LSTM(WORD_DIM + CHAR_FILTERS + SHAPE_DIM, HIDDEN, bidirectional=True, batch_first=True)
            self.drop = nn.Dropout(0.3)
            self.out = nn.Linear(2 * HIDDEN, len(TAGS))
            self.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def emissions(self, w: Any, s: Any, c: Any, lengths: Any) -> Any:
            b, t = w.shape
            letters = self.cemb(c.view(b * t, -1)).transpose(1, 2)
            chars = torch.tanh(self.conv(letters).max(dim=2).values).view(b, t, -1)
            x = self.drop(torch.cat([self.wemb(w), chars, self.semb(s)], dim=2))
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=t)
            return self.out(self.drop(h))

        def nll(self, e: Any, y: Any, mask: Any) -> Any:
            """The CRF's negative log-likelihood of the gold tags, summed over the batch."""
            alpha = self.start + e[:, 0]
            gold = self.start[y[:, 0]] + e[:, 0].gather(1, y[:, :1]).squeeze(1)
            for t in range(1, e.shape[1]):
                step = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + e[:, t]
                alpha = torch.where(mask[:, t:t + 1], step, alpha)
                g = self.trans[y[:, t - 1], y[:, t]] + e[:, t].gather(1, y[:, t:t + 1]).squeeze(1)
                gold = gold + torch.where(mask[:, t], g, torch.zeros_like(g))
            last = y.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
            return (torch.logsumexp(alpha + self.end, dim=1) - gold - self.end[last]).sum()

    return BiLstmCrf()


def train_neural(docs: list[Doc], out: Path, seed: int = 0, epochs: int = 40, batch: int = 16,
                 word_dropout: float = 0.15, log: Callable[[str], None] | None = None) -> None:
    """Train a tagger on `docs` and write it to `out` (.npz) with its vocabularies beside it (.json).
    One thread and a fixed seed: the same documents give the same weights. About 5 minutes on one core."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    rng = random.Random(seed)
    vocab = Vocabulary.of(docs)
    net = _network(vocab)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    encoded = [(vocab.encode(ws), [TAGS.index(t) for t in ts]) for ws, ts in docs]
    t0 = time.perf_counter()
    for epoch in range(epochs):
        net.train()
        order = list(range(len(encoded)))
        rng.shuffle(order)
        total = 0.0
        for b in range(0, len(order), batch):
            items = [encoded[i] for i in order[b:b + batch]]
            n, t, width = len(items), max(len(y) for _, y in items), max(e[2].shape[1] for e, _ in items)
            w = torch.zeros(n, t, dtype=torch.long)
            s = torch.zeros(n, t, dtype=torch.long)
            c = torch.zeros(n, t, width, dtype=torch.long)
            y = torch.zeros(n, t, dtype=torch.long)
            mask = torch.zeros(n, t, dtype=torch.bool)
            for k, ((wi, si, ci), yi) in enumerate(items):
                m = len(yi)
                # word dropout: the model must also tag by letters and context, as it must for unseen names
                wi = np.where([rng.random() < word_dropout for _ in range(m)], UNK, wi)
                w[k, :m], s[k, :m] = torch.from_numpy(wi), torch.from_numpy(si)
                c[k, :m, :ci.shape[1]] = torch.from_numpy(ci)
                y[k, :m] = torch.tensor(yi)
                mask[k, :m] = True
            loss = net.nll(net.emissions(w, s, c, mask.sum(1)), y, mask)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        if log:
            log(f"neural tagger epoch {epoch + 1}/{epochs}: loss {total / len(encoded):.3f} "
                f"({time.perf_counter() - t0:.0f} s)")
    _save(out, {k: v.detach().numpy() for k, v in net.state_dict().items()})
    out.with_suffix(".json").write_text(vocab.to_json(), encoding="utf-8")


def _save(out: Path, arrays: dict[str, np.ndarray]) -> None:
    """An .npz that np.load reads, written with fixed dates (np.savez stamps the time), so the same
    weights give the same bytes and a retrained artifact can be compared with the committed one."""
    import io
    import zipfile

    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, a in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(a), allow_pickle=False)
            z.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), buf.getvalue(),
                       compress_type=zipfile.ZIP_DEFLATED)
