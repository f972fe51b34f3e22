"""Editors keep their organisation's articles: write and edit with a B1 check and a preview, see how each
article does (views, votes, the searches that led to it), hide shared articles, keep the synonym lists."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wegwijs.accounts.models import User
from wegwijs.core.http import requested_language
from wegwijs.knowledge import readability, rendering, selectors, services
from wegwijs.knowledge.forms import ArticleForm, ImageForm, SynonymsForm
from wegwijs.knowledge.models import Article
from wegwijs.knowledge.search.synonyms import DEFAULT_SYNONYMS
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view
from wegwijs.tenancy.selectors import organisation_get_for_access


@staff_view(Role.EDITOR)
@require_GET
def articles_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    return render(
        request,
        "knowledge/editor_list.html",
        {
            "organisation": organisation,
            "rows": selectors.article_list_for_editor(organisation=organisation),
            "failed": selectors.search_list_failed(organisation=organisation),
            "languages": [code for code, _name in settings.LANGUAGES],
        },
    )


@staff_view(Role.EDITOR)
@require_http_methods(["GET", "POST"])
def article_edit_view(request: HttpRequest, slug: str, public_id: UUID | None = None) -> HttpResponse:
    """GET shows the form; POST with action=preview shows the preview and the B1 check; action=save saves
    (a shared article is read-only here: the organisation hides it or writes its own)."""
    organisation = organisation_get_for_access(slug=slug)
    article = (
        selectors.article_get_for_editor(organisation=organisation, public_id=str(public_id)) if public_id else None
    )
    originals = selectors.article_originals(organisation=organisation)
    form = ArticleForm(
        request.POST or None,
        originals=originals,
        initial=_initial(article),
        readability_url=reverse("kb:readability", args=[organisation.slug]),
    )
    body = request.POST.get("body", "") if request.method == "POST" else (article.body if article else "")
    if request.method == "POST" and request.POST.get("action") == "save" and form.is_valid():
        if article is not None and article.is_shared:
            form.add_error(None, _("A shared article is changed by the platform. Hide it, or write your own."))
        else:
            user: User = request.user  # type: ignore[assignment]
            try:
                saved, _changed = services.article_save(
                    article=article or Article(organisation=organisation), actor=user, **form.cleaned_data
                )
            except services.ArticleSlugTaken:
                form.add_error(
                    "slug", _("This organisation already has an article with this short name in this language.")
                )
            else:
                messages.success(request, _("The article is saved."))
                return redirect("kb:article", slug=organisation.slug, public_id=saved.public_id)
    return render(
        request,
        "knowledge/editor_edit.html",
        {
            "organisation": organisation,
            "article": article,
            "form": form,
            "preview": rendering.article_html(body) if body else "",
            "check": readability.check(body),
            "stats": selectors.article_stats(organisation=organisation, article=article) if article else None,
            "versions": article.versions.select_related("author")[:20] if article else [],
        },
        status=400 if form.errors else 200,
    )


def _initial(article: Article | None) -> dict[str, Any] | None:
    if article is None:
        return None
    return {
        "title": article.title,
        "slug": article.slug,
        "language": article.language,
        "tool": article.tool,
        "audience": article.audience,
        "tags": ", ".join(article.tags),
        "body": article.body,
        "translation_of": article.translation_of.public_id if article.translation_of else None,
        "video_url": article.video_url,
        "video_transcript": article.video_transcript,
        "status": article.status,
    }


@staff_view(Role.EDITOR)
@require_POST
def readability_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The B1 check for the text being typed (htmx, while the editor types)."""
    organisation_get_for_access(slug=slug)
    return render(request, "knowledge/readability.html", {"check": readability.check(request.POST.get("body", ""))})


@staff_view(Role.EDITOR)
@require_POST
def shared_article_hide_view(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    article = selectors.article_get_for_editor(organisation=organisation, public_id=str(public_id))
    hidden = request.POST.get("hidden") == "yes"
    services.shared_article_hide(actor=request.user, organisation=organisation, article=article, hidden=hidden)  # type: ignore[arg-type]
    messages.success(request, _("The shared article is hidden.") if hidden else _("The shared article is shown."))
    return redirect("kb:articles", slug=organisation.slug)


@staff_view(Role.EDITOR)
@require_http_methods(["GET", "POST"])
def synonyms_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_get_for_access(slug=slug)
    language = requested_language(request)
    own = selectors.synonym_text(organisation=organisation, language=language)
    form = SynonymsForm(
        request.POST or None, initial={"text": own if own is not None else DEFAULT_SYNONYMS.get(language, "")}
    )
    if request.method == "POST" and form.is_valid():
        user: User = request.user  # type: ignore[assignment]
        services.synonyms_save(actor=user, organisation=organisation, language=language, text=form.cleaned_data["text"])
        messages.success(request, _("The synonyms are saved. Search uses them at once."))
        return redirect(f"{request.path}?language={language}")
    return render(
        request,
        "knowledge/synonyms.html",
        {"organisation": organisation, "form": form, "language": language, "languages": settings.LANGUAGES},
    )


@staff_view(Role.EDITOR)
@require_http_methods(["GET", "POST"])
def images_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Pictures for the articles: upload one, then paste its Markdown line into an article."""
    organisation = organisation_get_for_access(slug=slug)
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        user: User = request.user  # type: ignore[assignment]
        try:
            if upload.size > settings.KNOWLEDGE_IMAGE_MAX_BYTES:  # refused before it is read into memory
                raise services.image_too_large()
            services.article_image_add(
                actor=user,
                organisation=organisation,
                content=upload.read(),
                description=form.cleaned_data["description"],
            )
        except services.ImageRefused as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("The picture is saved. Copy its line into an article."))
            return redirect("kb:images", slug=organisation.slug)
    return render(
        request,
        "knowledge/images.html",
        {"organisation": organisation, "form": form, "images": selectors.article_image_list(organisation=organisation)},
        status=400 if form.errors else 200,
    )
