"""Entity recognition for linear word problems: a CRF over hand-made token features.

The tags are NL4Opt's: VAR (a decision variable mention), PARAM (a coefficient), LIMIT (a right-hand
side), CONST_DIR (a constraint direction cue: "at most", "available"), OBJ_NAME ("profit") and OBJ_DIR
("maximize"), in BIO form. The model is a linear-chain CRF (python-crfsuite) trained by
`python -m modeler.strategies.offline.train`; features are cheap string tests so tagging a problem
takes about a millisecond.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ARTIFACT_DIR = Path(__file__).parent / "artifacts"
CRF_PATH = ARTIFACT_DIR / "ner.crfsuite"

# Words, numbers (with thousands separators and decimals) and hyphenated words stay whole; "$", "%"
# and punctuation are tokens of their own, as in the NL4Opt annotation. A letter is any Unicode
# letter ([^\W\d_]: word characters less digits and "_"), so "décor" stays one word, not "d é cor".
_WORD = r"(?:[^\W\d_]|[0-9])+"
_TOKEN_RE = re.compile(rf"{_WORD}(?:[.,][0-9]+)*(?:[-']{_WORD})*|\S")
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred thousand million half third quarter fourth fifth twice double "
    "thrice triple".split())
_CUES = frozenset(
    "least most minimum maximum max min exceed exceeds available budget limit limited only total "
    "maximize minimize maximum minimum more less fewer than times twice as many much each per ratio "
    "percent % proportion fraction half third costs cost profit revenue return requires takes needs "
    "can must should cannot not no up".split())


class EntityModelMissingError(FileNotFoundError):
    """The trained entity model is missing: run `python -m modeler.strategies.offline.train`."""


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # character offsets in the document
    end: int
    sent: int  # sentence number


@dataclass(frozen=True)
class Span:
    label: str
    start: int  # token indices, end exclusive
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Tokens with offsets and sentence numbers (a sentence ends at . ? ! or ; followed by space/end)."""
    tokens: list[Token] = []
    sent = 0
    for m in _TOKEN_RE.finditer(text):
        tokens.append(Token(m.group(), m.start(), m.end(), sent))
        if m.group() in {".", "?", "!", ";"}:
            sent += 1
    return tokens


@functools.lru_cache(maxsize=65536)
def is_number(word: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:[.,]\d+)*", word)) or word.lower() in NUMBER_WORDS


@functools.lru_cache(maxsize=65536)
def _shape(w: str) -> str:
    s = re.sub(r"[A-Z]", "A", w)
    s = re.sub(r"[a-z]", "a", s)
    s = re.sub(r"[0-9]", "9", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


@functools.lru_cache(maxsize=65536)
def _stem(w: str) -> str:
    """The tagger's stem feature (not `words.singular`: a trained tagger's weights are keyed by these values,
    so changing them would silently detune every saved model)."""
    w = w.lower()
    for suf in ("ies", "es", "s"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)]
    return w


@functools.lru_cache(maxsize=65536)
def _word_features(w: str) -> tuple[str, ...]:
    """Features of a word alone (cached: documents reuse their words)."""
    lw = w.lower()
    return ("b", f"w={lw}", f"s3={lw[-3:]}", f"p3={lw[:3]}", f"sh={_shape(w)}", f"st={_stem(w)}",
            f"num={is_number(w)}", f"cap={w[:1].isupper()}", f"cue={lw in _CUES}")


def features(words: list[str]) -> list[list[str]]:
    """CRF features for the words of one document (the document is one sequence). Every CRF of a text
    reads the same features, so the last few documents' are kept: callers read them, never change them."""
    return _features(tuple(words))


@functools.lru_cache(maxsize=8)
def _features(words: tuple[str, ...]) -> list[list[str]]:
    lower = [w.lower() for w in words]
    stems = [_stem(w) for w in words]
    counts = Counter(stems)
    ends = [i for i, w in enumerate(words) if w in {".", "?", "!"}]
    first_end = ends[0] if ends else len(words)
    last_start = ends[-2] + 1 if len(ends) >= 2 else 0
    in_first = set(stems[:first_end])
    num_at = [i for i, x in enumerate(words) if is_number(x)]
    shapes = [_shape(w) for w in words]
    nums = [is_number(w) for w in words]
    out: list[list[str]] = []
    n = len(words)
    k = 0
    for i, w in enumerate(words):
        lw = lower[i]
        f = [*_word_features(w), f"first={k == 0}", f"cnt={min(counts[stems[i]], 4)}",
             f"infirst={stems[i] in in_first}", f"firstsent={i < first_end}", f"lastsent={i >= last_start}",
             f"numbefore={any(0 < i - j <= 3 for j in num_at)}", f"numafter={any(0 < j - i <= 3 for j in num_at)}"]
        k = 0 if w in {".", "?", "!"} else k + 1
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d}={lower[j]}")
                if d in (-1, 1):
                    f.append(f"sh{d}={shapes[j]}")
                    f.append(f"num{d}={nums[j]}")
            else:
                f.append(f"w{d}=<pad>")
        if 0 < i < n - 1:
            f.append(f"around={lower[i - 1]}|{lower[i + 1]}")
        if i > 1:
            f.append(f"bi-2={lower[i - 2]}|{lower[i - 1]}")
        if i > 0:
            f.append(f"bi-1={lower[i - 1]}|{lw}")
        if i + 1 < n:
            f.append(f"bi+1={lw}|{lower[i + 1]}")
        out.append(f)
    return out


def spans_from_tags(words: list[str], tags: list[str]) -> list[Span]:
    """BIO tags to spans (an I- without a B- starts a span, as lenient readers do)."""
    spans: list[Span] = []
    cur: tuple[str, int] | None = None
    for i, t in enumerate([*tags, "O"]):
        if cur is not None and (t == "O" or t.startswith("B-") or t[2:] != cur[0]):
            spans.append(Span(cur[0], cur[1], i, " ".join(words[cur[1]:i])))
            cur = None
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            cur = (t[2:], i)
    return spans


class EntityTagger:
    """Tags documents with the trained CRF (loaded once; reused across problems)."""

    def __init__(self, path: Path = CRF_PATH):
        import pycrfsuite

        if not path.is_file():
            raise EntityModelMissingError(
                f"the offline modeler's entity model {path} is missing; build it with "
                "`python -m modeler.strategies.offline.train`")
        self.path = path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        # the words the model was trained on (written beside it by train.py): a name outside them is
        # one the tagger cannot know, and the reader looks for it by its grammar (unseen.py)
        vocab = vocabulary_path(path)
        self.vocabulary: frozenset[str] | None = (
            frozenset(vocab.read_text(encoding="utf-8").split()) if vocab.is_file() else None)

    @property
    def crf(self) -> Any:
        """The pycrfsuite.Tagger inside (its weights and marginals: nbest.py)."""
        return self._tagger

    def tag(self, words: list[str]) -> list[str]:
        if not words:
            return []
        return list(self._tagger.tag(features(words)))


# Second readers, trained beside each tagger by train.py with other recipes (`RECIPES` there): "sparse"
# regularizes harder, "renamed" also learns from copies with the names swapped between documents,
# "silver" also from texts by other authors annotated from their gold models (silver.py). Each alone
# reads NL4Opt a little worse than the first tagger, but they slip on different names, so the reader
# turns to them when its first reading is unsure (offline/__init__.py).
ALTERNATES = ("sparse", "renamed", "silver", "silverdev")


def alternate_path(model: Path, name: str) -> Path:
    """Where the alternate tagger `name` of a tagger lies: `ner.crfsuite` -> `ner-sparse.crfsuite`."""
    return model.with_name(f"{model.stem}-{name}{model.suffix}")


def vocabulary_path(model: Path) -> Path:
    """Where a tagger's training vocabulary lies: beside the model, `.vocab` for `.crfsuite`."""
    return model.with_suffix(".vocab")


def write_vocabulary(docs: list[tuple[list[str], list[str]]], model: Path) -> None:
    """Write the lower-cased words of a tagger's training documents beside it, one per line."""
    words = sorted({w.lower() for ws, _ in docs for w in ws})
    vocabulary_path(model).write_text("\n".join(words) + "\n", encoding="utf-8")
