"""Coordinators keep their organisation's macros: reusable replies per language with fields from the question."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import macros
from wegwijs.helpdesk.forms import MacroForm
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_get_for_access


@staff_view(Role.COORDINATOR)
@require_GET
def macros_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    return render(
        request,
        "helpdesk/macros.html",
        {"organisation": organisation, "macros": macros.macro_list(organisation=organisation)},
    )


@staff_view(Role.COORDINATOR)
@require_http_methods(["GET", "POST"])
def macro_edit_view(request: HttpRequest, slug: str, public_id: UUID | None = None) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    macro = macros.macro_get(organisation=organisation, public_id=public_id) if public_id else None
    initial = {"name": macro.name, "language": macro.language, "body": macro.body} if macro else None
    form = MacroForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            macros.macro_save(actor=request.user, organisation=organisation, macro=macro, **form.cleaned_data)  # type: ignore[arg-type]
        except DomainError as error:
            form.add_error("body", error.message)
        else:
            messages.success(request, _("The macro is saved."))
            return redirect("helpdesk:macros", slug=organisation.slug)
    return render(
        request,
        "helpdesk/macro_edit.html",
        {"organisation": organisation, "macro": macro, "form": form},
        status=400 if form.errors else 200,
    )


@staff_view(Role.COORDINATOR)
@require_POST
def macro_delete_view(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    macros.macro_delete(actor=request.user, macro=macros.macro_get(organisation=organisation, public_id=public_id))  # type: ignore[arg-type]
    messages.success(request, _("The macro is deleted."))
    return redirect("helpdesk:macros", slug=organisation.slug)
