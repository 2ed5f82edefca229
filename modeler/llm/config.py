"""Which LLM to use: an explicit name, else $OPTIPILOT_LLM, else a config file, else none (offline).

Config files, first one that names a model wins: ./optipilot.toml, then ~/.config/optipilot/config.toml
(or $XDG_CONFIG_HOME/optipilot/config.toml):

    [llm]
    model = "openai/gpt-4o-mini"        # any model string litellm accepts
    api_base = "http://localhost:8000/v1"   # optional: an OpenAI-compatible server
    timeout = 60                        # seconds per attempt
    temperature = 0.0                   # default when a caller does not say
    max_retries = 4

Keys never go in these files: litellm reads them from the environment (OPENAI_API_KEY, ...).
A file's other settings apply when the model comes from that file, when the file names the same model,
or when it names none (so `--llm ollama/llama3` is not sent to the api_base configured for another model).
The names "none" and "offline" mean no LLM, wherever they appear.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from modeler.llm.cache import ResponseCache
from modeler.llm.client import LiteLLMClient, LLMConfigError, quick_check

LLM_ENV = "OPTIPILOT_LLM"
PROJECT_CONFIG = "optipilot.toml"
OFFLINE_NAMES = {"none", "offline"}
# the [llm] keys and the types they take (int is accepted where a float is expected)
_KEYS: dict[str, tuple[type, ...]] = {
    "model": (str,),
    "api_base": (str,),
    "timeout": (int, float),
    "temperature": (int, float),
    "max_retries": (int,),
    "backoff": (int, float),
}
_SECRET_HINTS = ("key", "token", "secret", "password")


@dataclass
class LLMSettings:
    """The settings resolve_llm found, and where the model name came from (for messages and logs)."""

    model: str
    source: str
    api_base: str | None = None
    timeout: float = 120.0
    temperature: float = 0.0
    max_retries: int = 4
    backoff: float = 1.0


def user_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME")
    root = Path(base).expanduser() if base else Path.home() / ".config"
    return root / "optipilot" / "config.toml"


def config_paths() -> list[Path]:
    """The config files in the order they are consulted."""
    return [Path.cwd() / PROJECT_CONFIG, user_config_path()]


def read_llm_table(path: Path) -> dict[str, Any]:
    """The [llm] table of a TOML file ({} when the file or table is absent), with its keys checked."""
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LLMConfigError(f"cannot read {path}: {exc}") from exc
    table = data.get("llm", {})
    if not isinstance(table, dict):
        raise LLMConfigError(f"{path}: `llm` must be a table ([llm] with key = value lines)")
    for key, value in table.items():
        if any(hint in key.lower() for hint in _SECRET_HINTS):
            raise LLMConfigError(
                f"{path}: remove `{key}` from [llm]: keys do not belong in files; set the provider's "
                f"environment variable instead (e.g. OPENAI_API_KEY)"
            )
        if key not in _KEYS:
            raise LLMConfigError(f"{path}: unknown [llm] setting `{key}`; known: {', '.join(_KEYS)}")
        if not isinstance(value, _KEYS[key]) or isinstance(value, bool):
            wanted = " or ".join(t.__name__ for t in _KEYS[key])
            raise LLMConfigError(f"{path}: [llm] {key} must be a {wanted}, not {value!r}")
    return table


def resolve_settings(name: str | None = None) -> LLMSettings | None:
    """The model to use and its settings, or None when nothing names one (or it is "none")."""
    chosen, source = None, ""
    if name is not None and name.strip():
        chosen, source = name.strip(), "argument"
    elif os.environ.get(LLM_ENV, "").strip():
        chosen, source = os.environ[LLM_ENV].strip(), f"${LLM_ENV}"
    if chosen is not None and chosen.lower() in OFFLINE_NAMES:
        return None
    for path in config_paths():
        table = read_llm_table(path)
        file_model = str(table.get("model", "")).strip()
        if chosen is None and file_model:
            chosen, source = file_model, str(path)
        if chosen is None or (file_model and file_model != chosen):
            continue  # this file does not speak about the chosen model
        if chosen.lower() in OFFLINE_NAMES:
            return None
        settings = LLMSettings(model=chosen, source=source)
        for key in ("api_base", "timeout", "temperature", "max_retries", "backoff"):
            if key in table:
                setattr(settings, key, table[key])
        return settings
    return LLMSettings(model=chosen, source=source) if chosen is not None else None


def resolve_llm(
    name: str | None = None,
    *,
    api_base: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
    temperature: float | None = None,
    max_retries: int | None = None,
    backoff: float | None = None,
    cache: bool | ResponseCache = True,
) -> LiteLLMClient | None:
    """The configured LLM client, or None when none is configured (callers then work offline).

    Explicit keyword arguments override the config file. Raises LLMConfigError, before any network
    call, when the model's provider key is missing from the environment.
    """
    settings = resolve_settings(name)
    if settings is None:
        return None
    overrides = {"api_base": api_base, "timeout": timeout, "temperature": temperature,
                 "max_retries": max_retries, "backoff": backoff}
    for key, value in overrides.items():
        if value is not None:
            setattr(settings, key, value)
    try:
        quick_check(settings.model, api_key)
    except LLMConfigError as exc:
        raise LLMConfigError(f"{exc} (model from {settings.source})") from None
    return LiteLLMClient(
        settings.model,
        api_base=settings.api_base,
        api_key=api_key,
        timeout=float(settings.timeout),
        max_retries=int(settings.max_retries),
        backoff=float(settings.backoff),
        cache=cache,
        temperature=float(settings.temperature),
    )
