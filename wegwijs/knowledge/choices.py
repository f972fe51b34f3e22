"""The knowledge base's vocabularies. Pure data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleTool(models.TextChoices):
    """What an article is about (the import/export format's `tool`)."""

    PORTAL = "portal", _("Patient portal")
    APP = "app", _("App")
    DIGID = "digid", _("DigiD")
    VIDEO = "video", _("Video consultation")
    MONITORING = "monitoring", _("Measuring at home")
    GENERAL = "general", _("General")


class Audience(models.TextChoices):
    PATIENT = "patient", _("Patients")
    NAASTE = "naaste", _("Naasten")
    STAFF = "staff", _("Staff only")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


ORIGINAL_LANGUAGE = "nl"  # translations are linked to the Dutch original; search falls back to it
