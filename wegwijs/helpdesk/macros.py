"""Macros: reusable replies per organisation and language; {name}-style fields are filled from the question."""

from __future__ import annotations

import string
from uuid import UUID

from django.db import transaction
from django.db.models import Case, QuerySet, Value, When
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError, NotFound
from wegwijs.helpdesk.models import Macro, Ticket
from wegwijs.tenancy.models import Organisation

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


# --- coordinators keep the macros ---------------------------------------------------------------


def macro_list(*, organisation: Organisation) -> QuerySet[Macro]:
    return Macro.objects.filter(organisation=organisation).order_by("language", "name")


def macro_get(*, organisation: Organisation, public_id: UUID | str) -> Macro:
    macro = macro_list(organisation=organisation).filter(public_id=public_id).first()
    if macro is None:
        raise NotFound("not found")
    return macro


def _check_fields(body: str) -> None:
    """Only the known fields, with matching braces: a mistake shows now, not in a reply to a person."""
    try:
        fields = {field for _text, field, _spec, _conversion in string.Formatter().parse(body) if field is not None}
    except ValueError as error:
        raise DomainError(_("A { or } is missing in the text."), code="macro_braces") from error
    unknown = sorted(fields - set(PLACEHOLDERS))
    if unknown:
        raise DomainError(
            _("Unknown field %(fields)s. You can use: %(known)s.")
            % {
                "fields": ", ".join("{" + field + "}" for field in unknown),
                "known": ", ".join("{" + field + "}" for field in PLACEHOLDERS),
            },
            code="macro_unknown_field",
        )


@transaction.atomic
def macro_save(
    *, actor: User, organisation: Organisation, macro: Macro | None, name: str, language: str, body: str
) -> Macro:
    """Create a macro, or change one of the organisation's macros."""
    _check_fields(body)
    if macro is None:
        macro = Macro(organisation=organisation)
    elif macro.organisation_id != organisation.pk:
        raise NotFound("not found")
    macro.name, macro.language, macro.body = name.strip(), language, body.strip()
    macro.save()
    return macro


@transaction.atomic
def macro_delete(*, actor: User, macro: Macro) -> None:
    macro.delete()
