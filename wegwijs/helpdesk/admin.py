"""Platform admins configure helpdesk teams and the organisations' mailboxes."""

from django.contrib import admin

from wegwijs.helpdesk.models import Macro, Mailbox, Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "languages"]
    filter_horizontal = ["organisations", "members"]


@admin.register(Mailbox)
class MailboxAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["organisation", "username", "host", "folder", "is_active", "last_polled_at", "last_error"]
    list_select_related = ["organisation"]
    readonly_fields = ["last_polled_at", "last_error"]


@admin.register(Macro)
class MacroAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "organisation", "language"]
    list_filter = ["organisation", "language"]
    list_select_related = ["organisation"]
