import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from wegwijs.audit.models import AccessLogEntry
from wegwijs.helpdesk import selectors, views
from wegwijs.helpdesk.choices import Priority, Status
from wegwijs.helpdesk.models import Message, Ticket, TicketEvent
from wegwijs.helpdesk.tests.factories import MessageFactory, TicketFactory
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory

pytestmark = pytest.mark.django_db


def log_entries():
    with scopes_disabled():
        return list(AccessLogEntry.objects.order_by("id"))


def test_inbox_shows_the_questions_of_the_agents_organisations_only(organisation, other_organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    mine = TicketFactory(organisation=organisation, subject="Inloggen lukt niet")
    TicketFactory(organisation=other_organisation, subject="Vraag van elders")
    page = client.get(reverse("helpdesk:inbox")).content.decode()
    assert mine.subject in page
    assert "Vraag van elders" not in page
    assert [(entry.action, entry.record_count) for entry in log_entries()] == [("list", 1)]


def test_inbox_views_filter_and_count(organisation, make_staff):
    agent, client = make_staff(Role.AGENT, organisation)
    TicketFactory(organisation=organisation, assignee=agent, subject="Voor mij")
    TicketFactory(organisation=organisation, priority=Priority.URGENT, subject="Spoed")
    TicketFactory(organisation=organisation, status=Status.CLOSED, subject="Klaar")
    TicketFactory(organisation=organisation, language="tr", subject="Turks")
    response = client.get(reverse("helpdesk:inbox"), {"view": "mine"})
    counts = dict(response.context["views"])
    assert counts == {
        "mine": "1",
        "unassigned": "2",
        "my_teams": "0",
        "urgent": "1",
        "overdue": "0",
        "callbacks": "0",
        "all_open": "3",
        "closed": "1",
    }
    assert [ticket.subject for ticket in response.context["page"]] == ["Voor mij"]
    urgent_first = client.get(reverse("helpdesk:inbox")).context["page"]
    assert urgent_first[0].subject == "Spoed"
    turkish = client.get(reverse("helpdesk:inbox"), {"language": "tr"}).context["page"]
    assert [ticket.subject for ticket in turkish] == ["Turks"]


def test_inbox_filters_by_organisation_channel_route_and_topic_and_sorts(organisation, other_organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation, other_organisation)
    TicketFactory(organisation=organisation, channel="email", route="helpdesk", topic="login", subject="Mail login")
    TicketFactory(organisation=organisation, channel="phone", route="privacy", subject="Telefoon privacy")
    TicketFactory(
        organisation=other_organisation, channel="email", route="helpdesk", topic="video_call", subject="Beeld"
    )

    def subjects(**query):
        return [ticket.subject for ticket in client.get(reverse("helpdesk:inbox"), query).context["page"]]

    assert subjects(channel="email", sort="oldest") == ["Mail login", "Beeld"]
    assert subjects(channel="email", sort="newest") == ["Beeld", "Mail login"]
    assert subjects(route="privacy") == ["Telefoon privacy"]
    assert subjects(topic="video_call") == ["Beeld"]
    assert subjects(organisation=other_organisation.slug) == ["Beeld"]
    tabs = client.get(reverse("helpdesk:inbox"), {"channel": "email", "sort": "newest"}).content.decode()
    assert "?view=mine&amp;channel=email&amp;sort=newest" in tabs  # a view tab keeps the filters


def test_inbox_pages_merge_the_organisations_in_one_order(organisation, other_organisation, make_staff, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    _agent, client = make_staff(Role.AGENT, organisation, other_organisation)
    for number, (owner, priority) in enumerate(
        [
            (organisation, "normal"),
            (other_organisation, "normal"),
            (organisation, "low"),
            (other_organisation, "urgent"),
        ]
    ):
        TicketFactory(organisation=owner, priority=priority, subject=f"Vraag {number}")
    pages = [client.get(reverse("helpdesk:inbox"), {"page": number}).context["page"] for number in (1, 2)]
    assert [[ticket.subject for ticket in page] for page in pages] == [["Vraag 3", "Vraag 0"], ["Vraag 1", "Vraag 2"]]
    assert [(page.has_previous, page.has_next) for page in pages] == [(False, True), (True, False)]


def test_htmx_gets_only_the_inbox_part_and_a_message_for_the_live_region(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    TicketFactory(organisation=organisation, subject="Via htmx")
    full = client.get(reverse("helpdesk:inbox")).content.decode()
    part = client.get(reverse("helpdesk:inbox"), headers={"HX-Request": "true"}).content.decode()
    assert "<html" in full
    assert "<html" not in part
    assert 'id="inbox"' in part
    assert "Via htmx" in part
    assert 'id="ww-live" hx-swap-oob="innerHTML"' in part


def test_inbox_has_no_n_plus_one(organisation, make_staff, count_queries):
    agent, client = make_staff(Role.AGENT, organisation)
    TicketFactory.create_batch(2, organisation=organisation, assignee=agent)
    small = count_queries(lambda: client.get(reverse("helpdesk:inbox")))
    TicketFactory.create_batch(30, organisation=organisation, assignee=agent)
    assert count_queries(lambda: client.get(reverse("helpdesk:inbox"))) == small <= 21


def test_opening_a_question_writes_exactly_one_access_log_entry(organisation, make_staff):
    agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    MessageFactory(ticket=ticket, body="Mijn pincode werkt niet")
    page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id]))
    assert "Mijn pincode werkt niet" in page.content.decode()
    (entry,) = log_entries()
    assert (entry.actor_id, entry.action, entry.record_type, entry.record_id, entry.role) == (
        agent.pk,
        "view",
        "ticket",
        str(ticket.public_id),
        "agent",
    )


@pytest.mark.parametrize(
    ("action", "data"),
    [("assign", {"assign-assignee": ""}), ("classify", {"classify-route": "privacy"}), ("note", {"note-body": "x"})],
)
def test_a_change_on_the_question_reads_it_once_in_the_access_log(organisation, make_staff, action, data):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    assert client.post(reverse(f"helpdesk:{action}", args=[ticket.public_id]), data).status_code == 302
    assert [(entry.action, entry.record_id) for entry in log_entries()] == [("view", str(ticket.public_id))]


def test_ticket_page_has_no_n_plus_one(organisation, make_staff, count_queries):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    url = reverse("helpdesk:ticket", args=[ticket.public_id])
    MessageFactory(ticket=ticket)
    small = count_queries(lambda: client.get(url))
    MessageFactory.create_batch(20, ticket=ticket)
    assert count_queries(lambda: client.get(url)) == small <= 20


def test_agent_replies_notes_changes_status_priority_and_assigns(organisation, make_staff):
    agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation)
    base = reverse("helpdesk:ticket", args=[ticket.public_id])
    assert client.post(f"{base}reply/", {"reply-body": "Probeer dit eens."}).status_code == 302
    assert client.post(f"{base}note/", {"note-body": "Leverancier gebeld."}).status_code == 302
    assert client.post(f"{base}priority/", {"priority-priority": "high"}).status_code == 302
    assert client.post(f"{base}assign/", {"assign-assignee": str(agent.public_id)}).status_code == 302
    assert client.post(f"{base}status/", {"status-status": "resolved"}).status_code == 302
    with scopes_disabled():
        ticket.refresh_from_db()
        kinds = sorted(Message.objects.filter(ticket=ticket).values_list("kind", flat=True))
    assert (ticket.status, ticket.priority, ticket.assignee) == (Status.RESOLVED, Priority.HIGH, agent)
    assert kinds == ["note", "outbound"]


def test_agent_corrects_route_topic_and_tool_and_each_change_is_on_the_timeline(organisation, make_staff):
    agent, client = make_staff(Role.AGENT, organisation)
    tool = DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    ticket = TicketFactory(organisation=organisation, route="general_digital", topic="")
    url = reverse("helpdesk:classify", args=[ticket.public_id])
    data = {"classify-route": "helpdesk", "classify-topic": "login", "classify-tool": str(tool.public_id)}
    assert client.post(url, data).status_code == 302
    with scopes_disabled():
        ticket.refresh_from_db()
        events = list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", "before", "after", "actor"))
    assert (ticket.route, ticket.topic, ticket.tool) == ("helpdesk", "login", tool)
    assert sorted(events) == [
        ("route", "general_digital", "helpdesk", agent.pk),
        ("tool", "", "MijnPortaal", agent.pk),
        ("topic", "", "login", agent.pk),
    ]
    page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).content.decode()
    assert "<dd>Inloggen</dd>" in page  # the topic's Dutch label in the details


def test_a_topic_only_stays_on_helpdesk_questions_and_urgent_raises_the_priority(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation, route="helpdesk", topic="login")
    url = reverse("helpdesk:classify", args=[ticket.public_id])
    client.post(url, {"classify-route": "urgent", "classify-topic": "login"})
    with scopes_disabled():
        ticket.refresh_from_db()
    assert (ticket.route, ticket.topic, ticket.priority) == ("urgent", "", Priority.URGENT)


def test_a_tool_of_another_organisation_cannot_be_chosen(organisation, other_organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    foreign = DigitalToolFactory(organisation=other_organisation)
    ticket = TicketFactory(organisation=organisation)
    url = reverse("helpdesk:classify", args=[ticket.public_id])
    response = client.post(url, {"classify-route": "helpdesk", "classify-tool": str(foreign.public_id)})
    assert response.status_code == 400
    with scopes_disabled():
        ticket.refresh_from_db()
        assert ticket.tool is None


def test_an_impossible_change_shows_the_reason_and_changes_nothing(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation, status=Status.CLOSED)
    response = client.post(reverse("helpdesk:status", args=[ticket.public_id]), {"status-status": "resolved"})
    assert response.status_code == 400
    assert client.post(reverse("helpdesk:reply", args=[ticket.public_id]), {"reply-body": "Hallo"}).status_code == 400
    with scopes_disabled():
        assert Ticket.objects.get(pk=ticket.pk).status == Status.CLOSED
        assert not Message.objects.filter(ticket=ticket).exists()


def test_care_provider_route_warns_against_answering_medical_content(organisation, make_staff):
    _agent, client = make_staff(Role.AGENT, organisation)
    ticket = TicketFactory(organisation=organisation, route="care_provider")
    page = client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).content.decode()
    assert 'role="note"' in page


@pytest.mark.parametrize("role", [Role.EDITOR, Role.ANALYST, Role.VOLUNTEER, Role.CARE_PROVIDER])
def test_only_agents_and_coordinators_work_the_inbox(organisation, make_staff, role):
    _user, client = make_staff(role, organisation)
    ticket = TicketFactory(organisation=organisation)
    assert client.get(reverse("helpdesk:ticket", args=[ticket.public_id])).status_code == 404
    page = client.get(reverse("helpdesk:inbox"))
    assert ticket.subject not in page.content.decode()


def test_large_counts_stop_at_the_cap(organisation, make_staff, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    _agent, client = make_staff(Role.AGENT, organisation)
    TicketFactory.create_batch(3, organisation=organisation)
    counts = dict(client.get(reverse("helpdesk:inbox")).context["views"])
    assert (counts["all_open"], counts["closed"]) == ("2+", "0")
