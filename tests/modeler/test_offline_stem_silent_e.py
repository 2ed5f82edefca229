"""Offline modeler: "-ing" and "-ed" forms of a short verb meet the verb whose "e" they dropped ("shaping" /
"shape", "baking" / "bake"), so a limit said with the noun ("2500 minutes for shaping") finds the row its data
gave with the verb ("takes 40 minutes to shape"). Before, "shaping" stemmed to "shap" and "shape" to "shape", and
two such limits were swapped.

The sentences are written for these tests (not taken from any data set); tags are given by hand.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.words import stem


def test_short_verbs_keep_their_e_and_doubled_consonants_still_meet() -> None:
    for verb, form in [("shape", "shaping"), ("bake", "baking"), ("hire", "hiring"), ("store", "stored"),
                       ("price", "pricing"), ("cut", "cutting"), ("ship", "shipping"), ("mix", "mixing"),
                       ("fish", "fishing"), ("cook", "cooking"), ("edit", "editing")]:
        assert stem(form) == stem(verb), (verb, form, stem(form), stem(verb))


def test_a_limit_named_by_the_gerund_meets_data_given_by_the_verb() -> None:
    text = ("A potter makes bowls and vases. A bowl takes 20 minutes to shape and 60 minutes to bake, and a vase "
            "takes 45 minutes to shape and 30 minutes to bake. Each week there are at most 900 minutes for "
            "shaping and 2000 minutes for baking. A bowl earns $6 and a vase earns $9. How many of each should "
            "be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "bowls"), ("VAR", "vases"), ("VAR", "bowl"), ("PARAM", "20"),
                              ("PARAM", "60"), ("VAR", "vase"), ("PARAM", "45"), ("PARAM", "30"),
                              ("CONST_DIR", "at most"), ("LIMIT", "900"), ("LIMIT", "2000"), ("VAR", "bowl"),
                              ("PARAM", "6"), ("VAR", "vase"), ("PARAM", "9"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "20 * bowls + 45 * vases <= 900" in rows, rows
    assert "60 * bowls + 30 * vases <= 2000" in rows, rows
