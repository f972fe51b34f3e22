"""Staff login with a second factor, account settings and logging out."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device

from wegwijs.accounts import services
from wegwijs.accounts.forms import CodeForm, LoginForm, PreferencesForm
from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.core.http import client_address
from wegwijs.tenancy.rules import staff_view


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(step: str, request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{resolve_url(step)}?{urlencode({'next': _next_url(request)})}")


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            user = services.login_authenticate(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                client_address=client_address(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
            status = error.status
        else:
            login(request, user)
            return _with_next("accounts:otp_verify" if user_has_device(user) else "accounts:otp_setup", request)
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not user_has_device(user):
        return _with_next("accounts:otp_setup", request)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            device = services.totp_verify(user=user, code=form.cleaned_data["code"])
        except DomainError as error:
            form.add_error("code", error.message)
            status = error.status
        else:
            otp_login(request, device)
            return redirect(_next_url(request))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _next_url(request)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def otp_setup_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if user_has_device(user, confirmed=True) and not user.is_verified():  # type: ignore[attr-defined]
        # A second device is only added after proving the first one.
        return _with_next("accounts:otp_verify", request)
    device = services.totp_device_for_setup(user=user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            device = services.totp_verify(user=user, code=form.cleaned_data["code"], confirming=True)
        except DomainError as error:
            form.add_error("code", error.message)
            status = error.status
        else:
            otp_login(request, device)
            messages.success(request, _("Your authenticator app is set up."))
            return redirect(_next_url(request))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code to scan"))
    secret = device.config_url.split("secret=")[1].split("&")[0]
    return render(
        request,
        "accounts/otp_setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": secret, "next": _next_url(request)},
        status=status,
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You are logged out."))
    return redirect("accounts:login")


@staff_view()
@require_http_methods(["GET", "POST"])
def account_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = PreferencesForm(request.POST or None, initial={"language": user.language})
    if request.method == "POST" and form.is_valid():
        services.user_update_preferences(user=user, language=form.cleaned_data["language"])
        messages.success(request, _("Your settings are saved."))
        response = redirect("accounts:account")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
        return response
    return render(request, "accounts/account.html", {"form": form})


@staff_view()
@require_POST
def logout_everywhere_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    services.user_logout_everywhere(user=user)
    logout(request)
    messages.info(request, _("You are logged out on all your devices."))
    return redirect("accounts:login")
