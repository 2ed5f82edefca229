"""Offline modeler: decision variables the reading used to drop (the tagger missed their mentions, or a rule
took a found one for a resource) -- a clause built like a tagged one ("An X costs ..." beside "A Y costs ...",
"a bowl of X has" beside "a cup of Y has", "a pack of 500 X costs"), list items with the same price frame
("X at $4, Y at $3 and Z at $2"), a name's head alone ("a pack of melts"), a noun that is mostly a verb
("fresh produce earns"), a two-word first item ("burns beech logs and natural gas"), sentence subjects
before any verb and a number, money placed in a list, a bracketed alias, elided measures and "in that
order".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.name_repairs import complete_mentions
from modeler.strategies.offline.unseen import coordinated_names


def _names(text: str, marks: list[tuple[str, str]]) -> list[str]:
    """The distinct variable mentions after the mention repairs, in text order."""
    toks, spans = hand(text, marks)
    words = [t.text for t in toks]
    out = [sp.text for sp in complete_mentions(words, coordinated_names(words, spans, None)) if sp.label == "VAR"]
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------------ clauses built like a tagged one
def test_an_and_a_open_the_same_clause() -> None:
    text = ("An email blast costs $500 and gives 8,000 views. A radio spot costs $300 and gives 6,000 views. A "
            "batch of flyers costs $100 and gives 1,500 views.")
    assert _names(text, [("PARAM", "500"), ("PARAM", "8,000"), ("VAR", "radio spot"), ("PARAM", "300"),
                         ("PARAM", "6,000"), ("VAR", "flyers"), ("PARAM", "100"), ("PARAM", "1,500")]) == [
        "email blast", "radio spot", "flyers"]


def test_any_container_opens_the_same_clause() -> None:
    text = "A cup of lentils has 230 calories and costs $0.60. A bowl of rice has 200 calories and costs $0.30."
    assert "rice" in _names(text, [("VAR", "lentils"), ("PARAM", "230"), ("PARAM", "0.60"), ("PARAM", "200"),
                                   ("PARAM", "0.30")])


def test_a_sized_container_before_the_name() -> None:
    text = ("A billboard costs $900 and reaches 10,000 drivers; a pack of 500 leaflets costs $60 and reaches "
            "400 drivers. The budget is $5,000. At most 4 billboards can be rented. How many of each should be "
            "bought to reach the most drivers?")
    toks, spans = hand(text, [("VAR", "billboard"), ("PARAM", "900"), ("PARAM", "10,000"), ("PARAM", "60"),
                              ("PARAM", "400"), ("LIMIT", "5,000"), ("CONST_DIR", "At most"), ("LIMIT", "4"),
                              ("VAR", "billboards"), ("OBJ_DIR", "most")])
    goal, rows = model_of(toks, spans)
    # the 500 sizes a pack; it does not count the leaflets out as a resource
    assert goal == "max 10000 * billboard + 400 * leaflets"
    assert "900 * billboard + 60 * leaflets <= 5000" in rows


# ------------------------------------------------------------------------ lists with one frame
def test_items_priced_at_alike_are_all_names() -> None:
    text = "The stall has three bakes: pies at $4 profit each, tarts at $3 and scones at $2."
    toks, spans = hand(text, [("VAR", "scones")])
    words = [t.text for t in toks]
    added = [sp.text for sp in coordinated_names(words, spans, None) if sp.label == "VAR"]
    assert added == ["pies", "tarts", "scones"]


def test_a_two_word_first_item_named_again() -> None:
    text = ("The kiln burns beech logs and natural gas. A tonne of beech logs gives 4 MWh and costs $80; a "
            "unit of natural gas gives 9 MWh and costs $300.")
    assert _names(text, [("VAR", "natural gas"), ("PARAM", "4"), ("PARAM", "80"), ("VAR", "natural gas"),
                         ("PARAM", "9"), ("PARAM", "300")])[:2] == ["beech logs", "natural gas"]


def test_a_two_word_item_said_once_is_left_alone() -> None:
    text = "The firm ships in special crates and velvet sleds. A velvet sled holds 7 orders."
    assert "special crates" not in _names(text, [("VAR", "velvet sleds"), ("VAR", "velvet sled"), ("PARAM", "7")])


# ------------------------------------------------------------------------ heads and verbs
def test_a_names_head_alone_after_of() -> None:
    text = ("She makes soy candles and packs of wax melts. A soy candle earns $7 and a pack of wax melts earns "
            "$2.50; she has wax for 40 packs of melts.")
    names = _names(text, [("VAR", "soy candles"), ("VAR", "wax melts"), ("VAR", "soy candle"), ("PARAM", "7"),
                          ("VAR", "wax melts"), ("PARAM", "2.50")])
    assert "melts" in names


def test_a_noun_that_is_mostly_a_verb_ends_a_name_before_its_verb() -> None:
    text = ("Textiles earn $500 per tonne and fresh produce earns $350 per tonne. At least 5 tonnes of produce "
            "are under contract.")
    names = _names(text, [("VAR", "Textiles"), ("PARAM", "500"), ("VAR", "fresh produce"), ("PARAM", "350")])
    assert "fresh produce" in names and "produce" in names


# ------------------------------------------------------------------------ nothing tagged: the subjects
def test_subjects_before_any_verb_and_a_number() -> None:
    text = ("A full-time cook works 40 hours and costs $900 a week; a part-time cook works 20 hours and costs "
            "$420 a week. The kitchen needs 300 hours.")
    assert _names(text, [("PARAM", "40"), ("PARAM", "900"), ("PARAM", "20"), ("PARAM", "420"),
                         ("LIMIT", "300")]) == ["full-time cook", "part-time cook"]


def test_subjects_after_a_unit_of() -> None:
    text = ("A pallet of bricks weighs 900 kg and earns $300; a pallet of tiles weighs 400 kg and earns $220. "
            "A litre of milk has 48 g of sugar; a litre of the juice has 88 g of sugar.")
    assert _names(text, [("PARAM", "900"), ("PARAM", "300"), ("PARAM", "400"), ("PARAM", "220")])[:4] == [
        "bricks", "tiles", "milk", "juice"]


def test_who_sells_is_not_a_subject() -> None:
    text = "Nutty Corner sells 3 mixes. A tub of cashews weighs 2 kg; a tub of pecans weighs 3 kg."
    assert "Nutty Corner" not in _names(text, [("PARAM", "2"), ("PARAM", "3")])


# ------------------------------------------------------------------------ whole readings
def test_money_placed_in_a_list_an_alias_and_an_elided_measure() -> None:
    text = ("An investor puts exactly $90,000 in gilts, utility shares and a housing trust (HT). Each dollar "
            "in gilts has a risk rating of 1, each dollar in utility shares 3 and each dollar in the HT 6. "
            "At most $20,000 may go into the HT. How should the money be split to minimize the total risk "
            "rating?")
    toks, spans = hand(text, [("PARAM", "90,000"), ("VAR", "utility shares"), ("PARAM", "1"),
                              ("VAR", "utility shares"), ("PARAM", "3"), ("VAR", "HT"), ("PARAM", "6"),
                              ("CONST_DIR", "At most"), ("LIMIT", "20,000"), ("OBJ_DIR", "minimize")])
    goal, rows = model_of(toks, spans)
    assert goal == "min gilts + 3 * utility_shares + 6 * housing_trust"
    assert "housing_trust <= 20000" in rows


def test_in_that_order_pairs_the_lists() -> None:
    text = ("Ana will invest $40,000 in full. Her choices are a savings account, corporate bonds and an index fund, "
            "expected to return 3%, 5% and 9% a year, in that order. At most 30% of the total may go in the "
            "index fund. How should she split the money to maximize her yearly return?")
    toks, spans = hand(text, [("LIMIT", "40,000"), ("VAR", "savings account"), ("VAR", "corporate bonds"),
                              ("VAR", "index fund"), ("OBJ_NAME", "return"), ("PARAM", "3 %"), ("PARAM", "5 %"),
                              ("PARAM", "9 %"), ("CONST_DIR", "At most"), ("LIMIT", "30 %"), ("VAR", "index fund"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 0.03 * savings_account + 0.05 * corporate_bonds + 0.09 * index_fund"


def test_a_decision_counted_in_its_own_rate_unit_stays() -> None:
    text = ("A barge can carry at most 40 tonnes. Steel earns $80 per tonne, timber earns $50 per tonne and "
            "grain earns $30 per tonne. Only 15 tonnes of steel are waiting. How many tonnes of each should be "
            "loaded to maximize earnings?")
    toks, spans = hand(text, [("CONST_DIR", "at most"), ("LIMIT", "40"), ("VAR", "Steel"), ("PARAM", "80"),
                              ("VAR", "timber"), ("PARAM", "50"), ("VAR", "grain"), ("PARAM", "30"),
                              ("LIMIT", "15"), ("VAR", "steel"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 80 * steel + 50 * timber + 30 * grain"
    assert "steel <= 15" in rows
