"""The recommendation table: every phase × level, with languages, preferred ways and postcodes varied. The
expected choices were worked out by hand from the rules in guide/recommend.py's docstring."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import translation

from wegwijs.guide.matrix import matrix_defaults
from wegwijs.guide.recommend import OfferingData, Situation, recommend

WEEKDAYS_MORNING = {day: [["09:00", "12:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
CATALOGUE = [
    OfferingData("video_nl", "information", "instruction_video", "Video's over de app", frozenset({"online"})),
    OfferingData(
        "video_tr",
        "information",
        "instruction_video",
        "Video's MijnPortaal",
        frozenset({"online"}),
        languages=frozenset({"tr", "nl"}),
        tools=frozenset({"portal"}),
    ),
    OfferingData(
        "folder", "information", "manual", "Folder", frozenset({"paper"}), levels=frozenset({"beginner", "ervaren"})
    ),
    OfferingData(
        "digituin",
        "guidance_on_location",
        "digituin",
        "Digituin Vechtdal",
        frozenset({"in_person", "phone"}),
        postcode="7701",
        postcode_ranges=((7700, 7799),),
        weekly_hours=WEEKDAYS_MORNING,
    ),
    OfferingData(
        "inloop",
        "guidance_on_location",
        "walk_in_hour",
        "Inloopspreekuur bibliotheek",
        frozenset({"in_person"}),
        languages=frozenset({"nl", "tr", "ar"}),
        postcode="8011",
        postcode_ranges=((8000, 8099),),
        weekly_hours={"wed": [["13:00", "15:00"]]},
    ),
    OfferingData(
        "student",
        "guidance_on_location",
        "student_at_home",
        "Student aan huis",
        frozenset({"at_home", "phone"}),
        levels=frozenset({"beginner"}),
        phases=frozenset({"start_of_use", "during_use"}),
    ),
    OfferingData(
        "peers",
        "guidance_on_location",
        "peer_to_peer",
        "Lotgenotengroep",
        frozenset({"in_person"}),
        phases=frozenset({"after_use"}),
        postcode="7701",
        postcode_ranges=((7700, 7799),),
        weekly_hours={"fri": [["14:00", "16:00"]]},
    ),
    OfferingData(
        "regional",
        "helpdesk",
        "regional_helpdesk",
        "Helpdesk Digitale Zorg",
        frozenset({"phone", "email", "chat"}),
        languages=frozenset({"nl", "en"}),
    ),
    OfferingData(
        "supplier",
        "helpdesk",
        "supplier_helpdesk",
        "Helpdesk leverancier",
        frozenset({"phone"}),
        tools=frozenset({"portal"}),
    ),
    OfferingData(
        "course",
        "training",
        "skills_training",
        "Cursus Klik & Tik",
        frozenset({"in_person"}),
        levels=frozenset({"beginner"}),
        phases=frozenset({"before_visit"}),
        postcode="7701",
        postcode_ranges=((7700, 7799),),
        weekly_hours={"thu": [["10:00", "12:00"]]},
    ),
]
MONDAY_TEN = dt.datetime(2026, 12, 7, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))

TABLE = [
    # phase, level, language, preferred way, postcode -> chosen offerings (in the matrix's order of forms), nearest
    ("before_visit", "beginner", "nl", "phone", "7711", ["course", "digituin"], "course"),
    ("before_visit", "ervaren", "tr", "in_person", "8011", ["video_tr", "supplier"], "inloop"),
    ("before_visit", "gevorderd", "en", "written", "7711", ["video_tr"], "digituin"),
    ("during_visit", "beginner", "ar", "in_person", "8011", ["inloop", "video_tr"], "inloop"),
    ("during_visit", "ervaren", "nl", "video", "7711", ["digituin", "video_tr"], "digituin"),
    ("during_visit", "gevorderd", "nl", "phone", "", ["video_tr"], "digituin"),
    ("start_of_use", "beginner", "nl", "in_person", "7711", ["digituin", "supplier", "video_tr"], "digituin"),
    ("start_of_use", "ervaren", "uk", "phone", "7711", ["video_tr", "supplier"], "digituin"),
    ("start_of_use", "gevorderd", "nl", "written", "7711", ["video_tr", "regional"], "digituin"),
    ("during_use", "beginner", "nl", "phone", "7711", ["supplier", "digituin", "video_tr"], "digituin"),
    ("during_use", "ervaren", "en", "phone", "7711", ["regional", "digituin"], "digituin"),
    ("during_use", "gevorderd", "nl", "in_person", "7711", ["supplier"], "digituin"),
    ("after_use", "beginner", "nl", "in_person", "7711", ["digituin", "supplier"], "digituin"),
    ("after_use", "ervaren", "tr", "in_person", "8011", ["supplier", "video_tr", "inloop"], "inloop"),
    ("after_use", "gevorderd", "nl", "written", "7711", ["regional", "video_tr"], "digituin"),
]


def advise(phase, level, language="nl", way="", postcode="", tool="portal"):
    situation = Situation(level, phase, language, tool, way, postcode, MONDAY_TEN)
    return recommend(situation, CATALOGUE, matrix_defaults(language)[(phase, level)])


def test_the_table_covers_every_phase_and_level():
    assert {(row[0], row[1]) for row in TABLE} == set(matrix_defaults("nl"))


@pytest.mark.parametrize(("phase", "level", "language", "way", "postcode", "chosen", "nearest"), TABLE)
def test_recommendations(phase, level, language, way, postcode, chosen, nearest):
    advice = advise(phase, level, language, way, postcode)
    assert [recommendation.offering.key for recommendation in advice.recommendations] == chosen
    assert advice.nearest_in_person.offering.key == nearest
    assert advice.advice == matrix_defaults(language)[(phase, level)].advice


def test_another_tool_gets_the_general_offerings():
    advice = advise("start_of_use", "gevorderd", tool="app")
    assert [recommendation.offering.key for recommendation in advice.recommendations] == ["video_nl", "regional"]


def test_the_nearest_walk_in_hour_says_when_it_is_next_open():
    advice = advise("during_visit", "beginner", "ar", "in_person", "8011")
    state = advice.nearest_in_person.open_state
    assert not state.is_open
    assert state.opens_at == dt.datetime(2026, 12, 9, 13, 0, tzinfo=MONDAY_TEN.tzinfo)
    digituin = advise("during_visit", "ervaren", "nl", "video", "7711").nearest_in_person.open_state
    assert digituin.is_open
    assert digituin.closes_at == MONDAY_TEN.replace(hour=12)


def test_each_choice_is_explained_in_one_plain_sentence():
    with translation.override("en"):
        advice = advise("during_visit", "beginner", "ar", "in_person", "8011")
    reason = advice.recommendations[0].reason
    assert reason == (
        "At Inloopspreekuur bibliotheek someone helps you in person (in your language, the way you prefer, "
        "close to where you live)."
    )
    assert advice.recommendations[1].reason.count(".") == 1


def test_same_situation_same_advice():
    assert advise("during_use", "beginner", "nl", "phone", "7711") == advise(
        "during_use", "beginner", "nl", "phone", "7711"
    )
