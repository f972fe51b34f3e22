"""What coordinators keep for their organisation's helpdesk: macros (reusable replies per language with fields
from the question) and the service levels (due times and closed days)."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import macros
from wegwijs.helpdesk.forms import MacroForm, ServiceLevelsForm
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_get_for_access
from wegwijs.tenancy.services import organisation_update_service_levels


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
        {
            "organisation": organisation,
            "macro": macro,
            "form": form,
            "title": macro.name if macro else _("New macro"),
            "cancel_url": reverse("helpdesk:macros", args=[organisation.slug]),
        },
        status=400 if form.errors else 200,
    )


@staff_view(Role.COORDINATOR)
@require_POST
def macro_delete_view(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    macros.macro_delete(actor=request.user, macro=macros.macro_get(organisation=organisation, public_id=public_id))  # type: ignore[arg-type]
    messages.success(request, _("The macro is deleted."))
    return redirect("helpdesk:macros", slug=organisation.slug)


@staff_view(Role.COORDINATOR)
@require_http_methods(["GET", "POST"])
def service_levels_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    form = ServiceLevelsForm(
        request.POST or None,
        initial={
            "first_response_hours": Decimal(organisation.sla_first_response_minutes) / 60,
            "resolution_hours": Decimal(organisation.sla_resolution_minutes) / 60,
            "closed_days": "\n".join(organisation.closed_days),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation_update_service_levels(
                actor=request.user,  # type: ignore[arg-type]
                organisation=organisation,
                first_response_minutes=round(data["first_response_hours"] * 60),
                resolution_minutes=round(data["resolution_hours"] * 60),
                closed_days=data["closed_days"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The service levels are saved. New questions get due times from them."))
            return redirect("helpdesk:service_levels", slug=organisation.slug)
    return render(
        request,
        "helpdesk/service_levels.html",
        {"organisation": organisation, "form": form, "title": _("Service levels")},
        status=400 if form.errors else 200,
    )
