"""The toolkit's vocabulary (see ../shared/spec/toolkit.md): forms and kinds of support, channels, the journey's
phases, skill levels, and the ways people prefer to get help."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Form(models.TextChoices):
    INFORMATION = "information", _("Information")
    GUIDANCE_ON_LOCATION = "guidance_on_location", _("Personal guidance on location")
    HELPDESK = "helpdesk", _("Helpdesk")
    TRAINING = "training", _("Training")


class Kind(models.TextChoices):
    INSTRUCTION_VIDEO = "instruction_video", _("Instruction video")
    MANUAL = "manual", _("Manual")
    WEBSITE = "website", _("Website")
    CARE_PROVIDER = "care_provider", _("Care provider")
    DIGITUIN = "digituin", _("Digituin / Digiplein")
    WALK_IN_HOUR = "walk_in_hour", _("Inloopspreekuur (walk-in hour)")
    STUDENT_AT_HOME = "student_at_home", _("Student aan huis (student at home)")
    PEER_TO_PEER = "peer_to_peer", _("Peer-to-peer help")
    ORGANISATION_DESK = "organisation_desk", _("The organisation's own help desk")
    SUPPLIER_HELPDESK = "supplier_helpdesk", _("Supplier's helpdesk")
    REGIONAL_HELPDESK = "regional_helpdesk", _("Regional Helpdesk Digitale Zorg")
    DIGIHULPLIJN = "digihulplijn", _("Digihulplijn")
    SKILLS_TRAINING = "skills_training", _("Digital skills training")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("On paper")
    IN_PERSON = "in_person", _("In person")
    AT_HOME = "at_home", _("At home")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    CHAT = "chat", _("Chat")
    VIDEO = "video", _("Video call")


class Phase(models.TextChoices):
    BEFORE_VISIT = "before_visit", _("Before the visit")
    DURING_VISIT = "during_visit", _("During the visit")
    START_OF_USE = "start_of_use", _("Starting to use the tool")
    DURING_USE = "during_use", _("While using the tool")
    AFTER_USE = "after_use", _("After using the tool")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    ERVAREN = "ervaren", _("Experienced")
    GEVORDERD = "gevorderd", _("Advanced")


class HelpWay(models.TextChoices):
    """How the person prefers to get help (a self-check question)."""

    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("By video call")
    WRITTEN = "written", _("In writing")


class FilledIn(models.TextChoices):
    """Who filled in the self-check."""

    ALONE = "alone", _("On my own")
    WITH_NAASTE = "with_naaste", _("With someone close to me")
    WITH_CARE_PROVIDER = "with_care_provider", _("With a care provider")
    WITH_VOLUNTEER = "with_volunteer", _("With a volunteer")


class JourneyStatus(models.TextChoices):
    ACTIVE = "active", _("In progress")
    CONTINUED = "continued", _("Continues with the tool")
    STOPPED = "stopped", _("Stopped with the tool")


class DecisionReason(models.TextChoices):
    """Why the person continues or stops with the tool (with a free text beside it)."""

    WORKS_WELL = "works_well", _("It works well")
    SAVES_TRAVEL = "saves_travel", _("Saves travelling to the organisation")
    WITH_HELP = "with_help", _("Continues with help from someone close")
    TOO_DIFFICULT = "too_difficult", _("Too difficult to use")
    NO_DEVICE = "no_device", _("No suitable device or internet")
    PREFERS_PERSONAL = "prefers_personal", _("Prefers personal contact")
    NOT_USEFUL = "not_useful", _("Not useful for the treatment")
    HEALTH = "health", _("Health does not allow it")
    TREATMENT_ENDED = "treatment_ended", _("Treatment ended")
    TECHNICAL = "technical", _("Technical problems")
    OTHER = "other", _("Other reason")


# The toolkit's order; the amount of support needed goes down from beginner to gevorderd.
PHASES = tuple(Phase.values)
LEVELS = tuple(Level.values)
