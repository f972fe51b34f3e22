"""The person's private follow-up link: unguessable, derivable again for every e-mail, revocable per question.

token = the question's public id (32 hex) + an HMAC of it with the site secret and the question's own salt.
Nothing secret is stored: only the salt, which means nothing without the site secret. Changing the salt
revokes every link to that question.
"""

from __future__ import annotations

import hmac

from django.conf import settings
from django.urls import reverse

from wegwijs.helpdesk.choices import SATISFACTION_FACES, Satisfaction
from wegwijs.helpdesk.models import Ticket

ID_LENGTH = 32
MAC_LENGTH = 32


def _mac(public_id_hex: str, salt: str) -> str:
    message = f"follow-up:{public_id_hex}:{salt}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, "sha256").hexdigest()[:MAC_LENGTH]


def follow_up_token(ticket: Ticket) -> str:
    return ticket.public_id.hex + _mac(ticket.public_id.hex, ticket.follow_up_salt)


def split_token(token: str) -> tuple[str, str] | None:
    """The public id and MAC in a token, or None when it cannot be one."""
    if len(token) != ID_LENGTH + MAC_LENGTH or any(char not in "0123456789abcdef" for char in token):
        return None
    return token[:ID_LENGTH], token[ID_LENGTH:]


def token_matches(ticket: Ticket, mac: str) -> bool:
    return hmac.compare_digest(_mac(ticket.public_id.hex, ticket.follow_up_salt), mac)


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
