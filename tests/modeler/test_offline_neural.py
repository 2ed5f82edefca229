"""Offline modeler: the BiLSTM-CRF alternate tagger (neural.py): numpy inference agrees with the torch
network it was trained as, training is reproducible, and the shipped one reads a problem.

Texts are written for these tests (not taken from NL4Opt). Tests of the shipped tagger skip where it has
not been trained.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hand_tags import FixedTagger

from modeler.strategies import offline
from modeler.strategies.offline import read_surest, taggers
from modeler.strategies.offline.entities import CRF_PATH, EntityModelMissingError, tokenize
from modeler.strategies.offline.neural import (
    TAGS,
    NeuralTagger,
    Vocabulary,
    _network,
    neural_path,
    train_neural,
)

_DOCS_TEXT = [
    ("A bakery bakes cakes and pies . Each cake needs 2 eggs and each pie needs 3 eggs . "
     "At most 120 eggs are available . Maximize profit .",
     {"cakes": "VAR", "pies": "VAR", "cake": "VAR", "pie": "VAR", "2": "PARAM", "3": "PARAM", "most": "CONST_DIR",
      "120": "LIMIT", "Maximize": "OBJ_DIR", "profit": "OBJ_NAME"}),
    ("A farmer plants wheat and corn . Wheat earns $ 50 per acre and corn earns $ 40 . "
     "He has at most 80 acres . Maximize revenue .",
     {"wheat": "VAR", "corn": "VAR", "Wheat": "VAR", "50": "PARAM", "40": "PARAM", "most": "CONST_DIR",
      "80": "LIMIT", "Maximize": "OBJ_DIR", "revenue": "OBJ_NAME"}),
    ("A clinic schedules nurses and doctors . A nurse costs $ 30 and a doctor costs $ 90 . "
     "At least 12 staff are needed . Minimize cost .",
     {"nurses": "VAR", "doctors": "VAR", "nurse": "VAR", "doctor": "VAR", "30": "PARAM", "90": "PARAM",
      "least": "CONST_DIR", "12": "LIMIT", "Minimize": "OBJ_DIR", "cost": "OBJ_NAME"}),
]
# one-word entities only, so the B- tag is enough; "at" before "most" / "least" stays O for brevity
_DOCS = [(text.split(), [f"B-{marks[w]}" if w in marks else "O" for w in text.split()])
         for text, marks in _DOCS_TEXT]

_SHOP = ("A workshop makes desks and shelves. Each desk takes 3 hours of carpentry and each shelf takes 2 "
         "hours. At most 60 hours of carpentry are available each week. A desk earns a profit of $80 and a "
         "shelf $50. How many desks and shelves should be made to maximize profit?")
needs_shipped = pytest.mark.skipif(not neural_path(CRF_PATH).is_file(), reason="the neural tagger is not trained")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("neural") / "tiny-neural.npz"
    train_neural(_DOCS * 4, path, seed=3, epochs=40, batch=4, word_dropout=0.0)
    return path


def test_numpy_inference_agrees_with_the_torch_network(tiny: Path) -> None:
    import torch

    tagger = NeuralTagger(tiny)
    meta = Vocabulary.of(_DOCS * 4)
    net = _network(meta)
    with np.load(tiny) as z:
        net.load_state_dict({k: torch.from_numpy(z[k]) for k in z.files})
    net.eval()
    words = "A shop sells lamps and rugs , at most 40 lamps ; maximize profit".split()
    w, s, c = meta.encode(words)
    with torch.no_grad():
        want = net.emissions(torch.from_numpy(w)[None], torch.from_numpy(s)[None], torch.from_numpy(c)[None],
                             torch.tensor([len(words)]))[0].numpy()
    assert np.abs(tagger.emissions(words) - want).max() < 1e-5


def test_it_learns_its_training_documents_and_tags_valid_labels(tiny: Path) -> None:
    tagger = NeuralTagger(tiny)
    for words, tags in _DOCS:
        assert tagger.tag(words) == tags
    odd = ["Überlange-Wörterbuchbezeichnungen-mit-vielen-Zeichen", "at", "most", "7", "🙂"]
    assert set(tagger.tag(odd)) <= set(TAGS) and len(tagger.tag(odd)) == len(odd)
    assert tagger.tag([]) == []
    assert tagger.vocabulary is not None and "cakes" in tagger.vocabulary and "<unk>" not in tagger.vocabulary


def test_training_is_reproducible_with_a_seed(tmp_path: Path) -> None:
    a, b = tmp_path / "a-neural.npz", tmp_path / "b-neural.npz"
    for path in (a, b):
        train_neural(_DOCS, path, seed=1, epochs=2, batch=2)
    with np.load(a) as za, np.load(b) as zb:
        assert za.files == zb.files
        assert all(np.array_equal(za[k], zb[k]) for k in za.files)
    assert a.read_bytes() == b.read_bytes()  # byte for byte: the committed artifact can be checked


def test_a_missing_model_says_how_to_build_it(tmp_path: Path) -> None:
    assert neural_path(Path("a/ner.crfsuite")) == Path("a/ner-neural.npz")
    with pytest.raises(EntityModelMissingError, match="offline.train"):
        NeuralTagger(tmp_path / "none-neural.npz")


@needs_shipped
def test_the_shipped_tagger_reads_a_problem_and_is_the_last_alternate_before_the_vote() -> None:
    assert isinstance(taggers()[-2], NeuralTagger) and taggers()[-1].path.name == "ner-ensemble"
    tagger = taggers()[-2]
    words = [t.text for t in tokenize(_SHOP)]
    tags = dict(zip(words, tagger.tag(words), strict=False))
    assert tags["desks"] == "B-VAR" and tags["3"] == "B-PARAM" and tags["60"] == "B-LIMIT"


@needs_shipped
def test_when_the_crf_readings_are_refused_the_neural_one_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offline, "_taggers", [FixedTagger(), taggers()[-2]])
    model_json, understanding, _, _, _ = read_surest(tokenize(_SHOP))
    assert any("ner-neural.npz" in u["type"] for u in understanding if u["kind"] == "reading")
    assert sorted(model_json["variables"]) == ["desks", "shelves"]
