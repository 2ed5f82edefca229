"""Offline modeler: general English readings the second fresh development set showed missing (round
dev-v12) -- "cannot go beyond N" as a most, "N ... are available" as a most whatever cue the next clause
holds, prices in cents beside dollars, "for every X there must be at least two Y", and several
"respectively" lists in one sentence.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.words import direction


# --------------------------------------------------------------------------- "cannot go beyond N"
def test_a_negated_beyond_is_a_most() -> None:
    assert direction("the number of vans cannot go beyond") == "<="
    assert direction("output must not surpass") == "<="
    assert direction("cannot fall below") == ">="


def test_cannot_go_beyond_bounds_its_variable_from_above() -> None:
    text = ("A florist sells bouquets at $30 and wreaths at $45. Each bouquet takes 2 hours and each wreath "
            "takes 3 hours, and 120 hours are available. At least 10 bouquets must be sold, and wreaths "
            "cannot go beyond 25. How many of each should be made to maximize revenue?")
    toks, spans = hand(text, [("VAR", "bouquets"), ("PARAM", "30"), ("VAR", "wreaths"), ("PARAM", "45"),
                              ("VAR", "bouquet"), ("PARAM", "2"), ("VAR", "wreath"), ("PARAM", "3"),
                              ("LIMIT", "120"), ("CONST_DIR", "At least"), ("LIMIT", "10"), ("VAR", "bouquets"),
                              ("VAR", "wreaths"), ("LIMIT", "25"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "revenue")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 30 * bouquets + 45 * wreaths"
    assert "wreaths <= 25" in rows
    assert "bouquets >= 10" in rows


# ------------------------------------------------------------------------------ "... are available"
def test_what_is_available_is_a_most_though_the_next_clause_says_at_least() -> None:
    text = ("A workshop builds chairs and tables. A chair needs 4 kilograms of timber and 2 hours of sanding, "
            "and a table needs 12 kilograms of timber and 5 hours of sanding. Each week 900 kilograms of "
            "timber and 300 sanding hours are available, and at least 20 chairs must be built. A chair earns "
            "$40 and a table earns $110. How many of each should be built to maximize earnings?")
    toks, spans = hand(text, [("VAR", "chairs"), ("VAR", "tables"), ("VAR", "chair"), ("PARAM", "4"),
                              ("PARAM", "2"), ("VAR", "table"), ("PARAM", "12"), ("PARAM", "5"),
                              ("LIMIT", "900"), ("LIMIT", "300"), ("CONST_DIR", "at least"), ("LIMIT", "20"),
                              ("VAR", "chairs"), ("VAR", "chair"), ("PARAM", "40"), ("VAR", "table"),
                              ("PARAM", "110"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 40 * chairs + 110 * tables"
    assert "4 * chairs + 12 * tables <= 900" in rows
    assert "2 * chairs + 5 * tables <= 300" in rows
    assert "chairs >= 20" in rows


# ------------------------------------------------------------------------------------------ cents
def test_cents_beside_dollars_are_hundredths() -> None:
    text = ("A kennel blends dog food from rice and lamb. Rice costs 60 cents per kilogram and lamb costs "
            "$3.50 per kilogram. At least 200 kilograms must be blended. How many kilograms of each should "
            "be used to minimize the cost?")
    toks, spans = hand(text, [("VAR", "rice"), ("VAR", "lamb"), ("VAR", "Rice"), ("PARAM", "60"),
                              ("VAR", "lamb"), ("PARAM", "3.50"), ("CONST_DIR", "At least"), ("LIMIT", "200"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.6 * rice + 3.5 * lamb"
    assert "rice + lamb >= 200" in rows


def test_cents_alone_stay_as_written() -> None:
    text = ("A kiosk sells pens and pencils. A pen earns 40 cents and a pencil earns 15 cents. At most 500 "
            "items can be stocked. How many of each should be stocked to maximize the earnings?")
    toks, spans = hand(text, [("VAR", "pens"), ("VAR", "pencils"), ("VAR", "pen"), ("PARAM", "40"),
                              ("VAR", "pencil"), ("PARAM", "15"), ("CONST_DIR", "At most"), ("LIMIT", "500"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 40 * pens + 15 * pencils"


# ------------------------------------------------------------------- "for every X, at least two Y"
def test_for_every_x_at_least_two_y_is_a_rate() -> None:
    text = ("A hospital staffs day shifts and night shifts. A day shift costs $500 and a night shift costs "
            "$650. At least 30 shifts must be staffed, and for every night shift there must be at least "
            "three day shifts. How many shifts of each kind minimize the cost?")
    toks, spans = hand(text, [("VAR", "day shifts"), ("VAR", "night shifts"), ("VAR", "day shift"),
                              ("PARAM", "500"), ("VAR", "night shift"), ("PARAM", "650"),
                              ("CONST_DIR", "At least"), ("LIMIT", "30"), ("VAR", "night shift"),
                              ("CONST_DIR", "at least"), ("LIMIT", "three"), ("VAR", "day shifts"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 500 * day_shifts + 650 * night_shifts"
    assert "day_shifts >= 3 * night_shifts" in rows
    assert "day_shifts >= 3" not in rows


# -------------------------------------------------------------- several "respectively" lists at once
def test_two_respectively_lists_in_one_sentence_each_keep_their_measure() -> None:
    text = ("A garden centre stocks roses, tulips and lilies, which take 3, 1 and 2 square feet of shelf and "
            "earn $9, $4 and $6 each, respectively. The shelves hold 400 square feet. How many plants of "
            "each kind should be stocked to maximize earnings?")
    toks, spans = hand(text, [("VAR", "roses"), ("VAR", "tulips"), ("VAR", "lilies"), ("PARAM", "3"),
                              ("PARAM", "1"), ("PARAM", "2"), ("PARAM", "9"), ("PARAM", "4"), ("PARAM", "6"),
                              ("LIMIT", "400"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 9 * roses + 4 * tulips + 6 * lilies"
    assert "3 * roses + tulips + 2 * lilies <= 400" in rows


# ----------------------------------------------------------------------- a unit left out ("... at 7")
def test_a_number_with_its_unit_left_out_measures_what_the_first_did() -> None:
    text = ("A gym buys bikes, rowers and treadmills. A bike costs $900, a rower costs $700 and a treadmill "
            "costs $1500, and the budget is $30000. The manager scores a bike at 6 fitness points, a rower at "
            "4 and a treadmill at 9. How many machines of each kind should be bought to maximize the fitness "
            "points?")
    toks, spans = hand(text, [("VAR", "bikes"), ("VAR", "rowers"), ("VAR", "treadmills"), ("VAR", "bike"),
                              ("PARAM", "900"), ("VAR", "rower"), ("PARAM", "700"), ("VAR", "treadmill"),
                              ("PARAM", "1500"), ("CONST_DIR", "budget"), ("LIMIT", "30000"), ("VAR", "bike"),
                              ("PARAM", "6"), ("VAR", "rower"), ("PARAM", "4"), ("VAR", "treadmill"),
                              ("PARAM", "9"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "fitness points")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 6 * bikes + 4 * rowers + 9 * treadmills"
    assert "900 * bikes + 700 * rowers + 1500 * treadmills <= 30000" in rows


# ------------------------------------------------------------------------ "each quarter" is a period
def test_each_quarter_is_a_span_of_time_not_a_number() -> None:
    text = ("A boatyard builds canoes and kayaks. A canoe needs 30 hours of labor and a kayak needs 20 hours. "
            "Each quarter, 1200 hours of labor are available. A canoe earns $800 and a kayak earns $500. How "
            "many boats of each kind should be built to maximize the quarterly earnings?")
    toks, spans = hand(text, [("VAR", "canoes"), ("VAR", "kayaks"), ("VAR", "canoe"), ("PARAM", "30"),
                              ("VAR", "kayak"), ("PARAM", "20"), ("PARAM", "quarter"), ("LIMIT", "1200"),
                              ("CONST_DIR", "available"), ("VAR", "canoe"), ("PARAM", "800"), ("VAR", "kayak"),
                              ("PARAM", "500"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "quarterly earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 800 * canoes + 500 * kayaks"
    assert rows == ["30 * canoes + 20 * kayaks <= 1200"]


# -------------------------------------------------------------------- "at 160 dollars per day" a price
def test_a_price_written_in_words_in_the_frame_of_a_dollar_price_is_a_price() -> None:
    text = ("A film crew rents small lamps at $40 per day and large lamps at 95 dollars per day. A small lamp "
            "gives 2 kilolumens and a large lamp gives 5 kilolumens, and at least 60 kilolumens are needed. "
            "How many lamps of each size minimize the rental cost?")
    toks, spans = hand(text, [("VAR", "small lamps"), ("PARAM", "40"), ("VAR", "large lamps"),
                              ("CONST_DIR", "at"), ("LIMIT", "95"), ("VAR", "small lamp"), ("PARAM", "2"),
                              ("VAR", "large lamp"), ("PARAM", "5"), ("CONST_DIR", "at least"), ("LIMIT", "60"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "rental cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 40 * small_lamps + 95 * large_lamps"
    assert "2 * small_lamps + 5 * large_lamps >= 60" in rows
    assert not any(r.endswith("95") for r in rows)


def test_an_untagged_number_after_a_bounds_wording_is_its_limit() -> None:
    text = ("A caterer hires waiters at $120 per evening and cooks at $200 per evening. No more than 20 staff "
            "can be hired, and a minimum of three cooks must be hired. How many of each should be hired to "
            "minimize the cost?")
    toks, spans = hand(text, [("VAR", "waiters"), ("PARAM", "120"), ("VAR", "cooks"), ("PARAM", "200"),
                              ("CONST_DIR", "No more than"), ("LIMIT", "20"), ("CONST_DIR", "minimum"),
                              ("VAR", "cooks"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "cooks >= 3" in rows
    assert "waiters + cooks <= 20" in rows


def test_an_untagged_number_in_words_after_a_budget_is_read_whole() -> None:
    text = ("A studio buys spotlights and floodlights, and has a budget of two thousand dollars. A spotlight "
            "costs $150 and a floodlight costs $90. How many of each should be bought to maximize the number "
            "of lights?")
    toks, spans = hand(text, [("VAR", "spotlights"), ("VAR", "floodlights"), ("CONST_DIR", "budget"),
                              ("VAR", "spotlight"), ("PARAM", "150"),
                              ("VAR", "floodlight"), ("PARAM", "90"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "number of lights")])
    _, rows = model_of(toks, spans)
    assert "150 * spotlights + 90 * floodlights <= 2000" in rows


# ------------------------------------------------- a "respectively" list beside a limit stays a list
def test_a_respectively_list_in_a_sentence_with_a_limit_stays_coefficients() -> None:
    text = ("A bakery sells buns, tarts and cakes for $2, $5 and $20, respectively. The items need 1, 4 and 9 "
            "oven minutes, respectively, and only 600 oven minutes are available. How many of each should be "
            "baked to maximize revenue?")
    toks, spans = hand(text, [("VAR", "buns"), ("VAR", "tarts"), ("VAR", "cakes"), ("PARAM", "2"),
                              ("PARAM", "5"), ("PARAM", "20"), ("PARAM", "1"), ("PARAM", "4"), ("PARAM", "9"),
                              ("CONST_DIR", "only"), ("LIMIT", "600"), ("CONST_DIR", "available"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 2 * buns + 5 * tarts + 20 * cakes"
    assert rows == ["buns + 4 * tarts + 9 * cakes <= 600"]
