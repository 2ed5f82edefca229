"""Offline modeler: readings that the rewrites of part J of the third paraphrase set (NL4Opt training
problems said by a second writer) showed missing (round 141): one negation before the first item of an
"or" list ("cannot bake more than 40 loaves or more than 25 cakes") governs every item of it; a name's
sibling shortened to its modifier as the name was ("in bond ... in stock"); a verb of sale with its
price ("[muffins sells] for $6") ends a name; a lettered name said again ("Type A") keeps its letter;
"or more" after a whole measure ("40 grams of protein or more") makes its amount a bound.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_negation_governs_each_item_of_an_or_list() -> None:
    # "cannot bake more than 40 loaves or more than 25 cakes": both amounts are mosts
    text = ("A bakery bakes loaves and cakes. It cannot bake more than 40 loaves or more than 25 cakes a day. "
            "It must bake at least 30 items a day. Each loaf earns $3 and each cake earns $5. How many of each "
            "should it bake to maximize profit?")
    toks, spans = hand(text, [("VAR", "loaves"), ("VAR", "cakes"), ("CONST_DIR", "cannot bake more than"),
                              ("LIMIT", "40"), ("VAR", "loaves"), ("CONST_DIR", "more than"), ("LIMIT", "25"),
                              ("VAR", "cakes"), ("CONST_DIR", "at least"), ("LIMIT", "30"), ("VAR", "loaf"),
                              ("PARAM", "3"), ("VAR", "cake"), ("PARAM", "5"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "cakes <= 25" in rows, rows
    assert "loaves <= 40" in rows, rows


def test_an_unnegated_or_list_keeps_its_own_sense() -> None:
    # a guard: "must sell more than 10 chairs or more than 5 tables" has no negation to carry
    from modeler.strategies.offline.limit_sense import _negation_carried
    from modeler.strategies.offline.reading import read

    text = "The shop must sell more than 10 chairs or more than 5 tables."
    toks, spans = hand(text, [("CONST_DIR", "more than"), ("LIMIT", "10"), ("VAR", "chairs"),
                              ("CONST_DIR", "more than"), ("LIMIT", "5"), ("VAR", "tables")])
    r = read(toks, spans)
    assert _negation_carried(r, next(x for x in r.spans if x.text == "5")) is None
    text = "The shop cannot sell more than 10 chairs or more than 5 tables."
    toks, spans = hand(text, [("CONST_DIR", "cannot sell more than"), ("LIMIT", "10"), ("VAR", "chairs"),
                              ("CONST_DIR", "more than"), ("LIMIT", "5"), ("VAR", "tables")])
    r = read(toks, spans)
    assert _negation_carried(r, next(x for x in r.spans if x.text == "5")) == "<="


def test_a_sibling_is_shortened_like_the_other() -> None:
    # "the bond and stock markets ... each dollar in bond ..., each dollar in stock ...": once one name of two
    # sharing a head is said by its modifier alone, its sibling's modifier alone names the sibling
    from modeler.strategies.offline.name_repairs import complete_mentions

    text = ("Ann puts money into the bond market and the stock market. She invests at most $5000 in the bond "
            "market. Every dollar invested in bond yields $0.05, while a dollar in stock returns $0.08.")
    toks, spans = hand(text, [("VAR", "bond market"), ("VAR", "stock market"), ("CONST_DIR", "at most"),
                              ("LIMIT", "5000"), ("VAR", "bond market"), ("VAR", "bond"), ("PARAM", "0.05"),
                              ("PARAM", "0.08")])
    words = [t.text for t in toks]
    out = complete_mentions(words, spans)
    assert any(sp.label == "VAR" and sp.text == "stock" and words[sp.start - 1] == "in" for sp in out), out


def test_a_sale_verb_with_its_price_ends_a_name() -> None:
    # "A box of [muffins sells] for $6": the verb of sale is no word of the name
    text = ("Muffins and scones are sold at a bakery stand. It must sell at least 10 boxes of muffins and at least "
            "15 boxes of scones, and no more than 60 boxes in total. A box of muffins sells for $6 and a box of "
            "scones for $4. How many boxes of each should be sold to maximize revenue?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "10"), ("CONST_DIR", "at least"),
                              ("LIMIT", "15"), ("CONST_DIR", "no more than"), ("LIMIT", "60"),
                              ("VAR", "muffins sells"), ("PARAM", "6"), ("PARAM", "4"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "revenue")])
    objective, rows = model_of(toks, spans)
    assert "6 * muffins" in objective and "sells" not in objective, objective


def test_a_lettered_name_said_again_keeps_its_letter() -> None:
    # "[Type A] ... [Type A] ... [Type A]": each trimmed to the label "A", which no category shares
    from modeler.strategies.offline.mentions import tidy_mentions

    text = ("A farm mixes Type A and Type B feed. Type A feed costs $3 a bag and Type B feed costs $2 a "
            "bag. Type A feed needs 4 minutes of mixing.")
    toks, spans = hand(text, [("VAR", "Type A"), ("VAR", "Type B"), ("VAR", "Type A"), ("PARAM", "3"),
                              ("VAR", "Type B"), ("PARAM", "2"), ("VAR", "Type A"), ("PARAM", "4")])
    words = [t.text for t in toks]
    kept = [sp.text for sp in tidy_mentions(words, spans) if sp.label == "VAR"]
    assert kept.count("A") + kept.count("Type A") == 3, kept


def test_or_more_after_the_whole_measure_makes_a_bound() -> None:
    # "needs 40 grams of protein or more": the amount is a bound though tagged a coefficient
    from modeler.strategies.offline.repairs import _or_more

    toks, spans = hand("The meal needs 40 grams of protein or more each day.", [("PARAM", "40")])
    assert _or_more(toks, spans[0])
    toks, spans = hand("Each bar has 40 grams of protein and more sugar.", [("PARAM", "40")])
    assert not _or_more(toks, spans[0])
