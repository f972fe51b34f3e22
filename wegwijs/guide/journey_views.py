"""Journeys for care providers and coordinators: the list, and one journey with its coaching contacts, the phase
and the continue / stop decision. Every read of a journey is access-logged by `journeys`."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST
from django_stubs_ext import StrPromise

from wegwijs.core.errors import DomainError
from wegwijs.guide import journeys
from wegwijs.guide.choices import JourneyStatus
from wegwijs.guide.consult_views import GUIDE_ROLES
from wegwijs.guide.journey_forms import CoachingContactForm, DecisionForm, PhaseForm
from wegwijs.guide.models import Enrollment
from wegwijs.tenancy.rules import staff_view


@staff_view(*GUIDE_ROLES)
@require_GET
def journeys_view(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", JourneyStatus.ACTIVE)
    page = request.GET.get("page", "1")
    journey_page = journeys.enrollment_list(status=status, page=int(page) if page.isdigit() else 1)
    return render(
        request,
        "guide/journey/list.html",
        {"page": journey_page, "status": status, "statuses": [*JourneyStatus.choices, ("all", _lazy("All"))]},
    )


def _journey_page(request: HttpRequest, enrollment: Enrollment, status: int = 200, **bound: forms.Form) -> HttpResponse:
    following = journeys.next_phase(enrollment.phase) or enrollment.phase
    context = {
        "enrollment": enrollment,
        "contacts": journeys.enrollment_contacts(enrollment=enrollment),
        "feedback": journeys.enrollment_feedback(enrollment=enrollment),
        "contact_form": CoachingContactForm(initial={"phase": enrollment.phase}),
        "phase_form": PhaseForm(initial={"phase": following}),
        "decision_form": DecisionForm(initial={"status": enrollment.status, "reason": enrollment.reason}),
        **bound,
    }
    return render(request, "guide/journey/journey.html", context, status=status)


@staff_view(*GUIDE_ROLES)
@require_GET
def journey_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _journey_page(request, journeys.enrollment_get_for_staff(public_id=public_id))


# What each form on the journey page changes: the form, its name in the page, the service, the confirmation.
CHANGES: dict[str, tuple[type[forms.Form], str, Callable[..., object], StrPromise]] = {
    "contact": (CoachingContactForm, "contact_form", journeys.coaching_contact_add, _lazy("The contact is recorded.")),
    "phase": (PhaseForm, "phase_form", journeys.enrollment_move_phase, _lazy("The moment in the journey is changed.")),
    "decision": (DecisionForm, "decision_form", journeys.enrollment_decide, _lazy("The decision is recorded.")),
}


@staff_view(*GUIDE_ROLES)
@require_POST
def journey_change_view(request: HttpRequest, public_id: UUID, change: str) -> HttpResponse:
    """One of the journey page's forms; on a problem, the page again with the errors."""
    form_class, form_name, service, done = CHANGES[change]
    enrollment = journeys.enrollment_get_for_staff(public_id=public_id, action="change")
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, enrollment=enrollment, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, str(done))
            return redirect("guide:journey", public_id=enrollment.public_id)
    return _journey_page(request, enrollment, status=400, **{form_name: form})
