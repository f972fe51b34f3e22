"""Forms of the support guide's editor pages: an offering, the checklists per tool, the matrix."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.guide.catalogue import CHECKLIST_POINT_MAX, OFFERING_LANGUAGES, CellInput, OfferingInput
from wegwijs.guide.choices import LEVELS, PHASES, Channel, Form, Level, Phase
from wegwijs.guide.models import SupportOffering
from wegwijs.guide.selectors import MatrixEntry
from wegwijs.tenancy import places
from wegwijs.tenancy.forms import WeeklyHoursFields
from wegwijs.tenancy.models import DigitalTool, Location

OFFERING_FIELDS = [
    "form", "kind", "name", "description", "channels", "languages", "location", "cost", "levels", "phases", "tools",
    "phone", "email", "url", "is_active",
]  # fmt: skip


def _checkboxes(label: Any, choices: Any, help_text: Any = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple, help_text=help_text
    )


def _text_attrs(language: str, rows: int) -> dict[str, Any]:
    """A text area for text in `language`: its language and direction (right to left for Arabic)."""
    return {"rows": rows, "lang": language, "dir": "rtl" if get_language_info(language)["bidi"] else "ltr"}


class OfferingForm(WeeklyHoursFields, AccessibleFormMixin, forms.ModelForm[SupportOffering]):
    """Everything about one offering. Tools and help points are limited to the organisation's own."""

    channels = _checkboxes(_("How people get it"), Channel.choices)
    languages = _checkboxes(_("Languages"), OFFERING_LANGUAGES, _("None chosen: in Dutch."))
    location = forms.ModelChoiceField(
        label=_("Help point"),
        queryset=Location.objects.none(),
        required=False,
        to_field_name="public_id",
        empty_label=_("No fixed place"),
        error_messages={"invalid_choice": _("Choose one of the help points that serve the organisation.")},
    )
    levels = _checkboxes(_("Suits these levels"), Level.choices, _("None chosen: every level."))
    phases = _checkboxes(_("Suits these moments"), Phase.choices, _("None chosen: every moment."))
    tools: forms.ModelMultipleChoiceField[DigitalTool] = forms.ModelMultipleChoiceField(
        label=_("For these digital tools"),
        queryset=DigitalTool.objects.none(),
        required=False,
        to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: for every tool."),
        error_messages={
            "invalid_choice": _("Choose among the organisation's own digital tools."),
            "invalid_pk_value": _("Choose among the organisation's own digital tools."),
        },
    )

    class Meta:
        model = SupportOffering
        fields = OFFERING_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"cost": _("Empty: free.")}

    def __init__(
        self, *args: Any, tools: QuerySet[DigitalTool], help_points: QuerySet[Location], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tools"].queryset = tools  # type: ignore[attr-defined]
        self.fields["location"].queryset = help_points  # type: ignore[attr-defined]
        if self.instance.location is not None:
            self.initial["location"] = self.instance.location.public_id
        self.add_hours_fields(self.instance.weekly_hours or {}, label=_("Hours on %(day)s"))
        position = list(self.fields).index("location") + 1
        names = [name for name in self.fields if not name.startswith("hours_")]
        self.order_fields([*names[:position], *(f"hours_{day}" for day in places.WEEKDAYS), *names[position:]])
        self.style_fields()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["weekly_hours"] = self.cleaned_weekly_hours(cleaned)
        return cleaned

    def offering_input(self) -> OfferingInput:
        """The valid form as the catalogue service takes it."""
        data = self.cleaned_data
        return OfferingInput(
            **{name: data[name] for name in OFFERING_FIELDS if name != "tools"},
            tools=list(data["tools"]),
            weekly_hours=data["weekly_hours"],
        )


class ChecklistForm(AccessibleFormMixin, forms.Form):
    """One text area per tool (and one for every tool): one point per line."""

    every_tool = forms.CharField(
        label=_("For every tool"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Used for a tool without its own points. One point per line."),
    )

    def __init__(
        self,
        *args: Any,
        tools: Iterable[DigitalTool],
        points: Mapping[int | None, list[str]],
        language: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["every_tool"].widget.attrs.update(_text_attrs(language, rows=5))
        self.tools = {f"tool_{tool.public_id}": tool for tool in tools}
        for name, tool in self.tools.items():
            self.fields[name] = forms.CharField(
                label=tool.name, required=False, widget=forms.Textarea(attrs=_text_attrs(language, rows=5))
            )
            self.initial[name] = "\n".join(points.get(tool.pk, []))
        self.initial["every_tool"] = "\n".join(points.get(None, []))
        self.style_fields()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in self.fields:
            if any(len(line.strip()) > CHECKLIST_POINT_MAX for line in cleaned.get(name, "").splitlines()):
                message = _("A point is at most %(count)d characters: shorten it or split it over two lines.")
                self.add_error(name, message % {"count": CHECKLIST_POINT_MAX})
        return cleaned

    def points(self) -> dict[DigitalTool | None, list[str]]:
        lines = {name: self.cleaned_data[name].splitlines() for name in self.fields}
        return {None: lines["every_tool"], **{tool: lines[name] for name, tool in self.tools.items()}}


@dataclass(frozen=True)
class MatrixCellFields:
    level_label: str
    advice: forms.BoundField
    forms: forms.BoundField
    entry: MatrixEntry


@dataclass(frozen=True)
class MatrixRow:
    phase_label: str
    cells: list[MatrixCellFields]


class MatrixForm(AccessibleFormMixin, forms.Form):
    """The matrix in one language: per phase and level the advice and the forms of support that help."""

    def __init__(
        self, *args: Any, entries: Mapping[tuple[str, str], MatrixEntry], language: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.entries = entries
        phases, levels = dict(Phase.choices), dict(Level.choices)
        for (phase, level), entry in entries.items():
            where = f"{phases[phase]}, {levels[level]}"
            self.fields[f"{phase}__{level}__advice"] = forms.CharField(
                label=_("Advice: %(where)s") % {"where": where},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs=_text_attrs(language, rows=7)),
                initial=entry.advice,
            )
            self.fields[f"{phase}__{level}__forms"] = _checkboxes(
                _("Forms that help: %(where)s") % {"where": where}, Form.choices
            )
            self.initial[f"{phase}__{level}__forms"] = entry.forms
        self.style_fields()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for phase, level in self.entries:
            if cleaned.get(f"{phase}__{level}__advice", "").strip() and not cleaned.get(f"{phase}__{level}__forms"):
                self.add_error(f"{phase}__{level}__forms", _("Choose at least one form of support that helps."))
        return cleaned

    def cells(self) -> dict[tuple[str, str], CellInput]:
        data = self.cleaned_data
        return {
            (phase, level): CellInput(advice=data[f"{phase}__{level}__advice"], forms=data[f"{phase}__{level}__forms"])
            for phase, level in self.entries
        }

    def rows(self) -> list[MatrixRow]:
        """The fields in the table's order: a row per phase, a cell per level."""
        phases, levels = dict(Phase.choices), dict(Level.choices)
        return [
            MatrixRow(
                phase_label=str(phases[phase]),
                cells=[
                    MatrixCellFields(
                        level_label=str(levels[level]),
                        advice=self[f"{phase}__{level}__advice"],
                        forms=self[f"{phase}__{level}__forms"],
                        entry=self.entries[(phase, level)],
                    )
                    for level in LEVELS
                ],
            )
            for phase in PHASES
        ]
