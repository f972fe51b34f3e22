"""Journeys: a person's way with one digital tool (`Enrollment`), from the support plan along the toolkit's phases.
Staff record coaching contacts, move the phase along and record the decision to continue or stop, with a
reason; the person's own feedback comes in through the plan's private link (`plans.plan_feedback_give`).

Every staff read goes through the scope's `person_record_get` / `person_records_listed`, so it is logged."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.guide.choices import DecisionReason, HelpWay, JourneyStatus, Phase
from wegwijs.guide.models import CoachingContact, Enrollment, PlanFeedback
from wegwijs.tenancy.scope import person_record_get, person_records_listed
from wegwijs.triage.redaction import redact_bsn

PAGE_SIZE = 50
NOTE_MAX = 2000


class JourneyRefused(DomainError):
    code = "journey_refused"


# --- reads -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JourneyPage:
    rows: Sequence[Enrollment]  # annotated: contact_count, feedback_count, last_rating
    page: int
    has_next: bool


def enrollment_list(*, status: str = "", page: int = 1) -> JourneyPage:
    """The journeys of the organisations in scope, newest first, a page at a time (no count query). Each row
    carries how many coaching contacts and feedback it has and the last rating. The page shown is logged."""
    last_rating = PlanFeedback.objects.filter(plan_id=OuterRef("plan_id")).order_by("-created_at").values("rating")
    enrollments = (
        Enrollment.objects.select_related("organisation", "plan", "tool")
        .annotate(
            contact_count=Count("contacts", distinct=True),
            feedback_count=Count("plan__feedback", distinct=True),
            last_rating=Subquery(last_rating[:1]),
        )
        .order_by("-created_at", "-pk")
    )
    if status in JourneyStatus.values:
        enrollments = enrollments.filter(status=status)
    page = max(page, 1)
    rows = list(enrollments[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    shown = rows[:PAGE_SIZE]
    person_records_listed(shown, record_type="enrollment")
    return JourneyPage(rows=shown, page=page, has_next=len(rows) > PAGE_SIZE)


def enrollment_get_for_staff(*, public_id: UUID | str, action: str = "view") -> Enrollment:
    """One journey with its plan. Reading (or changing) it is written to the access log."""
    enrollments = Enrollment.objects.select_related("organisation", "plan", "tool", "decided_by")
    return person_record_get(enrollments, public_id=public_id, record_type="enrollment", action=action)


def enrollment_contacts(*, enrollment: Enrollment) -> list[CoachingContact]:
    return list(
        CoachingContact.objects.filter(organisation_id=enrollment.organisation_id, enrollment=enrollment)
        .select_related("by")
        .order_by("at", "pk")
    )


def enrollment_feedback(*, enrollment: Enrollment) -> list[PlanFeedback]:
    return list(
        PlanFeedback.objects.filter(organisation_id=enrollment.organisation_id, plan_id=enrollment.plan_id).order_by(
            "created_at"
        )
    )


def next_phase(phase: str) -> str | None:
    """The toolkit's next phase, or None after the last."""
    phases = list(Phase.values)
    index = phases.index(phase) if phase in phases else -1
    return phases[index + 1] if 0 <= index < len(phases) - 1 else None


# --- writes ----------------------------------------------------------------------------------------


@transaction.atomic
def coaching_contact_add(
    *, actor: User | None, enrollment: Enrollment, phase: str, channel: str, note: str = ""
) -> CoachingContact:
    """A coaching contact (a call, a visit, a video call, in writing) in a phase of the journey."""
    if phase not in Phase.values or channel not in HelpWay.values:
        raise JourneyRefused(_("Unknown phase or way of contact."), code="unknown_value")
    if len(note) > NOTE_MAX:
        raise JourneyRefused(_("The note is at most %(count)d characters.") % {"count": NOTE_MAX}, code="too_long")
    return CoachingContact.objects.create(
        organisation_id=enrollment.organisation_id,
        enrollment=enrollment,
        phase=phase,
        channel=channel,
        note=redact_bsn(note.replace("\r\n", "\n").strip()),
        by=actor,
    )


@transaction.atomic
def enrollment_move_phase(*, actor: User | None, enrollment: Enrollment, phase: str) -> Enrollment:
    """Move the journey to another of the toolkit's phases (usually the next)."""
    if phase not in Phase.values:
        raise JourneyRefused(_("Unknown phase."), code="unknown_value")
    if phase != enrollment.phase:
        enrollment.phase = phase
        enrollment.save(update_fields=["phase", "updated_at"])
    return enrollment


@transaction.atomic
def enrollment_decide(
    *, actor: User | None, enrollment: Enrollment, status: str, reason: str, reason_text: str = ""
) -> Enrollment:
    """Record the decision, taken together with the person, to continue with the tool or to stop, and why.
    A later decision replaces an earlier one (people change their mind); "other reason" needs an explanation."""
    if status not in {JourneyStatus.CONTINUED, JourneyStatus.STOPPED}:
        raise JourneyRefused(_("Choose to continue or to stop."), code="unknown_value")
    if reason not in DecisionReason.values:
        raise JourneyRefused(_("Choose a reason."), code="no_reason")
    text = redact_bsn(reason_text.replace("\r\n", "\n").strip())
    if reason == DecisionReason.OTHER and not text:
        raise JourneyRefused(_("Explain the other reason in a few words."), code="no_explanation")
    if len(text) > NOTE_MAX:
        raise JourneyRefused(
            _("The explanation is at most %(count)d characters.") % {"count": NOTE_MAX}, code="too_long"
        )
    enrollment.status = status
    enrollment.reason = reason
    enrollment.reason_text = text
    enrollment.decided_at = timezone.now()
    enrollment.decided_by = actor
    enrollment.save(update_fields=["status", "reason", "reason_text", "decided_at", "decided_by", "updated_at"])
    return enrollment
