"""Forms of the journey page: a coaching contact, moving the phase along, and the continue / stop decision."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.guide.choices import DecisionReason, HelpWay, JourneyStatus, Phase
from wegwijs.guide.journeys import NOTE_MAX


class CoachingContactForm(AccessibleFormMixin, forms.Form):
    phase = forms.ChoiceField(label=_("Moment in the journey"), choices=Phase.choices)
    channel = forms.ChoiceField(label=_("How"), choices=HelpWay.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class PhaseForm(AccessibleFormMixin, forms.Form):
    phase = forms.ChoiceField(label=_("Moment in the journey"), choices=Phase.choices)


class DecisionForm(AccessibleFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Decided together"),
        choices=[(JourneyStatus.CONTINUED, _("Continues with the tool")), (JourneyStatus.STOPPED, _("Stops"))],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=[("", "—"), *DecisionReason.choices])
    reason_text = forms.CharField(
        label=_("Explanation"), required=False, max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
