import pytest
from django_scopes import ScopeError, scopes_disabled

from wegwijs.accounts.models import User
from wegwijs.audit.models import AccessLogEntry
from wegwijs.core.errors import NotFound
from wegwijs.tenancy.models import Department
from wegwijs.tenancy.scope import AccessContext, access_scope, person_record_get, person_records_listed
from wegwijs.tenancy.tests.factories import DepartmentFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def context_for(*organisations, role="agent"):
    return AccessContext(
        channel="page",
        context="/test/",
        grants={org.pk: frozenset({role}) for org in organisations},
        actor_label="tester@wegwijs.test",
    )


def test_query_on_organisation_data_without_a_scope_raises(organisation):
    DepartmentFactory(organisation=organisation)
    with pytest.raises(ScopeError):
        list(Department.objects.all())


def test_scope_shows_only_the_granted_organisations(organisation, other_organisation):
    mine = DepartmentFactory(organisation=organisation)
    DepartmentFactory(organisation=other_organisation)
    with access_scope(context_for(organisation)):
        assert list(Department.objects.all()) == [mine]


def test_empty_scope_shows_nothing(organisation):
    DepartmentFactory(organisation=organisation)
    with access_scope(context_for()):
        assert list(Department.objects.all()) == []


def test_reading_a_person_record_writes_exactly_one_access_log_entry(organisation):
    membership = MembershipFactory(organisation=organisation)
    with access_scope(context_for(organisation, role="coordinator")):
        person_record_get(
            User.objects.all(),
            public_id=membership.user.public_id,
            record_type="staff_member",
            organisation_id=organisation.pk,
        )
    with scopes_disabled():
        entries = list(AccessLogEntry.objects.all())
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.organisation_id, entry.action, entry.record_id, entry.role, entry.actor_label) == (
        organisation.pk,
        "view",
        str(membership.user.public_id),
        "coordinator",
        "tester@wegwijs.test",
    )


def test_a_record_of_another_organisation_is_not_found_and_not_logged(organisation, other_organisation):
    membership = MembershipFactory(organisation=other_organisation)
    with access_scope(context_for(organisation)), pytest.raises(NotFound):
        person_record_get(
            User.objects.all(),
            public_id=membership.user.public_id,
            record_type="staff_member",
            organisation_id=other_organisation.pk,
        )
    with scopes_disabled():
        assert AccessLogEntry.objects.count() == 0


def test_listing_person_records_logs_one_entry_per_organisation_with_the_count(organisation, other_organisation):
    rows = [DepartmentFactory(organisation=organisation) for _ in range(3)] + [
        DepartmentFactory(organisation=other_organisation)
    ]
    with access_scope(context_for(organisation, other_organisation)):
        person_records_listed(rows, record_type="department")
    with scopes_disabled():
        counts = dict(AccessLogEntry.objects.values_list("organisation_id", "record_count"))
    assert counts == {organisation.pk: 3, other_organisation.pk: 1}
