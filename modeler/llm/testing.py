"""Stand-ins for a real LLM, so that tests never touch the network.

Two of them, driven by the same kind of script (a list of answers and faults, or a function of the
messages), so a strategy's test can run once through `ScriptedLLM` (fast, in-process) and once through
`LocalOpenAIServer` (the real litellm code path, over HTTP to 127.0.0.1):

    script = ["first answer", Fault.rate_limit, "second answer"]
    llm = ScriptedLLM(script)                      # the fault is raised as LLMRateLimitError
    with LocalOpenAIServer(script) as server:      # the fault is an HTTP 429 the client retries
        llm = LiteLLMClient("openai/test-model", api_base=server.url, api_key="sk-test", cache=False)

Token counts are fake but deterministic (characters // 4), and the cost is always zero.
"""

from __future__ import annotations

import json
import math
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from modeler.llm.client import (
    LLMConfigError,
    LLMRateLimitError,
    LLMRequestError,
    LLMResponse,
    LLMResponseError,
    LLMTimeoutError,
    LLMUnavailableError,
)

Messages = list[dict[str, str]]


# --------------------------------------------------------------------------------------------- faults


@dataclass(frozen=True)
class FaultKind:
    """One injected fault; build them through `Fault` (e.g. `Fault.rate_limit`, `Fault.truncated("..")`)."""

    kind: str
    text: str = ""
    seconds: float = 0.0  # retry-after for rate limits, the stall for timeouts

    def __repr__(self) -> str:
        return f"Fault.{self.kind}" + (f"({self.text!r})" if self.kind == "truncated" else "")


class Fault:
    """The faults a script can inject, in place of an answer.

    rate_limit    HTTP 429 with Retry-After: 0 (use `rate_limit_after(s)` for another delay)
    server_error  HTTP 500
    timeout       the server stalls (5 s, or `stall(s)`) so a client with a shorter timeout gives up
    malformed     HTTP 200 with a body that is not JSON
    truncated(t)  the answer t with finish_reason "length"
    empty         an answer with empty content
    auth_error    HTTP 401 (a wrong or missing key)
    bad_request   HTTP 400 (e.g. a prompt too long for the model)
    """

    rate_limit = FaultKind("rate_limit")
    server_error = FaultKind("server_error")
    timeout = FaultKind("timeout", seconds=5.0)
    malformed = FaultKind("malformed")
    empty = FaultKind("empty")
    auth_error = FaultKind("auth_error")
    bad_request = FaultKind("bad_request")

    @staticmethod
    def truncated(text: str) -> FaultKind:
        return FaultKind("truncated", text=text)

    @staticmethod
    def rate_limit_after(seconds: float) -> FaultKind:
        return FaultKind("rate_limit", seconds=seconds)

    @staticmethod
    def stall(seconds: float) -> FaultKind:
        return FaultKind("timeout", seconds=seconds)


ScriptEntry = str | FaultKind | BaseException
Script = Sequence[ScriptEntry] | Callable[[Messages], str]


def fake_tokens(text: str) -> int:
    """A stand-in token count: about four characters a token, as for English with GPT tokenizers."""
    return len(text) // 4


def _prompt_text(messages: Messages) -> str:
    return "".join(str(m.get("content", "")) for m in messages)


class ScriptExhaustedError(AssertionError):
    """A test asked its stand-in for more answers than the script holds."""


class _ScriptCursor:
    """Hands out the script's entries in order, thread-safely."""

    def __init__(self, script: Script, owner: str):
        self._fn = script if callable(script) else None
        self._entries = [] if callable(script) else list(script)
        self._next = 0
        self._lock = threading.Lock()
        self._owner = owner

    def next(self, messages: Messages) -> ScriptEntry:
        if self._fn is not None:
            return self._fn(messages)
        with self._lock:
            if self._next >= len(self._entries):
                raise ScriptExhaustedError(
                    f"{self._owner}: the script has {len(self._entries)} entries and all were used; "
                    f"call {self._next + 1} asked about: {_prompt_text(messages)[:200]!r}"
                )
            entry = self._entries[self._next]
            self._next += 1
            return entry


# ------------------------------------------------------------------------------------- ScriptedLLM


@dataclass
class ScriptedCall:
    """One call a ScriptedLLM received."""

    messages: Messages
    temperature: float
    max_tokens: int | None
    stop: list[str] | None
    seed: int | None
    json_mode: bool
    sample_index: int


class ScriptedLLM:
    """An LLM (the `modeler.llm.LLM` protocol) that answers from a script, with no network at all.

    Faults become the error the real client raises once its retries are spent (rate_limit ->
    LLMRateLimitError, timeout -> LLMTimeoutError, server_error -> LLMUnavailableError, malformed and
    empty -> LLMResponseError, auth_error -> LLMConfigError, bad_request -> LLMRequestError); an
    exception in the script is raised as it is; `Fault.truncated(t)` answers t with finish_reason
    "length". Every call is recorded in `.calls`, including those that raised.
    """

    def __init__(self, script: Script, model: str = "scripted/test-model"):
        self.model = model
        self.calls: list[ScriptedCall] = []
        self._cursor = _ScriptCursor(script, "ScriptedLLM")
        self._lock = threading.Lock()

    def complete(
        self,
        messages: Messages,
        *,
        temperature: float = 0.0,
        max_tokens: int | None = None,
        stop: list[str] | None = None,
        seed: int | None = None,
        json_mode: bool = False,
        sample_index: int = 0,
    ) -> LLMResponse:
        call = ScriptedCall([dict(m) for m in messages], temperature, max_tokens, stop, seed, json_mode,
                            sample_index)
        with self._lock:
            self.calls.append(call)
        entry = self._cursor.next(messages)
        finish_reason = "stop"
        if isinstance(entry, BaseException):
            raise entry
        if isinstance(entry, FaultKind):
            if entry.kind != "truncated":
                raise _scripted_error(entry, self.model)
            entry, finish_reason = entry.text, "length"
        if not entry.strip():
            raise LLMResponseError(f"{self.model} returned an empty answer (scripted)")
        return LLMResponse(
            text=entry,
            model=self.model,
            prompt_tokens=fake_tokens(_prompt_text(messages)),
            completion_tokens=fake_tokens(entry),
            cost=0.0,
            latency=0.0,
            cached=False,
            finish_reason=finish_reason,
        )


def _scripted_error(fault: FaultKind, model: str) -> Exception:
    messages: dict[str, Callable[[str], Exception]] = {
        "rate_limit": LLMRateLimitError,
        "timeout": LLMTimeoutError,
        "server_error": LLMUnavailableError,
        "malformed": LLMResponseError,
        "empty": LLMResponseError,
        "auth_error": LLMConfigError,
        "bad_request": LLMRequestError,
    }
    return messages[fault.kind](f"{model}: scripted {fault!r}")


# ------------------------------------------------------------------------------- LocalOpenAIServer


@dataclass
class RecordedRequest:
    """One HTTP request the local server received (the Authorization header is not kept)."""

    method: str
    path: str
    body: Any
    received_at: float = field(default_factory=time.monotonic)

    @property
    def messages(self) -> Messages:
        return self.body.get("messages", []) if isinstance(self.body, dict) else []


class LocalOpenAIServer:
    """A real OpenAI-compatible HTTP server on 127.0.0.1 (a random free port), answering from a script.

    Implements `POST /v1/chat/completions` (and `/chat/completions`), non-streaming, in the OpenAI
    format, so the real litellm path runs against it:

        with LocalOpenAIServer(["42"], latency=0.2) as server:
            LiteLLMClient("openai/test-model", api_base=server.url, api_key="sk-test").complete(...)

    Every request, good or faulty, consumes one script entry and is recorded in `.requests`, so tests
    can count retries. `latency` is added before each answer. An exhausted script answers HTTP 400
    (not retried), so a test that asks too much fails loudly instead of hanging.
    """

    def __init__(self, script: Script, latency: float = 0.0):
        self.latency = latency
        self.requests: list[RecordedRequest] = []
        self._cursor = _ScriptCursor(script, "LocalOpenAIServer")
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL to pass as api_base (ends in /v1)."""
        if self._httpd is None:
            raise RuntimeError("LocalOpenAIServer is not running; use it as a context manager")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> LocalOpenAIServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        handler = _make_handler(self)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True  # a stalled handler must not block shutdown
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="LocalOpenAIServer",
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._closing.set()  # wakes handlers stalled by Fault.timeout
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # --- called from handler threads

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _answer(self, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one chat completion request."""
        if body.get("stream"):
            return _error(HTTPStatus.BAD_REQUEST, "streaming is not supported by LocalOpenAIServer")
        messages = body.get("messages") or []
        try:
            entry = self._cursor.next(messages)
        except ScriptExhaustedError as exc:
            return _error(HTTPStatus.BAD_REQUEST, str(exc))
        if self.latency > 0:
            self._closing.wait(self.latency)
        if isinstance(entry, BaseException):
            return _error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(entry).__name__}: {entry}")
        finish_reason = "stop"
        if isinstance(entry, FaultKind):
            if entry.kind == "rate_limit":
                status, headers, payload = _error(HTTPStatus.TOO_MANY_REQUESTS, "rate limit reached",
                                                  "rate_limit_exceeded")
                headers["Retry-After"] = str(math.ceil(entry.seconds))
                headers["retry-after-ms"] = str(int(entry.seconds * 1000))
                return status, headers, payload
            if entry.kind == "server_error":
                return _error(HTTPStatus.INTERNAL_SERVER_ERROR, "the server had an error", "server_error")
            if entry.kind == "auth_error":
                return _error(HTTPStatus.UNAUTHORIZED, "Incorrect API key provided", "invalid_api_key")
            if entry.kind == "bad_request":
                return _error(HTTPStatus.BAD_REQUEST, "this model's maximum context length is exceeded",
                              "context_length_exceeded")
            if entry.kind == "timeout":
                self._closing.wait(entry.seconds)
                entry = "(answer after a stall)"
            elif entry.kind == "malformed":
                return HTTPStatus.OK, {"Content-Type": "application/json"}, b'{"id": "chatcmpl-x", "choi'
            elif entry.kind == "empty":
                entry = ""
            elif entry.kind == "truncated":
                entry, finish_reason = entry.text, "length"
        text = str(entry)
        prompt_tokens = fake_tokens(_prompt_text(messages))
        completion_tokens = fake_tokens(text)
        payload = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "test-model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": finish_reason}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens},
        }
        return HTTPStatus.OK, {"Content-Type": "application/json"}, json.dumps(payload).encode()


def _error(status: HTTPStatus, message: str, code: str | None = None) -> tuple[int, dict[str, str], bytes]:
    body = {"error": {"message": message, "type": code or status.phrase, "param": None, "code": code}}
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _make_handler(server: LocalOpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the OpenAI SDK expects

        def do_POST(self) -> None:  # noqa: N802 (the name http.server dispatches on)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body: Any = json.loads(raw or b"null")
            except json.JSONDecodeError:
                body = raw.decode(errors="replace")
            server._record(RecordedRequest("POST", self.path, body))
            if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
                self._send(*_error(HTTPStatus.NOT_FOUND, f"no route {self.path}"))
            elif not isinstance(body, dict):
                self._send(*_error(HTTPStatus.BAD_REQUEST, "the request body is not a JSON object"))
            else:
                self._send(*server._answer(body))

        def _send(self, status: int, headers: dict[str, str], payload: bytes) -> None:
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (its timeout), which is what a timeout test wants

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # keep test output clean

    return Handler
