"""Every string of the product is translated in every language we serve, with the same %(...)s fields."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "wegwijs" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|\{\w*\}")


def _strings(value: object) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [str(value)]


@pytest.mark.parametrize("language", ["nl", "tr", "ar", "pl", "uk"])
def test_catalogue_is_complete_and_keeps_its_fields(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalogue = read_po(handle)
    missing, fuzzy, broken = [], [], []
    for message in catalogue:
        if not message.id:
            continue
        if message.fuzzy:
            fuzzy.append(message.id)
        translations = _strings(message.string)
        if not all(translations):
            missing.append(message.id)
            continue
        expected = sorted(PLACEHOLDER.findall(_strings(message.id)[-1]))
        for translation in translations:
            if (sorted(PLACEHOLDER.findall(translation)) != expected and catalogue.num_plurals == 1) or (
                set(PLACEHOLDER.findall(translation)) - set(expected)
            ):
                broken.append(message.id)
    assert (missing, fuzzy, broken) == ([], [], [])
