"""How insights name categories and write numbers, in the active language. No database: names of the
organisation's own tools and departments are passed in."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, cast

from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

from wegwijs.guide.choices import DecisionReason, JourneyStatus, Level
from wegwijs.helpdesk.choices import Channel, Route, Topic
from wegwijs.insights.signals import Signal
from wegwijs.insights.suppression import Hidden


def _choice(choices: type[Channel] | type[Route] | type[Topic] | type[Level], value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code or _("Unknown language")


def category_label(table: str, category: Hashable, *, tools: Mapping[int, str], departments: Mapping[int, str]) -> str:
    """The name of a category of a table, as people read it."""
    if table == "channel":
        return _choice(Channel, str(category))
    if table == "route":
        return _choice(Route, str(category))
    if table == "topic":
        return _choice(Topic, str(category)) if category else _("No topic (not a helpdesk question)")
    if table == "tool":
        return tools.get(int(str(category)), _("Unknown tool")) if category else _("No digital tool named")
    if table in ("language", "search", "search_empty"):
        return language_name(str(category))
    if table == "referral":
        return departments.get(int(str(category)), "") if category else _("No department named")
    if table == "assessment":
        return _choice(Level, str(category))
    if table == "decision_status":
        return str(JourneyStatus(str(category)).label)
    if table == "decision":
        status, reason = cast(tuple[str, str], category)
        status_label = str(JourneyStatus(status).label)
        return f"{status_label}: {DecisionReason(reason).label}" if reason else status_label
    if table == "problem":
        topic, tool = cast(tuple[str, int], category)
        return problem_label(topic, tool, tools=tools)
    return str(category)


def problem_label(topic: str, tool: int, *, tools: Mapping[int, str]) -> str:
    """ "Logging in – MijnZorgApp": a topic with the digital tool it was about."""
    topic_label = _choice(Topic, topic) if topic else _("No topic (not a helpdesk question)")
    if not tool:
        return topic_label
    return _("%(topic)s – %(tool)s") % {"topic": topic_label, "tool": tools.get(tool, _("Unknown tool"))}


def weekday_name(weekday: int) -> str:
    return str(WEEKDAYS[weekday])


def hidden_text(hidden: Hidden, k: int) -> str:
    """What a hidden number shows instead: "< 5" for a small group, "•" for one hidden to protect it."""
    return f"< {k}" if hidden is Hidden.SMALL else "•"


def minutes_text(minutes: float | None) -> str | None:
    """A duration as people say it: "25 minutes", "3 hours", "2 days"."""
    if minutes is None:
        return None
    if minutes < 90:
        rounded = max(round(minutes), 1)
        return ngettext("%(count)d minute", "%(count)d minutes", rounded) % {"count": rounded}
    if minutes < 48 * 60:
        return _("%(count)s hours") % {"count": decimal_text(minutes / 60)}
    return _("%(count)s days") % {"count": decimal_text(minutes / 1440)}


def decimal_text(value: float) -> str:
    """One decimal at most, written the way the active language writes it ("1,5" in Dutch)."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else number_format(rounded, decimal_pos=1)


def percent_text(part: int, whole: int) -> str | None:
    return f"{round(100 * part / whole)} %" if whole else None


def change_text(current: int | None, previous: int | None) -> str | None:
    """ "+12 %", "−5 %", "new" or "0 %"; None when either number is hidden."""
    if current is None or previous is None:
        return None
    if previous == 0:
        return _("new") if current else "0 %"
    change = round(100 * (current - previous) / previous)
    return f"+{change} %" if change > 0 else f"−{-change} %" if change < 0 else "0 %"


def _subject(series: Hashable, tools: Mapping[int, str]) -> str:
    kind, *what = cast(tuple[Any, ...], series)
    if kind == "route":
        label = _choice(Route, what[0])
        return _("Questions for “%(route)s”") % {"route": label}
    if kind == "topic":
        label = _choice(Topic, what[0])
        return _("Questions about %(topic)s") % {"topic": str(label).lower()}
    label = problem_label(what[0], what[1], tools=tools)
    return _("Questions about %(problem)s") % {"problem": label[:1].lower() + label[1:]}


def signal_sentence(signal: Signal, *, k: int, tools: Mapping[int, str]) -> str:
    """ "Questions about logging in – MijnZorgApp: 48 in the week of 16 November, normally 20–26." """
    values = {
        "subject": _subject(signal.series, tools),
        "count": signal.count,
        "week": date_format(signal.week_start, "j E"),
        "low": signal.normal_low,
        "high": signal.normal_high,
        "k": k,
    }
    if signal.normal_high < k:
        return _("%(subject)s: %(count)s in the week of %(week)s, normally fewer than %(k)s.") % values
    return _("%(subject)s: %(count)s in the week of %(week)s, normally %(low)s–%(high)s.") % values
