"""Editors keep the support catalogue, the checklists of understanding and the matrix of their organisation."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from wegwijs.guide import catalogue, selectors
from wegwijs.guide.choices import Form, Kind
from wegwijs.guide.matrix import matrix_defaults
from wegwijs.guide.models import ChecklistItem, MatrixCell, SupportOffering
from wegwijs.guide.tests.factories import ChecklistItemFactory, MatrixCellFactory, SupportOfferingFactory
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory, LocationFactory

pytestmark = pytest.mark.django_db


def offering_post(**overrides):
    data = {
        "form": "guidance_on_location",
        "kind": "walk_in_hour",
        "name": "Inloopspreekuur in de bibliotheek",
        "description": "Vrijwilligers helpen u met de app en het portaal.",
        "channels": ["in_person"],
        "languages": ["nl", "tr", "ar"],
        "hours_tue": "14:00-16:00",
        "levels": ["beginner", "ervaren"],
        "phases": ["start_of_use", "during_use"],
        "phone": "0523 000 111",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def offerings(organisation):
    with scope(organisation=[organisation.pk]):
        return list(selectors.offering_list(organisation=organisation))


@pytest.mark.parametrize("role", [Role.EDITOR, Role.COORDINATOR])
def test_an_editor_or_coordinator_adds_an_offering_with_every_field(organisation, make_staff, role):
    _user, client = make_staff(role, organisation)
    tool = DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    library = LocationFactory(organisations=[organisation], name="Bibliotheek Vechtstad")
    data = offering_post(tools=[str(tool.public_id)], location=str(library.public_id), hours_thu="10-12")
    response = client.post(reverse("guide:offering_new", args=[organisation.slug]), data)
    assert response.status_code == 302
    [offering] = offerings(organisation)
    assert (offering.form, offering.kind, offering.location, offering.is_active) == (
        "guidance_on_location",
        "walk_in_hour",
        library,
        True,
    )
    assert (offering.languages, offering.levels, offering.phases) == (
        ["nl", "tr", "ar"],
        ["beginner", "ervaren"],
        ["start_of_use", "during_use"],
    )
    assert offering.weekly_hours == {"tue": [["14:00", "16:00"]], "thu": [["10:00", "12:00"]]}
    assert [t.name for t in offering.tools.all()] == ["MijnPortaal"]
    page = client.get(response["Location"]).content.decode()
    assert "Inloopspreekuur in de bibliotheek" in page
    assert "Bibliotheek Vechtstad" in page


def test_other_roles_do_not_reach_the_catalogue(organisation, make_staff):
    _user, client = make_staff(Role.AGENT, Role.CARE_PROVIDER, organisation)
    assert client.get(reverse("guide:offerings", args=[organisation.slug])).status_code == 404
    assert client.post(reverse("guide:offering_new", args=[organisation.slug]), offering_post()).status_code == 404
    assert not offerings(organisation)


def test_the_edit_page_shows_the_offering_and_saves_changes(organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    library = LocationFactory(organisations=[organisation])
    offering = SupportOfferingFactory(
        organisation=organisation, location=library, weekly_hours={"wed": [["09:00", "12:00"], ["13:00", "16:00"]]}
    )
    url = reverse("guide:offering_edit", args=[organisation.slug, offering.public_id])
    page = client.get(url).content.decode()
    assert "09:00-12:00, 13:00-16:00" in page
    assert f'value="{library.public_id}" selected' in page
    response = client.post(url, offering_post(name="Nieuwe naam", location="", hours_tue="", is_active=""))
    assert response.status_code == 302
    offering.refresh_from_db()
    assert (offering.name, offering.location, offering.weekly_hours, offering.is_active) == (
        "Nieuwe naam",
        None,
        {},
        False,
    )


def test_stop_offering_and_offer_again_from_the_list(organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    offering = SupportOfferingFactory(organisation=organisation, name="Digituin")
    url = reverse("guide:offering_offered", args=[organisation.slug, offering.public_id])
    assert client.post(url, {"offered": "no"}).status_code == 302
    with scope(organisation=[organisation.pk]):
        assert not selectors.offering_list(organisation=organisation, active_only=True).exists()
    assert "Offer again" in english(client).get(reverse("guide:offerings", args=[organisation.slug])).content.decode()
    client.post(url, {"offered": "yes"})
    offering.refresh_from_db()
    assert offering.is_active
    assert client.get(url).status_code == 405  # a GET never changes anything


def test_validation_errors_are_shown_and_nothing_is_saved(organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    english(client)
    response = client.post(
        reverse("guide:offering_new", args=[organisation.slug]),
        offering_post(name="", hours_tue="14 tot 16", channels=["by_pigeon"], email="geen-adres"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Type the hours like 09:00-12:00, 13:00-17:00." in page
    assert "This field is required." in page
    assert "Select a valid choice. by_pigeon is not one of the available choices." in page
    assert "Enter a valid email address." in page
    assert 'aria-invalid="true"' in page
    assert not offerings(organisation)


def test_a_tool_or_help_point_of_another_organisation_is_refused(organisation, other_organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    english(client)
    foreign_tool = DigitalToolFactory(organisation=other_organisation)
    foreign_place = LocationFactory(organisations=[other_organisation])
    response = client.post(
        reverse("guide:offering_new", args=[organisation.slug]),
        offering_post(tools=[str(foreign_tool.public_id)], location=str(foreign_place.public_id)),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose among the organisation&#x27;s own digital tools." in page
    assert "Choose one of the help points that serve the organisation." in page
    assert not offerings(organisation)


def test_the_service_refuses_a_foreign_tool_or_help_point_too(organisation, other_organisation):
    foreign_tool = DigitalToolFactory(organisation=other_organisation)
    foreign_place = LocationFactory(organisations=[other_organisation])
    base = {"form": Form.INFORMATION, "kind": Kind.INSTRUCTION_VIDEO, "name": "Video"}
    for data in (
        catalogue.OfferingInput(**base, tools=[foreign_tool]),
        catalogue.OfferingInput(**base, location=foreign_place),
        catalogue.OfferingInput(**base, levels=["expert"]),
        catalogue.OfferingInput(**base, weekly_hours={"mon": [["12:00", "09:00"]]}),
    ):
        with scope(organisation=[organisation.pk]), pytest.raises(catalogue.CatalogueRefused):
            catalogue.offering_create(actor=None, organisation=organisation, data=data)
    assert not offerings(organisation)


def test_another_organisations_offering_is_not_found(organisation, other_organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    foreign = SupportOfferingFactory(organisation=other_organisation, name="Elders")
    for name in ("guide:offering_edit", "guide:offering_offered"):
        url = reverse(name, args=[organisation.slug, foreign.public_id])
        assert client.post(url, offering_post(offered="no")).status_code == 404
    foreign.refresh_from_db()
    assert (foreign.name, foreign.is_active) == ("Elders", True)


def test_the_offerings_list_has_no_n_plus_one(organisation, make_staff, count_queries):
    _user, client = make_staff(Role.EDITOR, organisation)
    tools = DigitalToolFactory.create_batch(2, organisation=organisation)
    place = LocationFactory(organisations=[organisation])
    url = reverse("guide:offerings", args=[organisation.slug])
    SupportOfferingFactory.create_batch(2, organisation=organisation, tools=tools, location=place)
    small = count_queries(lambda: client.get(url))
    SupportOfferingFactory.create_batch(30, organisation=organisation, tools=tools, location=place)
    assert count_queries(lambda: client.get(url)) == small <= 12


def test_the_list_says_which_forms_are_not_offered_yet(organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    SupportOfferingFactory(organisation=organisation, form=Form.INFORMATION)
    SupportOfferingFactory(organisation=organisation, form=Form.TRAINING, is_active=False)
    page = english(client).get(reverse("guide:offerings", args=[organisation.slug])).content.decode()
    assert "Nothing offered yet for: Personal guidance on location, Helpdesk, Training." in page


# --- the matrix ---------------------------------------------------------------------------------------


def matrix_post(organisation, language="nl", **changes):
    """The matrix form as shown (the defaults), with some cells changed: {(phase, level): (advice, forms)}."""
    with scope(organisation=[organisation.pk]):
        entries = selectors.matrix_for(organisation=organisation, language=language)
    data = {}
    for (phase, level), entry in entries.items():
        advice, forms = changes.get(f"{phase}__{level}", (entry.advice, entry.forms))
        data[f"{phase}__{level}__advice"] = advice.replace("\n", "\r\n")  # as a browser sends a text area
        data[f"{phase}__{level}__forms"] = forms
    return data


def test_saving_the_matrix_unchanged_stores_nothing(organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    url = reverse("guide:matrix", args=[organisation.slug]) + "?language=en"
    page = client.get(url).content.decode()
    english_default = matrix_defaults("en")[("before_visit", "beginner")].advice
    assert english_default.split(",")[0] in page
    assert client.post(url, matrix_post(organisation, "en")).status_code == 302
    with scopes_disabled():
        assert not MatrixCell.objects.exists()


def test_only_changed_cells_are_stored_and_an_empty_advice_brings_back_the_default(organisation, make_staff):
    editor, client = make_staff(Role.EDITOR, organisation)
    url = reverse("guide:matrix", args=[organisation.slug]) + "?language=nl"
    default = matrix_defaults("nl")[("start_of_use", "beginner")]
    changed = {"start_of_use__beginner": ("Kom naar de Digituin in de hal.", ["helpdesk", default.forms[0]])}
    assert client.post(url, matrix_post(organisation, **changed)).status_code == 302
    with scopes_disabled():
        [cell] = MatrixCell.objects.all()
    assert (cell.phase, cell.level, cell.language, cell.advice, cell.updated_by) == (
        "start_of_use",
        "beginner",
        "nl",
        "Kom naar de Digituin in de hal.",
        editor,
    )
    assert cell.forms == [default.forms[0], "helpdesk"]  # the cell's order kept, a new form after it
    with scope(organisation=[organisation.pk]):
        entries = selectors.matrix_for(organisation=organisation, language="nl")
    assert entries[("start_of_use", "beginner")].is_own
    assert not entries[("start_of_use", "ervaren")].is_own
    assert client.post(url, matrix_post(organisation, start_of_use__beginner=("", []))).status_code == 302
    with scopes_disabled():
        assert not MatrixCell.objects.exists()


def test_typing_the_default_again_removes_the_own_cell(organisation):
    MatrixCellFactory(organisation=organisation, phase="during_use", level="gevorderd", language="nl")
    default = matrix_defaults("nl")[("during_use", "gevorderd")]
    with scope(organisation=[organisation.pk]):
        kept = catalogue.matrix_save(
            actor=None,
            organisation=organisation,
            language="nl",
            cells={
                ("during_use", "gevorderd"): catalogue.CellInput(advice=f" {default.advice}\r\n", forms=default.forms)
            },
        )
    assert kept == 0


def test_an_advice_without_forms_is_refused(organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    english(client)
    url = reverse("guide:matrix", args=[organisation.slug]) + "?language=nl"
    response = client.post(url, matrix_post(organisation, after_use__ervaren=("Eigen advies.", [])))
    assert response.status_code == 400
    assert "Choose at least one form of support that helps." in response.content.decode()
    with scopes_disabled():
        assert not MatrixCell.objects.exists()


def test_the_matrix_in_arabic_is_written_right_to_left(organisation, make_staff):
    _user, client = make_staff(Role.COORDINATOR, organisation)
    page = client.get(reverse("guide:matrix", args=[organisation.slug]), {"language": "ar"}).content.decode()
    assert 'lang="ar" dir="rtl"' in page


# --- the checklists -----------------------------------------------------------------------------------


def test_an_editor_keeps_the_checklist_per_tool_and_language(organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    portal = DigitalToolFactory(organisation=organisation, name="MijnPortaal")
    url = reverse("guide:checklists", args=[organisation.slug]) + "?language=en"
    data = {
        "every_tool": "You know who to call\n\n",
        f"tool_{portal.public_id}": "You can log in\r\nYou can read results",
    }
    assert client.post(url, data).status_code == 302
    with scopes_disabled():
        ordered = ChecklistItem.objects.order_by(F("tool_id").asc(nulls_first=True), "position")
        rows = list(ordered.values_list("tool_id", "language", "text"))
    assert rows == [
        (None, "en", "You know who to call"),
        (portal.pk, "en", "You can log in"),
        (portal.pk, "en", "You can read results"),
    ]
    assert "You can read results" in client.get(url).content.decode()
    client.post(url, {"every_tool": "", f"tool_{portal.public_id}": "Only this"})
    with scopes_disabled():
        assert list(ChecklistItem.objects.values_list("text", flat=True)) == ["Only this"]


def test_a_point_that_is_too_long_is_refused(organisation, make_staff):
    _user, client = make_staff(Role.EDITOR, organisation)
    english(client)
    response = client.post(reverse("guide:checklists", args=[organisation.slug]), {"every_tool": "x" * 301})
    assert response.status_code == 400
    assert "A point is at most 300 characters" in response.content.decode()


def test_the_checklist_falls_back_to_dutch_then_to_the_points_for_every_tool(organisation, other_organisation):
    portal, app, video = DigitalToolFactory.create_batch(3, organisation=organisation)
    ChecklistItemFactory(organisation=organisation, tool=portal, language="en", text="Portal en")
    ChecklistItemFactory(organisation=organisation, tool=portal, language="nl", text="Portaal nl")
    ChecklistItemFactory(organisation=organisation, tool=app, language="nl", text="App nl")
    ChecklistItemFactory(organisation=organisation, tool=None, language="tr", text="Hepsi tr")
    ChecklistItemFactory(organisation=organisation, tool=None, language="nl", text="Alles nl")
    ChecklistItemFactory(organisation=other_organisation, tool=None, language="en", text="Elders")
    with scope(organisation=[organisation.pk]):

        def points(tool, language):
            return selectors.checklist_for(organisation=organisation, tool=tool, language=language)

        assert points(portal, "en") == ["Portal en"]
        assert points(app, "en") == ["App nl"]
        assert points(video, "tr") == ["Hepsi tr"]
        assert points(video, "en") == ["Alles nl"]
        assert points(None, "ar") == ["Alles nl"]


# --- the demo ---------------------------------------------------------------------------------------


def test_the_demo_catalogue_covers_every_form_and_reloads_without_duplicates():
    call_command("demo", "--quiet-logins")
    with scopes_disabled():
        first = SupportOffering.objects.count(), ChecklistItem.objects.count()
        forms = set(
            SupportOffering.objects.filter(organisation__slug="ziekenhuis-vechtdal").values_list("form", flat=True)
        )
        kinds = set(SupportOffering.objects.values_list("kind", flat=True))
        walk_in = SupportOffering.objects.get(organisation__slug="ziekenhuis-vechtdal", kind=Kind.WALK_IN_HOUR)
        english_points = ChecklistItem.objects.filter(language="en", tool__isnull=False).count()
    assert forms == set(Form.values)
    assert kinds == set(Kind.values)
    assert {"nl", "tr", "ar"} <= set(walk_in.languages)
    assert walk_in.location is not None
    assert walk_in.weekly_hours
    assert english_points > 0
    call_command("demo", "--quiet-logins")
    with scopes_disabled():
        assert (SupportOffering.objects.count(), ChecklistItem.objects.count()) == first
