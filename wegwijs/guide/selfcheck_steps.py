"""The public self-check one screen at a time, without JavaScript and without a session or cookie: the answers
so far travel in the form as a signed token (django.core.signing), so they cannot be changed in the browser,
and each Next checks the answer on its own screen. No database here.

A screen's Next refuses an unanswered scoring question (the person stays on it, with an error); the three
questions that do not score may be skipped. Back keeps an answer given on the screen it leaves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from django.core import signing
from django_stubs_ext import StrPromise

from wegwijs.core.errors import DomainError
from wegwijs.guide.choices import FilledIn
from wegwijs.guide.selfcheck import QUESTIONS, Question, valid_answer

SALT = "wegwijs.guide.selfcheck"
MAX_AGE_SECONDS = 24 * 60 * 60  # long enough to pause; an older page starts again
# The language question shows every language by its own name, in its own script.
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "tr": "Türkçe",
    "ar": "العربية",
    "pl": "Polski",
    "uk": "Українська",
    "de": "Deutsch",
    "fr": "Français",
}
RIGHT_TO_LEFT = frozenset({"ar"})


class ProgressRefused(DomainError):
    """The hidden answers were changed, or are too old: the person starts again."""

    code = "selfcheck_progress_refused"
    status = 400


@dataclass(frozen=True)
class Progress:
    step: int  # the screen shown, 1 .. len(QUESTIONS)
    filled_in: str = FilledIn.ALONE
    answers: Mapping[str, str] = field(default_factory=dict)

    @property
    def question(self) -> Question:
        return QUESTIONS[self.step - 1]

    @property
    def total(self) -> int:
        return len(QUESTIONS)


@dataclass(frozen=True)
class Step:
    progress: Progress  # the screen to show next (or the last one, when done)
    missing: bool = False  # the scoring question on this screen was not answered
    done: bool = False  # every screen answered: record the result


@dataclass(frozen=True)
class ScreenOption:
    key: str
    label: StrPromise | str
    language: str = ""  # set when the label is in another language than the page
    direction: str = ""


def progress_start(*, filled_in: str) -> Progress:
    return Progress(step=1, filled_in=filled_in if filled_in in FilledIn.values else FilledIn.ALONE)


def _salt(organisation_slug: str) -> str:
    return f"{SALT}:{organisation_slug}"  # a token made for one organisation's page is refused by another's


def progress_dump(progress: Progress, *, organisation_slug: str) -> str:
    data = {"s": progress.step, "f": progress.filled_in, "a": dict(progress.answers)}
    return signing.dumps(data, salt=_salt(organisation_slug), compress=True)


def progress_load(token: str, *, organisation_slug: str) -> Progress:
    try:
        data = signing.loads(token, salt=_salt(organisation_slug), max_age=MAX_AGE_SECONDS)
    except signing.BadSignature as error:  # also SignatureExpired
        raise ProgressRefused("the self-check's answers were changed or are too old") from error
    step, filled_in, answers = data.get("s"), data.get("f"), data.get("a")
    if (
        not isinstance(step, int)
        or not 1 <= step <= len(QUESTIONS)
        or filled_in not in FilledIn.values
        or not isinstance(answers, dict)
        or not all(isinstance(value, str) and valid_answer(key, value) for key, value in answers.items())
    ):
        raise ProgressRefused("the self-check's answers do not fit its questions")
    return Progress(step=step, filled_in=filled_in, answers=answers)


def _first_missing(answers: Mapping[str, str]) -> int | None:
    return next(
        (number for number, question in enumerate(QUESTIONS, 1) if question.scores and question.key not in answers),
        None,
    )


def progress_advance(progress: Progress, *, answer: str, back: bool = False) -> Step:
    """The next screen after Next (or Back) with `answer` chosen on the current one."""
    question = progress.question
    answers = dict(progress.answers)
    if valid_answer(question.key, answer):
        answers[question.key] = answer
    here = replace(progress, answers=answers)
    if back:
        return Step(replace(here, step=max(1, progress.step - 1)))
    if question.scores and question.key not in answers:
        return Step(here, missing=True)
    if progress.step < len(QUESTIONS):
        return Step(replace(here, step=progress.step + 1))
    missing = _first_missing(answers)
    if missing is not None:  # cannot happen through the screens; keeps `score` from refusing later
        return Step(replace(here, step=missing), missing=True)
    return Step(here, done=True)


def filled_in_options() -> list[ScreenOption]:
    """The start page's question: who fills in the self-check."""
    return [ScreenOption(value, label) for value, label in FilledIn.choices]


def screen_options(question: Question) -> list[ScreenOption]:
    """The options as the screen shows them: languages by their own name, marked with their language."""
    if question.key != "language":
        return [ScreenOption(option.key, option.label) for option in question.options]
    return [
        ScreenOption(
            option.key,
            LANGUAGE_NAMES[option.key],
            language=option.key,
            direction="rtl" if option.key in RIGHT_TO_LEFT else "ltr",
        )
        for option in question.options
    ]
