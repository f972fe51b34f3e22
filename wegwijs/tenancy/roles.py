"""Staff roles per organisation and the API token scopes. Pure data: no database."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    AGENT = "agent", _("Helpdesk agent")
    COORDINATOR = "coordinator", _("Helpdesk coordinator")
    VOLUNTEER = "volunteer", _("Volunteer")
    CARE_PROVIDER = "care_provider", _("Care provider")
    EDITOR = "editor", _("Organisation editor")
    ANALYST = "analyst", _("Organisation analyst")


# Roles whose work shows data about persons: they need a second factor.
PERSON_DATA_ROLES = frozenset({Role.AGENT, Role.COORDINATOR, Role.VOLUNTEER, Role.CARE_PROVIDER})
ALL_ROLES = frozenset(Role)


class ApiScope(models.TextChoices):
    ORGANISATION_READ = "organisation:read", _("Read the organisation, departments, locations and tools")
    ORGANISATION_WRITE = "organisation:write", _("Change departments and tools")
    TICKETS_READ = "tickets:read", _("Read questions and their messages")
    TICKETS_WRITE = "tickets:write", _("Create questions, add messages, change status and assignee")
    KNOWLEDGE_WRITE = "knowledge:write", _("Create and change the organisation's help articles")
