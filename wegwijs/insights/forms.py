"""Forms of the insights staff pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.insights.models import ReportFrequency, ReportLanguage


class RecipientForm(AccessibleFormMixin, forms.Form):
    """Someone who gets the organisation's report by e-mail."""

    email = forms.EmailField(label=_("E-mail address"))
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=ReportLanguage.choices,
        initial=ReportLanguage.DUTCH,
        widget=forms.RadioSelect,
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=ReportFrequency.choices,
        initial=ReportFrequency.MONTHLY,
        widget=forms.RadioSelect,
    )


class RecipientRemoveForm(forms.Form):
    """Which address to take off the list: sent in the POST body, so it never shows in a URL or a log."""

    email = forms.EmailField()
