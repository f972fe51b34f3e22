"""What a support plan shows, on the page and on paper, in the plan's language: the advice, the chosen offerings
with how to reach them (address, opening hours, when next open), the chosen help pages (QR codes on paper),
who to contact for what, the checklist of understanding and the note."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation

from wegwijs.core.pdf import pdf_render, qr_data_uri, text_direction
from wegwijs.guide.advice import matrix_cell
from wegwijs.guide.choices import Channel, Form, Kind
from wegwijs.guide.models import PlanFeedback, SupportOffering, SupportPlan
from wegwijs.guide.plans import article_titles, plan_url
from wegwijs.tenancy import places
from wegwijs.tenancy.models import Location, OpeningHoursException, Organisation
from wegwijs.web.public import PublicContact, public_contact


@dataclass(frozen=True)
class OfferingCard:
    offering: SupportOffering
    form: str
    kind: str
    channels: list[str]
    place: Location | None
    week: list[tuple[str, list[list[str]]]]  # the days with hours, Monday first
    state: places.OpenState | None  # None: no fixed hours
    qr: str  # on paper: a QR code to its web address


@dataclass(frozen=True)
class ArticleCard:
    title: str
    url: str
    qr: str  # on paper


@dataclass(frozen=True)
class ToolHelp:
    name: str
    supplier_phone: str
    supplier_url: str


@dataclass(frozen=True)
class PlanSheet:
    organisation: Organisation
    plan: SupportPlan
    url: str  # the private link
    direction: str
    advice: str
    forms: list[str]
    offerings: list[OfferingCard]
    articles: list[ArticleCard]
    ask_url: str  # technical questions: the organisation's question form
    contact: PublicContact
    tool: ToolHelp | None
    feedback: list[PlanFeedback]
    qr: str  # on paper: a QR code to the plan itself


def plan_sheet(
    *, organisation: Organisation, plan: SupportPlan, for_print: bool = False, now: dt.datetime | None = None
) -> PlanSheet:
    """Everything the plan shows, its words in the plan's language. `for_print` adds the QR codes."""
    moment = timezone.localtime(now)
    url = plan_url(plan, organisation=organisation)
    with translation.override(plan.language):
        cell = matrix_cell(organisation=organisation, phase=plan.phase, level=plan.level, language=plan.language)
        forms = dict(Form.choices)
        tool = plan.tool
        return PlanSheet(
            organisation=organisation,
            plan=plan,
            url=url,
            direction=text_direction(plan.language),
            advice=cell.advice,
            forms=[str(forms[form]) for form in cell.forms if form in forms],
            offerings=_offerings(plan, moment, for_print=for_print),
            articles=_articles(organisation, plan, for_print=for_print),
            ask_url=f"{settings.SITE_URL}{reverse('ask:form', args=[organisation.slug])}",
            contact=public_contact(organisation=organisation, now=moment),
            tool=ToolHelp(tool.name, tool.supplier_helpdesk_phone, tool.supplier_helpdesk_url) if tool else None,
            feedback=list(PlanFeedback.objects.filter(organisation=organisation, plan=plan).order_by("created_at")),
            qr=qr_data_uri(url) if for_print else "",
        )


def _offerings(plan: SupportPlan, moment: dt.datetime, *, for_print: bool) -> list[OfferingCard]:
    upcoming = OpeningHoursException.objects.filter(date__gte=moment.date())
    offerings = (
        SupportOffering.objects.filter(organisation_id=plan.organisation_id, pk__in=plan.offerings.values("pk"))
        .select_related("location")
        .prefetch_related(Prefetch("location__exceptions", queryset=upcoming, to_attr="upcoming_exceptions"))
        .order_by("form", "name")
    )
    channels, forms, kinds = dict(Channel.choices), dict(Form.choices), dict(Kind.choices)
    cards = []
    for offering in offerings:
        location = offering.location
        # Own hours, else the help point's (with its holidays and other exceptions).
        weekly = offering.weekly_hours or (location.weekly_hours if location else {})
        exceptions = {} if offering.weekly_hours else {e.date: e.periods for e in _exceptions(location)}
        cards.append(
            OfferingCard(
                offering=offering,
                form=str(forms.get(offering.form, offering.form)),
                kind=str(kinds.get(offering.kind, offering.kind)),
                channels=[str(channels.get(channel, channel)) for channel in offering.channels],
                place=location,
                week=[(day, weekly[day]) for day in places.WEEKDAYS if weekly.get(day)],
                state=places.open_state(moment, weekly, exceptions) if weekly else None,
                qr=qr_data_uri(offering.url) if for_print and offering.url else "",
            )
        )
    return cards


def _exceptions(location: Location | None) -> list[OpeningHoursException]:
    return list(getattr(location, "upcoming_exceptions", [])) if location else []


def _articles(organisation: Organisation, plan: SupportPlan, *, for_print: bool) -> list[ArticleCard]:
    """The chosen help pages in the plan's language where translated, else in Dutch, in the order chosen."""
    titles = article_titles(organisation=organisation, slugs=plan.article_slugs, language=plan.language)
    cards = []
    for slug in plan.article_slugs:
        if slug in titles:
            url = f"{settings.SITE_URL}{reverse('knowledge:article', args=[organisation.slug, slug])}"
            cards.append(ArticleCard(title=titles[slug], url=url, qr=qr_data_uri(url) if for_print else ""))
    return cards


def plan_pdf(*, organisation: Organisation, plan: SupportPlan, now: dt.datetime | None = None) -> bytes:
    """The plan as an A4 PDF in its language (laid out right to left for Arabic)."""
    sheet = plan_sheet(organisation=organisation, plan=plan, for_print=True, now=now)
    return pdf_render(template="guide/plan/pdf.html", context={"sheet": sheet}, language=plan.language)
