"""Prompt texts as files: data, versioned with the code and reviewed like it.

    from modeler.prompts import prompt
    p = prompt("five_element.md", problem=text)      # {{problem}} filled in
    p.text, p.name, p.version                         # version: a short hash of the file's text

Placeholders are written `{{name}}` (prompts are full of JSON braces, so str.format would not do).
The version goes into the transcript with every LLM call, so a result can be traced to the exact
prompt that produced it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROMPT_DIR = Path(__file__).resolve().parent
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


class PromptError(LookupError):
    """A prompt file is missing or a placeholder was left unfilled (a bug in the caller or the file)."""


@dataclass(frozen=True)
class Prompt:
    name: str  # the file's path relative to modeler/prompts, or names joined with "+"
    version: str  # the first 8 hex digits of the sha256 of the raw text
    text: str


@lru_cache(maxsize=256)
def _raw(name: str) -> str:
    path = (PROMPT_DIR / name).resolve()
    if PROMPT_DIR not in path.parents or not path.is_file():
        raise PromptError(f"no prompt file {name!r} under {PROMPT_DIR}")
    return path.read_text(encoding="utf-8").strip() + "\n"


def prompt(*names: str, **values: str) -> Prompt:
    """The named prompt files joined by blank lines, with `{{key}}` placeholders filled from `values`."""
    raw = "\n".join(_raw(n) for n in names)
    missing = sorted({m for m in _PLACEHOLDER.findall(raw) if m not in values})
    if missing:
        raise PromptError(f"prompt {'+'.join(names)} needs values for: {', '.join(missing)}")
    text = _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), raw)
    return Prompt("+".join(names), hashlib.sha256(raw.encode()).hexdigest()[:8], text)


def available(prefix: str = "") -> list[str]:
    """The prompt files (relative names) whose names start with prefix."""
    return sorted(str(p.relative_to(PROMPT_DIR)) for p in PROMPT_DIR.rglob("*.md")
                  if str(p.relative_to(PROMPT_DIR)).startswith(prefix))


def entity_hints(text: str) -> str:
    """What the offline modeler's entity tagger sees in the text, as a hint block for LLM prompts.

    Empty when the tagger is not available (its trained artifact missing): hints are an aid, never a
    requirement.
    """
    try:
        from modeler.strategies.offline import tagger
        from modeler.strategies.offline.entities import spans_from_tags, tokenize
    except ImportError:
        return ""
    try:
        words = [t.text for t in tokenize(text)]
        spans = spans_from_tags(words, tagger().tag(words))
    except (OSError, ValueError):  # EntityModelMissingError is an OSError
        return ""
    names = {"VAR": "decision variables", "PARAM": "numbers (coefficients)", "LIMIT": "limits",
             "CONST_DIR": "constraint directions", "OBJ_DIR": "objective direction",
             "OBJ_NAME": "objective"}
    groups: dict[str, list[str]] = {}
    for sp in spans:
        groups.setdefault(sp.label, [])
        if sp.text not in groups[sp.label]:
            groups[sp.label].append(sp.text)
    if not groups:
        return ""
    lines = [f"- {names.get(label, label)}: {', '.join(items)}" for label, items in groups.items()]
    return ("Hints from an entity tagger (may be incomplete or wrong; the text is what counts):\n"
            + "\n".join(lines))
