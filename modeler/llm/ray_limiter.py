"""A cluster-wide cap on concurrent LLM calls per provider, for runs spread over Ray.

Rate limits belong to an API key, not to a process: 64 workers each allowed 8 calls at once would send
512. When the Ray executor is given limits (`--llm-limit openai=16`), it starts one named async actor
holding a semaphore per provider, and sets OPTIPILOT_RAY_LLM_LIMITS in every worker. The LLM client
wraps each remote call in `llm_slot(model)`: inside a Ray worker with limits set, it waits for a slot
from the actor; anywhere else it does nothing and imports nothing, so local runs are unchanged.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

ENV = "OPTIPILOT_RAY_LLM_LIMITS"
ACTOR_NAME = "optipilot-llm-limiter"
NAMESPACE = "optipilot"
DEFAULT_LIMIT = 8  # for a provider the run did not name


def _limits_from_env() -> dict[str, int]:
    out: dict[str, int] = {}
    for part in os.environ.get(ENV, "").split(","):
        name, _, value = part.partition("=")
        if name.strip() and value.strip().isdigit():
            out[name.strip()] = int(value)
    return out


def _actor_class() -> Any:
    import asyncio

    import ray

    @ray.remote(num_cpus=0)
    class LLMLimiter:
        """One asyncio semaphore per provider; acquire waits (without blocking the actor) for a slot."""

        def __init__(self, limits: dict[str, int]):
            self.limits = dict(limits)
            self.semaphores: dict[str, asyncio.Semaphore] = {}
            self.in_use: dict[str, int] = {}
            self.peak: dict[str, int] = {}

        def _sem(self, provider: str) -> asyncio.Semaphore:
            if provider not in self.semaphores:
                self.semaphores[provider] = asyncio.Semaphore(self.limits.get(provider, DEFAULT_LIMIT))
            return self.semaphores[provider]

        async def acquire(self, provider: str) -> None:
            await self._sem(provider).acquire()
            self.in_use[provider] = self.in_use.get(provider, 0) + 1
            self.peak[provider] = max(self.peak.get(provider, 0), self.in_use[provider])

        async def release(self, provider: str) -> None:
            self.in_use[provider] = self.in_use.get(provider, 1) - 1
            self._sem(provider).release()

        async def stats(self) -> dict[str, Any]:
            return {"limits": self.limits, "in_use": dict(self.in_use), "peak": dict(self.peak)}

    return LLMLimiter


def ensure_limiter(limits: dict[str, int]) -> Any:
    """The cluster's limiter actor (created on first use; max_concurrency lets waiters queue in it)."""
    cls = _actor_class()
    return cls.options(name=ACTOR_NAME, namespace=NAMESPACE, get_if_exists=True, lifetime="detached",
                       max_concurrency=10_000).remote(limits)


def limiter_stats() -> dict[str, Any]:
    import ray

    return ray.get(ray.get_actor(ACTOR_NAME, namespace=NAMESPACE).stats.remote())


def _provider(model: str) -> str:
    return model.split("/", 1)[0] if "/" in model else "openai"


@contextlib.contextmanager
def llm_slot(model: str) -> Iterator[None]:
    """Hold one of the provider's cluster-wide slots around an LLM call (a no-op outside limited Ray runs)."""
    if not os.environ.get(ENV):
        yield
        return
    import ray

    if not ray.is_initialized():
        yield
        return
    provider = _provider(model)
    actor = ensure_limiter(_limits_from_env())
    ray.get(actor.acquire.remote(provider))
    try:
        yield
    finally:
        ray.get(actor.release.remote(provider))
