"""Template context for the shells."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from wegwijs.web.navigation import staff_navigation


def shell(request: HttpRequest) -> dict[str, object]:
    language = translation.get_language() or settings.LANGUAGE_CODE
    grants = getattr(request, "staff_grants", None)
    return {
        "text_direction": "rtl" if translation.get_language_bidi() else "ltr",
        "current_language": language,
        "language_choices": settings.LANGUAGES,
        "staff_navigation": staff_navigation(user=request.user, grants=grants) if grants is not None else [],  # type: ignore[arg-type]
    }
