"""Offline modeler: texts it used to refuse (no objective word, no variable) and duties met by amounts.

The sentences are written for these tests (not taken from NL4Opt). Tags are given by hand, as the
tagger's usual slips on such texts (no OBJ_DIR on "a minimal amount", names spelt "field one" left
untagged). No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand

from modeler.strategies.offline import read_model
from modeler.strategies.offline.entities import Span, Token, tokenize
from modeler.strategies.offline.mentions import numbered_names


def _rows_and_objective(toks: list[Token], spans: list[Span]) -> tuple[list[str], str]:
    model_json, understanding, _, _, _ = read_model(toks, spans)
    rows = sorted(u["expr"] for u in understanding if u["kind"] == "constraint")
    return rows, model_json["objective"]["sense"]


_FARMS = ("A farmer must harvest at least 60 apples and 40 pears. She owns two orchards: North Orchard and "
          "South Orchard. Each day at North Orchard, she picks 6 apples and 2 pears. Each day at South "
          "Orchard, she picks 3 apples and 5 pears. Plan her work while spending a minimal amount of time.")
_FARM_TAGS = [("CONST_DIR", "at least"), ("LIMIT", "60"), ("LIMIT", "40"), ("VAR", "North Orchard"),
              ("VAR", "South Orchard"), ("VAR", "North Orchard"), ("PARAM", "6"), ("PARAM", "2"),
              ("VAR", "South Orchard"), ("PARAM", "3"), ("PARAM", "5")]


# ------------------------------------------------------------------------------- "a minimal amount"
def test_a_minimal_amount_is_the_objective() -> None:
    toks, spans = hand(_FARMS, _FARM_TAGS)
    rows, sense = _rows_and_objective(toks, spans)
    assert sense == "min"
    assert rows == ["2 * north_orchard + 5 * south_orchard >= 40", "6 * north_orchard + 3 * south_orchard >= 60"]


def test_a_minimum_of_is_still_a_limit_not_the_objective() -> None:
    # "a minimum of 60" alone names no goal: the text is refused for lack of an objective
    text = ("A farmer must harvest a minimum of 60 apples. Each day at North Orchard, she picks 6 apples. "
            "Each day at South Orchard, she picks 3 apples.")
    toks, spans = hand(text, [("LIMIT", "60"), ("VAR", "North Orchard"), ("PARAM", "6"),
                               ("VAR", "South Orchard"), ("PARAM", "3")])
    try:
        read_model(toks, spans)
    except Exception as e:  # Refusal
        assert "no objective" in str(getattr(e, "reason", e))
    else:
        raise AssertionError("a minimum of 60 was read as an objective")


# ------------------------------------------------------------------------------- "field one" ... "field two"
def test_a_noun_numbered_in_words_is_a_name() -> None:
    words = [t.text for t in tokenize("There are two fields. field one and field two, where corn grows. "
                                      "Each acre of field one yields 3 tons.")]
    out = numbered_names(words, [])
    # (the third "field one" is followed by a verb that could be counted: later repairs find repeats)
    assert [sp.text for sp in out] == ["field one", "field two"]


def test_a_counted_noun_is_not_numbered() -> None:
    # "two" counts "trucks" here, and "one" alone numbers nothing
    words = [t.text for t in tokenize("The firm buys one truck and two vans.")]
    assert numbered_names(words, []) == []


def test_a_longer_tagged_name_keeps_its_numbered_tail() -> None:
    text = "Packages named fish box one and fish box two. Each fish box one holds 4 fish; fish box two holds 6."
    toks, spans = hand(text, [("VAR", "fish box two"), ("VAR", "fish box one"), ("VAR", "fish box two")])
    out = numbered_names([t.text for t in toks], spans)
    assert [sp.text for sp in out] == ["fish box two", "fish box one", "fish box two"]


# ------------------------------------------------------------------------------- duties met by amounts
def test_a_duty_verb_taking_a_list_of_amounts_is_a_least_amount() -> None:
    text = ("In a game, Mia has to collect 30 units of stone and 20 units of clay. Each hour in area one she "
            "gets 3 units of stone and 1 unit of clay. Each hour in area two she gets 1 unit of stone and "
            "4 units of clay. Minimize the time spent.")
    toks, spans = hand(text, [("LIMIT", "30"), ("LIMIT", "20"), ("VAR", "area one"), ("PARAM", "3"),
                               ("PARAM", "1"), ("VAR", "area two"), ("PARAM", "1"), ("PARAM", "4"),
                               ("OBJ_DIR", "Minimize")])
    rows, sense = _rows_and_objective(toks, spans)
    assert sense == "min"
    assert rows == ["3 * area_one + area_two >= 30", "area_one + 4 * area_two >= 20"]


def test_a_duty_verb_far_from_the_number_says_nothing() -> None:
    text = ("The shop has to pay rent. It has 50 hours of labor. Each chair takes 2 hours and each table "
            "takes 5 hours. Chairs earn $10 and tables earn $30. Maximize profit.")
    toks, spans = hand(text, [("LIMIT", "50"), ("VAR", "chair"), ("PARAM", "2"), ("VAR", "table"),
                               ("PARAM", "5"), ("PARAM", "10"), ("PARAM", "30"), ("OBJ_DIR", "Maximize"),
                               ("OBJ_NAME", "profit")])
    rows, _ = _rows_and_objective(toks, spans)
    assert rows == ["2 * chair + 5 * table <= 50"]
