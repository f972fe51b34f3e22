"""Reads of the support catalogue: the organisation's offerings, its matrix (own cells over the shipped
defaults) and the checklists of understanding per tool. All within the current access scope."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q, QuerySet

from wegwijs.core.errors import NotFound
from wegwijs.guide.choices import LEVELS, PHASES, Channel, Form
from wegwijs.guide.matrix import matrix_defaults
from wegwijs.guide.models import ChecklistItem, MatrixCell, SupportOffering
from wegwijs.tenancy.models import DigitalTool, Location, Organisation

FALLBACK_LANGUAGE = "nl"


def offering_list(*, organisation: Organisation, active_only: bool = False) -> QuerySet[SupportOffering]:
    """The organisation's offerings with their help point and tools loaded (no query per row)."""
    offerings = (
        SupportOffering.objects.filter(organisation=organisation)
        .select_related("location")
        .prefetch_related("tools")
        .order_by("form", "name")
    )
    return offerings.filter(is_active=True) if active_only else offerings


def offering_get(*, organisation: Organisation, public_id: UUID | str) -> SupportOffering:
    """One offering of the organisation; another organisation's, or none, is the same NotFound."""
    offering = offering_list(organisation=organisation).filter(public_id=public_id).first()
    if offering is None:
        raise NotFound("not found")
    return offering


@dataclass(frozen=True)
class OfferingRow:
    """An offering as the editors' list shows it, its choices as readable labels."""

    offering: SupportOffering
    channels: list[str]
    tools: list[str]


@dataclass(frozen=True)
class FormCoverage:
    form: str
    label: str
    offered: int  # offerings of this form that are offered now


@dataclass(frozen=True)
class CatalogueOverview:
    rows: list[OfferingRow]
    coverage: list[FormCoverage]

    @property
    def missing_forms(self) -> list[str]:
        return [item.label for item in self.coverage if not item.offered]


def catalogue_overview(*, organisation: Organisation) -> CatalogueOverview:
    """Every offering for the editors' list, and how many are offered per form of support (the toolkit
    advises combining forms, so people can choose)."""
    labels = dict(Channel.choices)
    rows = [
        OfferingRow(
            offering=offering,
            channels=[str(labels.get(channel, channel)) for channel in offering.channels],
            tools=[tool.name for tool in offering.tools.all()],
        )
        for offering in offering_list(organisation=organisation)
    ]
    coverage = [
        FormCoverage(
            form=value,
            label=str(label),
            offered=sum(1 for row in rows if row.offering.form == value and row.offering.is_active),
        )
        for value, label in Form.choices
    ]
    return CatalogueOverview(rows=rows, coverage=coverage)


def help_point_list(*, organisation: Organisation) -> QuerySet[Location]:
    """The help points an offering of the organisation may take place at: those serving it."""
    return Location.objects.filter(organisations=organisation).order_by("name")


@dataclass(frozen=True)
class MatrixEntry:
    """What the matrix says for one phase and level in one language."""

    phase: str
    level: str
    advice: str
    forms: list[str]  # most helpful first
    is_own: bool  # the organisation's own text; else the shipped default
    default_advice: str
    default_forms: list[str]


def matrix_for(*, organisation: Organisation, language: str) -> dict[tuple[str, str], MatrixEntry]:
    """The matrix in one language: the organisation's own cells over the shipped defaults."""
    defaults = matrix_defaults(language)
    own = {
        (cell.phase, cell.level): cell
        for cell in MatrixCell.objects.filter(organisation=organisation, language=language)
    }
    entries = {}
    for phase in PHASES:
        for level in LEVELS:
            default = defaults[(phase, level)]
            cell = own.get((phase, level))
            entries[(phase, level)] = MatrixEntry(
                phase=phase,
                level=level,
                advice=cell.advice if cell else default.advice,
                forms=list(cell.forms) if cell else list(default.forms),
                is_own=cell is not None,
                default_advice=default.advice,
                default_forms=list(default.forms),
            )
    return entries


def checklist_for(*, organisation: Organisation, tool: DigitalTool | None, language: str) -> list[str]:
    """The checklist of understanding for a tool in a language. Falls back to the tool's Dutch points, then
    to the points for every tool (in the language, then in Dutch). One query."""
    languages = {language, FALLBACK_LANGUAGE}
    tools = Q(tool__isnull=True) | Q(tool=tool) if tool is not None else Q(tool__isnull=True)
    items = ChecklistItem.objects.filter(tools, organisation=organisation, language__in=languages).order_by(
        "position", "pk"
    )
    found: dict[tuple[int | None, str], list[str]] = {}
    for item in items:
        found.setdefault((item.tool_id, item.language), []).append(item.text)
    tool_id = tool.pk if tool is not None else None
    order = [(tool_id, language), (tool_id, FALLBACK_LANGUAGE), (None, language), (None, FALLBACK_LANGUAGE)]
    return next((found[key] for key in order if found.get(key)), [])


def checklist_points(*, organisation: Organisation, language: str) -> dict[int | None, list[str]]:
    """The organisation's own points in one language, per tool id (None: for every tool), for the editor."""
    points: dict[int | None, list[str]] = {}
    for item in ChecklistItem.objects.filter(organisation=organisation, language=language).order_by("position", "pk"):
        points.setdefault(item.tool_id, []).append(item.text)
    return points
