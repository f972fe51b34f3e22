"""The demo organisations' support catalogues (every form of support, most kinds) and checklists of
understanding per tool. Fictional: names, addresses and phone numbers are made up.

Loaded by `data.load_demo` inside its scope; idempotent: an offering is found by organisation and name and
brought back to these values, the checklists are replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wegwijs.guide import catalogue
from wegwijs.guide.models import SupportOffering
from wegwijs.tenancy.models import DigitalTool, Location, Organisation

HOSPITAL, GP = "ziekenhuis-vechtdal", "huisartsen-de-linde"
WORKDAYS = ("mon", "tue", "wed", "thu", "fri")
ALL_TOOLS = "*"


def _every_workday(opens: str, closes: str) -> dict[str, list[list[str]]]:
    return {day: [[opens, closes]] for day in WORKDAYS}


def _video(tool_slug: str, name: str, url: str, languages: list[str]) -> dict[str, Any]:
    return {
        "form": "information",
        "kind": "instruction_video",
        "name": name,
        "description": "Korte filmpjes die stap voor stap laten zien hoe het werkt. Met ondertiteling.",
        "channels": ["online"],
        "languages": languages,
        "phases": ["before_visit", "start_of_use", "during_use"],
        "tools": [tool_slug],
        "url": url,
    }


# The offerings both organisations point to: regional and national help (fictional numbers).
SHARED: list[dict[str, Any]] = [
    {
        "form": "helpdesk",
        "kind": "regional_helpdesk",
        "name": "Helpdesk Digitale Zorg Vechtdal en omstreken",
        "description": "Voor al uw vragen over digitale zorg: portalen, apps, beeldbellen en thuismeten. "
        "Bel, mail of chat. Medische vragen stelt u aan uw zorgverlener.",
        "channels": ["phone", "email", "chat"],
        "languages": ["nl", "en", "tr", "ar"],
        "weekly_hours": _every_workday("09:00", "17:00"),
        "phases": ["start_of_use", "during_use", "after_use"],
        "phone": "085 000 1234",
        "email": "vragen@helpdeskdigitalezorg-vechtdal.example",
        "url": "https://helpdeskdigitalezorg-vechtdal.example/chat",
    },
    {
        "form": "helpdesk",
        "kind": "digihulplijn",
        "name": "Digihulplijn",
        "description": "Gratis hulp bij algemene vragen over uw computer, laptop, telefoon of tablet: "
        "wifi, een app installeren, een e-mailadres maken.",
        "channels": ["phone"],
        "languages": ["nl"],
        "weekly_hours": _every_workday("09:00", "17:00"),
        "levels": ["beginner", "ervaren"],
        "phases": ["before_visit", "start_of_use", "during_use"],
        "phone": "0800 123 1508",
        "url": "https://digihulplijn.example",
    },
    {
        "form": "training",
        "kind": "skills_training",
        "name": "Klik & Tik in de bibliotheek",
        "description": "Cursus voor wie net begint met de computer of tablet: aanzetten, typen, internet, "
        "e-mail. In kleine groepjes, met een vrijwilliger naast u.",
        "channels": ["in_person"],
        "languages": ["nl"],
        "location": "bibliotheek-vechtstad",
        "weekly_hours": {"thu": [["10:00", "12:00"]]},
        "levels": ["beginner"],
        "phases": ["before_visit"],
        "phone": "0523 777 100",
        "url": "https://bibliotheek-vechtstad.example/klik-en-tik",
    },
    {
        "form": "guidance_on_location",
        "kind": "walk_in_hour",
        "name": "Inloopspreekuur digitale zorg in de bibliotheek",
        "description": "Elke dinsdagmiddag helpen vrijwilligers u met het patiëntenportaal, de app, DigiD en "
        "beeldbellen. Neem uw telefoon of tablet mee. U hoeft geen afspraak te maken. "
        "Er zijn vrijwilligers die Turks of Arabisch spreken.",
        "channels": ["in_person"],
        "languages": ["nl", "tr", "ar"],
        "location": "bibliotheek-vechtstad",
        "weekly_hours": {"tue": [["14:00", "16:00"]]},
        "levels": ["beginner", "ervaren"],
        "phases": ["start_of_use", "during_use", "after_use"],
    },
]

HOSPITAL_OFFERINGS: list[dict[str, Any]] = [
    _video(
        "mijnvechtdal",
        "Instructievideo's MijnVechtdal",
        "https://ziekenhuis-vechtdal.example/video/mijnvechtdal",
        ["nl", "en"],
    ),
    _video("vechtdal-app", "Instructievideo's Vechtdal app", "https://ziekenhuis-vechtdal.example/video/app", ["nl"]),
    _video(
        "beeldbellen-vechtdal",
        "Instructievideo beeldbellen",
        "https://ziekenhuis-vechtdal.example/video/beeldbellen",
        ["nl", "en", "tr", "ar", "pl", "uk"],
    ),
    _video(
        "bloeddruk-thuis",
        "Instructievideo Bloeddruk Thuis",
        "https://ziekenhuis-vechtdal.example/video/bloeddruk-thuis",
        ["nl", "en"],
    ),
    {
        "form": "information",
        "kind": "manual",
        "name": "Folder 'Aan de slag met MijnVechtdal'",
        "description": "Een papieren folder met grote plaatjes: inloggen met DigiD, uitslagen bekijken, een "
        "bericht sturen. Te krijgen op de polikliniek of te downloaden.",
        "channels": ["paper", "online"],
        "languages": ["nl", "en"],
        "phases": ["during_visit", "start_of_use", "during_use"],
        "tools": ["mijnvechtdal", "vechtdal-app"],
        "url": "https://ziekenhuis-vechtdal.example/folders/aan-de-slag-met-mijnvechtdal.pdf",
    },
    {
        "form": "information",
        "kind": "website",
        "name": "Website digitale zorg van Ziekenhuis Vechtdal",
        "description": "Alles over de digitale hulpmiddelen van het ziekenhuis, met veelgestelde vragen.",
        "channels": ["online"],
        "languages": ["nl", "en"],
        "phases": ["before_visit", "during_use", "after_use"],
        "url": "https://ziekenhuis-vechtdal.example/digitale-zorg",
    },
    {
        "form": "guidance_on_location",
        "kind": "care_provider",
        "name": "Uitleg door uw zorgverlener tijdens het polibezoek",
        "description": "Uw arts of verpleegkundige legt uit waarom het hulpmiddel helpt bij uw behandeling, "
        "laat het kort zien en beslist samen met u welke hulp u daarna wilt.",
        "channels": ["in_person"],
        "languages": ["nl", "en"],
        "phases": ["during_visit"],
    },
    {
        "form": "guidance_on_location",
        "kind": "digituin",
        "name": "Digituin Vechtdal",
        "description": "Vrijwilligers maken u wegwijs met MijnVechtdal, de app en beeldbellen: langskomen in het "
        "Infohuis, of bellen en mailen.",
        "channels": ["in_person", "phone", "email"],
        "languages": ["nl", "en", "tr"],
        "location": "infohuis-vechtstad",
        "weekly_hours": {"mon": [["09:30", "12:30"]], "wed": [["13:30", "16:00"]]},
        "levels": ["beginner", "ervaren"],
        "phases": ["start_of_use", "during_use"],
        "phone": "0523 123 460",
        "email": "digituin@ziekenhuis-vechtdal.example",
    },
    {
        "form": "guidance_on_location",
        "kind": "student_at_home",
        "name": "Student aan huis",
        "description": "Een student van het ROC komt bij u thuis: de app installeren, wifi instellen, de "
        "eerste keer inloggen. Gratis, op afspraak. Bel om een afspraak te maken.",
        "channels": ["at_home", "phone"],
        "languages": ["nl", "en"],
        "weekly_hours": {day: [["09:00", "12:00"]] for day in ("mon", "tue", "wed", "thu")},
        "levels": ["beginner", "ervaren"],
        "phases": ["start_of_use", "during_use"],
        "phone": "0523 123 465",
    },
    {
        "form": "guidance_on_location",
        "kind": "peer_to_peer",
        "name": "Koffie en klikken: patiënten helpen elkaar",
        "description": "Ervaringsdeskundigen delen tips over de app en het thuismeten, bij een kop koffie. "
        "Iedere vrijdagochtend in het Infohuis.",
        "channels": ["in_person"],
        "languages": ["nl"],
        "location": "infohuis-vechtstad",
        "weekly_hours": {"fri": [["10:00", "11:30"]]},
        "levels": ["beginner"],
        "phases": ["during_use", "after_use"],
    },
    {
        "form": "helpdesk",
        "kind": "organisation_desk",
        "name": "Servicepunt digitale zorg Ziekenhuis Vechtdal",
        "description": "Het ziekenhuis helpt u met inloggen, uw gegevens en technische vragen. Medische "
        "vragen gaan naar uw afdeling.",
        "channels": ["phone", "email"],
        "languages": ["nl", "en", "tr"],
        "weekly_hours": _every_workday("08:30", "17:00"),
        "phases": ["before_visit", "start_of_use", "during_use", "after_use"],
        "phone": "0523 123 456",
        "email": "digitalezorg@ziekenhuis-vechtdal.example",
    },
    {
        "form": "training",
        "kind": "skills_training",
        "name": "Cursus Gezond online (zoals DigiVitaler)",
        "description": "Vier lessen over zorg en gezondheid op internet: DigiD, het patiëntenportaal, "
        "betrouwbare informatie vinden en een afspraak maken.",
        "channels": ["in_person", "online"],
        "languages": ["nl"],
        "location": "infohuis-vechtstad",
        "weekly_hours": {"wed": [["09:30", "11:30"]]},
        "cost": "€ 5 voor het werkboek",
        "levels": ["beginner", "ervaren"],
        "phases": ["before_visit", "start_of_use"],
    },
]

GP_OFFERINGS: list[dict[str, Any]] = [
    _video(
        "mijn-huisarts-de-linde",
        "Instructievideo's Mijn Huisarts",
        "https://huisartsen-delinde.example/video",
        ["nl", "en", "ar"],
    ),
    {
        "form": "information",
        "kind": "website",
        "name": "Website De Linde: online afspraken en e-consult",
        "description": "Uitleg over afspraken maken, herhaalrecepten en het e-consult.",
        "channels": ["online"],
        "languages": ["nl"],
        "phases": ["before_visit", "during_use"],
        "url": "https://huisartsen-delinde.example/online",
    },
    {
        "form": "guidance_on_location",
        "kind": "care_provider",
        "name": "Uitleg door de doktersassistente",
        "description": "De assistente laat u aan de balie of in de spreekkamer zien hoe u inlogt.",
        "channels": ["in_person"],
        "languages": ["nl"],
        "phases": ["during_visit"],
    },
]

# Checklist of understanding per kind of tool: (Dutch points, English points).
CHECKLISTS: dict[str, tuple[list[str], list[str]]] = {
    "portal": (
        ["U kunt inloggen met DigiD.", "U vindt uw afspraken en uitslagen.", "U weet hoe u een bericht stuurt.",
         "U weet dat u bij spoed belt en geen bericht stuurt."],
        ["You can log in with DigiD.", "You can find your appointments and results.",
         "You know how to send a message.", "You know to call, not send a message, when it is urgent."],
    ),
    "app": (
        ["De app staat op uw telefoon.", "U kunt inloggen met uw pincode.", "U krijgt meldingen van de app."],
        ["The app is on your phone.", "You can log in with your PIN.", "You get notifications from the app."],
    ),
    "video": (
        ["U weet hoe u het gesprek start.", "Camera en microfoon werken.",
         "U weet wie u belt als het niet lukt."],
        ["You know how to start the call.", "Your camera and microphone work.",
         "You know who to call when it does not work."],
    ),
    "monitoring": (
        ["U weet wanneer en hoe vaak u meet.", "De meter is gekoppeld aan de app.",
         "U weet wat u doet bij een hoge waarde."],
        ["You know when and how often to measure.", "The meter is paired with the app.",
         "You know what to do with a high reading."],
    ),
    ALL_TOOLS: (
        ["U weet waar u hulp krijgt bij technische vragen.", "U weet dat medische vragen naar uw zorgverlener gaan."],
        ["You know where to get help with technical questions.", "You know medical questions go to your care provider."],
    ),
}  # fmt: skip


def load_catalogue(organisations: dict[str, Organisation]) -> None:
    for slug, own in ((HOSPITAL, HOSPITAL_OFFERINGS), (GP, GP_OFFERINGS)):
        organisation = organisations[slug]
        tools = {tool.slug: tool for tool in DigitalTool.objects.filter(organisation=organisation)}
        for spec in [*own, *SHARED, *_supplier_helpdesks(tools.values())]:
            _offering(organisation, tools, spec)
        _checklists(organisation, tools.values())


def _supplier_helpdesks(tools: Iterable[DigitalTool]) -> list[dict[str, Any]]:
    """One offering per supplier, for the tools it supplies, from the tools' supplier fields."""
    by_supplier: dict[str, list[DigitalTool]] = {}
    for tool in tools:
        if tool.supplier_name and tool.supplier_helpdesk_phone:
            by_supplier.setdefault(tool.supplier_name, []).append(tool)
    return [
        {
            "form": "helpdesk",
            "kind": "supplier_helpdesk",
            "name": f"Helpdesk van {supplier}",
            "description": f"De leverancier van {', '.join(tool.name for tool in supplied)} helpt bij technische "
            "vragen, zoals een app die niet opent. Niet voor medische vragen.",
            "channels": ["phone", "email"] if supplied[0].supplier_helpdesk_email else ["phone"],
            "languages": ["nl", "en"],
            "weekly_hours": _every_workday("08:00", "18:00"),
            "levels": ["ervaren", "gevorderd"],
            "phases": ["start_of_use", "during_use"],
            "tools": [tool.slug for tool in supplied],
            "phone": supplied[0].supplier_helpdesk_phone,
            "email": supplied[0].supplier_helpdesk_email,
            "url": supplied[0].supplier_helpdesk_url,
        }
        for supplier, supplied in sorted(by_supplier.items())
    ]


def _offering(organisation: Organisation, tools: dict[str, DigitalTool], spec: dict[str, Any]) -> None:
    fields = {key: value for key, value in spec.items() if key not in {"tools", "location"}}
    data = catalogue.OfferingInput(
        **fields,
        tools=[tools[slug] for slug in spec.get("tools", [])],
        location=Location.objects.get(slug=spec["location"]) if spec.get("location") else None,
    )
    existing = SupportOffering.objects.filter(organisation=organisation, name=spec["name"]).first()
    if existing is None:
        catalogue.offering_create(actor=None, organisation=organisation, data=data)
    else:
        catalogue.offering_update(actor=None, offering=existing, data=data)


def _checklists(organisation: Organisation, tools: Iterable[DigitalTool]) -> None:
    for index, language in enumerate(("nl", "en")):
        points: dict[DigitalTool | None, list[str]] = {
            tool: CHECKLISTS[tool.kind][index] for tool in tools if tool.kind in CHECKLISTS
        }
        points[None] = CHECKLISTS[ALL_TOOLS][index]
        catalogue.checklist_save(actor=None, organisation=organisation, language=language, points=points)
