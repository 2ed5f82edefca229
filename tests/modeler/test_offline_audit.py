"""Offline modeler: readings found wrong in an audit of models the consistency check passes (every number
used, an optimum found) -- "below" and "at the most", the machine named before "is available for", a
count "for" or "to be" a variable, a bare limit that ends its clause, a head word every name shares,
plurals without "s", and a loss per unit.

The sentences are written for these tests (not taken from NL4Opt). Tags are given by hand, with the
tagger's usual slips on such texts (a variable's name left untagged where it is counted). No trained
tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.limit_words import _common_head, _limit_context
from modeler.strategies.offline.reading import read
from modeler.strategies.offline.words import direction, stem


# ----------------------------------------------------------------------------- "below", "at the most"
def test_below_and_at_the_most_bound_from_above() -> None:
    # (the words before the limit, as the reader passes them: "It is required" stands farther back)
    assert direction("to keep the monthly payroll below $") == "<="
    assert direction("the crew can paint at the most") == "<="
    assert direction("the payroll must not fall below") == ">="  # turned round by the negation


def test_a_bill_kept_below_a_sum_is_an_upper_limit() -> None:
    text = ("A studio employs editors earning $900 per week and animators earning $1100 per week. The studio "
            "needs at least 12 staff. It is required to keep the weekly wage bill below $20000. Minimize the "
            "wage bill.")
    toks, spans = hand(text, [("VAR", "editors"), ("PARAM", "900"), ("VAR", "animators"), ("PARAM", "1100"),
                              ("CONST_DIR", "at least"), ("LIMIT", "12"), ("CONST_DIR", "below"),
                              ("LIMIT", "20000"), ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "wage bill")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 900 * editors + 1100 * animators"
    assert "900 * editors + 1100 * animators <= 20000" in rows


# ------------------------------------------------------------------ "the X machine is available for N"
_KILN = ("A studio fires vases and plates. Each vase takes 2 hours on the drying machine and 5 hours on the "
         "glazing machine. Each plate takes 4 hours on the drying machine and 1 hour on the glazing machine. "
         "The drying machine is available for 300 hours while the glazing machine is available for at most "
         "200 hours. If the profit per vase is $30 and the profit per plate is $20, how many of each should "
         "be made to maximize profit?")
_KILN_TAGS = [("VAR", "vases"), ("VAR", "plates"), ("VAR", "vase"), ("PARAM", "2"), ("PARAM", "5"),
              ("VAR", "plate"), ("PARAM", "4"), ("PARAM", "1"), ("CONST_DIR", "available"), ("LIMIT", "300"),
              ("CONST_DIR", "at most"), ("LIMIT", "200"), ("OBJ_NAME", "profit"), ("VAR", "vase"),
              ("PARAM", "30"), ("OBJ_NAME", "profit"), ("VAR", "plate"), ("PARAM", "20"),
              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]


def test_the_machine_named_before_is_available_for_takes_its_limit() -> None:
    # the machine's name stands five and more words before the number, past "is available for at most"
    toks, spans = hand(_KILN, _KILN_TAGS)
    r = read(toks, spans)
    ctx = {sp.text: _limit_context(r, sp) for sp in r.spans if sp.label == "LIMIT"}
    assert ctx["300"]["dry"] and not ctx["300"]["glaze"]
    assert ctx["200"]["glaze"] and not ctx["200"]["dry"]
    _, rows = model_of(toks, spans)
    assert "2 * vases + 4 * plates <= 300" in rows
    assert "5 * vases + plates <= 200" in rows


# ------------------------------------------------------------------ "10 seats for children", "to be"
def test_a_count_for_a_variable_bounds_that_variable() -> None:
    text = ("A bus sells adult seats and student seats and can carry at most 60 people. A profit of $4 is made "
            "on each adult seat and $2 on each student seat. The bus reserves at least 8 seats for students. "
            "How many of each should be sold to maximize profit?")
    toks, spans = hand(text, [("VAR", "adult seats"), ("VAR", "student seats"), ("CONST_DIR", "at most"),
                              ("LIMIT", "60"), ("OBJ_NAME", "profit"), ("PARAM", "4"), ("VAR", "adult seat"),
                              ("PARAM", "2"), ("VAR", "student seat"), ("CONST_DIR", "at least"),
                              ("LIMIT", "8"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "student_seats >= 8" in rows
    assert "adult_seats + student_seats <= 60" in rows


def test_a_count_said_to_be_a_variable_bounds_that_variable() -> None:
    text = ("A shop stocks wool scarves and silk scarves and can hold at most 90 scarves. The profit per wool "
            "scarf is $6 and per silk scarf $9. The shop makes sure that at least 15 scarves shown are silk. "
            "How many of each should it stock to maximize profit?")
    toks, spans = hand(text, [("VAR", "wool scarves"), ("VAR", "silk scarves"), ("CONST_DIR", "at most"),
                              ("LIMIT", "90"), ("OBJ_NAME", "profit"), ("VAR", "wool scarf"), ("PARAM", "6"),
                              ("VAR", "silk scarf"), ("PARAM", "9"), ("CONST_DIR", "at least"),
                              ("LIMIT", "15"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "silk_scarves >= 15" in rows


# -------------------------------------------- "the demand for X is at most 20 and the demand for Y ..."
def test_a_bare_limit_ending_its_clause_bounds_the_variable_before_it() -> None:
    text = ("A kiosk sells small kites and large kites at a profit of $3 and $5 each. The demand for small "
            "kites is at most 40 and the demand for large kites is at most 25. How many of each should it "
            "sell to maximize profit?")
    toks, spans = hand(text, [("VAR", "small kites"), ("VAR", "large kites"), ("OBJ_NAME", "profit"),
                              ("PARAM", "3"), ("PARAM", "5"), ("VAR", "small kites"), ("CONST_DIR", "at most"),
                              ("LIMIT", "40"), ("VAR", "large kites"), ("CONST_DIR", "at most"),
                              ("LIMIT", "25"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "small_kites <= 40" in rows
    assert "large_kites <= 25" in rows


# ------------------------------------------- "at most 120 sandwiches" of "turkey ..." and "veggie ..."
def test_a_head_every_name_shares_counts_them_all() -> None:
    text = ("A deli makes turkey sandwiches and veggie sandwiches. The deli only has enough bread to make at "
            "most 120 sandwiches. It must sell at least 30 turkey sandwiches and at least 25 veggie sandwiches. "
            "The profit per turkey sandwich is $4 and the profit per veggie sandwich is $3. How many of each "
            "should it sell to maximize profit?")
    toks, spans = hand(text, [("VAR", "turkey"), ("VAR", "veggie sandwiches"), ("CONST_DIR", "at most"),
                              ("LIMIT", "120"), ("CONST_DIR", "at least"), ("LIMIT", "30"),
                              ("VAR", "turkey sandwiches"), ("CONST_DIR", "at least"), ("LIMIT", "25"),
                              ("VAR", "veggie sandwiches"), ("OBJ_NAME", "profit"), ("VAR", "turkey sandwich"),
                              ("PARAM", "4"), ("OBJ_NAME", "profit"), ("VAR", "veggie sandwich"), ("PARAM", "3"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    r = read(toks, spans)
    k = next(sp.end for sp in r.spans if sp.text == "120")  # "sandwiches" right after the limit
    assert _common_head(r, k)
    assert not _common_head(r, k - 3)  # "make": no name's head
    _, rows = model_of(toks, spans)
    assert "turkey_sandwiches + veggie_sandwiches <= 120" in rows


# ------------------------------------------------------------------------------- "geese", "knives"
def test_plurals_without_s_meet_their_singulars() -> None:
    assert stem("geese") == stem("goose")
    assert stem("knives") == stem("knife")
    assert stem("shelves") == stem("shelf")


# ------------------------------------------------------------------------------------ "a $3 loss"
def test_a_loss_per_unit_is_a_negative_profit() -> None:
    text = ("A stall sells hats and gloves. Each hat sold results in a $2 loss, but each pair of gloves sold "
            "results in a $7 profit. It must sell at least 20 hats. It can sell at most 50 hats and gloves in "
            "total. How many of each should it sell to maximize profit?")
    toks, spans = hand(text, [("VAR", "hats"), ("VAR", "gloves"), ("VAR", "hat"), ("PARAM", "2"),
                              ("VAR", "gloves"), ("PARAM", "7"), ("OBJ_NAME", "profit"),
                              ("CONST_DIR", "at least"), ("LIMIT", "20"), ("VAR", "hats"),
                              ("CONST_DIR", "at most"), ("LIMIT", "50"), ("VAR", "hats"), ("VAR", "gloves"),
                              ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, _ = model_of(toks, spans)
    assert goal == "max -2 * hats + 7 * gloves"


# ------------------------------------------------------------------------------- "children's tickets"
def test_a_possessive_meets_its_noun() -> None:
    assert stem("children's") == stem("children")
    text = ("A theatre sells adult tickets and children's tickets and can seat at most 150 people. A profit "
            "of $9 is made on each adult ticket and $4 on each children's ticket. The theatre reserves at "
            "least 20 tickets for children. How many of each should be sold to maximize profit?")
    toks, spans = hand(text, [("VAR", "adult tickets"), ("VAR", "children's tickets"), ("CONST_DIR", "at most"),
                              ("LIMIT", "150"), ("OBJ_NAME", "profit"), ("PARAM", "9"), ("VAR", "adult ticket"),
                              ("PARAM", "4"), ("VAR", "children's ticket"), ("CONST_DIR", "at least"),
                              ("LIMIT", "20"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "children_s_tickets >= 20" in rows


# ------------------------------------------------- "600 units and 500 units of X and Y ..., respectively"
def test_respectively_with_the_resources_after_the_numbers() -> None:
    text = ("A deli makes two wraps. Wrap A requires 4 units of turkey meat and 5 units of ham meat. Wrap B "
            "requires 5 units of turkey meat and 3 units of ham meat. The deli has 600 units and 500 units of "
            "turkey and ham meat available, respectively. If the profit per wrap A is $3 and the profit per "
            "wrap B is $4, how many of each should it make to maximize profit?")
    toks, spans = hand(text, [("VAR", "Wrap A"), ("PARAM", "4"), ("PARAM", "5"), ("VAR", "Wrap B"), ("PARAM", "5"),
                              ("PARAM", "3"), ("LIMIT", "600"), ("LIMIT", "500"), ("CONST_DIR", "available"),
                              ("OBJ_NAME", "profit"), ("VAR", "wrap A"), ("PARAM", "3"), ("OBJ_NAME", "profit"),
                              ("VAR", "wrap B"), ("PARAM", "4"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "4 * wrap_a + 5 * wrap_b <= 600" in rows
    assert "5 * wrap_a + 3 * wrap_b <= 500" in rows


# ------------------------------------------- "6500 hours for producing the parts, 3500 for assembling ..."
def test_three_activities_each_take_their_own_hours() -> None:
    text = ("A workshop makes benches and stools. It takes 3 hours to produce the parts of a bench and 2 hours "
            "for those of a stool. In addition, it takes 1 hour and 4 hours to assemble a stool and bench "
            "respectively. Finally, painting a stool takes 1.5 hours whereas painting a bench requires 2.5 "
            "hours. Every month, there are a total of 900 hours available for producing the parts, 700 hours "
            "for assembling the parts, and 400 hours for painting the furniture. If the profit on a bench is "
            "$60 and the profit on a stool is $40, how many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "benches"), ("VAR", "stools"), ("PARAM", "3"), ("VAR", "bench"),
                              ("PARAM", "2"), ("VAR", "stool"), ("PARAM", "1"), ("PARAM", "4"), ("VAR", "stool"),
                              ("VAR", "bench"), ("VAR", "stool"), ("PARAM", "1.5"), ("VAR", "bench"),
                              ("PARAM", "2.5"), ("LIMIT", "900"), ("CONST_DIR", "available"), ("LIMIT", "700"),
                              ("LIMIT", "400"), ("OBJ_NAME", "profit"), ("VAR", "bench"), ("PARAM", "60"),
                              ("OBJ_NAME", "profit"), ("VAR", "stool"), ("PARAM", "40"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * benches + 2 * stools <= 900" in rows
    assert "stools + 4 * benches <= 700" in rows
    assert "1.5 * stools + 2.5 * benches <= 400" in rows


def test_a_tagged_head_every_name_shares_is_no_one_variable() -> None:
    # the tagger took "rolls" after the limit for a variable: it still counts both kinds
    text = ("A bakery sells two kinds of rolls, plain and seeded. It pays $2 and $3 for each plain and seeded "
            "roll respectively. The profit is $1 per plain roll and $2 per seeded roll. It expects to sell at "
            "most 400 rolls and wants to spend at most $900. How many of each should it buy to maximize "
            "profit?")
    toks, spans = hand(text, [("VAR", "plain"), ("VAR", "seeded"), ("PARAM", "2"), ("PARAM", "3"),
                              ("VAR", "plain"), ("VAR", "seeded roll"), ("OBJ_NAME", "profit"), ("PARAM", "1"),
                              ("VAR", "plain roll"), ("PARAM", "2"), ("VAR", "seeded roll"),
                              ("CONST_DIR", "at most"), ("LIMIT", "400"), ("VAR", "rolls"),
                              ("CONST_DIR", "at most"), ("LIMIT", "900"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "plain + seeded <= 400" in rows


# ---------------------------------------------- "15 tons of each per week", "each ton of X and Y syrup"
_SYRUP = ("A mill makes maple syrup and birch syrup. They can make at most 20 tons of each per week. Each ton "
          "of maple and birch syrup requires 4 hours on the boiler. The boiler is available for at most 60 "
          "hours per week. If the profit per ton of maple syrup is $300 and the profit per ton of birch syrup "
          "is $200, how many tons of each should be made to maximize profit?")
_SYRUP_TAGS = [("VAR", "maple syrup"), ("VAR", "birch syrup"), ("CONST_DIR", "at most"), ("LIMIT", "20"),
               ("VAR", "birch syrup"), ("PARAM", "4"), ("CONST_DIR", "at most"), ("LIMIT", "60"),
               ("OBJ_NAME", "profit"), ("VAR", "maple syrup"), ("PARAM", "300"), ("OBJ_NAME", "profit"),
               ("VAR", "birch syrup"), ("PARAM", "200"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]


def test_a_unit_of_each_bounds_each_variable() -> None:
    toks, spans = hand(_SYRUP, _SYRUP_TAGS)
    _, rows = model_of(toks, spans)
    assert "maple_syrup <= 20" in rows and "birch_syrup <= 20" in rows


def test_a_total_of_either_type_stays_a_sum() -> None:
    text = ("A shop sells desk lamps and floor lamps. It can sell at most 90 lamps of either type per week. The "
            "profit per desk lamp is $12 and per floor lamp $20. How many of each should it sell to maximize "
            "profit?")
    toks, spans = hand(text, [("VAR", "desk lamps"), ("VAR", "floor lamps"), ("CONST_DIR", "at most"),
                              ("LIMIT", "90"), ("OBJ_NAME", "profit"), ("VAR", "desk lamp"), ("PARAM", "12"),
                              ("VAR", "floor lamp"), ("PARAM", "20"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "desk_lamps + floor_lamps <= 90" in rows


def test_each_unit_of_two_names_sharing_a_head_takes_the_number() -> None:
    # "maple" untagged before "and birch syrup": the name cut to its own word still shares the 4 hours
    toks, spans = hand(_SYRUP, _SYRUP_TAGS)
    _, rows = model_of(toks, spans)
    assert "4 * maple_syrup + 4 * birch_syrup <= 60" in rows
