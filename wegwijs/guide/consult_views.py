"""The consult for care providers (and coordinators): on one page, without JavaScript, from where the person stands
to a personal support plan; then the plan with its private link, the PDF to print and e-mailing the link."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijs.core.errors import DomainError
from wegwijs.guide import consult, plans
from wegwijs.guide.models import SupportPlan
from wegwijs.guide.plan_forms import PlanEmailForm, PlanForm, SituationForm
from wegwijs.guide.plan_sheet import plan_pdf, plan_sheet
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_get_for_access, organisation_list_for_access, tool_list

GUIDE_ROLES = (Role.CARE_PROVIDER, Role.COORDINATOR)


@staff_view(*GUIDE_ROLES)
@require_GET
def consult_start_view(request: HttpRequest) -> HttpResponse:
    """Straight to the consult of the one organisation, or a choice when the person works for several."""
    organisations = list(organisation_list_for_access().order_by("name"))
    if len(organisations) == 1:
        return redirect("guide:consult", slug=organisations[0].slug)
    return render(request, "guide/consult/start.html", {"organisations": organisations})


@staff_view(*GUIDE_ROLES)
@require_http_methods(["GET", "POST"])
def consult_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    tools = tool_list(organisation=organisation, active_only=True)
    situation_form = SituationForm(request.GET or None, organisation=organisation, tools=tools)
    context: dict[str, object] = {"organisation": organisation, "situation_form": situation_form}
    if not situation_form.is_valid():
        return render(request, "guide/consult/consult.html", context, status=400 if situation_form.errors else 200)
    situation = situation_form.situation()
    options = consult.consult_options(organisation=organisation, situation=situation)
    articles = consult.article_choices(
        organisation=organisation,
        query=request.POST.get("q", ""),
        language=situation.language,
        chosen=request.POST.getlist("articles"),
    )
    plan_form = PlanForm(
        request.POST or None,
        options=options,
        article_slugs=[article.slug for article in articles],
        initial={"offerings": options.recommended_keys},
    )
    if request.POST.get("action") == "make" and plan_form.is_valid():
        try:
            plan = plans.plan_create(actor=request.user, organisation=organisation, draft=plan_form.draft(situation))  # type: ignore[arg-type]
        except DomainError as error:
            plan_form.add_error(None, error.message)
        else:
            messages.success(request, _("The plan is ready. Print it or e-mail the link to the person."))
            return redirect("guide:staff_plan", public_id=plan.public_id)
    context.update({"situation": situation, "options": options, "articles": articles, "plan_form": plan_form})
    return render(request, "guide/consult/consult.html", context, status=400 if plan_form.errors else 200)


def _plan_page(request: HttpRequest, plan: SupportPlan, email_form: PlanEmailForm, status: int = 200) -> HttpResponse:
    sheet = plan_sheet(organisation=plan.organisation, plan=plan)
    return render(request, "guide/plan/staff.html", {"sheet": sheet, "email_form": email_form}, status=status)


@staff_view(*GUIDE_ROLES)
@require_GET
def plan_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _plan_page(request, plans.plan_get_for_staff(public_id=public_id), PlanEmailForm())


@staff_view(*GUIDE_ROLES)
@require_GET
def plan_pdf_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = plans.plan_get_for_staff(public_id=public_id, action="export")
    response = HttpResponse(plan_pdf(organisation=plan.organisation, plan=plan), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="support-plan.{plan.language}.pdf"'
    return response


@staff_view(*GUIDE_ROLES)
@require_POST
def plan_email_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = plans.plan_get_for_staff(public_id=public_id, action="export")
    form = PlanEmailForm(request.POST)
    if form.is_valid():
        try:
            plans.plan_email_send(actor=request.user, plan=plan, address=form.cleaned_data["address"])  # type: ignore[arg-type]
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The link to the plan has been e-mailed. The address was not kept."))
            return redirect("guide:staff_plan", public_id=plan.public_id)
    return _plan_page(request, plan, form, status=400)
