"""Offline modeler: general readings of goals that count things, which the nineteenth fresh development set
(staffing, vehicles and machines in the crowd-written competition voice; most goals count) showed missing
(round dev19, helper h98): a count goal that names one kind of the decisions ("to minimize the number of
large tractors") counts that kind alone; "the number of sales" counts the decisions; a word for what every
decision is ("of the vehicles used") is their total, no decision; machines named by their work ("the printer",
"2 minutes of printing") and machines that time is spent on are resources; "Each crusher can run at most 16
hours" and "Each trip needs 3 deckhands" speak of every decision; what one "wants to haul" at least cost is a
least; a budget then a count are no range; a multiple of "the other hours"; a total in "billing hours"; the
last run of a "respectively" sentence; a number's unit word; the second subject after ", and the"; "4-hour
shifts" beside a tagged "8-hour shifts".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list


def test_a_count_goal_naming_one_kind_counts_that_kind_alone() -> None:
    text = ("A farm rents small tractors and large tractors. A small tractor ploughs 3 hectares a day and a large "
            "tractor ploughs 7 hectares a day. The farm must plough at least 84 hectares per day, and at most 20 "
            "tractors fit in the shed. Large tractors pack the soil, so the farm wants to minimize the number of "
            "large tractors rented. How many of each should it rent?")
    toks, spans = hand(text, [("VAR", "small tractors"), ("VAR", "large tractors"), ("VAR", "small tractor"),
                              ("PARAM", "3"), ("VAR", "large tractor"), ("PARAM", "7"), ("CONST_DIR", "at least"),
                              ("LIMIT", "84"), ("CONST_DIR", "at most"), ("LIMIT", "20"),
                              ("VAR", "Large tractors"), ("OBJ_DIR", "minimize"), ("VAR", "large tractors")])
    goal, _ = model_of(toks, spans)
    assert goal == "min large_tractors"


def test_a_count_goal_naming_one_kind_in_a_question_counts_that_kind_alone() -> None:
    text = ("A hotel employs head chefs and line cooks. A head chef is paid $1,500 per week and a line cook is paid "
            "$800 per week. The weekly wage budget is $24,000 and the kitchen needs at least 22 cooks in total. How "
            "many of each should it employ to maximize the number of head chefs?")
    toks, spans = hand(text, [("VAR", "head chefs"), ("VAR", "line cooks"), ("VAR", "head chef"),
                              ("PARAM", "1,500"), ("VAR", "line cook"), ("PARAM", "800"), ("CONST_DIR", "budget"),
                              ("LIMIT", "24,000"), ("CONST_DIR", "at least"), ("LIMIT", "22"),
                              ("OBJ_DIR", "maximize"), ("VAR", "head chefs")])
    goal, _ = model_of(toks, spans)
    assert goal == "max head_chefs"


def test_a_total_count_or_one_naming_every_kind_counts_them_all() -> None:
    for ask in ("to minimize the total number of large tractors and small tractors",
                "to minimize the number of small and large tractors", "to minimize the total number of flights"):
        text = ("A farm rents small tractors and large tractors. A small tractor ploughs 3 hectares a day and a "
                f"large tractor ploughs 7 hectares a day. The farm must plough at least 84 hectares per day. How "
                f"many of each should it rent {ask}?")
        toks, spans = hand(text, [("VAR", "small tractors"), ("VAR", "large tractors"), ("VAR", "small tractor"),
                                  ("PARAM", "3"), ("VAR", "large tractor"), ("PARAM", "7"),
                                  ("CONST_DIR", "at least"), ("LIMIT", "84"), ("OBJ_DIR", "minimize")])
        goal, _ = model_of(toks, spans)
        assert goal == "min small_tractors + large_tractors", (ask, goal)


def test_a_machine_named_by_its_work_limits_the_group_of_that_work() -> None:
    text = ("A bakery makes loaves and rolls using a mixer and a grinder. A loaf needs 3 minutes of mixing and 1 "
            "minute of grinding, and a tray of rolls needs 2 minutes of mixing and 4 minutes of grinding. The "
            "mixer is available for 300 minutes and the grinder for 200 minutes a day. The profit is $5 per loaf "
            "and $6 per tray of rolls. How many of each should it make to maximize profit?")
    toks, spans = hand(text, [("VAR", "loaves"), ("VAR", "rolls"), ("VAR", "loaf"), ("PARAM", "3"),
                              ("PARAM", "1"), ("VAR", "rolls"), ("PARAM", "2"), ("PARAM", "4"),
                              ("CONST_DIR", "available"), ("LIMIT", "300"), ("LIMIT", "200"),
                              ("OBJ_NAME", "profit"), ("PARAM", "5"), ("VAR", "loaf"), ("PARAM", "6"),
                              ("VAR", "rolls"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * loaves + 2 * rolls <= 300" in rows and "loaves + 4 * rolls <= 200" in rows, rows


def test_each_of_the_shared_noun_bounds_each_decision_in_the_asked_unit() -> None:
    text = ("A quarry runs an electric crusher and a diesel crusher. The electric crusher breaks 30 tonnes per hour "
            "at a cost of $50 per hour, and the diesel crusher breaks 45 tonnes per hour at a cost of $80 per "
            "hour. The quarry must break at least 900 tonnes of rock today. Each crusher can run for at most 16 "
            "hours today. How many hours should each crusher run to minimize the cost?")
    toks, spans = hand(text, [("VAR", "electric crusher"), ("VAR", "diesel crusher"), ("VAR", "electric crusher"),
                              ("PARAM", "30"), ("OBJ_NAME", "cost"), ("PARAM", "50"), ("VAR", "diesel crusher"),
                              ("PARAM", "45"), ("OBJ_NAME", "cost"), ("PARAM", "80"), ("CONST_DIR", "at least"),
                              ("LIMIT", "900"), ("VAR", "crusher"), ("CONST_DIR", "at most"), ("LIMIT", "16"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "electric_crusher <= 16" in rows and "diesel_crusher <= 16" in rows, rows


def test_each_before_the_shared_head_makes_a_coefficient_of_every_decision() -> None:
    text = ("A ferry line runs car ferry trips and foot ferry trips. A car ferry trip moves 80 passengers and burns "
            "900 liters of fuel, while a foot ferry trip moves 30 passengers and burns 200 liters of fuel. The line "
            "has 12,000 liters of fuel. Each trip needs 3 deckhands, and 60 deckhands are available. How many trips "
            "of each kind should it run to maximize the number of passengers moved?")
    toks, spans = hand(text, [("VAR", "car ferry trips"), ("VAR", "foot ferry trips"), ("VAR", "car ferry trip"),
                              ("PARAM", "80"), ("PARAM", "900"), ("VAR", "foot ferry trip"), ("PARAM", "30"),
                              ("PARAM", "200"), ("LIMIT", "12,000"), ("VAR", "trip"), ("PARAM", "3"),
                              ("LIMIT", "60"), ("CONST_DIR", "available"), ("OBJ_DIR", "maximize")])
    _, rows = model_of(toks, spans)
    assert "3 * car_ferry_trips + 3 * foot_ferry_trips <= 60" in rows, rows


def test_a_money_limit_then_a_count_are_not_one_range() -> None:
    text = ("A dairy moves milk to the city by tankers and vans. A tanker carries 30 tonnes and costs $500 per trip, "
            "while a van carries 8 tonnes and costs $160 per trip. The daily transport budget is $7,000, and at "
            "most 10 tankers are available each day. How many tankers and vans should it send to maximize the "
            "tonnes of milk moved per day?")
    toks, spans = hand(text, [("VAR", "tankers"), ("VAR", "vans"), ("VAR", "tanker"), ("PARAM", "30"),
                              ("PARAM", "500"), ("VAR", "van"), ("PARAM", "8"), ("PARAM", "160"),
                              ("CONST_DIR", "budget"), ("LIMIT", "7,000"), ("CONST_DIR", "at most"), ("LIMIT", "10"),
                              ("VAR", "tankers"), ("CONST_DIR", "available"), ("VAR", "tankers"), ("VAR", "vans"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "tonnes")])
    _, rows = model_of(toks, spans)
    assert "500 * tankers + 160 * vans <= 7000" in rows and "tankers <= 10" in rows, rows


def test_a_word_for_what_every_decision_is_is_their_total_not_one_more_decision() -> None:
    text = ("A hospital must move at least 300 patients to a new wing. An ambulance carries 4 patients and a "
            "minibus carries 10 patients. At least 40% of the vehicles used must be ambulances. How many "
            "ambulances and minibuses should it use to minimize the total number of vehicles?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "300"), ("VAR", "ambulance"), ("PARAM", "4"),
                              ("VAR", "minibus"), ("PARAM", "10"), ("CONST_DIR", "At least"), ("LIMIT", "40%"),
                              ("VAR", "vehicles"), ("VAR", "ambulances"), ("VAR", "ambulances"), ("VAR", "minibuses"),
                              ("OBJ_DIR", "minimize"), ("VAR", "vehicles")])
    goal, rows = model_of(toks, spans)
    assert goal == "min ambulance + minibus", goal
    assert "ambulance >= 0.4 * (ambulance + minibus)" in rows, rows


def test_what_one_wants_to_get_done_at_least_cost_is_a_least() -> None:
    text = ("A mill can haul flour with carts or wagons. A cart holds 40 sacks while a wagon holds 90 sacks. The "
            "number of carts must be at least twice the number of wagons. If the mill wants to haul 3600 sacks, "
            "minimize the total number of loads.")
    toks, spans = hand(text, [("VAR", "carts"), ("VAR", "wagons"), ("VAR", "cart"), ("PARAM", "40"),
                              ("VAR", "wagon"), ("PARAM", "90"), ("VAR", "carts"), ("CONST_DIR", "at least"),
                              ("LIMIT", "twice"), ("VAR", "wagons"), ("LIMIT", "3600"), ("OBJ_DIR", "minimize")])
    _, rows = model_of(toks, spans)
    assert "40 * carts + 90 * wagons >= 3600" in rows, rows


def test_a_machine_time_is_spent_on_and_that_is_available_for_hours_is_no_decision() -> None:
    text = ("A joinery makes stools and shelves using a lathe and a sander. Each stool needs 3 minutes on the lathe "
            "and 1 minute on the sander, while each shelf needs 1 minute on the lathe and 4 minutes on the sander. "
            "The lathe is available for 240 minutes and the sander for 300 minutes each day. The profit is $7 per "
            "stool and $9 per shelf. How many stools and shelves should it make to maximize profit?")
    toks, spans = hand(text, [("VAR", "stools"), ("VAR", "shelves"), ("VAR", "lathe"), ("VAR", "sander"),
                              ("VAR", "stool"), ("PARAM", "3"), ("VAR", "lathe"), ("PARAM", "1"), ("VAR", "sander"),
                              ("VAR", "shelf"), ("PARAM", "1"), ("VAR", "lathe"), ("PARAM", "4"), ("VAR", "sander"),
                              ("VAR", "lathe"), ("CONST_DIR", "available"), ("LIMIT", "240"), ("VAR", "sander"),
                              ("PARAM", "300"), ("OBJ_NAME", "profit"), ("PARAM", "7"), ("VAR", "stool"),
                              ("PARAM", "9"), ("VAR", "shelf"), ("VAR", "stools"), ("VAR", "shelves"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 7 * stools + 9 * shelves", goal
    assert "lathe" not in " ".join(rows) and "sander" not in " ".join(rows), rows


def test_a_number_joins_the_group_whose_numbers_it_shares_its_unit_with() -> None:
    text = ("A dairy can run small or large churns. A small churn is capable of whipping 40 kg of cream a day and takes 3 "
            "workers to run. A large churn needs 7 workers to whip 110 kg of cream a day. There are 84 workers "
            "and the dairy must make at least 1,500 kg of cream a day. How many churns of each size should it "
            "run to minimize the total number of churns?")
    toks, spans = hand(text, [("VAR", "small"), ("VAR", "large churns"), ("VAR", "small churn"), ("PARAM", "40"),
                              ("PARAM", "3"), ("VAR", "large churn"), ("PARAM", "7"), ("PARAM", "110"),
                              ("LIMIT", "84"), ("CONST_DIR", "at least"), ("LIMIT", "1,500"),
                              ("OBJ_DIR", "minimize")])
    _, rows = model_of(toks, spans)
    assert any(row.startswith("3 * ") and row.endswith("<= 84") and "7 * " in row for row in rows), rows


def test_the_one_subject_and_a_kind_of_it_after_and_the_are_the_two_decisions() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    text = ("A laundry runs a small washer and a large washer. The small washer cleans 20 kg per hour at a cost of "
            "$6 per hour, and the large washer cleans 50 kg per hour at a cost of $13 per hour. The laundry must "
            "clean at least 900 kg today. How many hours should each washer run to minimize the cost?")
    toks, spans = hand(text, [("PARAM", "20"), ("OBJ_NAME", "cost"), ("PARAM", "6"), ("PARAM", "50"),
                              ("OBJ_NAME", "cost"), ("PARAM", "13"), ("CONST_DIR", "at least"), ("LIMIT", "900"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    names = {sp.text for sp in complete_mentions(word_list(text), spans) if sp.label == "VAR"}
    assert {"small washer", "large washer"} <= names, names


def test_twice_the_other_decision_is_a_multiple_of_it() -> None:
    text = ("A studio rents recording rooms and mixing rooms. A recording room earns $90 per hour and a mixing room "
            "earns $60 per hour. At most 200 room hours can be booked this month. The mixing room hours must not "
            "exceed twice the recording room hours. How many hours of each should it rent to maximize revenue?")
    toks, spans = hand(text, [("VAR", "recording rooms"), ("VAR", "mixing rooms"), ("VAR", "recording room"),
                              ("PARAM", "90"), ("VAR", "mixing room"), ("PARAM", "60"), ("CONST_DIR", "At most"),
                              ("LIMIT", "200"), ("VAR", "mixing room"), ("CONST_DIR", "must not exceed"),
                              ("LIMIT", "twice"), ("VAR", "recording room"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "mixing_rooms <= 2 * recording_rooms" in rows, rows


def test_a_total_in_the_asked_unit_after_an_ing_modifier_sums_the_decisions() -> None:
    text = ("A law office bills partners at $300 per hour and associates at $120 per hour. Next week the partners "
            "can work at most 50 hours on cases. In total at most 160 billing hours can be billed to the client. "
            "How many hours of each should the office bill to maximize its revenue?")
    toks, spans = hand(text, [("VAR", "partners"), ("PARAM", "300"), ("VAR", "associates"), ("PARAM", "120"),
                              ("VAR", "partners"), ("CONST_DIR", "at most"), ("LIMIT", "50"),
                              ("CONST_DIR", "at most"), ("LIMIT", "160"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "partners + associates <= 160" in rows, rows


def test_a_number_of_sales_counts_the_decisions_not_what_they_hold() -> None:
    text = ("A juice bar sells smoothies in cups and jugs. A cup holds 12 oz of juice while a jug holds 64 oz of "
            "juice. The bar expects to sell at least 3 times as many cups as jugs, and it must sell at least 10 jugs. "
            "If the bar can press 4000 oz of juice a day, how many of each should it sell to maximize the total "
            "number of sales of juice?")
    toks, spans = hand(text, [("VAR", "cups"), ("VAR", "jugs"), ("VAR", "cup"), ("PARAM", "12"), ("VAR", "jug"),
                              ("PARAM", "64"), ("CONST_DIR", "at least"), ("PARAM", "3"), ("VAR", "cups"),
                              ("VAR", "jugs"), ("CONST_DIR", "at least"), ("LIMIT", "10"), ("VAR", "jugs"),
                              ("LIMIT", "4000"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "total number of sales")])
    goal, _ = model_of(toks, spans)
    assert goal == "max cups + jugs", goal


def test_the_last_run_of_a_respectively_sentence_goes_to_the_names_after_it() -> None:
    text = ("A farm runs three pumps, P, Q and R. Each hour of pumping burns 4 litres of fuel in pump P, 6 litres in "
            "pump Q and 9 litres in pump R, and needs 0.5, 1 and 1.5 staff-hours on pumps P, Q and R, respectively. "
            "The farm has 400 litres of fuel and 60 staff-hours. The pumps lift 20, 35 and 50 tonnes of water per "
            "hour, respectively. How many hours should each pump run to maximize the water lifted?")
    toks, spans = hand(text, [("VAR", "P"), ("VAR", "Q"), ("VAR", "R"), ("PARAM", "4"), ("VAR", "pump P"),
                              ("PARAM", "6"), ("VAR", "pump Q"), ("PARAM", "9"), ("VAR", "pump R"), ("PARAM", "0.5"),
                              ("PARAM", "1"), ("PARAM", "1.5"), ("VAR", "pumps P"), ("VAR", "Q"), ("VAR", "R"),
                              ("CONST_DIR", "has"), ("LIMIT", "400"), ("LIMIT", "60"), ("PARAM", "20"),
                              ("PARAM", "35"), ("PARAM", "50"), ("OBJ_DIR", "maximize")])
    _, rows = model_of(toks, spans)
    assert "0.5 * p + q + 1.5 * r <= 60" in rows, rows


def test_a_head_sized_by_another_number_beside_a_tagged_one_is_its_sibling() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    text = ("A print shop sells 2-page leaflets and 6-page leaflets. It can print at most 900 pages a day. How many "
            "leaflets of each size should it print to maximize the number of leaflets?")
    toks, spans = hand(text, [("VAR", "6-page leaflets"), ("CONST_DIR", "at most"), ("LIMIT", "900"),
                              ("OBJ_DIR", "maximize")])
    names = {sp.text for sp in complete_mentions(word_list(text), spans) if sp.label == "VAR"}
    assert "2-page leaflets" in names, names
