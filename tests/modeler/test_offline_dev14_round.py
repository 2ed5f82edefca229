"""Offline modeler: general readings of how people write for an organisation, which the fourteenth fresh
development set (e-mails, memos, planning notes, bullet and "Name: figures" lists) showed missing (round
dev14, helper h75) -- a letter's header, greeting and sign-off around the problem and lines with no stop,
rows that open with an option's name and a colon, a goal named only by the verb before it ("to spend the
least", "to raise the most"), "at least cost", "only" right before a number, "can only sell us 12", a
possessive subject that names one option ("Our bank staff can only take ..."), and "250 picker-hours"
against a question that asks for hours.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_letter_keeps_its_body_and_ends_its_lines() -> None:
    from modeler.strategies.offline.prose import letter_body

    text = ("Subject: kiln firing plan\n\nHi Ana,\n\nplanning the next firing.\n- Large vase: 3 kg clay, $40\n"
            "- Small bowl: 1 kg clay, $12\nWe have 90 kg of clay. How many of each should we fire?\n\n"
            "Thanks,\nBea")
    assert letter_body(text) == ("Planning the next firing.\nLarge vase: 3 kg clay, $40.\nSmall bowl: 1 kg clay, "
                                 "$12.\nWe have 90 kg of clay. How many of each should we fire?")
    assert letter_body("A plain text. No lines.") == "A plain text. No lines."
    # a bulleted line that starts in lower case is a row of its own
    assert letter_body("We make soap.\n- sanitiser: 0.7 L, $4\n- dish soap: 0.1 L, $3") == (
        "We make soap.\nsanitiser: 0.7 L, $4.\ndish soap: 0.1 L, $3.")
    # a last line that asks, with no "?", is no sign-off
    assert letter_body("We have 50 kg.\nHow many of each should we make") == (
        "We have 50 kg.\nHow many of each should we make.")
    # a line wrapped inside a sentence goes on
    assert letter_body("We make vases and\nbowls. A vase takes 2 hours\nof work.") == (
        "We make vases and\nbowls. A vase takes 2 hours\nof work.")


def test_rows_of_figures_after_a_name_and_a_colon_name_the_decisions() -> None:
    text = ("Bakery plan for Saturday.\nSourdough loaf: 0.5 kg flour, 20 minutes oven time, $4 profit.\n"
            "Rye loaf: 0.4 kg flour, 30 minutes oven time, $5 profit.\nWe have 60 kg of flour and 50 hours of "
            "oven time. How many of each should we bake to maximize profit?")
    toks, spans = hand(text, [("PARAM", "0.5"), ("PARAM", "20"), ("PARAM", "4"), ("PARAM", "0.4"),
                              ("LIMIT", "30"), ("PARAM", "5"), ("LIMIT", "60"), ("LIMIT", "50"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 4 * sourdough_loaf + 5 * rye_loaf"
    assert rows == ["0.5 * sourdough_loaf + 0.4 * rye_loaf <= 60", "20 * sourdough_loaf + 30 * rye_loaf <= 3000"]


def test_a_row_of_bare_numbers_or_one_figure_names_nothing() -> None:
    from hand_tags import word_list

    from modeler.strategies.offline.entities import Span
    from modeler.strategies.offline.name_repairs import _row_names

    words = word_list("Budget: $5,000. Staff time: 300 hours. Clay per piece: 0.5, 0.8 and 1.2 kg.")
    assert _row_names(words, [Span("LIMIT", 3, 4, "5,000")]) == [Span("LIMIT", 3, 4, "5,000")]


def test_the_verb_before_a_bare_most_or_least_names_the_goal() -> None:
    text = ("We are buying chairs and tables for the hall. A chair costs $30 and seats one; a table costs $90 and "
            "seats 6. We need seats for at least 120 people. What should we buy to spend the least?")
    toks, spans = hand(text, [("VAR", "chairs"), ("VAR", "tables"), ("VAR", "chair"), ("PARAM", "30"),
                              ("VAR", "table"), ("PARAM", "90"), ("PARAM", "6"), ("CONST_DIR", "at least"),
                              ("LIMIT", "120")])
    assert model_of(toks, spans)[0] == "min 30 * chairs + 90 * tables"
    text = ("The club sells raffle books and calendars. A raffle book takes 10 minutes to sell and raises $25; a "
            "calendar takes 5 minutes and raises $8. Volunteers have 20 hours. How many of each should we sell "
            "to raise the most?")
    toks, spans = hand(text, [("VAR", "raffle books"), ("VAR", "calendars"), ("VAR", "raffle book"),
                              ("PARAM", "10"), ("PARAM", "25"), ("VAR", "calendar"), ("PARAM", "5"),
                              ("PARAM", "8"), ("LIMIT", "20")])
    assert model_of(toks, spans)[0] == "max 25 * raffle_books + 8 * calendars"


def test_at_least_cost_is_a_goal() -> None:
    text = ("The depot blends road grit from sand and salt. Sand costs $20 a tonne and salt $70 a tonne. The "
            "blend needs at least 50 tonnes in all and at least 12 tonnes of salt. How much of each should we buy "
            "at least cost?")
    toks, spans = hand(text, [("VAR", "sand"), ("VAR", "salt"), ("VAR", "Sand"), ("PARAM", "20"), ("VAR", "salt"),
                              ("PARAM", "70"), ("CONST_DIR", "at least"), ("LIMIT", "50"), ("CONST_DIR", "at least"),
                              ("LIMIT", "12"), ("VAR", "salt")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 20 * sand + 70 * salt"


def test_only_right_before_a_number_is_a_most() -> None:
    text = ("A stall needs 9 m2 and a food truck 20 m2; the square has 400 m2. Every food truck needs a power "
            "point and we've only got 12 of them. A stall pays $80 a day and a food truck $150. How many of "
            "each should we let to maximize rent?")
    toks, spans = hand(text, [("VAR", "stall"), ("PARAM", "9"), ("VAR", "food truck"), ("PARAM", "20"),
                              ("LIMIT", "400"), ("VAR", "food truck"), ("LIMIT", "12"), ("VAR", "stall"),
                              ("PARAM", "80"), ("VAR", "food truck"), ("PARAM", "150"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "rent")])
    goal, rows = model_of(toks, spans)
    assert "food_truck <= 12" in rows


def test_a_supplier_that_can_only_sell_us_so_many_gives_a_limit() -> None:
    text = ("We feed the herd on hay and silage. Hay costs $150 a tonne and gives 8 units of energy; silage costs "
            "$90 a tonne and gives 5 units. The herd needs at least 400 units. The hay merchant will only sell us "
            "30 tonnes. How many tonnes of each should we buy to minimize cost?")
    toks, spans = hand(text, [("VAR", "hay"), ("VAR", "silage"), ("VAR", "Hay"), ("PARAM", "150"), ("PARAM", "8"),
                              ("VAR", "silage"), ("PARAM", "90"), ("PARAM", "5"), ("CONST_DIR", "at least"),
                              ("LIMIT", "400"), ("VAR", "hay"), ("PARAM", "30"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "hay <= 30" in rows


def test_a_possessive_subject_names_one_decision() -> None:
    text = ("We need at least 80 weekend shifts covered. A locum shift costs $400 and a staff shift $250. Our staff "
            "doctors can only take 50 shifts between them. How many of each should we book to minimize cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "80"), ("VAR", "locum shift"), ("PARAM", "400"),
                              ("VAR", "staff shift"), ("PARAM", "250"), ("PARAM", "50"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "staff_shift <= 50" in rows
    assert "locum_shift + staff_shift >= 80" in rows


def test_a_joined_unit_is_the_asked_unit() -> None:
    text = ("We hire drivers from Swift and from Metro. Swift drivers cost $22 an hour and Metro drivers $19 an "
            "hour. We need 600 driver-hours in all. Swift can only give us 250 driver-hours. How many hours "
            "should we book from each to minimize cost?")
    toks, spans = hand(text, [("VAR", "Swift"), ("VAR", "Metro"), ("VAR", "Swift"), ("PARAM", "22"),
                              ("VAR", "Metro"), ("PARAM", "19"), ("LIMIT", "600"), ("VAR", "Swift"),
                              ("LIMIT", "250"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "swift <= 250" in rows


def test_best_profit_is_a_goal() -> None:
    text = ("We build sheds and garages. A shed takes 3 crew-days and a garage 8 crew-days; we have 120 crew-days. "
            "We clear $900 per shed and $2,600 per garage. How many of each should we build for the best profit?")
    toks, spans = hand(text, [("VAR", "sheds"), ("VAR", "garages"), ("VAR", "shed"), ("PARAM", "3"),
                              ("VAR", "garage"), ("PARAM", "8"), ("LIMIT", "120"), ("PARAM", "900"),
                              ("VAR", "shed"), ("PARAM", "2,600"), ("VAR", "garage"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 900 * sheds + 2600 * garages"


def test_a_name_said_again_by_its_first_word_when_counted() -> None:
    text = ("The studio makes bathroom refits and kitchen refits. A bathroom refit takes 5 crew-days and a kitchen "
            "refit 9 crew-days; we have 90 crew-days. We have orders for 8 kitchens. Profit is $3,000 per bathroom "
            "and $5,500 per kitchen. How many of each should we take on to maximize profit?")
    toks, spans = hand(text, [("VAR", "bathroom refits"), ("VAR", "kitchen refits"), ("VAR", "bathroom refit"),
                              ("PARAM", "5"), ("VAR", "kitchen refit"), ("PARAM", "9"), ("LIMIT", "90"),
                              ("LIMIT", "8"), ("OBJ_NAME", "Profit"), ("PARAM", "3,000"), ("PARAM", "5,500"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 3000 * bathroom_refits + 5500 * kitchen_refits"
    assert "kitchen_refits <= 8" in rows


def test_a_first_word_counted_as_what_a_decision_uses_stays_a_resource() -> None:
    from hand_tags import word_list

    from modeler.strategies.offline.entities import Span
    from modeler.strategies.offline.name_repairs import _counted_modifiers

    words = word_list("We make egg rolls and ham rolls. Each egg roll uses 2 eggs. We have 40 eggs.")
    spans = [Span("VAR", 2, 4, "egg rolls"), Span("VAR", 5, 7, "ham rolls"), Span("VAR", 9, 11, "egg roll")]
    assert _counted_modifiers(words, spans) == spans


def test_a_joined_unit_names_its_resource() -> None:
    from modeler.strategies.offline.limit_words import _limit_context
    from modeler.strategies.offline.reading import read

    text = "Each day shift needs 2 supervisors and each night shift 1. The agency has offered 40 supervisor-slots."
    toks, spans = hand(text, [("VAR", "day shift"), ("PARAM", "2"), ("VAR", "night shift"), ("PARAM", "1"),
                              ("LIMIT", "40")])
    r = read(toks, spans)
    ctx = _limit_context(r, next(sp for sp in r.spans if sp.label == "LIMIT"))
    assert "supervisor" in ctx


def test_what_a_supply_gives_us_is_a_most() -> None:
    text = ("The fair has 900 m2 to let. A food van takes 30 m2 and a craft stand 10 m2. The generator gives us "
            "120 kW: food vans need 8 kW each and craft stands 2 kW. A food van pays $400 and a craft stand $150. "
            "How many of each should we let to maximise rent?")
    toks, spans = hand(text, [("LIMIT", "900"), ("VAR", "food van"), ("PARAM", "30"), ("VAR", "craft stand"),
                              ("PARAM", "10"), ("PARAM", "120"), ("VAR", "food vans"), ("PARAM", "8"),
                              ("VAR", "craft stands 2"), ("VAR", "food van"), ("PARAM", "400"),
                              ("VAR", "craft stand"), ("PARAM", "150"), ("OBJ_NAME", "rent")])
    goal, rows = model_of(toks, spans)
    assert "8 * food_van + 2 * craft_stand <= 120" in rows
    assert "30 * food_van + 10 * craft_stand <= 900" in rows


def test_a_name_ending_in_a_spelt_number_keeps_it() -> None:
    from hand_tags import word_list

    from modeler.strategies.offline.entities import Span
    from modeler.strategies.offline.name_repairs import _trailing_figures

    words = word_list("The profit of medley one is $20 and of medley two is $25.")
    spans = [Span("VAR", 3, 5, "medley one"), Span("VAR", 10, 12, "medley two")]
    assert _trailing_figures(words, spans) == spans


def test_things_priced_in_one_sentence_are_the_decisions() -> None:
    text = ("Path repairs for the park. Crushed granite is $30 a tonne, the recycled hardcore $18 and fine gravel "
            "$25. We need exactly 200 tonnes, and no more than 50% hardcore. How much "
            "of each should we order at the lowest cost?")
    toks, spans = hand(text, [("PARAM", "30"), ("PARAM", "18"), ("PARAM", "25"), ("CONST_DIR", "exactly"),
                              ("LIMIT", "200"), ("CONST_DIR", "no more than"), ("LIMIT", "50%")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 30 * crushed_granite + 18 * recycled_hardcore + 25 * fine_gravel"
    assert "crushed_granite + recycled_hardcore + fine_gravel == 200" in rows
    assert any(r.startswith("recycled_hardcore <= 0.5 *") for r in rows)


def test_things_suitable_for_one_option_bound_it() -> None:
    text = ("The council must plant at least 300 trees this winter. An oak sapling costs $40 and a maple sapling "
            "costs $65. The parks survey found only 120 verges suitable for maples. How many of each should we "
            "plant to minimize cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "300"), ("VAR", "oak sapling"),
                              ("PARAM", "40"), ("VAR", "maple sapling"), ("PARAM", "65"), ("CONST_DIR", "only"),
                              ("LIMIT", "120"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "maple_sapling <= 120" in rows


def test_who_is_paid_names_the_decisions() -> None:
    text = ("Security for the summer fair. We need 300 guard-hours over the weekend. Our own stewards cost $15 an "
            "hour and can give at most 120 hours. Hired guards charge $24 an hour, and at least 50 hours must be "
            "theirs for the night shift. How many hours from each keeps the bill down?")
    toks, spans = hand(text, [("LIMIT", "300"), ("PARAM", "15"), ("CONST_DIR", "at most"), ("LIMIT", "120"),
                              ("PARAM", "24"), ("CONST_DIR", "at least"), ("LIMIT", "50")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 15 * stewards + 24 * hired_guards"
    assert "stewards <= 120" in rows
