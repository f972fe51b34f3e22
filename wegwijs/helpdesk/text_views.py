"""Pages where the organisation words what people read, per language (`?language=xx`): the referral texts, and
the urgent advice (editors and coordinators write drafts, coordinators publish)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.core.http import requested_language
from wegwijs.core.language_page import language_page
from wegwijs.helpdesk import referrals, urgent_advice
from wegwijs.helpdesk.forms import ReferralTextForm, UrgentAdviceForm, UrgentAdvicePublishForm
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.permissions import can_publish_urgent_advice
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_get_for_access


class SaveTexts(Protocol):
    def __call__(self, *, actor: User, organisation_id: int, language: str, texts: dict[str, str]) -> object: ...


def _texts_page(
    request: HttpRequest,
    organisation: Organisation,
    form: BaseForm,
    save: SaveTexts,
    done: str,
    template: str,
    **context: object,
) -> HttpResponse:
    """Save the texts of the page's language for the organisation (see core.language_page)."""
    language = requested_language(request)

    def save_texts(user: User) -> object:
        return save(actor=user, organisation_id=organisation.pk, language=language, texts=form.cleaned_data)

    return language_page(request, form, save_texts, done, template, organisation=organisation, **context)


@staff_view(Role.EDITOR)
@require_http_methods(["GET", "POST"])
def referral_texts_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Editors word what people are told when their question is referred, per language."""
    organisation = organisation_get_for_access(slug=slug)
    language = requested_language(request)
    form = ReferralTextForm(
        request.POST or None,
        defaults=referrals.referral_texts_defaults(language=language),
        current=referrals.referral_texts_current(organisation_id=organisation.pk, language=language),
    )
    return _texts_page(
        request,
        organisation,
        form,
        referrals.referral_texts_save,
        _("The referral texts are saved."),
        "helpdesk/referral_texts.html",
    )


@staff_view(Role.EDITOR, Role.COORDINATOR)
@require_http_methods(["GET", "POST"])
def urgent_advice_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The urgent advice in one language: what people read now, the draft, the history; a new draft."""
    organisation = organisation_get_for_access(slug=slug)
    language = requested_language(request)
    history = urgent_advice.urgent_advice_history(organisation_id=organisation.pk, language=language)
    form = UrgentAdviceForm(
        request.POST or None, initial=history.editing, language=language, right_to_left=history.current.right_to_left
    )
    return _texts_page(
        request,
        organisation,
        form,
        urgent_advice.urgent_advice_save_draft,
        _("The draft is saved. People read it once a coordinator has published it."),
        "helpdesk/urgent_advice_edit.html",
        history=history,
        can_publish=can_publish_urgent_advice(request.access.roles_in(organisation.pk)),  # type: ignore[attr-defined]
    )


def _review(request: HttpRequest, slug: str, action: Callable[[User, int, str], object], done: str) -> HttpResponse:
    """Shared shape of a coordinator's review actions: act, tell, back to the page in the same language."""
    organisation = organisation_get_for_access(slug=slug)
    language = requested_language(request)
    try:
        action(request.user, organisation.pk, language)  # type: ignore[arg-type]
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(f"{reverse('helpdesk:urgent_advice', args=[organisation.slug])}?language={language}")


@staff_view(Role.COORDINATOR)
@require_POST
def urgent_advice_publish_view(request: HttpRequest, slug: str) -> HttpResponse:
    form = UrgentAdvicePublishForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else 0  # 0: no version, refused as not the newest
    return _review(
        request,
        slug,
        lambda user, organisation_id, language: urgent_advice.urgent_advice_publish(
            actor=user, organisation_id=organisation_id, language=language, version=version
        ),
        _("The draft is published. People with an urgent question read it from now on."),
    )


@staff_view(Role.COORDINATOR)
@require_POST
def urgent_advice_default_view(request: HttpRequest, slug: str) -> HttpResponse:
    return _review(
        request,
        slug,
        lambda user, organisation_id, language: urgent_advice.urgent_advice_use_default(
            actor=user, organisation_id=organisation_id, language=language
        ),
        _("People read the standard text again."),
    )
