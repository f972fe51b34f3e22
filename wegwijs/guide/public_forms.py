"""The form on the public self-check's result page: where the person is in their journey, the tool, the postcode."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.guide.choices import Phase
from wegwijs.tenancy.models import DigitalTool

POSTCODE = re.compile(r"^(\d{4})\s?([A-Za-z]{2})?$")
DEFAULT_PHASE = Phase.START_OF_USE
# The journey's phases as a person says where they are.
PHASE_CHOICES = [
    (Phase.BEFORE_VISIT.value, _("I have an appointment soon")),
    (Phase.DURING_VISIT.value, _("I am at my appointment now")),
    (Phase.START_OF_USE.value, _("I am about to start with the tool")),
    (Phase.DURING_USE.value, _("I already use the tool")),
    (Phase.AFTER_USE.value, _("I have stopped using the tool")),
]


class SituationForm(AccessibleFormMixin, forms.Form):
    """A GET form: every field is optional, and a wrong one is shown while the rest still counts."""

    phase = forms.ChoiceField(
        label=_("Where are you now?"), choices=PHASE_CHOICES, required=False, widget=forms.RadioSelect
    )
    tool = forms.ChoiceField(label=_("Which tool is it about?"), required=False)
    postcode = forms.CharField(
        label=_("Your postcode"),
        max_length=7,
        required=False,
        help_text=_("The 4 digits are enough, for example 7772. Then we show help near you."),
    )

    def __init__(self, *args: Any, tools: QuerySet[DigitalTool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(tool.public_id), tool.name) for tool in tools]
        if choices:
            cast(forms.ChoiceField, self.fields["tool"]).choices = [("", _("I do not know")), *choices]
        else:
            del self.fields["tool"]
        self.fields["phase"].initial = DEFAULT_PHASE

    def clean_postcode(self) -> str:
        match = POSTCODE.match(str(self.cleaned_data["postcode"]).strip())
        if self.cleaned_data["postcode"] and match is None:
            raise forms.ValidationError(_("Write the 4 digits of your postcode, for example 7772."))
        return match.group(1) if match else ""

    def situation(self) -> tuple[str, str | None, str]:
        """(phase, tool key or None, four-digit postcode or ""), the valid parts of what was sent."""
        if not self.is_bound:
            return DEFAULT_PHASE, None, ""
        self.is_valid()  # a field that is not valid is left out of cleaned_data
        data = self.cleaned_data
        return data.get("phase") or DEFAULT_PHASE, data.get("tool") or None, data.get("postcode", "")
