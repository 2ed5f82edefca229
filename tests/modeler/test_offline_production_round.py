"""Offline modeler: general readings of production and manufacturing texts in NL4Opt's crowd voice, which the
fresh development sets dev28 and dev29 showed missing (production round, helper h110): a bare head beside a
name with a one-letter prefix ("bikes" of "e-bikes"), "Each X can supervise at most N Y", "as many X as Y"
tagged with "many", a goal naming one kind in a hyphenated word ("small-oven batches"), a reason ("Only one
operator is on duty, so ..."), "is free for N hours", a second amount of a coefficient list ("20 meters of
cotton and 40 meters of linen"), and sizes in the names weighing a goal in that unit ("2-litre jugs").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_bare_head_beside_a_one_letter_prefixed_name_counts_both() -> None:
    text = ("A workshop assembles e-scooters and kick scooters. Each e-scooter takes 5 hours and each kick scooter "
            "takes 2 hours. The workshop has 400 hours of labor. It must deliver at least 120 scooters to its shops. "
            "How many of each should it assemble to maximize the number of e-scooters?")
    toks, spans = hand(text, [("VAR", "e-scooters"), ("VAR", "kick scooters"), ("VAR", "e-scooter"), ("PARAM", "5"),
                              ("VAR", "kick scooter"), ("PARAM", "2"), ("LIMIT", "400"), ("CONST_DIR", "at least"),
                              ("LIMIT", "120"), ("VAR", "scooters"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "number of e-scooters")])
    _, rows = model_of(toks, spans)
    assert "e_scooters + kick_scooters >= 120" in rows


def test_a_bare_head_does_not_join_a_name_that_only_ends_in_it_after_a_word_prefix() -> None:
    from modeler.strategies.offline.limit_words import _hyphen_tail
    from modeler.strategies.offline.words import stem

    assert _hyphen_tail("e-bikes") == stem("bikes")
    assert _hyphen_tail("off-peak") == ""


def test_what_each_one_can_supervise_is_a_rate_between_two_decisions() -> None:
    text = ("A kitchen staffs head cooks and kitchen helpers. A head cook is paid $200 a day and a kitchen helper "
            "$90 a day. The kitchen needs at least 14 staff and has $2000 a day for wages. Each head cook can "
            "oversee at most 3 kitchen helpers. How many of each should it hire to minimize the wages?")
    toks, spans = hand(text, [("VAR", "head cooks"), ("VAR", "kitchen helpers"), ("VAR", "head cook"),
                              ("PARAM", "200"), ("VAR", "kitchen helper"), ("PARAM", "90"), ("CONST_DIR", "at least"),
                              ("LIMIT", "14"), ("LIMIT", "2000"), ("VAR", "head cook"), ("CONST_DIR", "at most"),
                              ("LIMIT", "3"), ("VAR", "kitchen helpers"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "wages")])
    _, rows = model_of(toks, spans)
    assert "kitchen_helpers <= 3 * head_cooks" in rows
    assert "kitchen_helpers <= 3" not in rows


def test_many_in_as_many_is_no_word_of_a_name() -> None:
    text = ("A pottery makes mugs and bowls. A mug takes 20 minutes on the wheel and a bowl takes 30 minutes. The "
            "wheel is free for 900 minutes. A cafe wants at least as many mugs as bowls. How many of each should "
            "be made to maximize the number of bowls?")
    toks, spans = hand(text, [("VAR", "mugs"), ("VAR", "bowls"), ("VAR", "mug"), ("PARAM", "20"), ("VAR", "bowl"),
                              ("PARAM", "30"), ("LIMIT", "900"), ("CONST_DIR", "at least"), ("VAR", "many mugs"),
                              ("VAR", "bowls"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "number of bowls")])
    goal, rows = model_of(toks, spans)
    assert "mugs >= bowls" in rows
    assert not any("many" in row for row in rows)


def test_a_hyphenated_kind_in_a_count_goal_picks_that_decision() -> None:
    text = ("A laundry runs loads in a large washer and a small washer. A load in the large washer cleans 40 kg "
            "of linen and a load in the small washer cleans 15 kg. It must clean at least 600 kg today. The small "
            "washer wastes water, so the laundry wants to run as few small-washer loads as possible. How many "
            "loads should run in each washer?")
    toks, spans = hand(text, [("VAR", "large washer"), ("VAR", "small washer"), ("VAR", "large washer"),
                              ("PARAM", "40"), ("VAR", "small washer"), ("PARAM", "15"), ("CONST_DIR", "at least"),
                              ("LIMIT", "600"), ("VAR", "small washer")])
    goal, _ = model_of(toks, spans)
    assert goal == "min small_washer"


def test_a_reason_before_so_is_no_limit_of_its_own() -> None:
    text = ("A sawmill runs a band saw and a circular saw. The band saw cuts 30 boards per hour and the circular "
            "saw cuts 50 boards per hour. Only one sawyer works today, so the two saws can run for at most 10 hours "
            "in total. The circular saw can run for at most 6 hours. How many hours should each saw run to "
            "maximize the number of boards cut?")
    toks, spans = hand(text, [("VAR", "band saw"), ("VAR", "circular saw"), ("VAR", "band saw"), ("PARAM", "30"),
                              ("VAR", "circular saw"), ("PARAM", "50"), ("CONST_DIR", "at most"), ("LIMIT", "10"),
                              ("VAR", "circular saw"), ("CONST_DIR", "at most"), ("LIMIT", "6"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "number of boards")])
    _, rows = model_of(toks, spans)
    assert "band_saw + circular_saw <= 1" not in rows
    assert "band_saw + circular_saw <= 10" in rows


def test_a_machine_free_for_some_hours_is_a_most() -> None:
    text = ("A dye works colors yarn with a hot bath and a cold bath. Each kg of yarn in the hot bath uses 2 hours "
            "of the vat and each kg in the cold bath uses 5 hours. The works must dye at least 30 kg of yarn and "
            "the vat is free for 110 hours. A kg dyed in the hot bath costs $4 and in the cold bath $1. How many "
            "kg should go in each bath to minimize the cost?")
    toks, spans = hand(text, [("VAR", "hot bath"), ("VAR", "cold bath"), ("VAR", "hot bath"), ("PARAM", "2"),
                              ("VAR", "cold bath"), ("PARAM", "5"), ("CONST_DIR", "at least"), ("LIMIT", "30"),
                              ("LIMIT", "110"), ("VAR", "hot bath"), ("PARAM", "4"), ("VAR", "cold bath"),
                              ("PARAM", "1"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "2 * hot_bath + 5 * cold_bath <= 110" in rows


def test_the_second_amount_of_a_list_after_a_coefficient_is_a_coefficient() -> None:
    text = ("A dairy turns milk into butter and cheese in an old churn and a new churn. Each hour, the old churn "
            "makes 12 kg of butter and 4 kg of cheese, while the new churn makes 6 kg of butter and 15 kg of "
            "cheese. The dairy must make at least 240 kg of butter and at least 180 kg of cheese. How many hours "
            "should each churn run to minimize the total running time?")
    # (as the tagger reads such texts: a product tagged as a name, the first verb as a direction)
    toks, spans = hand(text, [("VAR", "butter"), ("VAR", "new churn"), ("VAR", "old churn"), ("CONST_DIR", "makes"),
                              ("PARAM", "12"), ("PARAM", "4"),
                              ("VAR", "new churn"), ("PARAM", "6"), ("LIMIT", "15"), ("CONST_DIR", "at least"),
                              ("LIMIT", "240"), ("CONST_DIR", "at least"), ("LIMIT", "180"), ("OBJ_DIR", "minimize")])
    _, rows = model_of(toks, spans)
    assert "4 * old_churn + 15 * new_churn >= 180" in rows


def test_a_list_amount_that_a_verb_follows_stays_a_limit() -> None:
    from modeler.strategies.offline.repairs import _paired_amount

    text = "Each chair takes 2 hours of labor and 100 hours of labor are available."
    toks, spans = hand(text, [("VAR", "chair"), ("PARAM", "2"), ("LIMIT", "100")])
    assert not _paired_amount(toks, spans, spans[-1])


def test_sizes_in_the_names_weigh_a_goal_in_their_unit() -> None:
    text = ("A cider press fills 5-litre kegs and 2-litre jugs. Filling a keg takes 8 minutes and filling a jug "
            "takes 4 minutes, and the press runs for 480 minutes a day. A pub needs at least 20 kegs a day. How "
            "many kegs and jugs should be filled to maximize the litres of cider filled?")
    toks, spans = hand(text, [("VAR", "5-litre kegs"), ("VAR", "2-litre jugs"), ("PARAM", "8"), ("PARAM", "4"),
                              ("LIMIT", "480"), ("CONST_DIR", "at least"), ("LIMIT", "20"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "litres of cider")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 5 * x_5_litre_kegs + 2 * x_2_litre_jugs"


def test_a_participle_of_the_story_verb_is_no_qualifier_of_a_name() -> None:
    text = ("A repair shop refurbishes old bicycles and scooters. A bicycle needs 3 hours of work and a scooter "
            "needs 2 hours. The shop has 90 hours this week. A refurbished bicycle sells for $120 and a refurbished "
            "scooter sells for $75. How many bicycles and scooters should be refurbished to maximize revenue?")
    toks, spans = hand(text, [("VAR", "bicycles"), ("VAR", "scooters"), ("VAR", "bicycle"), ("PARAM", "3"),
                              ("VAR", "scooter"), ("PARAM", "2"), ("LIMIT", "90"), ("VAR", "refurbished bicycle"),
                              ("PARAM", "120"), ("VAR", "refurbished scooter"), ("PARAM", "75"), ("VAR", "bicycles"),
                              ("VAR", "scooters"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 120 * bicycles + 75 * scooters"


def test_two_qualifiers_before_one_name_keep_the_names_apart() -> None:
    from modeler.strategies.offline.name_repairs import _story_participles

    text = "The kitchen bakes baked potatoes and mashed potatoes. It sells potatoes."
    toks, spans = hand(text, [("VAR", "baked potatoes"), ("VAR", "mashed potatoes"), ("VAR", "potatoes")])
    words = [t.text for t in toks]
    assert [sp.text for sp in _story_participles(words, spans)] == ["baked potatoes", "mashed potatoes", "potatoes"]
    # (a noun that ends in "ed" is no participle: "feed C" stays "feed C")
    text = "A farm mixes feeds A and C. No more than 6 sacks of feed C may be used. How many sacks of each feed?"
    toks, spans = hand(text, [("VAR", "A"), ("VAR", "C"), ("VAR", "feed C")])
    words = [t.text for t in toks]
    assert [sp.text for sp in _story_participles(words, spans)] == ["A", "C", "feed C"]


def test_one_unit_listed_after_another_amount_is_an_amount_of_a_resource() -> None:
    text = ("A lab makes two cleaners, C1 and C2, from acid and soap. Each litre of C1 needs 3 litres of acid and 1 "
            "litre of soap, and each litre of C2 needs 2 litres of acid and 1 litre of soap. Mixing gives off fumes: "
            "4 units per litre of C1 and 1 unit per litre of C2, and the fan can clear at most 70 units. The lab has "
            "90 litres of acid and 40 litres of soap. The profit is $5 per litre of C1 and $4 per litre of C2. How "
            "many litres of each cleaner should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "C1"), ("VAR", "C2"), ("VAR", "acid"), ("VAR", "soap"), ("PARAM", "3"),
                              ("PARAM", "1"), ("PARAM", "2"), ("PARAM", "1"), ("PARAM", "4"), ("PARAM", "1"),
                              ("CONST_DIR", "at most"), ("LIMIT", "70"), ("LIMIT", "90"), ("LIMIT", "40"),
                              ("PARAM", "5"), ("VAR", "C1"), ("PARAM", "4"), ("VAR", "C2"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "4 * c1 + c2 <= 70" in rows


def test_sizes_in_seconds_inside_the_names_weigh_a_limit_in_minutes() -> None:
    text = ("A podcast sells 20-second and 40-second spots in each episode. At most 12 minutes of an episode can be "
            "spots. A 20-second spot brings in $90 and a 40-second spot brings in $200, and each episode must earn at "
            "least $3000 from spots. How many spots of each length should run to maximize the total number of spots?")
    toks, spans = hand(text, [("VAR", "20-second"), ("VAR", "40-second spots"), ("CONST_DIR", "At most"),
                              ("LIMIT", "12"), ("VAR", "20-second spot"), ("PARAM", "90"), ("VAR", "40-second spot"),
                              ("PARAM", "200"), ("CONST_DIR", "at least"), ("LIMIT", "3000"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "total number of spots")])
    _, rows = model_of(toks, spans)
    assert "0.333333333333 * x_20_second_spots + 0.666666666667 * x_40_second_spots <= 12" in rows


def test_an_amount_of_the_asked_head_every_name_shares_is_their_total() -> None:
    text = ("A shepherd owns 60 goats and decides where they graze this summer: on hill pastures or in a river "
            "meadow. A goat on the hill gives 2 liters of milk a day, while a goat in the meadow gives 3 liters. A "
            "hill goat needs 1 hour of care a week and a meadow goat 2 hours, and the shepherd has 100 hours. How "
            "many goats should graze at each place to maximize the milk?")
    toks, spans = hand(text, [("LIMIT", "60"), ("VAR", "hill pastures"), ("VAR", "hill"), ("PARAM", "2"),
                              ("VAR", "meadow"), ("PARAM", "3"), ("VAR", "hill goat"), ("PARAM", "1"),
                              ("VAR", "meadow goat"), ("PARAM", "2"), ("CONST_DIR", "has"), ("LIMIT", "100"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "milk")])
    _, rows = model_of(toks, spans)
    assert "hill_pastures + meadow <= 60" in rows
