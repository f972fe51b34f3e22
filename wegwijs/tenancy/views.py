"""Staff pages about one organisation: its overview, tools, departments and team."""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wegwijs.tenancy import selectors, services
from wegwijs.tenancy.forms import DepartmentForm, DigitalToolForm, OrganisationContactForm
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.permissions import can_edit_organisation_data, can_manage_helpdesk, can_write_urgent_advice
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view


@staff_view()
@require_GET
def organisation_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get_for_access(slug=slug)
    roles = request.access.roles_in(organisation.pk)  # type: ignore[attr-defined]
    context = {
        "organisation": organisation,
        "can_edit": can_edit_organisation_data(roles),
        "can_manage_helpdesk": can_manage_helpdesk(roles),
        "can_write_urgent_advice": can_write_urgent_advice(roles),
        "site_url": settings.SITE_URL,
        "departments": selectors.department_list(organisation=organisation),
        "tools": selectors.tool_list(organisation=organisation),
        "locations": selectors.location_list(organisation=organisation),
    }
    return render(request, "tenancy/organisation.html", context)


@staff_view(Role.EDITOR)
@require_http_methods(["GET", "POST"])
def tool_edit_view(request: HttpRequest, slug: str, public_id: UUID | None = None) -> HttpResponse:
    organisation = selectors.organisation_get_for_access(slug=slug)
    tool = selectors.tool_get(organisation=organisation, public_id=public_id) if public_id else None
    form = DigitalToolForm(request.POST or None, instance=tool)
    if request.method == "POST" and form.is_valid():
        if tool is None:
            services.tool_create(actor=request.user, organisation=organisation, **form.cleaned_data)  # type: ignore[arg-type]
        else:
            services.tool_update(actor=request.user, tool=tool, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("The digital tool is saved."))
        return redirect("tenancy:organisation", slug=organisation.slug)
    return _edit_page(request, organisation, form, _("Edit digital tool") if tool else _("Add a digital tool"))


@staff_view(Role.EDITOR)
@require_http_methods(["GET", "POST"])
def department_edit_view(request: HttpRequest, slug: str, public_id: UUID | None = None) -> HttpResponse:
    organisation = selectors.organisation_get_for_access(slug=slug)
    department = selectors.department_get(organisation=organisation, public_id=public_id) if public_id else None
    form = DepartmentForm(request.POST or None, instance=department)
    if request.method == "POST" and form.is_valid():
        if department is None:
            services.department_create(actor=request.user, organisation=organisation, **form.cleaned_data)  # type: ignore[arg-type]
        else:
            services.department_update(actor=request.user, department=department, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("The department is saved."))
        return redirect("tenancy:organisation", slug=organisation.slug)
    return _edit_page(request, organisation, form, _("Edit department") if department else _("Add a department"))


@staff_view(Role.COORDINATOR)
@require_GET
def team_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get_for_access(slug=slug)
    members = selectors.staff_member_list(organisation=organisation)
    return render(request, "tenancy/team.html", {"organisation": organisation, "members": members})


@staff_view(Role.COORDINATOR)
@require_GET
def team_member_view(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_access(slug=slug)
    member = selectors.staff_member_get(organisation=organisation, public_id=public_id)
    return render(request, "tenancy/team_member.html", {"organisation": organisation, "member": member})


@staff_view(Role.EDITOR)
@require_http_methods(["GET", "POST"])
def organisation_contact_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get_for_access(slug=slug)
    form = OrganisationContactForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.ORGANISATION_CONTACT_FIELDS}
        services.organisation_update_contact(actor=request.user, organisation=organisation, **fields)  # type: ignore[arg-type]
        messages.success(request, _("The contact details are saved."))
        return redirect("tenancy:organisation", slug=organisation.slug)
    return _edit_page(request, organisation, form, _("Contact details and phone hours"))


def _edit_page(request: HttpRequest, organisation: Organisation, form: BaseForm, title: str) -> HttpResponse:
    context = {"organisation": organisation, "form": form, "title": title}
    return render(request, "tenancy/edit_form.html", context, status=400 if form.errors else 200)
