"""The self-check's scoring, as documented in guide/selfcheck.py."""

import pytest

from wegwijs.guide import selfcheck

ALL_YES = {"device": "yes", "operate": "yes", "find": "yes", "digid": "yes", "confidence": "yes"}


def answers(**changes):
    return {**ALL_YES, "help_way": "phone", "language": "tr", "naaste": "never", **changes}


def test_there_are_at_most_eight_questions_each_with_a_pictogram():
    assert len(selfcheck.QUESTIONS) <= 8
    assert all(question.icon for question in selfcheck.QUESTIONS)
    assert {"device", "operate", "find", "digid", "confidence", "help_way", "language", "naaste"} == set(
        selfcheck.BY_KEY
    )


@pytest.mark.parametrize(
    ("changes", "score", "level"),
    [
        ({}, 10, "gevorderd"),
        ({"confidence": "partly", "digid": "partly"}, 8, "gevorderd"),
        ({"confidence": "no", "digid": "partly"}, 7, "ervaren"),
        ({"find": "partly", "digid": "partly", "confidence": "partly"}, 7, "ervaren"),
        ({"find": "no", "digid": "no", "confidence": "partly"}, 5, "ervaren"),
        ({"find": "no", "digid": "no", "confidence": "no"}, 4, "beginner"),
        ({"device": "partly", "operate": "partly", "find": "no", "digid": "no", "confidence": "no"}, 2, "beginner"),
        # without a device with internet, or without the basic operations: beginner whatever the total
        ({"device": "no"}, 8, "beginner"),
        ({"operate": "no"}, 8, "beginner"),
    ],
)
def test_scores_and_levels(changes, score, level):
    outcome = selfcheck.score(answers(**changes))
    assert (outcome.score, outcome.level) == (score, level)


def test_the_non_scoring_answers_steer_the_advice_and_may_be_skipped():
    outcome = selfcheck.score(answers(naaste="often"))
    assert (outcome.preferred_way, outcome.language, outcome.naaste_helps) == ("phone", "tr", True)
    skipped = selfcheck.score(dict(ALL_YES))
    assert (skipped.preferred_way, skipped.language, skipped.naaste_helps) == ("", "", False)


@pytest.mark.parametrize("broken", [{"digid": ""}, {"digid": "maybe"}, {"device": "nope"}])
def test_a_missing_or_unknown_scoring_answer_is_refused(broken):
    with pytest.raises(selfcheck.IncompleteAnswers):
        selfcheck.score(answers(**broken))
