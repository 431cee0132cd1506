"""The pages of ``bilat serve``: each builds plain data from the adapter, then ``page`` renders it (#9)."""

from __future__ import annotations

import hmac
import inspect
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from bilat.dossier import build as build_dossier
from bilat.extract.actors import country_name
from bilat.records import Event, Mention, to_dict
from bilat.web import svg
from bilat.web.app import Site, page, table


class Problem(BaseModel):
    """What a refused request gets as JSON (HTML pages get the same message as a page)."""

    error: str


# Every page answers HTML, or its JSON twin (``.json`` or ``Accept: application/json``); lists also CSV.
# Errors come as a page or as ``{"error": ...}``. The schema says so, and schemathesis checks it (#9).
_PAGE = {"text/html": {"schema": {"type": "string"}}, "application/json": {"schema": {"type": "object"}},
         "text/csv": {"schema": {"type": "string"}}}
_ERROR = {"text/html": {"schema": {"type": "string"}},
          "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def known_parameters(request: Request) -> None:
    """Refuse a query parameter the page does not take (a typo would otherwise go unnoticed: the whole
    list would come back unfiltered)."""
    route = request.scope.get("route")
    if route is None or not request.query_params:
        return
    taken: set[str] = set()
    todo = [route.dependant]
    while todo:  # the route's own query parameters and those of its dependencies (Filters)
        dep = todo.pop()
        taken |= {p.alias for p in dep.query_params}
        todo.extend(dep.dependencies)
    if unknown := sorted(set(request.query_params) - taken):
        raise HTTPException(400, f"{request.url.path} takes no {', '.join(repr(u[:40]) for u in unknown[:5])} "
                                 f"parameter (it takes: {', '.join(sorted(taken)) or 'none'})")


router = APIRouter(dependencies=[Depends(known_parameters)], responses={
    200: {"description": "The page (HTML), its JSON twin, or for lists CSV", "content": _PAGE},
    **{code: {"description": why, "model": Problem, "content": _ERROR} for code, why in (
        (400, "A request that cannot be answered (a pair of one state, a filter a list does not take)"),
        (404, "No such state, event or document"), (422, "A parameter out of its range or pattern"))},
})
CODE = r"^[A-Za-z]{2,12}$"
DATE = r"^\d{4}(-\d{2}){0,2}$"
PAGE = 50


class Filters:
    """The filters every list takes (kind, date range, actor, language, confidence, text) and its page."""

    def __init__(
        self,
        kind: Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]+$")] = None,
        actor: Annotated[str | None, Query(pattern=CODE)] = None,
        since: Annotated[str | None, Query(pattern=DATE)] = None,
        until: Annotated[str | None, Query(pattern=DATE)] = None,
        lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        q: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = PAGE,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> None:
        self.filters: dict[str, Any] = {"kind": kind, "actor": actor.upper() if actor else None, "since": since,
                                        "until": until, "lang": lang, "min_confidence": min_confidence, "q": q}
        self.limit, self.offset = limit, offset

    def params(self) -> dict[str, Any]:
        """The query parameters, for links to other pages of the same list."""
        return {**{k: v for k, v in self.filters.items() if v is not None}, "limit": self.limit}


class FigureFilters(Filters):
    """The filters of the list of figures: those of every list but text and confidence, which a figure has not;
    its kind is its indicator (trade, investment, aid...)."""


# FastAPI reads a dependency's parameters from its signature: the figures' one leaves out q and min_confidence.
_ALL = inspect.signature(Filters, eval_str=True)
FigureFilters.__signature__ = _ALL.replace(  # type: ignore[attr-defined]
    parameters=[p for p in _ALL.parameters.values() if p.name not in ("q", "min_confidence")])


def site(request: Request) -> Site:
    return request.app.state.site


def _code(code: str) -> str:
    if not re.fullmatch(CODE, code) or country_name(code.upper(), "en") is None:
        raise HTTPException(404, f"unknown state or organisation code {code[:20]!r}")
    return code.upper()


def _event_row(e: Event, mentions: list[Mention]) -> dict[str, Any]:
    return {**to_dict(e), "evidence": [{"doc": m.doc, "lang": m.lang, "sentence": m.evidence.sentence,
                                        "text": m.evidence.text, "kind": m.kind} for m in mentions]}


@router.get("/", summary="Overview: documents per language, top pairs, recent events")
def overview(request: Request, s: Annotated[Site, Depends(site)]) -> Response:
    with s.reading() as d:
        summary = d.summary()
        summary.pop("database", None)  # where the file lives is the server's business
        pairs = d.pairs(limit=15)
        recent = [to_dict(e) for e in d.events(limit=10)]
    return page(request, "overview.html", {"summary": summary, "pairs": pairs, "recent": recent},
                sparks={(p["a"], p["b"]): svg.sparkline(p["years"]) for p in pairs})


@router.get("/pairs/{pair}", summary="Dossier of a pair of states, e.g. /pairs/BY-NO")
def pair_page(request: Request, pair: str, s: Annotated[Site, Depends(site)],
              f: Annotated[Filters, Depends()]) -> Response:
    a, _, b = pair.partition("-")
    a, b = _code(a), _code(b)
    if a == b:
        raise HTTPException(400, f"a pair needs two different states, not {a} and {a}")
    with s.reading() as d:
        filters = {**f.filters, "pair": (a, b)}
        events = d.events(**filters)
        mentions = {m.id: m for e in events for m in d.event_mentions(e)}
        indicators = d.indicators(pair=(a, b), since=f.filters["since"], until=f.filters["until"])
    dossier = build_dossier(a, b, [to_dict(e) for e in events], [to_dict(m) for m in mentions.values()],
                            [to_dict(i) for i in indicators])
    rows = [_event_row(e, [mentions[m] for m in e.mentions if m in mentions]) for e in events]
    shown = rows[f.offset : f.offset + f.limit]
    data = {"pair": [a, b], "names": dossier["names"], "total": len(rows), "offset": f.offset, "limit": f.limit,
            "events": shown, "indicators": dossier["indicators"], "people": dossier["people"],
            "conflicts": dossier["conflicts"], "only_in": dossier["only_in"], "languages": dossier["languages"]}
    if request.scope.get("bilat.format") == "csv":
        return table(request, "pair.html", "events", shown, data)
    years = Counter(e.date[:4] for e in events if e.date and e.date[:4].isdigit())
    trade: dict[str, dict[str, float]] = {}
    for year, kinds in dossier["indicators"].items():
        for kind, figs in kinds.items():
            if figs and year.isdigit():
                trade.setdefault(year, {})[kind] = max(x["value"] for x in figs)
    return page(request, "pair.html", data, params=f.params(),
                chart=svg.bars(dict(years), f"Events per year, {a}–{b}"),
                trade=svg.grouped(trade, f"Trade and figures by year, {a}–{b}", "largest figure stated"))


def _list(request: Request, s: Site, f: Filters, what: str) -> Response:
    with s.reading() as d:
        fetch: Any = {"events": d.events, "mentions": d.mentions, "indicators": d.indicators}[what]
        filters = {k: v for k, v in f.filters.items() if v is not None}
        if what == "indicators" and "kind" in filters:  # the kind of a figure is its indicator
            filters["indicator"] = filters.pop("kind")
        rows = [to_dict(r) for r in fetch(**filters, limit=f.limit, offset=f.offset)]
        total = d.count(what, **filters)
    data = {"what": what, "filters": {k: v for k, v in f.filters.items() if v is not None}, "total": total,
            "offset": f.offset, "limit": f.limit, "rows": rows}
    return table(request, "list.html", what, rows, data, params=f.params())


@router.get("/events", summary="Fused events, filtered and paged")
def events_page(request: Request, s: Annotated[Site, Depends(site)], f: Annotated[Filters, Depends()]) -> Response:
    return _list(request, s, f, "events")


@router.get("/mentions", summary="Event mentions, filtered and paged")
def mentions_page(request: Request, s: Annotated[Site, Depends(site)], f: Annotated[Filters, Depends()]) -> Response:
    return _list(request, s, f, "mentions")


@router.get("/indicators", summary="Economic figures, filtered and paged")
def indicators_page(request: Request, s: Annotated[Site, Depends(site)],
                    f: Annotated[FigureFilters, Depends()]) -> Response:
    return _list(request, s, f, "indicators")


@router.get("/events/{event_id}", summary="One event: every fused mention with its sentence in context")
def event_page(request: Request, event_id: str, s: Annotated[Site, Depends(site)]) -> Response:
    if not re.fullmatch(r"[\w:.-]{1,80}", event_id):
        raise HTTPException(404, "no such event")
    with s.reading() as d:
        e = d.event(event_id)
        if e is None:
            raise HTTPException(404, f"no event {event_id!r}")
        sources = []
        for m in d.event_mentions(e):
            c = d.context(m)
            doc = c["document"]
            sources.append({"mention": to_dict(m), "before": c["before"], "sentence": c["sentence"],
                            "after": c["after"], "document": doc and {"id": doc.id, "name": doc.name, "url": doc.url,
                                                                      "title": doc.title, "lang": doc.lang}})
    return page(request, "event.html", {"event": to_dict(e), "sources": sources})


@router.get("/documents/{key}", summary="A stored document with its mentions and figures highlighted")
def document_page(request: Request, key: str, s: Annotated[Site, Depends(site)]) -> Response:
    if len(key) > 200:
        raise HTTPException(404, "no such document")
    with s.reading() as d:
        doc = d.document(key)
        if doc is None:
            raise HTTPException(404, f"no document {key[:80]!r}")
        marks: dict[int, list[dict[str, Any]]] = {}
        for m in d.mentions(doc=doc.name):
            marks.setdefault(m.evidence.sentence, []).append({"kind": m.kind, "id": m.id})
        for i in d.indicators(doc=doc.name):
            marks.setdefault(i.evidence.sentence, []).append({"kind": i.indicator, "id": i.id})
        sentences = d.sentences(doc)
        paragraphs = d.paragraphs(doc)
    paras = []
    for p in paragraphs or [type("P", (), {"start": 0, "end": len(doc.text), "lang": doc.lang,
                                           "boilerplate": False})()]:
        pieces = [{"text": doc.text[s.start : s.end], "sentence": s.index, "boilerplate": s.boilerplate,
                   "marks": marks.get(s.index, [])} for s in sentences if p.start <= s.start < p.end]
        if not pieces:
            pieces = [{"text": doc.text[p.start : p.end], "sentence": None, "boilerplate": p.boilerplate,
                       "marks": []}]
        paras.append({"lang": p.lang or doc.lang, "boilerplate": p.boilerplate, "pieces": pieces})
    data = {"document": {"id": doc.id, "name": doc.name, "title": doc.title, "url": doc.url, "lang": doc.lang,
                         "date": doc.date, "format": doc.format},
            "paragraphs": paras, "marked": sum(len(v) for v in marks.values())}
    return page(request, "document.html", data)


@router.get("/actors/{code}", summary="A state's partners with counts by kind and year")
def actor_page(request: Request, code: str, s: Annotated[Site, Depends(site)]) -> Response:
    code = _code(code)
    with s.reading() as d:
        partners = d.partners(code)
    return page(request, "actor.html", {"code": code, "name": country_name(code, "en"), "partners": partners})


@router.get("/people", summary="Canonical people with their spellings across scripts")
def people_page(request: Request, s: Annotated[Site, Depends(site)]) -> Response:
    with s.reading() as d:
        people = d.people()
    return page(request, "people.html", {"people": people})


@router.get("/search", summary="Sentences, events and documents containing the query")
def search_page(request: Request, s: Annotated[Site, Depends(site)],
                q: Annotated[str, Query(max_length=200)] = "",
                lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
                limit: Annotated[int, Query(ge=1, le=200)] = 20,
                offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> Response:
    hits: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    if q.strip():
        with s.reading() as d:
            hits = [{"kind": h.kind, "doc": h.doc, "name": h.name, "sentence": h.sentence, "text": h.text,
                     "score": h.score} for h in d.search(q.strip(), limit=limit, offset=offset, lang=lang)]
            events = [to_dict(e) for e in d.events(q=q.strip(), lang=lang, limit=10)]
    return page(request, "search.html", {"q": q, "hits": hits, "events": events, "offset": offset, "limit": limit})


@router.get("/docs", summary="This API, from its OpenAPI schema (served offline)")
def api_docs(request: Request) -> Response:
    schema = request.app.openapi()
    routes = [{"path": p, "method": m.upper(), "summary": op.get("summary", ""),
               "params": [x["name"] for x in op.get("parameters", [])]}
              for p, ops in schema["paths"].items() for m, op in ops.items()]
    return page(request, "docs.html", {"routes": routes})


@router.post("/api/documents", summary="Ingest one uploaded file (needs BILAT_TOKEN and Authorization: Bearer)",
             status_code=201, responses={
                 201: {"description": "Ingested: the ingest report", "content": {"application/json": {}}},
                 401: {"description": "No token, or a wrong one", "model": Problem, "content": _ERROR},
                 413: {"description": "The upload is larger than the server takes", "model": Problem,
                       "content": _ERROR},
                 422: {"description": "The file could not be read or ingested: the report says why",
                       "content": {"application/json": {}}}})
def upload(request: Request, file: UploadFile, s: Annotated[Site, Depends(site)]) -> Response:
    if not s.token:
        raise HTTPException(404, "the write API is off (set BILAT_TOKEN to turn it on)")
    auth = request.headers.get("authorization", "")
    given = auth[7:] if auth[:7].lower() == "bearer " else ""
    if not hmac.compare_digest(given.encode(), s.token.encode()):
        raise HTTPException(401, "a valid Authorization: Bearer token is needed")
    name = re.sub(r"[^\w.-]", "_", Path(file.filename or "upload.txt").name)[:100] or "upload.txt"
    with tempfile.TemporaryDirectory(prefix="bilat-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(file.file.read())
        with s.reading():
            report = s.kb.ingest([str(path)])
    result = report.as_dict()
    result.pop("read", None)
    return JSONResponse(result, status_code=201 if report.ok else 422)
