"""The model form: parsing, checks that name what is wrong, JSON round trip, grounding."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modeler.ir import ExprSyntaxError, Model, ModelError, parse
from modeler.ir import expr as E
from modeler.ir.ground import ground, render

KNAPSACK = {
    "name": "knapsack",
    "sets": {"ITEMS": ["map", "water", "food", "tent"]},
    "parameters": {
        "value": {"index": ["ITEMS"], "value": [10, 20, 15, 40]},
        "weight": {"index": ["ITEMS"], "value": {"map": 1, "water": 4, "food": 3, "tent": 7}},
        "capacity": 10,
    },
    "variables": {"take": {"index": ["ITEMS"], "type": "binary"}},
    "objective": {"sense": "maximize", "expr": "sum(value[i] * take[i] for i in ITEMS)"},
    "constraints": {"weight_limit": {"expr": "sum(weight[i] * take[i] for i in ITEMS) <= capacity"}},
}


def with_(**changes):
    return {**json.loads(json.dumps(KNAPSACK)), **changes}


# ----------------------------------------------------------------------------------------- parsing
@pytest.mark.parametrize("text, expected", [
    ("x + 2 * y", E.BinOp("+", E.Name("x"), E.BinOp("*", E.Num(2), E.Name("y")))),
    ("x[i, j]", E.Index("x", (E.Name("i"), E.Name("j")))),
    ('take["tent"]', E.Index("take", (E.Str("tent"),))),
    ("x = 3", E.Compare(("==",), (E.Name("x"), E.Num(3)))),
    ("1 <= x <= 3", E.Compare(("<=", "<="), (E.Num(1), E.Name("x"), E.Num(3)))),
    ("a -> b -> c", E.Implies(E.Name("a"), E.Implies(E.Name("b"), E.Name("c")))),
    ("not a and b", E.BoolOp("and", (E.Not(E.Name("a")), E.Name("b")))),
    ("x ** 2", E.BinOp("^", E.Name("x"), E.Num(2))),
    ("-x", E.Neg(E.Name("x"))),
    ("2.5e3", E.Num(2500.0)),
])
def test_parse(text, expected):
    assert parse(text) == expected


def test_generators_and_ranges():
    node = parse("sum(c[i, j] * x[i, j] for i in I for j in J if i != j)")
    assert isinstance(node, E.Gen) and node.func == "sum"
    assert [b.var for b in node.gen.binders] == ["i", "j"]
    assert node.gen.cond is not None
    rng = parse("sum(x[t] for t in 1..T)")
    assert isinstance(rng.gen.binders[0], E.RangeBinder)


@pytest.mark.parametrize("text", ["x +", "(x", "sum(x for i)", "x @ y", "3 ** ", "", "   ", "x[", "a <= <= b"])
def test_syntax_errors_are_clear(text):
    with pytest.raises(ExprSyntaxError) as e:
        parse(text)
    assert str(e.value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="xyij[]()+-*/<>=!,.0123456789 sumforinifandornot\"'^", max_size=40))
def test_parser_never_crashes(text):
    try:
        parse(text)
    except ExprSyntaxError:
        pass


# ---------------------------------------------------------------------------------------- checking
def test_valid_model_reads_and_round_trips():
    m = Model.from_json(KNAPSACK)
    assert m.objective.sense == "max"
    assert m.table("weight")[("tent",)] == 7
    again = Model.from_json(m.to_json())
    assert again.to_dict() == m.to_dict()
    assert Model.from_json(json.loads(m.to_json())) == again


def test_list_form_equals_keyed_form():
    listed = with_(
        sets=[{"name": "ITEMS", "members": ["map", "water", "food", "tent"]}],
        variables=[{"name": "take", "index": ["ITEMS"], "type": "binary"}],
        constraints=[{"name": "weight_limit", "expr": "sum(weight[i] * take[i] for i in ITEMS) <= capacity"}],
    )
    assert Model.from_json(listed).to_dict() == Model.from_json(KNAPSACK).to_dict()


def test_range_set_and_free_variable():
    m = Model.from_json({"sets": {"T": "1..5"}, "variables": {"x": {"index": ["T"], "lb": None}, "y": {"lb": "-inf"}}})
    assert m.set("T").members == [1, 2, 3, 4, 5]
    assert m.variable("x").lb is None and m.variable("y").lb is None


def problems(data) -> list[str]:
    with pytest.raises(ModelError) as e:
        Model.from_json(data)
    return [str(i) for i in e.value.issues]


@pytest.mark.parametrize("change, expected", [
    ({"constraints": {"c": "sum(wieght[i] * take[i] for i in ITEMS) <= capacity"}},
     "constraint 'c': unknown name 'wieght' (did you mean 'weight'?)"),
    ({"constraints": {"c": "take[1, 2] <= 1"}}, "constraint 'c': 'take' takes 1 index(es), got 2"),
    ({"constraints": {"c": "sum(take[i] for i in ITEM) <= 1"}}, "constraint 'c': 'ITEM' is not a set (did you mean 'ITEMS'?)"),
    ({"constraints": {"c": "take <= 1"}}, "constraint 'c': 'take' is indexed by 1 set(s)"),
    ({"constraints": {"c": "sum(take[i] for i in ITEMS)"}}, "is a number, not a condition"),
    ({"constraints": {"c": {"expr": "take[i] <= 1", "forall": "i in NOPE"}}}, "constraint 'c': forall: 'NOPE' is not a set"),
    ({"constraints": {"c": "foo(take) <= 1"}}, "unknown function 'foo'"),
    ({"constraints": {"c": "take[\"map\"] <="}}, "constraint 'c': incomplete expression"),
    ({"objective": {"sense": "max", "expr": "take['map'] <= 1"}}, "objective: "),
    ({"objective": {"sense": "upwards", "expr": "1"}}, "objective: sense"),
    ({"parameters": {"value": {"index": ["ITEMS"], "value": [1, 2]}, "weight": 1, "capacity": 1}},
     "parameter 'value': list has 2 entries but set 'ITEMS' has 4 members"),
    ({"parameters": {"value": {"index": ["ITEMS"], "value": {"map": 1}}, "weight": 1, "capacity": 1}},
     "parameter 'value': no value for member 'water'"),
    ({"parameters": {"value": {"index": ["ITEMS"], "value": [1, 2, "x", 4]}, "weight": 1, "capacity": 1}},
     "parameter 'value': value at [food] must be a finite number"),
    ({"variables": {"take": {"index": ["ITEMS"], "type": "boolean-ish"}}}, "variable 'take': type"),
    ({"variables": {"take": {"index": ["ITEMS"], "tpye": "binary"}}}, "variable 'take': tpye: unknown field"),
    ({"variables": {"take": {"index": ["ITEMZ"]}}}, "variable 'take': index set 'ITEMZ' is not defined"),
    ({"variables": {"take": {"index": ["ITEMS"], "lb": 5, "ub": 1}}}, "variable 'take': lb 5 is greater than ub 1"),
    ({"variables": {"take": {"index": ["ITEMS"], "ub": "capacity"}}}, "variable 'take': ub parameter 'capacity' is indexed by []"),
    ({"variables": {"sum": {}}}, "keyword"),
    ({"variables": {"1x": {}}}, "not a valid name"),
    ({"sets": {"ITEMS": ["a", "a"]}}, "set 'ITEMS': members must be distinct"),
    ({"sets": {"ITEMS": "1..x"}}, "integer range"),
])
def test_errors_name_element_and_name(change, expected):
    found = problems(with_(**change))
    assert any(expected in p for p in found), found


def test_all_problems_reported_at_once():
    found = problems(with_(constraints={"a": "nope <= 1", "b": "take[1,2,3] <= 1"}))
    assert len(found) == 2


@pytest.mark.parametrize("text", ["{", "[]", "null", '"model"', "{\"sets\": 5}", "{\"variables\": [1, 2]}"])
def test_malformed_json(text):
    with pytest.raises(ModelError):
        Model.from_json(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["name", "sets", "parameters", "variables", "objective", "constraints",
                                        "extra"]), json_values, max_size=6))
def test_random_documents_give_model_errors_only(doc):
    try:
        Model.from_json(doc)
    except ModelError as e:
        assert e.issues and all(str(i) for i in e.issues)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="xyzab[]()+-*<>=!,.0123 sumforinITEMS\"'^", min_size=1, max_size=30))
def test_random_constraints_give_model_errors_only(text):
    try:
        m = Model.from_json(with_(constraints={"c": text}))
        ground(m)
    except ModelError as e:
        assert "constraint 'c'" in str(e) or "objective" in str(e)


# --------------------------------------------------------------------------------------- grounding
def test_ground_forall_filters_and_index_arithmetic():
    m = Model.from_json({
        "sets": {"T": "1..4"},
        "variables": {"s": {"index": ["T"], "type": "integer", "ub": 20}},
        "constraints": {"prec": {"expr": "s[t] >= s[t - 1] + 2", "forall": "t in T if t > 1"}},
    })
    g = ground(m)
    assert [c.label for c in g.constraints] == ["prec[2]", "prec[3]", "prec[4]"]
    assert render(g.constraints[0].expr, g) == "s[2] - s[1] >= 2"


def test_ground_out_of_range_index_names_the_fix():
    m = Model.from_json({"sets": {"T": "1..3"}, "variables": {"s": {"index": ["T"]}},
                         "constraints": {"next": {"expr": "s[t + 1] >= s[t]", "forall": "t in T"}}})
    with pytest.raises(ModelError, match=r"constraint 'next': s\[4\]: 4 is not a member of set 'T'.*filter with 'if'"):
        ground(m)


def test_ground_features_classify_models():
    assert ground(Model.from_json(KNAPSACK)).features.kind == "milp"
    lp = with_(variables={"take": {"index": ["ITEMS"], "ub": 1}})
    assert ground(Model.from_json(lp)).features.kind == "lp"
    cp = with_(constraints={"c": "all_different(take)"}, variables={"take": {"index": ["ITEMS"], "type": "integer", "ub": 5}})
    assert ground(Model.from_json(cp)).features.kind == "cp"
    nl = with_(constraints={"c": "take['map'] * take['tent'] <= 1"}, variables={"take": {"index": ["ITEMS"], "ub": 5}})
    assert ground(Model.from_json(nl)).features.kind == "nonlinear"


def test_strict_inequality_on_integers_stays_linear():
    m = Model.from_json({"variables": {"x": {"type": "integer"}}, "constraints": {"c": "2 * x < 7"}})
    g = ground(m)
    assert g.features.linear
    assert render(g.constraints[0].expr, g) == "2*x <= 6"


def test_whole_array_aggregates_and_element_bounds():
    m = Model.from_json({
        "sets": {"I": [1, 2, 3]},
        "parameters": {"stock": {"index": ["I"], "value": [3, 0, 5]}},
        "variables": {"x": {"index": ["I"], "type": "integer", "ub": "stock"}},
        "objective": {"sense": "max", "expr": "sum(x)"},
        "constraints": {"d": "all_different(x)"},
    })
    g = ground(m)
    assert [v.ub for v in g.vars] == [3, 0, 5]
    assert render(g.objective, g) == "x[1] + x[2] + x[3]"
    assert render(g.constraints[0].expr, g) == "all_different(x[1], x[2], x[3])"
