from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin


class LoginForm(AccessibleFormMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "username"}))
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class CodeForm(AccessibleFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PreferencesForm(AccessibleFormMixin, forms.Form):
    language = forms.ChoiceField(label=_("Language of the staff pages and e-mails"), choices=settings.LANGUAGES)


class LocalisedPasswordResetForm(AccessibleFormMixin, PasswordResetForm):
    """Sends the reset e-mail in the staff member's own language, with links to the configured site address."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Never build the link from the request's Host header: it can be forged.
        site = urlsplit(settings.SITE_URL)
        kwargs.update(domain_override=site.netloc, use_https=site.scheme == "https")
        super().save(*args, **kwargs)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        with translation.override(context["user"].language):
            super().send_mail(
                subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name
            )


class NewPasswordForm(AccessibleFormMixin, SetPasswordForm):  # type: ignore[type-arg]
    pass
