"""Token authentication for integrations. The scope middleware already resolved the token."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from wegwijs.core.errors import PermissionDenied
from wegwijs.tenancy.models import ApiToken, Organisation
from wegwijs.tenancy.roles import ApiScope


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return getattr(request, "api_token", None)


def require_scope(request: HttpRequest, scope: ApiScope) -> Organisation:
    """The token's organisation, when the token carries `scope`; otherwise a 403."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    if not token.has_scope(scope):
        raise PermissionDenied(f"This token lacks the scope '{scope.value}'.", code="missing_scope")
    return token.organisation
