"""Analysts and coordinators keep the list of who receives the organisation's periodic report by e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.insights.forms import RecipientForm, RecipientRemoveForm
from wegwijs.insights.recipients import report_recipient_add, report_recipient_list, report_recipient_remove
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_get_for_access

REPORT_KEEPERS = (Role.ANALYST, Role.COORDINATOR)


@staff_view(*REPORT_KEEPERS)
@require_http_methods(["GET", "POST"])
def recipients_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The list, and a form that adds one recipient."""
    organisation = organisation_get_for_access(slug=org_slug)
    form = RecipientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user: User = request.user  # type: ignore[assignment]
        try:
            recipient = report_recipient_add(actor=user, organisation=organisation, **form.cleaned_data)
        except DomainError as error:
            form.add_error("email", error.message)
        else:
            messages.success(request, _("%(email)s will receive the report.") % {"email": recipient.email})
            return redirect("insights:recipients", org_slug=organisation.slug)
    return render(
        request,
        "insights/report_recipients.html",
        {
            "organisation": organisation,
            "recipients": report_recipient_list(organisation=organisation),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@staff_view(*REPORT_KEEPERS)
@require_POST
def recipient_remove_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=org_slug)
    form = RecipientRemoveForm(request.POST)
    user: User = request.user  # type: ignore[assignment]
    email = form.cleaned_data["email"] if form.is_valid() else ""
    if email and report_recipient_remove(actor=user, organisation=organisation, email=email):
        messages.success(request, _("%(email)s no longer receives the report.") % {"email": email})
    else:
        messages.error(request, _("That address was not on the list."))
    return redirect("insights:recipients", org_slug=organisation.slug)
