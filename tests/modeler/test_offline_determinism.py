"""The offline reading is the same in every process: nothing in it may hang on the order a set of strings is
iterated in, which Python's hash seed changes from one process to the next. Each reading here runs in a
fresh interpreter under its own PYTHONHASHSEED and the models must agree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent

# A company named like a decision, cut two ways by the tags ("Oak Studios" and "Blue Oak", both two words):
# the untagged "Blue Oak Studios" at the start holds an untagged repeat of each, and which of the two
# overlapping repeats is read once hung on the hash seed (NL4Opt train "West Moon Designs", PYTHONHASHSEED
# 0 and 1 gave variables "west_moon" and "moon_designs"). "made at", not "made by": after "by" the opening
# business is no decision at all (`_opening_actor`), and the overlap would not arise.
_READ = """
import json
from hand_tags import hand
from modeler.strategies.offline import read_model
from modeler.strategies.offline.name_repairs import complete_mentions

text = ("Blue Oak Studios are known for fine furniture. Each desk made at Blue Oak Studios earns a profit of $150. "
        "Each shelf earns a profit of $100. Every week 90 hours of carpentry and 60 litres of varnish are available. "
        "Each desk takes 3 hours of carpentry and 2 litres of varnish. Each shelf takes 2 hours of carpentry and "
        "1 litre of varnish. How many of each should Blue Oak make to maximize profit?")
marks = [("VAR", "desk"), ("VAR", "Oak Studios"), ("PARAM", "150"), ("VAR", "shelf"), ("PARAM", "100"),
         ("LIMIT", "90"), ("LIMIT", "60"), ("VAR", "desk"), ("PARAM", "3"), ("PARAM", "2"), ("VAR", "shelf"),
         ("PARAM", "2"), ("PARAM", "1"), ("VAR", "Blue Oak")]
toks, spans = hand(text, marks)
words = [t.text for t in toks]
mentions = [[sp.start, sp.end] for sp in complete_mentions(words, spans) if sp.label == "VAR"]
model, _, confidence, _, _ = read_model(toks, spans)
print(json.dumps({"mentions": mentions, "model": model, "confidence": confidence}, sort_keys=True))
"""


def _readings(seeds: tuple[int, ...]) -> list[dict]:
    """The reading under each hash seed, each in its own interpreter (run side by side)."""
    procs = [subprocess.Popen([sys.executable, "-c", _READ], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": str(seed),
                                                        "OMP_NUM_THREADS": "1",
                                                        "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])})
             for seed in seeds]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=120)
        assert p.returncode == 0, stderr
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def test_the_reading_is_the_same_whatever_the_hash_seed() -> None:
    first, *others = _readings((0, 1, 2))
    for other in others:
        assert other == first
    # the repeat that stands first in the text is read: "Blue Oak" (Studios), not "(Blue) Oak Studios"
    assert [0, 2] in first["mentions"]
    assert "blue_oak" in first["model"]["variables"]
