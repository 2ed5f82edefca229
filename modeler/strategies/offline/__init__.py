"""The offline modeler: linear word problems to models with no LLM (entity recognition, rules, templates).

    text ──► tokenize + CRF entity tags (entities.py) + names it never saw (unseen.py)
         ──► the tagger's slips repaired from the text: names (name_repairs.py, mentions.py), numbers
             (repairs.py) ──► variables and coefficient groups (reading.py)
         ──► fewer, truer variables (variables.py) ──► typed objective and constraints (classify.py)
         ──► five-element model (assemble.py)

It refuses, with a reason and a confidence, when the text is beyond it: no decision variables, no
objective, no numbers, or nonlinear wording ("the product of", "squared").
"""

from __future__ import annotations

import os
import re
import threading
from typing import Any, ClassVar

from modeler.strategies.base import Candidate, Context, Refusal, Strategy

_NONLINEAR = re.compile(r"\b(product of|squared|the square of|square root|cubed|quadratic|multiplied by each other|"
                        r"exponential|logarithm|divided by the number)\b", re.I)
# below this confidence the reader refuses (with its doubts) rather than hand back a model it cannot trust
REFUSE_BELOW = float(os.environ.get("OPTIPILOT_OFFLINE_REFUSE_BELOW", "0.3"))
_lock = threading.Lock()
_tagger: Any = None


def tagger() -> Any:
    """The entity tagger, loaded once per process (about 20 ms). OPTIPILOT_OFFLINE_NER names another
    trained model file (the train-only model, for honest dev-split numbers)."""
    global _tagger
    with _lock:
        if _tagger is None:
            from pathlib import Path

            from modeler.strategies.offline.entities import CRF_PATH, EntityTagger

            _tagger = EntityTagger(Path(os.environ.get("OPTIPILOT_OFFLINE_NER") or CRF_PATH))
        return _tagger


class OfflineStrategy(Strategy):
    name: ClassVar[str] = "offline"
    needs_llm: ClassVar[bool] = False
    description: ClassVar[str] = "Entity recognition and constraint templates for linear word problems; no LLM."

    def __init__(self, **_: Any) -> None:
        tagger()  # load now, so the first problem does not pay for it

    def propose(self, problem: str, ctx: Context) -> Candidate:
        from modeler.ir import Model
        from modeler.strategies.offline.entities import spans_from_tags, tokenize

        text = problem.strip()
        if not text:
            raise Refusal("the problem text is empty", 0.0)
        m = _NONLINEAR.search(text)
        if m:
            raise Refusal(f"the problem is not linear (it says {m.group(0)!r}); the offline modeler only "
                          "writes linear models: try an LLM strategy", 0.1)
        if not re.search(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twice|half)\b", text, re.I):
            raise Refusal("the problem gives no numbers, so there are no coefficients or limits to model", 0.0)
        tokens = tokenize(text)
        words = [t.text for t in tokens]
        model_json, understanding, confidence, r, specs = read_model(tokens, spans_from_tags(words, tagger().tag(words)),
                                                                     tagger().vocabulary)
        ctx.note(step="offline", variables=len(r.variables), constraints=len(specs), confidence=confidence)
        return Candidate(model=Model.from_json(model_json), confidence=confidence, understanding=understanding,
                         notes="offline modeler: CRF entities + constraint templates")


def read_model(tokens: list[Any], spans: list[Any], vocabulary: frozenset[str] | None = None) -> tuple[
        dict[str, Any], list[dict[str, Any]], float, Any, list[Any]]:
    """The model (JSON dict), the understanding, the confidence, the reading and the constraint specs for a
    tagged document; raises Refusal when the text is beyond the modeler. `vocabulary` is the tagger's
    training vocabulary: names outside it that the tagger missed are looked for (`unseen.py`). (Split
    from `propose` so the train-text check can feed gold or cross-validated tags.)"""
    from modeler.strategies.offline.assemble import build
    from modeler.strategies.offline.unseen import coordinated_names

    spans = coordinated_names([t.text for t in tokens], spans, vocabulary)
    r, obj, specs = _understand(tokens, spans)
    idle = _unsupported(r, obj, specs)
    if idle and len(idle) < len(r.variables):
        # mentions that no number and no rule ever touches ("A toy company ...") are not decisions:
        # read again without them, so sums, shares and counts range over the real variables
        spans = [sp for sp in spans if not (sp.label == "VAR" and r.mention_var.get(sp.start) in idle)]
        r, obj, specs = _understand(tokens, spans)
    confidence, doubts = _confidence(r, obj, specs, spans)
    if confidence < REFUSE_BELOW:
        raise Refusal("the offline reading is too unsure to trust (" + "; ".join(doubts) + "); an LLM "
                      "strategy may read it", confidence)
    model_json, understanding = build(r, obj, specs)
    understanding += [{"kind": "doubt", "type": f"confidence {confidence:.0%}", "sentence": d} for d in doubts]
    return model_json, understanding, confidence, r, specs


def _understand(tokens: list[Any], spans: list[Any]) -> tuple[Any, Any, list[Any]]:
    from modeler.strategies.offline.classify import constraints, objective, spare_objective
    from modeler.strategies.offline.reading import read

    r = read(tokens, spans)
    if not r.variables:
        raise Refusal("no decision variables found (nothing the text asks to choose an amount of)", 0.05)
    used: set[int] = set()
    obj = objective(r, used)
    if obj is None:
        raise Refusal("no objective found (no 'maximize ...' or 'minimize ...' in the text)", 0.1)
    specs = constraints(r, obj.sense, next(iter(used), None))
    return r, spare_objective(r, obj, specs), specs


def _unsupported(r: Any, obj: Any, specs: list[Any]) -> set[int]:
    """Variables no coefficient, bound, share or comparison names (only sums and counts reach them)."""
    seen: set[int] = set()
    if obj.kind == "weighted":
        seen.update(v for v, c in obj.terms.items() if c)
    for s in specs:
        if s.kind in ("linear", "upperbound", "lowerbound", "ratio"):
            seen.update(s.terms)
        seen.update(v for v in (s.x, s.y) if v is not None)
    return {v.index for v in r.variables} - seen


def _confidence(r: Any, obj: Any, specs: list[Any], spans: list[Any]) -> tuple[float, list[str]]:
    """A rough 0..1 and the doubts behind it: numbers the model leaves unused, an objective nothing
    bounds, an objective that only counts where the text did not ask for a count, nothing constraining."""
    from modeler.strategies.offline.checks import unbounded_variables, unused_numbers

    conf = 0.9
    doubts: list[str] = []
    unused, total = unused_numbers(r, obj, specs)
    if unused:
        conf -= 0.5 * len(unused) / max(total, 1)
        doubts.append(f"numbers left unused: {', '.join(unused[:6])}")
    free = unbounded_variables(r, obj, specs)
    if free:
        conf -= 0.5
        doubts.append("nothing limits " + ", ".join(r.variables[v].text for v in free))
    if obj.kind == "count" and not getattr(obj, "said", False):
        conf -= 0.15
        doubts.append(f"the objective ({obj.name or 'unnamed'}) is read as a plain count")
    if not specs:
        conf -= 0.4
        doubts.append("no constraint found")
    return round(max(conf, 0.05), 3), doubts


__all__ = ["OfflineStrategy"]
