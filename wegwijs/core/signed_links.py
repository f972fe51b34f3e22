"""Private links for people without an account: unguessable, derivable again whenever needed, revocable per row.

token = the row's public id (32 hex) + an HMAC of it with the site secret, a purpose and the row's own salt.
Nothing secret is stored: only the salt, which means nothing without the site secret. Changing the salt
revokes every link to that row; the purpose keeps a token for one kind of row from opening another.
"""

from __future__ import annotations

import hmac
from uuid import UUID

from django.conf import settings

ID_LENGTH = 32
MAC_LENGTH = 32
HEX_DIGITS = frozenset("0123456789abcdef")


def link_mac(*, purpose: str, public_id_hex: str, salt: str) -> str:
    message = f"{purpose}:{public_id_hex}:{salt}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, "sha256").hexdigest()[:MAC_LENGTH]


def link_token(*, purpose: str, public_id: UUID, salt: str) -> str:
    return public_id.hex + link_mac(purpose=purpose, public_id_hex=public_id.hex, salt=salt)


def split_token(token: str) -> tuple[str, str] | None:
    """The public id and MAC in a token, or None when it cannot be one."""
    if len(token) != ID_LENGTH + MAC_LENGTH or not set(token) <= HEX_DIGITS:
        return None
    return token[:ID_LENGTH], token[ID_LENGTH:]


def token_matches(*, purpose: str, public_id: UUID, salt: str, mac: str) -> bool:
    return hmac.compare_digest(link_mac(purpose=purpose, public_id_hex=public_id.hex, salt=salt), mac)
