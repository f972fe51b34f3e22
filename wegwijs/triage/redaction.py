"""Remove identifiers we must never store from free text: the BSN (Dutch citizen service number).

A BSN is nine digits (eight with a leading zero dropped) that pass the 11-test; people write it with spaces,
dots or dashes. Numbers that fail the 11-test (phone numbers, order numbers) are left alone.
"""

from __future__ import annotations

import re

from stdnum.nl import bsn

BSN_PLACEHOLDER = "[BSN]"
# Eight or nine digits, optionally grouped by single spaces, dots or dashes, not part of a longer number.
CANDIDATE = re.compile(r"(?<![\d\w])(\d(?:[ .\-]?\d){7,8})(?![\d\w])")


def redact_bsn(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(1))
        return BSN_PLACEHOLDER if bsn.is_valid(digits) else match.group(0)

    return CANDIDATE.sub(replace, text)
