"""Personal support plans: made in the consult, read by the person through a private link (no account), printed
or e-mailed, and where the person says how it went after using the tool.

The private link is `core.signed_links` with the purpose "support-plan": the plan's public id and an HMAC with
the plan's own salt. A plan holds no BSN (redacted from every text on the way in) and no e-mail address (an
address is used once to send the link and then forgotten).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core import signed_links
from wegwijs.core.errors import DomainError, NotFound
from wegwijs.guide.choices import HelpWay, JourneyStatus, Level, Phase
from wegwijs.guide.models import Assessment, Enrollment, PlanFeedback, SupportOffering, SupportPlan
from wegwijs.knowledge.choices import ORIGINAL_LANGUAGE
from wegwijs.knowledge.selectors import article_list_visible
from wegwijs.tenancy.models import DigitalTool, Organisation
from wegwijs.tenancy.scope import person_record_get
from wegwijs.triage.redaction import redact_bsn

logger = logging.getLogger(__name__)

PURPOSE = "support-plan"
NOTE_MAX = 2000
FEEDBACK_TEXT_MAX = 2000
FEEDBACK_PER_PLAN_MAX = 20  # a private link is not a place for an endless stream


class PlanRefused(DomainError):
    code = "plan_refused"


@dataclass(frozen=True)
class ChecklistAnswer:
    text: str
    understood: bool


@dataclass(frozen=True)
class PlanDraft:
    """What was decided together in the consult."""

    language: str
    level: str
    phase: str
    tool: DigitalTool | None = None
    preferred_way: str = ""
    postcode: str = ""
    person_label: str = ""
    assessment: Assessment | None = None
    offerings: Sequence[SupportOffering] = ()
    article_slugs: Sequence[str] = ()
    checklist: Sequence[ChecklistAnswer] = ()
    note: str = ""


# --- the private link ------------------------------------------------------------------------------


def plan_token(plan: SupportPlan) -> str:
    return signed_links.link_token(purpose=PURPOSE, public_id=plan.public_id, salt=plan.salt)


def plan_url(plan: SupportPlan, *, organisation: Organisation) -> str:
    """The plan's private link, absolute (for the e-mail, the QR code and the staff page)."""
    return f"{settings.SITE_URL}{reverse('plan:plan', args=[organisation.slug, plan_token(plan)])}"


def plan_get_by_token(*, organisation: Organisation, raw_token: str) -> SupportPlan:
    """The plan behind a private link of this organisation; a wrong token, or another's plan, is NotFound."""
    parts = signed_links.split_token(raw_token)
    if parts is None:
        raise NotFound("not found")
    public_id_hex, mac = parts
    plan = SupportPlan.objects.filter(organisation=organisation, public_id=public_id_hex).select_related("tool").first()
    if plan is None or not signed_links.token_matches(
        purpose=PURPOSE, public_id=plan.public_id, salt=plan.salt, mac=mac
    ):
        raise NotFound("not found")
    return plan


def plan_get_for_staff(*, public_id: UUID | str, action: str = "view") -> SupportPlan:
    """One plan for a care provider or coordinator. Reading it is written to the access log."""
    plans = SupportPlan.objects.select_related("organisation", "tool", "created_by", "enrollment")
    return person_record_get(plans, public_id=public_id, record_type="support_plan", action=action)


def article_titles(*, organisation: Organisation, slugs: Sequence[str], language: str) -> dict[str, str]:
    """Short name -> title of the organisation's public help pages among `slugs`, in `language` where
    translated, else the Dutch original's."""
    found: dict[str, str] = {}
    articles = article_list_visible(organisation=organisation).filter(
        slug__in=set(slugs), language__in={language, ORIGINAL_LANGUAGE}
    )
    for slug, article_language, title in articles.values_list("slug", "language", "title"):
        if slug not in found or article_language == language:
            found[slug] = title
    return found


# --- making a plan ---------------------------------------------------------------------------------


@transaction.atomic
def plan_create(*, actor: User | None, organisation: Organisation, draft: PlanDraft) -> SupportPlan:
    """Keep the plan made in the consult and start the person's journey with the tool at that phase."""
    _check(organisation, draft)
    plan = SupportPlan.objects.create(
        organisation=organisation,
        language=draft.language,
        person_label=redact_bsn(draft.person_label.strip())[:100],
        level=draft.level,
        phase=draft.phase,
        tool=draft.tool,
        preferred_way=draft.preferred_way,
        postcode=draft.postcode.strip(),
        assessment=draft.assessment,
        article_slugs=list(dict.fromkeys(draft.article_slugs)),
        checklist=[{"text": redact_bsn(item.text), "understood": bool(item.understood)} for item in draft.checklist],
        note=redact_bsn(draft.note.replace("\r\n", "\n").strip()),
        created_by=actor,
    )
    plan.offerings.set(draft.offerings)
    Enrollment.objects.create(
        organisation=organisation, plan=plan, tool=draft.tool, phase=draft.phase, status=JourneyStatus.ACTIVE
    )
    return plan


def _check(organisation: Organisation, draft: PlanDraft) -> None:
    if draft.language not in dict(settings.LANGUAGES):
        raise PlanRefused(_("Unknown language."), code="unknown_value")
    if draft.level not in Level.values or draft.phase not in Phase.values:
        raise PlanRefused(_("Unknown level or phase."), code="unknown_value")
    if draft.preferred_way and draft.preferred_way not in HelpWay.values:
        raise PlanRefused(_("Unknown way of help."), code="unknown_value")
    postcode = draft.postcode.strip()
    if postcode and not (len(postcode) == 4 and postcode.isdigit()):
        raise PlanRefused(_("A postcode here is four digits, such as 7701."), code="invalid_postcode")
    if len(draft.note) > NOTE_MAX:
        raise PlanRefused(_("The note is at most %(count)d characters.") % {"count": NOTE_MAX}, code="too_long")
    owned = [draft.tool, draft.assessment, *draft.offerings]
    if any(item is not None and item.organisation_id != organisation.pk for item in owned):
        raise PlanRefused(_("Something of another organisation cannot be chosen."), code="foreign_record")
    slugs = set(draft.article_slugs)
    known = set(article_list_visible(organisation=organisation).filter(slug__in=slugs).values_list("slug", flat=True))
    if slugs - known:
        raise PlanRefused(_("One of the chosen help pages is no longer available."), code="unknown_article")


# --- sending the link ------------------------------------------------------------------------------


class PlanEmailFailed(DomainError):
    code = "plan_email_failed"
    status = 502


def plan_email_send(*, actor: User | None, plan: SupportPlan, address: str) -> None:
    """E-mail the plan's private link (not its content) to `address`, in the plan's language. The address is
    used for this one message and kept nowhere: not on the plan, not in a queue, not in the log. Sent at once
    (a queued task would store the address), so a failure is told to the care provider straight away."""
    organisation = plan.organisation
    with translation.override(plan.language):
        context = {"organisation": organisation, "plan": plan, "url": plan_url(plan, organisation=organisation)}
        subject = render_to_string("guide/plan/email_subject.txt", context).strip()
        body = render_to_string("guide/plan/email.txt", context)
    reply_to = [organisation.contact_email] if organisation.contact_email else None
    message = EmailMessage(subject=subject, body=body, to=[address], reply_to=reply_to)
    message.extra_headers["Auto-Submitted"] = "auto-generated"
    try:
        message.send(fail_silently=False)
    except Exception as error:  # any transport failure; only its type is logged, never the address
        logger.warning("support plan e-mail not sent: %s", type(error).__name__)
        raise PlanEmailFailed(
            _("The e-mail could not be sent. Print the plan, or try again later."), code="not_sent"
        ) from error


# --- after use: the person's feedback --------------------------------------------------------------


@transaction.atomic
def plan_feedback_give(
    *, plan: SupportPlan, rating: int, wants_to_continue: bool | None, text: str = ""
) -> PlanFeedback:
    """The person says how it went, through the plan's private link. A BSN in the text is removed."""
    if not 1 <= rating <= 5:
        raise PlanRefused(_("Choose how it went, from 1 to 5."), code="invalid_rating")
    if len(text) > FEEDBACK_TEXT_MAX:
        raise PlanRefused(
            _("Your message is at most %(count)d characters.") % {"count": FEEDBACK_TEXT_MAX}, code="too_long"
        )
    if PlanFeedback.objects.filter(organisation_id=plan.organisation_id, plan=plan).count() >= FEEDBACK_PER_PLAN_MAX:
        raise PlanRefused(_("Thank you, we already have your feedback."), code="enough_feedback")
    return PlanFeedback.objects.create(
        organisation_id=plan.organisation_id,
        plan=plan,
        rating=rating,
        wants_to_continue=wants_to_continue,
        text=redact_bsn(text.replace("\r\n", "\n").strip()),
    )
