"""The access log (NEN 7513): who saw or changed which person's data, when, in which role and why.

Append-only: the queryset refuses update and delete, the model refuses a second save, and a database
trigger (see the migration) refuses UPDATE and DELETE for anything that goes around Django.
"""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from wegwijs.tenancy.models import Organisation


class AppendOnlyError(RuntimeError):
    pass


class AccessAction(models.TextChoices):
    VIEW = "view", _("viewed")
    LIST = "list", _("listed")
    CHANGE = "change", _("changed")
    CREATE = "create", _("created")
    DELETE = "delete", _("deleted")
    EXPORT = "export", _("exported")


class AccessChannel(models.TextChoices):
    PAGE = "page", _("web page")
    API = "api", _("API")
    COMMAND = "command", _("command")
    TASK = "task", _("background task")


class AppendOnlyQuerySet(models.QuerySet["AccessLogEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("the access log is append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("the access log is append-only")


class AccessLogEntry(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(_("who"), max_length=254)
    api_token_prefix = models.CharField(max_length=12, blank=True)
    role = models.CharField(_("role"), max_length=40)
    action = models.CharField(_("action"), max_length=10, choices=AccessAction.choices)
    record_type = models.CharField(_("record type"), max_length=60)
    record_id = models.CharField(_("record"), max_length=64, blank=True)
    record_count = models.PositiveIntegerField(default=1)
    channel = models.CharField(_("channel"), max_length=10, choices=AccessChannel.choices)
    context = models.CharField(_("context"), max_length=300)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    objects: ClassVar[models.Manager[AccessLogEntry]] = ScopedManager(
        models.Manager.from_queryset(AppendOnlyQuerySet), organisation="organisation"
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "at"], name="accesslog_org_at"),
            models.Index(fields=["organisation", "record_type", "record_id"], name="accesslog_org_record"),
        ]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.action} {self.record_type} {self.record_id} at {self.at:%Y-%m-%d %H:%M:%S}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("the access log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("the access log is append-only")
