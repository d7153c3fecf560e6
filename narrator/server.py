"""FastAPI server: the generated reports plus the vote API.

Routes
------
``GET /`` index · ``GET /<slug>/`` (and ``/<slug>/report.html``) a report · ``/assets/…`` ·
``POST /api/votes`` ``{"text_id", "vote": "accurate"|"inaccurate", "comment"?}`` → the tally ·
``GET /api/texts/{text_id}/votes`` → ``{"accurate": n, "inaccurate": m}`` ·
``GET /api/reports/{slug}/votes`` → ``{"tallies": {id: tally}, "mine": {id: vote}}`` ·
``GET /healthz``.

The voter is anonymous: a random id, signed by the server, in the ``narrator_voter`` cookie
(HttpOnly, SameSite=Lax, Secure over HTTPS), set on the first vote. A cookie the server did not
sign is rejected (403) and cleared; a ``voter`` field in the body is rejected (extra fields are
forbidden). Per client address, votes per minute and new voter ids per hour are limited (429
with Retry-After); a vote from a page of another site (Origin or Referer) is refused (403).
Every response carries security headers; bodies over the limit get 413; every 4xx is
``{"error": ...}``; the API docs are off unless asked for. See :mod:`narrator.guard`.

The server starts without reading the reports: it lists the report folders, parses a report
when a tally asks for it (keeping only its text ids, see :mod:`narrator.report.shelf`) and, in
a background thread, copies the texts the store does not hold yet so that every text id of a
report can be voted on (a vote that arrives before its text was copied waits for the copy).
All state lives on ``app.state`` (no globals).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import uvicorn
from fastapi import Cookie, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from narrator.guard import GuardMiddleware, RateLimiter, VoterIds, load_secret, retry_after
from narrator.report.render import ReportSummary, copy_assets, environment
from narrator.report.shelf import ReportShelf
from narrator.store import Store, UnknownTextError
from narrator.store_schema import default_db_url

VOTER_COOKIE = "narrator_voter"
#: control characters (NUL included) are refused in ids and comments; tab and newline may be
#: in a comment
TEXT_ID_MAX = 200  # the same bound for a vote's body and a tally's path
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SLUG_RE = re.compile(r"^[a-z0-9-]{1,120}$")
COOKIE_MAX_AGE = 400 * 24 * 3600
SYNC_WAIT = 60.0  # seconds a vote on a not-yet-copied text waits for the background copy


class VoteIn(BaseModel):
    """Body of ``POST /api/votes``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text_id: str = Field(min_length=1, max_length=TEXT_ID_MAX)
    vote: Literal["accurate", "inaccurate"]
    comment: str | None = Field(default=None, max_length=2000)

    @field_validator("text_id", "comment")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        if value is not None and _CONTROL_RE.search(value):
            raise ValueError("must not contain control characters")
        return value


class VoteOut(BaseModel):
    text_id: str
    vote: str
    accurate: int
    inaccurate: int


def _messages(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "body"
        if err.get("type") == "extra_forbidden":
            parts.append(f"{loc}: unknown field (the voter comes from a cookie, not the body)")
        elif err.get("type") == "literal_error":
            parts.append(f'{loc}: must be "accurate" or "inaccurate"')
        else:
            parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(
    outputs_dir: Path,
    db_url: str | None = None,
    *,
    secret: bytes | None = None,
    votes_per_minute: int = 60,
    voters_per_hour: int = 30,
    max_body: int = 16_384,
    api_docs: bool = False,
    review_token: str | None = None,
) -> FastAPI:
    """Build the app serving ``outputs_dir`` with votes stored at ``db_url``.

    ``secret`` signs voter ids (default: kept in ``outputs_dir``, see :func:`load_secret`);
    ``votes_per_minute`` and ``voters_per_hour`` are per client address; ``max_body`` bounds a
    request body in bytes; ``api_docs`` serves ``/api/docs``; ``review_token`` (default
    ``NARRATOR_REVIEW_TOKEN``) opens the review page ``/review`` to those who know it (no
    review routes without one; see :mod:`narrator.review_web`).
    """
    outputs_dir = Path(outputs_dir).resolve()
    outputs_dir.mkdir(parents=True, exist_ok=True)
    copy_assets(outputs_dir)
    url = db_url or default_db_url(outputs_dir)
    voter_ids = VoterIds(secret or load_secret(outputs_dir))
    vote_limit = RateLimiter(votes_per_minute, 60.0)
    voter_limit = RateLimiter(voters_per_hour, 3600.0)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store(url)
        shelf = ReportShelf(outputs_dir)
        stop = threading.Event()
        sync = threading.Thread(
            target=shelf.sync_texts, args=(store, stop), name="narrator-sync", daemon=True
        )
        sync.start()
        app.state.store = store
        app.state.reports = shelf
        try:
            yield
        finally:
            stop.set()  # the copy stops after the report it is on
            sync.join(timeout=SYNC_WAIT)
            store.close()

    app = FastAPI(
        title="narrator",
        lifespan=lifespan,
        docs_url="/api/docs" if api_docs else None,
        redoc_url=None,
        openapi_url="/api/openapi.json" if api_docs else None,
    )
    app.add_middleware(GuardMiddleware, max_body=max_body)
    app.state.outputs_dir = outputs_dir
    app.state.voter_ids = voter_ids
    app.mount("/assets", StaticFiles(directory=outputs_dir / "assets"), name="assets")

    def store_of(request: Request) -> Store:
        return request.app.state.store

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _messages(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "request refused"
        return JSONResponse(
            {"error": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None)
        )

    @app.get("/healthz")
    def healthz(request: Request) -> dict[str, object]:
        shelf: ReportShelf = request.app.state.reports
        return {"ok": True, "reports": shelf.slugs(), "texts_synced": shelf.synced.is_set()}

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> Response:
        path = outputs_dir / "index.html"
        if path.is_file():
            return FileResponse(path, media_type="text/html")
        rows = [ReportSummary.of(r) for r in request.app.state.reports]
        html = environment().get_template("index.html.j2").render(reports=rows, assets="assets")
        return HTMLResponse(html)

    @app.post("/api/votes", response_model=VoteOut)
    def post_vote(
        body: VoteIn,
        request: Request,
        response: Response,
        voter: Annotated[str | None, Cookie(alias=VOTER_COOKIE)] = None,
    ) -> VoteOut:
        _same_site(request)
        client = request.client.host if request.client else "unknown"
        cookie = voter
        if cookie is None:
            _within(voter_limit, client, "too many new voters from this address")
            cookie = voter_ids.issue()
        voter_id = voter_ids.verify(cookie)
        if voter_id is None:
            raise HTTPException(
                403,
                "the voter cookie was not issued by this server; it has been cleared, vote again",
                headers={"Set-Cookie": f"{VOTER_COOKIE}=; Max-Age=0; Path=/; HttpOnly"},
            )
        _within(vote_limit, client, "too many votes from this address")
        response.set_cookie(
            VOTER_COOKIE,
            cookie,
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="lax",
            path="/",
            secure=request.url.scheme == "https",
        )
        voter = voter_id
        store = store_of(request)
        shelf: ReportShelf = request.app.state.reports
        comment = body.comment or None
        try:
            try:
                vote, tally = store.vote_and_tally(body.text_id, voter, body.vote, comment)
            except UnknownTextError:
                if not _await_sync(shelf):
                    raise
                vote, tally = store.vote_and_tally(body.text_id, voter, body.vote, comment)
        except UnknownTextError as exc:
            raise HTTPException(404, str(exc)) from exc
        return VoteOut(text_id=vote.text_id, vote=vote.vote, **tally)

    @app.get("/api/texts/{text_id:path}/votes")
    def text_votes(text_id: str, request: Request) -> dict[str, int]:
        if _CONTROL_RE.search(text_id) or len(text_id) > TEXT_ID_MAX:
            raise HTTPException(422, f"text_id: must be at most {TEXT_ID_MAX} printable characters")
        store = store_of(request)
        known = store.get_text(text_id) is not None
        if not known and _await_sync(request.app.state.reports):
            known = store.get_text(text_id) is not None
        if not known:
            raise HTTPException(404, f"unknown text id {text_id!r}: no generated text has this id")
        return store.tally(text_id)

    @app.get("/api/reports/{slug}/votes")
    def report_votes(
        slug: str,
        request: Request,
        voter: Annotated[str | None, Cookie(alias=VOTER_COOKIE)] = None,
    ) -> dict[str, dict[str, object]]:
        shelf: ReportShelf = request.app.state.reports
        ids = shelf.text_ids(slug) if SLUG_RE.match(slug) else None
        if ids is None:
            raise HTTPException(404, f"no report for {slug!r}")
        store = store_of(request)
        voter_id = voter_ids.verify(voter)
        mine = store.votes_of(voter_id, ids) if voter_id else {}
        return {"tallies": dict(store.tallies(ids)), "mine": dict(mine)}

    token = review_token or os.environ.get("NARRATOR_REVIEW_TOKEN")
    if token:  # before the report pages' catch-all routes
        from narrator.review_web import review_router

        app.include_router(review_router(token, _same_site))

    @app.get("/index.html", response_class=HTMLResponse)
    def index_page(request: Request) -> Response:  # the pages' "All councils" link
        return index(request)

    @app.get("/{slug}")
    def report_redirect(slug: str) -> Response:
        if not SLUG_RE.match(slug):
            raise HTTPException(404, "not found")
        return RedirectResponse(f"/{slug}/", status_code=307)

    @app.get("/{slug}/", response_class=HTMLResponse)
    @app.get("/{slug}/report.html", response_class=HTMLResponse)
    def report_page(slug: str) -> Response:
        path = outputs_dir / slug / "report.html"
        if not SLUG_RE.match(slug) or not path.is_file():
            raise HTTPException(404, f"no report page for {slug!r}; run narrator generate first")
        return FileResponse(path, media_type="text/html")

    return app


def _await_sync(shelf: ReportShelf) -> bool:
    """Wait for the background copy of texts into the store if it is still running; True
    when it finished meanwhile (so a text missing before may be there now)."""
    return not shelf.synced.is_set() and shelf.synced.wait(SYNC_WAIT)


def _within(limit: RateLimiter, client: str, what: str) -> None:
    """429 with Retry-After when ``client`` is over ``limit``."""
    wait = limit.take(client)
    if wait:
        raise HTTPException(
            429, f"{what}; try again later", headers={"Retry-After": retry_after(wait)}
        )


def _same_site(request: Request) -> None:
    """Refuse a state change asked for by a page of another site (CSRF): the Origin (or else
    the Referer) must name this host. Clients that send neither (scripts) are not browsers."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return
    host = request.headers.get("host", "")
    parsed = urlsplit(origin)
    if origin == "null" or parsed.netloc.lower() != host.lower():
        raise HTTPException(403, "votes are accepted only from this server's own pages")


@contextmanager
def background_server(app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread; yield its base URL (port 0 picks a free port).

    For tests and benchmarks::

        with background_server(create_app(out, url)) as base:
            httpx.get(base + "/healthz")
    """
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="narrator-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"narrator server did not start on {host}:{port}")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def serve(
    host: str, port: int, outputs_dir: Path, db_url: str | None = None, **options: object
) -> None:
    """Run the server in the foreground (what ``narrator serve`` calls); ``options`` go to
    :func:`create_app`."""
    app = create_app(outputs_dir, db_url, **options)  # type: ignore[arg-type]
    uvicorn.run(app, host=host, port=port, log_level="info")
