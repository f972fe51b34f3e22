"""What the consult page shows a care provider: the self-check behind a short code, the matrix's advice and the
forms of care to explain, the catalogue with the recommended offerings first, help pages to add, and the tool's
checklist of understanding. Reads only; the plan itself is made by `plans.plan_create`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from uuid import UUID

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from wegwijs.core.errors import NotFound
from wegwijs.guide.advice import advice_for, matrix_cell
from wegwijs.guide.choices import Form
from wegwijs.guide.models import Assessment, SupportOffering
from wegwijs.guide.plans import article_titles
from wegwijs.guide.recommend import Recommendation, Situation
from wegwijs.guide.selectors import checklist_for, offering_list
from wegwijs.knowledge.search.engine import kb_search
from wegwijs.tenancy import places
from wegwijs.tenancy.models import DigitalTool, Organisation

SHORT_CODE_LENGTH = 8  # the first characters of a self-check's public id
UUID_IN_TEXT = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")
ARTICLE_RESULTS = 8

# Explaining the forms of care in the consult (the toolkit: combine forms, so the person can choose).
FORM_EXPLANATIONS: dict[str, StrPromise] = {
    Form.INFORMATION: _("Videos, a manual or a website: to look at at home, whenever it suits."),
    Form.GUIDANCE_ON_LOCATION: _("Someone helps in person: at a help point, at a walk-in hour or at home."),
    Form.HELPDESK: _("A helpdesk answers questions by phone, e-mail or chat."),
    Form.TRAINING: _("A course in the basics of a phone, tablet or computer, for example at the library."),
}

# The checklist of understanding when the organisation has none for the tool (shipped, translatable).
DEFAULT_CHECKLIST: tuple[StrPromise, ...] = (
    _("I can log in on my own."),
    _("I know where to find my appointments."),
    _("I know what to do when something does not work."),
    _("I know whom to call with a technical question and whom with a medical question."),
)


@dataclass(frozen=True)
class ConsultSituation:
    level: str
    phase: str
    language: str  # the person's
    tool: DigitalTool | None = None
    preferred_way: str = ""
    postcode: str = ""
    assessment: Assessment | None = None


@dataclass(frozen=True)
class FormToExplain:
    form: str
    label: str
    explanation: str
    is_advised: bool


@dataclass(frozen=True)
class OfferingChoice:
    offering: SupportOffering
    is_recommended: bool
    reason: str  # why it is recommended (in the care provider's language); empty for the rest
    state: places.OpenState | None


@dataclass(frozen=True)
class ConsultOptions:
    advice: str  # in the care provider's language, to explain
    forms: list[FormToExplain]
    offerings: list[OfferingChoice]  # recommended first, in the matrix's order, then the rest of the catalogue
    checklist: list[str]  # in the person's language: these go onto the plan
    checklist_translated: list[str]  # the same points in the care provider's language, when they line up

    @property
    def recommended_keys(self) -> list[str]:
        return [str(choice.offering.public_id) for choice in self.offerings if choice.is_recommended]


def assessment_find(*, organisation: Organisation, code: str) -> Assessment:
    """The organisation's self-check behind a short code (the first 8 characters of its public id) or its full
    id (also inside a pasted result address). NotFound when there is none, or more than one."""
    text = code.strip().lower()
    assessments = Assessment.objects.filter(organisation=organisation)
    full = UUID_IN_TEXT.search(text)
    if full is not None:
        found = list(assessments.filter(public_id=UUID(full.group()))[:1])
    else:
        compact = text.replace("-", "").replace(" ", "")
        if len(compact) < SHORT_CODE_LENGTH or not re.fullmatch(r"[0-9a-f]+", compact):
            raise NotFound("not found")
        # The first 8 characters come before the first hyphen, so this matches on every database.
        found = list(assessments.filter(public_id__startswith=compact[:SHORT_CODE_LENGTH])[:2])
    if len(found) != 1:
        raise NotFound("not found")
    return found[0]


def checklist_points(*, organisation: Organisation, tool: DigitalTool | None, language: str) -> list[str]:
    """The tool's checklist of understanding in `language` (the organisation's own, else the shipped one)."""
    own = checklist_for(organisation=organisation, tool=tool, language=language)
    if own:
        return list(own)
    with translation.override(language):
        return [str(point) for point in DEFAULT_CHECKLIST]


def consult_options(
    *, organisation: Organisation, situation: ConsultSituation, now: dt.datetime | None = None
) -> ConsultOptions:
    moment = timezone.localtime(now)
    advice = advice_for(
        organisation=organisation,
        situation=Situation(
            level=situation.level,
            phase=situation.phase,
            language=situation.language,
            tool=str(situation.tool.public_id) if situation.tool else None,
            preferred_way=situation.preferred_way,
            postcode=situation.postcode,
            now=moment,
        ),
    )
    own_language = translation.get_language()
    cell = matrix_cell(organisation=organisation, phase=situation.phase, level=situation.level, language=own_language)
    recommended = [*advice.recommendations, *([advice.nearest_in_person] if advice.nearest_in_person else [])]
    picked = {item.offering.key: item for item in reversed(recommended)}  # the first mention wins
    order = list(dict.fromkeys(item.offering.key for item in recommended))
    offerings = sorted(
        offering_list(organisation=organisation, active_only=True),
        key=lambda o: (order.index(str(o.public_id)) if str(o.public_id) in picked else len(order), o.form, o.name),
    )
    checklist = checklist_points(organisation=organisation, tool=situation.tool, language=situation.language)
    translated = checklist_points(organisation=organisation, tool=situation.tool, language=own_language)
    return ConsultOptions(
        advice=cell.advice,
        forms=[
            FormToExplain(value, str(label), str(FORM_EXPLANATIONS[value]), value in advice.forms)
            for value, label in Form.choices
        ],
        offerings=[_choice(offering, picked.get(str(offering.public_id))) for offering in offerings],
        checklist=checklist,
        checklist_translated=translated if len(translated) == len(checklist) and translated != checklist else [],
    )


def _choice(offering: SupportOffering, recommendation: Recommendation | None) -> OfferingChoice:
    if recommendation is None:
        return OfferingChoice(offering=offering, is_recommended=False, reason="", state=None)
    return OfferingChoice(
        offering=offering, is_recommended=True, reason=recommendation.reason, state=recommendation.open_state
    )


@dataclass(frozen=True)
class ArticleChoice:
    slug: str
    title: str


def article_choices(*, organisation: Organisation, query: str, language: str, chosen: list[str]) -> list[ArticleChoice]:
    """The help pages already chosen (by their short name), then those the search finds; titles in the person's
    language where translated. Only the organisation's public articles."""
    titles = article_titles(organisation=organisation, slugs=chosen, language=language)
    rows = [ArticleChoice(slug, titles[slug]) for slug in dict.fromkeys(chosen) if slug in titles]
    if query.strip():
        _language, results = kb_search(
            organisation=organisation, query=query, default_language=language, limit=ARTICLE_RESULTS
        )
        rows += [ArticleChoice(result.slug, result.title) for result in results if result.slug not in titles]
    return rows
