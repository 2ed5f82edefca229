"""The LLM layer: stand-ins, the real litellm path against a local server, retries, errors, the cache,
config resolution. Nothing here leaves 127.0.0.1: a guard refuses any other address."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from modeler.llm import (
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
    ResponseCache,
    resolve_llm,
    resolve_settings,
)
from modeler.llm.cache import cache_key, default_cache_path
from modeler.llm.testing import Fault, LocalOpenAIServer, ScriptedLLM, ScriptExhaustedError, fake_tokens

ASK = [{"role": "user", "content": "How many chairs should the workshop build?"}]
FAST = {"timeout": 2.0, "backoff": 0.01, "max_retries": 3}


class NetworkRefused(AssertionError):
    pass


def _is_local(host: object) -> bool:
    return isinstance(host, str) and (host in ("localhost", "::1") or host.startswith("127."))


def guard_network(monkeypatch: pytest.MonkeyPatch, refused: list[str]) -> None:
    """Refuse, and record, any connection or name lookup that is not loopback."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):  # type: ignore[index]
            refused.append(f"connect {address}")
            raise NetworkRefused(f"test tried to reach {address}")
        return real_connect(self, address)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host is not None and not _is_local(host if not isinstance(host, bytes) else host.decode()):
            refused.append(f"resolve {host}")
            raise NetworkRefused(f"test tried to resolve {host}")
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(scope="session")
def litellm_imported() -> None:
    """Import litellm and make one call, up front (seconds of lazy imports inside litellm), so that
    cost shows as set-up, not in whichever test runs first. Guarded like the tests."""
    refused: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        guard_network(mp, refused)
        mp.setenv("NO_PROXY", "127.0.0.1,localhost")
        with LocalOpenAIServer(["warm"]) as server:
            client(server).complete(ASK)
    assert not refused, f"litellm tried to leave 127.0.0.1: {refused}"


@pytest.fixture
def refused() -> list[str]:
    """Outside addresses a test tried, filled by the guard in `isolated`."""
    return []


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, litellm_imported: None,
             refused: list[str]) -> Iterator[Path]:
    """No network but loopback, no user config, no user cache, no keys from the real environment.
    Attempts to go elsewhere are refused and recorded, so one swallowed by a library still fails."""
    guard_network(monkeypatch, refused)
    for var in ("OPTIPILOT_LLM", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "HTTP_PROXY", "HTTPS_PROXY",
                "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("OPTIPILOT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    yield tmp_path
    assert not refused, f"the test tried to leave 127.0.0.1: {refused}"


def test_the_guard_refuses_outside_addresses(refused: list[str]) -> None:
    with pytest.raises(NetworkRefused), socket.socket() as s:
        s.connect(("192.0.2.1", 443))  # TEST-NET-1: never routable, and refused before any packet
    with pytest.raises(NetworkRefused):
        socket.getaddrinfo("api.openai.com", 443)
    assert refused == ["connect ('192.0.2.1', 443)", "resolve api.openai.com"]
    refused.clear()  # expected here; the teardown check is for the other tests


def client(server: LocalOpenAIServer, **kwargs: object) -> LiteLLMClient:
    options: dict[str, object] = {**FAST, "cache": False}
    options.update(kwargs)
    return LiteLLMClient("openai/test-model", api_base=server.url, api_key="sk-test", **options)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------ ScriptedLLM


def test_scripted_llm_answers_in_order_and_records_calls() -> None:
    llm = ScriptedLLM(["first answer", "second"])
    assert isinstance(llm, LLM)
    a = llm.complete(ASK, temperature=0.7, seed=3, sample_index=1)
    b = llm.complete(ASK, json_mode=True)
    assert (a.text, b.text) == ("first answer", "second")
    assert a.completion_tokens == fake_tokens("first answer") == 3
    assert a.prompt_tokens == fake_tokens(ASK[0]["content"]) > 0
    assert a.cost == 0.0 and not a.cached and a.finish_reason == "stop"
    assert [c.sample_index for c in llm.calls] == [1, 0]
    assert llm.calls[0].temperature == 0.7 and llm.calls[0].seed == 3 and llm.calls[1].json_mode
    with pytest.raises(ScriptExhaustedError, match="2 entries"):
        llm.complete(ASK)


def test_scripted_llm_faults_exceptions_and_functions() -> None:
    llm = ScriptedLLM([Fault.rate_limit, ValueError("boom"), Fault.truncated("half an ans"), Fault.empty,
                       Fault.timeout, Fault.auth_error, Fault.bad_request, Fault.server_error])
    with pytest.raises(LLMRateLimitError):
        llm.complete(ASK)
    with pytest.raises(ValueError, match="boom"):
        llm.complete(ASK)
    assert llm.complete(ASK).finish_reason == "length"
    for error in (LLMResponseError, LLMTimeoutError, LLMConfigError, LLMRequestError, LLMUnavailableError):
        with pytest.raises(error):
            llm.complete(ASK)
    assert len(llm.calls) == 8
    echo = ScriptedLLM(lambda messages: messages[-1]["content"].upper())
    assert echo.complete([{"role": "user", "content": "abc"}]).text == "ABC"


# ------------------------------------------------------------------ the real litellm path, locally


def test_normal_answer_through_litellm_has_tokens_latency_and_no_cost() -> None:
    with LocalOpenAIServer(["Build 12 chairs and 3 tables."], latency=0.05) as server:
        r = client(server).complete(ASK, temperature=0.0, max_tokens=50, seed=7, stop=["\n\n"])
    assert isinstance(r, LLMResponse)
    assert r.text == "Build 12 chairs and 3 tables."
    assert r.model == "openai/test-model"
    assert r.prompt_tokens == fake_tokens(ASK[0]["content"])
    assert r.completion_tokens == fake_tokens(r.text)
    assert r.finish_reason == "stop" and not r.cached
    assert r.cost == 0.0  # a model litellm has no price for: 0.0, not a crash
    assert r.latency >= 0.05
    (request,) = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.body["model"] == "test-model"
    assert request.messages == ASK
    assert request.body["max_tokens"] == 50 and request.body["seed"] == 7 and request.body["stop"] == ["\n\n"]


def test_json_mode_asks_for_a_json_object() -> None:
    with LocalOpenAIServer(['{"chairs": 12}']) as server:
        assert client(server).complete(ASK, json_mode=True).text == '{"chairs": 12}'
    assert server.requests[0].body["response_format"] == {"type": "json_object"}


@pytest.mark.parametrize("fault", [Fault.rate_limit, Fault.server_error, Fault.malformed],
                         ids=["429", "500", "malformed"])
def test_transient_fault_then_success_is_retried(fault: object) -> None:
    with LocalOpenAIServer([fault, "twelve"]) as server:
        r = client(server).complete(ASK)
    assert r.text == "twelve"
    assert len(server.requests) == 2


def test_timeout_then_success_is_retried() -> None:
    with LocalOpenAIServer([Fault.stall(3.0), "twelve"]) as server:
        r = client(server, timeout=0.3).complete(ASK)
    assert r.text == "twelve" and len(server.requests) == 2
    assert r.latency >= 0.3  # the caller's wall time, the failed attempt included


def test_rate_limit_honours_retry_after() -> None:
    with LocalOpenAIServer([Fault.rate_limit_after(0.3), "ok"]) as server:
        r = client(server).complete(ASK)
    assert r.text == "ok"
    gap = server.requests[1].received_at - server.requests[0].received_at
    assert gap >= 0.3


def test_persistent_faults_give_up_with_the_right_error() -> None:
    cases = [(Fault.rate_limit, LLMRateLimitError), (Fault.server_error, LLMUnavailableError),
             (Fault.malformed, LLMResponseError)]
    for fault, error in cases:
        with LocalOpenAIServer([fault] * 3) as server:
            with pytest.raises(error, match="gave up after 3 attempts"):
                client(server, max_retries=2).complete(ASK)
        assert len(server.requests) == 3
    with LocalOpenAIServer([Fault.stall(3.0)] * 2) as server:
        with pytest.raises(LLMTimeoutError, match="within 0.2 s"):
            client(server, max_retries=1, timeout=0.2).complete(ASK)
    assert len(server.requests) == 2


def test_truncated_answer_is_returned_with_finish_reason_length() -> None:
    with LocalOpenAIServer([Fault.truncated("Build 12 ch")]) as server:
        r = client(server).complete(ASK, max_tokens=3)
    assert (r.text, r.finish_reason) == ("Build 12 ch", "length")


def test_empty_answer_raises_without_retry() -> None:
    with LocalOpenAIServer([Fault.empty, "never asked"]) as server:
        with pytest.raises(LLMResponseError, match="empty answer"):
            client(server).complete(ASK)
    assert len(server.requests) == 1


def test_auth_error_is_a_config_error_without_retry() -> None:
    with LocalOpenAIServer([Fault.auth_error, "never asked"]) as server:
        with pytest.raises(LLMConfigError, match="rejected the API key"):
            client(server).complete(ASK)
    assert len(server.requests) == 1


def test_bad_request_is_not_retried() -> None:
    with LocalOpenAIServer([Fault.bad_request, "never asked"]) as server:
        with pytest.raises(LLMRequestError, match="context length"):
            client(server).complete(ASK)
    assert len(server.requests) == 1


def test_unreachable_server_is_unavailable_after_retries() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free now, and nobody listens on it once closed
    llm = LiteLLMClient("openai/test-model", api_base=f"http://127.0.0.1:{port}/v1", api_key="sk-test",
                        cache=False, **FAST)  # type: ignore[arg-type]
    with pytest.raises(LLMUnavailableError, match="cannot reach"):
        llm.complete(ASK)


def test_scripted_and_served_runs_give_the_same_answers() -> None:
    script = ["x = 3", Fault.truncated("y ="), "z = 4"]
    scripted = ScriptedLLM(script)
    with LocalOpenAIServer(script) as server:
        real = client(server)
        for _ in script:
            a, b = scripted.complete(ASK), real.complete(ASK)
            assert (a.text, a.finish_reason, a.completion_tokens) == (b.text, b.finish_reason,
                                                                      b.completion_tokens)


# ------------------------------------------------------------------------------------------- cache


def test_repeated_call_is_served_from_the_cache(isolated: Path) -> None:
    cache = ResponseCache(isolated / "c.sqlite")
    with LocalOpenAIServer(["twelve", "a different answer"]) as server:
        first = client(server, cache=cache).complete(ASK)
        second = client(server, cache=cache).complete(ASK)
        assert len(server.requests) == 1
        # a new client on the same file (a rerun) replays too
        third = client(server, cache=ResponseCache(isolated / "c.sqlite")).complete(ASK)
        assert len(server.requests) == 1
    assert not first.cached and second.cached and third.cached
    assert first.text == second.text == third.text == "twelve"
    assert second.cost == 0.0 and second.prompt_tokens == first.prompt_tokens
    assert second.latency < first.latency
    assert cache.hits == 1 and cache.misses == 1


def test_cache_false_bypasses_and_parameters_change_the_key(isolated: Path) -> None:
    with LocalOpenAIServer(["a", "b", "c", "d"]) as server:
        uncached = client(server, cache=False)
        assert [uncached.complete(ASK).text for _ in range(2)] == ["a", "b"]
        cached = client(server, cache=ResponseCache(isolated / "c.sqlite"))
        assert cached.complete(ASK, temperature=0.0).text == "c"
        assert cached.complete(ASK, temperature=0.5).text == "d"  # another temperature, another key
    assert len(server.requests) == 4


def test_sample_index_gives_distinct_cached_samples(isolated: Path) -> None:
    cache = ResponseCache(isolated / "c.sqlite")
    with LocalOpenAIServer(["s0", "s1", "s2"]) as server:
        llm = client(server, cache=cache)
        first = [llm.complete(ASK, temperature=0.8, sample_index=i).text for i in range(3)]
        again = [llm.complete(ASK, temperature=0.8, sample_index=i) for i in range(3)]
    assert first == ["s0", "s1", "s2"] == [r.text for r in again]
    assert all(r.cached for r in again) and len(server.requests) == 3


def test_default_cache_location_follows_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    monkeypatch.setenv("OPTIPILOT_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert default_cache_path() == tmp_path / "elsewhere" / "llm.sqlite"
    monkeypatch.delenv("OPTIPILOT_CACHE_DIR")
    assert default_cache_path() == Path.home() / ".cache" / "optipilot" / "llm.sqlite"


def test_cache_key_is_stable_and_order_independent() -> None:
    a = cache_key({"model": "m", "params": {"temperature": 0, "seed": 1}})
    b = cache_key({"params": {"seed": 1, "temperature": 0}, "model": "m"})
    assert a == b and a != cache_key({"model": "m", "params": {"temperature": 0, "seed": 2}})


def _write_entries(path: str, worker: int) -> int:
    cache = ResponseCache(path)
    for i in range(50):
        cache.put(f"{worker}-{i}", "m", {"text": f"{worker}:{i}"})
    return sum(cache.get(f"{worker}-{i}") is not None for i in range(50))


def test_cache_is_safe_across_threads_and_processes(isolated: Path) -> None:
    path = str(isolated / "shared.sqlite")
    threads = [threading.Thread(target=_write_entries, args=(path, w)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with ProcessPoolExecutor(2) as pool:
        assert list(pool.map(_write_entries, [path, path], [10, 11])) == [50, 50]
    cache = ResponseCache(path)
    assert len(cache) == 300
    assert cache.get("11-49") == {"text": "11:49"}


def test_unwritable_cache_turns_itself_off(isolated: Path) -> None:
    blocker = isolated / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    cache = ResponseCache(blocker / "llm.sqlite")
    cache.put("k", "m", {"text": "x"})
    assert cache.get("k") is None and len(cache) == 0


# ------------------------------------------------------------------------------------ configuration


def test_nothing_configured_means_offline() -> None:
    assert resolve_llm() is None
    assert resolve_settings() is None


def test_resolution_order_argument_env_project_user(monkeypatch: pytest.MonkeyPatch, isolated: Path) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-never-used")
    user = isolated / "xdg" / "optipilot" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[llm]\nmodel = "ollama/user-model"\ntimeout = 11\n')
    assert resolve_settings().model == "ollama/user-model"  # type: ignore[union-attr]
    assert resolve_llm().timeout == 11.0  # type: ignore[union-attr]

    Path("optipilot.toml").write_text(
        '[llm]\nmodel = "hosted_vllm/project-model"\napi_base = "http://127.0.0.1:9/v1"\ntemperature = 0.2\n')
    llm = resolve_llm()
    assert llm is not None and llm.model == "hosted_vllm/project-model"
    assert llm.api_base == "http://127.0.0.1:9/v1" and llm.temperature == 0.2

    monkeypatch.setenv("OPTIPILOT_LLM", "openai/env-model")
    env_choice = resolve_settings()
    assert env_choice is not None and env_choice.model == "openai/env-model"
    assert env_choice.source == "$OPTIPILOT_LLM"
    assert env_choice.api_base is None  # the project file's api_base belongs to another model

    arg_choice = resolve_llm("hosted_vllm/project-model", timeout=5)
    assert arg_choice is not None and arg_choice.model == "hosted_vllm/project-model"
    assert arg_choice.api_base == "http://127.0.0.1:9/v1"  # the file speaks about this model
    assert arg_choice.timeout == 5.0  # explicit arguments beat the file
    assert resolve_llm("offline") is None


def test_config_file_mistakes_are_clear_errors(isolated: Path) -> None:
    Path("optipilot.toml").write_text('[llm]\nmodel = "openai/x"\napi_key = "sk-oops"\n')
    with pytest.raises(LLMConfigError, match="keys do not belong in files"):
        resolve_settings()
    Path("optipilot.toml").write_text('[llm]\nmodel = "openai/x"\ntimeuot = 3\n')
    with pytest.raises(LLMConfigError, match="unknown \\[llm\\] setting `timeuot`"):
        resolve_settings()
    Path("optipilot.toml").write_text('[llm]\nmodel = "openai/x"\ntimeout = "soon"\n')
    with pytest.raises(LLMConfigError, match="timeout must be"):
        resolve_settings()
    Path("optipilot.toml").write_text("[llm\nmodel = \n")
    with pytest.raises(LLMConfigError, match="cannot read"):
        resolve_settings()


def test_missing_key_is_caught_before_any_network_call() -> None:
    with pytest.raises(LLMConfigError, match="OPENAI_API_KEY"):
        resolve_llm("openai/gpt-4o-mini")
    with pytest.raises(LLMConfigError, match="ANTHROPIC_API_KEY"):
        LiteLLMClient("anthropic/claude-3-5-haiku-latest", cache=False).complete(ASK)
    # a provider outside the quick table goes through litellm.validate_environment
    with pytest.raises(LLMConfigError, match="FIREWORKS_AI_API_KEY"):
        LiteLLMClient("fireworks_ai/some-model", cache=False).complete(ASK)


def test_unknown_provider_is_a_config_error() -> None:
    with pytest.raises(LLMConfigError, match="provider/name"):
        LiteLLMClient("no-such-provider/model", cache=False).complete(ASK)


def test_errors_form_one_family() -> None:
    for error in (LLMConfigError, LLMRateLimitError, LLMTimeoutError, LLMResponseError, LLMRequestError,
                  LLMUnavailableError):
        assert issubclass(error, LLMError)


def test_backoff_grows_is_capped_and_respects_retry_after() -> None:
    llm = LiteLLMClient("openai/x", api_key="k", backoff=1.0, max_backoff=8.0, cache=False)
    for attempt, ceiling in [(0, 1.0), (1, 2.0), (2, 4.0), (3, 8.0), (6, 8.0)]:
        delays = [llm._delay(attempt, 0.0) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(set(delays)) > 1  # jitter
    assert llm._delay(0, 5.0) == 5.0
    assert llm._delay(0, 100.0) == 8.0  # a wild Retry-After is capped too
    assert "k" not in repr(llm)


def test_cost_comes_from_litellm_price_table_for_a_known_model() -> None:
    from modeler.llm.client import import_litellm

    long_answer = "Build twelve chairs and three tables; profit 540. " * 20
    with LocalOpenAIServer([long_answer]) as server:
        llm = LiteLLMClient("openai/gpt-4o-mini", api_base=server.url, api_key="sk-test", cache=False, **FAST)  # type: ignore[arg-type]
        r = llm.complete(ASK)
    prompt_cost, completion_cost = import_litellm().cost_per_token(
        model="gpt-4o-mini", prompt_tokens=r.prompt_tokens, completion_tokens=r.completion_tokens)
    assert r.completion_tokens == fake_tokens(long_answer)
    assert r.cost == pytest.approx(prompt_cost + completion_cost) and r.cost > 0
