"""The self-check: eight short questions, one per screen, that score a person's digital skills into a level
(beginner / ervaren / gevorderd) and note how they prefer to get help. Our own items; question 5 follows the
public single-question literacy screener in Chew's style ("how confident are you filling in forms?").

Scoring (documented and tested):
- five questions score 0, 1 or 2 points (device and internet, operating it, finding information, DigiD,
  confidence): 0-10 points in all;
- 0-4 points: beginner; 5-7: ervaren; 8-10: gevorderd;
- without a device with internet, or without the basic operations, the level is beginner whatever the total:
  the person needs personal help to start, whatever else they can do;
- the last three questions (preferred way of help, language, whether a naaste helps) do not score; they steer
  the recommendations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from wegwijs.guide.choices import HelpWay, Level

BEGINNER_MAX = 4
ERVAREN_MAX = 7
LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk", "de", "fr")


@dataclass(frozen=True)
class Option:
    key: str
    label: StrPromise | str
    points: int | None = None  # None: the question does not score


@dataclass(frozen=True)
class Question:
    key: str
    text: StrPromise
    icon: str  # the pictogram's name (templates/guide/icons/<icon>.svg)
    options: tuple[Option, ...]
    hint: StrPromise | str = ""

    @property
    def scores(self) -> bool:
        return any(option.points is not None for option in self.options)


def _scale(yes: StrPromise, partly: StrPromise, no: StrPromise) -> tuple[Option, ...]:
    return (Option("yes", yes, 2), Option("partly", partly, 1), Option("no", no, 0))


QUESTIONS: tuple[Question, ...] = (
    Question(
        "device",
        _("Do you have a phone, tablet or computer with internet at home?"),
        "device",
        _scale(_("Yes, my own"), _("I can use someone else's"), _("No")),
    ),
    Question(
        "operate",
        _("Can you open an app or a website, tap or type something and go back?"),
        "tap",
        _scale(_("Yes, easily"), _("Yes, but it is hard"), _("No")),
    ),
    Question(
        "find",
        _("Can you find something on a website, such as opening hours or a phone number?"),
        "search",
        _scale(_("Yes, easily"), _("Sometimes"), _("No")),
    ),
    Question(
        "digid",
        _("Can you log in with DigiD, with the app or an sms code?"),
        "key",
        _scale(_("Yes, on my own"), _("Only with help"), _("No, or I have no DigiD")),
    ),
    Question(
        "confidence",
        _("How sure are you when you fill in a form on your own, on paper or on a screen?"),
        "form",
        _scale(_("Very sure"), _("A little sure"), _("Not sure")),
    ),
    Question(
        "help_way",
        _("How do you like to get help best?"),
        "help",
        tuple(Option(value, label) for value, label in HelpWay.choices),
    ),
    Question(
        "language",
        _("In which language do you want help?"),
        "language",
        tuple(Option(code, code) for code in LANGUAGES),  # shown with each language's own name
    ),
    Question(
        "naaste",
        _("Does someone close to you help you with the phone or computer?"),
        "people",
        (Option("often", _("Yes, often")), Option("sometimes", _("Sometimes")), Option("never", _("No"))),
    ),
)
BY_KEY = {question.key: question for question in QUESTIONS}
ESSENTIAL = ("device", "operate")  # without these, personal help first


@dataclass(frozen=True)
class Outcome:
    score: int
    level: str
    preferred_way: str
    language: str
    naaste_helps: bool


class IncompleteAnswers(ValueError):
    """A scoring question is unanswered or an answer is not one of its options."""


def valid_answer(question_key: str, answer: str) -> bool:
    question = BY_KEY.get(question_key)
    return question is not None and any(option.key == answer for option in question.options)


def score(answers: Mapping[str, str]) -> Outcome:
    """The level for a complete set of answers (the three non-scoring questions may be skipped)."""
    points = 0
    for question in QUESTIONS:
        if not question.scores:
            continue
        answer = answers.get(question.key, "")
        option = next((option for option in question.options if option.key == answer), None)
        if option is None or option.points is None:
            raise IncompleteAnswers(question.key)
        points += option.points
    if any(answers[key] == "no" for key in ESSENTIAL) or points <= BEGINNER_MAX:
        level = Level.BEGINNER
    elif points <= ERVAREN_MAX:
        level = Level.ERVAREN
    else:
        level = Level.GEVORDERD
    preferred_way = answers.get("help_way", "")
    language = answers.get("language", "")
    return Outcome(
        score=points,
        level=str(level),
        preferred_way=preferred_way if valid_answer("help_way", preferred_way) else "",
        language=language if valid_answer("language", language) else "",
        naaste_helps=answers.get("naaste") in {"often", "sometimes"},
    )
