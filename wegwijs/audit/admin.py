from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from wegwijs.audit.models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: the access log cannot be changed, not even by platform admins."""

    list_display = ["at", "organisation", "actor_label", "role", "action", "record_type", "record_id", "channel"]
    list_filter = ["action", "channel", "organisation"]
    search_fields = ["actor_label", "record_id"]
    list_select_related = ["organisation"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
