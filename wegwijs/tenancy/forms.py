from typing import Any

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.tenancy import places
from wegwijs.tenancy.models import Department, DigitalTool, Organisation


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


class WeeklyHoursFields:
    """One text field per weekday ("09:00-12:00, 13:00-17:00"), read back as weekly hours (tenancy.places)."""

    fields: dict[str, forms.Field]

    def add_hours_fields(self, hours: places.WeeklyHours, *, label: Any) -> None:
        """`label` holds %(day)s; the first field carries the help text."""
        for index, day in enumerate(places.WEEKDAYS):
            self.fields[f"hours_{day}"] = forms.CharField(
                label=label % {"day": WEEKDAYS[index]},
                required=False,
                max_length=100,
                help_text=_("For example 09:00-12:00, 13:00-17:00. Empty means closed.") if index == 0 else "",
                initial=places.format_periods_text(hours.get(day, [])),
            )

    def cleaned_weekly_hours(self, cleaned: dict[str, Any]) -> dict[str, list[list[str]]]:
        weekly: dict[str, list[list[str]]] = {}
        for day in places.WEEKDAYS:
            try:
                periods = places.parse_periods_text(cleaned.get(f"hours_{day}", ""))
            except places.PlaceDataError:
                self.add_error(f"hours_{day}", _("Type the hours like 09:00-12:00, 13:00-17:00."))  # type: ignore[attr-defined]
                continue
            if periods:
                weekly[day] = periods
        return weekly


class OrganisationContactForm(WeeklyHoursFields, AccessibleFormMixin, forms.ModelForm[Organisation]):
    """How people reach the organisation: phone (with its hours per weekday), e-mail and website."""

    class Meta:
        model = Organisation
        fields = [
            "description", "contact_phone", "contact_email", "website_url", "patient_service_phone",
            "patient_service_email", "privacy_email",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_hours_fields(self.instance.contact_phone_hours or {}, label=_("Phone hours on %(day)s"))
        self.style_fields()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["contact_phone_hours"] = self.cleaned_weekly_hours(cleaned)
        return cleaned
