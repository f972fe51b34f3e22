"""Template filters of insights."""

from django import template

from wegwijs.insights.presentation import shown_text
from wegwijs.insights.publication import Shown

register = template.Library()


@register.filter
def shown(value: Shown, k: int) -> str:
    """A published number, or what a hidden one shows instead ("< 5", "•")."""
    return shown_text(value, k)
