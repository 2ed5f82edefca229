"""Offline modeler: rules from a third probe round on containers, stocks and ratios (v43).

- "The shop has 2000 ounces to pack", where the question asks "How many packs": "to pack" is a verb, not the unit
  the decisions are counted in, so the limit is the row the sizes measure ("A small pack holds 4 ounces").
- Said the way people write them: "between 300 kg and 800 kg" (the unit after each end) is a least and a most;
  "one-third" is "one third"; "two-thirds of", "three quarters of" are percents; a ratio "at least 3:2" (or "3 to
  2") is 1.5 times.
- A container said alone, past the one name it was said to hold ("a bundle of cedar") or to be priced by ("dry
  food at $25 per sack"), names that decision again ("$9 on a bundle", "Each sack has 10000 calories"; "at least
  30 bottles" only of a container said to hold the name).
- "stores crates of apples and crates of melons", "apples" tagged: "melons" is the other name.
- "buys sandwiches and wraps for 90 students", where "a wrap feeds 2 students": a number after "for" (or "to
  feed"), right after two names, in the unit a coefficient counts, is what they must cover together.
- "each goat 4 square meters" (the verb left out) is the goat's figure, not a name "goat 4".
- ", and the farm gets 100 kg of grain a day", ", and the barn is 120 square meters": a definite subject that no
  variable names, in a coefficient's unit, states the stock (a most); so does ", and she buys 200 board feet a
  month".
- "6-hour shifts" against "600 nurse hours": each shift's hours weigh the row.
- "Each dollar on print brings $1.3 in sales": the decisions are money; "At least $100000 must go to print"
  bounds the print.
- "must not exceed the amount in bonds by more than $10000" is stocks - bonds <= 10000.
- "at least 0.5 times the number of pea acres" is a comparison (it was taken for "at least 0", a sign bound);
  "rents buses and vans to take 300 members" is whom they must take, at least.
- A text that states no goal but the profit ("The profit per lamp is $45 and per clock $25") or the prices sold at
  ("He sells keychains for $5"), with no word of paying in those sentences, makes the most of them; "the payroll"
  is what the staff are paid.
- "emissions" are what each one "emits"; "A hydro plant costs $2000000" makes the plants things bought, though the
  utility "invests in" them (no money decisions); "Shirts" names the "t-shirts" again.
- ", with 20 sanding hours a day" (a compound unit) is the stock the hours draw on; "The production capacity for
  desks is 30 per day" bounds the desks.
- "Maximize her sales" is what the prices bring in; "Each cup of smoothie ... each cup of juice": the cups count
  the decisions ("at most 50 cups in total").
- "for a banquet of 180 guests. Each guest gets exactly one dish": as many decisions as there are of them (an
  equality); "for 120 members, one device per member" is what the devices are for (a most).
- "I've got $90 to spend" is a most, whatever "at least" the sentence's other clause says.
- "4 minutes on the grill" and "5 minutes on the wok", with "Grill: 800 minutes" and "Wok: 1,000 minutes": two
  measures named apart by limits of their own are two rows; "6 cents" beside prices in dollars is "$0.06", and "68 L" is 68 litres.
- "There must be exactly 3 benches for every table" is benches == 3 tables (the rate after it made the 3 a
  coefficient).
- A crew counted before a comma ("There are 3 cooks, each working 5 hours", "2 lathes, each available 30 hours")
  or employed "for 7 hours each per day" has that many times the hours between them.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts (its slips included). No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import read_text

from modeler.strategies.offline.prose import as_prose


def test_a_number_to_pack_is_what_the_sizes_measure() -> None:
    text = ('A spice shop sells pepper in small packs and large packs. A small pack holds 4 ounces and a large pack '
            '10 ounces. The shop has 2000 ounces to pack. It wants at least 50 small packs. The profit on a small '
            'pack is $3 and on a large pack $6. How many packs of each size maximize profit?')
    marks = [("VAR", "small packs"), ("VAR", "large packs"), ("VAR", "small pack"), ("PARAM", "4"),
             ("VAR", "large pack"), ("PARAM", "10"), ("CONST_DIR", "has"), ("LIMIT", "2000"),
             ("CONST_DIR", "at least"), ("LIMIT", "50"), ("VAR", "small packs"), ("OBJ_NAME", "profit"),
             ("VAR", "small pack"), ("PARAM", "3"), ("VAR", "large pack"), ("PARAM", "6"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert goal == "max 3 * small_packs + 6 * large_packs"
    assert rows == ["4 * small_packs + 10 * large_packs <= 2000", "small_packs >= 50"]


def test_ranges_fractions_and_ratios_are_said_as_the_rules_read_them() -> None:
    assert as_prose("The total weight must be between 300 kg and 800 kg.") == (
        "The total weight must be at least 300 kg and at most 800 kg.")
    assert as_prose("No more than one-third of the production can be bran.") == (
        "No more than one third of the production can be bran.")
    assert as_prose("At least two-thirds of the production must be flour.") == (
        "At least 66.6667% of the production must be flour.")
    assert as_prose("At least three quarters of the land is wheat.") == "At least 75% of the land is wheat."
    assert as_prose("The ratio of rolls to buns must be at least 3:2.") == (
        "the number of rolls must be at least 1.5 times the number of buns.")
    assert as_prose("The ratio of rolls to buns must be at most 2 to 1.") == (
        "the number of rolls must be at most 2 times the number of buns.")
    # (a time of day and a version number are no ratios, a plain share no fraction)
    assert as_prose("The ratio of rolls to buns is 3.2.") == "The ratio of rolls to buns is 3.2."
    assert as_prose("two thirds") == "two thirds"


def test_a_range_with_its_unit_said_twice_is_a_least_and_a_most() -> None:
    text = ('A dairy ships crates of cheese and boxes of butter. Each crate weighs 20 kg and each box weighs 5 kg. '
            'The total weight must be between 300 kg and 800 kg. A crate earns $30 and a box $9. Maximize earnings.')
    marks = [("VAR", "crates"), ("VAR", "boxes"), ("VAR", "crate"), ("PARAM", "20"), ("VAR", "box"), ("PARAM", "5"),
             ("CONST_DIR", "at least"), ("LIMIT", "300"), ("CONST_DIR", "at most"), ("LIMIT", "800"),
             ("VAR", "crate"), ("OBJ_NAME", "earns"), ("PARAM", "30"), ("VAR", "box"), ("PARAM", "9"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "earnings")]
    goal, rows = read_text(text, marks)
    assert goal == "max 30 * crates + 9 * boxes"
    assert rows == ["20 * crates + 5 * boxes <= 800", "20 * crates + 5 * boxes >= 300"]


def test_a_bare_container_names_what_it_was_said_to_hold() -> None:
    text = ('A woodworker sells bundles of cedar and bags of pine chips. A bundle of cedar takes 0.5 hours and uses '
            '15 kg of wood; a bag of pine chips takes 0.25 hours and uses 6 kg. She has 600 kg of wood and 30 hours. '
            'She makes $9 on a bundle and $4 on a bag. How many of each should she make to earn the most?')
    # (as the tagger reads it: "pine chips" untagged, "bundle" tagged a name of its own)
    marks = [("VAR", "cedar"), ("PARAM", "0.5"), ("PARAM", "15"), ("PARAM", "0.25"), ("OBJ_NAME", "hours"),
             ("PARAM", "6"), ("CONST_DIR", "has"), ("LIMIT", "600"), ("PARAM", "30"), ("PARAM", "9"),
             ("VAR", "bundle"), ("PARAM", "4")]
    goal, rows = read_text(text, marks)
    assert goal == "max 9 * cedar + 4 * pine_chips"
    assert rows == ["0.5 * cedar + 0.25 * pine_chips <= 30", "15 * cedar + 6 * pine_chips <= 600"]


def test_a_container_named_by_its_price_names_that_decision() -> None:
    text = ('A kennel buys dry food at $25 per sack and canned food at $2 per can. Each sack has 10000 calories and '
            'each can has 350 calories. The dogs need at least 200000 calories a week. Minimize the weekly cost.')
    marks = [("VAR", "dry food"), ("PARAM", "25"), ("VAR", "canned food"), ("PARAM", "2"), ("VAR", "sack"),
             ("PARAM", "10000"), ("PARAM", "350"), ("OBJ_NAME", "calories"), ("CONST_DIR", "at least"),
             ("LIMIT", "200000"), ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")]
    goal, rows = read_text(text, marks)
    assert goal == "min 25 * dry_food + 2 * canned_food"
    assert rows == ["10000 * dry_food + 350 * canned_food >= 200000"]


def test_what_a_list_of_purchases_is_for_is_to_be_covered() -> None:
    text = ('A school buys sandwiches and wraps for 90 students. A sandwich feeds 1 student and costs $4; a wrap '
            'feeds 2 students and costs $7. At least 10 wraps are wanted. Minimize the cost.')
    marks = [("VAR", "sandwiches"), ("VAR", "wraps"), ("PARAM", "90"), ("VAR", "sandwich"), ("PARAM", "1"),
             ("OBJ_NAME", "costs"), ("PARAM", "4"), ("VAR", "wrap"), ("PARAM", "2"), ("OBJ_NAME", "costs"),
             ("PARAM", "7"), ("CONST_DIR", "At least"), ("LIMIT", "10"), ("VAR", "wraps"), ("OBJ_DIR", "Minimize"),
             ("OBJ_NAME", "cost")]
    goal, rows = read_text(text, marks)
    assert goal == "min 4 * sandwiches + 7 * wraps"
    assert rows == ["sandwiches + 2 * wraps >= 90", "wraps >= 10"]
    # ("to feed 90 students", tagged a limit)
    text = text.replace("for 90 students", "to feed 90 students")
    marks[2] = ("LIMIT", "90")
    assert read_text(text, marks)[1] == ["sandwiches + 2 * wraps >= 90", "wraps >= 10"]


def test_a_figure_with_its_verb_left_out_is_no_numbered_name() -> None:
    text = ('A shelter houses rabbits and goats. Each rabbit requires 1 square meter and each goat 4 square meters, '
            'and the shelter has 50 square meters. Each rabbit requires 0.5 hours of care and each goat 2 hours, and '
            'there are 30 hours of care. Each rabbit is adopted for $40 and each goat $90. Maximize the adoption fees.')
    marks = [("VAR", "rabbits"), ("VAR", "goats"), ("VAR", "rabbit"), ("PARAM", "1"), ("VAR", "goat"), ("PARAM", "4"),
             ("PARAM", "50"), ("VAR", "rabbit"), ("PARAM", "0.5"), ("VAR", "goat 2"), ("LIMIT", "30"),
             ("VAR", "rabbit"), ("PARAM", "40"), ("VAR", "goat"), ("PARAM", "90"), ("OBJ_DIR", "Maximize")]
    goal, rows = read_text(text, marks)
    assert goal == "max 40 * rabbits + 90 * goats"
    assert rows == ["0.5 * rabbits + 2 * goats <= 30", "rabbits + 4 * goats <= 50"]


def test_what_a_definite_thing_gets_or_is_after_the_needs_is_the_stock() -> None:
    text = ('A farm keeps ducks and sheep. Each duck eats 0.3 kg of grain a day and each sheep 2 kg, and the farm '
            'gets 100 kg of grain a day. Each duck needs 1 square meter of barn and each sheep 3, and the barn is 120 '
            'square meters. A duck earns $2 a day and a sheep $5 a day. Maximize daily earnings.')
    marks = [("VAR", "ducks"), ("VAR", "sheep"), ("VAR", "duck"), ("PARAM", "0.3"), ("VAR", "sheep 2"),
             ("LIMIT", "100"), ("VAR", "duck"), ("PARAM", "1"), ("VAR", "sheep 3"), ("PARAM", "120"), ("VAR", "duck"),
             ("OBJ_NAME", "earns"), ("PARAM", "2"), ("VAR", "sheep"), ("PARAM", "5"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "earnings")]
    goal, rows = read_text(text, marks)
    assert goal == "max 2 * ducks + 5 * sheep"
    assert rows == ["0.3 * ducks + 2 * sheep <= 100", "ducks + 3 * sheep <= 120"]


def test_shifts_sized_in_hours_weigh_the_hours_needed() -> None:
    text = ('A clinic staffs 6-hour shifts and 10-hour shifts. A 6-hour shift costs $180 and a 10-hour shift costs '
            '$280. The clinic needs at least 600 nurse hours per week. At least 20 shifts must be 6-hour shifts. '
            'Minimize the cost.')
    marks = [("VAR", "6-hour shifts"), ("VAR", "10-hour shifts"), ("VAR", "6-hour shift"), ("PARAM", "180"),
             ("VAR", "10-hour shift"), ("OBJ_NAME", "costs"), ("PARAM", "280"), ("CONST_DIR", "at least"),
             ("LIMIT", "600"), ("CONST_DIR", "At least"), ("LIMIT", "20"), ("VAR", "6-hour shifts"),
             ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")]
    goal, rows = read_text(text, marks)
    assert goal == "min 180 * x_6_hour_shifts + 280 * x_10_hour_shifts"
    assert rows == ["6 * x_6_hour_shifts + 10 * x_10_hour_shifts >= 600", "x_6_hour_shifts >= 20"]


def test_money_that_must_go_to_one_option_bounds_it() -> None:
    text = ('A firm splits its $500000 marketing budget between print and online. Each dollar on print brings $1.3 '
            'in sales and each dollar on online $1.6. At least $100000 must go to print. Maximize sales.')
    marks = [("LIMIT", "500000"), ("VAR", "print"), ("VAR", "online"), ("VAR", "print"), ("PARAM", "1.3"),
             ("VAR", "online"), ("PARAM", "1.6"), ("CONST_DIR", "At least"), ("LIMIT", "100000"), ("VAR", "print"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "sales")]
    goal, rows = read_text(text, marks)
    assert goal == "max 1.3 * print + 1.6 * online"
    assert rows == ["print + online <= 500000", "print >= 100000"]


def test_an_amount_above_another_by_at_most_a_sum_of_money() -> None:
    text = ('A woman invests in bonds and stocks, with $40000 in total. Bonds return 5% and stocks 8%. The amount in '
            'stocks must not exceed the amount in bonds by more than $10000. Maximize the return.')
    marks = [("VAR", "bonds"), ("VAR", "stocks"), ("LIMIT", "40000"), ("VAR", "Bonds"), ("OBJ_NAME", "return"),
             ("PARAM", "5 %"), ("VAR", "stocks"), ("PARAM", "8 %"), ("VAR", "stocks"),
             ("CONST_DIR", "must not exceed"), ("VAR", "bonds"), ("CONST_DIR", "more than"), ("LIMIT", "10000"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "return")]
    goal, rows = read_text(text, marks)
    assert goal == "max 0.05 * bonds + 0.08 * stocks"
    assert rows == ["bonds + stocks <= 40000", "stocks - bonds <= 10000"]


def test_a_crew_counted_before_a_comma_works_its_hours_each() -> None:
    text = ('A deli makes wraps and salads. A wrap takes 6 minutes and a salad 4 minutes to make. There are 3 cooks, '
            'each working 5 hours. The deli sells at most 100 items a day. Wraps earn $4 and salads $3. Maximize '
            'profit.')
    marks = [("VAR", "wraps"), ("VAR", "salads"), ("VAR", "wrap"), ("PARAM", "6"), ("PARAM", "4"), ("PARAM", "3"),
             ("PARAM", "5"), ("CONST_DIR", "at most"), ("LIMIT", "100"), ("VAR", "Wraps"), ("OBJ_NAME", "earn"),
             ("PARAM", "4"), ("VAR", "salads"), ("PARAM", "3"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert goal == "max 4 * wraps + 3 * salads"
    assert rows == ["6 * wraps + 4 * salads <= 900", "wraps + salads <= 100"]
    # machines "each available" so long
    text = ('A shop has 2 lathes, each available 30 hours a week, to turn bowls and spoons. A bowl takes 3 lathe '
            'hours and a spoon 1 lathe hour. Bowls earn $40 and spoons $12. At least 5 bowls must be made. Maximize '
            'profit.')
    marks = [("PARAM", "2"), ("CONST_DIR", "available"), ("LIMIT", "30"), ("VAR", "bowls"), ("VAR", "spoons"),
             ("VAR", "bowl"), ("PARAM", "3"), ("VAR", "spoon 1"), ("VAR", "Bowls"), ("OBJ_NAME", "earn"),
             ("PARAM", "40"), ("VAR", "spoons"), ("PARAM", "12"), ("CONST_DIR", "At least"), ("LIMIT", "5"),
             ("VAR", "bowls"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    assert read_text(text, marks)[1] == ["3 * bowls + spoons <= 60", "bowls >= 5"]


def test_the_hours_a_crew_is_employed_for_are_the_time_there_is() -> None:
    text = ('An orchard employs 4 pickers for 7 hours each per day to pick plums and figs. Picking a crate of plums '
            'takes 0.5 hours and a crate of figs 0.8 hours. A crate of plums sells for $18 and a crate of figs for '
            '$30. Maximize revenue.')
    marks = [("PARAM", "4"), ("PARAM", "7"), ("VAR", "plums"), ("VAR", "figs"), ("VAR", "plums"), ("PARAM", "0.5"),
             ("PARAM", "0.8"), ("VAR", "plums"), ("PARAM", "18"), ("VAR", "figs"), ("PARAM", "30"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "revenue")]
    goal, rows = read_text(text, marks)
    assert goal == "max 18 * plums + 30 * figs"
    assert rows == ["0.5 * plums + 0.8 * figs <= 28"]


def test_a_multiple_below_one_is_no_bound_at_zero() -> None:
    # ("at least 0.5 times" was taken for "at least 0", a sign bound, and no comparison was read)
    text = ('A grower has 90 acres for beans and peas. Beans need $80 of seed per acre and peas $50 per acre, and the '
            'grower has $6000 for seed. The number of bean acres must be at least 0.5 times the number of pea acres. '
            'Beans earn $250 per acre and peas $180 per acre. How many acres of each should be planted to maximize '
            'earnings?')
    marks = [("CONST_DIR", "has"), ("LIMIT", "90"), ("VAR", "beans"), ("VAR", "peas"), ("VAR", "Beans"),
             ("PARAM", "80"), ("VAR", "peas"), ("PARAM", "50"), ("CONST_DIR", "has"), ("LIMIT", "6000"),
             ("VAR", "bean acres"), ("CONST_DIR", "at least"), ("PARAM", "0.5"), ("VAR", "pea acres"),
             ("VAR", "Beans"), ("OBJ_NAME", "earn"), ("PARAM", "250"), ("VAR", "peas"), ("PARAM", "180"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")]
    assert read_text(text, marks)[1] == ["80 * beans + 50 * peas <= 6000", "beans + peas <= 90",
                                         "beans >= 0.5 * peas"]


def test_whom_the_vehicles_take_somewhere_is_covered() -> None:
    text = ('A club rents buses and vans to take 300 members to a game. A bus seats 50 members and costs $600 to '
            'rent. A van seats 12 members and costs $160. At least 2 vans are needed. Minimize the cost.')
    marks = [("VAR", "buses"), ("VAR", "vans"), ("LIMIT", "300"), ("VAR", "bus"), ("LIMIT", "50"),
             ("VAR", "members"), ("OBJ_NAME", "costs"), ("PARAM", "600"), ("VAR", "van"), ("LIMIT", "12"),
             ("VAR", "members"), ("OBJ_NAME", "costs"), ("PARAM", "160"), ("CONST_DIR", "At least"), ("LIMIT", "2"),
             ("VAR", "vans"), ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")]
    goal, rows = read_text(text, marks)
    assert goal == "min 600 * buses + 160 * vans"
    assert rows == ["50 * buses + 12 * vans >= 300", "vans >= 2"]


def test_a_text_that_states_no_goal_but_profits_or_sale_prices_makes_the_most_of_them() -> None:
    text = ('A shop sells lamps and clocks. The shop has 300 square feet of floor space; a lamp takes 4 square feet '
            'and a clock 2 square feet. The profit per lamp is $45 and per clock $25. At least 20 clocks must be '
            'stocked. How many of each should be stocked?')
    marks = [("VAR", "lamps"), ("VAR", "clocks"), ("LIMIT", "300"), ("VAR", "lamp"), ("PARAM", "4"),
             ("VAR", "clock"), ("PARAM", "2"), ("OBJ_NAME", "profit"), ("VAR", "lamp"), ("PARAM", "45"),
             ("VAR", "clock"), ("PARAM", "25"), ("CONST_DIR", "At least"), ("LIMIT", "20"), ("VAR", "clocks")]
    goal, rows = read_text(text, marks)
    assert goal == "max 45 * lamps + 25 * clocks"
    assert rows == ["4 * lamps + 2 * clocks <= 300", "clocks >= 20"]
    text = ('A teen makes keychains and magnets for a craft fair. A keychain takes 10 minutes and a magnet 6 minutes, '
            'and he has 15 hours. He sells keychains for $5 and magnets for $3. How many of each should he make?')
    marks = [("VAR", "keychains"), ("VAR", "magnets"), ("VAR", "keychain"), ("PARAM", "10"), ("PARAM", "6"),
             ("CONST_DIR", "has"), ("LIMIT", "15"), ("VAR", "keychains"), ("PARAM", "5"), ("VAR", "magnets"),
             ("PARAM", "3")]
    goal, rows = read_text(text, marks)
    assert goal == "max 5 * keychains + 3 * magnets"
    assert rows == ["10 * keychains + 6 * magnets <= 900"]


def test_the_payroll_is_what_the_staff_are_paid() -> None:
    text = ('A gym hires trainers and cleaners. A trainer is paid $700 a week and a cleaner $400 a week. The gym '
            'needs at least 10 staff and at least 3 trainers. Minimize the payroll.')
    marks = [("VAR", "trainers"), ("VAR", "cleaners"), ("VAR", "trainer"), ("PARAM", "700"), ("PARAM", "400"),
             ("CONST_DIR", "at least"), ("LIMIT", "10"), ("CONST_DIR", "at least"), ("LIMIT", "3"),
             ("VAR", "trainers"), ("OBJ_DIR", "Minimize")]
    goal, rows = read_text(text, marks)
    assert goal == "min 700 * trainers + 400 * cleaners"
    assert rows == ["trainers + cleaners >= 10", "trainers >= 3"]


def test_emissions_are_what_each_one_emits() -> None:
    text = ('A town buys electric vans and diesel vans. An electric van costs $60000 and a diesel van $40000. The '
            'budget is $600000. The town needs at least 12 vans. Electric vans emit 1 ton of CO2 a year and diesel '
            'vans 20 tons. How many of each should the town buy to keep emissions as low as possible?')
    marks = [("VAR", "electric vans"), ("VAR", "diesel vans"), ("VAR", "electric van"), ("PARAM", "60000"),
             ("VAR", "diesel van"), ("PARAM", "40000"), ("CONST_DIR", "budget"), ("LIMIT", "600000"),
             ("CONST_DIR", "at least"), ("LIMIT", "12"), ("VAR", "vans"), ("VAR", "Electric vans"), ("PARAM", "1"),
             ("VAR", "diesel vans"), ("LIMIT", "20")]
    goal, rows = read_text(text, marks)
    assert goal == "min electric_vans + 20 * diesel_vans"
    assert rows == ["60000 * electric_vans + 40000 * diesel_vans <= 600000", "electric_vans + diesel_vans >= 12"]


def test_things_bought_at_a_price_each_are_no_money_decisions() -> None:
    # ("invests in ... plants" alone made the decisions amounts of money, and the prices no coefficients)
    text = ('A utility invests in hydro and geothermal plants with a budget of $8 million. A hydro plant costs '
            '$2000000 and generates 5000 MWh a year; a geothermal plant costs $1000000 and generates 2000 MWh. At '
            'least 1 hydro plant must be built. Maximize the energy generated.')
    marks = [("VAR", "hydro"), ("VAR", "geothermal plants"), ("CONST_DIR", "budget"), ("LIMIT", "8000000"),
             ("VAR", "hydro plant"), ("PARAM", "2000000"), ("LIMIT", "5000"), ("VAR", "geothermal plant"),
             ("PARAM", "1000000"), ("PARAM", "2000"), ("CONST_DIR", "At least"), ("LIMIT", "1"),
             ("VAR", "hydro plant"), ("OBJ_DIR", "Maximize")]
    goal, rows = read_text(text, marks)
    assert goal == "max 5000 * hydro_plants + 2000 * geothermal_plants"
    assert rows == ["2000000 * hydro_plants + 1000000 * geothermal_plants <= 8000000", "hydro_plants >= 1"]


def test_a_name_after_a_one_letter_prefix_is_the_same_decision() -> None:
    text = ('Our club sells t-shirts for $8 profit each and stickers for $1 profit each. Shirts take 20 minutes to '
            "print and stickers 2 minutes; we have 10 hours of printer time. We can't make more than 200 stickers. "
            'Maximize profit.')
    marks = [("VAR", "t-shirts"), ("PARAM", "8"), ("OBJ_NAME", "profit"), ("VAR", "stickers"), ("PARAM", "1"),
             ("OBJ_NAME", "profit"), ("VAR", "Shirts"), ("PARAM", "20"), ("VAR", "stickers"), ("PARAM", "2"),
             ("LIMIT", "10"), ("CONST_DIR", "more than"), ("LIMIT", "200"), ("VAR", "stickers"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert goal == "max 8 * t_shirts + stickers"
    assert rows == ["20 * t_shirts + 2 * stickers <= 600", "stickers <= 200"]


def test_what_the_same_container_holds_in_a_pair_is_the_other_name() -> None:
    text = ('A depot stores crates of apples and crates of melons. A crate of apples takes 0.8 square meters and a '
            'crate of melons 1.5 square meters. There are 240 square meters of floor. At least 40 crates of melons '
            'must be stored. Each crate of apples earns $25 a month and each crate of melons $45. Maximize monthly '
            'earnings.')
    # (as the tagger reads it: "melons" never tagged)
    marks = [("VAR", "apples"), ("VAR", "apples"), ("PARAM", "0.8"), ("PARAM", "1.5"), ("LIMIT", "240"),
             ("CONST_DIR", "At least"), ("LIMIT", "40"), ("VAR", "apples"), ("OBJ_NAME", "earns"), ("PARAM", "25"),
             ("PARAM", "45"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "earnings")]
    goal, rows = read_text(text, marks)
    assert goal == "max 25 * apples + 45 * melons"
    assert rows == ["0.8 * apples + 1.5 * melons <= 240", "melons >= 40"]


def test_a_compound_unit_after_with_and_a_production_capacity_are_limits() -> None:
    text = ('A shop makes desks and shelves. Each desk takes 0.5 hours of sanding and each shelf 0.25 hours, with 20 '
            'sanding hours a day. The production capacity for desks is 30 per day. Desks earn $40 and shelves $15. '
            'Maximize profit.')
    marks = [("VAR", "desks"), ("VAR", "shelves"), ("VAR", "desk"), ("PARAM", "0.5"), ("PARAM", "0.25"),
             ("LIMIT", "20"), ("VAR", "desks"), ("LIMIT", "30"), ("VAR", "Desks"), ("OBJ_NAME", "earn"),
             ("PARAM", "40"), ("VAR", "shelves"), ("PARAM", "15"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert goal == "max 40 * desks + 15 * shelves"
    assert rows == ["0.5 * desks + 0.25 * shelves <= 20", "desks <= 30"]


def test_sales_are_what_the_prices_bring_and_cups_count_the_decisions() -> None:
    text = ('Ana sells smoothies and juices. Each cup of smoothie uses 3 bananas and each cup of juice uses 4 oranges. '
            'She has 90 bananas and 100 oranges. A cup of smoothie sells for $4 and juice for $3. She can sell at most '
            '50 cups in total. Maximize her sales.')
    marks = [("VAR", "smoothies"), ("VAR", "juices"), ("VAR", "smoothie"), ("PARAM", "3"), ("VAR", "juice"),
             ("PARAM", "4"), ("LIMIT", "90"), ("LIMIT", "100"), ("VAR", "smoothie"), ("PARAM", "4"), ("VAR", "juice"),
             ("PARAM", "3"), ("CONST_DIR", "at most"), ("LIMIT", "50"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "sales")]
    goal, rows = read_text(text, marks)
    assert goal == "max 4 * smoothies + 3 * juices"
    assert rows == ["3 * smoothies <= 90", "4 * juices <= 100", "smoothies + juices <= 50"]


def test_a_count_of_those_who_each_get_one_is_the_number_of_decisions() -> None:
    text = ('A caterer prepares fish and pasta dishes for a banquet of 180 guests. Each guest gets exactly one dish. '
            'At least 50 fish dishes are needed. A fish dish costs $14 and a pasta dish $9. Minimize the cost.')
    marks = [("VAR", "fish"), ("VAR", "pasta dishes"), ("LIMIT", "180"), ("CONST_DIR", "At least"), ("LIMIT", "50"),
             ("VAR", "fish dishes"), ("VAR", "fish dish"), ("PARAM", "14"), ("VAR", "pasta dish"), ("PARAM", "9"),
             ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")]
    goal, rows = read_text(text, marks)
    assert goal == "min 14 * fish_dishes + 9 * pasta_dishes"
    assert rows == ["fish_dishes + pasta_dishes == 180", "fish_dishes >= 50"]
    text = ('A library buys e-readers and tablets for 120 members, one device per member. An e-reader costs $100 and a '
            'tablet $250. The library has $20000. Each e-reader gives 2 reading points and each tablet 3. Maximize the '
            'reading points.')
    marks = [("VAR", "e-readers"), ("VAR", "tablets"), ("LIMIT", "120"), ("VAR", "e-reader"), ("PARAM", "100"),
             ("VAR", "tablet"), ("PARAM", "250"), ("CONST_DIR", "has"), ("LIMIT", "20000"), ("PARAM", "2"),
             ("VAR", "tablet 3"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "points")]
    goal, rows = read_text(text, marks)
    assert goal == "max 2 * e_readers + 3 * tablets"
    # (not said "exactly": the members are what the devices are for, at most one each)
    assert rows == ["100 * e_readers + 250 * tablets <= 20000", "e_readers + tablets <= 120"]


def test_what_one_has_got_to_spend_is_a_most() -> None:
    # ("I've got $90 to spend", in a sentence whose other clause says "at least": the money there is)
    text = ("My tank holds 100 litres. Guppies need 2 litres each and platies 5 litres each. Guppies cost $3 and "
            "platies $6. I want at least 5 platies and I've got $90 to spend. How many of each should I buy to keep "
            "the most fish?")
    marks = [("LIMIT", "100"), ("VAR", "Guppies"), ("PARAM", "2"), ("VAR", "platies"), ("PARAM", "5"),
             ("VAR", "Guppies"), ("PARAM", "3"), ("VAR", "platies"), ("PARAM", "6"), ("CONST_DIR", "at least"),
             ("LIMIT", "5"), ("VAR", "platies"), ("LIMIT", "90")]
    goal, rows = read_text(text, marks)
    assert goal == "max guppies + platies"
    assert rows == ["2 * guppies + 5 * platies <= 100", "3 * guppies + 6 * platies <= 90", "platies >= 5"]


def test_measures_named_by_limits_of_their_own_are_rows_apart() -> None:
    text = ('Food stall plan. Tacos: 3 minutes prep and 2 minutes on the griddle, $2 profit. Quesadillas: 4 minutes '
            'prep and 3 minutes in the press, $3 profit. Prep: 600 minutes. Griddle: 300 minutes. Press: 240 '
            'minutes. How many of each should we make to maximize profit?')
    marks = [("VAR", "Tacos"), ("PARAM", "3"), ("PARAM", "2"), ("PARAM", "2"), ("OBJ_NAME", "profit"),
             ("VAR", "Quesadillas"), ("PARAM", "4"), ("PARAM", "3"), ("PARAM", "3"), ("OBJ_NAME", "profit"),
             ("LIMIT", "600"), ("LIMIT", "300"), ("LIMIT", "240"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert goal == "max 2 * tacos + 3 * quesadillas"
    assert rows == ["2 * tacos <= 300", "3 * quesadillas <= 240", "3 * tacos + 4 * quesadillas <= 600"]


def test_cents_and_a_capital_l_are_said_in_dollars_and_litres() -> None:
    assert as_prose("Big bins are 68 L for $12 and a cricket costs 6 cents.") == (
        "Big bins are 68 litres for $12 and a cricket costs $0.06.")
    text = ('My gecko eats crickets and worms. A cricket has 0.2 g of protein and costs 5 cents; a worm has 0.3 g of '
            'protein and costs $0.08. It needs at least 9 g of protein a week. How many of each keep the cost '
            'lowest?')
    marks = [("VAR", "crickets"), ("VAR", "worms"), ("VAR", "cricket"), ("PARAM", "0.2"), ("PARAM", "0.05"),
             ("VAR", "worm"), ("PARAM", "0.3"), ("PARAM", "0.08"), ("CONST_DIR", "at least"), ("LIMIT", "9"),
             ("OBJ_NAME", "cost")]
    assert read_text(text, marks) == ("min 0.05 * crickets + 0.08 * worms", ["0.2 * crickets + 0.3 * worms >= 9"])
    # (where every price is in cents, the cents stay the unit)
    assert as_prose("A pen costs 40 cents and a pencil 25 cents.") == "A pen costs 40 cents and a pencil 25 cents."


def test_exactly_so_many_for_every_one_of_the_other_is_an_equal_rate() -> None:
    text = ('A school buys benches and tables for its yard. Each bench costs $150 and each table $400. There must be '
            'exactly 3 benches for every table. The school has $5400. Maximize the number of tables.')
    marks = [("VAR", "benches"), ("VAR", "tables"), ("VAR", "bench"), ("PARAM", "150"), ("VAR", "table"),
             ("PARAM", "400"), ("CONST_DIR", "must be exactly"), ("PARAM", "3"), ("CONST_DIR", "has"),
             ("PARAM", "5400"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "number of tables")]
    goal, rows = read_text(text, marks)
    assert goal == "max tables"
    assert rows == ["150 * benches + 400 * tables <= 5400", "benches == 3 * tables"]


def test_what_a_person_buys_in_after_the_needs_is_the_stock() -> None:
    text = ('A carpenter builds stools and benches. A stool takes 3 hours and a bench 6 hours, and she works 120 hours '
            'a month. A stool needs 4 board feet of pine and a bench 12, and she buys 200 board feet a month. A stool '
            'earns $50 and a bench $110. Maximize monthly earnings.')
    marks = [("VAR", "stools"), ("VAR", "benches"), ("VAR", "stool"), ("PARAM", "3"), ("VAR", "bench"),
             ("PARAM", "6"), ("LIMIT", "120"), ("VAR", "stool"), ("PARAM", "4"), ("VAR", "bench"), ("PARAM", "12"),
             ("LIMIT", "200"), ("VAR", "stool"), ("OBJ_NAME", "earns"), ("PARAM", "50"), ("VAR", "bench"),
             ("PARAM", "110"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "earnings")]
    goal, rows = read_text(text, marks)
    assert goal == "max 50 * stools + 110 * benches"
    assert rows == ["3 * stools + 6 * benches <= 120", "4 * stools + 12 * benches <= 200"]
