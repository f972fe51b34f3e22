"""The organisation's public help pages: search the knowledge base, read an article, say if it helped.
No account, works without JavaScript. Searches, views and votes are kept anonymously (decision 0009)."""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from wegwijs.core.http import requested_language
from wegwijs.core.security_headers import CONTENT_SECURITY_POLICY
from wegwijs.knowledge import handout, rendering, selectors, services
from wegwijs.knowledge.choices import ArticleTool
from wegwijs.knowledge.forms import FeedbackForm, HelpSearchForm
from wegwijs.knowledge.models import Article
from wegwijs.knowledge.search.engine import Result
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.rules import public_view
from wegwijs.web.public import public_contact

RESULTS = 10
PANEL_RESULTS = 5


@public_view
@require_GET
def help_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    page_language = translation.get_language()
    form = HelpSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results: list[Result] = []
    search_id = ""
    if query:
        results, log = services.search_public(
            organisation=organisation, query=query, default_language=page_language, limit=RESULTS
        )
        search_id = str(log.public_id)
    return render(
        request,
        "knowledge/help.html",
        {
            "organisation": organisation,
            "form": form,
            "query": query,
            "results": results,
            "search_id": search_id,
            "top": [] if query else _top(organisation, page_language),
        },
        status=400 if form.errors else 200,
    )


def _top(organisation: Organisation, language: str) -> list[tuple[str, list[object]]]:
    top = selectors.article_list_top(organisation=organisation, language=language)
    return [(str(label), list(top[tool])) for tool, label in ArticleTool.choices if top.get(tool)]


def _article(organisation: Organisation, slug: str) -> tuple[Article, list[str]]:
    """The article in the page's language where it is translated, and the languages it has."""
    return selectors.article_get_public(organisation=organisation, slug=slug, language=translation.get_language())


@public_view
@require_GET
def article_view(request: HttpRequest, org_slug: str, slug: str) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    article, languages = _article(organisation, slug)
    services.article_view_count(organisation=organisation, article=article)
    if request.GET.get("zoekopdracht"):
        services.search_log_click(organisation=organisation, search_id=request.GET["zoekopdracht"], article=article)
    return render(
        request,
        "knowledge/article.html",
        {
            "organisation": organisation,
            "article": article,
            "body": rendering.article_html(article.body),
            "other_languages": [code for code in languages if code != article.language],
        },
    )


@public_view
@require_POST
def article_feedback_view(request: HttpRequest, org_slug: str, slug: str) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    article, _languages = _article(organisation, slug)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        services.article_feedback_give(organisation=organisation, article=article, helpful=form.cleaned_data["helpful"])
        if form.cleaned_data["helpful"]:
            messages.success(request, _("Thank you! Good to hear that this helped."))
        else:
            messages.success(request, _("Thank you. We will improve this page. Still stuck? Ask us your question."))
    return redirect("knowledge:article", org_slug=organisation.slug, slug=article.slug)


@public_view
@require_GET
@xframe_options_exempt  # framed by the organisation's own login pages only: see the frame-ancestors below
def help_panel_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The help widget's panel, shown in a frame on a portal's login page: search, the top articles for that
    digital tool, and how to reach the helpdesk. Sets no cookies; the language comes from `?taal=`."""
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    language = requested_language(request, "taal")
    tool_kind = request.GET.get("hulpmiddel", "")
    form = HelpSearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    with translation.override(language):
        results: list[Result] = []
        if query:
            results, _log = services.search_public(
                organisation=organisation, query=query, default_language=language, limit=PANEL_RESULTS
            )
        top = selectors.article_list_top(organisation=organisation, language=language).get(tool_kind, [])
        response = render(
            request,
            "knowledge/panel.html",
            {
                "organisation": organisation,
                "form": form,
                "query": query,
                "results": results,
                "top": top[:PANEL_RESULTS],
                "tool_kind": tool_kind,
                "language": language,
                "direction": "rtl" if translation.get_language_bidi() else "ltr",
                "languages": settings.LANGUAGES,
                "contact": public_contact(organisation=organisation),
            },
        )
    ancestors = " ".join(["'self'", *selectors.widget_frame_origins(organisation=organisation)])
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'none'", f"frame-ancestors {ancestors}"
    )
    return response


@public_view
@require_GET
def article_handout_view(request: HttpRequest, org_slug: str, slug: str) -> HttpResponse:
    """The article as an A4 PDF with a QR code back to it, in the page's language where translated."""
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    article, _languages = _article(organisation, slug)
    url = f"{settings.SITE_URL}{reverse('knowledge:article', args=[organisation.slug, article.slug])}"
    pdf = handout.article_handout_pdf(organisation=organisation, article=article, url=url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{article.slug}.{article.language}.pdf"'
    return response


@public_view
@require_GET
def image_view(request: HttpRequest, org_slug: str, public_id: UUID) -> HttpResponse:
    """A picture of the organisation's articles (public, like the articles)."""
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    image = selectors.article_image_get(organisation=organisation, public_id=str(public_id))
    response = HttpResponse(bytes(image.content), content_type=image.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
