"""Offline modeler: readings that rewrites of NL4Opt training problems in a second writer's words showed
missing (paraphrase round, parts B and D, helper h131): land one grows things "on his 50 acre plot", a
limit of "neither machine" or "each of the two machines" on each machine's own row, "will not put more
into X than into Y", a time "to make one kg of either A or B", and
"unwilling to spend over $X".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_land_on_ones_own_plot_is_shared_by_the_crops() -> None:
    # "on his 50 acre plot": the owner's word between "on" and the measure, still the room both crops share
    text = ("Tom wants to grow carrots and onions on his 50 acre plot. Carrot seed costs $12 per acre and onion "
            "seed costs $8 per acre, and he can spend at most $500 on seed. Each acre of carrots gives a profit "
            "of $90 and each acre of onions a profit of $70. How many acres of each should he grow to maximize "
            "profit?")
    toks, spans = hand(text, [("VAR", "carrots"), ("VAR", "onions"), ("LIMIT", "50"), ("VAR", "Carrot seed"),
                              ("PARAM", "12"), ("VAR", "onion seed"), ("PARAM", "8"), ("CONST_DIR", "at most"),
                              ("LIMIT", "500"), ("VAR", "carrots"), ("OBJ_NAME", "profit"), ("PARAM", "90"),
                              ("VAR", "onions"), ("PARAM", "70"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "carrots + onions <= 50" in rows, rows
