"""Offline modeler: constraint rows the reader missed or misread (helper h43) -- a rate "for each" with no
number, a negated comparison, what "there are", a subset joined by "together", a count on a named shift,
a bare "half of it", a subject that only one name holds, an aside in brackets, "has only N", spelt counts
after a stock's wording, a whole "for" which items are booked, limits in the decisions' sized unit, what a
diet "gets from" the items, and a thing only some items take one of.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_rate_for_each_with_no_number_is_one() -> None:
    text = ("Mia coaches tennis and golf. A tennis lesson lasts 1 hour and pays $30; a golf lesson takes 2 hours "
            "and pays $70. She works at most 30 hours a week, and she wants no more than three tennis lessons "
            "for each golf lesson. How many lessons of each kind should she give to earn the most?")
    toks, spans = hand(text, [("VAR", "tennis"), ("VAR", "golf"), ("VAR", "tennis lesson"), ("PARAM", "1"),
                              ("PARAM", "30"), ("VAR", "golf lesson"), ("PARAM", "2"), ("PARAM", "70"),
                              ("CONST_DIR", "at most"), ("LIMIT", "30"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "three"), ("VAR", "tennis lessons"), ("VAR", "golf lesson"),
                              ("OBJ_DIR", "most")])
    _, rows = model_of(toks, spans)
    assert "tennis <= 3 * golf" in rows


def test_a_rate_with_a_currency_sign_before_its_number() -> None:
    text = ("Ann can invest up to $10,000 in gold and silver, which return 3% and 5% a year. She wants at least "
            "$1 in gold for every $3 in silver. How much should she invest in each to maximize her return?")
    toks, spans = hand(text, [("CONST_DIR", "up to"), ("LIMIT", "10,000"), ("VAR", "gold"), ("VAR", "silver"),
                              ("PARAM", "3 %"), ("PARAM", "5 %"), ("CONST_DIR", "at least"), ("LIMIT", "1"),
                              ("VAR", "gold"), ("VAR", "silver"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert any(r.startswith("gold >= 0.333") and r.endswith("* silver") for r in rows), rows


def test_a_negated_more_than_is_at_most() -> None:
    text = ("A clinic books nurses and volunteers. A nurse gives 30 shots an hour and costs $60; a volunteer "
            "gives 10 shots an hour and costs $20. At least 300 shots an hour are needed. There can't be more "
            "volunteers than nurses. How many of each should be booked to minimize the cost?")
    toks, spans = hand(text, [("VAR", "nurses"), ("VAR", "volunteers"), ("PARAM", "30"), ("PARAM", "60"),
                              ("PARAM", "10"), ("PARAM", "20"), ("CONST_DIR", "At least"), ("LIMIT", "300"),
                              ("VAR", "volunteers"), ("VAR", "nurses"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "volunteers <= nurses" in rows


def test_what_there_is_is_a_stock_whatever_each_one_needs() -> None:
    text = ("A clinic books nurses and pharmacists. A nurse gives 30 shots an hour and costs $60; a pharmacist "
            "gives 20 shots an hour and costs $70. At least 400 shots an hour are needed. There are 18 booths "
            "and each person needs one. How many of each should be booked to minimize the cost?")
    toks, spans = hand(text, [("VAR", "nurses"), ("VAR", "pharmacists"), ("PARAM", "30"), ("PARAM", "60"),
                              ("PARAM", "20"), ("PARAM", "70"), ("CONST_DIR", "At least"), ("LIMIT", "400"),
                              ("LIMIT", "18"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "nurses + pharmacists <= 18" in rows


def test_some_variables_together_and_a_count_on_a_named_shift() -> None:
    text = ("A hotel staffs three shifts: morning, evening and night. A porter costs $100 on the morning shift, "
            "$110 on the evening shift and $130 on the night shift. The morning and evening shifts together "
            "must have at least 12 porters, and the evening and night shifts together at least 9. At least 2 "
            "porters must be on the night shift. How many porters should each shift get to minimize the cost?")
    toks, spans = hand(text, [("VAR", "morning"), ("VAR", "evening"), ("VAR", "night"), ("PARAM", "100"),
                              ("PARAM", "110"), ("PARAM", "130"), ("VAR", "morning"), ("VAR", "evening shifts"),
                              ("CONST_DIR", "at least"), ("LIMIT", "12"), ("VAR", "evening"),
                              ("VAR", "night shifts"), ("CONST_DIR", "at least"), ("LIMIT", "9"),
                              ("CONST_DIR", "At least"), ("LIMIT", "2"), ("VAR", "night shift"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "morning + evening >= 12" in rows
    assert "evening + night >= 9" in rows
    assert "night >= 2" in rows


def test_no_more_than_half_of_it_is_a_share_of_the_whole() -> None:
    text = ("A nursery mixes compost, sand and bark, which cost $0.10, $0.05 and $0.20 per litre respectively. "
            "Each batch is exactly 200 litres. No more than half of it may be sand, and compost and bark "
            "together must make up at least 60 litres. How much of each should go into a batch to minimize "
            "the cost?")
    toks, spans = hand(text, [("VAR", "compost"), ("VAR", "sand"), ("VAR", "bark"), ("PARAM", "0.10"),
                              ("PARAM", "0.05"), ("PARAM", "0.20"), ("CONST_DIR", "exactly"), ("LIMIT", "200"),
                              ("CONST_DIR", "No more than half"), ("VAR", "sand"), ("VAR", "compost"),
                              ("VAR", "bark"), ("CONST_DIR", "at least"), ("LIMIT", "60"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "sand <= 0.5 * (compost + sand + bark)" in rows
    assert "compost + bark >= 60" in rows


def test_a_subject_that_only_one_name_holds_whole() -> None:
    text = ("A ferry line runs crossings with boat type A and boat type B. A crossing with boat type A carries "
            "200 people and costs $900; a crossing with boat type B carries 120 people and costs $600. At least "
            "2,000 people must be carried. Type A can sail at most 6 times a day. How many crossings of each "
            "type minimize the cost?")
    toks, spans = hand(text, [("VAR", "crossing with boat type A"), ("PARAM", "200"), ("PARAM", "900"),
                              ("VAR", "crossing with boat type B"), ("PARAM", "120"), ("PARAM", "600"),
                              ("CONST_DIR", "At least"), ("LIMIT", "2,000"), ("CONST_DIR", "at most"),
                              ("LIMIT", "6"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "crossings_with_boat_type_a <= 6" in rows


def test_an_aside_in_brackets_does_not_make_a_bound_a_total() -> None:
    text = ("We have $9,000 for adverts: posters at $300 each reaching 2,000 people and banners at $500 each "
            "reaching 4,000 people. We want at most 5 banners (that is all the spots on offer). How many of "
            "each should we buy to reach as many people as possible?")
    toks, spans = hand(text, [("CONST_DIR", "have"), ("LIMIT", "9,000"), ("VAR", "posters"), ("PARAM", "300"),
                              ("PARAM", "2,000"), ("VAR", "banners"), ("PARAM", "500"), ("PARAM", "4,000"),
                              ("CONST_DIR", "at most"), ("LIMIT", "5"), ("VAR", "banners")])
    _, rows = model_of(toks, spans)
    assert "banners <= 5" in rows


def test_has_only_n_left_is_a_stock() -> None:
    text = ("A club must move at least 500 chairs. It can rent vans that carry 40 chairs for $90 each or trucks "
            "that carry 100 chairs for $200 each. The rental firm has only 3 trucks left, and the club has 8 "
            "drivers. How many vans and trucks should it rent to minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "500"), ("VAR", "vans"), ("PARAM", "40"),
                              ("PARAM", "90"), ("VAR", "trucks"), ("PARAM", "100"), ("PARAM", "200"),
                              ("PARAM", "3"), ("VAR", "trucks"), ("LIMIT", "8"), ("VAR", "vans"),
                              ("VAR", "trucks"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "trucks <= 3" in rows


def test_a_spelt_count_after_room_for_is_a_limit() -> None:
    text = ("Ivo keeps ducks and geese. The shed has room for forty birds. Each duck needs 0.2 acres of grass "
            "and each goose 0.5 acres, and he has 14 acres. A duck earns $20 and a goose $35. How many ducks "
            "and geese should he keep to make the most profit?")
    toks, spans = hand(text, [("VAR", "ducks"), ("VAR", "geese"), ("VAR", "duck"), ("PARAM", "0.2"),
                              ("VAR", "goose"), ("PARAM", "0.5"), ("CONST_DIR", "has"), ("LIMIT", "14"),
                              ("VAR", "duck"), ("PARAM", "20"), ("VAR", "goose"), ("PARAM", "35"),
                              ("VAR", "ducks"), ("VAR", "geese"), ("OBJ_DIR", "most"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "ducks + geese <= 40" in rows


def test_the_whole_for_which_items_are_booked_is_covered() -> None:
    text = ("I'm planning a party for 200 guests and have to book hosts. A senior host can look after 20 guests "
            "and charges $150. A junior host can look after 12 guests and charges $80. How many of each "
            "should I book to spend as little as possible?")
    toks, spans = hand(text, [("LIMIT", "200"), ("VAR", "senior host"), ("PARAM", "20"), ("PARAM", "150"),
                              ("VAR", "junior host"), ("PARAM", "12"), ("PARAM", "80")])
    _, rows = model_of(toks, spans)
    assert "20 * senior_host + 12 * junior_host >= 200" in rows


def test_a_bound_in_grams_on_decisions_counted_in_100_gram_units() -> None:
    text = ("I get at least 50 g of protein a day from rice and lentils. Per 100 g, rice has 7 g of protein "
            "and costs 20 cents; lentils have 9 g of protein and cost 30 cents. I want at least 200 g of rice "
            "a day. How much of each (in units of 100 g) should I eat to minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "50"), ("VAR", "rice"), ("VAR", "lentils"),
                              ("PARAM", "100"), ("VAR", "rice"), ("PARAM", "7"), ("PARAM", "20"),
                              ("VAR", "lentils"), ("PARAM", "9"), ("PARAM", "30"), ("CONST_DIR", "at least"),
                              ("LIMIT", "200"), ("VAR", "rice"), ("LIMIT", "100"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "rice >= 2" in rows
    assert "7 * rice + 9 * lentils >= 50" in rows


def test_a_nutrient_got_from_a_list_of_foods_is_weighted() -> None:
    text = ("I want at least 40 g of protein and 20 mg of iron a day from eggs, beans and kale. An egg has 6 g "
            "of protein and 1 mg of iron and costs 25 cents; a cup of beans has 15 g of protein and 4 mg of "
            "iron and costs 40 cents; a cup of kale has 3 g of protein and 1.2 mg of iron and costs 50 cents. "
            "How many of each should I eat to minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "40"), ("LIMIT", "20"), ("VAR", "eggs"),
                              ("VAR", "beans"), ("VAR", "kale"), ("VAR", "egg"), ("PARAM", "6"), ("PARAM", "1"),
                              ("PARAM", "25"), ("VAR", "beans"), ("PARAM", "15"), ("PARAM", "4"),
                              ("PARAM", "40"), ("VAR", "kale"), ("PARAM", "3"), ("PARAM", "1.2"),
                              ("PARAM", "50"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "eggs + 4 * beans + 1.2 * kale >= 20" in rows


def test_a_thing_only_some_items_take_one_of() -> None:
    text = ("A shop packs two hampers. The Basic hamper holds 2 cakes and 3 apples; the Luxury hamper holds 4 "
            "cakes, 2 apples and a bottle of port. The profit per hamper is $10 and $30 respectively. In stock "
            "are 100 cakes, 90 apples and 15 bottles of port. How many hampers of each kind should the shop "
            "pack for the greatest profit?")
    toks, spans = hand(text, [("VAR", "Basic hamper"), ("PARAM", "2"), ("PARAM", "3"), ("VAR", "Luxury hamper"),
                              ("PARAM", "4"), ("PARAM", "2"), ("OBJ_NAME", "profit"), ("PARAM", "10"),
                              ("PARAM", "30"), ("LIMIT", "100"), ("LIMIT", "90"), ("LIMIT", "15"),
                              ("OBJ_DIR", "greatest"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "luxury_hamper <= 15" in rows
