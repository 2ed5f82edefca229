"""Offline modeler: an objective slip the developed fresh sets showed (round v48) -- a goal that points at two
coefficient groups alike, one of which a limit takes ("the heat to the hand" beside "the seam must get at least
80").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
taggers gave them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_of_two_groups_the_goal_names_alike_the_one_no_limit_takes_is_the_goals() -> None:
    text = ("A welder runs two torches. Every minute of torch A gives 4 units of heat to the seam, 0.5 units to the "
            "tip and 2 units to the hand. Every minute of torch B gives 3 units to the seam, 0.2 units to the tip "
            "and 1 unit to the hand. The seam must get at least 80 units and the tip must get no more than 12 "
            "units. How many minutes of each torch should be used to minimize the heat to the hand?")
    toks, spans = hand(text, [("VAR", "torch A"), ("PARAM", "4"), ("PARAM", "0.5"), ("PARAM", "2"),
                              ("VAR", "torch B"), ("PARAM", "3"), ("PARAM", "0.2"), ("PARAM", "1"),
                              ("CONST_DIR", "at least"), ("LIMIT", "80"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "12"), ("OBJ_DIR", "minimize")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 2 * torch_a + torch_b"
    assert "4 * torch_a + 3 * torch_b >= 80" in rows


def test_part_timers_are_said_by_the_name_the_text_gives_them() -> None:
    from modeler.strategies.offline.prose import as_prose

    text = ("A full-time cook works 40 hours a week and a part-time cook 15. The owner wants no more part-timers than "
            "full-timers.")
    assert "no more part-time cooks than full-time cooks." in as_prose(text)
    spaced = "Full time guards cost $900 and part time guards $400; at most twice as many part-timers as full-timers."
    assert "twice as many part time guards as full time guards" in as_prose(spaced)
    # (with no such name in the text there is nothing to say it by)
    assert as_prose("We hire part-timers only.") == "We hire part-timers only."
