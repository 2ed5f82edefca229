"""The unseen-names probe: renaming keeps the text, the tags and the gold model consistent."""

from __future__ import annotations

import random

from benchmarks.bench_offline_names import plural, rename, renaming, singular, unseen_pool

TEXT = "A shop sells ox carts and rickshaws. Each ox cart costs $5 and a Rickshaw costs $3. Maximize profit."


def _record() -> dict:
    words, spaces = [], []
    pos = 0
    for piece in TEXT.replace(".", " .").replace("$", "$ ").split():
        start = TEXT.index(piece, pos)
        pos = start + len(piece)
        words.append(piece)
        spaces.append(TEXT[pos: pos + 1] == " ")
    tokens = [{"text": w, "ws": s} for w, s in zip(words, spaces, strict=True)]

    def span(first: int, last: int, label: str) -> dict:
        return {"token_start": first, "token_end": last, "label": label}

    return {
        "tokens": tokens,
        "spans": [span(3, 4, "VAR"), span(6, 6, "VAR"), span(9, 10, "VAR"), span(13, 13, "PARAM"),
                  span(16, 16, "VAR"), span(19, 19, "PARAM")],
        "vars": ["ox carts", "rickshaws"],
        "var_mention_to_first_var": {"ox cart": "ox carts", "Rickshaw": "rickshaws"},
    }


def test_no_renaming_gives_the_document_back() -> None:
    text, offsets, tags = rename(_record(), {})
    assert text == TEXT
    assert [text[a:b] for a, b in offsets][3:5] == ["ox", "carts"]
    assert tags[3:5] == ["B-VAR", "I-VAR"]


def test_every_form_is_renamed_and_keeps_its_tag() -> None:
    subs = {"ox carts": ("kayak", "kayaks"), "rickshaws": ("amber lute", "amber lutes")}
    text, offsets, tags = rename(_record(), subs)
    assert text == ("A shop sells kayaks and amber lutes. Each kayak costs $5 and a Amber lute costs $3. "
                    "Maximize profit.")
    words = [text[a:b] for a, b in offsets]
    tagged = [w for w, t in zip(words, tags, strict=True) if t != "O"]
    assert tagged == ["kayaks", "amber", "lutes", "kayak", "5", "Amber", "lute", "3"]
    assert tags[words.index("amber"): words.index("amber") + 2] == ["B-VAR", "I-VAR"]


def test_substitutes_are_unseen_and_distinct_per_document() -> None:
    pool = unseen_pool({"kayak", "lutes"})
    assert "kayak" not in pool and "lute" not in pool and "violin" in pool
    subs = renaming({"vars": ["a", "b", "c"]}, pool, random.Random(0))
    heads = [s.split()[-1] for s, _ in subs.values()]
    assert len(set(heads)) == 3
    assert all(p == plural(s) for s, p in subs.values())


def test_plural_and_singular() -> None:
    assert [plural(w) for w in ("kayak", "compass", "sundial", "yoyo", "pony")] == [
        "kayaks", "compasses", "sundials", "yoyos", "ponies"]
    assert [singular(w) for w in ("kayaks", "compasses", "ponies", "glass")] == ["kayak", "compass", "pony", "glass"]
