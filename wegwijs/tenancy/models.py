"""Organisations and what belongs to them: departments, digital tools, help locations, staff roles, API tokens.

Models that belong to one organisation use `OrganisationScopedManager`: a query on them outside an active
organisation scope raises instead of returning every organisation's rows (see `scope.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from wegwijs.core.models import TimestampedModel
from wegwijs.tenancy import places
from wegwijs.tenancy.roles import ApiScope, Role

# First path segments used by other routes: an organisation's public page at /<slug>/ must not shadow them.
RESERVED_SLUGS = frozenset({"i18n", "api", "staff", "static", "media"})


def OrganisationScopedManager() -> Any:  # noqa: N802 - reads like a class at the call site
    """The manager of every organisation-owned model (annotate `objects` with its type where it is used)."""
    return ScopedManager(organisation="organisation")


class Organisation(TimestampedModel):
    """A care organisation served by the platform. Its public help page lives at /<slug>/."""

    slug = models.SlugField(_("address name"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("short description"), blank=True)
    contact_phone = models.CharField(_("phone number for digital care questions"), max_length=40, blank=True)
    contact_phone_hours = models.JSONField(_("phone hours"), default=dict, blank=True)
    contact_email = models.EmailField(_("e-mail address for digital care questions"), blank=True)
    website_url = models.URLField(_("website"), blank=True)
    patient_service_phone = models.CharField(_("patient service desk phone"), max_length=40, blank=True)
    patient_service_email = models.EmailField(_("patient service desk e-mail"), blank=True)
    privacy_email = models.EmailField(_("privacy officer e-mail"), blank=True)
    callback_slot_minutes = models.PositiveSmallIntegerField(_("length of a callback window in minutes"), default=60)
    # Days the helpdesk is closed besides the Dutch public holidays (ISO dates); see tenancy/holidays.py.
    closed_days = models.JSONField(_("own closed days"), default=list, blank=True)
    # Service levels, in minutes of phone hours (the business-hours calendar, holidays included).
    sla_first_response_minutes = models.PositiveIntegerField(_("first answer within (business minutes)"), default=480)
    sla_resolution_minutes = models.PositiveIntegerField(_("resolved within (business minutes)"), default=2400)
    # Insights hide every number describing fewer people than this (suppression.py); never below 2.
    insights_min_group = models.PositiveSmallIntegerField(
        _("smallest group shown in insights"), default=5, validators=[MinValueValidator(2)]
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address name is reserved.")})
        _validate_place_data(places.validate_weekly_hours, self.contact_phone_hours, "contact_phone_hours")


class Department(TimestampedModel):
    """A part of the organisation that medical questions are referred to."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="departments")
    slug = models.SlugField(max_length=60)
    name = models.CharField(_("name"), max_length=200)
    referral_contact_name = models.CharField(_("contact for referrals"), max_length=200, blank=True)
    referral_phone = models.CharField(_("phone for referrals"), max_length=40, blank=True)
    referral_email = models.EmailField(_("e-mail for referrals"), blank=True)

    objects: ClassVar[models.Manager[Department]] = OrganisationScopedManager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="department_slug_per_org")]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


class ToolKind(models.TextChoices):
    PORTAL = "portal", _("Patient portal")
    APP = "app", _("App")
    VIDEO = "video", _("Video consultation")
    MONITORING = "monitoring", _("Home measurement")
    OTHER = "other", _("Other")


class DigitalTool(TimestampedModel):
    """A digital care tool the organisation offers, with the supplier's own helpdesk."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="tools")
    slug = models.SlugField(max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=ToolKind.choices)
    name = models.CharField(_("name"), max_length=200)
    login_url = models.URLField(_("login address"), blank=True)
    supplier_name = models.CharField(_("supplier"), max_length=200, blank=True)
    supplier_helpdesk_phone = models.CharField(_("supplier helpdesk phone"), max_length=40, blank=True)
    supplier_helpdesk_email = models.EmailField(_("supplier helpdesk e-mail"), blank=True)
    supplier_helpdesk_url = models.URLField(_("supplier helpdesk website"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    objects: ClassVar[models.Manager[DigitalTool]] = OrganisationScopedManager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="tool_slug_per_org")]
        verbose_name = _("digital tool")
        verbose_name_plural = _("digital tools")

    def __str__(self) -> str:
        return self.name


class Location(TimestampedModel):
    """A physical help point (Infohuis, library, Digituin). It may serve several organisations."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("place"), max_length=100)
    postcode_ranges = models.JSONField(_("postcode areas served"), default=list, blank=True)
    weekly_hours = models.JSONField(_("opening hours"), default=dict, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    organisations = models.ManyToManyField(Organisation, related_name="locations", verbose_name=_("serves"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _validate_place_data(places.validate_weekly_hours, self.weekly_hours, "weekly_hours")
        _validate_place_data(places.validate_postcode_ranges, self.postcode_ranges, "postcode_ranges")
        known = {code for code, _name in settings.LANGUAGES} | {"de", "fr", "so", "ti", "fa", "ber"}
        unknown = [code for code in self.languages if code not in known]
        if unknown:
            raise ValidationError({"languages": _("Unknown language codes: %s") % ", ".join(unknown)})


class OpeningHoursException(models.Model):
    """One date on which a location keeps other hours (a holiday: no periods means closed)."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))
    periods = models.JSONField(_("opening hours that day"), default=list, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["location", "date"], name="one_exception_per_day")]

    def __str__(self) -> str:
        return f"{self.date}: {self.periods or 'closed'}"

    def clean(self) -> None:
        _validate_place_data(
            lambda periods: places.validate_periods(periods, where=str(self.date)), self.periods, "periods"
        )


class Membership(models.Model):
    """One role of one staff member in one organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[Membership]] = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user", "role"], name="one_role_once_per_org"),
        ]
        indexes = [models.Index(fields=["user", "role"], name="membership_user_role")]

    def __str__(self) -> str:
        return f"{self.role} in organisation {self.organisation_id}"


class ApiToken(models.Model):
    """A token for one integration of one organisation. Only its SHA-256 hash is stored."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_tokens")
    public_id = models.UUIDField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[ApiToken]] = OrganisationScopedManager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "created_at"], name="token_org_created")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def has_scope(self, scope: ApiScope) -> bool:
        return scope.value in self.scopes


def _validate_place_data(validator: Callable[[Any], object], value: object, field: str) -> None:
    try:
        validator(value)
    except places.PlaceDataError as error:
        raise ValidationError({field: str(error)}) from error
