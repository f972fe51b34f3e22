"""Staff accounts. Patients and naasten have no account."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True, is_platform_admin=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A staff member: helpdesk, volunteer, care provider, editor, analyst or platform admin."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="nl")
    spoken_languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    is_platform_admin = models.BooleanField(_("platform admin"), default=False)
    is_staff = models.BooleanField(default=False, help_text="May open the Django admin (platform admins only).")
    is_active = models.BooleanField(_("active"), default=True)
    # Raising this ends every session of the user ("log out everywhere"): it is part of the session hash.
    session_epoch = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        key_salt = "wegwijs.accounts.User.session_auth_hash"
        return salted_hmac(
            key_salt, f"{self.password}:{self.session_epoch}", secret=secret, algorithm="sha256"
        ).hexdigest()


class LoginFailure(models.Model):
    """A failed login attempt, kept for throttling. Holds a hash of the e-mail address, not the address."""

    email_digest = models.CharField(max_length=64)
    client_address = models.GenericIPAddressField(null=True, blank=True)
    failed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["email_digest", "failed_at"], name="loginfailure_email_at"),
            models.Index(fields=["client_address", "failed_at"], name="loginfailure_address_at"),
        ]

    def __str__(self) -> str:
        return f"login failure at {self.failed_at:%Y-%m-%d %H:%M}"
