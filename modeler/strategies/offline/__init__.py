"""The offline modeler: linear word problems to models with no LLM (entity recognition, rules, templates).

    text ──► as prose: a letter's body, "of each" spelt out, glued words set apart (prose.py)
         ──► tokenize + CRF entity tags (entities.py) + names it never saw (unseen.py)
             (when the reading below is unsure, again with each alternate tagger, the CRF ones, a
             BiLSTM-CRF (neural.py) and last all of them voting (ensemble.py): the surest wins; still
             unsure, the first tagger's nearest other taggings: nbest.py)
         ──► the tagger's slips repaired from the text: names (name_repairs.py, mentions.py), numbers
             (repairs.py) ──► variables and coefficient groups (reading.py)
         ──► a whole-problem shape whose decisions the text never names one by one (transport grid, shift
             cover, ...: whole_problems.py) reads the problem alone, when every part of it is said; else
         ──► fewer, truer variables (variables.py) ──► typed objective and constraints (classify.py, with
             objective_reads.py, limit_sense/scope/kinds/rows/words.py and comparisons.py)
         ──► five-element model (assemble.py)
         ──► three or more taggers agreeing on an optimum the reading's model misses: their reading instead
             (agreement.py)
         ──► a model with no solution (infeasible or unbounded) is a misreading: the surest reading of
             any tagger that has one is shown instead (solvable.py)

It refuses, with a reason and a confidence, when the text is beyond it: no decision variables, no
objective, no numbers, or nonlinear wording ("the product of", "squared").
"""

from __future__ import annotations

import math
import os
import re
import threading
from typing import Any, ClassVar

from modeler.strategies.base import Candidate, Context, Refusal, Strategy
from modeler.strategies.offline.prose import as_prose

_NONLINEAR = re.compile(r"\b(product of|squared|the square of|square root|cubed|quadratic|multiplied by each other|"
                        r"exponential|logarithm|divided by the number)\b", re.I)
# below this confidence the reader refuses (with its doubts) rather than hand back a model it cannot trust
REFUSE_BELOW = float(os.environ.get("OPTIPILOT_OFFLINE_REFUSE_BELOW", "0.3"))
# a first reading at least this sure is kept (the "high" band of the benchmarks: 86.5 % right on NL4Opt
# test at v30, against 70 % below it; on fresh texts nobody tuned for, 17 of 20 in users' voices (dev18) and
# 25 of 30 with count goals (dev21)); below it each alternate tagger gives a reading too, and the surest wins
SURE = 0.85
# the surest a reading ever is: `_confidence` starts here and only takes off
SUREST = 0.9
# still unsure after the alternates, the reader also reads the first tagger's nearest other taggings
# (nbest.py); OPTIPILOT_OFFLINE_NBEST=0 turns that off (the baseline of the benchmarks)
NBEST = os.environ.get("OPTIPILOT_OFFLINE_NBEST", "1") != "0"
# a reading several other taggers agree against is replaced by theirs (agreement.py);
# OPTIPILOT_OFFLINE_AGREEMENT=0 turns that off (the baseline of the benchmarks)
AGREEMENT = os.environ.get("OPTIPILOT_OFFLINE_AGREEMENT", "1") != "0"
_lock = threading.Lock()
_taggers: list[Any] = []


def taggers() -> list[Any]:
    """The entity taggers, loaded once per process (about 20 ms each): the first, then the alternates
    trained beside it that are present (the CRFs of entities.ALTERNATES, then the BiLSTM-CRF of neural.py),
    then all of them voting (ensemble.py, with the BiLSTM-CRF's other seeds). OPTIPILOT_OFFLINE_NER names
    another first tagger (the train-only one, for honest dev-split numbers); its alternates are looked for
    beside it. OPTIPILOT_OFFLINE_ALTERNATES=0 reads with the first tagger alone (the baseline of the
    benchmarks). OPTIPILOT_OFFLINE_ENSEMBLE puts the vote elsewhere: "first" reads with it before the
    first CRF (the better tagger of texts unlike NL4Opt's, but the rules were fitted to the CRF's slips:
    benchmarks/results/offline-nl4opt-v45/NOTE.md), "second" right after it, "0" leaves it out."""
    with _lock:
        if not _taggers:
            from pathlib import Path

            from modeler.strategies.offline.entities import ALTERNATES, CRF_PATH, EntityTagger, alternate_path
            from modeler.strategies.offline.neural import NeuralTagger, neural_path, voice_paths

            first = Path(os.environ.get("OPTIPILOT_OFFLINE_NER") or CRF_PATH)
            _taggers.append(EntityTagger(first))
            if os.environ.get("OPTIPILOT_OFFLINE_ALTERNATES", "1") != "0":
                _taggers.extend(EntityTagger(p) for name in ALTERNATES
                                if (p := alternate_path(first, name)).is_file())
                # then the one tagger of another kind, whose slips are not the CRFs' (neural.py)
                if (p := neural_path(first)).is_file():
                    _taggers.append(NeuralTagger(p))
                # last, all of them voting: it tags best word by word, yet read first it trades NL4Opt-
                # like texts the rules were fitted on for others; read last it loses nothing
                where = os.environ.get("OPTIPILOT_OFFLINE_ENSEMBLE", "last")
                if where not in ("0", "first", "second", "last"):
                    from modeler.strategies.base import StrategyError

                    _taggers.clear()  # nothing half-loaded stays behind for the next call
                    raise StrategyError(f"OPTIPILOT_OFFLINE_ENSEMBLE is {where!r}; it takes first, second, last "
                                        "or 0 (where the taggers' vote is read)")
                if where != "0" and len(_taggers) > 1:
                    from modeler.strategies.offline.ensemble import EnsembleTagger

                    # the voices already loaded are shared, so the vote and the neural alternate share
                    # one LSTM pass per text
                    loaded = {t.path: t for t in _taggers}
                    crfs = [t for t in _taggers if isinstance(t, EntityTagger)]
                    ens = EnsembleTagger(crfs, [loaded.get(p) or NeuralTagger(p) for p in voice_paths(first)])
                    _taggers.insert({"first": 0, "second": 1, "last": len(_taggers)}[where], ens)
        return _taggers


def tagger() -> Any:
    """The first entity tagger."""
    return taggers()[0]


class OfflineStrategy(Strategy):
    name: ClassVar[str] = "offline"
    needs_llm: ClassVar[bool] = False
    description: ClassVar[str] = "Entity recognition and constraint templates for linear word problems; no LLM."

    def __init__(self, **_: Any) -> None:
        taggers()  # load now, so the first problem does not pay for it

    def propose(self, problem: str, ctx: Context) -> Candidate:
        from modeler.ir import Model
        from modeler.strategies.offline.entities import tokenize

        text = as_prose(problem)
        if not text:
            raise Refusal("the problem text is empty", 0.0)
        m = _NONLINEAR.search(text)
        if m:
            raise Refusal(f"the problem is not linear (it says {m.group(0)!r}); the offline modeler only "
                          "writes linear models: try an LLM strategy", 0.1)
        if not re.search(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twice|half)\b", text, re.I):
            raise Refusal("the problem gives no numbers, so there are no coefficients or limits to model", 0.0)
        tokens = tokenize(text)
        model_json, understanding, confidence, r, specs = read_surest(tokens)
        ctx.note(step="offline", variables=len(r.variables), constraints=len(specs), confidence=confidence)
        return Candidate(model=Model.from_json(model_json), confidence=confidence, understanding=understanding,
                         notes="offline modeler: CRF entities + constraint templates")


def read_surest(tokens: list[Any]) -> tuple[dict[str, Any], list[dict[str, Any]], float, Any, list[Any]]:
    """`read_model` on the first tagger's entities; when that reading is unsure (or refused), also on each
    alternate tagger's, keeping the surest (the first on a tie); when it is sure but leaves a number unused,
    also on the taggers' vote (on the first CRF when the vote is read first). The taggers learnt from the same texts
    but slip on different names, and a slip shows in the confidence: numbers left over, a variable
    nothing limits. When the surest is still unsure, the first tagger's nearest other taggings are read
    too, and one replaces it only when clearly surer (nbest.py). When the reading kept has a model with
    no solution, the surest of every tagger's readings whose model has one is shown instead
    (solvable.py). Raises the first tagger's Refusal when every tagger's reading is refused."""
    from modeler.strategies.offline.ensemble import EnsembleTagger

    words = [t.text for t in tokens]
    best: tuple[dict[str, Any], list[dict[str, Any]], float, Any, list[Any]] | None = None
    first_refusal: Refusal | None = None
    chosen = 0
    read = _Taggings()
    readings: list[tuple[tuple[dict[str, Any], list[dict[str, Any]], float, Any, list[Any]], int]] = []
    for k in range(len(taggers())):
        if best is not None and best[2] >= SURE:
            break
        reading = _read_once(tokens, k, read)
        if isinstance(reading, Refusal):
            first_refusal = first_refusal or reading
            continue
        if reading is None:
            continue
        readings.append((reading, k))
        if best is None or _rank(reading) > _rank(best):
            best, chosen = reading, k
    vote = next((k for k, tg in enumerate(taggers()) if isinstance(tg, EnsembleTagger)), None)
    other = vote
    if vote == 0:  # (the vote read first, OPTIPILOT_OFFLINE_ENSEMBLE=first: the first CRF after it)
        other = 1 if len(taggers()) > 1 else None
    if best is not None and SURE <= best[2] < SUREST and other is not None:
        # sure, yet one number left unused (the one doubt small enough to leave a reading sure): the vote's
        # reading replaces it when it leaves fewer unused; on the unseen fresh sets that won 4 and lost
        # none, and every alternate read here too won the same 4 (offline-nl4opt-v45/NOTE.md)
        reading = _read_once(tokens, other, read)
        if reading is not None and not isinstance(reading, Refusal):
            readings.append((reading, other))
            if _rank(reading) > _rank(best):
                best, chosen = reading, other
    if best is None:
        assert first_refusal is not None
        raise first_refusal
    if AGREEMENT and len(taggers()) > 1:
        agreed = _agreed(tokens, read, readings, best)
        if agreed is not None:
            best, chosen = agreed[0], -1  # (its understanding says why already)
    if best[2] < SURE and NBEST:
        from modeler.strategies.offline.nbest import second_thought

        # the first CRF's own second thoughts, also when the vote reads first (OPTIPILOT_OFFLINE_ENSEMBLE)
        first = next(t for t in taggers() if not isinstance(t, EnsembleTagger))
        second = second_thought(first, words, best, lambda tags: _read_tagging(tokens, tags, first.vocabulary))
        if second is not None:
            best, name = second[0], f"{first.path.name} n-best"
            best[1].append({"kind": "reading", "type": f"alternative tagging ({name})", "tagger": name,
                            "sentence": "the reading was unsure, so taggings the first tagger found nearly as "
                                        f"likely were read too; one it found {math.exp(second[1]):.1f} times "
                                        "less likely reads clearly surer and is shown"})
            chosen = -1
    from modeler.strategies.offline.solvable import has_solution

    if has_solution(best[0]) is False:
        solvable = _surest_solvable(tokens, read, readings, best)
        if solvable is not None:
            best, name = solvable
            best[1].append({"kind": "reading", "type": f"a reading with a solution ({name})", "tagger": name,
                            "sentence": "the surest reading's model had no solution (its constraints "
                                        "contradict each other, or its objective is unbounded), so the "
                                        "surest reading whose model has one is shown"})
            return best
    if chosen > 0:
        name = taggers()[chosen].path.name
        best[1].append({"kind": "reading", "type": f"alternate tagger {name}", "tagger": name,
                        "sentence": "the first tagger's reading was less sure (or refused), so the best of "
                                    "the alternate taggers' readings is shown"})
    return best


class _Taggings:
    """The taggings of one text read so far: each tagging's reading (or Refusal), and each tagger's tagging."""

    def __init__(self) -> None:
        self.reading: dict[tuple[tuple[str, ...], frozenset[str] | None], Any] = {}
        self.of_tagger: dict[int, tuple[tuple[str, ...], frozenset[str] | None]] = {}
        self.reading_of: set[int] = set()  # the taggers whose tagging has been read
        self.optimum: dict[int, float | None] = {}  # LP optima, by id of the reading


def _read_once(tokens: list[Any], k: int, read: _Taggings) -> Any:
    """Tagger k's reading; None when the same tags with the same vocabulary were read already (taggers
    often agree, and a tie never replaces the reading kept, so an unsure text is not read again for
    nothing) or when tagger k was read already; the Refusal, returned, when it is refused."""
    if k in read.reading_of:
        return None
    read.reading_of.add(k)
    key = _tagging(tokens, k, read)
    if key in read.reading:
        return None
    try:
        read.reading[key] = _read_tagging(tokens, list(key[0]), key[1])
    except Refusal as e:
        read.reading[key] = e
    return read.reading[key]


def _tagging(tokens: list[Any], k: int, read: _Taggings) -> tuple[tuple[str, ...], frozenset[str] | None]:
    """Tagger k's tagging of the text (with the vocabulary it reads by), tagged once."""
    if k not in read.of_tagger:
        tg = taggers()[k]
        read.of_tagger[k] = (tuple(tg.tag([t.text for t in tokens])), tg.vocabulary)
    return read.of_tagger[k]


def _agreed(tokens: list[Any], read: _Taggings, readings: list[tuple[Any, int]],
            kept: Any) -> tuple[Any, int] | None:
    """The reading the taggers agree on (agreement.py), when it replaces `kept`, with its tagger's number; it
    says so in its understanding. The taggings read here are added to `readings`."""
    from modeler.strategies.offline.agreement import AGREE, UNDECIDED, agreed
    from modeler.strategies.offline.entities import EntityTagger
    from modeler.strategies.offline.solvable import lp_optimum

    # only taggers that tag otherwise than the reading kept can vote against it: the CRFs first (a
    # millisecond each), no more once too few are left to agree; the BiLSTM-CRF and the vote (every tagger's
    # probabilities: 4 and 15 ms) only when the CRFs leave the outcome open. Taggers that tag as the kept
    # reading was tagged vote with it unread (with another tagger's vocabulary the same tags nearly always
    # read alike); the other taggings are read once each
    kept_tags = next(key for key, reading in read.reading.items() if reading is kept)[0]
    n = len(taggers())
    later = [k for k, tg in enumerate(taggers()) if not isinstance(tg, EntityTagger) and k not in read.of_tagger]
    groups: dict[Any, list[int]] = {}

    def join(k: int) -> None:
        key = _tagging(tokens, k, read)
        groups.setdefault(kept_tags if key[0] == kept_tags else key, []).append(k)

    def too_few() -> bool:
        """Even if every tagger not heard yet tagged otherwise, fewer than AGREE would."""
        against = sum(len(v) for g, v in groups.items() if g != kept_tags)
        return against + n - sum(map(len, groups.values())) < AGREE

    for k in range(n):
        if k not in later:
            if too_few():
                return None
            join(k)
    if too_few():
        return None

    def reader(voters: list[int]) -> Any:
        def read_them() -> Any:
            done = next((k for k in voters if k in read.reading_of), None)
            if done is None:
                done = voters[0]
                reading = _read_once(tokens, done, read)
                if reading is not None and not isinstance(reading, Refusal):
                    readings.append((reading, done))
            return read.reading[read.of_tagger[done]]
        return read_them

    def optimum(reading: Any) -> float | None:
        if id(reading) not in read.optimum:
            read.optimum[id(reading)] = lp_optimum(reading[0])
        return read.optimum[id(reading)]

    def ask(unknown: int) -> Any:
        others = [(voters, reader(voters)) for g, voters in groups.items() if g != kept_tags]
        return agreed(kept, groups.get(kept_tags, []), others, SURE, optimum, unknown)

    found = ask(len(later))
    if found == UNDECIDED:
        for k in later:
            join(k)
        found = ask(0)
    if not isinstance(found, tuple):
        return None
    reading, k, agree = found
    reading[1].append({"kind": "reading", "type": f"{agree} taggers agree ({taggers()[k].path.name})",
                       "tagger": taggers()[k].path.name,
                       "sentence": f"{agree} of the {n} taggers read models with one optimum that the surest "
                                   "reading's model misses, so the reading they agree on is shown"})
    return reading, k


def _surest_solvable(tokens: list[Any], read: _Taggings,
                     readings: list[tuple[Any, int]], kept: Any) -> tuple[Any, str] | None:
    """The surest reading, of every tagger's (those not read yet are read now: `_read_once` skips the
    taggings read already), whose model has a solution, other than `kept`, with the name of its tagger;
    None when none has."""
    from modeler.strategies.offline.solvable import has_solution

    for k in range(len(taggers())):
        reading = _read_once(tokens, k, read)
        if reading is not None and not isinstance(reading, Refusal):
            readings.append((reading, k))
    for reading, k in sorted(readings, key=lambda rk: _rank(rk[0]), reverse=True):
        if reading is not kept and has_solution(reading[0]):
            return reading, taggers()[k].path.name
    # (the first tagger's own second thoughts, nbest.py, read here too lost 2 of NL4Opt dev and gained
    # nothing on the fresh sets: offline-nl4opt-v37/NOTE.md)
    return None


def _read_tagging(tokens: list[Any], tags: list[str], vocabulary: frozenset[str] | None) -> tuple[
        dict[str, Any], list[dict[str, Any]], float, Any, list[Any]]:
    """`read_model` on one tagging, where a fault of the reader's own (a rule meeting a tagging it was
    never written for) refuses that tagging, with the fault named, instead of losing the other taggers'
    readings or reaching the user as a traceback. Tests call read_model itself, so faults still fail them."""
    from modeler.strategies.offline.entities import spans_from_tags

    try:
        return read_model(tokens, spans_from_tags([t.text for t in tokens], tags), vocabulary)
    except Refusal:
        raise
    except Exception as e:  # noqa: BLE001 - any fault of the reader's is reported, not raised
        raise Refusal(f"the offline reader failed on this text ({type(e).__name__}: {e}); please report it",
                      0.0) from e


def _rank(reading: tuple[Any, list[dict[str, Any]], float, Any, Any]) -> tuple[float, ...]:
    """How readings compare: fewer numbers left unused first (a word problem states its numbers to be
    used, so a reading that leaves one out has misread something), then the confidence."""
    unused = sum(u.get("unused", 0) for u in reading[1] if u["kind"] == "doubt")
    return (-unused, reading[2])


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
        raise Refusal("the offline reading is too unsure to trust (" + "; ".join(d["sentence"] for d in doubts)
                      + "); an LLM strategy may read it", confidence)
    model_json, understanding = build(r, obj, specs)
    understanding += [{"kind": "doubt", "type": f"confidence {confidence:.0%}", **d} for d in doubts]
    return model_json, understanding, confidence, r, specs


def _understand(tokens: list[Any], spans: list[Any]) -> tuple[Any, Any, list[Any]]:
    from modeler.strategies.offline.classify import constraints, objective, spare_objective
    from modeler.strategies.offline.reading import read
    from modeler.strategies.offline.whole_problems import (
        cutting_patterns,
        machine_products,
        regular_overtime,
        shift_cover,
        transport_grid,
    )

    r = read(tokens, spans)
    # a price for every source-destination pair (the decisions are the pairs); shifts that cover periods in
    # a row (the decisions are the starts); each machine's hours on each product; each month's regular time
    # and overtime; how many stock pieces each cutting pattern cuts
    grid = transport_grid(r) or shift_cover(r) or machine_products(r) or regular_overtime(r) or cutting_patterns(r)
    if grid is not None:
        return grid
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


def _confidence(r: Any, obj: Any, specs: list[Any], spans: list[Any]) -> tuple[float, list[dict[str, Any]]]:
    """A rough 0..1 and the doubts behind it: numbers the model leaves unused, an objective nothing
    bounds, a variable no constraint names, an objective that only counts where the text did not ask for a
    count, nothing constraining, and each shape a right model almost never has (`checks.shape_doubts`:
    no optimum, a variable the objective leaves out, ...; 0.1 each, enough to send a reading that would
    otherwise be sure to the alternate taggers, but never below REFUSE_BELOW on their own). Each doubt is {"sentence": ...}; the unused numbers' one
    also holds how many there are ("unused")."""
    from modeler.strategies.offline.checks import (
        idle_variables,
        shape_doubts,
        unbounded_variables,
        unused_numbers,
    )

    conf = SUREST
    doubts: list[dict[str, Any]] = []
    unused, total = unused_numbers(r, obj, specs)
    if unused:
        conf -= 0.5 * len(unused) / max(total, 1)
        doubts.append({"sentence": f"numbers left unused: {', '.join(unused[:6])}", "unused": len(unused)})
    free = unbounded_variables(r, obj, specs)
    if free:
        conf -= 0.5
        doubts.append({"sentence": "nothing limits " + ", ".join(r.variables[v].text for v in free)})
    idle = [v for v in idle_variables(r, specs) if v not in free]
    if idle and specs:
        conf -= 0.2
        doubts.append({"sentence": "no constraint names " + ", ".join(r.variables[v].text for v in idle)})
    if obj.kind == "count" and not getattr(obj, "said", False):
        conf -= 0.15
        doubts.append({"sentence": f"the objective ({obj.name or 'unnamed'}) is read as a plain count"})
    if not specs:
        conf -= 0.4
        doubts.append({"sentence": "no constraint found"})
    if getattr(obj, "assumed", False):
        conf -= 0.1
        doubts.append({"sentence": f"the text states no goal: read as the most {obj.name}"})
    # weak doubts: each sends a reading that would be sure to the alternates, but alone they never make
    # the reader refuse
    floor = min(conf, REFUSE_BELOW)
    for sentence in shape_doubts(r, obj, specs):
        conf = max(conf - 0.1, floor)
        doubts.append({"sentence": sentence})
    return round(max(conf, 0.05), 3), doubts


__all__ = ["OfflineStrategy"]
