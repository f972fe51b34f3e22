"""The urgent advice: what a person whose message sounds urgent reads at once, on their follow-up page and at the
top of the confirmation e-mail, in their language. A fixed, reviewed text, never generated.

Until an organisation has a reviewed version in a language, the shipped standard text (translatable below) is
shown. Editors and coordinators write drafts; a coordinator reviews and publishes one. Every save is a new
version (UrgentAdvice), so the history of who wrote and who reviewed what, and when, is never overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError, PermissionDenied
from wegwijs.helpdesk.choices import Route
from wegwijs.helpdesk.models import Ticket, UrgentAdvice
from wegwijs.tenancy.permissions import can_publish_urgent_advice
from wegwijs.tenancy.scope import current_access

HEADING = gettext_lazy("Do you need medical help right now?")
# The lines in the order people read them; the first is shown in bold.
DEFAULT_LINES = {
    "danger_to_life": gettext_lazy("Danger to life: call 112 now."),
    "outside_office_hours": gettext_lazy("Evenings, nights and weekends: call the huisartsenpost (out-of-hours GP)."),
    "office_hours": gettext_lazy("During office hours: call your own GP."),
    "suicidal_thoughts": gettext_lazy("Thinking about suicide? Call 113 or 0800-0113 (free), day and night."),
    "closing": gettext_lazy(
        "Our helpdesk helps with digital care and cannot give medical help. We will also look at your message "
        "as soon as possible."
    ),
}
LINES = tuple(DEFAULT_LINES)
REQUIRED_NUMBERS = ("112", "113")  # emergency number; suicide prevention line


@dataclass(frozen=True)
class Advice:
    """The text as a person reads it, in one language. `version` is None for the standard text."""

    language: str
    right_to_left: bool
    heading: str
    lines: dict[str, str]
    version: int | None


@dataclass(frozen=True)
class AdviceHistory:
    """What the staff page shows for one language: the text people read now, the draft waiting for review (the
    newest version, when nobody reviewed it yet) and every version, newest first."""

    current: Advice
    published_version: int | None  # the version people read now (it may be one that brought back the standard)
    draft: Advice | None
    versions: list[UrgentAdvice]
    editing: dict[str, str]  # what the form starts from: the newest own text, else the standard text


def _versions(organisation_id: int, language: str) -> QuerySet[UrgentAdvice]:
    return UrgentAdvice.objects.filter(organisation_id=organisation_id, language=language).order_by("-version")


def _advice(language: str, version: UrgentAdvice | None) -> Advice:
    with translation.override(language):
        lines = _lines_of(version) if version and not version.uses_default else _default_lines()
        return Advice(
            language=language,
            right_to_left=translation.get_language_bidi(),
            heading=str(HEADING),
            lines=lines,
            version=version.version if version and not version.uses_default else None,
        )


def _lines_of(version: UrgentAdvice) -> dict[str, str]:
    return {line: getattr(version, line) for line in LINES}


def _default_lines() -> dict[str, str]:
    return {line: str(text) for line, text in DEFAULT_LINES.items()}


# --- reading ---------------------------------------------------------------------------------------


def _published(organisation_id: int, language: str) -> UrgentAdvice | None:
    return _versions(organisation_id, language).filter(reviewed_at__isnull=False).first()


def urgent_advice_current(*, organisation_id: int, language: str) -> Advice:
    """What people read now: the organisation's newest reviewed version in `language`, else the standard text."""
    return _advice(language, _published(organisation_id, language))


def urgent_advice_for_ticket(*, ticket: Ticket) -> Advice | None:
    """The advice for the person who asked, in their language; None when the question is not urgent."""
    if ticket.route != Route.URGENT:
        return None
    served = dict(settings.LANGUAGES)
    language = ticket.language if ticket.language in served else settings.LANGUAGE_CODE
    return urgent_advice_current(organisation_id=ticket.organisation_id, language=language)


def urgent_advice_history(*, organisation_id: int, language: str, limit: int = 50) -> AdviceHistory:
    versions = list(_versions(organisation_id, language).select_related("written_by", "reviewed_by")[:limit])
    published = _published(organisation_id, language)
    newest = versions[0] if versions else None
    newest_text = _advice(language, newest)
    return AdviceHistory(
        current=_advice(language, published),
        published_version=published.version if published else None,
        draft=newest_text if newest and newest.reviewed_at is None else None,
        versions=versions,
        editing=newest_text.lines,
    )


# --- writing ---------------------------------------------------------------------------------------


def _check_safety(lines: dict[str, str]) -> None:
    """The numbers people need in an emergency can never be edited away."""
    text = "\n".join(lines.values())
    for number in REQUIRED_NUMBERS:
        if not re.search(rf"(?<!\d){number}(?!\d)", text):
            raise DomainError(
                _("The text must still contain %(number)s. People need this number in an emergency.")
                % {"number": number},
                code=f"urgent_advice_without_{number}",
            )


def _check_coordinator(organisation_id: int) -> None:
    if not can_publish_urgent_advice(current_access().roles_in(organisation_id)):
        raise PermissionDenied(_("Only a coordinator can publish the urgent advice."))


def _add_version(
    organisation_id: int, language: str, *, actor: User, lines: dict[str, str], published: bool
) -> UrgentAdvice:
    """A new version after the newest one; published at once only when a coordinator brings back the standard."""
    newest = _versions(organisation_id, language).aggregate(number=Max("version"))["number"] or 0
    now = timezone.now()
    try:
        with transaction.atomic():
            return UrgentAdvice.objects.create(
                organisation_id=organisation_id,
                language=language,
                version=newest + 1,
                uses_default=not lines,
                written_by=actor,
                reviewed_by=actor if published else None,
                reviewed_at=now if published else None,
                **lines,
            )
    except IntegrityError as error:  # someone saved the same language at the same moment
        raise DomainError(
            _("Someone else saved this text at the same moment. Please try again."), code="urgent_advice_conflict"
        ) from error


@transaction.atomic
def urgent_advice_save_draft(
    *, actor: User, organisation_id: int, language: str, texts: dict[str, str]
) -> UrgentAdvice:
    """Keep a new draft for one language (`texts`: one per line). People keep reading the current text until a
    coordinator publishes it."""
    lines = {line: texts.get(line, "").strip() for line in LINES}
    _check_safety(lines)
    if lines == _advice(language, _versions(organisation_id, language).first()).lines:
        raise DomainError(_("Nothing changed compared with the newest version."), code="urgent_advice_unchanged")
    return _add_version(organisation_id, language, actor=actor, lines=lines, published=False)


@transaction.atomic
def urgent_advice_publish(*, actor: User, organisation_id: int, language: str, version: int) -> UrgentAdvice:
    """A coordinator reviewed the newest draft: from now on people read it. Only the newest version can be
    published, so what the coordinator read is what people get."""
    _check_coordinator(organisation_id)
    draft = _versions(organisation_id, language).select_for_update().first()
    if draft is None or draft.version != version or draft.reviewed_at is not None:
        raise DomainError(
            _("This is no longer the newest draft. Read the newest draft before you publish it."),
            code="urgent_advice_not_newest_draft",
        )
    if not draft.uses_default:
        _check_safety(_lines_of(draft))
    draft.reviewed_by, draft.reviewed_at = actor, timezone.now()
    draft.save(update_fields=["reviewed_by", "reviewed_at"])
    return draft


@transaction.atomic
def urgent_advice_use_default(*, actor: User, organisation_id: int, language: str) -> UrgentAdvice:
    """A coordinator brings back the standard text (reviewed wording that ships with Wegwijs), as a new version
    published at once; an open draft stays in the history."""
    _check_coordinator(organisation_id)
    if urgent_advice_current(organisation_id=organisation_id, language=language).version is None:
        raise DomainError(_("People already read the standard text."), code="urgent_advice_already_default")
    return _add_version(organisation_id, language, actor=actor, lines={}, published=True)
