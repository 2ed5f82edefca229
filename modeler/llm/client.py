"""One LLM call, done properly: litellm underneath, retries with backoff, errors a person can act on,
tokens, cost, timing, and an on-disk cache.

    llm = LiteLLMClient("openai/gpt-4o-mini")                       # OPENAI_API_KEY from the environment
    r = llm.complete([{"role": "user", "content": "2+2?"}])
    r.text, r.prompt_tokens, r.completion_tokens, r.cost, r.latency, r.cached, r.finish_reason

Any model string litellm accepts works (openai/..., anthropic/..., ollama/..., hosted_vllm/...), and any
OpenAI-compatible server through `api_base`. litellm is imported on the first real call only: it takes
seconds to import, and a run served wholly from the cache never needs it.
"""

from __future__ import annotations

import logging
import os
import random
import time
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel

from modeler.llm.cache import ResponseCache, cache_key
from modeler.llm.ray_limiter import llm_slot

log = logging.getLogger(__name__)

# Providers whose key variable is certain, so a missing key is caught without importing litellm.
# Others are checked through litellm.validate_environment on the first real call.
KEY_ENV_BY_PROVIDER = {
    "openai": "OPENAI_API_KEY",
    "anthropic": "ANTHROPIC_API_KEY",
    "groq": "GROQ_API_KEY",
    "mistral": "MISTRAL_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "openrouter": "OPENROUTER_API_KEY",
    "xai": "XAI_API_KEY",
}
# Settings litellm lists as "missing" that have a working default (ollama runs on localhost:11434).
_OPTIONAL_SETTINGS = {"OLLAMA_API_BASE"}
PROVIDERS_DOC = "https://docs.litellm.ai/docs/providers"
CACHE_FORMAT = 1  # bump when what is stored per answer changes, so old entries are not misread


# ------------------------------------------------------------------------------------------- errors


class LLMError(RuntimeError):
    """Anything that went wrong talking to an LLM; the message says what to do about it."""


class LLMConfigError(LLMError):
    """The model cannot be used as configured: missing or rejected key, unknown model or provider."""


class LLMRequestError(LLMError):
    """The provider refused this request (HTTP 400/422: prompt too long, unsupported parameter...)."""


class LLMRateLimitError(LLMError):
    """Still rate limited (HTTP 429) after every retry."""


class LLMTimeoutError(LLMError):
    """No answer within the timeout, on every attempt."""


class LLMUnavailableError(LLMError):
    """The service kept failing (HTTP 5xx) or could not be reached, on every attempt."""


class LLMResponseError(LLMError):
    """The answer was unusable: not valid JSON, no choices, or empty."""


# ------------------------------------------------------------------------------------ the interface


class LLMResponse(BaseModel):
    """One answer and what it took. A cached answer has cached=True and cost 0.0 (nothing was paid);
    its token counts are those of the original call. latency is the caller's wall time in seconds,
    retries and backoff included."""

    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    cost: float
    latency: float
    cached: bool
    finish_reason: str | None


@runtime_checkable
class LLM(Protocol):
    """What strategies code against: a model name and one method."""

    model: str

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        temperature: float = 0.0,
        max_tokens: int | None = None,
        stop: list[str] | None = None,
        seed: int | None = None,
        json_mode: bool = False,
        sample_index: int = 0,
    ) -> LLMResponse: ...


# ----------------------------------------------------------------------------------------- litellm


def import_litellm() -> Any:
    """litellm, imported on demand, told to use its bundled price table (never fetch one)."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm

    litellm.suppress_debug_info = True  # no "Provider List: https://..." banners on every error
    return litellm


def provider_of(model: str) -> str | None:
    """The explicit provider prefix of a model string ("openai" for "openai/gpt-4o-mini"), if any."""
    return model.split("/", 1)[0] if "/" in model else None


def quick_check(model: str, api_key: str | None) -> None:
    """Catch a missing key for the common providers without importing litellm."""
    env = KEY_ENV_BY_PROVIDER.get(provider_of(model) or "")
    if env and not api_key and not os.environ.get(env):
        raise LLMConfigError(_missing_key_message(model, [env]))


def full_check(model: str, api_key: str | None, api_base: str | None) -> None:
    """litellm's own checks: the provider must be known and its settings present. No network."""
    litellm = import_litellm()
    try:
        litellm.get_llm_provider(model, api_base=api_base)
    except Exception as exc:  # litellm raises BadRequestError("LLM Provider NOT provided ...")
        raise LLMConfigError(
            f"litellm does not know which provider serves {model!r}. Write the model as provider/name, "
            f"e.g. openai/gpt-4o-mini, anthropic/claude-3-5-haiku-latest, ollama/llama3, or "
            f"hosted_vllm/<name> with --api-base for an OpenAI-compatible server ({PROVIDERS_DOC})."
        ) from exc
    if api_key:
        return
    report = litellm.validate_environment(model, api_base=api_base)
    missing = [k for k in report.get("missing_keys", []) if k not in _OPTIONAL_SETTINGS]
    if missing:
        raise LLMConfigError(_missing_key_message(model, missing))


def _missing_key_message(model: str, names: list[str]) -> str:
    hint = ""
    if provider_of(model) == "openai":
        hint = (" For an OpenAI-compatible server that needs no key, name the model hosted_vllm/<name> "
                "and pass its api_base.")
    return (f"{model} needs {' and '.join(names)} set in the environment (litellm reads it from there; "
            f"OptiPilot never stores keys).{hint}")


# ------------------------------------------------------------------------------------------ client


class LiteLLMClient:
    """The real LLM: litellm with retries, clear errors, accounting and a response cache.

    Retries (up to max_retries, exponential backoff from `backoff` seconds, doubled each time, with
    jitter, capped at `max_backoff`, and never shorter than a 429's Retry-After) on rate limits,
    timeouts, server errors, unreachable servers and malformed answers. No retry on a rejected key
    (LLMConfigError) or request (LLMRequestError), nor on an empty answer (LLMResponseError).
    A truncated answer (finish_reason "length") is returned; callers decide what to do with it.
    `cache`: True for the default file, False for none, or a ResponseCache.
    """

    def __init__(
        self,
        model: str,
        *,
        api_base: str | None = None,
        api_key: str | None = None,
        timeout: float = 120.0,
        max_retries: int = 4,
        backoff: float = 1.0,
        cache: bool | ResponseCache = True,
        max_backoff: float = 30.0,
        temperature: float = 0.0,
    ):
        if not model or not model.strip():
            raise LLMConfigError("no model named: pass one such as openai/gpt-4o-mini")
        self.model = model.strip()
        self.api_base = api_base
        self._api_key = api_key  # kept out of repr, logs and the cache key
        self.timeout = timeout
        self.max_retries = max(0, max_retries)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.temperature = temperature
        self.cache: ResponseCache | None = (
            cache if isinstance(cache, ResponseCache) else ResponseCache() if cache else None
        )
        self._checked = False

    def __repr__(self) -> str:
        base = f", api_base={self.api_base!r}" if self.api_base else ""
        return f"LiteLLMClient({self.model!r}{base})"

    def check(self) -> None:
        """Raise LLMConfigError if the model cannot be called as configured (no network involved)."""
        if not self._checked:
            quick_check(self.model, self._api_key)
            full_check(self.model, self._api_key, self.api_base)
            self._checked = True

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
        stop: list[str] | None = None,
        seed: int | None = None,
        json_mode: bool = False,
        sample_index: int = 0,
    ) -> LLMResponse:
        """One answer to messages, from the cache when this exact request was answered before.

        sample_index tells apart the k samples of one prompt (temperature > 0), so that k samples are
        k cached answers and a rerun replays all k.
        """
        started = time.perf_counter()
        params: dict[str, Any] = {
            "temperature": self.temperature if temperature is None else temperature,
            "max_tokens": max_tokens,
            "stop": stop or None,
            "seed": seed,
            "response_format": {"type": "json_object"} if json_mode else None,
            "n": 1,
        }
        key = cache_key({"format": CACHE_FORMAT, "model": self.model, "api_base": self.api_base,
                         "messages": messages, "params": params, "sample_index": sample_index})
        if self.cache is not None:
            hit = self.cache.get(key)
            try:
                if hit is not None:
                    return LLMResponse(
                        text=hit["text"], model=self.model, prompt_tokens=hit["prompt_tokens"],
                        completion_tokens=hit["completion_tokens"], finish_reason=hit["finish_reason"],
                        cost=0.0, cached=True, latency=time.perf_counter() - started)
            except (KeyError, TypeError, ValueError):
                log.warning("ignoring a damaged cache entry for %s; asking the model again", self.model)
        self.check()
        import_litellm()
        started = time.perf_counter()  # litellm's first import (seconds) is not the model's latency
        sent = {k: v for k, v in params.items() if v is not None and k != "n"}  # n=1 is the default
        raw = self._call_with_retries(messages, sent)
        response = self._parse(raw, time.perf_counter() - started)
        if self.cache is not None:
            self.cache.put(key, self.model, response.model_dump(include={
                "text", "prompt_tokens", "completion_tokens", "finish_reason"}) | {"cost_paid": response.cost})
        log.debug("%s: %d+%d tokens, $%.6f, %.2f s, finish=%s", self.model, response.prompt_tokens,
                  response.completion_tokens, response.cost, response.latency, response.finish_reason)
        return response

    # --- the call and its retries

    def _call_with_retries(self, messages: list[dict[str, str]], params: dict[str, Any]) -> Any:
        litellm = import_litellm()
        attempts = self.max_retries + 1
        for attempt in range(attempts):
            try:
                with llm_slot(self.model):  # a cluster-wide slot in limited Ray runs; else a no-op
                    return litellm.completion(
                        model=self.model, messages=messages, api_base=self.api_base, api_key=self._api_key,
                        timeout=self.timeout,
                        max_retries=0, num_retries=0,  # the retries are ours: one policy, one count
                        drop_params=True,  # e.g. seed, for providers without it, rather than an error
                        **params,
                    )
            except Exception as exc:
                error, retry_after = self._classify(exc, litellm)
                if retry_after is None or attempt == attempts - 1:
                    if retry_after is not None and attempts > 1:
                        error = type(error)(f"{error} (gave up after {attempts} attempts)")
                    raise error from exc
                delay = self._delay(attempt, retry_after)
                log.info("%s: %s; retrying in %.2f s (attempt %d of %d)", self.model,
                         type(error).__name__, delay, attempt + 2, attempts)
                time.sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _delay(self, attempt: int, retry_after: float) -> float:
        """Exponential backoff with "equal jitter" (half fixed, half random), capped; at least the
        server's Retry-After, itself capped so a wild header cannot stall a run."""
        ceiling = min(self.max_backoff, self.backoff * 2**attempt)
        delay = ceiling / 2 + random.uniform(0, ceiling / 2)
        return min(self.max_backoff, max(delay, retry_after))

    def _classify(self, exc: Exception, litellm: Any) -> tuple[LLMError, float | None]:
        """Our error for a litellm exception, and None if it must not be retried, else the least
        wait before the retry (the Retry-After of a 429, 0 otherwise)."""
        if isinstance(exc, LLMError):
            return exc, None
        where = f" at {self.api_base}" if self.api_base else ""
        status = getattr(exc, "status_code", None)
        detail = _first_line(exc)
        if isinstance(exc, litellm.Timeout):
            return LLMTimeoutError(f"{self.model}{where} did not answer within {self.timeout:g} s; "
                                   f"raise the timeout (timeout = ... in [llm] of optipilot.toml)"), 0.0
        if isinstance(exc, litellm.RateLimitError) or status == 429:
            return (LLMRateLimitError(f"{self.model} is rate limited ({detail}); wait, or lower the "
                                      f"request rate (fewer parallel workers)"), _retry_after(exc))
        if isinstance(exc, litellm.AuthenticationError | litellm.PermissionDeniedError) or status in (401, 403):
            return LLMConfigError(self._rejected_key_message(status, detail, litellm)), None
        if isinstance(exc, litellm.NotFoundError) or status == 404:
            return LLMConfigError(f"{self.model}{where} was not found ({detail}); check the model name "
                                  f"and api_base"), None
        if _is_malformed(exc):
            return LLMResponseError(f"{self.model}{where} sent an answer that is not valid JSON "
                                    f"({detail}); the server or a proxy in between is misbehaving"), 0.0
        if "Missing credentials" in str(exc):
            return LLMConfigError(_missing_key_message(self.model, [KEY_ENV_BY_PROVIDER.get(
                provider_of(self.model) or "", "the provider's API key")])), None
        if isinstance(exc, litellm.APIConnectionError) or "Connection error" in str(exc):
            # litellm reports an unreachable server as APIConnectionError or as a 500 "Connection error."
            return LLMUnavailableError(f"cannot reach {self.model}{where} ({detail}); is the server "
                                       f"running and the address right?"), 0.0
        if isinstance(exc, litellm.BadRequestError | litellm.UnprocessableEntityError) or status in (400, 422):
            return LLMRequestError(f"{self.model} refused the request ({detail})"), None
        if isinstance(status, int) and status >= 500:
            return LLMUnavailableError(f"{self.model}{where} failed (HTTP {status}: {detail}); "
                                       f"try again later"), 0.0
        return LLMError(f"{self.model}: {type(exc).__name__}: {detail}"), None

    def _rejected_key_message(self, status: int | None, detail: str, litellm: Any) -> str:
        if self._api_key:
            source = "the api_key passed to the client"
        else:
            try:
                provider = litellm.get_llm_provider(self.model, api_base=self.api_base)[1]
            except Exception:
                provider = provider_of(self.model) or ""
            source = KEY_ENV_BY_PROVIDER.get(provider, f"the API key variable for {provider or 'it'} "
                                                       f"({PROVIDERS_DOC})")
        return (f"{self.model} rejected the API key (HTTP {status or '401'}: {detail}); check {source} "
                f"and that the key may use this model")

    # --- the answer

    def _parse(self, raw: Any, latency: float) -> LLMResponse:
        try:
            choice = raw.choices[0]
            text = choice.message.content
            finish_reason = choice.finish_reason
        except (AttributeError, IndexError, TypeError) as exc:
            raise LLMResponseError(f"{self.model} answered without a message ({exc})") from exc
        if text is None or not str(text).strip():
            why = " (cut off by max_tokens)" if finish_reason == "length" else ""
            raise LLMResponseError(f"{self.model} returned an empty answer{why} "
                                   f"(finish_reason={finish_reason!r}); rephrase the prompt or retry")
        usage = getattr(raw, "usage", None)
        return LLMResponse(
            text=str(text),
            model=self.model,
            prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
            cost=self._cost(raw),
            latency=latency,
            cached=False,
            finish_reason=finish_reason,
        )

    def _cost(self, raw: Any) -> float:
        """Price from litellm's bundled tables; 0.0 for a model they do not list (local servers)."""
        try:
            cost = import_litellm().completion_cost(completion_response=raw)
            return float(cost or 0.0)
        except Exception:  # ModelNotMappedError and friends: unknown price is no reason to fail
            return 0.0


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    # litellm prefixes "litellm.RateLimitError: RateLimitError: OpenAIException - "; keep the message
    for sep in ("Exception - ", "Error - "):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text[:300]


def _is_malformed(exc: BaseException) -> bool:
    """litellm reports a 200 answer whose body is not JSON as an InternalServerError caused by a
    JSONDecodeError; walk the cause chain to tell it from a real 500."""
    import json

    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 10:
        if isinstance(cur, json.JSONDecodeError):
            return True
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return False


def _retry_after(exc: Exception) -> float:
    """Seconds from a 429's retry-after-ms or Retry-After header (numeric form), else 0."""
    for source in (getattr(exc, "litellm_response_headers", None),
                   getattr(getattr(exc, "response", None), "headers", None)):
        if not source:
            continue
        for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
            value = source.get(name)
            if value is not None:
                try:
                    return max(0.0, float(value) * scale)
                except ValueError:
                    continue  # an HTTP date: rare for APIs; fall back to our own backoff
    return 0.0
