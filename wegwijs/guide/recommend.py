"""Recommendations: for a person's situation (level, phase, tool, language, preferred way of help, postcode,
now), the concrete offerings from the organisation's catalogue that fit, one per form of support the matrix
advises (most helpful form first), each explained in one plain sentence, and the nearest in-person option
with when it is next open. Deterministic: the same situation and catalogue give the same advice.

No database here: `advice.py` loads the catalogue into `OfferingData` and calls `recommend`.

How an offering is chosen for a form, best first:
1. it suits the situation: phase, level and tool match (an empty list on the offering means "any");
2. it speaks the person's language (an offering without languages speaks Dutch);
3. it reaches the person the way they prefer (in person, phone, video, in writing);
4. it is made for this tool rather than for every tool;
5. in person: it serves the person's postcode area, then the nearest by postcode number;
6. then by name, so ties always break the same way.
The nearest in-person option is looked for among every suitable offering that one meets in person (at a help
point or at home), whatever the matrix advises: a beginner can always get personal help.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wegwijs.guide.choices import Channel, Form, HelpWay
from wegwijs.guide.matrix import Cell
from wegwijs.tenancy import places

PERSONAL_CHANNELS = frozenset({Channel.IN_PERSON, Channel.AT_HOME})
WAY_CHANNELS: dict[str, frozenset[str]] = {
    HelpWay.IN_PERSON: frozenset({Channel.IN_PERSON, Channel.AT_HOME}),
    HelpWay.PHONE: frozenset({Channel.PHONE}),
    HelpWay.VIDEO: frozenset({Channel.VIDEO, Channel.ONLINE}),
    HelpWay.WRITTEN: frozenset({Channel.EMAIL, Channel.CHAT, Channel.ONLINE, Channel.PAPER}),
}
DEFAULT_LANGUAGE = "nl"
FAR_AWAY = 10_000  # a postcode distance larger than any in the Netherlands


@dataclass(frozen=True)
class OfferingData:
    key: str  # the offering's public id
    form: str
    kind: str
    name: str
    channels: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()  # empty: Dutch
    levels: frozenset[str] = frozenset()  # empty: every level
    phases: frozenset[str] = frozenset()  # empty: every phase
    tools: frozenset[str] = frozenset()  # tool keys; empty: every tool
    postcode: str = ""  # of its help point
    postcode_ranges: tuple[tuple[int, int], ...] = ()  # areas its help point serves
    weekly_hours: Mapping[str, Sequence[Sequence[str]]] = field(default_factory=dict)  # empty: no fixed hours
    exceptions: Mapping[dt.date, Sequence[Sequence[str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Situation:
    level: str
    phase: str
    language: str = DEFAULT_LANGUAGE
    tool: str | None = None  # tool key
    preferred_way: str = ""
    postcode: str = ""
    now: dt.datetime | None = None  # aware; needed for opening times


@dataclass(frozen=True)
class Recommendation:
    offering: OfferingData
    reason: str
    open_state: places.OpenState | None  # None: no fixed hours (online, or by appointment)


@dataclass(frozen=True)
class Advice:
    advice: str  # the matrix's advice for this phase and level
    forms: list[str]
    recommendations: list[Recommendation]  # one per advised form that has a suitable offering
    nearest_in_person: Recommendation | None


def speaks(offering: OfferingData, language: str) -> bool:
    return language in (offering.languages or {DEFAULT_LANGUAGE})


def suits(offering: OfferingData, situation: Situation) -> bool:
    return (
        (not offering.phases or situation.phase in offering.phases)
        and (not offering.levels or situation.level in offering.levels)
        and (not offering.tools or situation.tool in offering.tools)
    )


def _postcode_number(postcode: str) -> int | None:
    digits = postcode.strip()[:4]
    return int(digits) if len(digits) == 4 and digits.isdigit() else None


def distance(offering: OfferingData, postcode: str) -> int:
    """0 when the help point serves the person's area; else how far apart the four-digit postcodes are
    (Dutch PC4 numbers are handed out by region, so close numbers are usually close by: a rough measure,
    used only to order help points, never shown). Help at home without a help point comes to the person: 0."""
    if places.serves_postcode(offering.postcode_ranges, postcode) or _comes_to_you(offering):
        return 0
    theirs, ours = _postcode_number(postcode), _postcode_number(offering.postcode)
    return abs(theirs - ours) + 1 if theirs is not None and ours is not None else FAR_AWAY


def _comes_to_you(offering: OfferingData) -> bool:
    return not offering.postcode and Channel.AT_HOME in offering.channels


def _rank(offering: OfferingData, situation: Situation) -> tuple[int, int, int, int, str]:
    wanted = WAY_CHANNELS.get(situation.preferred_way, frozenset())
    return (
        0 if speaks(offering, situation.language) else 1,
        0 if offering.channels & wanted else 1,
        0 if offering.tools else 1,
        distance(offering, situation.postcode) if offering.channels & PERSONAL_CHANNELS else 0,
        offering.name,
    )


def _open_state(offering: OfferingData, now: dt.datetime | None) -> places.OpenState | None:
    if not offering.weekly_hours or now is None:
        return None
    return places.open_state(now, offering.weekly_hours, offering.exceptions)


def _reason(offering: OfferingData, situation: Situation) -> str:
    """One plain sentence: what the offering does for this person, and why it was chosen."""
    what = {
        Form.INFORMATION: _("%(name)s explains the tool step by step, to look at whenever it suits you."),
        Form.GUIDANCE_ON_LOCATION: _("At %(name)s someone helps you in person."),
        Form.HELPDESK: _("%(name)s answers your questions about the tool."),
        Form.TRAINING: _("%(name)s teaches you the basics of a phone, tablet or computer."),
    }[Form(offering.form)] % {"name": offering.name}
    why = []
    if situation.language != DEFAULT_LANGUAGE and speaks(offering, situation.language):
        why.append(_("in your language"))
    if offering.channels & WAY_CHANNELS.get(situation.preferred_way, frozenset()):
        why.append(_("the way you prefer"))
    if offering.channels & PERSONAL_CHANNELS and situation.postcode and distance(offering, situation.postcode) == 0:
        why.append(_("close to where you live"))
    if not why:
        return what
    return what[:-1] + " " + _("(%(reasons)s).") % {"reasons": ", ".join(why)}


def _recommendation(offering: OfferingData, situation: Situation) -> Recommendation:
    return Recommendation(offering, _reason(offering, situation), _open_state(offering, situation.now))


def recommend(situation: Situation, catalogue: Sequence[OfferingData], cell: Cell) -> Advice:
    suitable = sorted(
        (offering for offering in catalogue if suits(offering, situation)), key=lambda o: _rank(o, situation)
    )
    chosen = []
    for form in cell.forms:
        best = next((offering for offering in suitable if offering.form == form), None)
        if best is not None:
            chosen.append(_recommendation(best, situation))
    personal = [offering for offering in suitable if offering.channels & PERSONAL_CHANNELS and offering.weekly_hours]
    personal.sort(key=lambda o: (distance(o, situation.postcode), 0 if speaks(o, situation.language) else 1, o.name))
    nearest = _recommendation(personal[0], situation) if personal else None
    return Advice(advice=cell.advice, forms=list(cell.forms), recommendations=chosen, nearest_in_person=nearest)
