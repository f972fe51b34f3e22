from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin

QUERY_MAX = 200


class HelpSearchForm(AccessibleFormMixin, forms.Form):
    q = forms.CharField(label=_("Search our help pages"), max_length=QUERY_MAX, required=False)


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(choices=[("yes", "yes"), ("no", "no")], coerce=lambda value: value == "yes")
