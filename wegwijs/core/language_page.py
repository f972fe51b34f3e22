"""The shared shape of the staff pages an organisation keeps per language (`?language=xx`): referral texts,
urgent advice, checklists, the support matrix."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.core.http import requested_language


def language_page(
    request: HttpRequest, form: BaseForm, save: Callable[[User], object], done: str, template: str, **context: object
) -> HttpResponse:
    """On a valid POST save (a refusal shows on the form), tell, and come back in the same language; else show
    the page with the language tabs."""
    language = requested_language(request)
    if request.method == "POST" and form.is_valid():
        try:
            save(request.user)  # type: ignore[arg-type]
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done)
            return redirect(f"{request.path}?language={language}")
    return render(
        request,
        template,
        {"form": form, "language": language, "languages": settings.LANGUAGES, **context},
        status=400 if form.errors else 200,
    )
