"""Keeping rollups current: what the helpdesk calls when something happens to a question."""

from __future__ import annotations

from django.db import transaction

from wegwijs.helpdesk.choices import EventKind
from wegwijs.helpdesk.models import Ticket
from wegwijs.insights.rollups import rollup_day
from wegwijs.insights.tasks import refresh_rollup

# Timeline events that change nothing a rollup counts. Any other event (a new kind too) refreshes the day.
EVENTS_WITHOUT_FACTS = frozenset(
    {
        EventKind.NOTE,
        EventKind.PRIORITY,
        EventKind.ASSIGNED,
        EventKind.LINKED,
        EventKind.ESCALATED,
        EventKind.EMAIL_FLAGGED,
        EventKind.EMAIL_SENT,
        EventKind.EMAIL_FAILED,
        EventKind.REFERRAL_RECEIVED,
    }
)


class _PendingRefreshes:
    """The (organisation, day) pairs to refresh once the current transaction commits: one task each."""

    def __init__(self, key: tuple[int, str]) -> None:
        self.keys = {key}
        self.sent = False  # a test's captureOnCommitCallbacks runs callbacks without taking them off the list

    def __call__(self) -> None:
        self.sent = True
        for organisation_id, day_iso in sorted(self.keys):
            refresh_rollup.enqueue(organisation_id, day_iso)


def rollup_refresh_on_commit(*, ticket: Ticket, event: str) -> None:
    """After `event` on the question: queue a refresh of the rollups of its creation day once the transaction
    commits, one for each organisation and day however many events the transaction records."""
    if event in EVENTS_WITHOUT_FACTS:
        return
    key = (ticket.organisation_id, rollup_day(ticket.created_at).isoformat())
    # The transaction's pending callbacks (Django drops those of a rolled-back savepoint): join the batch
    # already waiting there, if any.
    waiting = (entry[1] for entry in transaction.get_connection().run_on_commit)
    pending = next((call for call in waiting if isinstance(call, _PendingRefreshes) and not call.sent), None)
    if pending is not None:
        pending.keys.add(key)
    else:
        # robust: the question's own change is committed by now; a failed enqueue is logged, and a rebuild repairs it.
        transaction.on_commit(_PendingRefreshes(key), robust=True)
