"""The organisation's catalogue and matrix, loaded for `recommend`: the one place that turns rows into the
recommendation engine's plain data."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.utils import timezone

from wegwijs.guide.matrix import Cell
from wegwijs.guide.models import SupportOffering
from wegwijs.guide.recommend import Advice, OfferingData, Situation, recommend
from wegwijs.guide.selectors import matrix_for
from wegwijs.tenancy.models import DigitalTool, OpeningHoursException, Organisation


def matrix_cell(*, organisation: Organisation, phase: str, level: str, language: str) -> Cell:
    """The organisation's own advice for this phase and level in this language, else the shipped default."""
    entry = matrix_for(organisation=organisation, language=language)[(phase, level)]
    return Cell(advice=entry.advice, forms=list(entry.forms))


def catalogue(*, organisation: Organisation, today: dt.date) -> list[OfferingData]:
    """The organisation's active offerings as plain data (help point hours and upcoming exceptions included)."""
    upcoming = OpeningHoursException.objects.filter(date__gte=today)
    offerings = (
        SupportOffering.objects.filter(organisation=organisation, is_active=True)
        .select_related("location")
        .prefetch_related(
            Prefetch("tools", queryset=DigitalTool.objects.only("public_id")),
            Prefetch("location__exceptions", queryset=upcoming, to_attr="upcoming_exceptions"),
        )
        .order_by("pk")
    )
    return [_data(offering) for offering in offerings]


def _data(offering: SupportOffering) -> OfferingData:
    location = offering.location
    exceptions = {item.date: item.periods for item in getattr(location, "upcoming_exceptions", [])}
    return OfferingData(
        key=str(offering.public_id),
        form=offering.form,
        kind=offering.kind,
        name=offering.name,
        channels=frozenset(offering.channels),
        languages=frozenset(offering.languages),
        levels=frozenset(offering.levels),
        phases=frozenset(offering.phases),
        tools=frozenset(str(tool.public_id) for tool in offering.tools.all()),
        postcode=location.postcode if location else "",
        postcode_ranges=tuple((low, high) for low, high in location.postcode_ranges) if location else (),
        weekly_hours=offering.weekly_hours or (location.weekly_hours if location else {}),
        exceptions=exceptions if not offering.weekly_hours else {},
    )


def advice_for(*, organisation: Organisation, situation: Situation) -> Advice:
    """What helps this person now, from the organisation's own catalogue and matrix."""
    now = situation.now or timezone.localtime()
    cell = matrix_cell(
        organisation=organisation, phase=situation.phase, level=situation.level, language=situation.language
    )
    return recommend(situation, catalogue(organisation=organisation, today=now.date()), cell)
