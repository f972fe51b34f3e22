import csv
import datetime as dt
import io

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse
from django_scopes import scopes_disabled

from wegwijs.audit.export import access_log_csv
from wegwijs.audit.models import AccessLogEntry, AppendOnlyError
from wegwijs.audit.services import access_log_purge
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def entries():
    with scopes_disabled():
        return list(AccessLogEntry.objects.order_by("id"))


@pytest.fixture
def one_entry(organisation, make_staff):
    member = MembershipFactory(organisation=organisation, role=Role.AGENT).user
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    client.get(reverse("tenancy:team_member", args=[organisation.slug, member.public_id]))
    return entries()[0]


def test_opening_a_staff_members_record_writes_exactly_one_entry(organisation, make_staff):
    member = MembershipFactory(organisation=organisation, role=Role.AGENT).user
    coordinator, client = make_staff(Role.COORDINATOR, organisation)
    response = client.get(reverse("tenancy:team_member", args=[organisation.slug, member.public_id]))
    assert response.status_code == 200
    logged = entries()
    assert len(logged) == 1
    entry = logged[0]
    assert (
        entry.actor_id,
        entry.organisation_id,
        entry.role,
        entry.action,
        entry.record_type,
        entry.record_id,
        entry.channel,
    ) == (coordinator.pk, organisation.pk, "coordinator", "view", "staff_member", str(member.public_id), "page")
    assert entry.context == f"/staff/org/{organisation.slug}/team/{member.public_id}/"


def test_the_team_list_is_logged_once_with_its_count(organisation, make_staff):
    for _ in range(3):
        MembershipFactory(organisation=organisation, role=Role.VOLUNTEER)
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    client.get(reverse("tenancy:team", args=[organisation.slug]))
    logged = entries()
    assert [(entry.action, entry.record_count) for entry in logged] == [("list", 4)]


def test_an_entry_cannot_be_changed_or_deleted_through_django(one_entry):
    one_entry.reason = "changed"
    with pytest.raises(AppendOnlyError):
        one_entry.save()
    with pytest.raises(AppendOnlyError):
        one_entry.delete()
    with scopes_disabled(), pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().update(reason="x")
    with scopes_disabled(), pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_accesslogentry SET reason = 'x'", "DELETE FROM audit_accesslogentry"]
)
def test_the_database_refuses_changes_that_go_around_django(one_entry, statement):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert entries()[0].reason == ""


def test_platform_admin_sees_filters_and_exports_the_log(one_entry, make_staff):
    _admin, client = make_staff(platform_admin=True)
    page = client.get(reverse("audit:access_log"), {"actor": one_entry.actor_label})
    assert page.status_code == 200
    assert one_entry.record_id in page.content.decode()
    assert one_entry.record_id not in client.get(reverse("audit:access_log"), {"actor": "nobody"}).content.decode()
    export = client.get(reverse("audit:access_log_export"))
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert [row["record_id"] for row in rows] == [one_entry.record_id]
    # The export itself is an access to person data and is logged.
    assert entries()[-1].action == "export"


def test_the_log_is_closed_to_organisation_staff(organisation, make_staff):
    _coordinator, client = make_staff(Role.COORDINATOR, organisation)
    assert client.get(reverse("audit:access_log")).status_code == 404


def test_platform_admin_can_open_every_admin_list_and_add_page(make_staff, organisation):
    _admin, client = make_staff(platform_admin=True)
    request = RequestFactory().get("/")
    request.user = _admin
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        assert client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")).status_code == 200
        add_page = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
        assert add_page.status_code == (200 if model_admin.has_add_permission(request) else 403)
    assert not admin.site._registry[AccessLogEntry].has_add_permission(request)


def test_csv_cells_never_become_spreadsheet_formulas(one_entry):
    one_entry.actor_label = '=HYPERLINK("http://evil")'
    rows = list(csv.DictReader(io.StringIO(access_log_csv([one_entry]))))
    assert rows[0]["actor"] == '\'=HYPERLINK("http://evil")'


def test_retention_purge_removes_old_entries_logs_itself_and_keeps_the_log_append_only(one_entry):
    with scopes_disabled():
        AccessLogEntry.objects.create(
            organisation_id=one_entry.organisation_id,
            actor_label="x",
            role="",
            action="view",
            record_type="t",
            channel="page",
            context="/",
            reason="recent",
        )
    deleted = access_log_purge(before=one_entry.at + dt.timedelta(microseconds=1))
    assert deleted == 1
    logged = entries()
    assert logged[0].reason == "recent"
    assert logged[-1].action == "delete"
    assert logged[-1].record_count == 1
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_accesslogentry")


def test_purge_command_refuses_a_short_retention():
    with pytest.raises(CommandError):
        call_command("access-log-purge", "--older-than-days", "30")
