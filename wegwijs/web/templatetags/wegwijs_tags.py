import re

from django import template
from django.utils.dates import WEEKDAYS
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
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


@register.filter(needs_autoescape=True)
def highlight(text: str, phrases: list[str] | None, autoescape: bool = True) -> str:
    """The text, escaped, with each phrase (any case, any spacing) marked: <mark>phrase</mark>."""
    if not phrases:
        return conditional_escape(text)
    alternatives = sorted((r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases), key=len, reverse=True)
    pattern = re.compile("|".join(alternatives), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[last : match.start()]), format_html("<mark>{}</mark>", match.group(0))]
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


@register.filter
def percent(fraction: float | None) -> str:
    """0.873 -> "87 %" (a confidence as people read it)."""
    return f"{round(float(fraction or 0) * 100)} %"
