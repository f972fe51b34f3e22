from django import template
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from wegwijs.tenancy.places import WEEKDAYS as WEEKDAY_KEYS
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.scope import PLATFORM_ADMIN

register = template.Library()


@register.filter
def weekday_name(key: str) -> str:
    """ "mon" -> "maandag" in the active language (Django's own translated day names)."""
    return str(WEEKDAYS[WEEKDAY_KEYS.index(key)])


@register.filter
def role_label(role: str) -> str:
    if role == PLATFORM_ADMIN:
        return _("Platform admin")
    return str(Role(role).label) if role in Role.values else role
