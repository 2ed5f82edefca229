"""Offline modeler: readings that rewrites of NL4Opt training problems in a second writer's words showed
missing (round p130, part A of the first paraphrase set): a list of amounts led by one negated comparison ("cannot
use more than 4000 g of X, 5000 g of Y or 5200 g of Z"), a "but" clause after "the number of X has to be at least
25", what a resource "is limited to", a count in the noun every decision's name ends with, a budget said with
"is", "no smaller than", a verb of measure the tagger took for a name ("and earns a profit of $80"), the first
name of the question's pair ("What number of deer and bears"), a direction cue that names a decision ("a [bike
carries] 30"), a name cut before another name's head ("rose [seed]"), numbered siblings ("Bowl 1", "Bowl 2") and the land a
list is grown on in the passive ("are grown on your 30 acres").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.words import direction


def test_a_negated_comparison_leads_every_amount_of_its_list() -> None:
    # "cannot use more than 60000 g of flour, 5000 g of butter or 3000 g of sugar": each is a most, not a least
    text = ("A bakery makes loaves and buns. A loaf uses 300 g of flour, 20 g of butter and 10 g of sugar, while a "
            "bun uses 100 g of flour, 15 g of butter and 12 g of sugar. The bakery cannot use more than 60000 g of "
            "flour, 5000 g of butter or 3000 g of sugar. A loaf earns $2 and a bun earns $1. How many of each "
            "should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "loaves"), ("VAR", "buns"), ("VAR", "loaf"), ("PARAM", "300"),
                              ("PARAM", "20"), ("PARAM", "10"), ("VAR", "bun"), ("PARAM", "100"), ("PARAM", "15"),
                              ("PARAM", "12"), ("CONST_DIR", "more than"), ("LIMIT", "60000"), ("LIMIT", "5000"),
                              ("LIMIT", "3000"), ("VAR", "loaf"), ("PARAM", "2"), ("VAR", "bun"), ("PARAM", "1"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "20 * loaves + 15 * buns <= 5000" in rows, rows
    assert "10 * loaves + 12 * buns <= 3000" in rows, rows


def test_a_but_clause_after_the_number_of_a_kind_bounds_that_kind() -> None:
    # "the number of lilies has to be at least 15 but cannot go above 45": the lilies, not every bunch
    text = ("A florist sells tulips and lilies, earning $3 and $4 per bunch respectively. She has to sell at least 10 "
            "tulips, and the number of lilies has to be at least 15 but cannot go above 45. Altogether, no more "
            "than 70 bunches can be sold. How many of each should she sell to maximize profit?")
    toks, spans = hand(text, [("VAR", "tulips"), ("VAR", "lilies"), ("OBJ_NAME", "earning"), ("PARAM", "3"),
                              ("PARAM", "4"), ("CONST_DIR", "at least"), ("LIMIT", "10"), ("VAR", "tulips"),
                              ("VAR", "lilies"), ("CONST_DIR", "at least"), ("LIMIT", "15"), ("LIMIT", "45"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "70"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "lilies <= 45" in rows, rows


def test_what_a_resource_is_limited_to_is_its_limit() -> None:
    # "Cutting time is limited to 400 minutes" with 400 tagged as a coefficient: the cutting row's limit
    text = ("A shop makes stools and benches. Cutting takes 20 minutes for a stool and 30 minutes for a bench, and "
            "packing takes 10 minutes for a stool and 15 minutes for a bench. Cutting time is limited to 400 minutes "
            "and packing time to 300 minutes. A stool earns $25 and a bench earns $60. How many of each should be "
            "made to maximize profit?")
    toks, spans = hand(text, [("VAR", "stools"), ("VAR", "benches"), ("PARAM", "20"), ("VAR", "stool"),
                              ("PARAM", "30"), ("VAR", "bench"), ("PARAM", "10"), ("VAR", "stool"), ("PARAM", "15"),
                              ("VAR", "bench"), ("PARAM", "400"), ("LIMIT", "300"), ("VAR", "stool"),
                              ("PARAM", "25"), ("VAR", "bench"), ("PARAM", "60"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "20 * stools + 30 * benches <= 400" in rows, rows


def test_limited_to_is_a_most_even_of_a_demand() -> None:
    # "Weekly demand is limited to 60 crates": a most, though "demand" alone asks for a least
    assert direction("Weekly demand is limited to") == "<="


def test_no_smaller_than_is_a_least() -> None:
    assert direction("are amounts no smaller than") == ">="
    assert direction("the stock is no lower than") == ">="


def test_a_count_in_the_noun_every_name_ends_with_counts_them_all() -> None:
    # "red mugs and blue mugs ... at a mug studio ... a maximum of 30 mugs per day in total": both kinds together,
    # not a stock of a part that "a mug studio" takes one of
    text = ("Red mugs and blue mugs are made by hand at a mug studio. The red team can make no more than 20 per "
            "day, and the blue team no more than 25 per day. One glazer has to finish every mug, and she can glaze a maximum of "
            "30 mugs per day in total. Each red mug brings $12 of profit and each blue mug brings $15. How many "
            "mugs of each colour should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "Red mugs"), ("VAR", "blue mugs"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "20"), ("CONST_DIR", "no more than"), ("LIMIT", "25"), ("CONST_DIR", "maximum"),
                              ("LIMIT", "30"), ("VAR", "red mug"), ("PARAM", "12"), ("VAR", "blue mug"),
                              ("PARAM", "15"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "blue_mugs + red_mugs <= 30" in rows or "red_mugs + blue_mugs <= 30" in rows, rows


def test_a_budget_said_with_is_is_a_limit() -> None:
    # "and the weekly budget for making furniture is $9000" tagged as a coefficient: the money row's limit
    text = ("A workshop makes stools and benches. It costs $40 to make a stool and $90 to make a bench, and the "
            "weekly budget for making furniture is $9000. Weekly demand for the two together is no more than 150 "
            "units. A stool gives $30 of profit and a bench gives $70. How many of each should be made to maximize "
            "profit?")
    toks, spans = hand(text, [("VAR", "stools"), ("VAR", "benches"), ("OBJ_NAME", "costs"), ("PARAM", "40"),
                              ("VAR", "stool"), ("PARAM", "90"), ("VAR", "bench"), ("PARAM", "9000"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "150"), ("VAR", "stool"), ("PARAM", "30"),
                              ("VAR", "bench"), ("PARAM", "70"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "40 * stools + 90 * benches <= 9000" in rows, rows


def test_a_budget_per_item_stays_a_rate() -> None:
    # a guard: "a budget of $5 per chair" is a rate, not the money there is
    from modeler.strategies.offline.repairs import _budget_is

    toks, spans = hand("Each chair has a budget of $5 per chair.", [("PARAM", "5")])
    assert not _budget_is(toks, spans[0])
    toks, spans = hand("The budget is $5000 a month.", [("PARAM", "5000")])
    assert _budget_is(toks, spans[0])


def test_a_verb_of_measure_with_its_object_is_no_name() -> None:
    # "and [earns] a larger profit of $50" with "earns" tagged as a name: the tent's profit, no third variable
    text = ("A camping firm makes tents and tarps. A tent takes 3 hours to sew and earns $20 in profit, while a tarp "
            "takes 2 hours to sew and earns a larger profit of $25. At most 60 hours of sewing are available. How "
            "many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "tents"), ("VAR", "tarps"), ("VAR", "tent"), ("PARAM", "3"),
                              ("OBJ_NAME", "earns"), ("PARAM", "20"), ("OBJ_NAME", "profit"), ("VAR", "tarp"),
                              ("PARAM", "2"), ("VAR", "earns"), ("OBJ_NAME", "profit"), ("PARAM", "25"),
                              ("CONST_DIR", "At most"), ("LIMIT", "60"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 20 * tents + 25 * tarps", goal


def test_the_questions_count_opens_the_pair_of_decisions() -> None:
    # "What number of lambs and calves": "lambs", untagged, is the other decision
    text = ("A farmer earns $50 for every lamb he raises and $80 for every calf. He must raise at least 4 lambs and "
            "at most 10 calves, and he has room for 20 animals in total. What number of lambs and calves should he "
            "raise to maximize his profit?")
    toks, spans = hand(text, [("PARAM", "50"), ("PARAM", "80"), ("VAR", "calf"), ("CONST_DIR", "at least"),
                              ("LIMIT", "4"), ("CONST_DIR", "at most"), ("LIMIT", "10"), ("VAR", "calves"),
                              ("LIMIT", "20"), ("VAR", "calves"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 50 * lamb + 80 * calf", goal
    assert "lamb >= 4" in rows, rows


def test_a_cue_that_says_no_direction_and_names_a_decision_is_a_slip() -> None:
    # "while a [bike carries] 15 parcels" tagged as a direction cue: the bike's row, not a limit
    text = ("A courier can use vans and cargo bikes. A van carries 50 parcels per trip and costs $20 per trip, while a "
            "bike carries 15 parcels per trip and costs $4 per trip. The courier can spend at most $400. The number of "
            "vans cannot be more than the number of bikes. How many vans and bikes should be used to carry as many "
            "parcels as possible?")
    toks, spans = hand(text, [("VAR", "vans"), ("VAR", "cargo bikes"), ("VAR", "van"), ("PARAM", "50"),
                              ("PARAM", "20"), ("CONST_DIR", "bike carries"), ("LIMIT", "15"), ("PARAM", "4"),
                              ("CONST_DIR", "at most"), ("LIMIT", "400"), ("VAR", "vans"), ("VAR", "bikes"),
                              ("VAR", "vans"), ("VAR", "bikes")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 50 * vans + 15 * cargo_bikes", goal
    assert "20 * vans + 4 * cargo_bikes <= 400" in rows, rows


def test_a_name_said_alone_before_another_names_head_is_one_name() -> None:
    # "Tulip bulbs cost $2 ..., and lily [bulbs] cost $3" beside "tulips and lilies": the lilies' bulbs
    text = ("A gardener plants tulips and lilies on at most 80 square feet. Tulip bulbs cost $2 per square foot, and "
            "lily bulbs cost $3 per square foot. She can spend no more than $200 on bulbs. Each square foot of "
            "tulips earns $9 and each square foot of lilies earns $12. How many square feet of each should she "
            "plant to maximize profit?")
    toks, spans = hand(text, [("VAR", "tulips"), ("VAR", "lilies"), ("CONST_DIR", "at most"), ("LIMIT", "80"),
                              ("VAR", "Tulip bulbs"), ("PARAM", "2"), ("VAR", "bulbs"), ("PARAM", "3"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "200"), ("VAR", "tulips"), ("PARAM", "9"),
                              ("VAR", "lilies"), ("PARAM", "12"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "2 * tulips + 3 * lilies <= 200" in rows, rows


def test_numbered_siblings_keep_their_numbers() -> None:
    # "To make Tray 1 ...; Tray 2 uses ...": numbered names, though "trays" stands alone too
    text = ("A bakery sells two trays of pastries. To make Tray 1, it uses 3 units of dough and 1 unit of cream; Tray "
            "2 uses 2 units of dough and 2 units of cream. It has only 120 units of dough and 90 units of cream. How "
            "many of each tray should be made so that the total number of trays is as large as possible?")
    toks, spans = hand(text, [("VAR", "Tray 1"), ("PARAM", "3"), ("PARAM", "1"), ("VAR", "Tray 2"), ("PARAM", "2"),
                              ("PARAM", "2"), ("CONST_DIR", "only"), ("LIMIT", "120"), ("LIMIT", "90"),
                              ("VAR", "trays")])
    _, rows = model_of(toks, spans)
    assert "3 * tray_1 + 2 * tray_2 <= 120" in rows, rows


def test_a_list_grown_on_someones_land_shares_it() -> None:
    # "Plums and cherries are grown on your 40 acres of land" with 40 tagged as a coefficient: the room they share
    text = ("Plums and cherries are grown on your 40 acres of land. Picking takes 3 hours for each acre of plums and "
            "5 hours for each acre of cherries, and at most 160 hours of picking are available. An acre of plums "
            "yields a profit of $200 and an acre of cherries yields $320. How many acres of each should be planted "
            "to maximize profit?")
    toks, spans = hand(text, [("VAR", "Plums"), ("VAR", "cherries"), ("PARAM", "40"), ("PARAM", "3"),
                              ("VAR", "plums"), ("PARAM", "5"), ("VAR", "cherries"), ("CONST_DIR", "at most"),
                              ("LIMIT", "160"), ("VAR", "plums"), ("OBJ_NAME", "profit"), ("PARAM", "200"),
                              ("VAR", "cherries"), ("PARAM", "320"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "plums + cherries <= 40" in rows, rows
