"""The one place where errors become HTTP responses, all of one shape:
``{"error": {"code": "...", "message": "..."}}`` (plus ``suggestions`` for an unknown id).

Domain errors (graph.errors) map to status codes in DOMAIN_STATUS, read from the table the
CLI's exit codes come from too (api/exitcodes.py, docs/cli.md); FastAPI's validation
errors become 422 ``invalid_parameter``; Starlette's 404/405 (unknown route, wrong method)
and anything unexpected (500) get the same shape.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.schemas import ErrorBody, ErrorResponse, NodeBrief
from api.exitcodes import OUTCOMES
from graph.errors import VocgraphError

log = logging.getLogger("vocgraph.api")

# The status and code of each domain error come from the one table shared with the CLI.
DOMAIN_STATUS: tuple[tuple[type[VocgraphError], int, str], ...] = tuple(
    (row.error, row.status, row.code) for row in OUTCOMES)
HTTP_CODES = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
              413: "too_large", 422: "invalid_parameter"}

# Documented on every route in the OpenAPI schema.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": desc}
    for code, desc in ((404, "unknown id, document or route"), (422, "bad parameter"),
                       (503, "a backend or optional package is unavailable"))
}


class ApiError(Exception):
    """An error raised by a handler with its HTTP status, code and message."""

    def __init__(self, status: int, code: str, message: str,
                 suggestions: list[NodeBrief] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.suggestions = status, code, message, suggestions


def not_found(message: str, suggestions: list[NodeBrief] | None = None) -> ApiError:
    return ApiError(404, "not_found", message, suggestions if suggestions is not None else None)


def error_response(status: int, code: str, message: str,
                   suggestions: list[NodeBrief] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, suggestions=suggestions))
    return JSONResponse(status_code=status, content=body.model_dump(exclude_none=True))


def domain_status(exc: VocgraphError) -> tuple[int, str]:
    for cls, status, code in DOMAIN_STATUS:
        if isinstance(exc, cls):
            return status, code
    return 400, "bad_request"


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        where = loc[0] if loc else "request"
        name = ".".join(loc[1:]) or where
        kind = {"query": "query parameter", "path": "path parameter", "header": "header",
                "body": "body field"}.get(where, where)
        parts.append(f"{kind} {name!r}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.suggestions)

    @app.exception_handler(VocgraphError)
    async def _domain_error(request: Request, exc: VocgraphError) -> JSONResponse:
        status, code = domain_status(exc)
        return error_response(status, code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_parameter", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, "http_error")
        if exc.status_code == 404:
            message = f"no route {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        response = error_response(exc.status_code, code, message)
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", f"{type(exc).__name__}: {exc}")
