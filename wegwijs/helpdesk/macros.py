"""Macros: reusable replies per organisation and language; {name}-style fields are filled from the question."""

from __future__ import annotations

import string

from django.db.models import Case, QuerySet, Value, When

from wegwijs.helpdesk.models import Macro, Ticket

PLACEHOLDERS = ("name", "reference", "organisation", "tool")


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # an unknown field stays visible for the agent to fix


def macro_render(*, macro: Macro, ticket: Ticket) -> str:
    values = _Missing(
        name=ticket.requester_name or "",
        reference=ticket.reference,
        organisation=ticket.organisation.name,
        tool=ticket.tool.name if ticket.tool else "",
    )
    try:
        return string.Formatter().vformat(macro.body, (), values)
    except (ValueError, IndexError):  # a stray brace: show the text as written
        return macro.body


def macro_list_for(*, ticket: Ticket) -> QuerySet[Macro]:
    """The organisation's macros, those in the question's language first."""
    same_language_first = Case(When(language=ticket.language, then=Value(0)), default=Value(1))
    return Macro.objects.filter(organisation_id=ticket.organisation_id).order_by(same_language_first, "name")


def macro_get_for(*, ticket: Ticket, public_id: str) -> Macro | None:
    return macro_list_for(ticket=ticket).filter(public_id=public_id).first()
