from django import forms

from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.tenancy.models import Department, DigitalTool


class DepartmentForm(AccessibleFormMixin, forms.ModelForm[Department]):
    class Meta:
        model = Department
        fields = ["name", "referral_contact_name", "referral_phone", "referral_email"]


class DigitalToolForm(AccessibleFormMixin, forms.ModelForm[DigitalTool]):
    class Meta:
        model = DigitalTool
        fields = [
            "kind",
            "name",
            "login_url",
            "supplier_name",
            "supplier_helpdesk_phone",
            "supplier_helpdesk_email",
            "supplier_helpdesk_url",
            "is_active",
        ]
