"""The person's private follow-up link: unguessable, derivable again for every e-mail, revocable per question
(changing the question's salt). The token scheme is `core.signed_links` with the purpose "follow-up".
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from wegwijs.core import signed_links
from wegwijs.core.signed_links import split_token
from wegwijs.helpdesk.choices import SATISFACTION_FACES, Satisfaction
from wegwijs.helpdesk.models import Ticket

__all__ = ["follow_up_token", "follow_up_url", "rating_links", "split_token", "token_matches"]

PURPOSE = "follow-up"


def follow_up_token(ticket: Ticket) -> str:
    return signed_links.link_token(purpose=PURPOSE, public_id=ticket.public_id, salt=ticket.follow_up_salt)


def token_matches(ticket: Ticket, mac: str) -> bool:
    return signed_links.token_matches(purpose=PURPOSE, public_id=ticket.public_id, salt=ticket.follow_up_salt, mac=mac)


def follow_up_url(ticket: Ticket) -> str:
    path = reverse("ask:follow_up", args=[ticket.organisation.slug, follow_up_token(ticket)])
    return f"{settings.SITE_URL}{path}"


RATING_PARAMETER = "score"


def rating_links(ticket: Ticket) -> list[tuple[str, str, str]]:
    """(face, words, link) for each satisfaction score: the link opens the follow-up page with that score
    chosen, and the person confirms it there (a link never writes: mail scanners open links too)."""
    url = follow_up_url(ticket)
    return [
        (SATISFACTION_FACES[value], str(label), f"{url}?{RATING_PARAMETER}={value}#rate-title")
        for value, label in Satisfaction.choices
    ]
