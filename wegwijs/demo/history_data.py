"""What the demo history (history.py) is drawn from: the kinds of question and their shares, channels, languages
and busy hours; invented questions and answers, first names and search words. No person's data: nothing here may
look like a citizen service number (BSN), a real address or a real phone number."""

from __future__ import annotations

from wegwijs.guide.choices import DecisionReason
from wegwijs.helpdesk.choices import Channel, Route, Topic

Kind = tuple[str, str, str]  # route, topic, the kind of digital tool ("" for none)
PER_WORKDAY = {"ziekenhuis-vechtdal": 18.0}  # questions on an ordinary working day
OTHERS_PER_WORKDAY = 4.5
WITH_SIGNAL = {"ziekenhuis-vechtdal"}  # where the login/app questions rise in the last full week
PHONED = {Channel.PHONE, Channel.CALLBACK}
REFERRED_ROUTES = {Route.CARE_PROVIDER, Route.ORGANISATION, Route.PRIVACY}
SIGNAL_KIND: Kind = (Route.HELPDESK, Topic.LOGIN, "app")

# Shares per thousand questions (logging in with the app: about 20 a week at the hospital); a kind whose tool the
# organisation lacks is left out.
KINDS: dict[Kind, float] = {
    SIGNAL_KIND: 205,
    (Route.HELPDESK, Topic.LOGIN, "portal"): 84,
    (Route.HELPDESK, Topic.LOGIN, ""): 8,
    (Route.HELPDESK, Topic.ACCOUNT, "portal"): 48,
    (Route.HELPDESK, Topic.ACCOUNT, "app"): 24,
    (Route.HELPDESK, Topic.APP_INSTALL, "app"): 56,
    (Route.HELPDESK, Topic.VIDEO_CALL, "video"): 72,
    (Route.HELPDESK, Topic.HOME_MONITORING, "monitoring"): 64,
    (Route.HELPDESK, Topic.PORTAL_USE, "portal"): 80,
    (Route.HELPDESK, Topic.MESSAGING, "portal"): 40,
    (Route.HELPDESK, Topic.MESSAGING, "app"): 16,
    (Route.HELPDESK, Topic.PROXY_ACCESS, "portal"): 40,
    (Route.HELPDESK, Topic.NOTIFICATIONS, "app"): 32,
    (Route.HELPDESK, Topic.OTHER_TECHNICAL, ""): 24,
    (Route.HELPDESK, Topic.OTHER_TECHNICAL, "app"): 16,
    (Route.CARE_PROVIDER, "", ""): 80,
    (Route.URGENT, "", ""): 10,
    (Route.ORGANISATION, "", ""): 50,
    (Route.PRIVACY, "", ""): 15,
    (Route.GENERAL_DIGITAL, "", ""): 30,
    (Route.FEEDBACK, "", ""): 15,
}
OPEN_CHANNELS = {Channel.WEB: 38, Channel.EMAIL: 20, Channel.PHONE: 27, Channel.WALK_IN: 7, Channel.CALLBACK: 8}
CLOSED_CHANNELS = {Channel.WEB: 70, Channel.EMAIL: 30}  # weekends and public holidays
LANGUAGES = {"nl": 86, "en": 4, "tr": 3, "ar": 3, "pl": 2, "uk": 2}
DAY_FACTOR = (1.3, 1.05, 1.0, 0.95, 0.8, 0.22, 0.15)  # Monday to Sunday; a public holiday counts as a Sunday
SPIKE_DAYS = (30, 22, 18, 14, 10, 3, 3)  # how the signal's extra questions spread over its week
ONLINE_HOURS = (1, 0.5, 0, 0, 0, 0.5, 2, 4, 7, 10, 11, 10, 8, 8, 8, 7, 6, 5, 5, 6, 6, 5, 3, 2)  # 0:00 to 23:00
OFFICE_HOURS = {8: 5, 9: 10, 10: 12, 11: 11, 12: 6, 13: 7, 14: 7, 15: 6, 16: 4}
SCORES = {5: 45, 4: 33, 3: 12, 2: 6, 1: 4}  # satisfaction: mostly 4 and 5
MUCH_NO = {"automatisch-uitgelogd": 0.65, "beeldbellen-camera-of-microfoon-werkt-niet": 0.55}  # the share of "no"
CONTINUE_REASONS = (DecisionReason.WORKS_WELL, DecisionReason.SAVES_TRAVEL, DecisionReason.WITH_HELP)
STOP_REASONS = (
    DecisionReason.TOO_DIFFICULT,
    DecisionReason.NO_DEVICE,
    DecisionReason.PREFERS_PERSONAL,
    DecisionReason.NOT_USEFUL,
    DecisionReason.TECHNICAL,
)
NAMES = ("Anna", "Bram", "Fatma", "Jan", "Lotte", "Mehmet", "Noor", "Piet", "Roos", "Sven", "Yara", "Wim", "Olga")
# In Dutch, per topic or route: (the answer, the questions); {tool} is the digital tool's name.
TEXTS: dict[str, tuple[str, tuple[str, ...]]] = {
    Topic.LOGIN: (
        "Kies op de inlogpagina van {tool} voor 'Wachtwoord vergeten' en volg de stappen in de e-mail.",
        (
            "Ik kan niet inloggen in {tool}. Ik krijg steeds een foutmelding.",
            "Inloggen met DigiD lukt niet in {tool}. Wat doe ik fout?",
            "Ik ben mijn wachtwoord van {tool} vergeten.",
            "Na het inloggen in {tool} zie ik alleen een wit scherm.",
        ),
    ),
    "spike": (
        "Na de laatste update van {tool} was er een storing. Installeer de nieuwste versie; daarna kunt u weer inloggen.",
        (
            "Sinds de update van {tool} kan ik niet meer inloggen.",
            "Na de nieuwste versie van {tool} blijft het inlogscherm hangen.",
            "Na het openen van {tool} moet ik steeds opnieuw inloggen en dat lukt niet.",
        ),
    ),
    Topic.ACCOUNT: (
        "Wij hebben uw account in {tool} hersteld. Kies nu een nieuw wachtwoord.",
        (
            "Hoe maak ik een account aan voor {tool}?",
            "Mijn account van {tool} is geblokkeerd.",
            "Ik wil mijn e-mailadres wijzigen in {tool}.",
        ),
    ),
    Topic.APP_INSTALL: (
        "Zoek in de app-winkel op {tool}. Op onze hulppagina staat per telefoon hoe het werkt.",
        ("Ik kan {tool} niet vinden in de app-winkel.", "De installatie van {tool} stopt halverwege."),
    ),
    Topic.VIDEO_CALL: (
        "Open de link uit de uitnodiging vijf minuten voor de afspraak en sta camera en microfoon toe.",
        (
            "Ik zie de wachtkamer niet voor het beeldbellen.",
            "De arts kon mij niet horen tijdens het videogesprek.",
            "Hoe test ik mijn camera voor het beeldbellen?",
        ),
    ),
    Topic.HOME_MONITORING: (
        "Zet bluetooth aan, houd de meter dicht bij de telefoon en koppel hem opnieuw in {tool}.",
        ("Mijn bloeddrukmeter maakt geen verbinding met {tool}.", "Mijn metingen komen niet door in {tool}."),
    ),
    Topic.PORTAL_USE: (
        "U vindt dit in {tool} onder 'Mijn gegevens'. Op de hulppagina staat een uitleg met plaatjes.",
        (
            "Waar vind ik mijn uitslagen in {tool}?",
            "Hoe verzet ik een afspraak in {tool}?",
            "Ik kan mijn medicijnoverzicht niet vinden in {tool}.",
        ),
    ),
    Topic.MESSAGING: (
        "Kies in {tool} voor 'Berichten' en dan 'Nieuw bericht'. U krijgt binnen drie werkdagen antwoord.",
        (
            "Hoe stuur ik een bericht naar mijn behandelaar via {tool}?",
            "Ik heb een bericht gestuurd maar zie geen antwoord in {tool}.",
        ),
    ),
    Topic.PROXY_ACCESS: (
        "Voor toegang namens een ander is een machtiging nodig. De hulppagina legt uit hoe dat gaat.",
        (
            "Ik wil namens mijn moeder inloggen in {tool}. Hoe regel ik dat?",
            "Hoe krijg ik toegang tot de gegevens van mijn kind in {tool}?",
        ),
    ),
    Topic.NOTIFICATIONS: (
        "Zet meldingen aan in de instellingen van uw telefoon en in {tool} onder 'Meldingen'.",
        ("Ik krijg geen meldingen meer van {tool}.", "Ik krijg te veel herinneringen van {tool}."),
    ),
    Topic.OTHER_TECHNICAL: (
        "Sluit {tool} helemaal af en start opnieuw. Werkt het dan nog niet, dan bellen wij u.",
        ("Het laden van {tool} duurt heel lang.", "Ik krijg een foutmelding die ik niet begrijp."),
    ),
    Route.CARE_PROVIDER: (
        "",
        (
            "Mijn uitslag is hoog. Moet ik me zorgen maken?",
            "Mag ik mijn medicijnen later innemen dan normaal?",
            "Ik heb een vraag over de uitkomst van mijn onderzoek.",
        ),
    ),
    Route.URGENT: (
        "Bel bij spoed direct 112 of de huisartsenpost. Wacht niet op een antwoord van ons.",
        ("Ik heb sinds een uur pijn op de borst. Wat moet ik doen?", "Mijn vader is erg benauwd."),
    ),
    Route.ORGANISATION: (
        "",
        ("Ik wil mijn afspraak van volgende week afzeggen.", "Ik heb een brief gekregen die ik niet begrijp."),
    ),
    Route.PRIVACY: (
        "",
        ("Wie kan mijn gegevens in het portaal inzien?", "Ik wil een kopie van mijn dossier opvragen."),
    ),
    Route.GENERAL_DIGITAL: (
        "Kijk op de hulppagina bij 'Hulp in de buurt' voor een cursus bij u in de buurt.",
        ("Hoe maak ik een e-mailadres aan?", "Ik wil leren werken met mijn nieuwe tablet."),
    ),
    Route.FEEDBACK: (
        "Dank u wel voor uw reactie. Wij geven die door aan het team.",
        (
            "Compliment: de uitleg over beeldbellen was heel duidelijk.",
            "De knop om in te loggen is slecht te vinden op de website.",
        ),
    ),
}
# Other languages: (logging in, another problem, the answer).
ABROAD = {
    "en": (
        "I cannot log in to {tool}.",
        "I have a problem with {tool}. Can you help me?",
        "Thank you for your question. We will help you step by step.",
    ),
    "tr": (
        "Giriş yapamıyorum ({tool}).",
        "{tool} ile ilgili bir sorunum var. Yardım edebilir misiniz?",
        "Sorunuz için teşekkürler. Size adım adım yardımcı oluyoruz.",
    ),
    "ar": (
        "لا أستطيع تسجيل الدخول ({tool}).",
        "عندي مشكلة مع {tool}. هل يمكنكم مساعدتي؟",
        "شكرًا على سؤالك. سنساعدك خطوة بخطوة.",
    ),
    "pl": (
        "Nie mogę się zalogować ({tool}).",
        "Mam problem: {tool}. Czy możecie mi pomóc?",
        "Dziękujemy za pytanie. Pomożemy krok po kroku.",
    ),
    "uk": (
        "Я не можу увійти ({tool}).",
        "У мене проблема: {tool}. Чи можете допомогти?",
        "Дякуємо за запитання. Ми допоможемо крок за кроком.",
    ),
}
# Per language: (the person writes again, the answer that solves it).
LATER = {
    "nl": ("Dank u, maar het lukt nog steeds niet.", "We hebben het samen stap voor stap opgelost."),
    "en": ("Thank you, but it still does not work.", "We solved it together step by step."),
    "tr": ("Teşekkürler, ama hâlâ çalışmıyor.", "Birlikte adım adım çözdük."),
    "ar": ("شكرًا، لكنه ما زال لا يعمل.", "حللنا المشكلة معًا خطوة بخطوة."),
    "pl": ("Dziękuję, ale nadal nie działa.", "Rozwiązaliśmy to razem krok po kroku."),
    "uk": ("Дякую, але все ще не працює.", "Ми разом розв'язали це крок за кроком."),
}
REFERRAL_NOTES = ("Graag terugbellen over de vraag.", "Vraag over een uitslag; de techniek werkt.", "")
# Searches on the help pages: (language, words, the article they find) -> weight; and words that find nothing, the
# first three often enough to show every month.
SEARCHES: dict[tuple[str, str, str], float] = {
    ("nl", "inloggen", "inloggen-met-digid-app"): 10,
    ("nl", "wachtwoord vergeten", "wachtwoord-of-pincode-vergeten"): 8,
    ("nl", "uitslagen", "uitslagen-bekijken"): 6,
    ("nl", "afspraak verzetten", "afspraak-bekijken-verzetten-afzeggen"): 6,
    ("nl", "beeldbellen", "beeldbellen-videogesprek-starten"): 6,
    ("nl", "camera werkt niet", "beeldbellen-camera-of-microfoon-werkt-niet"): 3,
    ("nl", "bloeddrukmeter koppelen", "bloeddrukmeter-koppelen-bluetooth"): 4,
    ("nl", "app installeren", "app-installeren-android"): 4,
    ("nl", "geen meldingen", "geen-meldingen-van-de-app"): 3,
    ("nl", "machtigen", "machtigen-inloggen-namens-een-ander"): 3,
    ("nl", "uitgelogd", "automatisch-uitgelogd"): 3,
    ("en", "log in", "inloggen-met-digid-app"): 2,
    ("tr", "görüntülü görüşme", "beeldbellen-videogesprek-starten"): 1,
    ("uk", "відеодзвінок", "beeldbellen-videogesprek-starten"): 1,
}
NO_RESULT: dict[tuple[str, str], float] = {
    ("nl", "uitslagen bekijken kind"): 12,
    ("nl", "wachtwoord vergeten app"): 12,
    ("nl", "beeldbellen werkt niet op tablet"): 12,
    ("nl", "parkeren"): 2,
    ("nl", "inlogen"): 2,
    ("nl", "beelbellen"): 2,
    ("nl", "recept herhalen"): 2,
    ("nl", "wifi ziekenhuis"): 1,
    ("nl", "bezoektijden"): 1,
    ("en", "parking"): 1,
    ("tr", "randevu iptal"): 1,
}
