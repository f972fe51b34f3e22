"""The access log for platform admins: filter, page through, export as CSV."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from wegwijs.audit.export import access_log_csv
from wegwijs.audit.forms import AccessLogFilterForm
from wegwijs.audit.selectors import AccessLogFilter, access_log_list
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.scope import person_records_listed

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> tuple[AccessLogFilterForm, AccessLogFilter]:
    form = AccessLogFilterForm(request.GET or None)
    if not form.is_valid():
        return form, AccessLogFilter()
    data = form.cleaned_data
    return form, AccessLogFilter(
        organisation_slug=data["organisation"],
        actor=data["actor"],
        record_id=data["record"],
        since=data["since"],
        until=data["until"],
    )


@staff_view(platform_admin=True)
@require_GET
def access_log_view(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    page = Paginator(access_log_list(filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/access_log.html", {"form": form, "page": page, "query": query.urlencode()})


@staff_view(platform_admin=True)
@require_GET
def access_log_export_view(request: HttpRequest) -> HttpResponse:
    _form, filters = _filters(request)
    entries = list(access_log_list(filters=filters))
    person_records_listed(entries, record_type="access_log_entry", action="export")
    response = HttpResponse(access_log_csv(entries), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="wegwijs-access-log-{stamp}.csv"'
    return response
