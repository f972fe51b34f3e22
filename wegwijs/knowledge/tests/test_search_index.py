"""The search index and analysis, without the database: how people really type."""

import pytest

from wegwijs.knowledge.search import analysis
from wegwijs.knowledge.search.index import Document, LanguageIndex
from wegwijs.knowledge.search.language import detect
from wegwijs.knowledge.search.synonyms import DEFAULT_SYNONYMS, groups

DOCUMENTS = [
    Document("digid", "nl", "Inloggen met DigiD", ["inloggen", "digid"], "Open de DigiD app. Scan de QR-code."),
    Document(
        "wachtwoord",
        "nl",
        "Wachtwoord vergeten",
        ["wachtwoord"],
        "Weet u uw wachtwoord niet meer? Kies op de inlogpagina Wachtwoord vergeten. Daarna kunt u weer inloggen.",
    ),
    Document("meter", "nl", "Bloeddrukmeter koppelen", ["bluetooth"], "Zet Bluetooth aan op uw telefoon."),
    Document("beeld", "nl", "Beeldbellen met uw arts", ["video"], "Klik op de link in de uitnodiging."),
    Document("uitslag", "nl", "Uitslagen bekijken", ["portaal"], "Kies in het portaal voor Uitslagen."),
    Document("login-en", "en", "Logging in with DigiD", ["login"], "Open the DigiD app."),
]
INDEX = LanguageIndex.build(DOCUMENTS, language="nl", synonym_groups=groups(DEFAULT_SYNONYMS["nl"]))


def first(query: str) -> str:
    hits = INDEX.search(query)
    return hits[0].key if hits else ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("inloggen digid", "digid"),
        ("inlogen met digid", "digid"),  # typo
        ("wachtwort vergeten", "wachtwoord"),  # typo
        ("pincode vergeten", "wachtwoord"),  # synonym
        ("bloedrukmeter", "meter"),  # typo in a compound
        ("bloeddruk meter koppelen", "meter"),  # the compound typed apart
        ("videobellen", "beeld"),  # synonym
        ("hoe kan ik mijn labuitslagen zien", "uitslag"),  # story-like, synonym
        (
            "Goedemorgen, mijn moeder is 84 en woont alleen. Ik help haar met haar telefoon. Gisteren probeerde "
            "ze in te loggen maar ze weet haar wachtwoord niet meer. Wat moet ze doen?",
            "wachtwoord",
        ),
    ],
)
def test_people_find_the_article_however_they_type(query, expected):
    assert first(query) == expected


def test_only_documents_in_the_index_language_are_indexed():
    assert "login-en" not in {hit.key for hit in INDEX.search("open the digid app")}


def test_a_query_of_only_stopwords_or_unknown_words_finds_nothing():
    assert INDEX.search("de het een") == []
    assert INDEX.search("xqzw") == []


def test_normalising_drops_accents_and_unifies_arabic_letters():
    assert analysis.words("Patiënt PORTAAL") == ["patient", "portaal"]
    assert analysis.normalise("أَنا") == analysis.normalise("انا")
    assert analysis.stems("uitslagen", "nl") & analysis.stems("uitslag", "nl")
    assert analysis.stems("wachtwoorden", "nl") & analysis.stems("wachtwoord", "nl")
    assert analysis.stems("ingelogd", "nl") & analysis.stems("inloggen", "nl")
    assert analysis.stem("пароль", "uk") == analysis.stem("паролем", "uk")  # light stemming


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ik kan niet inloggen op het portaal", "nl"),
        ("I cannot log in to the patient portal", "en"),
        ("Portala giriş yapamıyorum, şifremi unuttum", "tr"),
        ("لا أستطيع تسجيل الدخول", "ar"),
        ("Nie mogę zalogować się do portalu", "pl"),
        ("Не можу увійти в портал", "uk"),
        ("ok", "nl"),
        ("???", "nl"),
    ],
)
def test_the_language_of_a_search_is_detected_or_falls_back(text, language):
    assert detect(text) == language
