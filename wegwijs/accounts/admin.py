from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm

from wegwijs.accounts.models import User


class StaffCreationForm(BaseUserCreationForm):  # type: ignore[type-arg]
    class Meta:
        model = User
        fields = ["email", "full_name"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):  # type: ignore[type-arg]
    ordering = ["full_name"]
    list_display = ["full_name", "email", "is_platform_admin", "is_active", "last_login"]
    search_fields = ["full_name", "email"]
    list_filter = ["is_platform_admin", "is_active"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["full_name", "language", "spoken_languages"]}),
        ("Access", {"fields": ["is_active", "is_platform_admin", "is_staff", "is_superuser"]}),
        ("History", {"fields": ["last_login", "created_at"]}),
    ]
    readonly_fields = ["last_login", "created_at"]
    add_form = StaffCreationForm
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})]
