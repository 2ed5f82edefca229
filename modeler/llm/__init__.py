"""The LLM layer: any model litellm knows, with retries, clear errors, cost accounting and a cache.

    from modeler.llm import resolve_llm
    llm = resolve_llm()            # --llm / $OPTIPILOT_LLM / optipilot.toml, or None when offline
    if llm is not None:
        r = llm.complete([{"role": "user", "content": "..."}], temperature=0.7, sample_index=2)

Strategies code against the `LLM` protocol; tests use `modeler.llm.testing` (ScriptedLLM, and
LocalOpenAIServer for the real litellm path), never the network. Importing this package does not
import litellm (seconds): that happens on the first real call.
"""

from __future__ import annotations

from modeler.llm.cache import ResponseCache, default_cache_path
from modeler.llm.client import (
    LLM,
    LiteLLMClient,
    LLMConfigError,
    LLMError,
    LLMRateLimitError,
    LLMRequestError,
    LLMResponse,
    LLMResponseError,
    LLMTimeoutError,
    LLMUnavailableError,
)
from modeler.llm.config import LLMSettings, resolve_llm, resolve_settings

__all__ = [
    "LLM",
    "LLMConfigError",
    "LLMError",
    "LLMRateLimitError",
    "LLMRequestError",
    "LLMResponse",
    "LLMResponseError",
    "LLMSettings",
    "LLMTimeoutError",
    "LLMUnavailableError",
    "LiteLLMClient",
    "ResponseCache",
    "default_cache_path",
    "resolve_llm",
    "resolve_settings",
]
