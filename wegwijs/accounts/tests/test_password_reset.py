"""Password reset over a real SMTP server (aiosmtpd on localhost)."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from wegwijs.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_reset_mail_arrives_in_the_staff_members_language_and_its_link_sets_a_new_password(smtp_inbox):
    user = UserFactory(language="en")
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert response.status_code == 302
    assert len(smtp_inbox.messages) == 1
    mail = smtp_inbox.messages[0]
    assert mail["To"] == user.email
    body = mail.get_content()
    assert "choose a new password" in body
    link = re.search(rf"{re.escape(settings.SITE_URL)}(/staff/password-reset/\S+/)", body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    new_password = "een-nieuw-lang-wachtwoord-2026"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_unknown_address_gets_the_same_answer_and_no_mail(smtp_inbox):
    response = Client().post(reverse("accounts:password_reset"), {"email": "nobody@wegwijs.test"})
    assert response.status_code == 302
    assert smtp_inbox.messages == []


def test_dutch_staff_get_the_mail_in_dutch(smtp_inbox):
    user = UserFactory(language="nl")
    Client().post(reverse("accounts:password_reset"), {"email": user.email})
    assert "nieuw wachtwoord" in smtp_inbox.messages[0].get_content().lower()


def test_reset_link_ignores_a_forged_host_header(smtp_inbox):
    user = UserFactory(language="en")
    Client(HTTP_HOST="localhost").post(
        reverse("accounts:password_reset"), {"email": user.email}, headers={"X-Forwarded-Host": "evil.example"}
    )
    assert "evil.example" not in smtp_inbox.messages[0].get_content()
    assert settings.SITE_URL in smtp_inbox.messages[0].get_content()
