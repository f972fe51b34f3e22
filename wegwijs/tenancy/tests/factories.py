import factory

from wegwijs.accounts.tests.factories import UserFactory
from wegwijs.tenancy.models import Department, DigitalTool, Location, Membership, Organisation
from wegwijs.tenancy.roles import Role


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda number: f"organisation-{number}")
    name = factory.Sequence(lambda number: f"Zorgorganisatie {number}")
    contact_phone = "0523 000 000"
    contact_email = factory.LazyAttribute(lambda organisation: f"help@{organisation.slug}.test")
    contact_phone_hours = factory.LazyFunction(
        lambda: {day: [["08:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
    )


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    organisation = factory.SubFactory(OrganisationFactory)
    slug = factory.Sequence(lambda number: f"afdeling-{number}")
    name = factory.Sequence(lambda number: f"Afdeling {number}")
    referral_contact_name = "Secretariaat"
    referral_email = "secretariaat@example.test"


class DigitalToolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigitalTool

    organisation = factory.SubFactory(OrganisationFactory)
    slug = factory.Sequence(lambda number: f"tool-{number}")
    kind = "portal"
    name = factory.Sequence(lambda number: f"Portaal {number}")
    login_url = "https://portaal.example.test"


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda number: f"locatie-{number}")
    name = factory.Sequence(lambda number: f"Infohuis {number}")
    street = "Markt 1"
    postcode = "7771 AB"
    city = "Vechtstad"
    postcode_ranges = factory.LazyFunction(lambda: [[7770, 7799]])
    weekly_hours = factory.LazyFunction(lambda: {"mon": [["09:00", "12:00"]], "wed": [["13:00", "16:00"]]})
    languages = factory.LazyFunction(lambda: ["nl", "en"])

    @factory.post_generation
    def organisations(self, create: bool, extracted: list[Organisation] | None, **kwargs: object) -> None:
        if create and extracted:
            self.organisations.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.AGENT
