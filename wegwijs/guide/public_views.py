"""The public self-check and its result page, on the organisation's help pages. No account, no session and no
JavaScript needed: the answers so far travel signed in the form (`selfcheck_steps`); the finished self-check is
kept anonymously and its result page shows the advice in the language the person chose."""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijs.guide import assessments, selfcheck_steps
from wegwijs.guide.choices import FilledIn
from wegwijs.guide.models import Assessment
from wegwijs.guide.plans import plan_token
from wegwijs.guide.public_forms import SituationForm
from wegwijs.guide.selfcheck import QUESTIONS
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.rules import public_view
from wegwijs.tenancy.selectors import tool_list

SERVED_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


@public_view
@require_GET
def selfcheck_start_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    context = {
        "organisation": organisation,
        "options": selfcheck_steps.filled_in_options(),
        "chosen": FilledIn.ALONE,
        "total": len(QUESTIONS),
    }
    return render(request, "guide/public/start.html", context)


@public_view
@require_http_methods(["GET", "POST"])
def selfcheck_step_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    """One POST per screen: the start page's Start, then Next or Back on each question."""
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    if request.method == "GET":  # a screen is only reached through its form
        return redirect("selfcheck:start", org_slug=organisation.slug)
    if "state" not in request.POST:
        step = selfcheck_steps.Step(selfcheck_steps.progress_start(filled_in=request.POST.get("filled_in", "")))
    else:
        try:
            progress = selfcheck_steps.progress_load(request.POST["state"], organisation_slug=organisation.slug)
        except selfcheck_steps.ProgressRefused:
            return render(request, "guide/public/refused.html", {"organisation": organisation}, status=400)
        back = request.POST.get("action") == "back"
        step = selfcheck_steps.progress_advance(progress, answer=request.POST.get("answer", ""), back=back)
    if step.done:
        assessment = assessments.assessment_record(
            organisation=organisation,
            answers=step.progress.answers,
            filled_in=step.progress.filled_in,
            page_language=translation.get_language(),
        )
        response = redirect("selfcheck:result", org_slug=organisation.slug, public_id=assessment.public_id)
        if assessment.language in SERVED_LANGUAGES:  # the rest of the help pages in the chosen language too
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                assessment.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
    return _screen(request, organisation, step)


def _screen(request: HttpRequest, organisation: Organisation, step: selfcheck_steps.Step) -> HttpResponse:
    progress = step.progress
    question = progress.question
    context = {
        "organisation": organisation,
        "token": selfcheck_steps.progress_dump(progress, organisation_slug=organisation.slug),
        "progress": progress,
        "question": question,
        "options": selfcheck_steps.screen_options(question),
        "chosen": progress.answers.get(question.key, ""),
        "missing": step.missing,
        "described_by": " ".join(
            [*(["answer-error"] if step.missing else []), *([] if question.scores else ["answer-hint"])]
        ),
        "icon": f"guide/icons/{question.icon}.svg",
    }
    return render(request, "guide/public/question.html", context, status=400 if step.missing else 200)


def _page_language(request: HttpRequest, assessment: Assessment) -> str:
    """The language the person chose in the self-check, unless they chose one for the help pages since then
    (the language switch); a language the pages do not come in leaves the page's language."""
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in SERVED_LANGUAGES:
        return translation.get_language()
    return assessment.language if assessment.language in SERVED_LANGUAGES else translation.get_language()


@public_view
@require_GET
def selfcheck_result_view(request: HttpRequest, org_slug: str, public_id: UUID) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    assessment = assessments.assessment_get(organisation=organisation, public_id=public_id)
    language = _page_language(request, assessment)
    with translation.override(language):
        form = SituationForm(request.GET or None, tools=tool_list(organisation=organisation, active_only=True))
        phase, tool, postcode = form.situation()
        advice = assessments.assessment_advice(
            organisation=organisation, assessment=assessment, phase=phase, tool=tool, postcode=postcode
        )
        response = render(
            request,
            "guide/public/result.html",
            {
                "organisation": organisation,
                "assessment": assessment,
                "form": form,
                "postcode": postcode,
                "advice": advice,
            },
        )
    response.headers["Content-Language"] = language
    return response


@public_view
@require_POST
def selfcheck_plan_view(request: HttpRequest, org_slug: str, public_id: UUID) -> HttpResponse:
    """Keep the advice as a personal support plan, then show it on its private page."""
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    assessment = assessments.assessment_get(organisation=organisation, public_id=public_id)
    form = SituationForm(request.POST, tools=tool_list(organisation=organisation, active_only=True))
    phase, tool, postcode = form.situation()
    with translation.override(_page_language(request, assessment)):
        plan = assessments.assessment_plan_create(
            organisation=organisation, assessment=assessment, phase=phase, tool=tool, postcode=postcode
        )
    return redirect("plan:plan", organisation.slug, plan_token(plan))
