"""The organisation's insights for analysts and coordinators: the dashboard, its tables as CSV or XLSX, and the
report as PDF. Aggregates only: nothing here reads a person's data, so nothing is access-logged."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wegwijs.insights import exports
from wegwijs.insights.dashboard import Dashboard, dashboard_build
from wegwijs.insights.delivery import report_filename
from wegwijs.insights.models import ReportLanguage
from wegwijs.insights.periods import Period, PeriodKind, is_complete, period_choices, period_latest, period_parse
from wegwijs.insights.presentation import page_context
from wegwijs.insights.report import report_pdf
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_get_for_access

ANALYSTS = (Role.ANALYST, Role.COORDINATOR)


def period_from_request(request: HttpRequest) -> tuple[Period, str | None]:
    """The period asked for, or the last complete month with the reason the asked one cannot be shown."""
    today = timezone.localdate()
    latest = period_latest(PeriodKind.MONTH, today=today)
    text = request.GET.get("period", "")
    if not text:
        return latest, None
    period = period_parse(text)
    if period is None or not is_complete(period, today=today):
        return latest, _("“%(period)s” cannot be shown: choose a whole month or quarter that has ended.") % {
            "period": text[:20]
        }
    return period, None


def _choices(dashboard: Dashboard) -> list[Period]:
    choices = period_choices(today=timezone.localdate(), first_day=dashboard.first_day)
    return choices if dashboard.period in choices else [dashboard.period, *choices]


@staff_view(*ANALYSTS)
@require_GET
def dashboard_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=org_slug)
    period, error = period_from_request(request)
    dashboard = dashboard_build(organisation=organisation, period=period)
    context = {
        **page_context(dashboard),
        "organisation": organisation,
        "choices": _choices(dashboard),
        "period_error": error,
        "report_languages": ReportLanguage.choices,
    }
    return render(request, "insights/dashboard.html", context, status=400 if error else 200)


@staff_view(*ANALYSTS)
@require_GET
def export_view(request: HttpRequest, org_slug: str, file_format: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=org_slug)
    period, error = period_from_request(request)
    if error:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    dashboard = dashboard_build(organisation=organisation, period=period)
    content, content_type = exports.export_csv(dashboard) if file_format == "csv" else exports.export_xlsx(dashboard)
    response = HttpResponse(content, content_type=content_type)
    filename = f"wegwijs-inzichten-{organisation.slug}-{period.key}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_view(*ANALYSTS)
@require_GET
def report_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=org_slug)
    period, error = period_from_request(request)
    language = request.GET.get("language", "nl")
    if error or language not in ReportLanguage.values:
        reason = error or _("The report is made in Dutch (nl) or English (en).")
        return HttpResponse(reason, status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(report_pdf(organisation=organisation, period=period, language=language), "application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{report_filename(organisation=organisation, period=period)}"'
    )
    return response
