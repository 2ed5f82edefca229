"""Reading LLM answers: the JSON object or the program inside them, whatever prose surrounds it.

LLMs wrap answers in Markdown fences, add a sentence before or after, or forget the fence. These
functions find what is meant and say clearly what was wrong when nothing usable is there: that
message goes back to the LLM in a repair round, so it is written for the LLM to act on.
"""

from __future__ import annotations

import json
import re
from typing import Any

from modeler.strategies.base import StrategyError

_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n(.*?)(?:```|\Z)", re.S)
LANGUAGE_TAGS = {
    "python": {"python", "py", "python3"},
    "minizinc": {"minizinc", "mzn"},
    "json": {"json", "jsonc"},
}


class AnswerFormatError(StrategyError):
    """The answer holds no usable JSON object / program; the message tells the LLM what to send."""


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(language tag in lower case, body) for each ``` fenced block, in order; an unclosed last block
    (a truncated answer) counts too."""
    return [(m.group(1).lower(), m.group(2)) for m in _FENCE.finditer(text)]


def extract_json(text: str) -> dict[str, Any]:
    """The JSON object an answer carries: a ```json block, else the whole answer, else the largest
    {...} that parses. Raises AnswerFormatError saying what is wrong with the best attempt."""
    candidates = [body for tag, body in fenced_blocks(text) if tag in LANGUAGE_TAGS["json"] or not tag]
    candidates.append(text)
    first_error = ""
    for body in candidates:
        try:
            value = json.loads(body)
        except json.JSONDecodeError as e:
            first_error = first_error or f"{e.msg} at line {e.lineno} column {e.colno}"
            continue
        if isinstance(value, dict):
            return value
        first_error = first_error or f"the JSON is a {type(value).__name__}, not an object"
    found = _largest_object(text)
    if found is not None:
        return found
    raise AnswerFormatError(
        "the answer does not contain a valid JSON object"
        + (f" ({first_error})" if first_error else "")
        + ". Send the complete JSON object in one ```json block, with double-quoted keys and no comments "
          "or trailing commas.")


def _largest_object(text: str) -> dict[str, Any] | None:
    """The largest JSON object embedded anywhere in text (a scan with raw_decode from each '{')."""
    decoder = json.JSONDecoder()
    best: tuple[int, dict[str, Any]] | None = None
    i = text.find("{")
    while i != -1:
        try:
            value, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError:
            i = text.find("{", i + 1)
            continue
        if isinstance(value, dict) and (best is None or end - i > best[0]):
            best = (end - i, value)
        i = text.find("{", end if isinstance(value, dict) else i + 1)
    return None if best is None else best[1]


def extract_code(text: str, language: str) -> str:
    """The program in an answer, for language "python" or "minizinc".

    The longest fenced block tagged with the language wins (answers often show a snippet first and the
    whole program after); else the longest untagged block; else the whole answer when it looks like
    code. Raises AnswerFormatError otherwise.
    """
    tags = LANGUAGE_TAGS.get(language, {language})
    blocks = fenced_blocks(text)
    for wanted in (tags, {""}):
        bodies = [body for tag, body in blocks if tag in wanted]
        if bodies:
            return max(bodies, key=len).strip() + "\n"
    if not blocks and _looks_like_code(text, language):
        return text.strip() + "\n"
    fence = "python" if language == "python" else language
    raise AnswerFormatError(
        f"the answer does not contain a {language} program. Send the whole program in one ```{fence} block.")


def _looks_like_code(text: str, language: str) -> bool:
    if language == "minizinc":
        return bool(re.search(r"^\s*(var|solve|constraint|include)\b", text, re.M))
    return bool(re.search(r"^\s*(import|from)\s+\w+", text, re.M))


def verdict(text: str) -> str:
    """"OK" or "FIXED" from a verification answer (its first word that is one of them), else ""."""
    m = re.search(r"\b(OK|FIXED)\b", text)
    return m.group(1) if m else ""
