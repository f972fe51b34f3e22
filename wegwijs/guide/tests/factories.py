import factory
from django_scopes import scopes_disabled

from wegwijs.guide.choices import Channel, Form, Kind
from wegwijs.guide.models import ChecklistItem, MatrixCell, SupportOffering
from wegwijs.tenancy.models import DigitalTool
from wegwijs.tenancy.tests.factories import OrganisationFactory


class SupportOfferingFactory(factory.django.DjangoModelFactory):
    """An offering; `tools=[...]` sets its tools (of the same organisation)."""

    class Meta:
        model = SupportOffering
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    form = Form.INFORMATION
    kind = Kind.INSTRUCTION_VIDEO
    name = factory.Sequence(lambda number: f"Instructievideo {number}")
    description = "Korte video's over inloggen en berichten sturen."
    channels = factory.LazyFunction(lambda: [Channel.ONLINE.value])
    languages = factory.LazyFunction(lambda: ["nl"])
    url = "https://video.example.test/portaal"

    @factory.post_generation
    def tools(self, create: bool, extracted: list[DigitalTool] | None, **kwargs: object) -> None:
        if create and extracted:
            with scopes_disabled():
                self.tools.set(extracted)


class MatrixCellFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatrixCell

    organisation = factory.SubFactory(OrganisationFactory)
    phase = "start_of_use"
    level = "beginner"
    language = "nl"
    advice = "Kom naar de Digituin: een vrijwilliger helpt u stap voor stap."
    forms = factory.LazyFunction(lambda: [Form.GUIDANCE_ON_LOCATION.value])


class ChecklistItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    organisation = factory.SubFactory(OrganisationFactory)
    tool = None
    language = "nl"
    text = factory.Sequence(lambda number: f"U weet hoe u inlogt ({number})")
    position = factory.Sequence(lambda number: number)
