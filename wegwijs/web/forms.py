"""Forms of the public shell."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin

POSTCODE = re.compile(r"^\d{4}\s?[A-Za-z]{0,2}$")


class PostcodeForm(AccessibleFormMixin, forms.Form):
    postcode = forms.CharField(label=_("Your postcode"), max_length=7, help_text=_("For example 7772 AB."))

    def clean_postcode(self) -> str:
        postcode = str(self.cleaned_data["postcode"]).strip()
        if not POSTCODE.match(postcode):
            raise forms.ValidationError(_("Write a Dutch postcode, for example 7772 AB."))
        return postcode.upper()
