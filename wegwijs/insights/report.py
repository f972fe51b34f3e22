"""The periodic report as PDF: the dashboard of a month or quarter, in Dutch or English, made by WeasyPrint.
Aggregates only: no search words (people typed them) and nothing below the organisation's k."""

from __future__ import annotations

from django.utils import translation

from wegwijs.core.pdf import pdf_render
from wegwijs.insights.dashboard import dashboard_build
from wegwijs.insights.periods import Period
from wegwijs.insights.presentation import page_context
from wegwijs.tenancy.models import Organisation


def report_pdf(*, organisation: Organisation, period: Period, language: str) -> bytes:
    with translation.override(language):
        context = page_context(dashboard_build(organisation=organisation, period=period), compact=True)
    return pdf_render(template="insights/report.html", context=context, language=language)
