"""Facts about an HTTP request that several apps need."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address. Behind our proxy it is the last X-Forwarded-For hop (the one the proxy added)."""
    if settings.BEHIND_PROXY:
        forwarded = request.headers.get("X-Forwarded-For", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")


def requested_language(request: HttpRequest, parameter: str = "language") -> str:
    """A language named in the query string (`?language=ar`), if it is one we serve; else the default."""
    language = request.GET.get(parameter, settings.LANGUAGE_CODE)
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
