"""Remove identifiers from free text.

`redact_bsn` strips the BSN (Dutch citizen service number), which we must never store: it runs on every
message before it is saved. A BSN is nine digits (eight with a leading zero dropped) that pass the 11-test;
people write it with spaces, dots or dashes. Numbers that fail the 11-test (order numbers) are left alone.

`redact` is for text that leaves a ticket (analytics, search logs, the triage result): it also replaces
IBANs, e-mail addresses and phone numbers. Candidates are checked with maintained libraries (python-stdnum
for the IBAN check digits, phonenumbers for the numbering plans) rather than home-made rules, so dates,
amounts, ticket numbers and other numbers stay. The order matters:
- IBANs and e-mail addresses first: their digit runs can pass the 11-test, and redacting those as a BSN
  would leave the rest of the account number or address behind;
- BSNs before phone numbers, so a BSN is always removed as a BSN, whatever the phone matcher makes of it.
No replacement marker contains a digit or an "@", so a later step never changes an earlier one.
"""

from __future__ import annotations

import re

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn

BSN_PLACEHOLDER = "[BSN]"
IBAN_PLACEHOLDER = "[IBAN]"
EMAIL_PLACEHOLDER = "[E-MAIL]"
PHONE_PLACEHOLDER = "[TELEFOON]"

# Eight or nine digits, optionally grouped by single spaces, dots or dashes, not part of a longer number.
CANDIDATE = re.compile(r"(?<![\d\w])(\d(?:[ .\-]?\d){7,8})(?![\d\w])")
# Country code, check digits, then capitals or digits in groups of four (the last may be shorter), spaced or not.
IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# VALID: the number fits a numbering plan. POSSIBLE (length only) would also take dates and BSNs.
PHONE_LENIENCY = phonenumbers.Leniency.VALID


def redact_bsn(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(1))
        return BSN_PLACEHOLDER if bsn.is_valid(digits) else match.group(0)

    return CANDIDATE.sub(replace, text)


def redact(text: str) -> str:
    """Replace IBANs, e-mail addresses, BSNs and phone numbers (Dutch or international) by markers ([BSN], ...)."""
    text = IBAN_CANDIDATE.sub(_replace_iban, text)
    text = redact_bsn(EMAIL.sub(EMAIL_PLACEHOLDER, text))
    return _redact_phone_numbers(text)


def _replace_iban(match: re.Match[str]) -> str:
    # The pattern may run on into a next word ("BE48 3200 7018 4927 OK"): drop words from the end until valid.
    written = number = match.group(0)
    while not iban.is_valid(number):
        number, space, _ = number.rpartition(" ")
        if not space:
            return written
    return IBAN_PLACEHOLDER + written[len(number) :]


def _redact_phone_numbers(text: str) -> str:
    parts: list[str] = []
    end = 0
    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=PHONE_LENIENCY):
        parts += [text[end : match.start], PHONE_PLACEHOLDER]
        end = match.end
    return "".join([*parts, text[end:]])
