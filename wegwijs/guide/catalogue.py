"""Changes to the support catalogue: the organisation's offerings, the checklists of understanding per tool,
and its own matrix cells (only where they differ from the shipped default)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.guide.choices import LEVELS, PHASES, Channel, Form, Kind, Level, Phase
from wegwijs.guide.models import ChecklistItem, MatrixCell, SupportOffering
from wegwijs.guide.selectors import matrix_for
from wegwijs.tenancy import places
from wegwijs.tenancy.models import DigitalTool, Location, Organisation

# The languages an offering can be given in: those Wegwijs serves, and a few more often asked for.
OFFERING_LANGUAGES: list[tuple[str, str]] = [*settings.LANGUAGES, ("de", "Deutsch"), ("fr", "Français")]
CHECKLIST_POINT_MAX = ChecklistItem._meta.get_field("text").max_length or 300


class CatalogueRefused(DomainError):
    code = "catalogue_refused"


@dataclass(frozen=True)
class OfferingInput:
    """Everything an editor sets on an offering."""

    form: str
    kind: str
    name: str
    description: str = ""
    channels: Sequence[str] = ()
    languages: Sequence[str] = ()
    location: Location | None = None
    weekly_hours: Mapping[str, Sequence[Sequence[str]]] = field(default_factory=dict)
    cost: str = ""
    levels: Sequence[str] = ()
    phases: Sequence[str] = ()
    tools: Sequence[DigitalTool] = ()
    phone: str = ""
    email: str = ""
    url: str = ""
    is_active: bool = True


@dataclass(frozen=True)
class CellInput:
    advice: str
    forms: Sequence[str]


@transaction.atomic
def offering_create(*, actor: User | None, organisation: Organisation, data: OfferingInput) -> SupportOffering:
    return _offering_save(SupportOffering(organisation=organisation), data)


@transaction.atomic
def offering_update(*, actor: User | None, offering: SupportOffering, data: OfferingInput) -> SupportOffering:
    return _offering_save(offering, data)


@transaction.atomic
def offering_set_offered(*, actor: User | None, offering: SupportOffering, is_active: bool) -> SupportOffering:
    """Stop offering (it stays in the catalogue and is no longer recommended), or offer it again."""
    offering.is_active = is_active
    offering.save(update_fields=["is_active", "updated_at"])
    return offering


def _offering_save(offering: SupportOffering, data: OfferingInput) -> SupportOffering:
    organisation = offering.organisation
    _refuse_unknown(data.channels, Channel.values, _("Unknown way of contact."))
    _refuse_unknown(data.languages, [code for code, _name in OFFERING_LANGUAGES], _("Unknown language."))
    _refuse_unknown(data.levels, Level.values, _("Unknown level."))
    _refuse_unknown(data.phases, Phase.values, _("Unknown phase."))
    _refuse_unknown([data.form], Form.values, _("Unknown form of support."))
    _refuse_unknown([data.kind], Kind.values, _("Unknown kind of support."))
    if any(tool.organisation_id != organisation.pk for tool in data.tools):
        raise CatalogueRefused(_("A digital tool of another organisation cannot be chosen."), code="foreign_tool")
    if data.location is not None and not data.location.organisations.filter(pk=organisation.pk).exists():
        raise CatalogueRefused(_("This help point does not serve the organisation."), code="foreign_location")
    try:
        places.validate_weekly_hours(dict(data.weekly_hours))
    except places.PlaceDataError as error:
        raise CatalogueRefused(_("The opening hours are not valid."), code="invalid_hours") from error
    for name in ("form", "kind", "name", "description", "cost", "phone", "email", "url", "is_active", "location"):
        setattr(offering, name, getattr(data, name))
    offering.channels = _in_choice_order(data.channels, Channel.values)
    offering.languages = _in_choice_order(data.languages, [code for code, _name in OFFERING_LANGUAGES])
    offering.levels = _in_choice_order(data.levels, LEVELS)
    offering.phases = _in_choice_order(data.phases, PHASES)
    offering.weekly_hours = {day: [list(period) for period in data.weekly_hours[day]] for day in data.weekly_hours}
    try:
        offering.full_clean(exclude=["organisation"])
    except ValidationError as error:
        raise CatalogueRefused(" ".join(error.messages), code="invalid_offering") from error
    offering.save()
    offering.tools.set(data.tools)
    return offering


def _refuse_unknown(values: Iterable[str], known: Iterable[str], message: str) -> None:
    if set(values) - set(known):
        raise CatalogueRefused(message, code="unknown_value")


def _in_choice_order(values: Iterable[str], order: Sequence[str]) -> list[str]:
    chosen = set(values)
    return [value for value in order if value in chosen]


@transaction.atomic
def checklist_save(
    *,
    actor: User | None,
    organisation: Organisation,
    language: str,
    points: Mapping[DigitalTool | None, Sequence[str]],
) -> None:
    """Replace the checklist points for each given tool (None: for every tool) in one language."""
    if language not in dict(settings.LANGUAGES):
        raise CatalogueRefused(_("Unknown language."), code="unknown_value")
    for tool, texts in points.items():
        if tool is not None and tool.organisation_id != organisation.pk:
            raise CatalogueRefused(_("A digital tool of another organisation cannot be chosen."), code="foreign_tool")
        cleaned = [text.strip() for text in texts if text.strip()]
        if any(len(text) > CHECKLIST_POINT_MAX for text in cleaned):
            raise CatalogueRefused(
                _("A point is at most %(count)d characters.") % {"count": CHECKLIST_POINT_MAX}, code="point_too_long"
            )
        ChecklistItem.objects.filter(organisation=organisation, tool=tool, language=language).delete()
        ChecklistItem.objects.bulk_create(
            ChecklistItem(organisation=organisation, tool=tool, language=language, text=text, position=position)
            for position, text in enumerate(cleaned)
        )


@transaction.atomic
def matrix_save(
    *,
    actor: User | None,
    organisation: Organisation,
    language: str,
    cells: Mapping[tuple[str, str], CellInput],
) -> int:
    """Keep the organisation's own advice for one language. A cell is stored only when it differs from the
    shipped default; an empty advice (or the default itself) brings back the default. Returns how many cells
    the organisation now has its own text for in this language."""
    if language not in dict(settings.LANGUAGES):
        raise CatalogueRefused(_("Unknown language."), code="unknown_value")
    current = matrix_for(organisation=organisation, language=language)
    for key, cell in cells.items():
        if key not in current:
            raise CatalogueRefused(_("Unknown phase or level."), code="unknown_value")
        _refuse_unknown(cell.forms, Form.values, _("Unknown form of support."))
        entry = current[key]
        advice = cell.advice.replace("\r\n", "\n").strip()
        forms = _keep_order(cell.forms, entry.forms)
        own = MatrixCell.objects.filter(organisation=organisation, phase=key[0], level=key[1], language=language)
        if not advice or (advice == entry.default_advice.strip() and forms == list(entry.default_forms)):
            own.delete()
            continue
        if not forms:
            raise CatalogueRefused(_("Choose at least one form of support that helps."), code="no_forms")
        if entry.is_own and (entry.advice, entry.forms) == (advice, forms):
            continue  # unchanged: keep who wrote it and when
        MatrixCell.objects.update_or_create(
            organisation=organisation,
            phase=key[0],
            level=key[1],
            language=language,
            defaults={"advice": advice, "forms": forms, "updated_by": actor},
        )
    return MatrixCell.objects.filter(organisation=organisation, language=language).count()


def _keep_order(chosen: Iterable[str], previous: Sequence[str]) -> list[str]:
    """The chosen forms, those already in the cell in their order (most helpful first), new ones after."""
    selected = set(chosen)
    return [form for form in previous if form in selected] + [
        form for form in Form.values if form in selected and form not in previous
    ]
