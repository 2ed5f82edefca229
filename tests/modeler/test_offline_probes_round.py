"""Offline modeler: rules from problems written in NL4Opt's voice to probe the reader (v41).

- An ingredient named by one product's own word is that product's row alone, whether the word is said in the
  singular or the plural ("a cup of orange juice requires 3 oranges ... the bar has 300 oranges").
- A place of a size that a list of the decisions is planted or kept in is the room they share ("plants roses and
  tulips in a 200 square foot bed").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts (its slips included). No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.prose import as_prose


def _rows(text: str, marks: list[tuple[str, str]]) -> list[str]:
    return model_of(*hand(as_prose(text), marks))[1]


def test_an_ingredient_said_in_the_plural_is_one_products_own() -> None:
    text = ("A juice bar sells orange juice and apple juice. A cup of orange juice requires 3 oranges and a cup of "
            "apple juice requires 4 apples. The bar has 300 oranges and 320 apples. A cup of orange juice sells for "
            "$4 and a cup of apple juice for $3.5. At least 20 cups of apple juice must be sold. How many cups of "
            "each should be sold to maximize revenue?")
    # (the tagger reads the stock as coefficients: "300" and "320" come as PARAM)
    marks = [("VAR", "orange juice"), ("VAR", "apple juice"), ("VAR", "orange juice"), ("PARAM", "3"),
             ("VAR", "apple juice"), ("PARAM", "4"), ("PARAM", "300"), ("PARAM", "320"), ("VAR", "orange juice"),
             ("PARAM", "4"), ("VAR", "apple juice"), ("PARAM", "3.5"), ("CONST_DIR", "At least"), ("LIMIT", "20"),
             ("VAR", "apple juice"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")]
    rows = _rows(text, marks)
    assert "3 * orange_juice <= 300" in rows
    assert "4 * apple_juice <= 320" in rows


def test_the_bed_they_are_planted_in() -> None:
    text = ("A gardener plants roses and tulips in a 200 square foot bed. Each rose needs 4 square feet and each tulip "
            "needs 1 square foot. Roses need 3 liters of fertilizer each and tulips need 1 liter, and 250 liters are "
            "available. Each rose sells for $5 and each tulip $2. How many of each should be planted to maximize "
            "revenue?")
    marks = [("VAR", "roses"), ("VAR", "tulips"), ("LIMIT", "200"), ("VAR", "rose"), ("PARAM", "4"), ("VAR", "tulip"),
             ("PARAM", "1"), ("VAR", "Roses"), ("PARAM", "3"), ("VAR", "tulips"), ("PARAM", "1"), ("LIMIT", "250"),
             ("CONST_DIR", "available"), ("VAR", "rose"), ("PARAM", "5"), ("VAR", "tulip"), ("PARAM", "2"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")]
    rows = _rows(text, marks)
    assert "4 * roses + tulips <= 200" in rows
    assert "3 * roses + tulips <= 250" in rows
