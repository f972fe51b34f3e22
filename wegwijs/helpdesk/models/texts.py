"""What the organisation words for the people it helps: referral texts, macros and the urgent advice."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijs.helpdesk.choices import Route
from wegwijs.tenancy.models import Organisation, OrganisationScopedManager


class ReferralText(models.Model):
    """An organisation's own wording of what the person is told when referred (replaces the default)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    route = models.CharField(max_length=20, choices=Route.choices)
    language = models.CharField(max_length=8)
    text = models.TextField(_("text"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[ReferralText]] = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "route", "language"], name="one_referral_text")]

    def __str__(self) -> str:
        return f"referral text {self.route}/{self.language}"


class Macro(models.Model):
    """A reusable reply in one language. Placeholders: {name}, {reference}, {organisation}, {tool}."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="macros")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100)
    language = models.CharField(_("language"), max_length=8, default="nl")
    body = models.TextField(_("text"))

    objects: ClassVar[models.Manager[Macro]] = OrganisationScopedManager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["organisation", "language"], name="macro_org_language")]

    def __str__(self) -> str:
        return self.name


class UrgentAdvice(models.Model):
    """One version of what a person whose message sounds urgent reads at once (page and e-mail), in one language.

    Every save is a new version; people see the newest reviewed one (see urgent_advice.py). A version that
    `uses_default` brings back the shipped standard text and leaves the lines empty."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    version = models.PositiveIntegerField(_("version"))
    uses_default = models.BooleanField(default=False)
    danger_to_life = models.TextField(_("Danger to life"), blank=True)
    outside_office_hours = models.TextField(_("Evenings, nights and weekends"), blank=True)
    office_hours = models.TextField(_("During office hours"), blank=True)
    suicidal_thoughts = models.TextField(_("Suicidal thoughts"), blank=True)
    closing = models.TextField(_("Closing sentence"), blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[UrgentAdvice]] = OrganisationScopedManager()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "language", "version"], name="urgent_advice_version")
        ]

    def __str__(self) -> str:
        return f"urgent advice {self.language} version {self.version}"
