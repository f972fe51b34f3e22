"""The consult produces a personal support plan: stored with its choices (no BSN), a journey started, reached
through a private link, printed as a PDF (read back with pdftotext, QR codes decoded with zbarimg), e-mailed
as a link only, and in Arabic laid out right to left."""

import datetime as dt
import html
import subprocess
import zoneinfo
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from wegwijs.audit.models import AccessLogEntry
from wegwijs.guide import plans
from wegwijs.guide.choices import Channel, Form, Kind
from wegwijs.guide.models import Assessment, Enrollment, SupportPlan
from wegwijs.guide.tests.factories import ChecklistItemFactory, SupportOfferingFactory
from wegwijs.guide.tests.plan_factories import SupportPlanFactory
from wegwijs.knowledge.models import Article
from wegwijs.knowledge.tests.test_handout import tool  # the poppler / zbar tools, or a clear failure
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.tests.factories import DigitalToolFactory, LocationFactory

pytestmark = pytest.mark.django_db

BSN = "111222333"  # passes the 11-proef
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def portal(organisation):
    return DigitalToolFactory(organisation=organisation, name="MijnPortaal", supplier_helpdesk_phone="0800 7777")


@pytest.fixture
def catalogue(organisation, portal):
    infohuis = LocationFactory(
        organisations=[organisation],
        name="Infohuis Markt",
        street="Markt 1",
        postcode="7771 AB",
        city="Vechtstad",
        weekly_hours={"mon": [["09:00", "12:00"]], "wed": [["13:00", "16:00"]]},
    )
    return {
        "digituin": SupportOfferingFactory(
            organisation=organisation,
            form=Form.GUIDANCE_ON_LOCATION,
            kind=Kind.DIGITUIN,
            name="Digituin Vechtdal",
            channels=[Channel.IN_PERSON, Channel.PHONE],
            languages=["nl", "ar"],
            location=infohuis,
            phone="0523 111 222",
            url="",
        ),
        "video": SupportOfferingFactory(
            organisation=organisation,
            name="Video's MijnPortaal",
            languages=["nl", "ar"],
            url="https://video.example.test/mijnportaal",
            tools=[portal],
        ),
        "helpdesk": SupportOfferingFactory(
            organisation=organisation,
            form=Form.HELPDESK,
            kind=Kind.SUPPLIER_HELPDESK,
            name="Helpdesk MijnPortaal",
            channels=[Channel.PHONE],
            phone="0800 1234",
            url="",
            weekly_hours={day: [["08:30", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")},
        ),
        "training": SupportOfferingFactory(
            organisation=organisation, form=Form.TRAINING, kind=Kind.SKILLS_TRAINING, name="Klik en Tik", url=""
        ),
    }


@pytest.fixture
def article(organisation):
    """A published help page with its Arabic translation."""
    original = None
    for language, title in (("nl", "Wachtwoord vergeten"), ("ar", "نسيت كلمة المرور")):
        created = Article.objects.create(
            organisation=organisation,
            slug="wachtwoord-vergeten",
            language=language,
            title=title,
            body=f"{title}: 1, 2, 3.",
            status="published",
            translation_of=original,
        )
        original = original or created
    return original


@pytest.fixture
def provider(make_staff, organisation):
    return make_staff(Role.CARE_PROVIDER, organisation)


def dutch(text: str) -> str:
    """What a Dutch page shows for an English msgid (the staff and the person here read Dutch)."""
    with translation.override("nl"):
        return gettext(text)


def consult_url(organisation, **situation: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in situation.items())
    return f"{reverse('guide:consult', args=[organisation.slug])}?{query}"


def situation(portal, language: str = "nl") -> dict[str, str]:
    return {"level": "beginner", "phase": "start_of_use", "tool": str(portal.public_id), "language": language}


def make_plan(client: Client, organisation, portal, catalogue, *, language="nl", **extra) -> SupportPlan:
    url = consult_url(organisation, **situation(portal, language))
    data = {
        "action": "make",
        "offerings": [str(catalogue["digituin"].public_id), str(catalogue["video"].public_id)],
        "articles": ["wachtwoord-vergeten"] if Article.objects.filter(slug="wachtwoord-vergeten").exists() else [],
        "check_0": "understood",
        "check_1": "needs_help",
        "person_label": f"Fatima {BSN}",
        "note": f"Bel de Digituin voor een afspraak. BSN {BSN}.",
        **extra,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["plan_form"].errors
    with scopes_disabled():
        return SupportPlan.objects.get(organisation=organisation)


def private_url(plan: SupportPlan, name: str = "plan:plan") -> str:
    return reverse(name, args=[plan.organisation.slug, plans.plan_token(plan)])


def test_the_consult_shows_the_advice_with_the_recommended_offerings_ticked(organisation, portal, catalogue, provider):
    _user, client = provider
    response = client.get(consult_url(organisation, **situation(portal)))
    page = response.content.decode()
    assert response.status_code == 200
    for offering in catalogue.values():
        assert offering.name.replace("'", "&#x27;") in page
    digituin = str(catalogue["digituin"].public_id)
    assert f'value="{digituin}" id="offering-1" checked' in page  # recommended first, ticked
    assert f'value="{catalogue["training"].public_id}" id="offering-4">' in page  # the rest, not ticked
    assert dutch("I can log in on my own.") in page  # the shipped checklist (no own points for this tool)


def test_the_consult_finds_a_self_check_by_its_short_code(organisation, portal, catalogue, provider):
    _user, client = provider
    with scopes_disabled():
        assessment = Assessment.objects.create(
            organisation=organisation, language="tr", score=3, level="ervaren", preferred_way="phone"
        )
    code = assessment.public_id.hex[:8].upper()
    response = client.get(consult_url(organisation, code=code, phase="during_use"))
    assert response.status_code == 200
    assert response.context["situation"].level == "ervaren"
    assert response.context["situation"].language == "tr"
    assert response.context["situation"].assessment == assessment
    unknown = client.get(consult_url(organisation, code="00000000", phase="during_use"))
    assert unknown.status_code == 400
    assert dutch("No self-check found with this code. Check it, or choose the level yourself.") in html.unescape(
        unknown.content.decode()
    )


def test_the_tools_own_checklist_is_used(organisation, portal, catalogue, provider):
    ChecklistItemFactory(organisation=organisation, tool=portal, text="Ik weet waar mijn uitslagen staan.")
    _user, client = provider
    page = client.get(consult_url(organisation, **situation(portal))).content.decode()
    assert "Ik weet waar mijn uitslagen staan." in page
    assert "I can log in on my own." not in page


def test_searching_help_pages_keeps_what_was_ticked(organisation, portal, catalogue, article, provider):
    _user, client = provider
    url = consult_url(organisation, **situation(portal))
    training = str(catalogue["training"].public_id)
    response = client.post(url, {"action": "search", "q": "wachtwoord vergeten", "offerings": [training]})
    page = response.content.decode()
    assert response.status_code == 200
    assert f'value="{training}" id="offering-4" checked' in page
    assert 'value="wachtwoord-vergeten"' in page
    with scopes_disabled():
        assert not SupportPlan.objects.exists()


def test_making_the_plan_stores_the_choices_without_bsn_and_starts_the_journey(
    organisation, portal, catalogue, article, provider
):
    user, client = provider
    plan = make_plan(client, organisation, portal, catalogue)
    with scopes_disabled():
        assert set(plan.offerings.all()) == {catalogue["digituin"], catalogue["video"]}
        enrollment = Enrollment.objects.get(plan=plan)
    assert plan.article_slugs == ["wachtwoord-vergeten"]
    assert plan.checklist[0] == {"text": dutch("I can log in on my own."), "understood": True}
    assert plan.checklist[1]["understood"] is False
    assert not any(item["understood"] for item in plan.checklist[2:])  # not marked: get help with it
    assert BSN not in plan.person_label
    assert BSN not in plan.note
    assert plan.person_label.startswith("Fatima")
    assert (plan.level, plan.phase, plan.tool, plan.created_by) == ("beginner", "start_of_use", portal, user)
    assert (enrollment.phase, enrollment.status, enrollment.tool) == ("start_of_use", "active", portal)


def test_the_staff_plan_page_shows_the_private_link_and_is_access_logged(organisation, portal, catalogue, provider):
    _user, client = provider
    plan = make_plan(client, organisation, portal, catalogue)
    page = client.get(reverse("guide:staff_plan", args=[plan.public_id])).content.decode()
    assert f"{settings.SITE_URL}{private_url(plan)}" in page
    assert "Digituin Vechtdal" in page
    with scopes_disabled():
        logged = AccessLogEntry.objects.filter(record_type="support_plan", record_id=str(plan.public_id))
        assert logged.filter(action="view").count() == 1
    client.get(reverse("guide:staff_plan_pdf", args=[plan.public_id]))
    with scopes_disabled():
        assert logged.filter(action="export").count() == 1


def test_the_private_link_opens_the_plan_and_a_wrong_mac_does_not(organisation, portal, catalogue, article, provider):
    _user, client = provider
    plan = make_plan(client, organisation, portal, catalogue)
    anonymous = Client()
    response = anonymous.get(private_url(plan))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Digituin Vechtdal" in page
    assert "0523 111 222" in page
    assert "Wachtwoord vergeten" in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    token = plans.plan_token(plan)
    wrong = token[:-1] + ("0" if token[-1] != "0" else "1")
    for bad in (wrong, token[:32], "x" * 64):
        assert anonymous.get(reverse("plan:plan", args=[organisation.slug, bad])).status_code == 404
        assert anonymous.get(reverse("plan:pdf", args=[organisation.slug, bad])).status_code == 404
    old_link = private_url(plan)
    with scopes_disabled():
        plan.salt = "revoked"
        plan.save()
    assert anonymous.get(old_link).status_code == 404


def pdf_text_and_codes(tmp_path: Path, content: bytes) -> tuple[str, set[str]]:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(content)
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    subprocess.run([tool("pdftoppm"), "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    codes: set[str] = set()
    for page in sorted(tmp_path.glob("page*.png")):
        decoded = subprocess.run([tool("zbarimg"), "--raw", "-q", str(page)], capture_output=True, text=True)
        codes |= {line.strip() for line in decoded.stdout.splitlines() if line.strip()}
    return text, codes


def test_the_plan_pdf_holds_the_offerings_hours_checklist_and_qr_codes(
    tmp_path, organisation, portal, catalogue, article, provider
):
    _user, client = provider
    plan = make_plan(
        client,
        organisation,
        portal,
        catalogue,
        offerings=[str(catalogue[key].public_id) for key in ("digituin", "video", "helpdesk")],
    )
    response = Client().get(private_url(plan, "plan:pdf"))
    assert response["Content-Type"] == "application/pdf"
    text, codes = pdf_text_and_codes(tmp_path, response.content)
    for expected in (
        "Digituin Vechtdal",
        "Helpdesk MijnPortaal",
        "0523 111 222",
        "0800 1234",
        "09:00–12:00",
        "08:30–17:00",
        "Markt 1",
        dutch("I can log in on my own."),
        "Bel de Digituin",
        organisation.contact_phone,
        "0800 7777",
    ):
        assert expected in text, expected
    assert BSN not in text
    article_url = f"{settings.SITE_URL}{reverse('knowledge:article', args=[organisation.slug, article.slug])}"
    assert article_url in codes
    assert "https://video.example.test/mijnportaal" in codes
    assert f"{settings.SITE_URL}{private_url(plan)}" in codes


def test_an_arabic_plan_is_right_to_left_on_the_page_and_in_the_pdf(
    tmp_path, organisation, portal, catalogue, article, provider
):
    _user, client = provider
    plan = make_plan(client, organisation, portal, catalogue, language="ar", note="اتصل بالحديقة الرقمية")
    assert plan.language == "ar"
    page = Client().get(private_url(plan)).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "نسيت كلمة المرور" in page
    response = Client().get(private_url(plan, "plan:pdf"))
    text, codes = pdf_text_and_codes(tmp_path, response.content)
    assert "نسيت كلمة المرور" in text
    assert "الرقمية" in text
    assert "0523 111 222" in text
    assert f"{settings.SITE_URL}{reverse('knowledge:article', args=[organisation.slug, article.slug])}" in codes


def _stored_anywhere(text: str) -> list[str]:
    found = []
    with scopes_disabled():
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField | models.TextField | models.JSONField):
                    lookup = f"{field.name}__icontains"
                    if model._base_manager.filter(**{lookup: text}).exists():
                        found.append(f"{model._meta.label}.{field.name}")
    return found


def test_e_mailing_the_plan_sends_the_link_and_keeps_no_address(
    smtp_inbox, organisation, portal, catalogue, article, provider
):
    _user, client = provider
    plan = make_plan(client, organisation, portal, catalogue)
    address = "fatima.persoon@example.test"
    response = client.post(reverse("guide:staff_plan_email", args=[plan.public_id]), {"address": address})
    assert response.status_code == 302
    (message,) = smtp_inbox.messages
    assert message["To"] == address
    body = message.get_content()
    assert f"{settings.SITE_URL}{private_url(plan)}" in body
    assert "Digituin Vechtdal" not in body  # the link, not the plan's content
    assert _stored_anywhere(address) == []


def test_a_failed_e_mail_is_told_to_the_care_provider(settings, organisation, portal, catalogue, provider):
    from conftest import free_port

    _user, client = provider
    plan = make_plan(client, organisation, portal, catalogue)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    response = client.post(reverse("guide:staff_plan_email", args=[plan.public_id]), {"address": "a@example.test"})
    assert response.status_code == 400
    assert dutch("The e-mail could not be sent. Print the plan, or try again later.") in html.unescape(
        response.content.decode()
    )


def test_a_plan_cannot_hold_another_organisations_offering(organisation, other_organisation, portal, catalogue):
    foreign = SupportOfferingFactory(organisation=other_organisation, name="Elders")
    draft = plans.PlanDraft(language="nl", level="beginner", phase="during_visit", offerings=[foreign])
    with scopes_disabled(), pytest.raises(plans.PlanRefused):
        plans.plan_create(actor=None, organisation=organisation, draft=draft)


def test_the_plan_shows_when_the_help_is_next_open(organisation, portal, catalogue):
    from wegwijs.guide.plan_sheet import plan_sheet

    plan = SupportPlanFactory(organisation=organisation, tool=portal)
    with scopes_disabled():
        plan.offerings.set([catalogue["digituin"]])
        sunday = dt.datetime(2030, 6, 2, 12, 0, tzinfo=AMSTERDAM)
        (card,) = plan_sheet(organisation=organisation, plan=plan, now=sunday).offerings
    assert card.state is not None
    assert card.state.opens_at == dt.datetime(2030, 6, 3, 9, 0, tzinfo=AMSTERDAM)
    assert card.place is not None
    assert card.place.name == "Infohuis Markt"
