"""Fixtures shared by every app's tests: organisations, signed-in staff clients, a real SMTP server."""

from __future__ import annotations

import email
import socket
from collections.abc import Callable, Iterator
from email import policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wegwijs.accounts.models import User
from wegwijs.accounts.tests.factories import UserFactory, signed_in_client
from wegwijs.audit import triggers
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import MembershipFactory, OrganisationFactory


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="ziekenhuis-a", name="Ziekenhuis A")


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="huisarts-b", name="Huisartsen B")


StaffFactory = Callable[..., tuple[User, Client]]


@pytest.fixture
def make_staff(db: None) -> StaffFactory:
    """make_staff(Role.AGENT, organisation) -> (user, client signed in with a second factor)."""

    def make(*roles_and_organisations: Role | Organisation, platform_admin: bool = False) -> tuple[User, Client]:
        user = UserFactory(is_platform_admin=platform_admin, is_staff=platform_admin, is_superuser=platform_admin)
        roles = [item for item in roles_and_organisations if isinstance(item, str)]
        organisations = [item for item in roles_and_organisations if isinstance(item, Organisation)]
        for organisation in organisations:
            for role in roles:
                MembershipFactory(organisation=organisation, user=user, role=role)
        return user, signed_in_client(user)

    return make


@pytest.fixture
def count_queries() -> Callable[[Callable[[], object]], int]:
    """count_queries(lambda: client.get(url)) -> the number of database queries the call made."""

    def count(action: Callable[[], object]) -> int:
        with CaptureQueriesContext(connection) as captured:
            action()
        return len(captured)

    return count


class Inbox(Message):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[email.message.EmailMessage] = []

    def handle_message(self, message) -> None:  # type: ignore[override]
        self.messages.append(email.message_from_string(message.as_string(), policy=policy.default))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings: Any) -> Iterator[Inbox]:
    """A real SMTP server (aiosmtpd) on a free loopback port; Django sends to it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


@pytest.fixture
def clean_access_log_after_test(transactional_db: None) -> Iterator[None]:
    """Transactional tests end by emptying every table; the append-only access log must be emptied first.

    Depends on transactional_db, so this teardown runs before its flush.
    """
    yield
    with connection.cursor() as cursor:
        triggers.run(connection, triggers.DROP)
        cursor.execute(f"DELETE FROM {triggers.TABLE}")
        triggers.run(connection, triggers.CREATE)
