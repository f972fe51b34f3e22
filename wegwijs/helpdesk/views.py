"""The agents' workspace: the inbox and the question page. Every form posts, redirects and works without JS."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.helpdesk import calls, macros, referrals, selectors, services, walk_in
from wegwijs.helpdesk.choices import Route, Topic
from wegwijs.helpdesk.forms import (
    AssignForm,
    CallForm,
    ClassifyForm,
    InboxFilterForm,
    LinkForm,
    MergeForm,
    NewCallForm,
    NoteForm,
    PriorityForm,
    ReferForm,
    ReplyForm,
    StatusForm,
    WalkInForm,
)
from wegwijs.helpdesk.models import Ticket
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import (
    department_list,
    location_list_serving,
    organisation_list_for_access,
    tool_list,
    tool_list_for_organisations,
)

HELPDESK_ROLES = (Role.AGENT, Role.COORDINATOR)
PAGE_SIZE = 25  # a screenful, as in most helpdesks; j/k and "Next" go on


@staff_view(*HELPDESK_ROLES)
@require_GET
def inbox_view(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    view = request.GET.get("view", "all_open")
    if view not in selectors.INBOX_VIEWS:
        view = "all_open"
    filter_form = InboxFilterForm(request.GET or None, organisations=organisation_list_for_access())
    data = filter_form.cleaned_data if filter_form.is_valid() else {}
    filters = selectors.InboxFilter(
        view=view,
        text=data.get("q", ""),
        organisation_slug=data.get("organisation", ""),
        **{field: data.get(field, "") for field in ("language", "channel", "route", "topic", "sort")},
    )
    page = selectors.ticket_inbox_page(
        user=user, filters=filters, page_number=request.GET.get("page"), per_page=PAGE_SIZE
    )
    kept = {field: value for field, value in data.items() if value and field != "q"}  # kept across views
    counts = selectors.ticket_inbox_counts(user=user)
    return render(
        request,
        "helpdesk/inbox_body.html" if request.htmx else "helpdesk/inbox.html",  # type: ignore[attr-defined]
        {
            "page": page,
            "view": view,
            "views": [
                (name, f"{selectors.COUNT_CAP}+" if count > selectors.COUNT_CAP else str(count))
                for name, count in counts.items()
            ],
            "urgent_waiting": counts.get("urgent", 0),
            "filter_form": filter_form,
            "text": filters.text,
            "kept_filters": urlencode(kept),
        },
    )


@staff_view(*HELPDESK_ROLES)
@require_GET
def ticket_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    ticket = selectors.ticket_get_for_staff(public_id=public_id)
    return _ticket_page(request, ticket)


def _macro_text(request: HttpRequest, ticket: Ticket) -> str:
    """`?macro=<id>` fills the reply with that macro (a plain GET form: no JavaScript needed)."""
    chosen = request.GET.get("macro", "")
    try:
        macro = macros.macro_get_for(ticket=ticket, public_id=chosen) if chosen else None
    except ValidationError:
        macro = None
    return macros.macro_render(macro=macro, ticket=ticket) if macro else ""


def _ticket_page(request: HttpRequest, ticket: Ticket, *, failed: BaseForm | None = None) -> HttpResponse:
    forms: dict[str, BaseForm] = {
        "reply_form": ReplyForm(initial={"body": _macro_text(request, ticket)}),
        "note_form": NoteForm(),
        "call_form": CallForm(),
        "merge_form": MergeForm(),
        "link_form": LinkForm(),
        "refer_form": ReferForm(departments=department_list(organisation=ticket.organisation)),
        "status_form": StatusForm(initial={"status": ticket.status}),
        "priority_form": PriorityForm(initial={"priority": ticket.priority}),
        "classify_form": ClassifyForm(
            tools=tool_list(organisation=ticket.organisation),
            initial={
                "route": ticket.route,
                "topic": ticket.topic,
                "tool": ticket.tool.public_id if ticket.tool else None,
            },
        ),
        "assign_form": AssignForm(
            agents=selectors.ticket_assignable_agents(ticket=ticket),
            initial={"assignee": ticket.assignee.public_id if ticket.assignee else None},
        ),
    }
    if failed is not None:
        forms[next(name for name, form in forms.items() if type(form) is type(failed))] = failed
    return render(
        request,
        "helpdesk/ticket.html",
        {
            "ticket": ticket,
            "timeline": selectors.ticket_timeline(ticket=ticket),
            "macros": macros.macro_list_for(ticket=ticket),
            "related": selectors.ticket_related(ticket=ticket),
            "routes": Route.choices,
            "topics": Topic.choices,
            **forms,
        },
        status=400 if failed is not None else 200,
    )


def _act(
    request: HttpRequest,
    public_id: UUID,
    form: BaseForm | Callable[[Ticket], BaseForm],
    action: Callable[[User, Ticket, dict[str, object]], object],
    done: str,
) -> HttpResponse:
    """Shared shape of every change on the question page: read the question once (logged), validate, call one
    service, redirect or show errors. `form` may be built from the question (choices of its organisation)."""
    user: User = request.user  # type: ignore[assignment]
    ticket = selectors.ticket_get_for_staff(public_id=public_id)
    form = form(ticket) if callable(form) else form
    if form.is_valid():
        try:
            action(user, ticket, form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done)
            return redirect("helpdesk:ticket", public_id=ticket.public_id)
    return _ticket_page(request, ticket, failed=form)


@staff_view(*HELPDESK_ROLES)
@require_POST
def reply_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act(
        request,
        public_id,
        ReplyForm(request.POST),
        lambda user, ticket, data: services.ticket_reply(actor=user, ticket=ticket, body=str(data["body"])),
        _("Your reply has been sent."),
    )


@staff_view(*HELPDESK_ROLES)
@require_POST
def note_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act(
        request,
        public_id,
        NoteForm(request.POST),
        lambda user, ticket, data: services.ticket_add_note(actor=user, ticket=ticket, body=str(data["body"])),
        _("Your note has been saved."),
    )


@staff_view(*HELPDESK_ROLES)
@require_POST
def status_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act(
        request,
        public_id,
        StatusForm(request.POST),
        lambda user, ticket, data: services.ticket_change_status(actor=user, ticket=ticket, status=str(data["status"])),
        _("The status has been changed."),
    )


@staff_view(*HELPDESK_ROLES)
@require_POST
def priority_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act(
        request,
        public_id,
        PriorityForm(request.POST),
        lambda user, ticket, data: services.ticket_change_priority(
            actor=user, ticket=ticket, priority=str(data["priority"])
        ),
        _("The priority has been changed."),
    )


@staff_view(*HELPDESK_ROLES)
@require_POST
def classify_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act(
        request,
        public_id,
        lambda ticket: ClassifyForm(request.POST, tools=tool_list(organisation=ticket.organisation)),
        lambda user, ticket, data: services.ticket_classify(
            actor=user,
            ticket=ticket,
            route=str(data["route"]),
            topic=str(data["topic"]),
            tool=data["tool"],  # type: ignore[arg-type]
        ),
        _("The route, topic and digital tool have been saved."),
    )


@staff_view(*HELPDESK_ROLES)
@require_POST
def assign_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act(
        request,
        public_id,
        lambda ticket: AssignForm(request.POST, agents=selectors.ticket_assignable_agents(ticket=ticket)),
        lambda user, ticket, data: services.ticket_assign(actor=user, ticket=ticket, assignee=data["assignee"]),  # type: ignore[arg-type]
        _("The question has been assigned."),
    )


@staff_view(*HELPDESK_ROLES)
@require_POST
def call_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act(
        request,
        public_id,
        CallForm(request.POST),
        lambda user, ticket, data: calls.phone_call_log(
            actor=user,
            ticket=ticket,
            direction=str(data["direction"]),
            duration_minutes=int(data["duration_minutes"]),  # type: ignore[call-overload]
            summary=str(data["summary"]),
            outcome=str(data["outcome"]),
        ),
        _("The call has been logged."),
    )


@staff_view(*HELPDESK_ROLES)
@require_http_methods(["GET", "POST"])
def new_call_view(request: HttpRequest) -> HttpResponse:
    """Log a call about something new; it becomes a question with the call on its timeline."""
    user: User = request.user  # type: ignore[assignment]
    form = NewCallForm(request.POST or None, organisations=organisation_list_for_access())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ticket = calls.phone_call_log_new(
                actor=user,
                call=calls.NewCall(
                    organisation=data["organisation"],
                    direction=data["direction"],
                    language=data["language"],
                    caller_name=data["caller_name"],
                    caller_phone=data["caller_phone"],
                    consent_to_contact=data["consent_to_contact"],
                    duration_minutes=data["duration_minutes"],
                    summary=data["summary"],
                    outcome=data["outcome"],
                ),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The call has been logged."))
            return redirect("helpdesk:ticket", public_id=ticket.public_id)
    return render(request, "helpdesk/new_call.html", {"form": form}, status=400 if form.errors else 200)


@staff_view(*HELPDESK_ROLES)
@require_POST
def refer_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act(
        request,
        public_id,
        lambda ticket: ReferForm(request.POST, departments=department_list(organisation=ticket.organisation)),
        lambda user, ticket, data: referrals.ticket_refer(
            actor=user,
            ticket=ticket,
            route=str(data["route"]),
            department=data["department"],  # type: ignore[arg-type]
            note=str(data["note"]),
        ),
        _("The question has been referred and the person has been told where to go."),
    )


@staff_view(Role.VOLUNTEER, *HELPDESK_ROLES)
@require_http_methods(["GET", "POST"])
def walk_in_view(request: HttpRequest) -> HttpResponse:
    """Volunteers at a help point log the help they gave, and hand over what they could not solve."""
    organisations = organisation_list_for_access()
    form = WalkInForm(
        request.POST or None,
        organisations=organisations,
        locations=location_list_serving(organisations=organisations),
        tools=tool_list_for_organisations(organisations=organisations),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        visit = walk_in.WalkIn(
            organisation=data["organisation"],
            location=data["location"],
            language=data["language"],
            tool=data["tool"],
            question=data["question"],
            tried=data["tried"],
            hand_over=data["hand_over"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            preferred_contact=data["preferred_contact"],
            consent_to_contact=data["consent_to_contact"],
            consent_to_hand_over=data["consent_to_hand_over"],
        )
        try:
            ticket = walk_in.walk_in_log(actor=request.user, visit=visit)  # type: ignore[arg-type]
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            done = (
                _("Handed over to the helpdesk as %(reference)s.")
                if visit.hand_over
                else _("Saved as %(reference)s. Thank you for helping!")
            )
            messages.success(request, done % {"reference": ticket.reference})
            return redirect("helpdesk:walk_in")
    return render(request, "helpdesk/walk_in.html", {"form": form}, status=400 if form.errors else 200)


@staff_view(*HELPDESK_ROLES)
@require_GET
def attachment_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Files are only served here, after the organisation and role check, always as a download."""
    attachment = selectors.attachment_get_for_staff(public_id=public_id)
    response = HttpResponse(bytes(attachment.content), content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=attachment.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@staff_view(*HELPDESK_ROLES)
@require_POST
def merge_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    def merge(user: User, ticket: Ticket, data: dict[str, object]) -> None:
        into = selectors.ticket_get_by_number(organisation_id=ticket.organisation_id, number=int(data["into"]))  # type: ignore[call-overload]
        services.ticket_merge(actor=user, duplicate=ticket, into=into)

    return _act(request, public_id, MergeForm(request.POST), merge, _("The questions have been merged."))


@staff_view(*HELPDESK_ROLES)
@require_POST
def link_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    def link(user: User, ticket: Ticket, data: dict[str, object]) -> None:
        other = selectors.ticket_get_by_number(organisation_id=ticket.organisation_id, number=int(data["other"]))  # type: ignore[call-overload]
        services.ticket_link(actor=user, ticket=ticket, other=other)

    return _act(request, public_id, LinkForm(request.POST), link, _("The questions are linked."))
