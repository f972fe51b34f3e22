"""Self-check results (`Assessment`): keeping one, reading it back by its public id, and what its result page
shows: the matrix's advice for the person's phase and level, and the recommended offerings with how to reach
them. Anonymous: the answers, the score and level, the preferred way, the language and who filled it in; no
name, no address, no IP address."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from wegwijs.core.errors import NotFound
from wegwijs.guide.advice import advice_for
from wegwijs.guide.choices import FilledIn
from wegwijs.guide.models import Assessment, SupportOffering, SupportPlan
from wegwijs.guide.plans import PlanDraft, plan_create
from wegwijs.guide.recommend import Recommendation, Situation
from wegwijs.guide.selfcheck import score, valid_answer
from wegwijs.tenancy.models import DigitalTool, Location, Organisation


def assessment_record(
    *, organisation: Organisation, answers: Mapping[str, str], filled_in: str, page_language: str
) -> Assessment:
    """Keep a filled-in self-check. The language is the one chosen in it, else the page's.
    Raises `selfcheck.IncompleteAnswers` when a scoring question is unanswered."""
    outcome = score(answers)
    with transaction.atomic():
        return Assessment.objects.create(
            organisation=organisation,
            language=outcome.language or page_language,
            answers={key: value for key, value in answers.items() if valid_answer(key, value)},
            score=outcome.score,
            level=outcome.level,
            preferred_way=outcome.preferred_way,
            filled_in=filled_in if filled_in in FilledIn.values else FilledIn.ALONE,
        )


def assessment_get(*, organisation: Organisation, public_id: UUID | str) -> Assessment:
    """One self-check result of the organisation; another organisation's, or none, is the same NotFound."""
    assessment = Assessment.objects.filter(organisation=organisation, public_id=public_id).first()
    if assessment is None:
        raise NotFound("not found")
    return assessment


@dataclass(frozen=True)
class Reach:
    """How to reach an offering: what the recommendation engine does not need, the person does."""

    phone: str
    email: str
    url: str
    place: Location | None


@dataclass(frozen=True)
class Suggestion:
    recommendation: Recommendation
    reach: Reach
    is_nearest_in_person: bool = False


@dataclass(frozen=True)
class SelfCheckAdvice:
    advice: str
    suggestions: list[Suggestion]
    nearest_in_person: Suggestion | None  # None as well when it is already one of the suggestions


def assessment_advice(
    *,
    organisation: Organisation,
    assessment: Assessment,
    phase: str,
    tool: str | None = None,
    postcode: str = "",
    now: dt.datetime | None = None,
) -> SelfCheckAdvice:
    """What helps the person who filled in the self-check, in the phase they are in, from the organisation's
    own catalogue; reasons come in the active language."""
    situation = Situation(
        level=assessment.level,
        phase=phase,
        language=assessment.language,
        tool=tool,
        preferred_way=assessment.preferred_way,
        postcode=postcode,
        now=timezone.localtime(now),
    )
    advice = advice_for(organisation=organisation, situation=situation)
    nearest = advice.nearest_in_person
    chosen = [*advice.recommendations, *([nearest] if nearest else [])]
    reach = _reach(organisation, {item.offering.key for item in chosen})
    nearest_key = nearest.offering.key if nearest else None
    suggestions = [
        Suggestion(item, reach[item.offering.key], is_nearest_in_person=item.offering.key == nearest_key)
        for item in advice.recommendations
    ]
    already = any(suggestion.is_nearest_in_person for suggestion in suggestions)
    return SelfCheckAdvice(
        advice=advice.advice,
        suggestions=suggestions,
        nearest_in_person=Suggestion(nearest, reach[nearest.offering.key], True) if nearest and not already else None,
    )


def _reach(organisation: Organisation, keys: set[str]) -> dict[str, Reach]:
    offerings = SupportOffering.objects.filter(organisation=organisation, public_id__in=keys).select_related("location")
    return {
        str(offering.public_id): Reach(
            phone=offering.phone, email=offering.email, url=offering.url, place=offering.location
        )
        for offering in offerings
    }


def assessment_plan_create(
    *, organisation: Organisation, assessment: Assessment, phase: str, tool: str | None, postcode: str
) -> SupportPlan:
    """A person on their own keeps the advice of their self-check as a personal support plan (with a private
    link, no account): the recommended offerings and the nearest in-person help, in their language."""
    advice = assessment_advice(
        organisation=organisation,
        assessment=assessment,
        phase=phase,
        tool=tool,
        postcode=postcode,
    )
    chosen = [suggestion.recommendation.offering.key for suggestion in advice.suggestions]
    if advice.nearest_in_person:
        chosen.append(advice.nearest_in_person.recommendation.offering.key)
    offerings = list(SupportOffering.objects.filter(organisation=organisation, public_id__in=chosen))
    draft = PlanDraft(
        language=assessment.language,
        level=assessment.level,
        phase=phase,
        tool=DigitalTool.objects.filter(organisation=organisation, public_id=tool).first() if tool else None,
        preferred_way=assessment.preferred_way,
        postcode=postcode,
        assessment=assessment,
        offerings=offerings,
    )
    return plan_create(actor=None, organisation=organisation, draft=draft)
