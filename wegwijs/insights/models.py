"""Rollups: aggregates of an organisation's questions per day and cell, what dashboards and reports read.
Counts only, never a person's data; still organisation-scoped like everything an organisation owns.
How they are computed and kept current: rollups.py and docs/architecture.md ("Insights")."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijs.insights.distributions import empty_histogram, empty_hours
from wegwijs.tenancy.models import Organisation, OrganisationScopedManager

DIMENSIONS = ("organisation", "day", "channel", "route", "topic", "tool_id", "language", "level")


class TicketRollup(models.Model):
    """The questions created on one day (in settings.TIME_ZONE) in one cell of channel × route × topic × tool ×
    language × level, with what became of them so far. "No value" is "" (or 0 for the tool), never NULL, so the
    unique constraint holds on every database."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    channel = models.CharField(max_length=10)
    route = models.CharField(max_length=20)
    topic = models.CharField(max_length=60, blank=True)
    tool_id = models.PositiveBigIntegerField(default=0, help_text="the DigitalTool's id; 0: no tool")
    language = models.CharField(max_length=8)
    level = models.CharField(max_length=20, blank=True, help_text="digital-skill level when known")

    tickets = models.PositiveIntegerField(default=0)
    first_responded = models.PositiveIntegerField(default=0)
    resolved = models.PositiveIntegerField(default=0)
    first_contact_resolved = models.PositiveIntegerField(default=0)
    sla_first_response_due = models.PositiveIntegerField(default=0, help_text="questions with a first-answer due time")
    sla_first_response_met = models.PositiveIntegerField(default=0)
    sla_resolution_due = models.PositiveIntegerField(default=0, help_text="questions with a resolution due time")
    sla_resolution_met = models.PositiveIntegerField(default=0)
    csat_count = models.PositiveIntegerField(default=0)
    csat_sum = models.PositiveIntegerField(default=0)
    csat_satisfied = models.PositiveIntegerField(default=0, help_text="ratings of 4 or 5")
    first_response_seconds_sum = models.PositiveBigIntegerField(default=0)
    resolution_seconds_sum = models.PositiveBigIntegerField(default=0)
    first_response_histogram = models.JSONField(default=empty_histogram)  # distributions.EDGES_MINUTES
    resolution_histogram = models.JSONField(default=empty_histogram)
    hour_counts = models.JSONField(default=empty_hours)  # questions per hour of creation (0-23, Amsterdam time)

    objects: ClassVar[models.Manager[TicketRollup]] = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=list(DIMENSIONS), name="ticket_rollup_cell")]

    def __str__(self) -> str:
        return f"rollup {self.day} {self.channel}/{self.route}"


class DayDistribution(models.Model):
    """One organisation's day summed over its rollup cells: questions per hour and the two time histograms.
    Written with the day's rollups (rollups.py); the weekday x hour grid and the medians read a quarter's 90
    rows here instead of the thousands of cells."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    hour_counts = models.JSONField(default=empty_hours)
    first_response_histogram = models.JSONField(default=empty_histogram)
    resolution_histogram = models.JSONField(default=empty_histogram)

    objects: ClassVar[models.Manager[DayDistribution]] = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "day"], name="day_distribution_once")]

    def __str__(self) -> str:
        return f"distribution of {self.day}"


class ReportLanguage(models.TextChoices):
    DUTCH = "nl", "Nederlands"
    ENGLISH = "en", "English"


class ReportFrequency(models.TextChoices):
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")


class ReportRecipient(models.Model):
    """Someone who receives the organisation's periodic report by e-mail, without asking for it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=ReportLanguage.choices, default="nl")
    frequency = models.CharField(
        _("how often"), max_length=10, choices=ReportFrequency.choices, default=ReportFrequency.MONTHLY
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[ReportRecipient]] = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "email"], name="report_recipient_once")]
        ordering = ["email"]

    def __str__(self) -> str:
        return f"report recipient {self.email}"


class ReportDelivery(models.Model):
    """A report sent to a recipient for one period; kept so a period is sent once, however often the
    delivery command runs."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(ReportRecipient, on_delete=models.CASCADE, related_name="deliveries")
    period = models.CharField(max_length=10)  # periods.Period.key: "2026-11" or "2026-Q4"
    sent_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[ReportDelivery]] = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "recipient", "period"], name="report_delivered_once")
        ]

    def __str__(self) -> str:
        return f"report {self.period} to recipient {self.recipient_id}"
