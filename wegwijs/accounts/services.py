"""Login, second factor and sessions of staff accounts."""

from __future__ import annotations

import datetime as dt
import hmac

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijs.accounts.models import LoginFailure, User
from wegwijs.core.errors import DomainError

TOTP_DEVICE_NAME = "authenticator app"


class InvalidCredentials(DomainError):
    code = "invalid_credentials"
    status = 401


class LoginThrottled(DomainError):
    code = "login_throttled"
    status = 429


def _email_digest(email: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), email.strip().lower().encode(), "sha256").hexdigest()


def login_authenticate(*, email: str, password: str, client_address: str | None) -> User:
    """Check e-mail and password, refusing while too many recent attempts failed for the account or address."""
    digest = _email_digest(email)
    window_start = timezone.now() - dt.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    recent = LoginFailure.objects.filter(failed_at__gte=window_start)
    account_failures = recent.filter(email_digest=digest).count()
    address_failures = recent.filter(client_address=client_address).count() if client_address else 0
    if (
        account_failures >= settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT
        or address_failures >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    ):
        raise LoginThrottled(
            _("Too many failed attempts. Wait %(minutes)s minutes and try again.")
            % {"minutes": settings.LOGIN_FAILURE_WINDOW_MINUTES}
        )
    user = authenticate(None, username=email.strip().lower(), password=password)
    if not isinstance(user, User):
        LoginFailure.objects.create(email_digest=digest, client_address=client_address)
        raise InvalidCredentials(_("This e-mail address and password do not match."))
    LoginFailure.objects.filter(email_digest=digest).delete()
    return user


def totp_device_for_setup(*, user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created when missing (its secret is shown once to scan)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def totp_verify(*, user: User, code: str, confirming: bool = False) -> TOTPDevice:
    """Check a six-digit code against the user's (confirmed, or when `confirming` the new) device.

    django-otp throttles: after a failure the next attempt is refused for a growing delay.
    """
    devices = TOTPDevice.objects.filter(user=user, confirmed=not confirming)
    cleaned = "".join(code.split())
    for device in devices:
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            raise LoginThrottled(_("Too many wrong codes. Wait a moment and try again."))
        if cleaned.isdigit() and device.verify_token(cleaned):
            if confirming:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            return device
    raise InvalidCredentials(_("This code is not right. Check the time on your phone and try again."))


@transaction.atomic
def user_logout_everywhere(*, user: User) -> None:
    """End every session of the user on every device, this one included."""
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])


@transaction.atomic
def user_update_preferences(*, user: User, language: str) -> User:
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Unknown language."), code="unknown_language")
    user.language = language
    user.save(update_fields=["language"])
    return user
