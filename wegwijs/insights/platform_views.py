"""The platform view: every organisation the helpdesk serves side by side (questions, service levels,
satisfaction, signals), for staffing and account management. Coordinators and analysts see the organisations
they hold that role in; a helpdesk coordinator usually holds it in all of them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wegwijs.insights.dashboard import overview_build
from wegwijs.insights.dashboard_views import ANALYSTS, period_from_request
from wegwijs.insights.presentation import signal_sentence
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_list_for_access


@staff_view(*ANALYSTS)
@require_GET
def platform_view(request: HttpRequest) -> HttpResponse:
    period, error = period_from_request(request)
    lines = []
    for organisation in organisation_list_for_access():
        overview = overview_build(organisation=organisation, period=period)
        sentences = [signal_sentence(signal, k=overview.k, tools=overview.tools) for signal in overview.signals[:3]]
        lines.append((overview, sentences))
    context = {"period": period, "previous": period.previous(), "lines": lines, "period_error": error}
    return render(request, "insights/platform.html", context, status=400 if error else 200)
