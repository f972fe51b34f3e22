"""One error body for every failure: {"error": {"code", "message", "details"}}. Never a bare 500 page."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from wegwijs.core.errors import DomainError

logger = logging.getLogger(__name__)


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    *,
    status: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
) -> HttpResponse:
    body = {"error": {"code": code, "message": message, "details": details or []}}
    return api.create_response(request, body, status=status)


def _location(error: dict[str, Any]) -> str | None:
    location = [str(part) for part in error.get("loc", []) if part not in ("body", "payload", "query", "path")]
    return ".".join(location) or None


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def invalid_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
        details = [{"field": _location(item), "message": str(item.get("msg", ""))} for item in error.errors]
        return error_response(
            api, request, status=422, code="invalid_input", message="The input is not valid.", details=details
        )

    @api.exception_handler(DjangoValidationError)
    def invalid_data(request: HttpRequest, error: DjangoValidationError) -> HttpResponse:
        messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        details = [{"field": field or None, "message": text} for field, texts in messages.items() for text in texts]
        return error_response(
            api, request, status=422, code="invalid_input", message="The input is not valid.", details=details
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        return error_response(
            api,
            request,
            status=401,
            code="unauthenticated",
            message="Send a valid token as 'Authorization: Bearer <token>'.",
        )

    @api.exception_handler(DomainError)
    def refused(request: HttpRequest, error: DomainError) -> HttpResponse:
        return error_response(api, request, status=error.status, code=error.code, message=error.message)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        return error_response(api, request, status=404, code="not_found", message="Not found.")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        return error_response(api, request, status=error.status_code, code="http_error", message=str(error))

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, error: Exception) -> HttpResponse:
        logger.exception("unexpected API error on %s %s", request.method, request.path)
        return error_response(
            api,
            request,
            status=500,
            code="server_error",
            message="Something went wrong on our side. It has been logged.",
        )
