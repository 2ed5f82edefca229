"""Offline modeler: the taggers voting together (ensemble.py): marginals are probabilities, the decoded
tagging is valid BIO even where the word-by-word best tags are not, and the shipped ensemble reads a
problem. Texts are written for these tests (not taken from NL4Opt); tests of the shipped taggers skip
where they have not been trained.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from modeler.strategies import offline
from modeler.strategies.offline.ensemble import EnsembleTagger, decode
from modeler.strategies.offline.entities import CRF_PATH, EntityTagger, tokenize
from modeler.strategies.offline.neural import TAGS, NeuralTagger, neural_path

_SHOP = ("A workshop makes desks and shelves. Each desk takes 3 hours of carpentry and each shelf takes 2 "
         "hours. At most 60 hours of carpentry are available each week. A desk earns a profit of $80 and a "
         "shelf $50. How many desks and shelves should be made to maximize profit?")
needs_shipped = pytest.mark.skipif(not neural_path(CRF_PATH).is_file(), reason="the taggers are not trained")


def _marginals(rows: list[dict[str, float]]) -> np.ndarray:
    m = np.full((len(rows), len(TAGS)), 1e-6)
    for t, row in enumerate(rows):
        for tag, p in row.items():
            m[t, TAGS.index(tag)] = p
    return m / m.sum(axis=1, keepdims=True)


def test_decode_keeps_the_bio_grammar_where_the_word_by_word_best_breaks_it() -> None:
    # word by word: O, I-VAR (an I- with no B- before it); the best valid tagging opens the name instead
    m = _marginals([{"O": 0.55, "B-VAR": 0.45}, {"I-VAR": 0.6, "B-VAR": 0.1, "O": 0.3}])
    assert [TAGS[k] for k in m.argmax(axis=1)] == ["O", "I-VAR"]
    assert decode(m) == ["B-VAR", "I-VAR"]


def test_decode_takes_the_word_by_word_best_when_it_is_valid() -> None:
    m = _marginals([{"B-PARAM": 0.7, "O": 0.3}, {"O": 0.9, "I-PARAM": 0.1}, {"B-LIMIT": 0.8, "B-PARAM": 0.2}])
    assert decode(m) == ["B-PARAM", "O", "B-LIMIT"]


def test_a_document_may_not_open_with_an_inside_tag() -> None:
    assert decode(_marginals([{"I-LIMIT": 0.9, "B-LIMIT": 0.1}])) == ["B-LIMIT"]


@needs_shipped
def test_every_taggers_marginals_are_probabilities() -> None:
    words = [t.text for t in tokenize(_SHOP)]
    crfs = [t for t in offline.taggers() if isinstance(t, EntityTagger)]
    neural = next(t for t in offline.taggers() if isinstance(t, NeuralTagger))
    ens = EnsembleTagger(crfs, [neural])
    for m in (neural.marginals(words), ens.marginals(words)):
        assert m.shape == (len(words), len(TAGS))
        assert np.allclose(m.sum(axis=1), 1.0, atol=1e-6)
    # the neural tagger's own best tagging is, word by word, what its marginals favour on a plain text
    best = [TAGS[k] for k in neural.marginals(words).argmax(axis=1)]
    assert sum(a == b for a, b in zip(best, neural.tag(words), strict=True)) >= len(words) - 1


@needs_shipped
def test_the_shipped_vote_tags_a_problem_and_is_consulted_last() -> None:
    ens = offline.taggers()[-1]
    assert isinstance(ens, EnsembleTagger) and ens.vocabulary == offline.taggers()[0].vocabulary
    words = [t.text for t in tokenize(_SHOP)]
    tags = dict(zip(words, ens.tag(words), strict=False))
    assert tags["desks"] == "B-VAR" and tags["3"] == "B-PARAM" and tags["60"] == "B-LIMIT"
    assert tags["maximize"] == "B-OBJ_DIR" and tags["profit"] == "B-OBJ_NAME"


@needs_shipped
def test_the_voices_stepped_together_give_each_ones_own_emissions() -> None:
    from modeler.strategies.offline.neural import VOICES, emissions_together

    words = [t.text for t in tokenize(_SHOP)]
    voices = [NeuralTagger(neural_path(CRF_PATH, k)) for k in range(VOICES)]
    together = emissions_together(voices, words)
    for voice, e in zip(voices, together, strict=True):
        alone = NeuralTagger(voice.path).emissions(words)  # a fresh copy: nothing cached
        assert np.allclose(alone, e, atol=1e-9)
    # the voices differ (other seeds), or the vote would only repeat one of them
    assert not np.allclose(together[0], together[1])


@needs_shipped
def test_when_every_other_reading_is_refused_the_votes_reading_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    from hand_tags import FixedTagger

    from modeler.strategies.offline import read_surest

    monkeypatch.setattr(offline, "_taggers", [FixedTagger(), offline.taggers()[-1]])
    model_json, understanding, _, _, _ = read_surest(tokenize(_SHOP))
    assert any("ner-ensemble" in u["type"] for u in understanding if u["kind"] == "reading")
    assert sorted(model_json["variables"]) == ["desks", "shelves"]


@needs_shipped
def test_the_vote_can_be_turned_off_or_read_first(monkeypatch: pytest.MonkeyPatch) -> None:
    for where, at in (("0", None), ("first", 0)):
        monkeypatch.setenv("OPTIPILOT_OFFLINE_ENSEMBLE", where)
        monkeypatch.setattr(offline, "_taggers", [])
        found = [k for k, t in enumerate(offline.taggers()) if isinstance(t, EnsembleTagger)]
        assert found == ([] if at is None else [at])
        # the first tagger's own second thoughts (nbest.py) still come from the first CRF
        assert isinstance(next(t for t in offline.taggers() if hasattr(t, "crf")), EntityTagger)


@needs_shipped
def test_a_wrong_placement_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from modeler.strategies.base import StrategyError

    monkeypatch.setenv("OPTIPILOT_OFFLINE_ENSEMBLE", "yes")
    monkeypatch.setattr(offline, "_taggers", [])
    with pytest.raises(StrategyError, match="first, second, last or 0"):
        offline.taggers()
    assert offline._taggers == []


_FACTORY = ("A factory makes chairs and tables. Each chair needs 2 hours of cutting, 3 hours of sanding and 1 hour "
            "of painting; each table needs 4 hours of cutting, 2 hours of sanding and 3 hours of painting. At most "
            "100 hours of cutting, 90 hours of sanding and 80 hours of painting are available. Each chair earns $30 "
            "and each table earns $50. At least 5 tables must be made. How many of each should be made to "
            "maximize profit?")
_FACTORY_MARKS = [("VAR", "chairs"), ("VAR", "tables"), ("VAR", "chair"), ("PARAM", "2"), ("PARAM", "3"),
                  ("PARAM", "1"), ("VAR", "table"), ("PARAM", "4"), ("PARAM", "2"), ("PARAM", "3"),
                  ("CONST_DIR", "At most"), ("LIMIT", "100"), ("LIMIT", "90"), ("LIMIT", "80"),
                  ("CONST_DIR", "available"), ("VAR", "chair"), ("PARAM", "30"), ("VAR", "table"), ("PARAM", "50")]
_FACTORY_BOUND = [("CONST_DIR", "At least"), ("LIMIT", "5"), ("VAR", "tables"), ("OBJ_DIR", "maximize"),
                  ("OBJ_NAME", "profit")]


class _HandTagger:
    """A stand-in first tagger that tags the factory text with given marks."""

    path = Path("hand.crfsuite")
    vocabulary = None

    def __init__(self, marks: list[tuple[str, str]]) -> None:
        self.marks = marks

    def tag(self, words: list[str]) -> list[str]:
        from hand_tags import bio

        return bio(words, self.marks)


class _HandVote(EnsembleTagger):
    """A stand-in vote (the reader knows the vote by its class) that tags with given marks."""

    def __init__(self, marks: list[tuple[str, str]]) -> None:
        self.hand, self.path, self.vocabulary, self.asked = _HandTagger(marks), Path("hand-ensemble"), None, False

    def tag(self, words: list[str]) -> list[str]:
        self.asked = True
        return self.hand.tag(words)


def test_a_sure_reading_that_leaves_a_number_unused_is_checked_against_the_vote(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from modeler.strategies.offline import SURE, SUREST, read_surest

    # the first tagger misses "At least 5 tables" (one number of twelve left: still sure); the vote tags it
    slip = _HandTagger(_FACTORY_MARKS + [("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    monkeypatch.setattr(offline, "_taggers", [slip])
    _, _, confidence, _, _ = read_surest(tokenize(_FACTORY))
    assert SURE <= confidence < SUREST
    monkeypatch.setattr(offline, "_taggers", [slip, _HandVote(_FACTORY_MARKS + _FACTORY_BOUND)])
    model_json, understanding, confidence, _, _ = read_surest(tokenize(_FACTORY))
    assert "tables >= 5" in [c["expr"] for c in model_json["constraints"].values()]
    assert confidence == SUREST
    assert any("hand-ensemble" in u["type"] for u in understanding if u["kind"] == "reading")
    # a reading with nothing left over is not read again (unless the taggers' agreement is asked, which
    # reads every tagger: agreement.py)
    monkeypatch.setattr(offline, "AGREEMENT", False)
    vote = _HandVote([])
    monkeypatch.setattr(offline, "_taggers", [_HandTagger(_FACTORY_MARKS + _FACTORY_BOUND), vote])
    _, understanding, confidence, _, _ = read_surest(tokenize(_FACTORY))
    assert confidence == SUREST and not vote.asked


def test_with_the_vote_read_first_a_sure_reading_that_leaves_a_number_unused_is_checked_against_the_first_crf(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from modeler.strategies.offline import SUREST, read_surest

    # OPTIPILOT_OFFLINE_ENSEMBLE=first: the vote slips, the first CRF (next in line) tags the bound
    slip = _HandVote(_FACTORY_MARKS + [("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    monkeypatch.setattr(offline, "_taggers", [slip, _HandTagger(_FACTORY_MARKS + _FACTORY_BOUND)])
    model_json, _, confidence, _, _ = read_surest(tokenize(_FACTORY))
    assert "tables >= 5" in [c["expr"] for c in model_json["constraints"].values()]
    assert confidence == SUREST


def test_scoring_a_tagger_that_is_not_there_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from modeler.strategies.offline import train

    monkeypatch.setattr(train, "read_conll", lambda path: [])  # no NL4Opt files needed to refuse
    monkeypatch.setenv("OPTIPILOT_DATA", str(tmp_path))
    (tmp_path / "nl4opt").mkdir()
    (tmp_path / "nl4opt" / "ner_train.txt").write_text("")
    assert train.main(["--score", str(tmp_path / "none.crfsuite")]) == 2
    assert "no tagger at" in capsys.readouterr().err


@needs_shipped
def test_scoring_names_each_tagger_and_the_vote() -> None:
    from modeler.strategies.offline import train

    doc = ([t.text for t in tokenize(_SHOP)], ["O"] * len(tokenize(_SHOP)))
    scores = train.score_taggers(CRF_PATH, [doc])
    assert list(scores) == ["first", "sparse", "renamed", "silver", "silverdev", "neural", "neural-s1", "neural-s2",
                            "ensemble"]
