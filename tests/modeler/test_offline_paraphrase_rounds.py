"""Offline modeler: rules from rounds on NL4Opt training problems said in other words (para5 to para7, v44).

- A negated comparison with any verb between ("The courier cannot send more vans than bikes") is a most.
- ", and neither machine can be used for more than 300 minutes": the clause's joining word is no part of its
  negated subject, so "more than" is a most (it read as a least).
- "The crew owns one mower, one blower and one trimmer, and none of them can be used for more than 400 minutes":
  "them" are the resources named before (no decision), so each resource's row gets the limit.
- "Each of the two machines", the machines named "peeling-machine" and "mixing-machine": each its own limit, not
  a group of two whose needs add up (the limit was doubled).
- "6 minutes on the molding machine plus 2 minutes of sanding": "plus" joins two amounts as "and" does.
- "The design team can work no more than 40 hours, the printing team no more than 30 hours, and ...": a limit in
  a list that says its verb once reads its own short name past its direction words.
- "has up to $50000 to commit for 18 months": how long money is committed is no limit.
- "Every dollar placed in the water fund returns 5%" is a rate, not "every dollar must be placed" (an equality).
- "no more than 60% should go to the solar fund", "it will put no more than 30% of the amount lent there": the
  share of the fund the money goes to, or of the place just named.
- "and each vehicle of either kind uses 2 tonnes of steel": a coefficient of every decision.
- "she makes $2 profit on each ... the money she puts into flowers cannot exceed $4000": a spending limit takes
  the costs, not the profit (a story's "she" is no word of either).
- "Every bagel sold loses $0.5": that kind counts against the profit.
- "where neither x1 nor x2 can be less than 0" is the sign bound every decision has (it read as a sum at most 0).
- "Neither type can be kicked more than 10 times": "neither type" is no decision.
- "Each needs 2 hours of oven time and 40 hours are available": a pronoun for every kind opens the clause, so the
  2 is a coefficient of them all (it was read as a limit).
- "no fewer than 4 units of scent ... its scent cannot exceed 9 units": two limits of opposite direction on the same
  measure, no unit read, both take its row.
- "makes banana smoothies and kiwi smoothies from its 20000 ml of yogurt": what they are made from, its own, is
  a stock (it was taken for a coefficient, and the text refused).

- "at least 20 units of each vitamin", "no less than 18 grams each of protein and of calcium": one limit for
  every nutrient named.
- "cannot use more than 80 units of milk or more than 50 units of coffee": the second "more than" is a second
  limit, not "80 ... or more"; "no larger than the amount in bonds" is a most.
- "Harvest takes 1.5 days per acre of beans and 1 day per acre of squash, with at most 90 days a year available
  for it": a limit closing a sentence of what each one takes is that group's.
- "on his field of 150 acres" is the land they share; "Weekly output is also capped at 300 lids and 250 trays"
  bounds each; "no more than the 1000 grams of flour it has" is a stock, not the size of a portion.
- "will put exactly $100,000 into gold and silver, whose returns are 3% and 5%": the sum is split among them.
- "Package 1 holds 5 jams ..., while Package 2 holds 4 jams": the names keep their numbers.
- "Cooking takes 6 minutes for a breakfast and 9 for a lunch; packing takes 2 minutes and 4 minutes,
  respectively": the "respectively" clause pairs its own numbers, and "for a breakfast" names the one the rate is
  for, not a material of its own; "and each one takes time to slice" is a pronoun.
- "On the oven, a bagel takes 3 minutes ...; on the mixer, ...": the place opening each clause is where its
  numbers are spent.
- "With $400 to spend, how many trips ...": a sum there is to spend is a most; "Lavender sells better, but its
  acreage cannot be more than three times the sage acreage": "its" is lavender's; "the textile sector" and "the
  textile portion" are "the textiles industry" again; "whatever goes into tourism has to be no less than twice the
  mining amount" compares the two.
- "Sanding: 15 minutes per oak chair and 10 minutes per pine chair, with no more than 600 minutes available": a
  row of rates per named item is a resource (no decision), and the stock closing it is its own.
- "Lemon candy sales must be between 40 and 90, and mint candy sales between 30 and 70": each range ends at its own
  clause; "and the outer throws may not exceed 10 either": a closing "either" is "too", not a total; "the amount
  she puts into it must be at least 2 times the amount she puts into the coffee company": "it" is the one named
  before.
- "in two shops, one run by Lena and one run by Omar": "one" is a pronoun; "and has no more than $300000 to invest"
  is the sum all the options share; "has 40 candles, 60 soaps and 30 mugs it wants to clear out" are stocks.
- "a minimum of 12 mg apiece of iron and zinc" limits both; "Lime sorbet sales at least 15 and at most 40" count
  the lime sorbets (the sales of a named kind earn nothing).

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import read_text


def test_a_negated_more_than_with_any_verb_is_a_most() -> None:
    text = ('A courier sends parcels by vans and by bikes. A van carries 40 parcels and a bike carries 6 parcels. '
            'A van trip costs $60 and a bike trip costs $15. The budget is $900. The courier cannot send more '
            'vans than bikes. How many of each should be sent to carry the most parcels?')
    marks = [('VAR', 'vans'), ('VAR', 'bikes'), ('VAR', 'van'), ('PARAM', '40'), ('VAR', 'bike'),
             ('PARAM', '6'), ('VAR', 'van trip'), ('PARAM', '60'), ('VAR', 'bike trip'), ('PARAM', '15'),
             ('CONST_DIR', 'budget'), ('LIMIT', '900'), ('VAR', 'vans'), ('VAR', 'bikes')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 40 * vans + 6 * bikes'
    assert rows == ['60 * vans + 15 * bikes <= 900', 'vans <= bikes']


def test_neither_after_and_turns_more_than_into_a_most() -> None:
    text = ('A workshop makes lamps and stools. Both go through a drill press and a lathe, and neither machine '
            'can be used for more than 300 minutes a day. A lamp needs 4 minutes on the drill press and 6 minutes '
            'on the lathe. A stool needs 5 minutes on the drill press and 2 minutes on the lathe. A lamp earns $9 '
            'and a stool earns $7. How many of each maximize profit?')
    marks = [('VAR', 'lamps'), ('VAR', 'stools'), ('CONST_DIR', 'can be used for more than'),
             ('LIMIT', '300'), ('VAR', 'lamp'), ('PARAM', '4'), ('PARAM', '6'), ('VAR', 'stool'),
             ('PARAM', '5'), ('PARAM', '2'), ('VAR', 'lamp'), ('OBJ_NAME', 'earns'), ('PARAM', '9'),
             ('VAR', 'stool'), ('OBJ_NAME', 'earns'), ('PARAM', '7'), ('OBJ_DIR', 'maximize'),
             ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 9 * lamps + 7 * stools'
    assert rows == ['4 * lamps + 5 * stools <= 300', '6 * lamps + 2 * stools <= 300']


def test_none_of_them_after_resources_limits_each_resource() -> None:
    text = ('A crew cleans two parks. Each hour in the east park earns $30 and each hour in the west park earns '
            '$25. The crew owns one mower, one blower and one trimmer, and none of them can be used for more than '
            '400 minutes a day. An hour in the east park needs 20 minutes of mower time, 10 minutes of blower '
            'time and 15 minutes of trimmer time. An hour in the west park needs 10 minutes of mower time, 25 '
            'minutes of blower time and 5 minutes of trimmer time. How many hours should the crew spend in each '
            'park to earn the most?')
    marks = [('VAR', 'east park'), ('OBJ_NAME', 'earns'), ('PARAM', '30'), ('VAR', 'west park'),
             ('OBJ_NAME', 'earns'), ('PARAM', '25'), ('CONST_DIR', 'can be used for more than'),
             ('LIMIT', '400'), ('VAR', 'east park'), ('PARAM', '20'), ('PARAM', '10'), ('PARAM', '15'),
             ('VAR', 'west park'), ('PARAM', '10'), ('PARAM', '25'), ('PARAM', '5')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 30 * east_park + 25 * west_park'
    assert rows == ['10 * east_park + 25 * west_park <= 400', '15 * east_park + 5 * west_park <= 400', '20 * east_park + 10 * west_park <= 400']


def test_each_of_two_machines_named_by_hyphened_words_is_no_head_count() -> None:
    text = ('A juice bar sells mango shakes and berry shakes. A mango shake needs 3 minutes of peeling-machine '
            'time and 2 minutes of mixing-machine time; a berry shake needs 1 minute of peeling and 4 minutes of '
            'mixing. Each of the two machines can be used for no more than 600 minutes a day. The bar earns $4 '
            'per mango shake and $5 per berry shake. How many of each maximize profit?')
    marks = [('VAR', 'mango shakes'), ('VAR', 'berry shakes'), ('VAR', 'mango shake'), ('PARAM', '3'),
             ('PARAM', '2'), ('VAR', 'berry shake'), ('PARAM', '1'), ('PARAM', '4'),
             ('CONST_DIR', 'no more than'), ('LIMIT', '600'), ('OBJ_NAME', 'earns'), ('PARAM', '4'),
             ('VAR', 'mango shake'), ('PARAM', '5'), ('VAR', 'berry shake'), ('OBJ_DIR', 'maximize'),
             ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 4 * mango_shakes + 5 * berry_shakes'
    assert rows == ['2 * mango_shakes + 4 * berry_shakes <= 600', '3 * mango_shakes + berry_shakes <= 600']


def test_plus_joins_two_amounts_as_and_does() -> None:
    text = ('A plant makes kayaks and canoes. A kayak needs 6 minutes on the molding machine plus 2 minutes of '
            'sanding; a canoe needs 9 minutes on the machine plus 3 minutes of sanding. The molding machine can '
            'be run for no more than 900 minutes, and 400 minutes are available for sanding. A kayak earns $50 '
            'and a canoe earns $70. How many of each maximize profit?')
    marks = [('VAR', 'kayaks'), ('VAR', 'canoes'), ('VAR', 'kayak'), ('PARAM', '6'), ('PARAM', '2'),
             ('PARAM', '9'), ('PARAM', '3'), ('CONST_DIR', 'no more than'), ('LIMIT', '900'),
             ('LIMIT', '400'), ('CONST_DIR', 'available'), ('VAR', 'kayak'), ('OBJ_NAME', 'earns'),
             ('PARAM', '50'), ('OBJ_NAME', 'earns'), ('PARAM', '70'), ('OBJ_DIR', 'maximize'),
             ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 50 * kayaks + 70 * canoes'
    assert rows == ['2 * kayaks + 3 * canoes <= 400', '6 * kayaks + 9 * canoes <= 900']


def test_a_list_of_limits_with_one_verb_reads_each_name() -> None:
    text = ('A print shop makes posters and banners. A poster takes 0.2 hours of design, 0.1 hours of printing '
            'and 0.3 hours of framing; a banner takes 0.5 hours of design, 0.4 hours of printing and 0.2 hours of '
            'framing. The design team can work no more than 40 hours, the printing team no more than 30 hours, '
            'and the framing team no more than 35 hours. A poster earns $8 and a banner earns $15. How many of '
            'each maximize profit?')
    marks = [('VAR', 'posters'), ('VAR', 'banners'), ('VAR', 'poster'), ('PARAM', '0.2'), ('PARAM', '0.1'),
             ('PARAM', '0.3'), ('VAR', 'banner'), ('PARAM', '0.5'), ('PARAM', '0.4'), ('PARAM', '0.2'),
             ('CONST_DIR', 'no more than'), ('LIMIT', '40'), ('CONST_DIR', 'no more than'), ('LIMIT', '30'),
             ('CONST_DIR', 'no more than'), ('LIMIT', '35'), ('OBJ_NAME', 'earns'), ('PARAM', '8'),
             ('VAR', 'banner'), ('OBJ_NAME', 'earns'), ('PARAM', '15'), ('OBJ_DIR', 'maximize'),
             ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 8 * posters + 15 * banners'
    assert rows == ['0.1 * posters + 0.4 * banners <= 30', '0.2 * posters + 0.5 * banners <= 40', '0.3 * posters + 0.2 * banners <= 35']


def test_months_money_is_committed_for_are_no_limit() -> None:
    text = ('A charity has up to $50000 to commit for 18 months. Bonds return 3% and stocks return 7%. No less '
            'than 40% of the total must go to bonds. How should the money be split to maximize the return?')
    marks = [('CONST_DIR', 'up to'), ('LIMIT', '50000'), ('LIMIT', '18'), ('VAR', 'Bonds'),
             ('OBJ_NAME', 'return'), ('PARAM', '3 %'), ('VAR', 'stocks'), ('OBJ_NAME', 'return'),
             ('PARAM', '7 %'), ('CONST_DIR', 'No less than'), ('LIMIT', '40 %'), ('VAR', 'bonds'),
             ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'return')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.03 * bonds + 0.07 * stocks'
    assert rows == ['bonds + stocks <= 50000', 'bonds >= 0.4 * (bonds + stocks)']


def test_every_dollar_placed_is_a_rate_and_a_share_going_to_a_fund_is_its_share() -> None:
    text = ('Ana plans to put up to $30000 into two funds: a water fund and a solar fund. Every dollar placed in '
            'the water fund returns 5%, and every dollar placed in the solar fund returns 8%. No less than 25% of '
            'the money should go to the water fund and no more than 60% should go to the solar fund. How should '
            'she divide the money to earn the largest return?')
    marks = [('CONST_DIR', 'up to'), ('LIMIT', '30000'), ('VAR', 'water fund'), ('VAR', 'solar fund'),
             ('VAR', 'water fund'), ('OBJ_NAME', 'returns'), ('PARAM', '5 %'), ('VAR', 'solar fund'),
             ('OBJ_NAME', 'returns'), ('PARAM', '8 %'), ('CONST_DIR', 'No less than'), ('LIMIT', '25 %'),
             ('VAR', 'water fund'), ('CONST_DIR', 'no more than'), ('LIMIT', '60 %'), ('VAR', 'solar fund'),
             ('OBJ_NAME', 'earn'), ('OBJ_NAME', 'return')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.05 * water_fund + 0.08 * solar_fund'
    assert rows == ['solar_fund <= 0.6 * (water_fund + solar_fund)', 'water_fund + solar_fund <= 30000', 'water_fund >= 0.25 * (water_fund + solar_fund)']


def test_a_share_put_there_is_the_place_just_named() -> None:
    text = ('A bank has up to $900000 to lend. The money can go into car loans, returning 6%, or into home loans, '
            'returning 4%. At least 50% of the amount lent must be in home loans, and given the risk in car '
            'loans, it will put no more than 30% of the amount lent there. How should the bank split its money to '
            'maximize its return?')
    marks = [('CONST_DIR', 'up to'), ('LIMIT', '900000'), ('VAR', 'car loans'), ('PARAM', '6 %'),
             ('VAR', 'home loans'), ('PARAM', '4 %'), ('CONST_DIR', 'At least'), ('LIMIT', '50 %'),
             ('VAR', 'home loans'), ('CONST_DIR', 'no more than'), ('LIMIT', '30 %'), ('OBJ_DIR', 'maximize'),
             ('OBJ_NAME', 'return')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.06 * car_loans + 0.04 * home_loans'
    assert rows == ['car_loans + home_loans <= 900000', 'car_loans <= 0.3 * (car_loans + home_loans)', 'home_loans >= 0.5 * (car_loans + home_loans)']


def test_each_vehicle_of_either_kind_measures_both() -> None:
    text = ('A factory builds trucks and buses. Every truck takes 4 hours of welding and every bus takes 6 hours, '
            'and each vehicle of either kind uses 2 tonnes of steel. Per week the factory gets 100 tonnes of '
            'steel and has 240 hours of welding. A truck earns $3000 and a bus earns $4000. How many of each '
            'should be built to maximize profit?')
    marks = [('VAR', 'trucks'), ('VAR', 'buses'), ('VAR', 'truck'), ('PARAM', '4'), ('VAR', 'bus'),
             ('PARAM', '6'), ('PARAM', '2'), ('LIMIT', '100'), ('CONST_DIR', 'has'), ('LIMIT', '240'),
             ('VAR', 'truck'), ('OBJ_NAME', 'earns'), ('PARAM', '3000'), ('VAR', 'bus'),
             ('OBJ_NAME', 'earns'), ('PARAM', '4000'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 3000 * trucks + 4000 * buses'
    assert rows == ['2 * trucks + 2 * buses <= 100', '4 * trucks + 6 * buses <= 240']


def test_money_she_puts_in_is_the_cost_not_the_profit() -> None:
    text = ('A florist stocks roses and lilies. Buying a bunch costs the florist $5 for roses and $7 for lilies, '
            'and she makes $2 profit on each bunch of roses and $3 on each bunch of lilies. She expects to sell '
            'at most 800 bunches, and the money she puts into flowers cannot exceed $4000. How many bunches of '
            'each should she stock to maximize profit?')
    marks = [('VAR', 'roses'), ('VAR', 'lilies'), ('PARAM', '5'), ('VAR', 'roses'), ('PARAM', '7'),
             ('VAR', 'lilies'), ('PARAM', '2'), ('OBJ_NAME', 'profit'), ('VAR', 'roses'), ('PARAM', '3'),
             ('VAR', 'lilies'), ('CONST_DIR', 'at most'), ('LIMIT', '800'), ('CONST_DIR', 'cannot exceed'),
             ('LIMIT', '4000'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 2 * roses + 3 * lilies'
    assert rows == ['5 * roses + 7 * lilies <= 4000', 'roses + lilies <= 800']


def test_a_kind_that_loses_money_counts_against_the_profit() -> None:
    text = ('A bakery sells bagels and donuts. Each day it can bake no more than 300 bagels and no more than 200 '
            'donuts. It must bake at least 250 items in total. Every bagel sold loses $0.5, while every donut '
            'sold earns $1.2. How many of each should be baked to maximize net profit?')
    marks = [('VAR', 'bagels'), ('VAR', 'donuts'), ('CONST_DIR', 'no more than'), ('LIMIT', '300'),
             ('VAR', 'bagels'), ('CONST_DIR', 'no more than'), ('LIMIT', '200'), ('CONST_DIR', 'at least'),
             ('LIMIT', '250'), ('VAR', 'bagel'), ('PARAM', '0.5'), ('VAR', 'donut'), ('OBJ_NAME', 'earns'),
             ('PARAM', '1.2'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'net profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max -0.5 * bagels + 1.2 * donuts'
    assert rows == ['bagels + donuts >= 250', 'bagels <= 300', 'donuts <= 200']


def test_neither_can_be_less_than_zero_is_the_sign_bound() -> None:
    text = ('A kiosk sells x1 cups of tea, each at a profit of $1, and x2 cups of coffee, each at a profit of $2, '
            'where neither x1 nor x2 can be less than 0. It can sell at most 100 cups of tea and at most 80 cups '
            'of coffee, and at most 150 cups in total. How many of each should it sell to maximize profit?')
    marks = [('VAR', 'cups of tea'), ('PARAM', '1'), ('VAR', 'cups of coffee'), ('PARAM', '2'),
             ('CONST_DIR', 'less than'), ('LIMIT', '0'), ('CONST_DIR', 'at most'), ('LIMIT', '100'),
             ('VAR', 'cups of tea'), ('CONST_DIR', 'at most'), ('LIMIT', '80'), ('VAR', 'cups of coffee'),
             ('CONST_DIR', 'at most'), ('LIMIT', '150'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max cups_of_tea + 2 * cups_of_coffee'
    assert rows == ['cups_of_coffee <= 80', 'cups_of_tea + cups_of_coffee <= 150', 'cups_of_tea <= 100']


def test_neither_type_is_no_decision() -> None:
    text = ('In a game you kick balls at a goal. Each red ball scores 4 points and each blue ball scores 3 '
            'points. You may kick no more than 15 balls. Neither type can be kicked more than 10 times. How many '
            'of each should you kick to get the most points?')
    marks = [('VAR', 'red ball'), ('PARAM', '4'), ('OBJ_NAME', 'points'), ('VAR', 'blue ball'),
             ('PARAM', '3'), ('OBJ_NAME', 'points'), ('CONST_DIR', 'no more than'), ('LIMIT', '15'),
             ('VAR', 'Neither type'), ('CONST_DIR', 'more than'), ('LIMIT', '10'), ('OBJ_NAME', 'points')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 4 * red_ball + 3 * blue_ball'
    assert rows == ['blue_ball <= 10', 'red_ball + blue_ball <= 15', 'red_ball <= 10']


def test_each_needs_two_hours_is_a_coefficient_of_both() -> None:
    text = ('A bakery makes cakes and pies. A cake gives $5 profit and a pie $3. Each needs 2 hours of oven time '
            'and 40 hours are available. How many of each maximize profit?')
    marks = [('VAR', 'cakes'), ('VAR', 'pies'), ('VAR', 'cake'), ('PARAM', '5'), ('OBJ_NAME', 'profit'),
             ('VAR', 'pie'), ('PARAM', '3'), ('PARAM', '2'), ('LIMIT', '40'), ('CONST_DIR', 'available'),
             ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 5 * cakes + 3 * pies'
    assert rows == ['2 * cakes + 2 * pies <= 40']


def test_a_least_and_a_most_on_one_measure_with_no_unit_share_its_row() -> None:
    text = ('A spa blends lavender oil and rose oil into a bath mix. Each unit of lavender oil adds 2 units of scent '
            'and 6 hours of calm; each unit of rose oil adds 8 units of scent but only 3 hours of calm. The mix '
            'needs no fewer than 4 units of scent and a calm of at least 5 hours, and its scent cannot exceed 9 '
            'units. Lavender oil costs $2 a unit and rose oil $5 a unit. How many units of each keep the cost '
            'lowest?')
    marks = [('VAR', 'lavender oil'), ('VAR', 'rose oil'), ('VAR', 'lavender oil'), ('PARAM', '2'), ('PARAM', '6'),
             ('VAR', 'rose oil'), ('PARAM', '8'), ('PARAM', '3'), ('CONST_DIR', 'no fewer than'), ('PARAM', '4'),
             ('CONST_DIR', 'at least'), ('LIMIT', '5'), ('CONST_DIR', 'cannot exceed'), ('PARAM', '9'),
             ('VAR', 'Lavender oil'), ('OBJ_NAME', 'costs'), ('PARAM', '2'), ('VAR', 'rose oil'), ('PARAM', '5')]
    goal, rows = read_text(text, marks)
    assert goal == 'min 2 * lavender_oil + 5 * rose_oil'
    assert rows == ['2 * lavender_oil + 8 * rose_oil <= 9', '2 * lavender_oil + 8 * rose_oil >= 4',
                    '6 * lavender_oil + 3 * rose_oil >= 5']


def test_what_they_are_made_from_its_own_is_a_stock() -> None:
    text = ('A smoothie stand makes banana smoothies and kiwi smoothies from its 20000 ml of yogurt. Each banana '
            'smoothie uses 250 ml of yogurt and each kiwi smoothie uses 200 ml. At least 15 kiwi smoothies must be '
            'made. A banana smoothie earns $3 and a kiwi smoothie $4. How many of each maximize profit?')
    marks = [('VAR', 'banana smoothies'), ('VAR', 'kiwi smoothies'), ('LIMIT', '20000'), ('VAR', 'banana smoothie'),
             ('PARAM', '250'), ('VAR', 'kiwi smoothie'), ('PARAM', '200'), ('CONST_DIR', 'At least'), ('LIMIT', '15'),
             ('VAR', 'kiwi smoothies'), ('VAR', 'banana smoothie'), ('OBJ_NAME', 'earns'), ('PARAM', '3'),
             ('VAR', 'kiwi smoothie'), ('PARAM', '4'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 3 * banana_smoothies + 4 * kiwi_smoothies'
    assert rows == ['250 * banana_smoothies + 200 * kiwi_smoothies <= 20000', 'kiwi_smoothies >= 15']


def test_at_least_so_much_of_each_vitamin_limits_every_vitamin() -> None:
    text = ('Two snack bars, oat bars and nut bars, provide vitamin C and vitamin D. An oat bar costs $2 and has '
            '4 units of vitamin C and 2 units of vitamin D. A nut bar costs $3 and has 1 unit of vitamin C and 5 '
            'units of vitamin D. Each day, at least 20 units of each vitamin are needed. How many bars of each '
            'minimize the cost?')
    marks = [('VAR', 'oat bars'), ('VAR', 'nut bars'), ('VAR', 'oat bar'), ('OBJ_NAME', 'costs'),
             ('PARAM', '2'), ('PARAM', '4'), ('PARAM', '2'), ('VAR', 'nut bar'), ('PARAM', '3'),
             ('PARAM', '1'), ('PARAM', '5'), ('CONST_DIR', 'at least'), ('LIMIT', '20'),
             ('OBJ_DIR', 'minimize'), ('OBJ_NAME', 'cost')]
    goal, rows = read_text(text, marks)
    assert goal == 'min 2 * oat_bars + 3 * nut_bars'
    assert rows == ['2 * oat_bars + 5 * nut_bars >= 20', '4 * oat_bars + nut_bars >= 20']


def test_so_many_grams_each_of_two_nutrients_limits_both() -> None:
    text = ('Two shakes provide protein and calcium. A serving of the cocoa shake costs $4 and has 6 grams of '
            'protein and 3 grams of calcium. A serving of the berry shake costs $3 and has 2 grams of protein and '
            '4 grams of calcium. The coach asks for no less than 18 grams each of protein and of calcium. How '
            'many servings of each minimize the cost?')
    marks = [('VAR', 'cocoa shake'), ('OBJ_NAME', 'costs'), ('PARAM', '4'), ('PARAM', '6'), ('PARAM', '3'),
             ('VAR', 'berry shake'), ('OBJ_NAME', 'costs'), ('PARAM', '3'), ('PARAM', '2'), ('PARAM', '4'),
             ('CONST_DIR', 'no less than'), ('LIMIT', '18'), ('OBJ_DIR', 'minimize'), ('OBJ_NAME', 'cost')]
    goal, rows = read_text(text, marks)
    assert goal == 'min 4 * cocoa_shake + 3 * berry_shake'
    assert rows == ['3 * cocoa_shake + 4 * berry_shake >= 18', '6 * cocoa_shake + 2 * berry_shake >= 18']


def test_or_more_than_a_second_amount_is_no_or_more_bound() -> None:
    text = ('A cafe makes lattes and mochas, and both use milk and coffee. A latte takes 4 units of milk and 1 '
            'unit of coffee, while a mocha takes 2 units of milk and 2 units of coffee. The cafe cannot use more '
            'than 80 units of milk or more than 50 units of coffee. Lattes earn $2 each and mochas $3 each. How '
            'many of each maximize profit?')
    marks = [('VAR', 'lattes'), ('VAR', 'mochas'), ('VAR', 'latte'), ('PARAM', '4'), ('PARAM', '1'),
             ('VAR', 'mocha'), ('PARAM', '2'), ('PARAM', '2'), ('CONST_DIR', 'cannot use more than'),
             ('LIMIT', '80'), ('CONST_DIR', 'more than'), ('LIMIT', '50'), ('VAR', 'Lattes'),
             ('OBJ_NAME', 'earn'), ('PARAM', '2'), ('VAR', 'mochas'), ('PARAM', '3'), ('OBJ_DIR', 'maximize'),
             ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 2 * lattes + 3 * mochas'
    assert rows == ['4 * lattes + 2 * mochas <= 80', 'lattes + 2 * mochas <= 50']


def test_no_larger_than_is_a_most() -> None:
    text = ('Mia will invest $50000 in bonds and stocks. Bonds return 3% and stocks 7%. She wants the amount in '
            'stocks to be no larger than the amount in bonds. How should she invest to maximize the return?')
    marks = [('LIMIT', '50000'), ('VAR', 'bonds'), ('VAR', 'stocks'), ('VAR', 'Bonds'),
             ('OBJ_NAME', 'return'), ('PARAM', '3 %'), ('VAR', 'stocks'), ('PARAM', '7 %'), ('VAR', 'stocks'),
             ('CONST_DIR', 'no larger than'), ('VAR', 'bonds'), ('OBJ_DIR', 'maximize'),
             ('OBJ_NAME', 'return')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.03 * bonds + 0.07 * stocks'
    assert rows == ['bonds + stocks <= 50000', 'stocks <= bonds']


def test_a_limit_closing_a_sentence_of_what_each_takes_is_that_groups() -> None:
    text = ('A farmer grows beans and squash on no more than 80 acres. Weeding takes 0.5 days per acre of beans '
            'and 0.8 days per acre of squash, and at most 50 days a year can go to weeding. Harvest takes 1.5 '
            'days per acre of beans and 1 day per acre of squash, with at most 90 days a year available for it. '
            'An acre of beans earns $200 and an acre of squash $260. How many acres of each maximize profit?')
    marks = [('VAR', 'beans'), ('CONST_DIR', 'no more than'), ('LIMIT', '80'), ('PARAM', '0.5'),
             ('VAR', 'beans'), ('PARAM', '0.8'), ('VAR', 'squash'), ('CONST_DIR', 'at most'), ('LIMIT', '50'),
             ('PARAM', '1.5'), ('VAR', 'beans'), ('PARAM', '1'), ('VAR', 'squash'), ('CONST_DIR', 'at most'),
             ('LIMIT', '90'), ('CONST_DIR', 'available'), ('VAR', 'beans'), ('OBJ_NAME', 'earns'),
             ('PARAM', '200'), ('VAR', 'squash'), ('PARAM', '260'), ('OBJ_DIR', 'maximize'),
             ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 200 * beans + 260 * squash'
    assert rows == ['0.5 * beans + 0.8 * squash <= 50', '1.5 * beans + squash <= 90', 'beans + squash <= 80']


def test_on_her_field_of_so_many_acres_is_the_room_they_share() -> None:
    text = ('Omar will grow melons and pumpkins on his field of 150 acres. Seeds cost $12 per acre for melons and '
            '$8 per acre for pumpkins, and he can spend at most $1500. An acre of melons earns $400 and an acre '
            'of pumpkins $300. How many acres of each maximize profit?')
    marks = [('VAR', 'melons'), ('VAR', 'pumpkins'), ('LIMIT', '150'), ('OBJ_NAME', 'cost'), ('PARAM', '12'),
             ('VAR', 'melons'), ('PARAM', '8'), ('VAR', 'pumpkins'), ('CONST_DIR', 'at most'),
             ('LIMIT', '1500'), ('VAR', 'melons'), ('OBJ_NAME', 'earns'), ('PARAM', '400'),
             ('VAR', 'pumpkins'), ('PARAM', '300'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 400 * melons + 300 * pumpkins'
    assert rows == ['12 * melons + 8 * pumpkins <= 1500', 'melons + pumpkins <= 150']


def test_output_capped_at_a_list_bounds_each_item() -> None:
    text = ('One press at a plant stamps both lids and trays, using 4 minutes per lid and 6 minutes per tray. It '
            'can run no more than 2400 minutes a week. Weekly output is also capped at 300 lids and 250 trays. A '
            'lid earns $3 and a tray $5. How many of each maximize profit?')
    marks = [('VAR', 'lids'), ('VAR', 'trays'), ('PARAM', '4'), ('PARAM', '6'), ('CONST_DIR', 'no more than'),
             ('LIMIT', '2400'), ('PARAM', '300'), ('LIMIT', '250'), ('VAR', 'lid'), ('OBJ_NAME', 'earns'),
             ('PARAM', '3'), ('PARAM', '5'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 3 * lids + 5 * trays'
    assert rows == ['4 * lids + 6 * trays <= 2400', 'lids <= 300', 'trays <= 250']


def test_the_amount_of_flour_it_has_is_no_portion_size() -> None:
    text = ('Rolls and buns are made at a bakery, which can use no more than the 1000 grams of flour it has. A '
            'roll uses 50 grams of the flour and a bun uses 40 grams. A roll earns $1 and a bun earns $0.8. How '
            'many of each maximize profit?')
    marks = [('CONST_DIR', 'no more than'), ('LIMIT', '1000'), ('VAR', 'roll'), ('PARAM', '50'),
             ('VAR', 'bun'), ('PARAM', '40'), ('VAR', 'roll'), ('OBJ_NAME', 'earns'), ('PARAM', '1'),
             ('OBJ_NAME', 'earns'), ('PARAM', '0.8'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max rolls + 0.8 * buns'
    assert rows == ['50 * rolls + 40 * buns <= 1000']


def test_exactly_a_sum_put_into_funds_with_returns_is_split_among_them() -> None:
    text = ('A fund will put exactly $100,000 into gold and silver, whose returns are 3% and 5%, respectively. At '
            'least 40% of the total must be in gold. How should the money be split to maximize the return?')
    marks = [('LIMIT', '100,000'), ('VAR', 'gold'), ('VAR', 'silver'), ('OBJ_NAME', 'returns'),
             ('PARAM', '3 %'), ('PARAM', '5 %'), ('CONST_DIR', 'At least'), ('LIMIT', '40 %'),
             ('VAR', 'gold'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'return')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.03 * gold + 0.05 * silver'
    assert rows == ['gold + silver == 100000', 'gold >= 0.4 * (gold + silver)']


def test_a_numbered_name_keeps_its_number_beside_its_sibling() -> None:
    from hand_tags import hand

    from modeler.strategies.offline.name_repairs import _trailing_figures

    text = "Package 1 holds 5 jams and 10 cookies, while Package 2 holds 4 jams and 15 cookies."
    toks, spans = hand(text, [("VAR", "Package 1"), ("PARAM", "5"), ("PARAM", "10"), ("VAR", "Package 2"),
                              ("PARAM", "4"), ("PARAM", "15")])
    out = _trailing_figures([t.text for t in toks], spans)
    assert [(s.label, s.text) for s in out if s.label == "VAR"] == [("VAR", "Package 1"), ("VAR", "Package 2")]


def test_a_respectively_clause_after_a_semicolon_pairs_its_own_numbers() -> None:
    text = ('A cafe sells boxed breakfasts and boxed lunches. Cooking takes 6 minutes for a breakfast and 9 '
            'minutes for a lunch; packing takes 2 minutes and 4 minutes, respectively. Cooking time is limited to '
            '600 minutes and packing time to 300 minutes. Each breakfast earns $7 of profit and each lunch earns '
            '$9. How many of each should the cafe make to maximize profit?')
    marks = [('VAR', 'boxed breakfasts'), ('VAR', 'boxed lunches'), ('PARAM', '6'), ('PARAM', '9'),
             ('PARAM', '2'), ('OBJ_NAME', 'minutes'), ('PARAM', '4'), ('CONST_DIR', 'limited'),
             ('LIMIT', '600'), ('PARAM', '300'), ('VAR', 'breakfast'), ('OBJ_NAME', 'earns'), ('PARAM', '7'),
             ('OBJ_NAME', 'profit'), ('VAR', 'lunch'), ('OBJ_NAME', 'earns'), ('PARAM', '9'),
             ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 7 * boxed_breakfasts + 9 * boxed_lunches'
    assert rows == ['2 * boxed_breakfasts + 4 * boxed_lunches <= 300',
                    '6 * boxed_breakfasts + 9 * boxed_lunches <= 600']


def test_each_one_is_a_pronoun_and_the_rate_for_a_wrap_is_no_material() -> None:
    text = ('A deli makes ham wraps and egg wraps, and each one takes time to slice ingredients and time to roll. '
            'Slicing takes 2 minutes for a ham wrap and 3 minutes for an egg wrap; rolling takes 4 minutes and 1 '
            'minute, respectively. Each day there are at most 200 minutes for slicing and 150 minutes for '
            'rolling. The profit is $3 per ham wrap and $2 per egg wrap. How many of each should the deli make to '
            'maximize profit?')
    marks = [('VAR', 'ham wraps'), ('VAR', 'egg wraps'), ('VAR', 'one'), ('PARAM', '2'), ('VAR', 'ham wrap'),
             ('PARAM', '3'), ('VAR', 'egg wrap'), ('PARAM', '4'), ('PARAM', '1'), ('CONST_DIR', 'at most'),
             ('LIMIT', '200'), ('LIMIT', '150'), ('OBJ_NAME', 'profit'), ('PARAM', '3'), ('VAR', 'ham wrap'),
             ('PARAM', '2'), ('VAR', 'egg wrap'), ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 3 * ham_wraps + 2 * egg_wraps'
    assert rows == ['2 * ham_wraps + 3 * egg_wraps <= 200',
                    '4 * ham_wraps + egg_wraps <= 150']


def test_a_place_opening_the_clause_names_where_its_numbers_are_spent() -> None:
    text = ('Bagels and croissants are made at a bakery using an oven and a mixer. On the oven, a bagel takes 3 '
            'minutes and a croissant takes 6; on the mixer, a bagel takes 4 minutes and a croissant takes 1. The '
            'oven can run for up to 900 minutes and the mixer for up to 500 minutes. Profit is $1 per bagel and '
            '$2 per croissant. How many of each maximize profit?')
    marks = [('VAR', 'bagel'), ('PARAM', '3'), ('VAR', 'croissant'), ('PARAM', '6'), ('VAR', 'bagel'),
             ('PARAM', '4'), ('VAR', 'croissant'), ('PARAM', '1'), ('LIMIT', '900'), ('LIMIT', '500'),
             ('OBJ_NAME', 'Profit'), ('PARAM', '1'), ('VAR', 'bagel'), ('PARAM', '2'),
             ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max bagels + 2 * croissants'
    assert rows == ['3 * bagels + 6 * croissants <= 900',
                    '4 * bagels + croissants <= 500']


def test_so_much_apiece_of_two_nutrients_limits_both() -> None:
    text = ('To cover her iron and zinc needs, a runner eats lentils and oats. A cup of lentils costs $2 and has '
            '3 mg of iron and 1 mg of zinc; a cup of oats costs $1 and has 2 mg of iron and 2 mg of zinc. Every '
            'day she wants a minimum of 12 mg apiece of iron and zinc. How many cups of each minimize the cost?')
    marks = [('VAR', 'oats'), ('VAR', 'lentils'), ('OBJ_NAME', 'costs'), ('PARAM', '2'), ('PARAM', '3'),
             ('PARAM', '1'), ('VAR', 'oats'), ('OBJ_NAME', 'costs'), ('PARAM', '1'), ('PARAM', '2'),
             ('PARAM', '2'), ('CONST_DIR', 'minimum'), ('LIMIT', '12'), ('OBJ_DIR', 'minimize'),
             ('OBJ_NAME', 'cost')]
    goal, rows = read_text(text, marks)
    assert goal == 'min 2 * lentils + oats'
    assert rows == ['3 * lentils + 2 * oats >= 12',
                    'lentils + 2 * oats >= 12']


def test_the_sales_of_a_named_kind_count_it() -> None:
    text = ('Mango and lime sorbets are sold at a kiosk. Mango sorbet sales must be at least 10, and lime sorbet '
            'sales at least 15 and at most 40. There is room for 60 sorbets in total. Mango sorbets earn $3 each '
            'and lime sorbets $2 each. Maximize profit.')
    marks = [('VAR', 'lime sorbets'), ('VAR', 'Mango sorbet'), ('CONST_DIR', 'at least'), ('LIMIT', '10'),
             ('VAR', 'lime sorbet'), ('CONST_DIR', 'at least'), ('LIMIT', '15'), ('CONST_DIR', 'at most'),
             ('LIMIT', '40'), ('LIMIT', '60'), ('VAR', 'Mango sorbets'), ('OBJ_NAME', 'earn'), ('PARAM', '3'),
             ('VAR', 'lime'), ('PARAM', '2'), ('OBJ_DIR', 'Maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 3 * mango_sorbet + 2 * lime_sorbets'
    assert rows == ['lime_sorbets + mango_sorbet <= 60',
                    'lime_sorbets <= 40',
                    'lime_sorbets >= 15',
                    'mango_sorbet >= 10']


def test_a_sum_there_is_to_spend_is_a_most() -> None:
    text = ('Apples from an orchard go to town by truck or by wagon. A truck trip costs $40 and carries 600 '
            'apples; a wagon trip costs $25 and carries 250 apples. There can be no more truck trips than wagon '
            'trips. With $400 to spend, how many trips of each kind should be made to carry the most apples?')
    marks = [('VAR', 'truck'), ('VAR', 'wagon'), ('VAR', 'truck trip'), ('PARAM', '40'), ('PARAM', '600'),
             ('VAR', 'wagon trip'), ('PARAM', '25'), ('PARAM', '250'), ('CONST_DIR', 'can be no more'),
             ('VAR', 'truck trips'), ('VAR', 'wagon trips'), ('PARAM', '400')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 600 * truck + 250 * wagon'
    assert rows == ['40 * truck + 25 * wagon <= 400',
                    'truck <= wagon']


def test_its_opening_a_clause_is_the_one_named_before() -> None:
    text = ('A grower has up to 80 acres for lavender and sage. At least 10 acres must be lavender. Lavender '
            'sells better, but its acreage cannot be more than three times the sage acreage. Each acre of '
            'lavender earns $200 profit and each acre of sage earns $120. Maximize profit.')
    marks = [('CONST_DIR', 'up to'), ('LIMIT', '80'), ('VAR', 'lavender'), ('VAR', 'sage'),
             ('CONST_DIR', 'At least'), ('LIMIT', '10'), ('VAR', 'lavender'), ('VAR', 'Lavender'),
             ('CONST_DIR', 'more than'), ('PARAM', 'three times'), ('VAR', 'lavender'), ('OBJ_NAME', 'earns'),
             ('PARAM', '200'), ('OBJ_NAME', 'profit'), ('VAR', 'sage'), ('OBJ_NAME', 'earns'),
             ('PARAM', '120'), ('OBJ_DIR', 'Maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 200 * lavender + 120 * sage'
    assert rows == ['lavender + sage <= 80',
                    'lavender <= 3 * sage',
                    'lavender >= 10']


def test_a_sector_and_a_portion_of_one_industry_are_that_industry() -> None:
    text = ('An investor can commit up to $200000, split between real estate and the textiles industry. Real '
            'estate pays a 4% return; textiles pay 9%. Because of recent trouble in the textile sector, the '
            'textile portion may not exceed 30% of the total amount invested. What allocation gives the highest '
            'return?')
    marks = [('CONST_DIR', 'up to'), ('LIMIT', '200000'), ('VAR', 'real estate'),
             ('VAR', 'textiles industry'), ('VAR', 'Real estate'), ('PARAM', '4 %'), ('OBJ_NAME', 'return'),
             ('VAR', 'textiles'), ('PARAM', '9 %'), ('VAR', 'textile sector'), ('VAR', 'textile portion'),
             ('CONST_DIR', 'may not exceed'), ('LIMIT', '30 %'), ('OBJ_NAME', 'return')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.04 * real_estate + 0.09 * textiles_industry'
    assert rows == ['real_estate + textiles_industry <= 200000',
                    'textiles_industry <= 0.3 * (real_estate + textiles_industry)']


def test_what_goes_into_one_is_compared_with_the_other_amount() -> None:
    text = ('Nina plans to split up to $8000 between the tourism industry and the mining industry. Tourism pays '
            '6% and mining pays 10%. She will put no more than $2000 into mining, and whatever goes into tourism '
            'has to be no less than twice the mining amount. How much should she invest in each to earn the most?')
    marks = [('CONST_DIR', 'up to'), ('LIMIT', '8000'), ('VAR', 'tourism industry'),
             ('VAR', 'mining industry'), ('VAR', 'Tourism'), ('PARAM', '6 %'), ('PARAM', '10 %'),
             ('CONST_DIR', 'no more than'), ('LIMIT', '2000'), ('CONST_DIR', 'no less than'),
             ('PARAM', 'twice')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.06 * tourism_industry + 0.1 * mining_industry'
    assert rows == ['mining_industry <= 2000',
                    'tourism_industry + mining_industry <= 8000',
                    'tourism_industry >= 2 * mining_industry']


def test_a_row_of_rates_per_named_item_is_a_resource_and_its_stock_closes_it() -> None:
    text = ("A workshop builds oak chairs and pine chairs.\n"
            "Sanding: 15 minutes per oak chair and 10 minutes per pine chair, with no more than 600 minutes available.\n"
            "Staining: 8 minutes per oak chair and 12 minutes per pine chair, with up to 480 minutes available.\n"
            "The workshop earns $45 on each oak chair and $30 on each pine chair. How many of each chair maximize profit?")
    marks = [('VAR', 'pine chairs'), ('PARAM', '15'), ('VAR', 'oak chair'), ('PARAM', '10'),
             ('VAR', 'pine chair'), ('CONST_DIR', 'no more than'), ('LIMIT', '600'),
             ('CONST_DIR', 'available'), ('PARAM', '8'), ('VAR', 'oak chair'), ('PARAM', '12'),
             ('VAR', 'pine chair'), ('LIMIT', '480'), ('CONST_DIR', 'available'), ('OBJ_NAME', 'earns'),
             ('PARAM', '45'), ('VAR', 'oak chair'), ('PARAM', '30'), ('VAR', 'pine chair'),
             ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 45 * oak_chairs + 30 * pine_chairs'
    assert rows == ['15 * oak_chairs + 10 * pine_chairs <= 600', '8 * oak_chairs + 12 * pine_chairs <= 480']


def test_a_range_of_one_kind_ends_at_its_clause() -> None:
    text = ('Lemon and mint candies are sold at a stall. Lemon candy sales must be between 40 and 90, and mint '
            'candy sales between 30 and 70. There are wrappers for only 140 candies in total. Lemon candies earn '
            '$1 each and mint candies $1.50 each. Maximize profit.')
    marks = [('VAR', 'mint candies'), ('VAR', 'Lemon candy'), ('CONST_DIR', 'at least'), ('LIMIT', '40'),
             ('CONST_DIR', 'at most'), ('LIMIT', '90'), ('CONST_DIR', 'at least'), ('LIMIT', '30'),
             ('CONST_DIR', 'at most'), ('LIMIT', '70'), ('CONST_DIR', 'only'), ('LIMIT', '140'),
             ('VAR', 'Lemon candies'), ('OBJ_NAME', 'earn'), ('PARAM', '1'), ('VAR', 'mint candies'),
             ('PARAM', '1.50'), ('OBJ_DIR', 'Maximize'), ('OBJ_NAME', 'profit')]
    goal, rows = read_text(text, marks)
    assert goal == 'max lemon_candy + 1.5 * mint_candies'
    assert rows == ['lemon_candy <= 90',
                    'lemon_candy >= 40',
                    'mint_candies + lemon_candy <= 140',
                    'mint_candies <= 70',
                    'mint_candies >= 30']


def test_a_closing_either_is_too_not_a_total() -> None:
    text = ('In a darts game, Ana scores 2 points for each inner throw and 5 points for each outer throw. She can '
            'throw no more than 18 darts altogether. She needs at least 4 inner throws, and because of time '
            'limits the inner throws may not exceed 10 and the outer throws may not exceed 10 either. How many of '
            'each should she throw for the highest score?')
    marks = [('PARAM', '2'), ('OBJ_NAME', 'points'), ('VAR', 'inner throw'), ('PARAM', '5'),
             ('OBJ_NAME', 'points'), ('CONST_DIR', 'no more than'), ('LIMIT', '18'),
             ('CONST_DIR', 'at least'), ('LIMIT', '4'), ('VAR', 'inner throws'),
             ('CONST_DIR', 'may not exceed'), ('PARAM', '10'), ('CONST_DIR', 'may not exceed'),
             ('LIMIT', '10')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 2 * inner_throw + 5 * outer_throw'
    assert rows == ['inner_throw + outer_throw <= 18',
                    'inner_throw <= 10',
                    'inner_throw >= 4',
                    'outer_throw <= 10']


def test_the_amount_put_into_it_is_the_one_named_before() -> None:
    text = ('A trader can put up to $30000 into a tea company and a coffee company. Since the tea company is '
            'older, the amount she puts into it must be at least 2 times the amount she puts into the coffee '
            'company. Still, no more than $25000 can go into the tea company. Money in the tea company earns 5% '
            'and money in the coffee company earns 8%. How should she split the money to earn the most?')
    marks = [('CONST_DIR', 'up to'), ('LIMIT', '30000'), ('VAR', 'tea company'), ('VAR', 'coffee company'),
             ('VAR', 'tea company'), ('CONST_DIR', 'at least'), ('PARAM', '2'), ('VAR', 'coffee company'),
             ('CONST_DIR', 'no more than'), ('LIMIT', '25000'), ('VAR', 'tea company'), ('OBJ_NAME', 'earns'),
             ('PARAM', '5 %'), ('VAR', 'coffee company'), ('OBJ_NAME', 'earns'), ('PARAM', '8 %'),
             ('OBJ_NAME', 'earn')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.05 * tea_company + 0.08 * coffee_company'
    assert rows == ['tea_company + coffee_company <= 30000', 'tea_company <= 25000', 'tea_company >= 2 * coffee_company']


def test_one_run_by_a_person_is_a_pronoun_not_a_limit() -> None:
    text = ('A banker can invest up to $60000 in two shops, one run by Lena and one run by Omar. The amount going '
            "to Lena's shop must be no less than 2 times the amount going to Omar's shop. Money in Lena's shop "
            "earns 6% and money in Omar's shop earns 9%. How much should go to each shop to earn the most?")
    marks = [('CONST_DIR', 'up to'), ('LIMIT', '60000'), ('VAR', 'Lena'), ('VAR', 'Omar'),
             ('VAR', "Lena's shop"), ('CONST_DIR', 'no less than'), ('PARAM', '2 times'),
             ('VAR', "Omar's shop"), ('VAR', "Lena's shop"), ('OBJ_NAME', 'earns'), ('PARAM', '6 %'),
             ('VAR', "Omar's shop"), ('OBJ_NAME', 'earns'), ('PARAM', '9 %'), ('OBJ_NAME', 'earn')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.06 * lena + 0.09 * omar'
    assert rows == ['lena + omar <= 60000',
                    'lena >= 2 * omar']


def test_a_sum_there_is_to_invest_is_shared_whichever_one_the_clause_named() -> None:
    text = ('A producer is putting money into two films, a war movie and an animated movie, and has no more than '
            '$300000 to invest. Money in the war movie returns 8%, while money in the animation returns 5%. At '
            'most $250000 can go into the animation. How should she split her money to get the largest return?')
    marks = [('VAR', 'war movie'), ('CONST_DIR', 'no more than'), ('LIMIT', '300000'), ('VAR', 'war movie'),
             ('OBJ_NAME', 'returns'), ('PARAM', '8 %'), ('VAR', 'animation'), ('OBJ_NAME', 'returns'),
             ('PARAM', '5 %'), ('CONST_DIR', 'At most'), ('LIMIT', '250000'), ('VAR', 'animation'),
             ('OBJ_NAME', 'return')]
    goal, rows = read_text(text, marks)
    assert goal == 'max 0.08 * war_movie + 0.05 * animation'
    assert rows == ['animation <= 250000',
                    'war_movie + animation <= 300000']


def test_a_stock_to_clear_out_is_a_most() -> None:
    text = ('A gift shop has 40 candles, 60 soaps and 30 mugs it wants to clear out. It can sell a relax box of 2 '
            'candles and 3 soaps, earning $12 profit, and a morning box of 1 candle, 2 soaps and 1 mug, earning '
            '$15 profit. How many of each box should it sell to maximize profit?')
    marks = [('CONST_DIR', 'has'), ('LIMIT', '40'), ('PARAM', '60'), ('LIMIT', '30'), ('VAR', 'relax box'),
             ('PARAM', '2'), ('PARAM', '3'), ('PARAM', '12'), ('OBJ_NAME', 'profit'), ('VAR', 'morning box'),
             ('PARAM', '1'), ('PARAM', '2'), ('PARAM', '1'), ('PARAM', '15'), ('OBJ_NAME', 'profit'),
             ('OBJ_DIR', 'maximize'), ('OBJ_NAME', 'profit')]
    _, rows = read_text(text, marks)
    # (the soaps it has are a most, as the candles and mugs are; they are not owed, as "44 sculptures to move" are)
    assert '3 * relax_box + 2 * morning_box <= 60' in rows
