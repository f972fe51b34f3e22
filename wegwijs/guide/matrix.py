"""The toolkit's matrix as shipped defaults: for each journey phase and skill level, what helps (one plain piece
of advice) and which forms of support, most helpful first. Written for this product from the toolkit's content
(../shared/spec/toolkit.md); organisations replace any cell with their own text (`MatrixCell`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from wegwijs.guide.choices import Form, Level, Phase


@dataclass(frozen=True)
class Cell:
    advice: str
    forms: list[str]  # Form values, most helpful first


INFO, ON_LOCATION, HELPDESK, TRAINING = Form.INFORMATION, Form.GUIDANCE_ON_LOCATION, Form.HELPDESK, Form.TRAINING

# (phase, level) -> (advice, forms)
DEFAULTS: dict[tuple[str, str], tuple[StrPromise, tuple[str, ...]]] = {
    (Phase.BEFORE_VISIT, Level.BEGINNER): (
        _("First learn the basics of a computer, tablet or phone, for example in a course at the library. Then the "
          "step to the digital tool is smaller."),
        (TRAINING, ON_LOCATION),
    ),
    (Phase.BEFORE_VISIT, Level.ERVAREN): (
        _("Look at the videos, the folder or the website before your appointment. Read only what you need to "
          "prepare, and write down your questions."),
        (INFO, HELPDESK),
    ),
    (Phase.BEFORE_VISIT, Level.GEVORDERD): (
        _("Videos, a manual and the website are there if you want them. Use them when it suits you."),
        (INFO,),
    ),
    (Phase.DURING_VISIT, Level.BEGINNER): (
        _("Talk about your treatment first and why the tool helps. Decide together whether you want more "
          "explanation, now or later, and take the help material with you."),
        (ON_LOCATION, INFO),
    ),
    (Phase.DURING_VISIT, Level.ERVAREN): (
        _("A short explanation during the visit is enough; not too much at once. If you want, someone helps you "
          "in person afterwards."),
        (ON_LOCATION, INFO),
    ),
    (Phase.DURING_VISIT, Level.GEVORDERD): (
        _("A general explanation of the tool and how to enter your data correctly. Use the checklist to see "
          "whether everything is clear."),
        (INFO,),
    ),
    (Phase.START_OF_USE, Level.BEGINNER): (
        _("Get help step by step the first time you use it: at home (a student comes by) or at a help point "
          "with someone who shows you."),
        (ON_LOCATION, HELPDESK, INFO),
    ),
    (Phase.START_OF_USE, Level.ERVAREN): (
        _("Start with the videos, the manual or the website. A paper folder helps as well."),
        (INFO, HELPDESK),
    ),
    (Phase.START_OF_USE, Level.GEVORDERD): (
        _("The manual and the videos are enough for most people. The tool's helpdesk is there if you get stuck."),
        (INFO, HELPDESK),
    ),
    (Phase.DURING_USE, Level.BEGINNER): (
        _("You can always ask a person for help: call the helpdesk, ask your care provider or have a student come "
          "by. Keep the short help sheets with pictures close by."),
        (HELPDESK, ON_LOCATION, INFO),
    ),
    (Phase.DURING_USE, Level.ERVAREN): (
        _("Call the helpdesk straight away when something does not work. A student can come by at home if needed."),
        (HELPDESK, ON_LOCATION),
    ),
    (Phase.DURING_USE, Level.GEVORDERD): (
        _("Call the tool's helpdesk or go to the organisation's information point."),
        (HELPDESK,),
    ),
    (Phase.AFTER_USE, Level.BEGINNER): (
        _("Meet others who use the tool now and then: learn from each other and help each other."),
        (ON_LOCATION, HELPDESK),
    ),
    (Phase.AFTER_USE, Level.ERVAREN): (
        _("Help stays available for new questions: the helpdesk, the website and the information point."),
        (HELPDESK, INFO, ON_LOCATION),
    ),
    (Phase.AFTER_USE, Level.GEVORDERD): (
        _("A medical question goes to your care provider; a technical question to the helpdesk. Tell us what you "
          "think of the tool."),
        (HELPDESK, INFO),
    ),
}  # fmt: skip


def matrix_defaults(language: str) -> dict[tuple[str, str], Cell]:
    """Every (phase, level) cell of the shipped matrix, its advice in `language`."""
    with translation.override(language):
        return {
            key: Cell(advice=str(advice), forms=[str(form) for form in forms])
            for key, (advice, forms) in DEFAULTS.items()
        }
