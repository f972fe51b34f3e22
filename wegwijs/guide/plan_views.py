"""The person's support plan through its private link (no account): the page, the PDF, and the feedback after
using the tool. Always in the plan's own language; the help in it stays visible after feedback."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from wegwijs.core.errors import DomainError
from wegwijs.guide import plans
from wegwijs.guide.models import SupportPlan
from wegwijs.guide.plan_forms import PlanFeedbackForm
from wegwijs.guide.plan_sheet import plan_pdf, plan_sheet
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.rules import public_view


def _page(
    request: HttpRequest, organisation: Organisation, plan: SupportPlan, token: str, form: PlanFeedbackForm, status: int
) -> HttpResponse:
    with translation.override(plan.language):
        sheet = plan_sheet(organisation=organisation, plan=plan)
        response = render(
            request,
            "guide/plan/plan.html",
            {"organisation": organisation, "sheet": sheet, "token": token, "feedback_form": form},
            status=status,
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _plan(request: HttpRequest, token: str) -> tuple[Organisation, SupportPlan]:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    return organisation, plans.plan_get_by_token(organisation=organisation, raw_token=token)


@public_view
@require_GET
@never_cache
def plan_view(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    organisation, plan = _plan(request, token)
    return _page(request, organisation, plan, token, PlanFeedbackForm(), 200)


@public_view
@require_GET
@never_cache
def plan_pdf_view(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    organisation, plan = _plan(request, token)
    response = HttpResponse(plan_pdf(organisation=organisation, plan=plan), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="support-plan.{plan.language}.pdf"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@public_view
@require_POST
def plan_feedback_view(request: HttpRequest, org_slug: str, token: str) -> HttpResponse:
    organisation, plan = _plan(request, token)
    with translation.override(plan.language):
        form = PlanFeedbackForm(request.POST)
        if form.is_valid():
            try:
                plans.plan_feedback_give(plan=plan, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Thank you for telling us. Your help stays on this page."))
                return redirect(f"{reverse('plan:plan', args=[organisation.slug, token])}#feedback")
        return _page(request, organisation, plan, token, form, 400)
