"""A travel request as validated fields (TravelPlanner's query schema), read offline or by an LLM.

The offline parser reads requests phrased like TravelPlanner's queries: city and state names are
matched against the database's city and state lists, dates against "March 16th"-style phrases, and
local constraints (house rule, cuisines, room type, transport ban) against fixed phrasings. The LLM
path asks the model for the same fields as JSON (few-shot prompt in modeler/prompts/travel_request.md)
and validates the answer with the same pydantic model, feeding errors back once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from modeler.travel.database import TravelError, known_places

HOUSE_RULES = ("parties", "smoking", "children under 10", "visitors", "pets")
ROOM_TYPES = ("entire room", "private room", "shared room", "not shared room")
TRANSPORT_BANS = ("no flight", "no self-driving")
CUISINES = ("Chinese", "American", "Italian", "Mexican", "Indian", "Mediterranean", "French")


class TravelRequest(BaseModel):
    """What the traveller asked for (TravelPlanner's fields; local constraints are None when absent)."""

    origin: str
    destination: str  # a city, or a state when visiting_city_number > 1
    days: int
    visiting_city_number: int = 1
    dates: list[str] = Field(default_factory=list)  # ISO dates, one per day
    people: int = 1
    budget: float
    house_rule: Literal["parties", "smoking", "children under 10", "visitors", "pets"] | None = None
    cuisine: list[str] = Field(default_factory=list)
    room_type: Literal["entire room", "private room", "shared room", "not shared room"] | None = None
    transportation: Literal["no flight", "no self-driving"] | None = None

    @field_validator("days")
    @classmethod
    def _days(cls, v: int) -> int:
        if v < 1:
            raise ValueError(f"the trip must last at least 1 day (got {v})")
        return v

    @field_validator("budget")
    @classmethod
    def _budget(cls, v: float) -> float:
        if v < 0:
            raise ValueError(f"the budget cannot be negative (got {v})")
        return v

    @field_validator("people", "visiting_city_number")
    @classmethod
    def _positive(cls, v: int) -> int:
        if v < 1:
            raise ValueError(f"must be at least 1 (got {v})")
        return v

    @field_validator("cuisine")
    @classmethod
    def _cuisine(cls, v: list[str]) -> list[str]:
        out = []
        for c in v:
            hit = next((k for k in CUISINES if k.lower() == str(c).strip().lower()), None)
            if hit is None:
                raise ValueError(f"unknown cuisine {c!r}; known: {', '.join(CUISINES)}")
            out.append(hit)
        return list(dict.fromkeys(out))

    @model_validator(mode="after")
    def _dates(self) -> TravelRequest:
        if self.dates and len(self.dates) != self.days:
            raise ValueError(f"{len(self.dates)} dates given for a {self.days}-day trip")
        for d in self.dates:
            dt.date.fromisoformat(d)
        if self.visiting_city_number > self.days:
            raise ValueError(f"cannot visit {self.visiting_city_number} cities in {self.days} days")
        return self

    def local_constraints(self) -> dict[str, Any]:
        return {"house rule": self.house_rule, "cuisine": self.cuisine or None, "room type": self.room_type,
                "transportation": self.transportation}


def make_request(**fields: Any) -> TravelRequest:
    """A TravelRequest, with pydantic's errors turned into one TravelError a person can read."""
    try:
        return TravelRequest(**fields)
    except ValidationError as e:
        msgs = [f"{'.'.join(str(p) for p in err['loc']) or 'request'}: {err['msg']}" for err in e.errors()]
        raise TravelError("bad travel request: " + "; ".join(msgs)) from None


def check_places(req: TravelRequest, places: tuple[frozenset[str], frozenset[str]] | None = None) -> None:
    """Unknown origin or destination -> TravelError naming it."""
    cities, states = places or known_places()
    if req.origin not in cities:
        raise TravelError(f"unknown origin city {req.origin!r}: it is not in TravelPlanner's city list.")
    if req.destination not in cities and req.destination not in states:
        raise TravelError(f"unknown destination {req.destination!r}: neither a city nor a state of the database.")


# ------------------------------------------------------------------------------------------ offline

_WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "single": 1, "a": 1}
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}
_ORIGIN_CUES = r"(?:from|departing|depart|starting in|starting|start in|leaving|leaving from|setting off from|" \
               r"taking off from|originating from|beginning in|trip from|travelling from|traveling from)"


def _num(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _WORDNUM.get(word)


def _find_places(text: str, names: frozenset[str]) -> list[tuple[int, str]]:
    """(position, name) of each mention, longest names first, no overlaps."""
    taken: list[tuple[int, int]] = []
    hits: list[tuple[int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append((m.start(), name))
    return sorted(hits)


def _people(text: str) -> int:
    t = text.lower()
    for pat in (r"group of (\w+)", r"party of (\w+)", r"for (\w+) (?:people|persons|individuals|travell?ers)",
                r"(\w+) (?:people|persons|individuals)", r"for (\w+) person", r"for (two|three|four|five)\b"):
        m = re.search(pat, t)
        if m and _num(m.group(1)):
            return int(_num(m.group(1)) or 1)
    if re.search(r"\b(a pair|for two|couple)\b", t):
        return 2
    return 1


def _days(text: str) -> int | None:
    t = text.lower()
    m = re.search(r"(\w+)[- ]days?\b", t)
    if m and _num(m.group(1)) is not None:
        return _num(m.group(1))
    if re.search(r"\b(a|one)[- ]week|week[- ]long|for a week", t):
        return 7
    return None


def _date_range(text: str) -> tuple[dt.date, dt.date] | None:
    t = text.lower()
    year_m = re.search(r"\b(20\d\d)\b", t)
    year = int(year_m.group(1)) if year_m else 2022
    tokens = list(re.finditer(r"(january|february|march|april|may|june|july|august|september|october|november|"
                              r"december)|\b(\d{1,2})(?:st|nd|rd|th)?\b(?!,\d)(?! ?(?:days?|people|cities|person))",
                              t))
    days: list[tuple[int, int | None]] = []  # (day, month or None) in text order
    month: int | None = None
    for tok in tokens:
        if tok.group(1):
            month = _MONTHS[tok.group(1)]
            if days and days[-1][1] is None:
                days[-1] = (days[-1][0], month)
            continue
        n = int(tok.group(2))
        if 1 <= n <= 31 and (month is not None or re.match(r"\d+(st|nd|rd|th)", t[tok.start():tok.end() + 2])):
            days.append((n, month))
    days = [(d, m) for d, m in days if m is not None or True]
    if len(days) < 2:
        return None
    m0 = days[0][1] or days[1][1] or month
    m1 = days[-1][1] or m0
    if m0 is None or m1 is None:
        return None
    return dt.date(year, m0, days[0][0]), dt.date(year, m1, days[-1][0])


def parse_offline(text: str, places: tuple[frozenset[str], frozenset[str]] | None = None) -> TravelRequest:
    """Fields from a TravelPlanner-style request, or a TravelError saying what could not be read."""
    cities, states = places or known_places()
    t = " ".join(text.split())
    low = t.lower()
    city_hits = _find_places(t, cities)
    state_hits = [(p, s) for p, s in _find_places(t, states)
                  if not any(cp <= p < cp + len(c) and len(c) > len(s) for cp, c in city_hits)]
    m = re.search(r"(\w+) (?:different |distinct |separate |unique )?cities", low)
    n_cities = _num(m.group(1)) if m and _num(m.group(1)) else 1
    for m_unknown in re.finditer(r"\b(?:from|to) ((?:[A-Z][\w\.']*)(?: [A-Z][\w\.']*)*)", t):
        name = m_unknown.group(1)
        if name not in cities and name not in states and not any(c in name for _, c in city_hits) \
                and name.split()[0] not in ("March", "April", "May", "June", "The"):
            raise TravelError(f"unknown city {name!r}: it is not in TravelPlanner's city list.")
    origin = None
    for cue in re.finditer(_ORIGIN_CUES + r"\b", t, flags=re.IGNORECASE):
        after = [(p, c) for p, c in city_hits if p >= cue.end() and p - cue.end() <= 12]
        if after:
            origin = after[0][1]
            break
    if origin is None and city_hits:
        origin = city_hits[0][1]
    if origin is None:
        raise TravelError("could not find the origin city in the request (name a city of the database).")
    if n_cities > 1:
        dest_states = [s for p, s in state_hits]
        if not dest_states:
            raise TravelError(f"the request visits {n_cities} cities but names no state to visit them in.")
        destination = dest_states[-1] if len(set(dest_states)) == 1 else next(
            s for s in dest_states if s != origin)
    else:
        others = [c for p, c in city_hits if c != origin]
        if not others:
            raise TravelError("could not find the destination city in the request.")
        destination = others[0]
    rng = _date_range(t)
    days = _days(t)
    if rng is not None and days is None:
        days = (rng[1] - rng[0]).days + 1
    if days is None:
        raise TravelError("could not read how many days the trip lasts.")
    dates = [(rng[0] + dt.timedelta(days=i)).isoformat() for i in range(days)] if rng else []
    budget_m = re.search(r"\$\s?([\d,]+(?:\.\d+)?)", t)
    if budget_m is None:
        raise TravelError("could not find a budget (write it as $1,500).")
    budget = float(budget_m.group(1).replace(",", ""))
    house = None
    if "no specific preferences about house rules" not in low:
        for key, pat in (("parties", r"part(y|ies)"), ("smoking", r"smok"), ("children under 10", r"children|kids"),
                         ("visitors", r"visitors"), ("pets", r"\bpets?\b|pet-friendly")):
            if re.search(pat, low) and not (key == "parties" and re.search(r"party of|a party", low)
                                            and not re.search(r"parties", low)):
                house = key
                break
    cuisine = [c for c in CUISINES if re.search(r"\b" + c.lower() + r"\b", low)]
    room = None
    if re.search(r"not shared room|non-shared", low):
        room = "not shared room"
    elif re.search(r"entire (room|home|apartment)", low):
        room = "entire room"
    elif re.search(r"private room", low):
        room = "private room"
    elif re.search(r"shared room", low):
        room = "shared room"
    transport = None
    if re.search(r"flight|flying|fly\b", low):
        transport = "no flight"
    elif re.search(r"self-driv|drive ourselves|self driv|drive myself", low):
        transport = "no self-driving"
    return make_request(origin=origin, destination=destination, days=days, visiting_city_number=n_cities,
                        dates=dates, people=_people(t), budget=budget, house_rule=house, cuisine=cuisine,
                        room_type=room, transportation=transport)


# ---------------------------------------------------------------------------------------------- LLM

PROMPT = Path(__file__).resolve().parents[1] / "prompts" / "travel_request.md"


def _json_block(text: str) -> dict[str, Any]:
    m = re.search(r"\{.*\}", text, flags=re.DOTALL)
    if m is None:
        raise ValueError("the answer holds no JSON object")
    return json.loads(m.group(0))


def parse_with_llm(text: str, llm: Any, places: tuple[frozenset[str], frozenset[str]] | None = None,
                   attempts: int = 2) -> TravelRequest:
    """Fields read by an LLM (modeler.llm protocol), validated; errors go back to it once."""
    messages = [{"role": "system", "content": PROMPT.read_text()},
                {"role": "user", "content": f"Request: {text}\nJSON:"}]
    last = ""
    for _ in range(attempts):
        answer = llm.complete(messages, temperature=0.0, json_mode=True).text
        try:
            fields = _json_block(answer)
            req = make_request(**fields)
            check_places(req, places)
            return req
        except (ValueError, TypeError, TravelError) as e:
            last = str(e)
            messages += [{"role": "assistant", "content": answer},
                         {"role": "user", "content": f"That answer is invalid: {last}. Answer again with the "
                                                     "corrected JSON object only."}]
    raise TravelError(f"the LLM did not give a valid request after {attempts} tries: {last}")


def parse_request(text: str, llm: Any = None,
                  places: tuple[frozenset[str], frozenset[str]] | None = None) -> TravelRequest:
    """Words -> TravelRequest: by the LLM when one is given, else by the offline parser."""
    if not text or not text.strip():
        raise TravelError("the request is empty.")
    if llm is not None:
        return parse_with_llm(text, llm, places)
    req = parse_offline(text, places)
    check_places(req, places)
    return req
