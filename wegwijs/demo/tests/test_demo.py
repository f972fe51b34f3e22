import pytest
from django.core.management import CommandError, call_command
from django.db.models import Model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from wegwijs.accounts.models import User
from wegwijs.demo.data import STAFF, demo_totp_key
from wegwijs.helpdesk.models import Macro, Referral, Team, Ticket
from wegwijs.tenancy.models import Department, DigitalTool, Location, Membership, Organisation
from wegwijs.tenancy.roles import Role

pytestmark = pytest.mark.django_db
MODELS: list[type[Model]] = [
    Organisation,
    Department,
    DigitalTool,
    Location,
    Membership,
    User,
    TOTPDevice,
    Team,
    Ticket,
    Macro,
    Referral,
]


def counts() -> dict[str, int]:
    with scopes_disabled():
        return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_loads_two_organisations_with_every_role_and_is_idempotent():
    call_command("demo", "--quiet-logins")
    first = counts()
    call_command("demo", "--quiet-logins")
    assert counts() == first
    assert first["Organisation"] == 2
    assert first["Location"] == 2
    with scopes_disabled():
        assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
        kinds = set(DigitalTool.objects.filter(organisation__slug="ziekenhuis-vechtdal").values_list("kind", flat=True))
    assert kinds == {"portal", "app", "video", "monitoring"}
    assert User.objects.filter(is_platform_admin=True).count() == 1
    assert first["Ticket"] == 7
    assert first["Macro"] == 3
    with scopes_disabled():
        referral = Referral.objects.get()
    assert (referral.route, referral.handed_over, referral.department.name) == ("care_provider", True, "Cardiologie")
    with scopes_disabled():
        turkish = Ticket.objects.get(language="tr")
    assert turkish.team.name == "Helpdesk Turks en Arabisch"


def test_demo_code_prints_the_code_that_logs_in(capsys):
    call_command("demo", "--quiet-logins")
    email = STAFF[0].email
    call_command("demo-code", email)
    printed = capsys.readouterr().out.strip().splitlines()[-1]
    assert printed == f"{TOTP(bytes.fromhex(demo_totp_key(email))).token():06d}"
    device = TOTPDevice.objects.get(user__email=email)
    assert device.verify_token(printed)


def test_demo_refuses_production(settings):
    settings.MODE = "production"
    with pytest.raises(CommandError):
        call_command("demo")
