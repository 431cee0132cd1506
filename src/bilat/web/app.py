"""The bilat web app: FastAPI over one read-only knowledge base, HTML pages with JSON twins (#9).

Every page answers HTML, or JSON when its path ends in ``.json`` or the request asks for
``Accept: application/json``; lists also answer CSV (``.csv``). Documents are untrusted input: Jinja2
autoescapes everything, no page has any script, and the Content-Security-Policy says so.
"""

from __future__ import annotations

import csv
import io
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

import bilat
from bilat import exports
from bilat.errors import BilatError
from bilat.web.data import Data

HERE = Path(__file__).parent
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
MAX_QUERY = 2_048  # bytes of query string
MAX_PATH = 1_024
MAX_BODY = 32 * 2**20  # an upload to POST /api/documents
RTL = {"fa", "ar", "he", "ur", "ps"}


class Guard:
    """ASGI middleware: size limits, ``.json``/``.csv`` suffixes, and the security headers on every answer."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        too_big = len(scope.get("query_string", b"")) > MAX_QUERY or len(path) > MAX_PATH
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if too_big or not length.isdigit() or int(length) > MAX_BODY:
            status = 413 if length.isdigit() and int(length) > MAX_BODY else 414 if too_big else 400
            await _plain(send, status, "request too large" if status != 400 else "bad content-length")
            return
        scope = dict(scope)
        for suffix in (".json", ".csv"):
            if path.endswith(suffix) and path != "/openapi.json":
                scope["bilat.format"] = suffix[1:]
                path = path[: -len(suffix)]
                scope["path"] = {"": "/", "/index": "/"}.get(path, path)
                break

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        received = 0

        async def receive_limited() -> dict[str, Any]:
            # A body sent without a length (chunked) is counted as it comes.
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY:
                raise ValueError("request body too large")
            return message

        await self.app(scope, receive_limited, send_with_headers)


async def _plain(send: Any, status: int, text: str) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-security-policy", CSP.encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode()})


def safe_url(url: str | None) -> str | None:
    """A document's URL when it is http(s), so that a ``javascript:`` URL never becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


class Site:
    """The app's state: one knowledge base, opened once, read by one request at a time."""

    def __init__(self, db: str | Path, token: str | None) -> None:
        if not Path(db).exists():
            raise BilatError(f"no knowledge base at {db} (run `bilat ingest` first)")
        self.db = str(db)
        self.token = token
        # Reads never write: read-only unless the write API is on (one process cannot hold both).
        self.kb = bilat.open(db, read_only=token is None)
        self.data = Data(self.kb)
        self.lock = threading.Lock()
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
        self.templates = Jinja2Templates(env=env)
        env.globals.update(rtl=RTL)
        env.filters["safe_url"] = safe_url
        env.filters["trigger_parts"] = trigger_parts
        env.filters["query"] = lambda params, **kw: urlencode(
            {k: v for k, v in {**params, **kw}.items() if v not in (None, "")})

    @contextmanager
    def reading(self) -> Iterator[Data]:
        """The data adapter, for one request at a time (a DuckDB connection is not shared across threads)."""
        with self.lock:
            yield self.data


def wants(request: Request) -> str:
    """``html``, ``json`` or ``csv``: from the path suffix, then the Accept header."""
    if fmt := request.scope.get("bilat.format"):
        return fmt
    accept = request.headers.get("accept", "")
    first = accept.split(",")[0].strip().lower()
    return "json" if first.startswith("application/json") else "html"


def page(request: Request, template: str, data: dict[str, Any], status: int = 200, **html_only: Any) -> Response:
    """The page ``template`` over ``data``, or ``data`` itself as JSON."""
    if wants(request) == "json":
        return JSONResponse(data, status_code=status)
    site: Site = request.app.state.site
    return site.templates.TemplateResponse(request, template, {**data, **html_only}, status_code=status)


def table(request: Request, template: str, what: str, rows: list[dict[str, Any]], data: dict[str, Any],
          **html_only: Any) -> Response:
    """A list page: HTML, JSON, or CSV with the export's columns (``what``: mentions, indicators, events)."""
    if wants(request) == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(exports.COLUMNS[what]))
        w.writeheader()
        for r in rows:
            w.writerow(exports.flatten(what, r))
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{what}.csv"'})
    return page(request, template, data, **html_only)


def create_app(db: str | Path = bilat.DEFAULT_DB, token: str | None = None) -> FastAPI:
    """The web app over the knowledge base in ``db``; the write API is on only with a ``token``."""
    from bilat.web import routes

    site = Site(db, token if token is not None else (os.environ.get("BILAT_TOKEN") or None))
    # FastAPI's /docs loads Swagger UI from a CDN: off. Our own /docs page lists the API from the schema.
    app = FastAPI(title="bilat", version=bilat.__version__, docs_url=None, redoc_url=None,
                  description="Dated diplomatic events traced to their sentences. Every page has a JSON twin.")
    app.state.site = site
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        where = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
        return _error(request, 422, f"bad parameter ({where})")

    app.include_router(routes.router)
    app.add_middleware(Guard)
    app.router.on_shutdown.append(site.kb.close)
    return app


def _error(request: Request, status: int, message: str) -> Response:
    if wants(request) != "html":
        return JSONResponse({"error": message}, status_code=status)
    site: Site = request.app.state.site
    return HTMLResponse(site.templates.get_template("error.html").render(
        request=request, status=status, message=message), status_code=status)


def trigger_parts(text: str, kind: str | None, lang: str | None) -> tuple[str, str, str]:
    """A sentence split around the words that state its act of ``kind`` (found again with the language's
    triggers), so a page can highlight them; the whole sentence when they are not found."""
    from bilat.extract.triggers import find_triggers

    low = text.lower()
    if kind and len(low) == len(text):
        for t in find_triggers(low, lang):
            if t.kind == kind:
                return text[: t.start], text[t.start : t.end], text[t.end :]
    return "", text, ""
