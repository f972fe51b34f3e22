"""Platform admins manage organisations, help points and staff roles in the Django admin."""

from django.contrib import admin

from wegwijs.tenancy.models import (
    Department,
    DigitalTool,
    Location,
    Membership,
    OpeningHoursException,
    Organisation,
)


class DepartmentInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Department
    extra = 0
    fields = ["name", "slug", "referral_contact_name", "referral_phone", "referral_email"]


class DigitalToolInline(admin.TabularInline):  # type: ignore[type-arg]
    model = DigitalTool
    extra = 0
    fields = ["kind", "name", "slug", "login_url", "supplier_name", "supplier_helpdesk_phone", "is_active"]


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "slug", "contact_phone", "contact_email", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DepartmentInline, DigitalToolInline, MembershipInline]


class OpeningHoursExceptionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OpeningHoursException
    extra = 0


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "city", "postcode"]
    search_fields = ["name", "city"]
    filter_horizontal = ["organisations"]
    inlines = [OpeningHoursExceptionInline]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "organisation", "referral_contact_name"]
    list_filter = ["organisation"]
    list_select_related = ["organisation"]
