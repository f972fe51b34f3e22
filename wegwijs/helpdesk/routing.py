"""Skills-based routing: which team's queue a new question lands in. Pure function over plain data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TeamSkills:
    team_id: int
    organisation_ids: frozenset[int]
    languages: frozenset[str]


def choose_team(teams: Sequence[TeamSkills], *, organisation_id: int, language: str) -> int | None:
    """The team that serves the organisation and speaks the language; else one that serves the organisation
    and speaks Dutch (with an interpreter service); else any team serving the organisation. Ties: lowest id."""
    serving = sorted((team for team in teams if organisation_id in team.organisation_ids), key=lambda t: t.team_id)
    for wanted in (language, "nl"):
        for team in serving:
            if wanted in team.languages:
                return team.team_id
    return serving[0].team_id if serving else None
