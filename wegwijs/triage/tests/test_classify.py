import pytest

from wegwijs.triage import classify
from wegwijs.triage.result import ROUTES


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb sinds een uur pijn op de borst en kan niet inloggen",
        "Mijn vader is flauwgevallen en reageert niet",
        "I have chest pain and the app does not work",
        "Göğüs ağrısı var, uygulama açılmıyor",
        "Nie mogę oddychać, pomocy",
        "Не можу дихати",
        "لا أستطيع التنفس",
        "Ich habe Atemnot",
        "Ik wil dood, ik zie het niet meer zitten",
        "Ik heb niet alleen pijn op de borst maar ook hoofdpijn",
    ],
)
def test_red_flags_are_urgent_in_every_language(text):
    result = classify(text)
    assert result.route == "urgent"
    assert result.urgent_reasons


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb geen pijn op de borst, maar mijn hartslagmeter wil niet koppelen",
        "Vorig jaar een hartaanval gehad, nu lukt het inloggen niet",
        "Hoe koppel ik mijn hartslagmeter aan de app?",
        "No chest pain, I just cannot log in",
    ],
)
def test_negation_past_and_technical_words_are_not_urgent(text):
    assert classify(text).route != "urgent"


@pytest.mark.parametrize(
    ("text", "route", "topic"),
    [
        ("Ik kan niet inloggen met DigiD in het portaal", "helpdesk", "login"),
        ("Mijn bloeddrukmeter wil niet koppelen via bluetooth", "helpdesk", "home_monitoring"),
        ("Bij het beeldbellen werkt mijn camera niet", "helpdesk", "video_call"),
        ("Wat betekent mijn uitslag van het bloedonderzoek? Is dit normaal?", "care_provider", None),
        ("Ik wil mijn afspraak verzetten naar volgende week", "organisation", None),
        ("Ik wil weten wie mijn dossier heeft ingezien, privacy", "privacy", None),
        ("Hoe maak ik verbinding met wifi thuis?", "general_digital", None),
    ],
)
def test_route_and_topic(text, route, topic):
    result = classify(text)
    assert (result.route, result.topic) == (route, topic)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ik kan niet inloggen op mijn portaal", "nl"),
        ("I cannot log in to the app", "en"),
        ("Uygulamaya giriş yapamıyorum", "tr"),
        ("Nie mogę się zalogować do aplikacji", "pl"),
        ("Не можу увійти в застосунок", "uk"),
        ("لا أستطيع تسجيل الدخول", "ar"),
        ("Ich kann mich nicht anmelden", "de"),
        ("Je ne peux pas me connecter", "fr"),
        ("ok", "und"),
        ("???", "und"),
    ],
)
def test_language(text, language):
    assert classify(text).language == language


def test_result_follows_the_contract():
    result = classify("Mijn BSN is 111222333 en ik kan niet inloggen", organisation="ziekenhuis")
    assert "111222333" not in result.redacted_text
    assert set(result.confidence) == {"language", "route", "topic"}
    assert all(0 <= value <= 1 for value in result.confidence.values())
    assert result.model_version
    assert result.as_dict()["route"] in ROUTES


def test_a_medical_question_with_a_technical_one_is_never_left_to_the_helpdesk():
    """The priority rule: care_provider > helpdesk (the learned model may even raise it to urgent)."""
    assert classify("Bijwerking van mijn medicijn, en ik kan ook niet inloggen").route in {"care_provider", "urgent"}


@pytest.mark.parametrize(
    "text",
    [
        "Ik kan niet inloggen",
        "Ik krijg geen sms-code",
        "Mijn moeder kan niet inloggen op het portaal",
        "I forgot my password",
        "Şifremi unuttum",
        "Я забув пароль",
        "J'ai oublié mon mot de passe",
        "Ich habe mein Passwort vergessen",
    ],
)
def test_everyday_questions_are_not_urgent(text):
    assert classify(text).route != "urgent"


def test_an_urgent_message_caught_by_the_model_alone_says_which_words_made_it_urgent():
    result = classify("Mijn vader praat ineens heel vreemd en zijn arm doet niks meer")
    assert result.route == "urgent"
    assert result.urgent_reasons
    assert all(
        reason in "Mijn vader praat ineens heel vreemd en zijn arm doet niks meer" for reason in result.urgent_reasons
    )
