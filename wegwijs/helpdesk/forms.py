from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from wegwijs.accounts.models import User
from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.helpdesk.choices import (
    SATISFACTION_FACES,
    CallDirection,
    CallOutcome,
    Channel,
    ContactMethod,
    InboxSort,
    Priority,
    Route,
    Satisfaction,
    Status,
    Topic,
)
from wegwijs.tenancy.models import Department, DigitalTool, Location, Organisation

QUESTION_MAX = 5000
MESSAGE_MAX = 10000


class QuestionForm(AccessibleFormMixin, forms.Form):
    """The public question form. B1 wording; works without JavaScript."""

    question = forms.CharField(
        label=_("Your question"),
        help_text=_("Tell us what you want to do and where you get stuck. Do not write your BSN."),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    tool = forms.ModelChoiceField(
        label=_("About which app or website?"),
        queryset=DigitalTool.objects.none(),
        required=False,
        empty_label=_("I do not know / something else"),
    )
    language = forms.ChoiceField(label=_("In which language do you want an answer?"), choices=settings.LANGUAGES)
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Your e-mail address"), required=False)
    phone = forms.CharField(label=_("Your phone number"), max_length=40, required=False)
    preferred_contact = forms.ChoiceField(
        label=_("How do you want to get our answer?"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        initial=ContactMethod.FOLLOW_UP_PAGE,
    )
    consent_to_contact = forms.BooleanField(
        label=_("You may contact me about this question by e-mail or phone."), required=False
    )
    consent_to_hand_over = forms.BooleanField(
        label=_("You may pass my question to my care provider if that helps me faster."), required=False
    )
    # Honeypot: people never see or fill it; bots that fill every field are ignored.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args: Any, tools: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tool"].queryset = tools  # type: ignore[attr-defined]
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        method = cleaned.get("preferred_contact")
        if method == ContactMethod.EMAIL and not cleaned.get("email"):
            self.add_error("email", _("Fill in your e-mail address, or choose another way to get our answer."))
        if method == ContactMethod.PHONE and not cleaned.get("phone"):
            self.add_error("phone", _("Fill in your phone number, or choose another way to get our answer."))
        if method in {ContactMethod.EMAIL, ContactMethod.PHONE} and not cleaned.get("consent_to_contact"):
            self.add_error("consent_to_contact", _("We may only contact you if you say yes here."))
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class MessageForm(AccessibleFormMixin, forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 4}))


class ReplyForm(AccessibleFormMixin, forms.Form):
    prefix = "reply"

    body = forms.CharField(
        label=_("Reply to the person"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )


class NoteForm(AccessibleFormMixin, forms.Form):
    prefix = "note"

    body = forms.CharField(
        label=_("Internal note (the person does not see this)"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StatusForm(AccessibleFormMixin, forms.Form):
    prefix = "status"

    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)


class PriorityForm(AccessibleFormMixin, forms.Form):
    prefix = "priority"

    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)


class ClassifyForm(AccessibleFormMixin, forms.Form):
    """The agent corrects what triage decided: route, topic and digital tool."""

    prefix = "classify"

    route = forms.ChoiceField(label=_("Route"), choices=Route.choices)
    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=[("", _("No topic")), *Topic.choices],
        required=False,
        help_text=_("Only for questions for the helpdesk."),
    )
    tool: forms.ModelChoiceField[DigitalTool] = forms.ModelChoiceField(
        label=_("Digital tool"),
        queryset=None,  # type: ignore[arg-type]
        required=False,
        empty_label=_("Not known"),
        to_field_name="public_id",
    )

    def __init__(self, *args: Any, tools: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tool"].queryset = tools  # type: ignore[attr-defined]


class AssignForm(AccessibleFormMixin, forms.Form):
    prefix = "assign"

    assignee: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=None,
        required=False,  # type: ignore[arg-type]
        empty_label=_("Nobody"),
        to_field_name="public_id",
    )

    def __init__(self, *args: Any, agents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = agents  # type: ignore[attr-defined]


class InboxFilterForm(AccessibleFormMixin, forms.Form):
    q = forms.CharField(label=_("Search (words or a question number)"), required=False, max_length=200)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *settings.LANGUAGES]
    )
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=[("", _("All channels")), *Channel.choices])
    route = forms.ChoiceField(label=_("Route"), required=False, choices=[("", _("All routes")), *Route.choices])
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=[("", _("All topics")), *Topic.choices])
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=InboxSort.choices)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [  # type: ignore[attr-defined]
            ("", _("All organisations")),
            *((organisation.slug, organisation.name) for organisation in organisations),
        ]


class SatisfactionForm(AccessibleFormMixin, forms.Form):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with our help?"),
        choices=[(value, f"{SATISFACTION_FACES[value]} {label}") for value, label in Satisfaction.choices],
        coerce=int,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, chosen: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chosen = chosen  # a face was already picked in the e-mail: the person only confirms


class CallFieldsForm(AccessibleFormMixin, forms.Form):
    direction = forms.ChoiceField(label=_("Call"), choices=CallDirection.choices)
    duration_minutes = forms.IntegerField(label=_("Duration in minutes"), min_value=0, max_value=240)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CallOutcome.choices)
    summary = forms.CharField(
        label=_("Summary of the call"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )


class CallForm(CallFieldsForm):
    """A call about an existing question (a form on the question page, hence the prefix)."""

    prefix = "call"


class NewCallForm(CallFieldsForm):
    """A call about something new: it opens a question."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), to_field_name="slug"
    )
    language = forms.ChoiceField(label=_("Language of the caller"), choices=settings.LANGUAGES)
    caller_name = forms.CharField(label=_("Name of the caller"), max_length=200, required=False)
    caller_phone = forms.CharField(label=_("Phone number of the caller"), max_length=40, required=False)
    consent_to_contact = forms.BooleanField(label=_("The caller agrees to be called back"), required=False)

    field_order = [
        "organisation",
        "direction",
        "language",
        "caller_name",
        "caller_phone",
        "consent_to_contact",
        "summary",
        "duration_minutes",
        "outcome",
    ]

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class ReferForm(AccessibleFormMixin, forms.Form):
    prefix = "refer"

    route = forms.ChoiceField(
        label=_("Refer to"),
        choices=[
            (Route.CARE_PROVIDER, _("Care provider (medical question)")),
            (Route.ORGANISATION, _("Patient service desk")),
            (Route.PRIVACY, _("Privacy officer")),
            (Route.GENERAL_DIGITAL, _("Digihulplijn and help points (general digital skills)")),
        ],
    )
    department = forms.ModelChoiceField(
        label=_("Department (for medical questions)"),
        required=False,
        queryset=Department.objects.none(),
        to_field_name="public_id",
    )
    note = forms.CharField(
        label=_("Note for the receiver"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments  # type: ignore[attr-defined]


class ReferralTextForm(AccessibleFormMixin, forms.Form):
    """An organisation's own referral texts for one language; empty means: use the default text."""

    def __init__(self, *args: Any, defaults: dict[str, str], current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for route, default in defaults.items():
            self.fields[route] = forms.CharField(
                label=str(Route(route).label),
                required=False,
                max_length=2000,
                initial=current.get(route, ""),
                help_text=_("Empty: the standard text is used: %(text)s") % {"text": default},
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.style_fields()


def _advice_line(label: StrOrPromise, help_text: StrOrPromise = "", *, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, required=required, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class UrgentAdviceForm(AccessibleFormMixin, forms.Form):
    """A draft of the urgent advice in one language (typed in that language and its direction)."""

    danger_to_life = _advice_line(_("Danger to life"), _("Must contain 112."))
    outside_office_hours = _advice_line(_("Evenings, nights and weekends"))
    office_hours = _advice_line(_("During office hours"))
    suicidal_thoughts = _advice_line(_("Suicidal thoughts"), _("Must contain 113."))
    closing = _advice_line(_("Closing sentence"), required=False)

    def __init__(self, *args: Any, language: str, right_to_left: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.update({"lang": language, "dir": "rtl" if right_to_left else "ltr"})


class UrgentAdvicePublishForm(forms.Form):
    """Which version the coordinator read and publishes."""

    version = forms.IntegerField(min_value=1)


class WalkInForm(AccessibleFormMixin, forms.Form):
    """A volunteer logs in-person help; handing over needs the person's consent and a way to reach them."""

    organisation = forms.ModelChoiceField(
        label=_("For which organisation?"), queryset=Organisation.objects.none(), to_field_name="slug"
    )
    location = forms.ModelChoiceField(label=_("Help point"), queryset=Location.objects.none(), to_field_name="slug")
    language = forms.ChoiceField(label=_("Language of the person"), choices=settings.LANGUAGES)
    tool = forms.ModelChoiceField(
        label=_("About which app or website?"),
        queryset=DigitalTool.objects.none(),
        required=False,
        to_field_name="public_id",
        empty_label=_("Something else"),
    )
    question = forms.CharField(
        label=_("What did the person need?"), max_length=QUESTION_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    tried = forms.CharField(
        label=_("What did you try together?"),
        max_length=MESSAGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hand_over = forms.BooleanField(label=_("Not solved here: hand over to the central helpdesk"), required=False)
    name = forms.CharField(label=_("Name of the person"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone number of the person"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail address of the person"), required=False)
    preferred_contact = forms.ChoiceField(
        label=_("How does the person want to be contacted?"),
        choices=ContactMethod.choices,
        initial=ContactMethod.PHONE,
        widget=forms.RadioSelect,
    )
    consent_to_contact = forms.BooleanField(
        label=_("The person agrees to be contacted by the helpdesk"), required=False
    )
    consent_to_hand_over = forms.BooleanField(label=_("The person agrees that we pass on the question"), required=False)

    def __init__(self, *args: Any, organisations: Any, locations: Any, tools: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["location"].queryset = locations  # type: ignore[attr-defined]
        self.fields["tool"].queryset = tools  # type: ignore[attr-defined]


class CallbackForm(AccessibleFormMixin, forms.Form):
    """Ask to be called back: the person picks a time window. Works without JavaScript."""

    question = forms.CharField(
        label=_("What is your question about?"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A few words are enough. Do not write your BSN."),
    )
    window = forms.ChoiceField(label=_("When may we call you?"), widget=forms.RadioSelect)
    phone = forms.CharField(label=_("Your phone number"), max_length=40)
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("In which language do you want to talk?"), choices=settings.LANGUAGES)
    consent_to_contact = forms.BooleanField(label=_("You may call me about this question."))
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args: Any, windows: list[tuple[Any, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["window"].choices = [  # type: ignore[attr-defined]
            (start.isoformat(), f"{date_format(start, 'l j F')}, {start:%H:%M}–{end:%H:%M}") for start, end in windows
        ]
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class MergeForm(AccessibleFormMixin, forms.Form):
    prefix = "merge"

    into = forms.IntegerField(
        label=_("Merge into question number"),
        min_value=1,
        help_text=_("The messages of this question move to that question; this one closes."),
    )


class LinkForm(AccessibleFormMixin, forms.Form):
    prefix = "link"

    other = forms.IntegerField(label=_("Related question number"), min_value=1)


class MacroForm(AccessibleFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    body = forms.CharField(
        label=_("Text"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Fields filled in from the question: {name}, {reference}, {organisation}, {tool}."),
    )


class ServiceLevelsForm(AccessibleFormMixin, forms.Form):
    """What the helpdesk promises, in hours of phone time, and the days it is closed besides public holidays."""

    first_response_hours = forms.DecimalField(
        label=_("First answer within (hours of phone time)"),
        min_value=Decimal("0.25"),
        max_value=1000,
        decimal_places=2,
    )
    resolution_hours = forms.DecimalField(
        label=_("Resolved within (hours of phone time)"), min_value=Decimal("0.25"), max_value=5000, decimal_places=2
    )
    closed_days = forms.CharField(
        label=_("Own closed days"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One date per line, for example 2027-12-24 or 24-12-2027. Public holidays are already closed."),
    )

    def clean_closed_days(self) -> list[dt.date]:
        days = []
        for line in str(self.cleaned_data["closed_days"]).split():
            try:
                days.append(parse_date(line))
            except ValueError as error:
                raise forms.ValidationError(_("“%(line)s” is not a date.") % {"line": line}) from error
        return days


def parse_date(text: str) -> dt.date:
    """A date as people type it here: 2027-12-24 or 24-12-2027."""
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)
