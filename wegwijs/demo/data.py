"""Fictional demo data: a regional hospital and a group of GP practices, their tools, help points and staff.

Loading is idempotent: records are found by slug or e-mail address and brought back to these values.
The passwords and second-factor secrets are for demo machines only (`wegwijs demo` refuses production).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from wegwijs.accounts.models import User
from wegwijs.demo.catalogue import load_catalogue
from wegwijs.demo.history import history_load
from wegwijs.helpdesk.choices import ContactMethod, Route
from wegwijs.helpdesk.models import Macro, Team, Ticket
from wegwijs.helpdesk.referrals import ticket_refer
from wegwijs.helpdesk.services import Intake, ticket_create
from wegwijs.knowledge.services import kb_import
from wegwijs.tenancy.models import Department, DigitalTool, Location, Membership, Organisation
from wegwijs.tenancy.roles import Role

DEMO_PASSWORD = "Wegwijs-demo-2026"
WEEKDAY_OFFICE = [["08:30", "17:00"]]

ORGANISATIONS: list[dict[str, Any]] = [
    {
        "slug": "ziekenhuis-vechtdal",
        "name": "Ziekenhuis Vechtdal",
        "description": "Regionaal ziekenhuis met poliklinieken in Vechtstad en Dalfsen (fictief).",
        "contact_phone": "0523 123 456",
        "contact_email": "digitalezorg@ziekenhuis-vechtdal.example",
        "patient_service_phone": "0523 123 400",
        "patient_service_email": "patientenservice@ziekenhuis-vechtdal.example",
        "privacy_email": "privacy@ziekenhuis-vechtdal.example",
        "website_url": "https://ziekenhuis-vechtdal.example",
        "contact_phone_hours": {day: WEEKDAY_OFFICE for day in ("mon", "tue", "wed", "thu", "fri")},
        "departments": [
            ("Cardiologie", "Secretariaat cardiologie", "0523 123 470", "cardiologie@ziekenhuis-vechtdal.example"),
            ("Longziekten", "Secretariaat longziekten", "0523 123 480", "longziekten@ziekenhuis-vechtdal.example"),
            ("Interne geneeskunde", "Polikliniek interne", "0523 123 490", "interne@ziekenhuis-vechtdal.example"),
            ("Orthopedie", "Polikliniek orthopedie", "0523 123 500", "orthopedie@ziekenhuis-vechtdal.example"),
        ],
        "tools": [
            ("portal", "MijnVechtdal", "https://mijn.ziekenhuis-vechtdal.example", "ZorgPortaal BV", "088 100 2000"),
            ("app", "Vechtdal app", "https://app.ziekenhuis-vechtdal.example", "ZorgPortaal BV", "088 100 2000"),
            (
                "video",
                "Beeldbellen Vechtdal",
                "https://video.ziekenhuis-vechtdal.example",
                "VeiligBellen",
                "088 200 3000",
            ),
            ("monitoring", "Bloeddruk Thuis", "https://thuismeten.example", "ThuisMeten Zorg", "088 300 4000"),
        ],
    },
    {
        "slug": "huisartsen-de-linde",
        "name": "Huisartsengroep De Linde",
        "description": "Vier huisartsenpraktijken in Vechtstad en omgeving (fictief).",
        "contact_phone": "0523 654 321",
        "contact_email": "digitaal@huisartsen-delinde.example",
        "patient_service_phone": "0523 654 300",
        "privacy_email": "privacy@huisartsen-delinde.example",
        "website_url": "https://huisartsen-delinde.example",
        "contact_phone_hours": {day: [["08:00", "12:30"]] for day in ("mon", "tue", "wed", "thu", "fri")},
        "departments": [
            ("Praktijk De Linde Oost", "Assistente Oost", "0523 654 330", "oost@huisartsen-delinde.example"),
            ("Praktijk De Linde West", "Assistente West", "0523 654 340", "west@huisartsen-delinde.example"),
            ("Praktijkondersteuners", "POH-team", "0523 654 350", "poh@huisartsen-delinde.example"),
        ],
        "tools": [
            (
                "portal",
                "Mijn Huisarts De Linde",
                "https://mijn.huisartsen-delinde.example",
                "HuisartsOnline",
                "088 400 5000",
            ),
            ("app", "De Linde app", "https://app.huisartsen-delinde.example", "HuisartsOnline", "088 400 5000"),
            (
                "video",
                "Videoconsult De Linde",
                "https://video.huisartsen-delinde.example",
                "VeiligBellen",
                "088 200 3000",
            ),
        ],
    },
]

LOCATIONS: list[dict[str, Any]] = [
    {
        "slug": "infohuis-vechtstad",
        "name": "Infohuis Vechtstad",
        "street": "Marktstraat 12",
        "postcode": "7771 AB",
        "city": "Vechtstad",
        "postcode_ranges": [[7770, 7799]],
        "weekly_hours": {
            "mon": [["09:30", "12:30"]],
            "wed": [["09:30", "12:30"], ["13:30", "16:00"]],
            "fri": [["09:30", "12:30"]],
        },
        "languages": ["nl", "en", "tr"],
    },
    {
        "slug": "bibliotheek-vechtstad",
        "name": "Bibliotheek Vechtstad: inloopspreekuur digitale zorg",
        "street": "Stationsplein 3",
        "postcode": "7772 CD",
        "city": "Vechtstad",
        "postcode_ranges": [[7770, 7799], [8000, 8049]],
        "weekly_hours": {"tue": [["14:00", "16:00"]], "thu": [["10:00", "12:00"]]},
        "languages": ["nl", "ar", "uk", "pl"],
    },
]


@dataclass(frozen=True)
class DemoStaff:
    email: str
    full_name: str
    language: str
    spoken_languages: tuple[str, ...]
    roles: tuple[tuple[str, Role], ...]  # (organisation slug, role)
    is_platform_admin: bool = False


HOSPITAL, GP = "ziekenhuis-vechtdal", "huisartsen-de-linde"
STAFF = [
    DemoStaff(
        "agent@wegwijs.example", "Aylin Demir", "nl", ("nl", "tr", "en"), ((HOSPITAL, Role.AGENT), (GP, Role.AGENT))
    ),
    DemoStaff(
        "coordinator@wegwijs.example",
        "Kees de Vries",
        "nl",
        ("nl", "en"),
        ((HOSPITAL, Role.COORDINATOR), (GP, Role.COORDINATOR), (HOSPITAL, Role.AGENT)),
    ),
    DemoStaff(
        "volunteer@wegwijs.example", "Marja Jansen", "nl", ("nl",), ((HOSPITAL, Role.VOLUNTEER), (GP, Role.VOLUNTEER))
    ),
    DemoStaff(
        "careprovider@wegwijs.example",
        "Dr. Samira El Amrani",
        "nl",
        ("nl", "ar", "en"),
        ((HOSPITAL, Role.CARE_PROVIDER),),
    ),
    DemoStaff("editor@wegwijs.example", "Joost Bakker", "nl", ("nl", "en"), ((HOSPITAL, Role.EDITOR),)),
    DemoStaff("analyst@wegwijs.example", "Olena Kovalenko", "en", ("uk", "en", "nl"), ((HOSPITAL, Role.ANALYST),)),
    DemoStaff("admin@wegwijs.example", "Pim Platform", "nl", ("nl", "en"), (), is_platform_admin=True),
]


def demo_totp_key(email: str) -> str:
    """A fixed 20-byte TOTP key per demo account (hex, as django-otp stores it), so reloading keeps phones working."""
    return hashlib.sha1(f"wegwijs-demo:{email}".encode()).hexdigest()


def base32_secret(hex_key: str) -> str:
    """The secret as authenticator apps want it typed in."""
    return base64.b32encode(bytes.fromhex(hex_key)).decode().rstrip("=")


TEAMS = [
    ("Helpdesk Nederlands en Engels", ["nl", "en"], ["agent@wegwijs.example", "coordinator@wegwijs.example"]),
    ("Helpdesk Turks en Arabisch", ["tr", "ar", "nl"], ["agent@wegwijs.example"]),
]

# (organisation slug, language, tool slug or "", question, name, e-mail)
QUESTIONS = [
    (
        HOSPITAL,
        "nl",
        "mijnvechtdal",
        "Ik kan niet inloggen op MijnVechtdal. Ik krijg steeds een foutmelding na DigiD.",
        "Henk de Boer",
        "henk@example.org",
    ),
    (HOSPITAL, "nl", "bloeddruk-thuis", "Mijn bloeddrukmeter maakt geen verbinding meer met de app.", "Riet Smit", ""),
    (
        HOSPITAL,
        "tr",
        "vechtdal-app",
        "Uygulamaya giriş yapamıyorum, şifremi unuttum.",
        "Ayşe Yılmaz",
        "ayse@example.org",
    ),
    (
        HOSPITAL,
        "nl",
        "beeldbellen-vechtdal",
        "Ik ben mantelzorger voor mijn moeder. Hoe werkt beeldbellen met de cardioloog? Ze heeft geen camera.",
        "Sanne Visser",
        "sanne@example.org",
    ),
    (GP, "nl", "mijn-huisarts-de-linde", "Waar vind ik mijn uitslagen in Mijn Huisarts?", "", "lezer@example.org"),
    (GP, "ar", "", "لا أعرف كيف أحجز موعدًا عبر الإنترنت.", "Omar", ""),
]

ARTICLES = Path(__file__).resolve().parent / "articles"  # the exchange format, see knowledge/exchange.py

# (organisation slug, name, language, text): reusable replies; {name}, {tool}, {reference} are filled in.
MACROS = [
    (
        HOSPITAL,
        "Wachtwoord vergeten",
        "nl",
        "Beste {name},\n\nKies op de inlogpagina van {tool} voor 'Wachtwoord vergeten'. U krijgt dan een e-mail "
        "met een link. Lukt het niet? Bel ons, en noem uw vraagnummer {reference}.",
    ),
    (
        HOSPITAL,
        "Forgot password",
        "en",
        "Dear {name},\n\nOn the login page of {tool}, choose 'Forgot password'. You will get an e-mail with a "
        "link. Still stuck? Call us and mention your question number {reference}.",
    ),
    (
        GP,
        "Afspraak online maken",
        "nl",
        "Beste {name},\n\nIn Mijn Huisarts kiest u 'Afspraken' en dan 'Nieuwe afspraak'. Daar ziet u de vrije "
        "tijden. Wilt u dat wij het samen met u doen? Bel ons dan.",
    ),
]
# A medical question the helpdesk referred to cardiology with the person's consent (for the care provider).
REFERRED_QUESTION = (
    "Mijn bloeddrukmeter zegt 165/95. Is dat gevaarlijk? Moet ik mijn medicijnen aanpassen?",
    "Gerrit Mulder",
    "0612345678",
)


@transaction.atomic
def load_demo(*, today: dt.date | None = None) -> list[DemoStaff]:
    with scopes_disabled():
        organisations = {spec["slug"]: _organisation(spec) for spec in ORGANISATIONS}
        for spec in LOCATIONS:
            location, _created = Location.objects.update_or_create(slug=spec["slug"], defaults=spec)
            location.organisations.set(organisations.values())
        for staff in STAFF:
            _staff(staff, organisations)
        _teams(organisations)
        _macros(organisations)
        _questions(organisations)
        _articles()
        load_catalogue(organisations)
        if settings.MODE == "dev":  # months of history for the insights dashboard, up to `today`'s month
            history_load(organisations.values(), today=today or timezone.localdate())
    return STAFF


def _articles() -> None:
    """The demo knowledge base: shared by the platform with both organisations (import is idempotent)."""
    report = kb_import(directory=ARTICLES, organisation=None)
    if report.invalid:
        raise ValueError(f"invalid demo articles: {report.invalid}")


def _macros(organisations: dict[str, Organisation]) -> None:
    for slug, name, language, body in MACROS:
        Macro.objects.update_or_create(
            organisation=organisations[slug], name=name, language=language, defaults={"body": body}
        )


def _referred_question(organisation: Organisation) -> None:
    question, name, phone = REFERRED_QUESTION
    ticket, _token = ticket_create(
        organisation=organisation,
        intake=Intake(
            question=question,
            language="nl",
            name=name,
            phone=phone,
            preferred_contact=ContactMethod.PHONE,
            consent_to_contact=True,
            consent_to_hand_over=True,
        ),
    )
    ticket_refer(
        actor=User.objects.get(email="agent@wegwijs.example"),
        ticket=ticket,
        route=Route.CARE_PROVIDER,
        department=Department.objects.get(organisation=organisation, slug="cardiologie"),
        note="Mevrouw meet thuis met Bloeddruk Thuis; de techniek werkt. Graag terugbellen over de waarden.",
    )


def _teams(organisations: dict[str, Organisation]) -> None:
    for name, languages, members in TEAMS:
        team, _created = Team.objects.update_or_create(name=name, defaults={"languages": languages})
        team.organisations.set(organisations.values())
        team.members.set(User.objects.filter(email__in=members))


def _questions(organisations: dict[str, Organisation]) -> None:
    """Sample questions, only when the organisation has none yet (so reloading adds nothing)."""
    for slug, organisation in organisations.items():
        if Ticket.objects.filter(organisation=organisation).exists():
            continue
        for question_slug, language, tool_slug, question, name, email in QUESTIONS:
            if question_slug != slug:
                continue
            tool = DigitalTool.objects.filter(organisation=organisation, slug=tool_slug).first() if tool_slug else None
            ticket_create(
                organisation=organisation,
                intake=Intake(
                    question=question,
                    language=language,
                    tool=tool,
                    name=name,
                    email=email,
                    preferred_contact=ContactMethod.EMAIL if email else ContactMethod.FOLLOW_UP_PAGE,
                    consent_to_contact=bool(email),
                ),
            )
        if slug == HOSPITAL:
            _referred_question(organisation)


def _organisation(spec: dict[str, Any]) -> Organisation:
    fields = {key: value for key, value in spec.items() if key not in {"slug", "departments", "tools"}}
    organisation, _created = Organisation.objects.update_or_create(slug=spec["slug"], defaults=fields)
    for name, contact, phone, email in spec["departments"]:
        Department.objects.update_or_create(
            organisation=organisation,
            slug=_slug(name),
            defaults={"name": name, "referral_contact_name": contact, "referral_phone": phone, "referral_email": email},
        )
    for kind, name, url, supplier, supplier_phone in spec["tools"]:
        DigitalTool.objects.update_or_create(
            organisation=organisation,
            slug=_slug(name),
            defaults={
                "kind": kind,
                "name": name,
                "login_url": url,
                "supplier_name": supplier,
                "supplier_helpdesk_phone": supplier_phone,
                "is_active": True,
            },
        )
    return organisation


def _staff(spec: DemoStaff, organisations: dict[str, Organisation]) -> None:
    user, _created = User.objects.update_or_create(
        email=spec.email,
        defaults={
            "full_name": spec.full_name,
            "language": spec.language,
            "spoken_languages": list(spec.spoken_languages),
            "is_platform_admin": spec.is_platform_admin,
            "is_staff": spec.is_platform_admin,
            "is_superuser": spec.is_platform_admin,
            "is_active": True,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    TOTPDevice.objects.update_or_create(
        user=user, name="demo authenticator", defaults={"key": demo_totp_key(spec.email), "confirmed": True}
    )
    for slug, role in spec.roles:
        Membership.objects.get_or_create(organisation=organisations[slug], user=user, role=role)


def _slug(name: str) -> str:
    return slugify(name)
