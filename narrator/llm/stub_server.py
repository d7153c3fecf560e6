"""A small OpenAI-compatible HTTP stub server for tests and benchmarks (127.0.0.1 only).

It speaks ``POST /v1/chat/completions``, ``POST /v1/files``, ``GET /v1/files/{id}[/content]``,
``POST /v1/batches`` and ``GET /v1/batches/{id}``, plus ``GET /stub/stats`` (its counters, for a
stub run in another process). A chat reply is a deterministic and
*correct* text composed from the ``hint`` of the fact rows in the prompt's ``<<<DATA`` block
(the plain readings the fact builder computed), or from the checked child texts for summaries,
so the verifier passes it. Usage numbers use :func:`narrator.prompts.estimate_tokens`.

Behaviour knobs (:class:`StubBehaviour`), all deterministic for a given ``seed``: latency,
a failure rate and the fault kinds it picks from (``fail_kinds``, default :data:`FAIL_KINDS`),
``fail_first`` (the first N sightings of every request body fail, then the rate applies), a
separate garbage rate, ``json_schema`` or ``json_object`` unsupported (400, like
llama-cpp-python's server) and a ``requests_per_minute`` token bucket that answers 429 with
``Retry-After`` when exceeded. Whether a call fails depends on a hash of the seed, the request
body and how often that body was seen, not on the order of concurrent calls.

Fault kinds (:data:`FAULT_KINDS`; pass one alone in ``fail_kinds`` to inject exactly that one):

* ``429``: rate limited, with ``Retry-After`` / ``retry-after-ms`` (``retry_after`` seconds);
* ``500``; ``502``: an HTML "Bad Gateway" page, like a proxy; ``503``: overloaded, with
  ``Retry-After``;
* ``timeout``: sleeps ``timeout_sleep`` (past the client's timeout), then a 504;
* ``drop``: the connection is closed with no response at all;
* ``truncated``: HTTP 200 whose JSON body is cut in half: on a body's even sightings the
  ``Content-Length`` promises the whole body and the connection closes early, on odd ones the
  header matches the short body (so the client reads a complete but broken JSON document);
* ``nonjson``: HTTP 200 with an HTML page (``text/html``) instead of a completion;
* ``garbage``: a completion whose content is broken or wrong-schema JSON (one of three);
* ``schema``: a completion whose content is valid JSON that does not match the schema asked for;
* ``empty``: a completion whose content is ``""`` (even sightings) or ``null`` (odd ones);
* ``refusal``: a completion with ``refusal`` set and ``content: null``, as OpenAI sends.

In a Batch API file the transport faults (timeout, drop, truncated, nonjson) become an error
line (HTTP 500, a 502 keeps its status) with a JSON body, like a batch worker that failed; the
others appear as they would live.

>>> with start_stub() as stub:                                  # doctest: +SKIP
...     OpenAIWriter(model="stub", base_url=stub.base_url)

Command line: ``python -m narrator.llm.stub_server --port 8765 --fail-rate 0.3``.
"""

from __future__ import annotations

import argparse
import email.parser
import hashlib
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from narrator.llm.stub_replies import completion, error_body, reply_content

#: every fault kind the stub can inject (see the module docstring)
FAULT_KINDS: tuple[str, ...] = (
    "429", "500", "502", "503", "timeout", "drop", "truncated", "nonjson",
    "garbage", "schema", "empty", "refusal",
)  # fmt: skip
#: the default choice of ``fail_kinds`` (the original mix; kept so seeded runs stay the same)
FAIL_KINDS: tuple[str, ...] = ("429", "500", "timeout", "garbage")
_GARBAGE = ('{"txet": "Leicester', '{"answer": 42}', '{"text": ""}')
_WRONG_SCHEMA = ('{"answer": 42}', '{"text": ["Leicester"], "paragraphs": "none"}')
_HTML = (
    "<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center>"
    "<hr><center>nginx</center></body></html>"
)
_REFUSAL = "I'm sorry, but I can't help with that request."


@dataclass(frozen=True)
class StubBehaviour:
    """How the stub misbehaves. Rates are probabilities per call (0-1)."""

    seed: int = 0
    latency: float = 0.0  # seconds before every chat reply
    fail_rate: float = 0.0  # share of calls failing with one of fail_kinds
    fail_kinds: tuple[str, ...] = FAIL_KINDS  # any of FAULT_KINDS
    fail_first: int = 0  # the first N sightings of every request body fail (then fail_rate)
    garbage_rate: float = 0.0  # share of calls answered with invalid JSON / wrong schema
    timeout_sleep: float = 2.0  # how long a "timeout" call sleeps (beyond the client timeout)
    retry_after: float = 0.05  # seconds, sent with injected 429s
    json_schema_supported: bool = True
    json_object_supported: bool = True
    format_error_status: int = 400  # 500 mimics llama-cpp-python's server
    requests_per_minute: float | None = None
    burst: float | None = None  # bucket capacity for requests_per_minute (default: 1 s worth)
    batch_polls: int = 1  # GET /v1/batches/{id} calls before a batch is completed
    model: str = "stub"

    def __post_init__(self) -> None:
        unknown = [k for k in self.fail_kinds if k not in FAULT_KINDS]
        if unknown:
            raise ValueError(f"unknown fault kinds {unknown}; known: {', '.join(FAULT_KINDS)}")


@dataclass(frozen=True)
class _Wire:
    """A reply broken on the wire: no response at all (``drop``), or ``data`` sent with a
    ``Content-Length`` of ``declared`` (when it differs) and the connection closed."""

    kind: str
    data: bytes = b""
    declared: int | None = None
    content_type: str = "application/json"


def _unit(*parts: object) -> float:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


# ---------------------------------------------------------------------------- server state
@dataclass
class _State:
    behaviour: StubBehaviour
    lock: threading.Lock = field(default_factory=threading.Lock)
    calls: int = 0
    stats: Counter = field(default_factory=Counter)
    seen: Counter = field(default_factory=Counter)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    bucket: float = 0.0
    bucket_at: float = 0.0
    last_request: dict[str, Any] | None = None

    def take_token(self) -> float:
        """0 when a request may pass, else the seconds until it could (caller holds lock)."""
        b = self.behaviour
        if not b.requests_per_minute:
            return 0.0
        rate = b.requests_per_minute / 60
        cap = b.burst or max(1.0, rate)
        now = time.monotonic()
        if self.bucket_at == 0.0:
            self.bucket, self.bucket_at = cap, now
        self.bucket = min(cap, self.bucket + (now - self.bucket_at) * rate)
        self.bucket_at = now
        if self.bucket >= 1:
            self.bucket -= 1
            return 0.0
        return (1 - self.bucket) / rate

    def decide(self, body: dict[str, Any]) -> tuple[str, int]:
        """``ok`` or the failure kind for this call (deterministic given the seed), and how
        often this body was seen before."""
        b = self.behaviour
        key = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
        with self.lock:
            n = self.seen[key]
            self.seen[key] += 1
        rolled = b.fail_rate > 0 and _unit(b.seed, key, n, "fail") < b.fail_rate
        failing = n < b.fail_first or rolled
        if failing and b.fail_kinds:
            return b.fail_kinds[int(_unit(b.seed, key, n, "kind") * len(b.fail_kinds))], n
        if b.garbage_rate and _unit(b.seed, key, n, "garbage") < b.garbage_rate:
            return "garbage", n
        return "ok", n

    def chat(
        self, body: dict[str, Any], *, inject: bool = True
    ) -> tuple[int, dict[str, Any] | _Wire, dict[str, str]]:
        """Answer one chat-completion body: (status, JSON or a broken reply, extra headers)."""
        b = self.behaviour
        with self.lock:
            self.calls += 1
            number = self.calls
            self.last_request = body
            wait = self.take_token() if inject else 0.0
        if wait > 0:
            self.stats["rate_limited"] += 1
            status, err = error_body(429, "Rate limit reached for requests", "rate_limit_error")
            return (
                status,
                err,
                {"Retry-After": f"{wait:.3f}", "retry-after-ms": str(max(1, round(wait * 1000)))},
            )
        if body.get("model") == "missing-model":
            return (*error_body(404, "The model `missing-model` does not exist", "not_found"), {})
        fmt = (body.get("response_format") or {}).get("type")
        if (fmt == "json_schema" and not b.json_schema_supported) or (
            fmt == "json_object" and not b.json_object_supported
        ):
            self.stats["unsupported_format"] += 1
            message = (
                "1 validation error: {'loc': ('body', 'response_format', 'type'), 'msg': "
                "\"Input should be 'text' or 'json_object'\"}"
            )
            return (*error_body(b.format_error_status, message), {})
        outcome, seen = self.decide(body) if inject else ("ok", 0)
        self.stats[outcome] += 1
        if b.latency:
            time.sleep(b.latency)
        if outcome == "429":
            ms = str(max(1, round(b.retry_after * 1000)))
            return (
                *error_body(429, "Rate limit reached", "rate_limit_error"),
                {"Retry-After": f"{b.retry_after:.3f}", "retry-after-ms": ms},
            )
        if outcome == "500":
            return (*error_body(500, "The server had an error", "server_error"), {})
        if outcome == "502":
            page = _HTML.format(title="502 Bad Gateway").encode()
            return 502, _Wire("502", page, content_type="text/html"), {}
        if outcome == "503":
            ms = str(max(1, round(b.retry_after * 1000)))
            return (
                *error_body(503, "The engine is currently overloaded", "server_error"),
                {"Retry-After": f"{b.retry_after:.3f}", "retry-after-ms": ms},
            )
        if outcome == "timeout":
            time.sleep(b.timeout_sleep)
            return (*error_body(504, "Gateway timeout", "server_error"), {})
        if outcome == "drop":
            return 0, _Wire("drop"), {}
        if outcome == "nonjson":
            page = _HTML.format(title="Service temporarily unavailable").encode()
            return 200, _Wire("nonjson", page, content_type="text/html"), {}
        content: str | None = reply_content(body)
        if outcome == "garbage":
            content = _GARBAGE[int(_unit(b.seed, number, "g") * len(_GARBAGE))]
        elif outcome == "schema":
            content = _WRONG_SCHEMA[seen % len(_WRONG_SCHEMA)]
        elif outcome == "empty":
            content = "" if seen % 2 == 0 else None
        reply = completion(body, content or "", b.model, number)
        message = reply["choices"][0]["message"]
        if outcome == "empty":
            message["content"] = content
        elif outcome == "refusal":
            message.update(content=None, refusal=_REFUSAL)
        if outcome == "truncated":
            data = json.dumps(reply).encode()
            cut = data[: len(data) // 2]
            variant = "cut" if seen % 2 == 0 else "short"
            self.stats[f"truncated/{variant}"] += 1
            return 200, _Wire("truncated", cut, len(data) if variant == "cut" else None), {}
        return 200, reply, {}

    def run_batch(self, batch: dict[str, Any]) -> None:
        """Answer every line of a batch's input file into output / error files."""
        out, err = [], []
        for i, line in enumerate(self.files[batch["input_file_id"]]["data"].splitlines()):
            if not line.strip():
                continue
            item = json.loads(line)
            status, payload, _ = self.chat(item["body"], inject=True)
            if status == 504:  # a batch has no client timeout: report the failure instead
                status, payload = error_body(500, "worker timed out", "server_error")
            elif isinstance(payload, _Wire):  # a broken transport: the worker failed
                message = f"worker failed ({payload.kind})"
                status, payload = error_body(max(status, 500), message, "server_error")
            record = {
                "id": f"batch_req_{i}",
                "custom_id": item["custom_id"],
                "error": None,
                "response": {"status_code": status, "request_id": f"req_{i}", "body": payload},
            }
            (out if status == 200 else err).append(json.dumps(record))
        batch["output_file_id"] = (
            self.add_file("\n".join(out) + "\n", "batch_output") if out else None
        )
        batch["error_file_id"] = (
            self.add_file("\n".join(err) + "\n", "batch_output") if err else None
        )
        batch["request_counts"] = {
            "total": len(out) + len(err),
            "completed": len(out),
            "failed": len(err),
        }

    def add_file(self, data: str, purpose: str, filename: str = "output.jsonl") -> str:
        with self.lock:
            file_id = f"file-stub-{len(self.files) + 1}"
            self.files[file_id] = {
                "id": file_id,
                "object": "file",
                "bytes": len(data.encode()),
                "created_at": int(time.time()),
                "filename": filename,
                "purpose": purpose,
                "status": "processed",
                "data": data,
            }
        return file_id


def _public(file: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in file.items() if k != "data"}


# ---------------------------------------------------------------------------- HTTP layer
class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence access log
        pass

    def _send(
        self,
        status: int,
        payload: Any,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> None:
        data = raw if raw is not None else json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header(
                "Content-Type",
                "application/octet-stream" if raw is not None else "application/json",
            )
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout): nothing to answer

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _send_broken(self, status: int, wire: _Wire, headers: dict[str, str]) -> None:
        """Send a reply broken on the wire (see :class:`_Wire`), closing the connection when
        the body is short of its ``Content-Length`` or there is no response at all (a complete
        body keeps the connection open, or the client's next request would meet a closed one)."""
        if wire.kind == "drop" or wire.declared is not None:
            self.close_connection = True
        if wire.kind == "drop":
            return  # closed with nothing sent
        try:
            self.send_response(status)
            self.send_header("Content-Type", wire.content_type)
            self.send_header("Content-Length", str(wire.declared or len(wire.data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(wire.data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        state = self.server.state
        if self.path.rstrip("/").endswith("/chat/completions"):
            try:
                body = json.loads(self._body())
            except json.JSONDecodeError:
                return self._send(*error_body(400, "body is not JSON"))
            status, payload, headers = state.chat(body)
            if isinstance(payload, _Wire):
                return self._send_broken(status, payload, headers)
            return self._send(status, payload, headers)
        if self.path.rstrip("/").endswith("/files"):
            ctype = self.headers.get("Content-Type", "")
            msg = email.parser.BytesParser().parsebytes(
                b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + self._body()
            )
            parts = (
                {
                    p.get_param("name", header="content-disposition"): p
                    for p in msg.get_payload()
                    if not isinstance(p, str)
                }
                if msg.is_multipart()
                else {}
            )
            if "file" not in parts:
                return self._send(*error_body(400, "multipart field 'file' is required"))
            purpose = (
                (parts["purpose"].get_payload(decode=True) or b"").decode()
                if "purpose" in parts
                else "batch"
            )
            data = (parts["file"].get_payload(decode=True) or b"").decode()
            file_id = state.add_file(data, purpose, parts["file"].get_filename() or "input.jsonl")
            return self._send(200, _public(state.files[file_id]))
        if self.path.rstrip("/").endswith("/batches"):
            req = json.loads(self._body() or b"{}")
            if req.get("input_file_id") not in state.files:
                return self._send(*error_body(400, "unknown input_file_id"))
            with state.lock:
                batch_id = f"batch_stub_{len(state.batches) + 1}"
                batch = {
                    "id": batch_id,
                    "object": "batch",
                    "endpoint": req.get("endpoint"),
                    "input_file_id": req["input_file_id"],
                    "status": "validating",
                    "completion_window": req.get("completion_window", "24h"),
                    "created_at": int(time.time()),
                    "polls": 0,
                    "metadata": req.get("metadata"),
                }
                state.batches[batch_id] = batch
            state.run_batch(batch)
            return self._send(200, {k: v for k, v in batch.items() if k != "polls"})
        return self._send(*error_body(404, f"no route POST {self.path}"))

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        state = self.server.state
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        if parts == ["stub", "stats"]:  # counters, for a stub run in another process
            with state.lock:
                return self._send(200, {"calls": state.calls, **state.stats})
        if len(parts) >= 3 and parts[-3] == "files" and parts[-1] == "content":
            file = state.files.get(parts[-2])
            if file is None:
                return self._send(*error_body(404, "no such file"))
            return self._send(200, None, raw=file["data"].encode())
        if len(parts) >= 2 and parts[-2] == "files" and parts[-1] in state.files:
            return self._send(200, _public(state.files[parts[-1]]))
        if len(parts) >= 2 and parts[-2] == "batches" and parts[-1] in state.batches:
            batch = state.batches[parts[-1]]
            with state.lock:
                batch["polls"] += 1
                done = batch["polls"] >= state.behaviour.batch_polls
                batch["status"] = "completed" if done else "in_progress"
                if done:
                    batch.setdefault("completed_at", int(time.time()))
            shown = {k: v for k, v in batch.items() if k != "polls"}
            if not done:
                shown.update(output_file_id=None, error_file_id=None)
            return self._send(200, shown)
        return self._send(*error_body(404, f"no route GET {self.path}"))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True
    state: _State


class StubServer:
    """A running stub. Use as a context manager or call :meth:`close`."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1", **behaviour: Any) -> None:
        state = _State(StubBehaviour(**behaviour))  # a bad knob fails before the port is bound
        self._http = _Server((host, port), _Handler)
        self._http.state = state
        self.host, self.port = self._http.server_address[:2]
        self._thread = threading.Thread(  # a short poll: close() returns within 50 ms
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
            name=f"stub-server-{self.port}",
        )
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    @property
    def calls(self) -> int:
        """Chat-completion requests received (every attempt, batch lines included)."""
        return self._http.state.calls

    @property
    def stats(self) -> Counter:
        """Outcomes: ``ok``, each fault kind met (see :data:`FAULT_KINDS`), ``truncated/cut``
        and ``truncated/short``, ``rate_limited`` and ``unsupported_format``."""
        return self._http.state.stats

    @property
    def behaviour(self) -> StubBehaviour:
        return self._http.state.behaviour

    @property
    def last_request(self) -> dict[str, Any] | None:
        return self._http.state.last_request

    def configure(self, **changes: Any) -> None:
        """Change behaviour knobs while running."""
        self._http.state.behaviour = replace(self._http.state.behaviour, **changes)

    def reset(self) -> None:
        """Zero the counters and forget seen bodies, files and batches (behaviour is kept)."""
        self._http.state = _State(self._http.state.behaviour)

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> StubServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_stub(port: int = 0, **behaviour: Any) -> StubServer:
    """Start a stub on 127.0.0.1 (``port=0``: a free port); see :class:`StubBehaviour`."""
    return StubServer(port=port, **behaviour)


def main(argv: list[str] | None = None) -> None:
    """``python -m narrator.llm.stub_server --port 8765 --fail-rate 0.3``"""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="fault kinds: " + ", ".join(FAULT_KINDS) + " (see the module docstring)",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--host", default="127.0.0.1")
    names = {f.name for f in fields(StubBehaviour)}
    for name in sorted(
        names
        - {
            "fail_kinds",
            "json_schema_supported",
            "json_object_supported",
            "model",
            "format_error_status",
            "fail_first",
        }
    ):
        parser.add_argument("--" + name.replace("_", "-"), type=float, default=None)
    parser.add_argument(
        "--fail-kinds",
        default=",".join(FAIL_KINDS),
        help="comma-separated kinds that --fail-rate / --fail-first inject, any of "
        + ",".join(FAULT_KINDS)
        + " (default: %(default)s)",
    )
    parser.add_argument(
        "--fail-first",
        type=int,
        default=None,
        help="the first N sightings of every request body fail (deterministic retries)",
    )
    parser.add_argument("--no-json-schema", action="store_true")
    parser.add_argument("--no-json-object", action="store_true")
    parser.add_argument("--model", default="stub")
    args = parser.parse_args(argv)
    kw: dict[str, Any] = {
        n: getattr(args, n)
        for n in names
        if getattr(args, n, None) is not None and n not in ("fail_kinds", "model")
    }
    for int_name in ("seed", "batch_polls"):
        if int_name in kw:
            kw[int_name] = int(kw[int_name])
    kw.update(
        fail_kinds=tuple(k for k in args.fail_kinds.split(",") if k),
        model=args.model,
        json_schema_supported=not args.no_json_schema,
        json_object_supported=not args.no_json_object,
    )
    try:
        stub = StubServer(port=args.port, host=args.host, **kw)
    except ValueError as exc:  # an unknown fault kind
        parser.error(str(exc))
    print(f"stub OpenAI server on {stub.base_url} ({stub.behaviour})", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        stub.close()


if __name__ == "__main__":
    main()
