"""A limit on the public API (the operations without a token): requests per client address per minute."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from wegwijs.core.errors import DomainError
from wegwijs.core.http import client_address


class TooManyRequests(DomainError):
    code = "too_many_requests"
    status = 429


def public_rate_limit(request: HttpRequest) -> None:
    """Count this request for its client address (a hash, kept a minute); refuse past the limit."""
    address = client_address(request) or "unknown"
    minute = int(time.time() // 60)
    key = "api-public:" + hashlib.sha256(f"{address}:{minute}".encode()).hexdigest()
    cache.add(key, 0, timeout=70)
    if cache.incr(key) > settings.API_PUBLIC_LIMIT_PER_MINUTE:
        raise TooManyRequests("Too many requests from this address. Wait a minute and try again.")
