"""From text to search terms, per language. Pure: no database, no Django.

- normalise: Unicode NFKC, case folding, Latin accents and Arabic diacritics and tatweel removed (people
  type "patient" for "patiënt"), Arabic letter variants unified.
- stem: Snowball (PyStemmer) where it has the language; Ukrainian gets light stemming (common endings
  taken off), since Snowball has no Ukrainian.
- stopwords: short lists per language, so a long question written as a story keeps its content words.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import Stemmer

SNOWBALL = {
    "nl": "dutch",  # with "dutch_porter" as a second opinion, see stems()
    "en": "english",
    "de": "german",
    "fr": "french",
    "tr": "turkish",
    "pl": "polish",
    "ar": "arabic",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "ru": "russian",
}
# Snowball has no Ukrainian: its most common case and number endings are taken off (light stemming).
UKRAINIAN_ENDINGS = sorted(
    [
        "ами",
        "ями",
        "ові",
        "еві",
        "ого",
        "ому",
        "ими",
        "іми",
        "ах",
        "ях",
        "ам",
        "ям",
        "ом",
        "ем",
        "ою",
        "ею",
        "ів",
        "їв",
        "ий",
        "ій",
        "ої",
        "их",
        "іх",
        "ти",
        "а",
        "я",
        "о",
        "е",
        "у",
        "ю",
        "і",
        "и",
        "ь",
        "й",
    ],
    key=len,
    reverse=True,
)
STEM_MIN = 3
WORD = re.compile(r"\w+", re.UNICODE)
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})

STOPWORD_TEXT: dict[str, str] = {
    "nl": "de het een en van in op te dat die is ik je u mijn mij me we wij ze zij hij het er niet wel "
    "met voor aan als bij of om maar dan ook nog al zo naar uit over tot door heb heeft hebben ben "
    "was waren wordt worden kan kun kunt kunnen moet moeten wil wilt zou zijn haar hem hun ons onze "
    "wat hoe waar wie waarom wanneer welke dit deze daar hier nu toen steeds even graag alstublieft "
    "hallo goedemorgen goedemiddag beste dag dank bedankt groet groeten",
    "en": "the a an and of in on to that this is i you my me we they he she it not with for at as by or "
    "but then also so from about have has had am are was were be can could should would will do "
    "does did how what where who why when which there here please hello hi thanks",
    "de": "der die das ein eine und von in auf zu ist ich du sie er es nicht mit für wie was wo",
    "fr": "le la les un une et de du des en à est je tu il elle ne pas avec pour comment que où",
    "tr": "ve bir bu şu o ben sen biz siz için ile ama de da mi mı mu mü nasıl ne nerede",
    "pl": "i w na z do nie się to jest jak co ja ty on ona że czy mój moja mam",
    "uk": "і й в у на з до не це як що я ти він вона мій моя мене є чи але",
    "ar": "في من على الى إلى عن مع هذا هذه انا أنا لا كيف ما ماذا هل و",
}


LATIN_MARKS = re.compile(r"(?<=[a-z])[\u0300-\u036f]+")  # accents on Latin letters (after case folding)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        return text
    text = ARABIC_MARKS.sub("", text).translate(ARABIC_LETTERS)
    return unicodedata.normalize("NFC", LATIN_MARKS.sub("", unicodedata.normalize("NFD", text)))


STOPWORDS = {language: frozenset(normalise(word) for word in text.split()) for language, text in STOPWORD_TEXT.items()}


def words(text: str) -> list[str]:
    """The words of a text, normalised, digits kept (a question number, "112")."""
    return WORD.findall(normalise(text))


@functools.cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = SNOWBALL.get(language)
    return Stemmer.Stemmer(algorithm) if algorithm else None


def stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    if stemmer is not None:
        return str(stemmer.stemWord(word))
    if language == "uk":
        ending = next((end for end in UKRAINIAN_ENDINGS if word.endswith(end) and len(word) - len(end) >= STEM_MIN), "")
        return word[: len(word) - len(ending)]
    return word


SECOND_OPINION = {"nl": "dutch_porter"}


@functools.cache
def _second_stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = SECOND_OPINION.get(language)
    return Stemmer.Stemmer(algorithm) if algorithm else None


def stems(word: str, language: str) -> frozenset[str]:
    """The stems a word is known by. Dutch gets both Snowball stemmers: each gets some forms wrong that the
    other gets right ("wachtwoorden", "uitslagen", "apps" / "ingelogd", "brieven"); matching either helps."""
    second = _second_stemmer(language)
    first = stem(word, language)
    return frozenset({first, str(second.stemWord(word))}) if second else frozenset({first})


def content_words(text: str, language: str) -> list[str]:
    """The words that carry meaning: stopwords and one-letter words left out."""
    stop = STOPWORDS.get(language, frozenset())
    return [word for word in words(text) if word not in stop and (len(word) > 1 or word.isdigit())]
