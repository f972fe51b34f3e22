"""Which status changes are allowed, and what they mean. Pure functions."""

from __future__ import annotations

from wegwijs.helpdesk.choices import OPEN_STATUSES, Status

# From a status to the statuses an agent may set.
AGENT_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.OPEN, Status.WAITING_ON_PERSON, Status.REFERRED, Status.RESOLVED, Status.CLOSED}),
    Status.OPEN: frozenset({Status.WAITING_ON_PERSON, Status.REFERRED, Status.RESOLVED, Status.CLOSED}),
    Status.WAITING_ON_PERSON: frozenset({Status.OPEN, Status.REFERRED, Status.RESOLVED, Status.CLOSED}),
    Status.REFERRED: frozenset({Status.OPEN, Status.RESOLVED, Status.CLOSED}),
    Status.RESOLVED: frozenset({Status.OPEN, Status.CLOSED}),
    Status.CLOSED: frozenset({Status.OPEN}),
}


def can_agent_set_status(current: str, new: str) -> bool:
    return new in AGENT_TRANSITIONS.get(current, frozenset())


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def status_after_person_writes(current: str) -> str:
    """A message from the person puts the question back in the agents' hands, even when it was resolved."""
    return Status.OPEN if current in {Status.WAITING_ON_PERSON, Status.RESOLVED} else current


def status_after_reply(current: str) -> str:
    return Status.WAITING_ON_PERSON if current in {Status.NEW, Status.OPEN} else current
