"""Learning from agents: their corrections of route and topic, and the organisation models trained on them."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijs.tenancy.models import Organisation, OrganisationScopedManager


class TriageCorrection(models.Model):
    """An agent changed what the triage proposed: the question's text (identifiers removed) with the right
    labels. Training data for the organisation's own model."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    ticket = models.ForeignKey("helpdesk.Ticket", null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("text"))
    route = models.CharField(_("route"), max_length=20)
    topic = models.CharField(_("topic"), max_length=60, blank=True)
    proposed_route = models.CharField(max_length=20)
    proposed_topic = models.CharField(max_length=60, blank=True)
    model_version = models.CharField(max_length=60, blank=True)
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[TriageCorrection]] = OrganisationScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "ticket"], name="one_correction_per_ticket")]

    def __str__(self) -> str:
        return f"correction {self.proposed_route} -> {self.route}"


class TriageModel(models.Model):
    """A model trained for one organisation, with its held-out figures; at most one is in use."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    version = models.CharField(_("version"), max_length=60)
    blob = models.BinaryField(editable=False)
    trained_on = models.PositiveIntegerField(_("examples"))
    corrections = models.PositiveIntegerField(_("corrections"))
    metrics = models.JSONField(_("held-out figures"), default=dict)
    baseline_metrics = models.JSONField(_("figures of the model it was compared with"), default=dict)
    in_use = models.BooleanField(_("in use"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[TriageModel]] = OrganisationScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "version"], name="triage_model_version"),
            models.UniqueConstraint(
                fields=["organisation"], condition=models.Q(in_use=True), name="one_triage_model_in_use"
            ),
        ]

    def __str__(self) -> str:
        return self.version
