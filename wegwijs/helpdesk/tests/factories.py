import factory

from wegwijs.helpdesk.choices import Channel, MessageKind
from wegwijs.helpdesk.models import Message, Ticket
from wegwijs.tenancy.tests.factories import OrganisationFactory


class TicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ticket

    organisation = factory.SubFactory(OrganisationFactory)
    number = factory.Sequence(lambda number: number + 1)
    channel = Channel.WEB
    language = "nl"
    subject = factory.Sequence(lambda number: f"Ik kan niet inloggen op het portaal ({number})")
    requester_name = factory.Faker("name", locale="nl_NL")
    requester_email = factory.Sequence(lambda number: f"patient{number}@example.test")


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    ticket = factory.SubFactory(TicketFactory)
    organisation = factory.SelfAttribute("ticket.organisation")
    kind = MessageKind.INBOUND
    channel = Channel.WEB
    body = "Ik krijg steeds een foutmelding bij het inloggen."
