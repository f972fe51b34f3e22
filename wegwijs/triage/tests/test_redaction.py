import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.nl import bsn

from wegwijs.triage.redaction import BSN_PLACEHOLDER, redact_bsn

VALID = "111222333"  # passes the 11-test
assert bsn.is_valid(VALID)


@pytest.mark.parametrize(
    "written",
    ["111222333", "111 222 333", "111.222.333", "111-222-333", "1112 22 333"],
)
def test_a_bsn_is_removed_however_it_is_written(written):
    assert redact_bsn(f"Mijn BSN is {written}, kunt u helpen?") == f"Mijn BSN is {BSN_PLACEHOLDER}, kunt u helpen?"


@pytest.mark.parametrize(
    "text",
    ["Bel 0612345678", "Ordernummer 123456789", "postcode 7771 AB", "IBAN NL91ABNA0417164300", "code 12345"],
)
def test_other_numbers_stay(text):
    assert redact_bsn(text) == text


@given(st.text())
def test_redaction_never_leaves_a_valid_bsn_of_nine_plain_digits(text):
    redacted = redact_bsn(text)
    for word in redacted.split():
        digits = "".join(char for char in word if char.isascii() and char.isdigit())
        if len(digits) == 9 and word.isdigit():
            assert not bsn.is_valid(digits)
