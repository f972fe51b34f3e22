import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijs.accounts.models import LoginFailure
from wegwijs.accounts.tests.factories import PASSWORD, TOTPDeviceFactory, UserFactory, signed_in_client
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
STAFF_HOME = "/staff/"


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def log_in(client: Client, email: str, password: str = PASSWORD):
    return client.post(reverse("accounts:login"), {"email": email, "password": password, "next": STAFF_HOME})


def test_agent_logs_in_with_password_and_code_and_reaches_the_staff_home(organisation):
    membership = MembershipFactory(organisation=organisation, role=Role.AGENT)
    device = TOTPDeviceFactory(user=membership.user)
    client = Client()
    response = log_in(client, membership.user.email)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_verify"))
    # Without the code the staff home is still closed.
    assert client.get(STAFF_HOME)["Location"].startswith(reverse("accounts:otp_verify"))
    response = client.post(reverse("accounts:otp_verify"), {"code": current_code(device), "next": STAFF_HOME})
    assert response["Location"] == STAFF_HOME
    page = client.get(STAFF_HOME)
    assert page.status_code == 200
    assert organisation.name in page.content.decode()


def test_wrong_code_is_refused_and_keeps_the_staff_home_closed(organisation):
    membership = MembershipFactory(organisation=organisation, role=Role.AGENT)
    device = TOTPDeviceFactory(user=membership.user)
    client = Client()
    log_in(client, membership.user.email)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("accounts:otp_verify"), {"code": wrong})
    assert response.status_code == 401
    assert client.get(STAFF_HOME).status_code == 302


def test_person_data_role_without_a_device_must_set_one_up_first(organisation):
    membership = MembershipFactory(organisation=organisation, role=Role.VOLUNTEER)
    client = Client()
    response = log_in(client, membership.user.email)
    assert response["Location"].startswith(reverse("accounts:otp_setup"))
    page = client.get(response["Location"])
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=membership.user, confirmed=False)
    response = client.post(reverse("accounts:otp_setup"), {"code": current_code(device), "next": STAFF_HOME})
    assert response["Location"] == STAFF_HOME
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(STAFF_HOME).status_code == 200


def test_editor_without_person_data_may_work_without_a_second_factor(organisation):
    membership = MembershipFactory(organisation=organisation, role=Role.EDITOR)
    client = Client()
    client.force_login(membership.user)
    assert client.get(STAFF_HOME).status_code == 200


def test_wrong_password_is_refused_with_a_message():
    user = UserFactory()
    client = Client()
    response = log_in(client, user.email, "not the password")
    assert response.status_code == 401
    with translation.override("nl"):
        assert translation.gettext("This e-mail address and password do not match.") in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_account_is_locked_after_repeated_failures_even_for_the_right_password():
    user = UserFactory()
    client = Client()
    for _ in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        assert log_in(client, user.email, "wrong").status_code == 401
    response = log_in(client, user.email)
    assert response.status_code == 429
    assert LoginFailure.objects.count() == settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT


def test_a_successful_login_clears_earlier_failures():
    user = UserFactory()
    client = Client()
    log_in(client, user.email, "wrong")
    assert log_in(client, user.email).status_code == 302
    assert LoginFailure.objects.count() == 0


def test_login_redirect_never_leaves_the_site(organisation):
    membership = MembershipFactory(organisation=organisation, role=Role.EDITOR)
    response = Client().post(
        reverse("accounts:login"),
        {"email": membership.user.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert "evil.example" not in response["Location"]


def test_log_out_everywhere_ends_sessions_on_other_devices(organisation, make_staff):
    user, laptop = make_staff(Role.AGENT, organisation)
    phone = signed_in_client(user)
    assert phone.get(STAFF_HOME).status_code == 200
    assert laptop.post(reverse("accounts:logout_everywhere")).status_code == 302
    assert phone.get(STAFF_HOME).status_code == 302
    assert laptop.get(STAFF_HOME).status_code == 302


def test_logout_needs_a_post():
    assert Client().get(reverse("accounts:logout")).status_code == 405


def test_sessions_expire_after_idle_time_and_when_the_browser_closes():
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_lockout_counts_the_client_behind_the_proxy_not_the_proxy(settings):
    settings.BEHIND_PROXY = True
    user = UserFactory()
    for number in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS):
        Client(headers={"X-Forwarded-For": f"203.0.113.{number}"}).post(
            reverse("accounts:login"), {"email": f"x{number}@wegwijs.test", "password": "wrong"}
        )
    # Twenty different clients failed once each; a sixth failure-free client is not locked out.
    response = Client(headers={"X-Forwarded-For": "198.51.100.7"}).post(
        reverse("accounts:login"), {"email": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert set(LoginFailure.objects.values_list("client_address", flat=True)) == {
        f"203.0.113.{number}" for number in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS)
    }
