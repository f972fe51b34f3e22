"""The person's side: ask a question, and follow it through the private link. No account needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wegwijs.core.errors import DomainError
from wegwijs.core.http import client_address
from wegwijs.helpdesk import callbacks, links, selectors, services, statuses, urgent_advice
from wegwijs.helpdesk.forms import CallbackForm, MessageForm, QuestionForm, SatisfactionForm
from wegwijs.helpdesk.models import Ticket
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.rules import public_view
from wegwijs.tenancy.selectors import tool_list


@public_view
@require_http_methods(["GET", "POST"])
def ask_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    tools = tool_list(organisation=organisation, active_only=True)
    form = QuestionForm(request.POST or None, tools=tools, initial={"language": translation.get_language()})

    def create(data: dict[str, Any]) -> str:
        fields = ["question", "language", "tool", "name", "email", "phone", "preferred_contact",
                  "consent_to_contact", "consent_to_hand_over"]  # fmt: skip
        intake = services.Intake(**{field: data[field] for field in fields})
        return services.ticket_create(organisation=organisation, intake=intake)[1]

    done = _("Your question has been sent. Keep this page: here you read our answer.")
    return _public_intake(request, form, create, done) or render(
        request, "helpdesk/ask.html", {"organisation": organisation, "form": form}, status=_status(form)
    )


@public_view
def ask_sent_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "helpdesk/ask_sent.html", {"organisation": request.organisation})  # type: ignore[attr-defined]


@public_view
def follow_up_view(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    ticket = selectors.ticket_get_by_follow_up_token(organisation=organisation, raw_token=token)
    return render(
        request,
        "helpdesk/follow_up.html",
        {
            "organisation": organisation,
            "ticket": ticket,
            "urgent_advice": urgent_advice.urgent_advice_for_ticket(ticket=ticket),
            "conversation": selectors.ticket_public_messages(ticket=ticket),
            "form": MessageForm(),
            "satisfaction_form": _satisfaction_form(request, ticket),
            "is_open": statuses.is_open(ticket.status) or ticket.status == "resolved",
            "follow_up_url": request.build_absolute_uri(),
        },
    )


def _satisfaction_form(request: HttpRequest, ticket: Ticket) -> SatisfactionForm | None:
    """The rating question once the question is resolved; a face chosen in the e-mail comes pre-selected."""
    if not selectors.ticket_can_be_rated(ticket=ticket):
        return None
    chosen = SatisfactionForm({"score": request.GET.get(links.RATING_PARAMETER, "")})
    return SatisfactionForm(initial=chosen.cleaned_data if chosen.is_valid() else None, chosen=chosen.is_valid())


def _on_own_question(
    request: HttpRequest,
    token: str,
    form: BaseForm,
    action: Callable[[Ticket, dict[str, Any]], object],
    done: str,
    invalid: str,
) -> HttpResponse:
    """Shared shape of the person's actions on their follow-up page: validate, act, tell, back to the page."""
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    ticket = selectors.ticket_get_by_follow_up_token(organisation=organisation, raw_token=token)
    if form.is_valid():
        try:
            action(ticket, form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done)
    else:
        messages.error(request, invalid)
    return redirect("ask:follow_up", org_slug=organisation.slug, token=token)


@public_view
@require_POST
def follow_up_message_view(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    return _on_own_question(
        request,
        token,
        MessageForm(request.POST),
        lambda ticket, data: services.ticket_add_person_message(ticket=ticket, body=data["body"]),
        _("Your message has been sent."),
        _("Write a message of at most 10,000 characters."),
    )


@public_view
@require_POST
def follow_up_close_view(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    return _on_own_question(
        request,
        token,
        forms.Form(request.POST),
        lambda ticket, _data: services.ticket_close_by_person(ticket=ticket),
        _("Your question is closed. Thank you. You can always ask a new question."),
        "",
    )


@public_view
@require_POST
def follow_up_rate_view(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    return _on_own_question(
        request,
        token,
        SatisfactionForm(request.POST),
        lambda ticket, data: services.ticket_rate(ticket=ticket, score=data["score"]),
        _("Thank you for your opinion. It helps us improve."),
        _("Choose one of the five faces."),
    )


@public_view
@require_http_methods(["GET", "POST"])
def callback_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    windows = callbacks.callback_windows(organisation=organisation)
    form = CallbackForm(request.POST or None, windows=windows, initial={"language": translation.get_language()})

    def create(data: dict[str, Any]) -> str:
        intake = services.Intake(
            **{field: data[field] for field in ["question", "language", "name", "phone", "consent_to_contact"]}
        )
        window_start = dt.datetime.fromisoformat(data["window"])
        return callbacks.callback_request(organisation=organisation, intake=intake, window_start=window_start)[1]

    done = _("We will call you at the time you chose. Keep this page.")
    return _public_intake(request, form, create, done) or render(
        request,
        "helpdesk/callback.html",
        {"organisation": organisation, "form": form, "has_windows": bool(windows)},
        status=_status(form),
    )


def _public_intake(
    request: HttpRequest, form: QuestionForm | CallbackForm, create: Callable[[dict[str, Any]], str], done: str
) -> HttpResponse | None:
    """Shared shape of the public question forms: bots are thanked and ignored, the address's rate is
    checked, the question is created, and the person lands on their private follow-up page.
    None means: show the form again (with its errors)."""
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    if request.method != "POST" or not form.is_valid():
        return None
    if form.is_bot:
        return redirect("ask:sent", org_slug=organisation.slug)
    try:
        contacts = (form.cleaned_data.get("email", ""), form.cleaned_data.get("phone", ""))
        services.intake_check_rate(client_address=client_address(request), contacts=contacts)
        token = create(form.cleaned_data)
    except DomainError as error:
        form.add_error(None, error.message)
        return None
    messages.success(request, done)
    return redirect("ask:follow_up", org_slug=organisation.slug, token=token)


def _status(form: BaseForm) -> int:
    return 400 if form.errors else 200
