from django import forms
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin


class AccessLogFilterForm(AccessibleFormMixin, forms.Form):
    organisation = forms.SlugField(label=_("Organisation (address name)"), required=False)
    actor = forms.CharField(label=_("Who (e-mail or token)"), required=False, max_length=254)
    record = forms.CharField(label=_("Record id"), required=False, max_length=64)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
