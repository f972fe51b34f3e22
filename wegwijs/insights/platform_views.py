"""The platform view: every organisation the helpdesk serves side by side (questions, service levels,
satisfaction, signals), for staffing and account management. Coordinators and analysts see the organisations
they hold that role in; a helpdesk coordinator usually holds it in all of them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wegwijs.insights.dashboard import overview_list
from wegwijs.insights.dashboard_views import ANALYSTS, period_from_request
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_list_for_access


@staff_view(*ANALYSTS)
@require_GET
def platform_view(request: HttpRequest) -> HttpResponse:
    period, error = period_from_request(request)
    overviews = overview_list(organisations=organisation_list_for_access(), period=period)
    context = {"period": period, "previous": period.previous(), "overviews": overviews, "period_error": error}
    return render(request, "insights/platform.html", context, status=400 if error else 200)
