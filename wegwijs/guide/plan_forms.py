"""Forms of the consult (the situation, then the plan), of e-mailing a plan, and of the person's feedback."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wegwijs.core.errors import NotFound
from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.guide import consult
from wegwijs.guide.choices import HelpWay, Level, Phase
from wegwijs.guide.plans import FEEDBACK_TEXT_MAX, NOTE_MAX, ChecklistAnswer, PlanDraft
from wegwijs.tenancy.models import DigitalTool, Organisation

UNDERSTOOD, NEEDS_HELP = "understood", "needs_help"
POSTCODE = RegexValidator(r"^\d{4}$", _("Four digits, such as 7701."))


class SituationForm(AccessibleFormMixin, forms.Form):
    """Where the person stands (GET: no names in it). A self-check's short code, or the care provider's own
    judgement of the level; the judgement wins when both are given."""

    code = forms.CharField(
        label=_("Short code of the self-check"),
        required=False,
        max_length=120,
        help_text=_("The person shows it on the result page of the self-check. Or judge the level yourself."),
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("From the self-check")), *Level.choices]
    )
    tool = forms.ModelChoiceField(
        label=_("Digital tool"),
        queryset=DigitalTool.objects.none(),
        to_field_name="public_id",
        required=False,
        empty_label=_("No particular tool"),
    )
    phase = forms.ChoiceField(label=_("Moment in the journey"), choices=Phase.choices, initial=Phase.DURING_VISIT)
    language = forms.ChoiceField(
        label=_("The person's language"),
        required=False,
        choices=[("", _("As in the self-check, else Dutch")), *settings.LANGUAGES],
    )
    preferred_way = forms.ChoiceField(
        label=_("Preferred way of help"), required=False, choices=[("", _("No preference")), *HelpWay.choices]
    )
    postcode = forms.CharField(label=_("Postcode (4 digits)"), required=False, max_length=4, validators=[POSTCODE])

    def __init__(self, *args: Any, organisation: Organisation, tools: QuerySet[DigitalTool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["tool"].queryset = tools  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["assessment"] = None
        if data.get("code", "").strip():
            try:
                data["assessment"] = consult.assessment_find(organisation=self.organisation, code=data["code"])
            except NotFound:
                self.add_error("code", _("No self-check found with this code. Check it, or choose the level yourself."))
        if not data.get("level") and data["assessment"] is None and not self.has_error("code"):
            self.add_error("level", _("Choose the level, or type the short code of the self-check."))
        return data

    def situation(self) -> consult.ConsultSituation:
        data = self.cleaned_data
        assessment = data["assessment"]
        return consult.ConsultSituation(
            level=data["level"] or assessment.level,
            phase=data["phase"],
            language=data["language"] or (assessment.language if assessment else settings.LANGUAGE_CODE),
            tool=data["tool"],
            preferred_way=data["preferred_way"] or (assessment.preferred_way if assessment else ""),
            postcode=data["postcode"],
            assessment=assessment,
        )


class PlanForm(AccessibleFormMixin, forms.Form):
    """The choices made together (POST): offerings, help pages, the checklist, a name or initials and a note.
    A checklist point not marked as understood goes onto the plan as one to get help with."""

    offerings = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    articles = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    q = forms.CharField(label=_("Search help pages"), required=False, max_length=200)
    person_label = forms.CharField(
        label=_("First name or initials"),
        required=False,
        max_length=100,
        help_text=_("Only so the person recognises the plan. Never a citizen service number (BSN)."),
    )
    note = forms.CharField(
        label=_("Note for the person"), required=False, max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, options: consult.ConsultOptions, article_slugs: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = options
        self.fields["offerings"].choices = [  # type: ignore[attr-defined]
            (str(choice.offering.public_id), choice.offering.name) for choice in options.offerings
        ]
        self.fields["articles"].choices = [(slug, slug) for slug in article_slugs]  # type: ignore[attr-defined]
        for index, point in enumerate(options.checklist):
            self.fields[f"check_{index}"] = forms.ChoiceField(
                label=point,
                required=False,
                choices=[(UNDERSTOOD, _("Understood")), (NEEDS_HELP, _("Needs help"))],
                widget=forms.RadioSelect,
            )
        self.style_fields()

    def _ticked(self, name: str) -> set[str]:
        """The values ticked in a multiple-choice field: what was posted, else the initial choice."""
        if self.is_bound:
            return set(self.data.getlist(self.add_prefix(name)))  # type: ignore[attr-defined]  # a QueryDict
        return set(self.initial.get(name, []))

    @property
    def ticked_offerings(self) -> set[str]:
        return self._ticked("offerings")

    @property
    def ticked_articles(self) -> set[str]:
        return self._ticked("articles")

    @property
    def checklist_rows(self) -> list[tuple[forms.BoundField, str]]:
        """Each point's field, with the point in the care provider's language when the list has it."""
        translated = self.options.checklist_translated
        return [
            (self[f"check_{index}"], translated[index] if translated else "")
            for index in range(len(self.options.checklist))
        ]

    @property
    def person_fields(self) -> list[forms.BoundField]:
        return [self["person_label"], self["note"]]

    def draft(self, situation: consult.ConsultSituation) -> PlanDraft:
        data = self.cleaned_data
        chosen = set(data["offerings"])
        return PlanDraft(
            language=situation.language,
            level=situation.level,
            phase=situation.phase,
            tool=situation.tool,
            preferred_way=situation.preferred_way,
            postcode=situation.postcode,
            person_label=data["person_label"],
            assessment=situation.assessment,
            offerings=[c.offering for c in self.options.offerings if str(c.offering.public_id) in chosen],
            article_slugs=data["articles"],
            checklist=[
                ChecklistAnswer(text=point, understood=data[f"check_{index}"] == UNDERSTOOD)
                for index, point in enumerate(self.options.checklist)
            ],
            note=data["note"],
        )


class PlanEmailForm(AccessibleFormMixin, forms.Form):
    address = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("Used once to send the link to the plan. Wegwijs does not keep it."),
    )


class PlanFeedbackForm(AccessibleFormMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How did it go with the digital tool?"),
        coerce=int,
        choices=[
            (1, _("1 - very badly")),
            (2, _("2 - badly")),
            (3, _("3 - so-so")),
            (4, _("4 - well")),
            (5, _("5 - very well")),
        ],
        widget=forms.RadioSelect,
    )
    wants_to_continue = forms.TypedChoiceField(
        label=_("Do you want to keep using it?"),
        required=False,
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("What do you want to tell us?"),
        required=False,
        max_length=FEEDBACK_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
