"""A cluster-wide cap on concurrent LLM calls per provider, for runs spread over Ray.

Rate limits belong to an API key, not to a process: 64 workers each allowed 8 calls at once would send
512. When the Ray executor is given limits (`--llm-limit openai=16`), it starts one named async actor
holding a counted set of leases per provider, and sets OPTIPILOT_RAY_LLM_LIMITS in every worker. The LLM
client wraps each remote call in `llm_slot(model)`: inside a Ray worker with limits set, it waits for a
lease from the actor; anywhere else it does nothing and imports nothing, so local runs are unchanged.

Slots are leases, not bare semaphore counts: a worker that dies while holding one (node lost, OOM kill)
never releases it, and with a plain semaphore the cluster's capacity would shrink for good. A lease
older than `lease_s` (longer than any single LLM call with its timeout) is taken back by the actor.

The actor is detached and shared by name: two runs on one cluster that use the same key share one cap,
and the limits of the newest run that names them apply (`ensure_limiter` updates them).
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from typing import Any

ENV = "OPTIPILOT_RAY_LLM_LIMITS"
LEASE_ENV = "OPTIPILOT_RAY_LLM_LEASE_S"
ACTOR_NAME = "optipilot-llm-limiter"
NAMESPACE = "optipilot"
DEFAULT_LIMIT = 8  # for a provider the run did not name
DEFAULT_LEASE_S = 900.0  # well above the client's default request timeout and its retries' backoff

_handle: Any = None  # this process's handle on the actor (looked up once, not once per call)


def _limits_from_env() -> dict[str, int]:
    out: dict[str, int] = {}
    for part in os.environ.get(ENV, "").split(","):
        name, _, value = part.partition("=")
        if name.strip() and value.strip().isdigit():
            out[name.strip()] = int(value)
    return out


def _lease_from_env() -> float:
    try:
        return float(os.environ.get(LEASE_ENV) or DEFAULT_LEASE_S)
    except ValueError:
        return DEFAULT_LEASE_S


def _actor_class() -> Any:
    import asyncio
    import time

    import ray

    @ray.remote(num_cpus=0)
    class LLMLimiter:
        """Leases per provider; `acquire` waits (without blocking the actor's event loop) for a free one."""

        def __init__(self, limits: dict[str, int], lease_s: float = DEFAULT_LEASE_S):
            self.limits = dict(limits)
            self.lease_s = lease_s
            self.leases: dict[str, dict[int, float]] = {}  # provider -> lease id -> expiry (monotonic)
            self.peak: dict[str, int] = {}
            self.reclaimed = 0
            self._ids = itertools.count(1)
            self._changed: asyncio.Condition | None = None

        def _cond(self) -> asyncio.Condition:
            if self._changed is None:  # made on the actor's own event loop
                self._changed = asyncio.Condition()
            return self._changed

        def _reap(self, provider: str) -> None:
            now = time.monotonic()
            held = self.leases.setdefault(provider, {})
            for lease, expiry in list(held.items()):
                if expiry < now:  # its holder died (or hung) with it
                    del held[lease]
                    self.reclaimed += 1

        async def set_limits(self, limits: dict[str, int], lease_s: float) -> None:
            async with self._cond():
                self.limits.update(limits)
                self.lease_s = lease_s
                self._cond().notify_all()

        async def acquire(self, provider: str) -> int:
            cond = self._cond()
            async with cond:
                while True:
                    self._reap(provider)
                    held = self.leases[provider]
                    if len(held) < self.limits.get(provider, DEFAULT_LIMIT):
                        break
                    # wake up on a release, or when the oldest lease may have expired
                    wait = max(0.01, min(held.values()) - time.monotonic())
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(cond.wait(), timeout=wait)
                lease = next(self._ids)
                held[lease] = time.monotonic() + self.lease_s
                self.peak[provider] = max(self.peak.get(provider, 0), len(held))
                return lease

        async def release(self, provider: str, lease: int) -> None:
            async with self._cond():
                self.leases.get(provider, {}).pop(lease, None)  # gone already if it had expired
                self._cond().notify_all()

        async def stats(self) -> dict[str, Any]:
            return {"limits": dict(self.limits), "in_use": {p: len(h) for p, h in self.leases.items()},
                    "peak": dict(self.peak), "reclaimed": self.reclaimed, "lease_s": self.lease_s}

    return LLMLimiter


def ensure_limiter(limits: dict[str, int], lease_s: float | None = None) -> Any:
    """The cluster's limiter actor, created on first use, with `limits` applied (the driver calls this)."""
    import ray

    lease = lease_s if lease_s is not None else _lease_from_env()
    actor = _actor_class().options(
        name=ACTOR_NAME, namespace=NAMESPACE, get_if_exists=True, lifetime="detached",
        max_concurrency=10_000,  # waiters queue inside the actor, each an awaiting coroutine
    ).remote(limits, lease)
    ray.get(actor.set_limits.remote(limits, lease))  # an actor left by an earlier run gets these limits
    return actor


def limiter_stats() -> dict[str, Any]:
    import ray

    return ray.get(ray.get_actor(ACTOR_NAME, namespace=NAMESPACE).stats.remote())


def _provider(model: str) -> str:
    return model.split("/", 1)[0] if "/" in model else "openai"


def _limiter() -> Any:
    global _handle
    if _handle is None:
        import ray

        try:
            _handle = ray.get_actor(ACTOR_NAME, namespace=NAMESPACE)
        except ValueError:  # not there (the driver did not start it): start it with this worker's limits
            _handle = ensure_limiter(_limits_from_env())
    return _handle


@contextlib.contextmanager
def llm_slot(model: str) -> Iterator[None]:
    """Hold one of the provider's cluster-wide slots around an LLM call (a no-op outside limited Ray runs)."""
    global _handle
    if not os.environ.get(ENV):
        yield
        return
    import ray

    if not ray.is_initialized():
        yield
        return
    provider = _provider(model)
    try:
        lease = ray.get(_limiter().acquire.remote(provider))
    except ray.exceptions.RayActorError:  # the actor was restarted or removed: look it up again, once
        _handle = None
        lease = ray.get(_limiter().acquire.remote(provider))
    try:
        yield
    finally:
        with contextlib.suppress(ray.exceptions.RayError):  # a lost release is reclaimed by its lease
            ray.get(_limiter().release.remote(provider, lease))
