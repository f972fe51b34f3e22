"""Editors and coordinators keep the organisation's support guide: the catalogue of offerings, the
checklists of understanding per tool, and the matrix of advice per phase and level (per language)."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.core.http import requested_language
from wegwijs.core.language_page import language_page
from wegwijs.guide import catalogue, selectors
from wegwijs.guide.forms import ChecklistForm, MatrixForm, OfferingForm
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_get_for_access, tool_list

EDITORS = (Role.EDITOR, Role.COORDINATOR)


@staff_view(*EDITORS)
@require_GET
def offerings_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    overview = selectors.catalogue_overview(organisation=organisation)
    return render(request, "guide/editor/offerings.html", {"organisation": organisation, "overview": overview})


@staff_view(*EDITORS)
@require_http_methods(["GET", "POST"])
def offering_edit_view(request: HttpRequest, slug: str, public_id: UUID | None = None) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    offering = selectors.offering_get(organisation=organisation, public_id=public_id) if public_id else None
    form = OfferingForm(
        request.POST or None,
        instance=offering,
        tools=tool_list(organisation=organisation),
        help_points=selectors.help_point_list(organisation=organisation),
    )
    if request.method == "POST" and form.is_valid():
        user: User = request.user  # type: ignore[assignment]
        try:
            if offering is None:
                catalogue.offering_create(actor=user, organisation=organisation, data=form.offering_input())
            else:
                catalogue.offering_update(actor=user, offering=offering, data=form.offering_input())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The support offering is saved."))
            return redirect("guide:offerings", slug=organisation.slug)
    return render(
        request,
        "guide/editor/offering_edit.html",
        {"organisation": organisation, "offering": offering, "form": form},
        status=400 if form.errors else 200,
    )


@staff_view(*EDITORS)
@require_POST
def offering_offered_view(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    """Stop offering, or offer again, from the list (a POST form with offered=yes|no)."""
    organisation = organisation_get_for_access(slug=slug)
    offering = selectors.offering_get(organisation=organisation, public_id=public_id)
    is_active = request.POST.get("offered") == "yes"
    catalogue.offering_set_offered(actor=request.user, offering=offering, is_active=is_active)  # type: ignore[arg-type]
    done = _("%(name)s is offered again.") if is_active else _("%(name)s is no longer offered.")
    messages.success(request, done % {"name": offering.name})
    return redirect("guide:offerings", slug=organisation.slug)


@staff_view(*EDITORS)
@require_http_methods(["GET", "POST"])
def checklists_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The checklist of understanding per tool in one language (`?language=xx`), one point per line."""
    organisation = organisation_get_for_access(slug=slug)
    language = requested_language(request)
    form = ChecklistForm(
        request.POST or None,
        tools=tool_list(organisation=organisation),
        points=selectors.checklist_points(organisation=organisation, language=language),
        language=language,
    )
    return language_page(
        request,
        form,
        lambda actor: catalogue.checklist_save(
            actor=actor, organisation=organisation, language=language, points=form.points()
        ),
        _("The checklists are saved."),
        "guide/editor/checklists.html",
        organisation=organisation,
    )


@staff_view(*EDITORS)
@require_http_methods(["GET", "POST"])
def matrix_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The matrix in one language (`?language=xx`): the shipped default where the organisation has no own text."""
    organisation = organisation_get_for_access(slug=slug)
    language = requested_language(request)
    form = MatrixForm(
        request.POST or None,
        entries=selectors.matrix_for(organisation=organisation, language=language),
        language=language,
    )
    return language_page(
        request,
        form,
        lambda actor: catalogue.matrix_save(
            actor=actor, organisation=organisation, language=language, cells=form.cells()
        ),
        _("The matrix is saved. Empty cells show the standard advice again."),
        "guide/editor/matrix.html",
        organisation=organisation,
    )
