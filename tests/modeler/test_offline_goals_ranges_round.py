"""Offline modeler: rules from a probe round on goals, ranges and stocks (v42).

- A goal named before its direction, said passively: "so that profit is maximized" (when the costs, too, are
  tagged as a goal's name), "so that the staff time used is minimized" (no direction tagged), "to keep her cost at
  a minimum" ("cost" untagged), "The goal is for the profit to be as large as possible".
- A goal that counts one kind of the decisions, said in other words than "the number of": "the production of
  deluxe chairs", "deluxe chair output", "the use of night shifts", "so that the number of deluxe chairs is
  maximized", "How many deluxe chairs can the factory make at most?".
- "grows wheat, corn, and soybeans on 500 acres" is their shared land (the commas list names); "splits $80000 among
  stocks, bonds, and a savings account" is the money there is; "At least $10000 must go to savings" bounds the savings.
- "At most 500 kg can go by air and rail must carry ..." (or "while rail must ...", or "goes by air and rail carries
  ..." after a clause that gave a number): an "and" that opens a clause with its own subject and
  verb ends the limit's names, and one before a limit starts its clause ("... must be stocked and tablets can be at
  most 60"; "at least 20 laptops and the tablets cannot exceed 50"); "At least 2 ads of each type" bounds every
  kind.
- Bounds said "respectively": "At least 20 and 10 acres must be given to apples and pears respectively", "The
  maximum demand for desks and chairs is 30 and 100 units, respectively": the k-th number bounds the k-th decision.
- Money spent on one kind ("The total budget is $20000, and at most $5000 can be spent on radio ads", each ad
  priced) is that kind's row of the prices, and the total budget keeps the whole row; "$2 million" beside money
  written in full ("Each park costs $200000") is written in full too.
- "Profits are $50, $30, and $45 per batch", with no name in the sentence and nothing but commas and "and" between
  the numbers, gives one number to each decision in their order, as "respectively" does.
- ", with 600 units available" after a sentence of coefficients is the stock of what the sentence opens on
  ("Fertilizer needs per acre are 3, 2, and 1 units respectively").
- "to make the most money", each thing bought at one price and sold at another, is the margin, as "profit" is.
- What follows "within" in a goal is no part of its name ("the maximum exposure within the budget").
- A goal that is what a stock holds ("has 100 kWh of electricity ... minimize the electricity used") is measured
  by the group in the stock's unit ("uses 2 kWh per hour").
- ", out of 200 units of glue" after the coefficients is their stock.
- "Phones should outnumber tablets by at least 30" is phones - tablets >= 30.
- "a 400-acre farm" is land of 400 acres; "stay under 2200 calories" is a most; "6 volunteers for 2 hours each" have
  12 hours; "Glow uses 4 units of syrup a cup; Buzz uses 3." gives Buzz 3 units of syrup; "can cut 12 stools an
  hour" takes 1/12 of an hour a stool; "I drive 8 hours a weekend and want at least 6 package deliveries" gives
  the time there is, a most (the "at least" is the next clause's).
- "Between 20 and 60 loaves of bread" is a least and a most of the bread ("Each loaf of bread": the loaf is the
  bread's unit); "at least 10 and at most 30", and "a minimum of 15 pops and no more than 45", are the two ends
  of one range.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts (its slips included). No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import read_text


def test_a_goal_said_passively_is_named_before_its_direction() -> None:
    # "so that profit is maximized": the costs are tagged as a goal's name too
    text = ('A shop makes chairs and tables. Producing one chair costs $20 and producing one table costs $50. At '
            'most 40 items can be sold. Each chair brings a profit of $30, and each table brings $70. The shop '
            'can spend up to $1000. How many of each should be made so that profit is maximized?')
    marks = [("VAR", "chairs"), ("VAR", "tables"), ("VAR", "chair"), ("PARAM", "20"), ("VAR", "table"),
             ("OBJ_NAME", "costs"), ("PARAM", "50"), ("CONST_DIR", "At most"), ("LIMIT", "40"), ("VAR", "chair"),
             ("OBJ_NAME", "profit"), ("PARAM", "30"), ("VAR", "table"), ("PARAM", "70"), ("CONST_DIR", "up to"),
             ("LIMIT", "1000"), ("OBJ_NAME", "profit"), ("OBJ_DIR", "maximized")]
    goal, rows = read_text(text, marks)
    assert goal == "max 30 * chairs + 70 * tables"
    assert "20 * chairs + 50 * tables <= 1000" in rows


def test_the_cost_kept_at_a_minimum() -> None:
    # "to keep her cost at a minimum", "cost" untagged
    text = ('A dog needs protein and fat from two foods, kibble and stew. Each scoop of kibble has 6 units of '
            'protein and 2 units of fat and costs $1. Each can of stew has 4 units of protein and 5 units of fat '
            'and costs $3. The dog needs no fewer than 60 units of protein and no fewer than 40 units of fat a '
            'week. How many of each should the owner buy to keep her cost at a minimum?')
    marks = [("VAR", "kibble"), ("VAR", "stew"), ("PARAM", "6"), ("PARAM", "2"), ("OBJ_NAME", "costs"), ("PARAM", "1"),
             ("PARAM", "4"), ("PARAM", "5"), ("OBJ_NAME", "costs"), ("PARAM", "3"), ("CONST_DIR", "no fewer than"),
             ("LIMIT", "60"), ("CONST_DIR", "no fewer than"), ("LIMIT", "40"), ("OBJ_DIR", "minimum")]
    goal, rows = read_text(text, marks)
    assert goal == "min kibble + 3 * stew"


def test_what_follows_within_is_no_part_of_the_goal() -> None:
    # "the maximum exposure within the budget": the budget is no name of the goal
    text = ('A company advertises on radio and in magazines with a budget of $10000. A radio ad costs $500 and a '
            'magazine ad costs $800. Each radio ad reaches 2000 listeners and each magazine ad reaches 3500 '
            'readers. At least 3 radio ads must be bought. How many ads of each kind should be bought to get the '
            'maximum exposure within the budget?')
    marks = [("VAR", "radio"), ("CONST_DIR", "budget"), ("LIMIT", "10000"), ("VAR", "radio ad"), ("PARAM", "500"),
             ("VAR", "magazine ad"), ("PARAM", "800"), ("VAR", "radio ad"), ("LIMIT", "2000"),
             ("VAR", "magazine ad"), ("LIMIT", "3500"), ("CONST_DIR", "At least"), ("LIMIT", "3"),
             ("VAR", "radio"), ("VAR", "bought"), ("OBJ_DIR", "maximum"), ("OBJ_NAME", "exposure")]
    goal, rows = read_text(text, marks)
    assert goal == "max 2000 * radio + 3500 * magazine_ad"


def test_a_passive_goal_with_no_direction_tagged() -> None:
    # "so that the staff time used is minimized", with the costs tagged and no direction
    text = ('A clinic gives two treatments, A and B. Treatment A takes 30 minutes of staff time and costs $40. '
            'Treatment B takes 45 minutes of staff time and costs $25. The clinic must give at least 20 '
            'treatments in total, and at least 5 of treatment A. How many of each should be given so that the '
            'staff time used is minimized?')
    marks = [("VAR", "Treatment A"), ("PARAM", "30"), ("OBJ_NAME", "costs"), ("PARAM", "40"), ("VAR", "Treatment B"),
             ("PARAM", "45"), ("OBJ_NAME", "costs"), ("PARAM", "25"), ("CONST_DIR", "at least"), ("LIMIT", "20"),
             ("CONST_DIR", "at least"), ("LIMIT", "5")]
    goal, rows = read_text(text, marks)
    assert goal == "min 30 * treatment_a + 45 * treatment_b"


def test_the_profit_to_be_as_large_as_possible() -> None:
    # "The goal is for the profit to be as large as possible"
    text = ('A bakery makes muffins and scones. Making one muffin costs $2 and making one scone costs $3. The '
            'bakery can spend at most $300. Each muffin gives a profit of $1.5 and each scone gives $2.5. At most '
            '120 items can be baked. The goal is for the profit to be as large as possible.')
    marks = [("VAR", "muffins"), ("VAR", "scones"), ("VAR", "muffin"), ("PARAM", "2"), ("VAR", "scone"),
             ("OBJ_NAME", "costs"), ("PARAM", "3"), ("CONST_DIR", "at most"), ("LIMIT", "300"), ("VAR", "muffin"),
             ("OBJ_NAME", "profit"), ("PARAM", "1.5"), ("VAR", "scone"), ("PARAM", "2.5"),
             ("CONST_DIR", "At most"), ("LIMIT", "120"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert goal == "max 1.5 * muffins + 2.5 * scones"
    assert "2 * muffins + 3 * scones <= 300" in rows


def test_what_the_uses_come_out_of_is_their_stock() -> None:
    # ", out of 200 units of glue"
    text = ('A shop makes chairs and tables. Making a chair uses 4 units of glue and making a table uses 6 units '
            'of glue, out of 200 units of glue. A chair sells for a profit of $30 and a table for a profit of '
            '$50. How many of each maximize profit?')
    marks = [("VAR", "chairs"), ("VAR", "tables"), ("VAR", "chair"), ("PARAM", "4"), ("PARAM", "6"), ("LIMIT", "200"),
             ("VAR", "chair"), ("OBJ_NAME", "profit"), ("PARAM", "30"), ("OBJ_NAME", "profit"), ("PARAM", "50"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert "4 * chairs + 6 * tables <= 200" in rows


def test_one_decision_outnumbers_another_by_an_amount() -> None:
    # "Phones should outnumber tablets by at least 30"
    text = ('A store sells phones and tablets. Each phone gives a profit of $50 and each tablet $80. The store '
            'can stock at most 200 devices. Phones should outnumber tablets by at least 30. Maximize profit.')
    marks = [("VAR", "phones"), ("VAR", "tablets"), ("OBJ_NAME", "profit"), ("PARAM", "50"), ("VAR", "tablet"),
             ("PARAM", "80"), ("CONST_DIR", "at most"), ("LIMIT", "200"), ("VAR", "Phones"),
             ("CONST_DIR", "at least"), ("LIMIT", "30"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert "phones - tablets >= 30" in rows


def test_between_two_amounts_is_a_least_and_a_most() -> None:
    # "Between 20 and 60 loaves of bread": the unit "loaf" is said of the bread elsewhere
    text = ('A bakery makes bread and cakes. Each loaf of bread gives a profit of $3 and each cake $8. The oven '
            'can bake at most 100 items a day. Between 20 and 60 loaves of bread must be baked. Maximize profit.')
    marks = [("VAR", "bread"), ("VAR", "cakes"), ("OBJ_NAME", "profit"), ("PARAM", "3"), ("PARAM", "8"),
             ("CONST_DIR", "at most"), ("LIMIT", "100"), ("CONST_DIR", "At least"), ("LIMIT", "20"),
             ("CONST_DIR", "at most"), ("LIMIT", "60"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert "bread >= 20" in rows
    assert "bread <= 60" in rows


def test_at_least_and_at_most_joined_by_and() -> None:
    # "The number of cakes must be at least 10 and at most 30"
    text = ('A bakery makes bread and cakes. Each loaf of bread gives a profit of $3 and each cake $8. The oven '
            'can bake at most 100 items a day. The number of cakes must be at least 10 and at most 30. Maximize '
            'profit.')
    marks = [("VAR", "bread"), ("VAR", "cakes"), ("OBJ_NAME", "profit"), ("PARAM", "3"), ("PARAM", "8"),
             ("CONST_DIR", "at most"), ("LIMIT", "100"), ("VAR", "cakes"), ("CONST_DIR", "at least"),
             ("LIMIT", "10"), ("CONST_DIR", "at most"), ("LIMIT", "30"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert "cakes >= 10" in rows
    assert "cakes <= 30" in rows


def test_a_range_past_its_unit() -> None:
    # "For cherry, it needs to sell a minimum of 15 pops and no more than 45"
    text = ('A kiosk sells lemon pops and cherry pops. A lemon pop earns $1 and a cherry pop earns $1.25. The '
            'kiosk must sell at least 25 lemon pops. For cherry, it needs to sell a minimum of 15 pops and no '
            'more than 45. The freezer holds only 80 pops in total. Maximize profit.')
    marks = [("VAR", "lemon pops"), ("VAR", "cherry pops"), ("VAR", "lemon pop"), ("OBJ_NAME", "earns"), ("PARAM", "1"),
             ("VAR", "cherry pop"), ("OBJ_NAME", "earns"), ("PARAM", "1.25"), ("CONST_DIR", "at least"),
             ("LIMIT", "25"), ("VAR", "lemon pops"), ("VAR", "cherry"), ("CONST_DIR", "minimum"), ("LIMIT", "15"),
             ("CONST_DIR", "no more than"), ("LIMIT", "45"), ("CONST_DIR", "only"), ("LIMIT", "80"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert "cherry_pops >= 15" in rows
    assert "cherry_pops <= 45" in rows


def test_the_goal_is_what_a_stock_holds() -> None:
    # "uses 2 kWh per hour ... has 100 kWh of electricity ... minimize the electricity used"
    text = ('A bakery has two ovens. The small oven bakes 30 cookies an hour and the large oven bakes 50 cookies '
            'an hour. The small oven uses 2 kWh per hour and the large oven uses 4 kWh per hour. The bakery needs '
            'at least 1000 cookies and has 100 kWh of electricity. How many hours should each oven run to '
            'minimize the electricity used?')
    marks = [("PARAM", "30"), ("VAR", "large oven"), ("LIMIT", "50"), ("PARAM", "2"), ("VAR", "large oven"),
             ("PARAM", "4"), ("CONST_DIR", "at least"), ("LIMIT", "1000"), ("PARAM", "100"),
             ("OBJ_DIR", "minimize")]
    goal, rows = read_text(text, marks)
    assert goal == "min 2 * small_oven + 4 * large_oven"


def test_land_of_a_size_written_with_a_hyphen() -> None:
    # "a 400-acre farm" is the land the crops share
    text = ('A farmer has a 400-acre farm on which to grow barley and oats. Each acre of barley needs 3 hours of '
            'labor and each acre of oats needs 2 hours. There are 1000 hours of labor. Barley earns $120 an acre '
            'and oats $90 an acre. How many acres of each should be grown to maximize profit?')
    marks = [("CONST_DIR", "has"), ("LIMIT", "400"), ("VAR", "barley"), ("VAR", "oats"), ("VAR", "barley"),
             ("PARAM", "3"), ("VAR", "oats"), ("PARAM", "2"), ("LIMIT", "1000"), ("VAR", "Barley"),
             ("OBJ_NAME", "earns"), ("PARAM", "120"), ("VAR", "oats"), ("PARAM", "90"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert "barley + oats <= 400" in rows


def test_staying_under_an_amount_is_a_most() -> None:
    # "I need to hit at least 150 g of protein and stay under 2200 calories"
    text = ('I need to hit at least 150 g of protein and stay under 2200 calories a day using chicken and rice. '
            '100 g of chicken has 31 g protein and 165 calories; 100 g of rice has 3 g protein and 130 calories. '
            'Chicken is $1.10 per 100 g and rice is $0.20 per 100 g. How many 100 g portions of each minimize my '
            'cost?')
    marks = [("CONST_DIR", "at least"), ("LIMIT", "150"), ("LIMIT", "2200"), ("VAR", "chicken"), ("VAR", "rice"),
             ("PARAM", "100"), ("PARAM", "31"), ("PARAM", "165"), ("PARAM", "100"), ("PARAM", "3"),
             ("LIMIT", "130"), ("VAR", "Chicken"), ("PARAM", "1.10"), ("PARAM", "100"), ("VAR", "rice"),
             ("PARAM", "0.20"), ("PARAM", "100"), ("PARAM", "100"), ("OBJ_DIR", "minimize")]
    goal, rows = read_text(text, marks)
    assert "165 * chicken + 130 * rice <= 2200" in rows
    assert "31 * chicken + 3 * rice >= 150" in rows


def test_volunteers_for_so_many_hours_each() -> None:
    # "We have 6 volunteers for 2 hours each": 720 minutes between them, and the 6 is no limit of its own
    text = ('Our club packs gift boxes and card sets for a fair. A gift box takes 15 minutes and a card set 5 '
            'minutes. We have 6 volunteers for 2 hours each. We need at least 10 gift boxes. Gift boxes raise $12 '
            'and card sets $4. How many of each should we pack to raise the most money?')
    marks = [("VAR", "card sets"), ("VAR", "gift box"), ("PARAM", "15"), ("VAR", "card set"), ("PARAM", "5"),
             ("PARAM", "6"), ("PARAM", "2"), ("CONST_DIR", "at least"), ("LIMIT", "10"), ("VAR", "Gift boxes"),
             ("PARAM", "12"), ("VAR", "card sets"), ("PARAM", "4")]
    goal, rows = read_text(text, marks)
    assert "15 * gift_boxes + 5 * card_sets <= 720" in rows
    assert not any(r.endswith("<= 6") for r in rows)


def test_a_number_after_a_semicolon_with_its_unit_left_out() -> None:
    # "Glow uses 4 units of syrup a cup; Buzz uses 3."
    text = ('A cafe makes two drinks, Glow and Buzz. Glow uses 4 units of syrup a cup; Buzz uses 3. The syrup '
            'supply is 480 units. Glow earns $2.10 a cup and Buzz $1.80 a cup. Maximize profit.')
    marks = [("VAR", "Glow"), ("VAR", "Buzz"), ("VAR", "Glow"), ("PARAM", "4"), ("VAR", "Buzz"), ("PARAM", "3"),
             ("LIMIT", "480"), ("VAR", "Glow"), ("PARAM", "2.10"), ("VAR", "Buzz"), ("PARAM", "1.80"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert "4 * glow + 3 * buzz <= 480" in rows


def test_so_many_an_hour_is_a_rate() -> None:
    # "The saw can cut 12 stools an hour or 5 benches an hour, and it runs 30 hours a week"
    text = ('A workshop makes stools and benches on one saw. The saw can cut 12 stools an hour or 5 benches an '
            'hour, and it runs 30 hours a week. Each stool gives a profit of $15 and each bench $40. How many of '
            'each should be made to maximize profit?')
    marks = [("VAR", "stools"), ("VAR", "benches"), ("PARAM", "12"), ("PARAM", "5"), ("PARAM", "30"),
             ("VAR", "stool"), ("OBJ_NAME", "profit"), ("PARAM", "15"), ("VAR", "bench"), ("PARAM", "40"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert "0.0833333333333 * stools + 0.2 * benches <= 30" in rows


def test_the_hours_one_drives_and_a_cue_of_the_next_clause() -> None:
    # "I drive 8 hours a weekend and want at least 6 package deliveries": the time there is, a most; the "at least"
    # is the next clause's
    text = ('I do two kinds of deliveries on weekends: food and packages. A food delivery takes 20 minutes and '
            'pays $7; a package delivery takes 30 minutes and pays $9. I drive 8 hours a weekend and want at '
            'least 6 package deliveries. What mix gets me the most pay?')
    marks = [("VAR", "food"), ("VAR", "food delivery"), ("PARAM", "20"), ("PARAM", "7"),
             ("VAR", "package delivery"), ("PARAM", "30"), ("PARAM", "9"), ("PARAM", "8"),
             ("CONST_DIR", "at least"), ("LIMIT", "6"), ("VAR", "package deliveries")]
    goal, rows = read_text(text, marks)
    assert "20 * food + 30 * package_delivery <= 480" in rows
    assert "package_delivery >= 6" in rows


def test_the_production_of_one_kind_counts_it_alone() -> None:
    # "to maximize the production of deluxe chairs"
    text = ('A factory makes regular chairs and deluxe chairs. A regular chair takes 2 hours of labor and a '
            'deluxe chair takes 3 hours. There are 120 hours of labor. At least 10 regular chairs must be made, '
            'and the number of deluxe chairs must be at most the number of regular chairs. How many of each '
            'should be made to maximize the production of deluxe chairs?')
    marks = [("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("VAR", "regular chair"), ("PARAM", "2"),
             ("VAR", "deluxe chair"), ("PARAM", "3"), ("LIMIT", "120"), ("CONST_DIR", "At least"), ("LIMIT", "10"),
             ("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("CONST_DIR", "at most"),
             ("VAR", "regular chairs"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "production of deluxe chairs")]
    goal, _ = read_text(text, marks)
    assert goal == "max deluxe_chairs"


def test_a_count_said_passively_counts_the_kind_it_names() -> None:
    # "so that the number of deluxe chairs is maximized"
    text = ('A factory makes regular chairs and deluxe chairs. A regular chair takes 2 hours of labor and a '
            'deluxe chair takes 3 hours. There are 120 hours of labor. At least 10 regular chairs must be made, '
            'and the number of deluxe chairs must be at most the number of regular chairs. How many of each '
            'should be made so that the number of deluxe chairs is maximized?')
    marks = [("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("VAR", "regular chair"), ("PARAM", "2"),
             ("VAR", "deluxe chair"), ("PARAM", "3"), ("LIMIT", "120"), ("CONST_DIR", "At least"), ("LIMIT", "10"),
             ("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("CONST_DIR", "at most"),
             ("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("OBJ_DIR", "maximized")]
    goal, _ = read_text(text, marks)
    assert goal == "max deluxe_chairs"


def test_how_many_of_one_kind_at_most() -> None:
    # "How many deluxe chairs can the factory make at most?"
    text = ('A factory makes regular chairs and deluxe chairs. A regular chair takes 2 hours of labor and a '
            'deluxe chair takes 3 hours. There are 120 hours of labor. At least 10 regular chairs must be made, '
            'and the number of deluxe chairs must be at most the number of regular chairs. How many deluxe chairs '
            'can the factory make at most?')
    marks = [("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("VAR", "regular chair"), ("PARAM", "2"),
             ("VAR", "deluxe chair"), ("PARAM", "3"), ("LIMIT", "120"), ("CONST_DIR", "At least"), ("LIMIT", "10"),
             ("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("CONST_DIR", "at most"),
             ("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("CONST_DIR", "at most")]
    goal, _ = read_text(text, marks)
    assert goal == "max deluxe_chairs"


def test_one_kinds_output() -> None:
    # "to maximize deluxe chair output"
    text = ('A factory makes regular chairs and deluxe chairs. A regular chair takes 2 hours of labor and a '
            'deluxe chair takes 3 hours. There are 120 hours of labor. At least 10 regular chairs must be made, '
            'and the number of deluxe chairs must be at most the number of regular chairs. How many of each '
            'should be made to maximize deluxe chair output?')
    marks = [("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("VAR", "regular chair"), ("PARAM", "2"),
             ("VAR", "deluxe chair"), ("PARAM", "3"), ("LIMIT", "120"), ("CONST_DIR", "At least"), ("LIMIT", "10"),
             ("VAR", "regular chairs"), ("VAR", "deluxe chairs"), ("CONST_DIR", "at most"),
             ("VAR", "regular chairs"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "deluxe chair output")]
    goal, _ = read_text(text, marks)
    assert goal == "max deluxe_chairs"


def test_the_use_of_one_kind() -> None:
    # "The company wants to minimize the use of night shifts."
    text = ('A company runs day shifts and night shifts at its warehouse. A day shift moves 400 packages and a '
            'night shift moves 300 packages. At least 6000 packages must be moved each week. There can be at most '
            '12 day shifts. The company wants to minimize the use of night shifts.')
    marks = [("VAR", "night"), ("VAR", "day shift"), ("LIMIT", "400"), ("VAR", "night shift"), ("PARAM", "300"),
             ("CONST_DIR", "At least"), ("LIMIT", "6000"), ("CONST_DIR", "at most"), ("LIMIT", "12"),
             ("OBJ_DIR", "minimize")]
    goal, _ = read_text(text, marks)
    assert goal == "min night_shifts"


def test_land_shared_by_a_list_of_three() -> None:
    # "grows wheat, corn, and soybeans on 500 acres": the commas list the names, they end no clause; "wheat, and corn
    # can be at most 40%" still opens a clause of its own
    text = ('A farmer grows wheat, corn, and soybeans on 500 acres. Wheat earns $200 per acre, corn $300 per '
            'acre, and soybeans $250 per acre. Wheat needs 2 hours of labor per acre, corn 4 hours, and soybeans '
            '3 hours; 1600 hours of labor are available. At least 100 acres must be wheat, and corn can be at '
            'most 40% of the land planted. How many acres of each should be planted to maximize profit?')
    marks = [("VAR", "corn"), ("LIMIT", "500"), ("VAR", "Wheat"), ("OBJ_NAME", "earns"), ("PARAM", "200"),
             ("VAR", "corn"), ("PARAM", "300"), ("PARAM", "250"), ("VAR", "Wheat"), ("PARAM", "2"),
             ("VAR", "corn"), ("PARAM", "4"), ("PARAM", "3"), ("LIMIT", "1600"), ("CONST_DIR", "At least"),
             ("LIMIT", "100"), ("VAR", "wheat"), ("VAR", "corn"), ("CONST_DIR", "at most"), ("LIMIT", "40 %"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "wheat + corn + soybeans <= 500" in rows
    assert "corn <= 0.4 * (wheat + corn + soybeans)" in rows


def test_money_split_among_the_decisions_and_what_goes_to_one() -> None:
    # "splits $80000 among stocks, bonds, and a savings account ... At least $10000 must go to savings"
    text = ('An investor splits $80000 among stocks, bonds, and a savings account, returning 8%, 5%, and 2% '
            'respectively. At least $10000 must go to savings. The amount in stocks cannot exceed the amount in '
            'bonds. At most half of the money can go into stocks and bonds combined. Maximize the annual return.')
    marks = [("LIMIT", "80000"), ("VAR", "bonds"), ("VAR", "savings account"), ("PARAM", "8 %"), ("PARAM", "5 %"),
             ("PARAM", "2 %"), ("CONST_DIR", "At least"), ("LIMIT", "10000"), ("VAR", "stocks"),
             ("CONST_DIR", "cannot exceed"), ("VAR", "bonds"), ("CONST_DIR", "At most"), ("LIMIT", "half"),
             ("VAR", "stocks"), ("VAR", "bonds"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "return")]
    _, rows = read_text(text, marks)
    assert "stocks + bonds + savings_account <= 80000" in rows
    assert "savings_account >= 10000" in rows


def test_a_clause_after_and_with_its_own_subject() -> None:
    # "At most 500 kg can go by air and rail must carry at least twice as much as truck": the 500 is the air's alone
    text = ('A company ships by air, rail, and truck. Air costs $10 per kg, rail $3 per kg, and truck $5 per kg. '
            'At least 2000 kg must be shipped. At most 500 kg can go by air and rail must carry at least twice as '
            'much as truck. Minimize shipping cost.')
    marks = [("VAR", "air"), ("VAR", "rail"), ("VAR", "truck"), ("VAR", "Air"), ("OBJ_NAME", "costs"),
             ("PARAM", "10"), ("PARAM", "3"), ("PARAM", "5"), ("CONST_DIR", "At least"), ("LIMIT", "2000"),
             ("CONST_DIR", "At most"), ("LIMIT", "500"), ("VAR", "air"), ("VAR", "rail"),
             ("CONST_DIR", "at least"), ("PARAM", "twice"), ("VAR", "truck"), ("OBJ_DIR", "Minimize"),
             ("OBJ_NAME", "cost")]
    _, rows = read_text(text, marks)
    assert "air <= 500" in rows
    assert "rail >= 2 * truck" in rows


def test_so_many_of_each_type() -> None:
    # "At least 2 ads of each type are required": a least of every kind, not of their sum
    text = ('A firm advertises on TV, radio, and newspapers. A TV ad costs $5000 and reaches 100000 people, a '
            'radio ad costs $1200 and reaches 30000 people, and a newspaper ad costs $800 and reaches 15000 '
            'people. The budget is $40000. At least 2 ads of each type are required. Maximize the number of '
            'people reached.')
    marks = [("VAR", "TV"), ("VAR", "radio"), ("VAR", "newspapers"), ("VAR", "TV ad"), ("PARAM", "5000"),
             ("PARAM", "100000"), ("VAR", "radio ad"), ("PARAM", "1200"), ("PARAM", "30000"),
             ("VAR", "newspaper ad"), ("PARAM", "800"), ("PARAM", "15000"), ("CONST_DIR", "budget"),
             ("LIMIT", "40000"), ("CONST_DIR", "At least"), ("LIMIT", "2"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "number of people")]
    _, rows = read_text(text, marks)
    assert {"tv >= 2", "radio >= 2", "newspapers >= 2"} <= set(rows)


def test_a_bound_in_the_clause_after_and() -> None:
    # "At least 20 laptops must be stocked and tablets can be at most 60": the 60 is the tablets' alone
    text = ('A store sells laptops and tablets. Each laptop gives a profit of $200 and each tablet $120. The '
            'store can stock at most 100 devices. At least 20 laptops must be stocked and tablets can be at most '
            '60. Maximize profit.')
    marks = [("VAR", "laptops"), ("VAR", "tablets"), ("VAR", "laptop"), ("OBJ_NAME", "profit"), ("PARAM", "200"),
             ("VAR", "tablet"), ("PARAM", "120"), ("CONST_DIR", "at most"), ("LIMIT", "100"),
             ("CONST_DIR", "At least"), ("LIMIT", "20"), ("VAR", "laptops"), ("VAR", "tablets"),
             ("CONST_DIR", "at most"), ("LIMIT", "60"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "tablets <= 60" in rows
    assert "laptops >= 20" in rows


def test_a_bound_before_and_a_clause_of_its_own() -> None:
    # "There must be at least 20 laptops and the tablets cannot exceed 50": not "20 laptops and tablets" together
    text = ('A store sells laptops and tablets. Each laptop gives a profit of $200 and each tablet $120. The '
            'store can stock at most 100 devices. There must be at least 20 laptops and the tablets cannot exceed '
            '50. Maximize profit.')
    marks = [("VAR", "laptops"), ("VAR", "tablets"), ("VAR", "laptop"), ("OBJ_NAME", "profit"), ("PARAM", "200"),
             ("VAR", "tablet"), ("PARAM", "120"), ("CONST_DIR", "at most"), ("LIMIT", "100"),
             ("CONST_DIR", "at least"), ("LIMIT", "20"), ("VAR", "laptops"), ("VAR", "tablets"),
             ("CONST_DIR", "cannot exceed"), ("LIMIT", "50"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "laptops >= 20" in rows
    assert "tablets <= 50" in rows


def test_bounds_said_respectively() -> None:
    # "At least 20 and 10 acres must be given to apples and pears respectively"
    text = ('A farm grows apples and pears. Each acre of apples earns $500 and each acre of pears $400. The farm '
            'has 100 acres. At least 20 and 10 acres must be given to apples and pears respectively. Maximize '
            'profit.')
    marks = [("VAR", "apples"), ("VAR", "pears"), ("VAR", "apples"), ("OBJ_NAME", "earns"), ("PARAM", "500"),
             ("VAR", "pears"), ("PARAM", "400"), ("CONST_DIR", "has"), ("LIMIT", "100"), ("CONST_DIR", "At least"),
             ("LIMIT", "20"), ("LIMIT", "10"), ("VAR", "apples"), ("VAR", "pears"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "apples >= 20" in rows
    assert "pears >= 10" in rows


def test_bounds_said_respectively_tagged_as_coefficients() -> None:
    # "The minimum acreage for apples and pears is 20 and 10 acres, respectively", the numbers tagged PARAM
    text = ('A farm grows apples and pears. Each acre of apples earns $500 and each acre of pears $400. The farm '
            'has 100 acres. The minimum acreage for apples and pears is 20 and 10 acres, respectively. Maximize '
            'profit.')
    marks = [("VAR", "apples"), ("VAR", "pears"), ("VAR", "apples"), ("OBJ_NAME", "earns"), ("PARAM", "500"),
             ("VAR", "pears"), ("PARAM", "400"), ("CONST_DIR", "has"), ("LIMIT", "100"), ("CONST_DIR", "minimum"),
             ("VAR", "apples"), ("VAR", "pears"), ("PARAM", "20"), ("PARAM", "10"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "apples >= 20" in rows
    assert "pears >= 10" in rows


def test_demands_said_respectively() -> None:
    # "The maximum demand for desks and chairs is 30 and 100 units, respectively"
    text = ('A factory makes desks and chairs. Each desk earns $50 and each chair $20. The factory has 400 hours; '
            'a desk takes 8 hours and a chair 2 hours. The maximum demand for desks and chairs is 30 and 100 '
            'units, respectively. Maximize profit.')
    marks = [("VAR", "desks"), ("VAR", "chairs"), ("VAR", "desk"), ("OBJ_NAME", "earns"), ("PARAM", "50"),
             ("VAR", "chair"), ("PARAM", "20"), ("LIMIT", "400"), ("VAR", "desk"), ("PARAM", "8"),
             ("VAR", "chair 2"), ("VAR", "desks"), ("VAR", "chairs"), ("PARAM", "30"), ("LIMIT", "100"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "desks <= 30" in rows
    assert "chairs <= 100" in rows


def test_a_clause_after_while_with_its_own_subject() -> None:
    # "At most 500 kg can go by air while rail must carry at least 800 kg": the 500 is the air's alone
    text = ('A company ships by air, rail, and truck. Air costs $10 per kg, rail $3 per kg, and truck $5 per kg. '
            'At least 2000 kg must be shipped. At most 500 kg can go by air while rail must carry at least 800 '
            'kg. Minimize shipping cost.')
    marks = [("VAR", "air"), ("VAR", "rail"), ("VAR", "truck"), ("VAR", "Air"), ("OBJ_NAME", "costs"),
             ("PARAM", "10"), ("PARAM", "3"), ("PARAM", "5"), ("CONST_DIR", "At least"), ("LIMIT", "2000"),
             ("CONST_DIR", "At most"), ("LIMIT", "500"), ("VAR", "air"), ("CONST_DIR", "at least"),
             ("LIMIT", "800"), ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "shipping cost")]
    _, rows = read_text(text, marks)
    assert "air <= 500" in rows
    assert "rail >= 800" in rows


def test_a_clause_after_and_with_a_verb_of_the_present() -> None:
    # "At most 500 kg goes by air and rail carries at least 800 kg"
    text = ('A company ships by air, rail, and truck. Air costs $10 per kg, rail $3 per kg, and truck $5 per kg. '
            'At least 2000 kg must be shipped. At most 500 kg goes by air and rail carries at least 800 kg. '
            'Minimize shipping cost.')
    marks = [("VAR", "air"), ("VAR", "rail"), ("VAR", "truck"), ("VAR", "Air"), ("OBJ_NAME", "costs"),
             ("PARAM", "10"), ("PARAM", "3"), ("PARAM", "5"), ("CONST_DIR", "At least"), ("LIMIT", "2000"),
             ("CONST_DIR", "At most"), ("LIMIT", "500"), ("VAR", "air"), ("VAR", "rail"),
             ("CONST_DIR", "at least"), ("LIMIT", "800"), ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "shipping cost")]
    _, rows = read_text(text, marks)
    assert "air <= 500" in rows
    assert "rail >= 800" in rows


def test_two_bounds_each_with_its_own_verb() -> None:
    # "It sells at least 20 laptops and tablets sell at most 60 units"
    text = ('A store sells laptops and tablets. Each laptop gives a profit of $200 and each tablet $120. The '
            'store can stock at most 100 devices. It sells at least 20 laptops and tablets sell at most 60 units. '
            'Maximize profit.')
    marks = [("VAR", "laptops"), ("VAR", "tablets"), ("VAR", "laptop"), ("OBJ_NAME", "profit"), ("PARAM", "200"),
             ("VAR", "tablet"), ("PARAM", "120"), ("CONST_DIR", "at most"), ("LIMIT", "100"),
             ("CONST_DIR", "at least"), ("LIMIT", "20"), ("VAR", "laptops"), ("VAR", "tablets"),
             ("CONST_DIR", "at most"), ("LIMIT", "60"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "laptops >= 20" in rows
    assert "tablets <= 60" in rows


def test_money_spent_on_one_kind() -> None:
    # "The total budget is $20000, and at most $5000 can be spent on radio ads": the radio ads' own row
    text = ('A company advertises on radio and TV. A radio ad costs $500 and reaches 2000 people; a TV ad costs '
            '$2000 and reaches 10000 people. The total budget is $20000, and at most $5000 can be spent on radio '
            'ads. Maximize the people reached.')
    marks = [("VAR", "radio"), ("VAR", "TV"), ("VAR", "radio ad"), ("PARAM", "500"), ("PARAM", "2000"),
             ("VAR", "TV ad"), ("PARAM", "2000"), ("PARAM", "10000"), ("CONST_DIR", "budget"), ("LIMIT", "20000"),
             ("CONST_DIR", "at most"), ("LIMIT", "5000"), ("VAR", "radio"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "people reached")]
    _, rows = read_text(text, marks)
    assert "500 * radio + 2000 * tv <= 20000" in rows
    assert "500 * radio <= 5000" in rows


def test_money_spent_on_one_kind_named_short() -> None:
    # "The company wants to spend no more than $6000 on TV", "TV" untagged
    text = ('A company advertises on radio and TV. A radio ad costs $500 and reaches 2000 people; a TV ad costs '
            '$2000 and reaches 10000 people. The total budget is $20000. The company wants to spend no more than '
            '$6000 on TV. Maximize the people reached.')
    marks = [("VAR", "radio"), ("VAR", "TV"), ("VAR", "radio ad"), ("PARAM", "500"), ("PARAM", "2000"),
             ("VAR", "TV ad"), ("PARAM", "2000"), ("PARAM", "10000"), ("CONST_DIR", "budget"), ("LIMIT", "20000"),
             ("CONST_DIR", "no more than"), ("LIMIT", "6000"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "people reached")]
    _, rows = read_text(text, marks)
    assert "500 * radio + 2000 * tv <= 20000" in rows
    assert "2000 * tv <= 6000" in rows


def test_millions_beside_money_written_in_full() -> None:
    # "$2 million to spend ... Each park costs $200000 ... no more than $1 million for libraries"
    text = ('A city has $2 million to spend on parks and libraries. Each park costs $200000 and serves 5000 '
            'residents; each library costs $500000 and serves 15000 residents. At least 2 parks must be built, '
            'and the city will earmark no more than $1 million for libraries. Maximize residents served.')
    marks = [("CONST_DIR", "has"), ("LIMIT", "2000000"), ("VAR", "parks"), ("VAR", "libraries"), ("VAR", "park"),
             ("PARAM", "200000"), ("PARAM", "5000"), ("PARAM", "500000"), ("VAR", "serves"), ("LIMIT", "15000"),
             ("CONST_DIR", "At least"), ("LIMIT", "2"), ("VAR", "parks"), ("CONST_DIR", "earmark no more than"),
             ("LIMIT", "1000000"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "residents served")]
    _, rows = read_text(text, marks)
    assert "200000 * parks + 500000 * libraries <= 2000000" in rows
    assert "500000 * libraries <= 1000000" in rows


def test_money_toward_one_kind_beside_a_group_of_earnings() -> None:
    # "At most $3000 can go toward corn seed", seed priced per acre and earnings per acre given too: the seed prices
    text = ('A farmer can spend $5000 on seeds for corn and beans. Corn seed costs $40 per acre and bean seed $30 '
            'per acre. The farm has 150 acres. At most $3000 can go toward corn seed. Corn earns $300 per acre '
            'and beans $200 per acre. Maximize profit.')
    marks = [("LIMIT", "5000"), ("VAR", "corn"), ("VAR", "beans"), ("VAR", "Corn seed"), ("OBJ_NAME", "costs"),
             ("PARAM", "40"), ("VAR", "bean seed"), ("PARAM", "30"), ("CONST_DIR", "has"), ("LIMIT", "150"),
             ("CONST_DIR", "At most"), ("LIMIT", "3000"), ("VAR", "corn seed"), ("VAR", "Corn"),
             ("OBJ_NAME", "earns"), ("PARAM", "300"), ("VAR", "beans"), ("PARAM", "200"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "40 * corn + 30 * beans <= 5000" in rows
    assert "40 * corn <= 3000" in rows


def test_a_bare_list_of_numbers_in_the_decisions_order() -> None:
    # "Profits are $50, $30, and $45 per batch", no name in the sentence: one number for each decision, in order
    text = ('A chemical plant produces three solutions: A, B, and C. They need 4, 2, and 3 liters of water per '
            'batch, respectively, and 300 liters of water are available. The plant must make at least 10 batches '
            'of A and at most 40 of C. Profits are $50, $30, and $45 per batch. Maximize profit.')
    marks = [("VAR", "A"), ("VAR", "B"), ("VAR", "C"), ("PARAM", "4"), ("PARAM", "2"), ("PARAM", "3"),
             ("LIMIT", "300"), ("CONST_DIR", "available"), ("CONST_DIR", "at least"), ("LIMIT", "10"),
             ("CONST_DIR", "at most"), ("LIMIT", "40"), ("OBJ_NAME", "Profits"), ("PARAM", "50"), ("PARAM", "30"),
             ("PARAM", "45"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, _ = read_text(text, marks)
    assert goal == "max 50 * a + 30 * b + 45 * c"


def test_a_stock_after_with_is_what_the_sentence_opens_on() -> None:
    # "Fertilizer needs per acre are 3, 2, and 1 units respectively, with 600 units available": the fertilizer's
    # stock; "At least 50 acres must be barley" is the barley's bound, not the fertilizer row
    text = ('A farmer grows corn, wheat, and barley on 300 acres. The profit per acre is $120 for corn, $90 for '
            'wheat, and $70 for barley. Fertilizer needs per acre are 3, 2, and 1 units respectively, with 600 '
            'units available. At least 50 acres must be barley. Maximize profit.')
    marks = [("VAR", "wheat"), ("LIMIT", "300"), ("OBJ_NAME", "profit"), ("VAR", "acre"), ("PARAM", "120"),
             ("VAR", "corn"), ("PARAM", "90"), ("PARAM", "70"), ("PARAM", "3"), ("PARAM", "2"), ("PARAM", "1"),
             ("LIMIT", "600"), ("CONST_DIR", "At least"), ("LIMIT", "50"), ("VAR", "barley"),
             ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = read_text(text, marks)
    assert "3 * corn + 2 * wheat + barley <= 600" in rows
    assert "barley >= 50" in rows


def test_the_most_money_is_the_price_less_the_cost() -> None:
    # "Hot dogs cost us $0.75 each ... We sell hot dogs for $2 ... to make the most money": what is made is the margin
    text = ("We're planning a school fundraiser selling hot dogs and burgers. Hot dogs cost us $0.75 each and "
            'burgers cost $1.50. We sell hot dogs for $2 and burgers for $4. Our budget for food is $300, and the '
            'grill can cook at most 250 items. How many of each should we buy to make the most money?')
    marks = [("VAR", "hot dogs"), ("VAR", "burgers"), ("VAR", "Hot dogs"), ("PARAM", "0.75"), ("VAR", "burgers"),
             ("PARAM", "1.50"), ("VAR", "hot dogs"), ("PARAM", "2"), ("VAR", "burgers"), ("PARAM", "4"),
             ("PARAM", "300"), ("CONST_DIR", "at most"), ("LIMIT", "250")]
    goal, rows = read_text(text, marks)
    assert goal == "max 1.25 * hot_dogs + 2.5 * burgers"
    assert "0.75 * hot_dogs + 1.5 * burgers <= 300" in rows
