"""Enter the access scope for every request: the one place the staff, public and API sides are scoped."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import Resolver404, resolve
from django_otp import user_has_device

from wegwijs.tenancy import scope
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.permissions import needs_second_factor
from wegwijs.tenancy.rules import PublicRule, StaffRule, rule_of

API_PREFIX = "/api/"
ADMIN_APP = "admin"


class TenantScopeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            return self._api(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        rule = StaffRule(roles=frozenset(), platform_admin=True) if match.app_name == ADMIN_APP else rule_of(match.func)
        if isinstance(rule, PublicRule):
            return self._public(request, match.kwargs.get(rule.organisation_kwarg, ""))
        if isinstance(rule, StaffRule):
            return self._staff(request, rule)
        return self.get_response(request)

    def _public(self, request: HttpRequest, slug: str) -> HttpResponse:
        organisation = Organisation.objects.filter(slug=slug, is_active=True).first()
        if organisation is None:
            raise Http404("no such organisation")
        context = scope.AccessContext(
            channel="page", context=request.path, grants={organisation.pk: frozenset({"public"})}
        )
        request.organisation = organisation  # type: ignore[attr-defined]
        return self._within(request, context)

    def _staff(self, request: HttpRequest, rule: StaffRule) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or not user.is_active:
            login = resolve_url("accounts:login")
            return HttpResponseRedirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
        all_grants = scope.user_grants(user)
        if needs_second_factor(user, all_grants) and not user.is_verified():  # type: ignore[union-attr,attr-defined]
            step = "accounts:otp_verify" if user_has_device(user) else "accounts:otp_setup"
            return HttpResponseRedirect(f"{resolve_url(step)}?{urlencode({'next': request.get_full_path()})}")
        request.staff_grants = all_grants  # type: ignore[attr-defined]
        if rule.platform_admin:
            if not user.is_platform_admin:
                raise Http404("not found")
            grants = scope.platform_admin_grants()
        elif rule.roles:
            grants = {org: roles & rule.roles for org, roles in all_grants.items() if roles & rule.roles}
        else:
            grants = all_grants
        context = scope.AccessContext(
            channel="page", context=request.path, grants=grants, actor_id=user.pk, actor_label=user.email
        )
        return self._within(request, context)

    def _api(self, request: HttpRequest) -> HttpResponse:
        header = request.headers.get("Authorization", "")
        token = None
        if header.startswith("Bearer ") and len(header) < 200:
            token = scope.api_token_authenticate(header.removeprefix("Bearer ").strip())
        request.api_token = token  # type: ignore[attr-defined]
        if token is None:
            context = scope.AccessContext(channel="api", context=request.path)
        else:
            context = scope.AccessContext(
                channel="api",
                context=f"{request.method} {request.path}",
                grants={token.organisation_id: frozenset({"api"})},
                actor_label=f"api-token:{token.name}",
                api_token_prefix=token.prefix,
            )
        return self._within(request, context)

    def _within(self, request: HttpRequest, context: scope.AccessContext) -> HttpResponse:
        request.access = context  # type: ignore[attr-defined]
        with scope.access_scope(context):
            return self.get_response(request)
