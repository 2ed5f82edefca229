"""Names the tagger never saw (`unseen.py`): coordinated with a tagged variable, they are variables too.
Sentences written for these tests; the tags are given by hand and the vocabulary is a small word set."""

from __future__ import annotations

from hand_tags import hand

from modeler.strategies.offline import read_model
from modeler.strategies.offline.unseen import coordinated_names

# what a tagger trained on other trades would know: everyday words, none of the products below
KNOWN = frozenset(
    "a an the shop sells makes and or each costs cost profit of is are to at most least hours two types "
    "units garbage furthermore pills contain methods every shift outsource workers using plywood "
    "granite they by truck transport can $ , . : ; maximize minimize how many should be made".split())


def _added(text: str, marks: list[tuple[str, str]], vocabulary: frozenset[str] | None = KNOWN) -> list[str]:
    toks, spans = hand(text, marks)
    words = [t.text for t in toks]
    return [sp.text for sp in coordinated_names(words, spans, vocabulary) if sp not in spans]


def test_an_unseen_name_after_or_before_a_tagged_one() -> None:
    assert _added("The shop sells a velvet fiddle and a tuba.", [("VAR", "velvet fiddle")]) == ["tuba"]
    assert _added("The shop sells a tuba or a velvet fiddle.", [("VAR", "velvet fiddle")]) == ["tuba"]


def test_a_list_is_followed_through() -> None:
    added = _added("The shop makes three paints: Hammock, Sextant, and Valise.", [("VAR", "Valise")])
    assert sorted(added) == ["Hammock", "Sextant"]


def test_a_known_modifier_tagged_elsewhere_stays_with_its_name() -> None:
    added = _added("Two types: granite metronome and truck. Each granite metronome costs $5.",
                   [("VAR", "truck"), ("VAR", "granite metronome")])
    assert added == ["granite metronome"]


def test_a_repeat_of_a_found_name_anchors_the_pair() -> None:
    text = "They transport by lute or by easel. A lute costs $3."
    assert _added(text, [("VAR", "lute")]) == ["easel"]


def test_with_nothing_tagged_the_first_unseen_pair() -> None:
    assert sorted(_added("They sell a bugle and a sled.", [])) == ["bugle", "sled"]


def test_known_words_and_other_readings_are_left_alone() -> None:
    # a word the tagger knows is its own business
    assert _added("The shop makes plywood and trellises.", [("VAR", "trellises")]) == []
    # a category before a list, a unit, a sentence adverb, a verb
    assert _added("It uses two methods, drones and kayaks.", [("VAR", "drones"), ("VAR", "kayaks")]) == []
    assert _added("Each pill makes 2 units of sludge and a kayak.", [("VAR", "kayak")]) == []
    assert _added("Pills contain 3 units. Furthermore, kayaks cost $2.", [("VAR", "kayaks")]) == []
    assert _added("They use kayaks or outsource to couriers.", [("VAR", "kayaks")]) == []
    # a comma alone joins names only inside a list
    assert _added("At the velvet fiddle, Roy finds 3 shells.", [("VAR", "velvet fiddle")]) == []
    # the run stops after the unseen head
    assert _added("The shop makes trellises and kayaks using workers.", [("VAR", "trellises")]) == ["kayaks"]


def test_without_a_vocabulary_nothing_changes() -> None:
    assert _added("The shop sells a velvet fiddle and a tuba.", [("VAR", "velvet fiddle")], None) == []


def test_the_reading_with_a_vocabulary_gives_the_whole_model() -> None:
    text = ("The shop sells a velvet fiddle and a tuba. Each velvet fiddle takes 3 hours and each tuba "
            "takes 5 hours. The shop has at most 40 hours. The profit of a velvet fiddle is $8 and of a "
            "tuba is $11. Maximize profit.")
    toks, spans = hand(text, [("VAR", "velvet fiddle"), ("VAR", "velvet fiddle"), ("PARAM", "3"),
                              ("PARAM", "5"), ("CONST_DIR", "at most"), ("LIMIT", "40"),
                              ("OBJ_NAME", "profit"), ("VAR", "velvet fiddle"), ("PARAM", "8"), ("PARAM", "11"),
                              ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")])
    with_vocabulary, *_ = read_model(toks, spans, KNOWN)
    assert set(with_vocabulary["variables"]) == {"velvet_fiddle", "tuba"}
    assert with_vocabulary["objective"]["expr"].replace(" ", "") in {"8*velvet_fiddle+11*tuba",
                                                                    "11*tuba+8*velvet_fiddle"}
