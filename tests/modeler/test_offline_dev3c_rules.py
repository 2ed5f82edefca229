"""Offline modeler: readings of numbers and limits the third fresh development set showed missing (round
dev-v15, helper C) -- blends ("the mix must average at least 10% protein"), a limit on the one source a
proper name picks out ("and Linden can ship no more than ..."), "only" as a low rate, spelt-out amounts of
a hyphenated unit ("three seat-days each"), "X and Y use N each", what a place offers, "that many", a lone
number word in a parallel frame ("seats one person"), earnings derived from a price per unit of output
("yields 12 kg ... sells for $9 per kg"), elided verbs ("and South ore 1 kg"), amounts owed ("must provide
seats for 900 pupils"), "for the whole fleet" and a share named by its clause's subject.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


# ------------------------------------------------------------------------------------------ blends
def test_a_blend_share_is_a_weighted_average_of_the_sources() -> None:
    text = ("A feed mill mixes meal from two suppliers. Meal from Ashby farm is 30% protein and costs $2 per "
            "sack; meal from Brook farm is 18% protein and costs $1 per sack. At least 400 sacks are needed, "
            "and the mix must average at least 22% protein. How many sacks should be bought from each farm to "
            "minimize cost?")
    toks, spans = hand(text, [("VAR", "Ashby farm"), ("PARAM", "30%"), ("OBJ_NAME", "costs"), ("PARAM", "2"),
                              ("VAR", "Brook farm"), ("PARAM", "18%"), ("OBJ_NAME", "costs"), ("PARAM", "1"),
                              ("CONST_DIR", "At least"), ("LIMIT", "400"), ("CONST_DIR", "at least"),
                              ("LIMIT", "22%"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "0.3 * ashby_farm + 0.18 * brook_farm >= 0.22 * (ashby_farm + brook_farm)" in rows


def test_a_proper_name_as_the_subject_bounds_its_one_source() -> None:
    text = ("A foundry buys scrap from Kestrel yard and Linden yard. Scrap from Kestrel yard costs $300 per tonne "
            "and scrap from Linden yard costs $250 per tonne. The foundry needs at least 900 tonnes, and Linden "
            "can ship no more than 500 tonnes. How many tonnes should come from each yard to minimize cost?")
    toks, spans = hand(text, [("VAR", "Kestrel yard"), ("VAR", "Linden yard"), ("VAR", "Kestrel yard"),
                              ("OBJ_NAME", "costs"), ("PARAM", "300"), ("VAR", "Linden yard"),
                              ("OBJ_NAME", "costs"), ("PARAM", "250"), ("CONST_DIR", "at least"),
                              ("LIMIT", "900"), ("CONST_DIR", "no more than"), ("LIMIT", "500"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "linden_yard <= 500" in rows


# ------------------------------------------------------------------------------------- rates, spelt
def test_only_between_a_verb_of_measure_and_its_number_is_a_rate() -> None:
    text = ("A copy shop runs two machines. A fast copier costs $5 per hour and prints 1,200 pages per hour; a "
            "slow copier costs $2 per hour but prints only 400 pages per hour. At least 24,000 pages must be "
            "printed. How many hours should each machine run to minimize the cost?")
    toks, spans = hand(text, [("VAR", "fast copier"), ("PARAM", "5"), ("PARAM", "1,200"), ("VAR", "slow copier"),
                              ("PARAM", "2"), ("CONST_DIR", "only"), ("LIMIT", "400"), ("CONST_DIR", "At least"),
                              ("LIMIT", "24,000"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "1200 * fast_copier + 400 * slow_copier >= 24000" in rows
    assert not any("<= 400" in row for row in rows)


_PASSES = [("VAR", "stall tickets"), ("PARAM", "20"), ("VAR", "circle tickets"), ("PARAM", "35"),
           ("VAR", "box tickets"), ("PARAM", "90"), ("VAR", "stall ticket"), ("VAR", "circle"),
           ("VAR", "box tickets"), ("LIMIT", "2,000"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")]


def test_three_seat_days_each_is_shared_by_the_joined_names() -> None:
    text = ("A theatre sells stall tickets for $20, circle tickets for $35 and box tickets for $90. A stall "
            "ticket uses one seat-day, while circle and box tickets use two seat-days each, and the theatre "
            "offers 2,000 seat-days this season. How many tickets of each kind should be sold to maximize "
            "revenue?")
    toks, spans = hand(text, _PASSES)
    _, rows = model_of(toks, spans)
    assert "stall_tickets + 2 * circle_tickets + 2 * box_tickets <= 2000" in rows


def test_what_a_place_offers_is_a_stock() -> None:
    text = ("A fair rents out small stands and large stands. A small stand takes 6 square metres and rents for "
            "$100 a day, and a large stand takes 15 square metres and brings $220 a day. The hall offers 600 "
            "square metres. How many stands of each size should be let to maximize income?")
    toks, spans = hand(text, [("VAR", "small stands"), ("VAR", "large stands"), ("VAR", "small stand"),
                              ("PARAM", "6"), ("PARAM", "100"), ("VAR", "large stand"), ("PARAM", "15"),
                              ("PARAM", "220"), ("PARAM", "600"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "income")])
    _, rows = model_of(toks, spans)
    assert "6 * small_stands + 15 * large_stands <= 600" in rows


def test_a_lone_number_word_in_a_parallel_frame_is_an_amount() -> None:
    text = ("A cafe furnishes its terrace with stools, benches and long tables. A stool seats one guest and "
            "costs $40; a bench seats three and costs $150; a long table seats eight and costs $500. The budget "
            "is $6,000. How many of each should be bought to seat as many guests as possible?")
    toks, spans = hand(text, [("VAR", "stools"), ("VAR", "benches"), ("VAR", "long tables"), ("VAR", "stool"),
                              ("OBJ_NAME", "costs"), ("PARAM", "40"), ("VAR", "bench"), ("PARAM", "three"),
                              ("OBJ_NAME", "costs"), ("PARAM", "150"), ("VAR", "long table"), ("PARAM", "eight"),
                              ("OBJ_NAME", "costs"), ("PARAM", "500"), ("CONST_DIR", "budget"),
                              ("LIMIT", "6,000")])
    goal, _ = model_of(toks, spans)
    assert goal == "max stools + 3 * benches + 8 * long_tables"


# ------------------------------------------------------------------------ limits taken up again
def test_that_many_takes_up_the_earlier_limit_for_the_named_row() -> None:
    text = ("A club books courts at two centres. A court at the Arena holds 40 players and costs $90; a court "
            "at the Dome holds 12 players and costs $30. They expect at least 600 entrants, so the courts must "
            "hold at least that many players. How many courts should be booked at each centre to minimize "
            "the rent?")
    toks, spans = hand(text, [("VAR", "Arena"), ("PARAM", "40"), ("OBJ_NAME", "costs"), ("PARAM", "90"),
                              ("VAR", "Dome"), ("PARAM", "12"), ("OBJ_NAME", "costs"), ("PARAM", "30"),
                              ("CONST_DIR", "at least"), ("LIMIT", "600"), ("OBJ_DIR", "minimize")])
    goal, rows = model_of(toks, spans)
    assert "40 * arena + 12 * dome >= 600" in rows
    assert goal == "min 90 * arena + 30 * dome"


def test_a_verb_before_a_price_is_no_name() -> None:
    text = ("A builder hires cranes by the week. A tower crane lifts 80 tonnes per day and rents for $4,000, a "
            "mobile crane lifts 30 tonnes per day and rents for $1,500. At least 900 tonnes must be lifted each "
            "day. How many cranes of each kind should be hired to keep the rent as low as possible?")
    toks, spans = hand(text, [("VAR", "tower crane"), ("PARAM", "80"), ("VAR", "rents"), ("PARAM", "4,000"),
                              ("VAR", "mobile crane"), ("PARAM", "30"), ("VAR", "rents"), ("PARAM", "1,500"),
                              ("CONST_DIR", "At least"), ("LIMIT", "900")])
    from modeler.strategies.offline.reading import read
    from modeler.strategies.offline.words import content

    assert ("VAR", "rents") not in {(sp.label, sp.text) for sp in read(toks, spans).spans}
    assert content(["rent"]) == ["MONEY"]  # "keep the rent as low as possible": money
    goal, rows = model_of(toks, spans)
    assert goal == "min 4000 * tower_crane + 1500 * mobile_crane"
    assert "80 * tower_crane + 30 * mobile_crane >= 900" in rows


# ------------------------------------------------------------------------- derived earnings
_PITS = ("A quarry takes stone from the East face and the West face. A tonne of East stone yields 20 kg of "
         "lime and a tonne of West stone yields 14 kg. The crusher can handle up to 2,000 tonnes of stone per "
         "week. East stone carries 4 kg of clay per tonne and West stone 2 kg, and the clay fed to the kiln "
         "must not exceed 6,000 kg a week. Lime sells for $5 per kg; digging costs $30 per tonne of East stone "
         "and $20 per tonne of West stone. How many tonnes should be taken from each face per week to "
         "maximize profit?")
_PITS_TAGS = [("VAR", "East face"), ("VAR", "West face"), ("VAR", "East stone"), ("PARAM", "20"),
              ("VAR", "West stone"), ("PARAM", "14"), ("CONST_DIR", "up to"), ("LIMIT", "2,000"),
              ("VAR", "East stone"), ("PARAM", "4"), ("VAR", "West stone"), ("CONST_DIR", "must not exceed"),
              ("LIMIT", "6,000"), ("PARAM", "5"), ("OBJ_NAME", "costs"), ("PARAM", "30"), ("VAR", "East stone"),
              ("PARAM", "20"), ("VAR", "West stone"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]


def test_price_times_yield_less_cost_is_the_profit() -> None:
    toks, spans = hand(_PITS, _PITS_TAGS)
    goal, _ = model_of(toks, spans)
    assert goal == "max 70 * east_face + 50 * west_face"  # 5 * 20 - 30, 5 * 14 - 20


def test_an_elided_verb_and_an_amount_of_the_common_head() -> None:
    toks, spans = hand(_PITS, _PITS_TAGS)
    _, rows = model_of(toks, spans)
    assert "4 * east_face + 2 * west_face <= 6000" in rows  # "and West stone 2 kg"; the clay "must not exceed"
    assert "east_face + west_face <= 2000" in rows  # "2,000 tonnes of stone", the question counts tonnes


def test_a_fee_earned_besides_adds_to_the_income() -> None:
    text = ("A grower places her beehives on heath or in an orchard. A heath hive produces 20 kg of honey, while "
            "an orchard hive produces 10 kg of honey and also earns a pollination fee of $50. Honey sells at $8 "
            "per kg. A heath hive takes 2 hours of care and an orchard hive 1 hour, and she has 100 hours. She "
            "owns at most 60 hives. How many hives should go to each place to maximize her income?")
    toks, spans = hand(text, [("VAR", "heath hive"), ("PARAM", "20"), ("VAR", "orchard hive"), ("PARAM", "10"),
                              ("PARAM", "50"), ("PARAM", "8"), ("VAR", "heath hive"), ("PARAM", "2"),
                              ("VAR", "orchard hive"), ("PARAM", "1"), ("CONST_DIR", "has"), ("LIMIT", "100"),
                              ("CONST_DIR", "at most"), ("LIMIT", "60"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "income")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 160 * heath_hive + 130 * orchard_hive"


# ---------------------------------------------------------------------- owed, whole, share subject
def test_owed_amount_whole_fleet_and_a_share_named_by_its_subject() -> None:
    text = ("A council must provide seats for 900 pupils each day. A coach carries 50 pupils and costs $400 per "
            "day; a midicoach carries 20 pupils and costs $180 per day. Only 12 drivers hold the permit for a "
            "coach, the yard has 30 bays for the whole fleet, and midicoaches must make up at least a third of "
            "the vehicles. How many vehicles of each type should be used to minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "provide"), ("VAR", "coach"), ("PARAM", "50"), ("OBJ_NAME", "costs"),
                              ("PARAM", "400"), ("VAR", "midicoach"), ("PARAM", "20"), ("OBJ_NAME", "costs"),
                              ("PARAM", "180"), ("PARAM", "12"), ("VAR", "coach"), ("PARAM", "30"),
                              ("CONST_DIR", "at least"), ("LIMIT", "a third"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "50 * coach + 20 * midicoach >= 900" in rows
    assert "coach + midicoach <= 30" in rows
    assert any(row.startswith("midicoach >= 0.333") and row.endswith("* (coach + midicoach)") for row in rows)


# --------------------------------------------------------------------- "of which", elided limits
def test_of_which_narrows_the_earlier_row_and_an_elided_limit_is_a_coefficient() -> None:
    text = ("A kiln works in loads. A load of bricks costs $200 and yields 500 blocks, and a load of tiles costs "
            "$260 and yields 300 blocks. A brick load uses 40 kilograms of coal and a tile load 25 kilograms, "
            "and only 1,000 kilograms of coal are available. A builder has ordered at least 6,000 blocks, at "
            "least 1,200 of which must be tiles. How many loads of each kind minimize the cost?")
    toks, spans = hand(text, [("VAR", "bricks"), ("OBJ_NAME", "costs"), ("PARAM", "200"), ("PARAM", "500"),
                              ("VAR", "tiles"), ("OBJ_NAME", "costs"), ("PARAM", "260"), ("PARAM", "300"),
                              ("VAR", "brick load"), ("PARAM", "40"), ("VAR", "tile load"), ("LIMIT", "25"),
                              ("CONST_DIR", "only"), ("LIMIT", "1,000"), ("CONST_DIR", "available"),
                              ("CONST_DIR", "at least"), ("LIMIT", "6,000"), ("CONST_DIR", "at least"),
                              ("LIMIT", "1,200"), ("VAR", "tiles"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "40 * bricks + 25 * tiles <= 1000" in rows
    assert "300 * tiles >= 1200" in rows
    assert not any(row.endswith("<= 25") for row in rows)
