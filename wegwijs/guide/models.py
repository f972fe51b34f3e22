"""The support guide: the organisation's support catalogue and matrix, self-check results, personal support
plans and the journeys that follow them (see the Support guide issue and ../shared/spec/toolkit.md)."""

from __future__ import annotations

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijs.core.models import TimestampedModel
from wegwijs.guide.choices import (
    DecisionReason,
    FilledIn,
    Form,
    HelpWay,
    JourneyStatus,
    Kind,
    Level,
    Phase,
)
from wegwijs.tenancy.models import DigitalTool, Location, Organisation, OrganisationScopedManager


def new_salt() -> str:
    return secrets.token_hex(16)


class SupportOffering(TimestampedModel):
    """One concrete form of support the organisation offers or points to: a video, a walk-in hour, a helpdesk."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    form = models.CharField(_("form of support"), max_length=30, choices=Form.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)  # Channel values
    languages = models.JSONField(_("languages"), default=list, blank=True)  # ISO 639-1 codes; empty: Dutch
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("help point")
    )
    # Weekly hours in tenancy.places' format; empty: the help point's hours, or always available (online).
    weekly_hours = models.JSONField(_("opening hours"), default=dict, blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)  # empty: free
    levels = models.JSONField(_("levels"), default=list, blank=True)  # Level values; empty: every level
    phases = models.JSONField(_("phases"), default=list, blank=True)  # Phase values; empty: every phase
    tools = models.ManyToManyField(DigitalTool, blank=True, related_name="+", verbose_name=_("digital tools"))
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    is_active = models.BooleanField(_("offered"), default=True)

    objects: ClassVar[models.Manager[SupportOffering]] = OrganisationScopedManager()

    class Meta:
        ordering = ["form", "name"]
        verbose_name = _("support offering")
        verbose_name_plural = _("support offerings")

    def __str__(self) -> str:
        return self.name


class MatrixCell(models.Model):
    """The organisation's own advice for one phase and level in one language (replaces the shipped default)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    level = models.CharField(max_length=20, choices=Level.choices)
    language = models.CharField(max_length=8)
    advice = models.TextField(_("advice"))
    forms = models.JSONField(_("forms that help"), default=list)  # Form values, most helpful first
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[MatrixCell]] = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "phase", "level", "language"], name="one_matrix_cell")
        ]

    def __str__(self) -> str:
        return f"{self.phase}/{self.level}/{self.language}"


class ChecklistItem(models.Model):
    """One point of the checklist of understanding for a tool (no tool: for every tool)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    tool = models.ForeignKey(DigitalTool, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8, default="nl")
    text = models.CharField(_("point"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    objects: ClassVar[models.Manager[ChecklistItem]] = OrganisationScopedManager()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Assessment(TimestampedModel):
    """A filled-in self-check: the answers and the level they score into. Anonymous."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    answers = models.JSONField(default=dict)  # question key -> answer key
    score = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=20, choices=Level.choices)
    preferred_way = models.CharField(max_length=20, choices=HelpWay.choices, blank=True)
    filled_in = models.CharField(max_length=30, choices=FilledIn.choices, default=FilledIn.ALONE)

    objects: ClassVar[models.Manager[Assessment]] = OrganisationScopedManager()

    def __str__(self) -> str:
        return f"self-check {self.level}"


class SupportPlan(TimestampedModel):
    """A personal support plan: what was chosen together, for one person and one tool. Reached through a
    private link (public id + HMAC with `salt`, as the follow-up link); holds no BSN and no account."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    person_label = models.CharField(_("first name or initials"), max_length=100, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    tool = models.ForeignKey(DigitalTool, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    preferred_way = models.CharField(_("preferred way of help"), max_length=20, choices=HelpWay.choices, blank=True)
    postcode = models.CharField(_("postcode (4 digits)"), max_length=4, blank=True)
    assessment = models.ForeignKey(Assessment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    offerings = models.ManyToManyField(SupportOffering, blank=True, related_name="+")
    article_slugs = models.JSONField(default=list, blank=True)
    checklist = models.JSONField(default=list, blank=True)  # [{"text": ..., "understood": bool}]
    note = models.TextField(_("note for the person"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    salt = models.CharField(max_length=32, default=new_salt)

    objects: ClassVar[models.Manager[SupportPlan]] = OrganisationScopedManager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "created_at"], name="plan_org_created")]

    def __str__(self) -> str:
        return f"support plan {self.public_id}"


class Enrollment(TimestampedModel):
    """A person's journey with one tool, following the toolkit's phases, from a support plan."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    plan = models.OneToOneField(SupportPlan, on_delete=models.CASCADE, related_name="enrollment")
    tool = models.ForeignKey(DigitalTool, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    status = models.CharField(_("status"), max_length=20, choices=JourneyStatus.choices, default=JourneyStatus.ACTIVE)
    reason = models.CharField(_("reason"), max_length=30, choices=DecisionReason.choices, blank=True)
    reason_text = models.TextField(_("explanation"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    objects: ClassVar[models.Manager[Enrollment]] = OrganisationScopedManager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "status", "created_at"], name="enrollment_org_status")]

    def __str__(self) -> str:
        return f"enrollment {self.public_id}"


class CoachingContact(models.Model):
    """A coaching contact along the journey (a call, a visit, a video call), recorded by staff."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="contacts")
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    channel = models.CharField(_("how"), max_length=20, choices=HelpWay.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[CoachingContact]] = OrganisationScopedManager()

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"coaching {self.channel}"


class PlanFeedback(models.Model):
    """What the person says after using the tool, through the plan's private link."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("how did it go"))  # 1 (very badly) - 5 (very well)
    wants_to_continue = models.BooleanField(_("wants to continue with the tool"), null=True)
    text = models.TextField(_("what you want to tell us"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[PlanFeedback]] = OrganisationScopedManager()

    def __str__(self) -> str:
        return f"feedback {self.rating}"
