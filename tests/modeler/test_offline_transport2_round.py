"""Offline modeler: readings of transportation problems in NL4Opt's crowd voice that the thirtieth and
thirty-first fresh development sets (vehicles, trips, ways of shipping, tickets) showed missing (round dev30 /
dev31, helper h111): one vehicle's trips, the people a party is taking somewhere, ways of sending said after
"by", a way's line ("the railway"), a rate in a relative clause after its name, money someone has per evening,
a goal naming one kind by its head, the beds or cabins of one ticket's kind.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_one_vehicles_trips_bound_that_vehicle_alone() -> None:
    # "it can make at most 6 trips" after "The dump truck is old": the dump truck's trips, not all trips
    text = ("A quarry must move at least 300 tonnes of gravel. A dump truck trip carries 20 tonnes and a tractor "
            "trip carries 8 tonnes. The dump truck is old, so it can make at most 6 trips. How many trips of each "
            "should be made to minimize the total number of trips?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "300"), ("VAR", "dump truck trip"),
                              ("PARAM", "20"), ("VAR", "tractor trip"), ("PARAM", "8"), ("CONST_DIR", "at most"),
                              ("LIMIT", "6"), ("OBJ_DIR", "minimize")])
    _, rows = model_of(toks, spans)
    assert "dump_truck_trip <= 6" in rows, rows


def test_what_one_vehicle_can_only_make_is_a_limit_on_it() -> None:
    # "The tractor can only make 9 trips per week" with 9 tagged as a coefficient: a limit on the tractor
    text = ("A farm moves hay with tractor trips and lorry trips. A tractor trip carries 3 tonnes and costs $40, and "
            "a lorry trip carries 10 tonnes and costs $150. The farm must move at least 120 tonnes of hay. The "
            "tractor can only make 9 trips per week. How many trips of each should be made to minimize the cost?")
    toks, spans = hand(text, [("VAR", "tractor trips"), ("VAR", "lorry trips"), ("VAR", "tractor trip"),
                              ("PARAM", "3"), ("PARAM", "40"), ("VAR", "lorry trip"), ("PARAM", "10"),
                              ("PARAM", "150"), ("CONST_DIR", "at least"), ("LIMIT", "120"), ("PARAM", "9"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "tractor_trips <= 9" in rows, rows


def test_each_one_can_only_make_stays_a_rate() -> None:
    # a guard: what each one of a kind can make is no limit ("each van can only make 3 trips")
    from modeler.strategies.offline.repairs import _can_only_make

    toks, spans = hand("Each van can only make 3 trips per day.", [("PARAM", "3")])
    assert not _can_only_make(toks, spans[0])
    toks, spans = hand("The van can only make 3 trips per day.", [("PARAM", "3")])
    assert _can_only_make(toks, spans[0])


def test_the_people_a_party_is_taking_are_to_be_carried() -> None:
    # "A club is taking 300 fans to an away game": every one of them must be seated, at least
    text = ("A football club is taking 300 fans to an away game. It can rent coaches that seat 50 fans for $900 "
            "each and minibuses that seat 15 fans for $350 each. How many of each should be rented to minimize the "
            "cost?")
    toks, spans = hand(text, [("LIMIT", "300"), ("VAR", "coaches"), ("PARAM", "50"), ("PARAM", "900"),
                              ("VAR", "minibuses"), ("PARAM", "15"), ("PARAM", "350"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "50 * coaches + 15 * minibuses >= 300" in rows, rows


def test_ways_said_after_by_are_the_decisions() -> None:
    # "send its flour by lorry at $5 per tonne or by canal boat at $3 per tonne", nothing tagged as a name
    text = ("A mill must move at least 4000 tonnes of flour to the city. It can send its flour by lorry at a cost "
            "of $5 per tonne or by canal boat at a cost of $3 per tonne. The canal can only take up to 2500 tonnes. "
            "How many tonnes should be sent each way to minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "4000"), ("OBJ_NAME", "cost"), ("PARAM", "5"),
                              ("OBJ_NAME", "cost"), ("PARAM", "3"), ("CONST_DIR", "up to"), ("LIMIT", "2500"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 5 * lorry + 3 * canal_boat", goal
    assert "canal_boat + lorry >= 4000" in rows or "lorry + canal_boat >= 4000" in rows, rows


def test_a_way_said_again_after_by_keeps_its_rate_and_its_line_bounds_it() -> None:
    # "ships wool by sea, by road and by air ... $120 per tonne sent by air"; "the airline can take at most 60"
    text = ("A wool trader ships wool by sea, by road and by air. The profit is $40 per tonne sent by sea, $30 per "
            "tonne sent by road and $120 per tonne sent by air. The trader has at most 700 tonnes of wool. The "
            "airline can take at most 60 tonnes. How many tonnes should be sent each "
            "way to maximize profit?")
    toks, spans = hand(text, [("OBJ_NAME", "profit"), ("PARAM", "40"),
                              ("VAR", "by sea"), ("PARAM", "30"), ("VAR", "road"), ("PARAM", "120"),
                              ("CONST_DIR", "at most"), ("LIMIT", "700"), ("CONST_DIR", "at most"), ("LIMIT", "60"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 40 * sea + 30 * road + 120 * air", goal
    assert "air <= 60" in rows, rows


def test_a_railway_bounds_what_goes_by_rail() -> None:
    text = ("A quarry must ship at least 1500 tonnes of stone. It can ship by rail at $9 per tonne or by lorry at "
            "$15 per tonne. The railway can take at most 800 tonnes. How many tonnes should be shipped each way to "
            "minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "1500"), ("VAR", "rail"), ("PARAM", "9"),
                              ("VAR", "lorry"), ("PARAM", "15"), ("CONST_DIR", "at most"), ("LIMIT", "800"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "rail <= 800" in rows, rows


def test_a_rate_in_a_relative_clause_is_its_names_alone() -> None:
    # "by cargo bike, which can take 40 loaves per trip, or by van, which can take 150 loaves per trip"
    text = ("Tom bakes bread and has to send his loaves to the shops. He can send them by cargo bike, which can "
            "take 40 loaves per trip, or by van, which can take 150 loaves per trip. Each cargo bike trip costs $6 "
            "and each van trip costs $30. Tom can spend at most $600 on delivery, and the number of van trips can "
            "not be more than the number of cargo bike trips. Formulate an LP to maximize the number of loaves he "
            "can send.")
    toks, spans = hand(text, [("VAR", "cargo bike"), ("PARAM", "40"), ("OBJ_NAME", "loaves"), ("VAR", "van"),
                              ("PARAM", "150"), ("OBJ_NAME", "loaves"), ("VAR", "cargo bike trip"), ("PARAM", "6"),
                              ("VAR", "van trip"), ("PARAM", "30"), ("CONST_DIR", "at most"), ("LIMIT", "600"),
                              ("VAR", "van trips"), ("CONST_DIR", "can not be more than"),
                              ("VAR", "cargo bike trips"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "number of loaves")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 40 * cargo_bike + 150 * van", goal


def test_money_someone_has_per_evening_is_a_budget() -> None:
    # "The cafe has $1200 per evening for wages", the number tagged as a coefficient
    text = ("A cafe must serve at least 300 meals each evening. It hires cooks and helpers. A cook can make 40 "
            "meals per evening and is paid $160. A helper can make 15 meals per evening and is paid $70. The cafe "
            "has $1200 per evening for wages. How many cooks and helpers should be hired to minimize the total "
            "number of workers?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "300"), ("VAR", "cooks"), ("VAR", "helpers"),
                              ("VAR", "cook"), ("PARAM", "40"), ("PARAM", "160"), ("VAR", "helper"), ("PARAM", "15"),
                              ("PARAM", "70"), ("PARAM", "1200"), ("VAR", "cooks"), ("VAR", "helpers"),
                              ("OBJ_DIR", "minimize")])
    goal, rows = model_of(toks, spans)
    assert "160 * cooks + 70 * helpers <= 1200" in rows, rows
    assert goal == "min cooks + helpers", goal


def test_money_a_planner_has_is_a_budget() -> None:
    text = ("A tour guide moves visitors with jeeps and buses. A jeep holds 6 visitors and a bus holds 30 visitors. "
            "Renting a jeep costs $80, a bus costs $300, and the guide has $2400 for renting. At most 4 buses can "
            "be rented. How many of each should be rented to maximize the number of visitors moved?")
    toks, spans = hand(text, [("VAR", "jeeps"), ("VAR", "buses"), ("VAR", "jeep"), ("PARAM", "6"), ("VAR", "bus"),
                              ("PARAM", "30"), ("VAR", "jeep"), ("PARAM", "80"), ("VAR", "bus"), ("PARAM", "300"),
                              ("PARAM", "2400"), ("CONST_DIR", "At most"), ("LIMIT", "4"), ("VAR", "buses"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "number of visitors")])
    _, rows = model_of(toks, spans)
    assert "80 * jeeps + 300 * buses <= 2400" in rows, rows


def test_a_goal_naming_one_kind_by_its_head_counts_it_alone() -> None:
    # "as few petrol cars as possible" beside scooters: "petrol" is no word of a name, "cars" is one's head
    text = ("A courier must carry at least 900 parcels per day. It can use cars, which carry 60 parcels each, and "
            "scooters, which carry 12 parcels each. Each car needs one driver and each scooter needs one rider, "
            "and there are only 30 workers. To cut fumes, the courier wants to use as few petrol cars as possible. "
            "How many cars and scooters should be used?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "900"), ("VAR", "cars"), ("PARAM", "60"),
                              ("VAR", "scooters"), ("PARAM", "12"), ("VAR", "car"), ("VAR", "scooter"),
                              ("LIMIT", "30"), ("VAR", "cars"), ("VAR", "scooters")])
    goal, _ = model_of(toks, spans)
    assert goal == "min cars", goal


def test_beds_of_one_tickets_kind_bound_that_ticket() -> None:
    # "The ship has only 40 deluxe cabins and 90 standard cabins" of deluxe, standard and deck tickets
    text = ("A ferry can carry at most 500 passengers and sells deluxe tickets, standard tickets, and deck tickets. "
            "A deluxe ticket brings in $200, a standard ticket brings in $90, and a deck ticket brings in $30. The "
            "ferry has only 40 deluxe cabins and 90 standard cabins. How many tickets of each type should be sold "
            "to maximize revenue?")
    toks, spans = hand(text, [("CONST_DIR", "at most"), ("LIMIT", "500"), ("VAR", "deluxe tickets"),
                              ("VAR", "standard tickets"), ("VAR", "deck tickets"), ("VAR", "deluxe ticket"),
                              ("PARAM", "200"), ("VAR", "standard ticket"), ("PARAM", "90"), ("VAR", "deck ticket"),
                              ("PARAM", "30"), ("LIMIT", "40"), ("LIMIT", "90"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "deluxe_tickets <= 40" in rows, rows
    assert "standard_tickets <= 90" in rows, rows


def test_money_the_buyer_has_to_spend_is_a_most() -> None:
    # "and the service has $600000 to spend" under a goal to maximize a count: a budget, not an amount to reach
    # ("has $": the money sign between the verb and the number)
    text = ("An airport shuttle service is buying coupes and minivans. A coupe costs $22000 and a minivan costs "
            "$40000, and the service has $600000 to spend. At least a third of the cars must be minivans for "
            "groups. How many of each should the service buy to maximize the total number of cars?")
    toks, spans = hand(text, [("VAR", "minivans"), ("VAR", "coupe"), ("PARAM", "22000"), ("VAR", "minivan"),
                              ("PARAM", "40000"), ("CONST_DIR", "has"), ("LIMIT", "600000"), ("CONST_DIR", "At least"),
                              ("VAR", "minivans"), ("OBJ_DIR", "maximize")])
    _, rows = model_of(toks, spans)
    assert "22000 * coupes + 40000 * minivans <= 600000" in rows, rows


def test_what_each_passenger_may_check_is_a_rate() -> None:
    # "Each adult passenger may check 25 kg ... while each child passenger may check 10 kg, and the hold can
    # take at most 2000 kg": the kilograms of one passenger of each kind, weighed against the hold
    text = ("A small airline sells adult tickets and child tickets on a plane with 80 seats. An adult ticket brings "
            "in $150 and a child ticket brings in $90. Each adult passenger may check 25 kg of luggage while each "
            "child passenger may check 10 kg, and the plane's hold can take at most 1500 kg of luggage. How many "
            "of each ticket should be sold to maximize revenue?")
    toks, spans = hand(text, [("VAR", "adult tickets"), ("VAR", "child tickets"), ("LIMIT", "80"),
                              ("VAR", "adult ticket"), ("PARAM", "150"), ("VAR", "child ticket"), ("PARAM", "90"),
                              ("VAR", "adult passenger"), ("LIMIT", "25"), ("VAR", "child passenger"),
                              ("LIMIT", "10"), ("CONST_DIR", "at most"), ("LIMIT", "1500"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "25 * adult_tickets + 10 * child_tickets <= 1500" in rows, rows


def test_three_options_said_alike_are_names_and_only_bounds_each() -> None:
    # nothing tagged as a name: "hire coaches that seat 60 fans, minibuses that seat 20 fans and cars that seat 4
    # fans"; "Only 5 coaches and 7 minibuses are available" bounds both (neither is a resource counted out)
    text = ("A club must take 400 fans to the final. It can hire coaches that seat 60 fans, minibuses that seat 20 "
            "fans and cars that seat 4 fans. Only 5 coaches and 7 minibuses are available. How many of each "
            "vehicle should be hired to minimize the total number of vehicles?")
    toks, spans = hand(text, [("CONST_DIR", "must"), ("LIMIT", "400"), ("LIMIT", "60"), ("PARAM", "20"),
                              ("PARAM", "4"), ("PARAM", "5"), ("PARAM", "7"), ("OBJ_DIR", "minimize")])
    goal, rows = model_of(toks, spans)
    assert goal == "min coaches + minibuses + cars", goal
    assert "coaches <= 5" in rows and "minibuses <= 7" in rows, rows


def test_an_option_with_its_gear_is_named_by_the_vehicle() -> None:
    # "or pickup trucks with ice boxes, which carry 120 kg per trip": the option is the pickup trucks
    text = ("A bakery has to deliver at least 2000 kg of bread each day. It can use box vans, which carry 250 kg per "
            "trip at a cost of $70 per trip, or cargo bikes with trailers, which carry 60 kg per trip at a cost of "
            "$15 per trip. At least 30% of the trips must be made by cargo bikes. How many trips of each kind "
            "should be made to minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "2000"), ("VAR", "box vans"), ("LIMIT", "250"),
                              ("OBJ_NAME", "cost"), ("PARAM", "70"), ("LIMIT", "60"), ("OBJ_NAME", "cost"),
                              ("PARAM", "15"), ("CONST_DIR", "At least"), ("LIMIT", "30%"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 70 * box_vans + 15 * cargo_bikes", goal
    assert "cargo_bikes >= 0.3 * (box_vans + cargo_bikes)" in rows, rows


def test_an_amount_of_the_goods_sent_by_a_list_of_ways_is_their_sum() -> None:
    # "exactly 900 tonnes of ore to the smelter by truck, train and boat": the comma inside the list of ways
    # does not end the clause, so the amount is of every way together (not a money row)
    text = ("A mine has to send exactly 900 tonnes of ore to the smelter by truck, train and boat. Sending costs $15 "
            "per tonne by truck, $9 per tonne by train and $6 per tonne by boat. The boat can take at most 300 "
            "tonnes. How many tonnes should go each way to minimize the cost?")
    toks, spans = hand(text, [("LIMIT", "900"), ("VAR", "truck"), ("VAR", "train"), ("VAR", "boat"),
                              ("PARAM", "15"), ("VAR", "truck"), ("PARAM", "9"), ("VAR", "train"), ("PARAM", "6"),
                              ("VAR", "boat"), ("CONST_DIR", "at most"), ("LIMIT", "300"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "truck + train + boat == 900" in rows, rows


def test_a_share_of_the_whole_that_must_ride_one_kind_is_that_kinds_share() -> None:
    # "At least a quarter of the guides must ride horses" (How many guides of each kind): the horse guides' share
    # of all guides, not the walking guides against the riding ones
    text = ("A park hires guides who lead tours on foot and guides who lead tours on horses. A guide on foot is paid "
            "$100 per day and a guide on a horse is paid $180 per day. The park has a daily budget of $2700 for "
            "guides. At least a quarter of the guides must ride horses to reach the far trails. How many guides of "
            "each kind should be hired to maximize the total number of guides?")
    toks, spans = hand(text, [("VAR", "horses"), ("VAR", "guide on foot"), ("PARAM", "100"), ("VAR", "horse"),
                              ("PARAM", "180"), ("CONST_DIR", "budget"), ("LIMIT", "2700"), ("CONST_DIR", "At least"),
                              ("LIMIT", "quarter"), ("VAR", "horses"), ("OBJ_DIR", "maximize"), ("VAR", "guides")])
    _, rows = model_of(toks, spans)
    assert any(r.startswith("horses >= 0.25 * (") for r in rows), rows


def test_a_goal_kept_as_low_as_possible_is_no_count() -> None:
    # a guard of the head-word count goal: "keep my sugar as low as possible" beside "low sugar yogurt" is the
    # sugar, not a count of the yogurt cups; "as few sweet bars as possible" counts the bars
    from modeler.strategies.offline.objective_reads import _headed_goal
    from modeler.strategies.offline.reading import read
    from modeler.strategies.offline.words import goal_frame

    for goal, counted in (("keep my sugar as low as possible", False), ("eat as few sweet bars as possible", True)):
        toks, spans = hand(f"A cup of low sugar yogurt and a bar. How many cups and bars {goal}?",
                           [("VAR", "low sugar yogurt"), ("VAR", "bar")])
        r = read(toks, spans)
        frame = goal_frame(r.words)
        assert frame is not None
        assert _headed_goal(r, r.words[frame[1]: frame[2]], frame) is counted, goal
