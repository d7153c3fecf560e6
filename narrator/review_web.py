"""The review page of the server (``/review``) and its API, for reviewers only.

Reviewing is not for the public: the routes exist only when the server is given a review token
(``narrator serve --review-token`` or ``NARRATOR_REVIEW_TOKEN``). Opening ``/review?token=T``
once sets an HttpOnly cookie; every review request must carry it. Decisions are refused from
other sites' pages (the same Origin check as votes).

The page shows one queued item at a time (:mod:`narrator.review`): the published text and each
draft with its flagged claims marked, every flagged claim beside the facts it was bound to
(measure, period, value, source cell), the votes, the prompt version and the logged calls
(messages and raw reply). Keys: ``c`` confirm, ``f`` false flag, ``s`` skip, ``e`` edit; the
reviewer's name is kept in the browser.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Literal

from fastapi import APIRouter, Cookie, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape
from pydantic import BaseModel, Field

from narrator.report.render import environment
from narrator.review import ReviewError, Reviews

REVIEW_COOKIE = "narrator_review"


class DecisionIn(BaseModel):
    text_id: str = Field(min_length=1, max_length=200)
    decision: Literal["confirm", "false_flag", "edit", "skip"]
    reviewer: str = Field(min_length=1, max_length=64)
    note: str | None = Field(default=None, max_length=2000)
    edited_body: str | None = Field(default=None, max_length=8000)


def marked(body: str, claims: list[dict]) -> Markup:
    """``body`` escaped, with each flagged claim's words in a ``<mark>`` by its status."""
    spans = sorted(
        {(body.find(c["text"]), c["text"], c["status"]) for c in claims if c["text"] in body}
    )
    out, at = [], 0
    for start, words, status in spans:
        if start < at:
            continue  # overlapping claims: the first one is marked
        out.append(escape(body[at:start]))
        out.append(Markup('<mark class="{}">{}</mark>').format(status, words))
        at = start + len(words)
    out.append(escape(body[at:]))
    return Markup("").join(out)


def review_router(token: str, same_site) -> APIRouter:
    """The review routes, open to requests carrying ``token`` (in the cookie it sets)."""
    router = APIRouter()

    def allowed(cookie: str | None) -> None:
        if cookie is None or not hmac.compare_digest(cookie, token):
            raise HTTPException(403, "reviewers only: open /review?token=... first")

    def reviews(request: Request) -> Reviews:
        return Reviews(request.app.state.store)

    @router.get("/review", response_class=HTMLResponse)
    def page(
        request: Request,
        token_given: Annotated[str | None, Query(alias="token")] = None,
        cookie: Annotated[str | None, Cookie(alias=REVIEW_COOKIE)] = None,
    ) -> HTMLResponse:
        if token_given is not None:
            allowed(token_given)
            cookie = token_given
        allowed(cookie)
        rv = reviews(request)
        queue = rv.queue()
        context: dict = {"item": None, "queue_size": len(queue), "position": 1}
        if queue:
            item = rv.evidence(queue[0].text_id)
            flagged = item["flagged"]
            context |= {
                "item": item,
                "published": marked(item["text"]["body"], flagged),
                "drafts": [
                    {"attempt": d["attempt"], "html": marked(d["body"] or d["error"], flagged)}
                    for d in item["drafts"]
                ],
            }
        html = HTMLResponse(environment().get_template("review.html.j2").render(**context))
        if token_given is not None:
            html.set_cookie(REVIEW_COOKIE, token, httponly=True, samesite="strict", path="/")
        return html

    @router.post("/api/review/decisions")
    def decide(
        body: DecisionIn,
        request: Request,
        cookie: Annotated[str | None, Cookie(alias=REVIEW_COOKIE)] = None,
    ) -> dict:
        allowed(cookie)
        same_site(request)
        try:
            d = reviews(request).decide(
                body.text_id, body.decision, body.reviewer, note=body.note,
                edited_body=body.edited_body,
            )  # fmt: skip
        except ReviewError as exc:
            raise HTTPException(422, str(exc)) from None
        return {"id": d.id, "text_id": d.text_id, "decision": d.decision}

    @router.get("/api/review/queue")
    def queue(
        request: Request, cookie: Annotated[str | None, Cookie(alias=REVIEW_COOKIE)] = None
    ) -> list[dict]:
        allowed(cookie)
        return [i.model_dump() for i in reviews(request).queue()]

    return router
