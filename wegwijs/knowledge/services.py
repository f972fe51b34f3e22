"""Changes to articles. Every save of title, text or status keeps a version with who saved it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from wegwijs.accounts.models import User
from wegwijs.core.errors import DomainError
from wegwijs.knowledge import exchange
from wegwijs.knowledge.choices import ORIGINAL_LANGUAGE
from wegwijs.knowledge.models import (
    Article,
    ArticleFeedback,
    ArticleImage,
    ArticleVersion,
    ArticleView,
    HiddenSharedArticle,
    SearchLog,
    SynonymList,
)
from wegwijs.knowledge.redaction import redact_query
from wegwijs.knowledge.search.engine import Result, kb_search
from wegwijs.tenancy.models import Organisation

VERSIONED = ("title", "body", "status")


class ArticleSlugTaken(DomainError):
    code = "article_slug_taken"


@transaction.atomic
def article_save(
    *, article: Article, actor: User | None, author_label: str = "", **fields: object
) -> tuple[Article, bool]:
    """Create or change an article. Returns it and whether anything changed; a change of title, text or status
    is kept as a new version."""
    is_new = article.pk is None
    changed = is_new or any(getattr(article, name) != value for name, value in fields.items())
    if not changed:
        return article, False
    for name, value in fields.items():
        setattr(article, name, value)
    article.full_clean(validate_unique=False, validate_constraints=False, exclude=["translation_of"])
    owned = Article.objects.filter(**_owned(article.organisation), slug=article.slug, language=article.language)
    if owned.exclude(pk=article.pk).exists():
        raise ArticleSlugTaken("another article has this short name in this language")
    article.save()
    if is_new or any(name in fields for name in VERSIONED):
        last = ArticleVersion.objects.filter(article=article).aggregate(number=Max("number"))["number"] or 0
        ArticleVersion.objects.create(
            article=article,
            number=last + 1,
            title=article.title,
            body=article.body,
            status=article.status,
            author=actor,
            author_label=author_label or (actor.email if actor else ""),
        )
    return article, True


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)


def kb_import(*, directory: Path, organisation: Organisation | None) -> ImportReport:
    """Create or update the owner's articles from a folder in the exchange format, by (owner, slug, language).
    Invalid files are reported with their name and reason; the valid ones are imported all the same."""
    report = ImportReport()
    parsed: dict[tuple[str, str], tuple[str, exchange.ArticleFile]] = {}
    for path in sorted(directory.rglob("*.md")):
        name = path.relative_to(directory).as_posix()
        try:
            article = exchange.parse(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            report.invalid.append((name, "the file is not UTF-8 text"))
            continue
        except exchange.FormatError as error:
            report.invalid.append((name, str(error)))
            continue
        key = (article.slug, article.language)
        if key in parsed:
            report.invalid.append((name, f"{article.slug} in {article.language} is also in {parsed[key][0]}"))
            continue
        parsed[key] = (name, article)
    originals = [item for item in parsed.values() if not item[1].translation_of]
    translations = [item for item in parsed.values() if item[1].translation_of]
    for name, article in [*originals, *translations]:
        try:
            outcome = _import_one(article, organisation)
        except exchange.FormatError as error:
            report.invalid.append((name, str(error)))
        else:
            getattr(report, outcome).append(name)
    return report


def _owned(organisation: Organisation | None) -> dict[str, object]:
    return {"organisation": organisation} if organisation else {"organisation__isnull": True}


def _import_one(source: exchange.ArticleFile, organisation: Organisation | None) -> str:
    original = None
    if source.translation_of:
        original = Article.objects.filter(
            **_owned(organisation), slug=source.translation_of, language=ORIGINAL_LANGUAGE
        ).first()
        if original is None or (original.slug, original.language) == (source.slug, source.language):
            raise exchange.FormatError(f"translation_of {source.translation_of!r} names no Dutch article here")
    article = Article.objects.filter(**_owned(organisation), slug=source.slug, language=source.language).first()
    is_new = article is None
    _article, changed = article_save(
        article=article or Article(organisation=organisation, slug=source.slug, language=source.language),
        actor=None,
        author_label="import",
        title=source.title,
        body=source.body,
        tool=source.tool,
        tags=list(source.tags),
        status=source.status,
        translation_of=original,
    )
    return "created" if is_new else "updated" if changed else "unchanged"


def kb_export(*, directory: Path, organisation: Organisation | None) -> list[str]:
    """Write the owner's own articles to a folder in the exchange format. Returns the file names."""
    directory.mkdir(parents=True, exist_ok=True)
    names = []
    articles = (
        Article.objects.filter(**_owned(organisation)).select_related("translation_of").order_by("slug", "language")
    )
    for article in articles:
        source = exchange.ArticleFile(
            slug=article.slug,
            language=article.language,
            title=article.title,
            tool=article.tool,
            tags=tuple(article.tags),
            translation_of=article.translation_of.slug if article.translation_of else "",
            status=article.status,
            body=article.body,
        )
        name = exchange.file_name(source)
        (directory / name).write_text(exchange.render(source), encoding="utf-8")
        names.append(name)
    return names


# --- what people do on the public pages (anonymous usage, decision 0009) ---------------------------------


def search_public(
    *, organisation: Organisation, query: str, default_language: str, limit: int
) -> tuple[list[Result], SearchLog]:
    """A search on a public page (help pages, widget): the results, and the anonymous record kept of it."""
    language, results = kb_search(
        organisation=organisation, query=query, default_language=default_language, limit=limit
    )
    log = search_log_record(organisation=organisation, query=query, language=language, result_count=len(results))
    return results, log


def search_log_record(*, organisation: Organisation, query: str, language: str, result_count: int) -> SearchLog:
    return SearchLog.objects.create(
        organisation=organisation,
        query=redact_query(query),
        language=language,
        result_count=min(result_count, 32767),
    )


def search_log_click(*, organisation: Organisation, search_id: str, article: Article) -> None:
    """The person opened `article` from the results of that search (the first click counts)."""
    try:
        uuid.UUID(search_id)
    except ValueError:
        return
    SearchLog.objects.filter(organisation=organisation, public_id=search_id, clicked__isnull=True).update(
        clicked=article
    )


def article_view_count(*, organisation: Organisation, article: Article) -> None:
    day = timezone.localdate()
    updated = ArticleView.objects.filter(organisation=organisation, article=article, day=day).update(
        count=F("count") + 1
    )
    if not updated:
        ArticleView.objects.get_or_create(organisation=organisation, article=article, day=day)
        ArticleView.objects.filter(organisation=organisation, article=article, day=day).update(count=F("count") + 1)


def article_feedback_give(*, organisation: Organisation, article: Article, helpful: bool) -> ArticleFeedback:
    return ArticleFeedback.objects.create(organisation=organisation, article=article, helpful=helpful)


# --- editors --------------------------------------------------------------------------------------------


def shared_article_hide(*, actor: User, organisation: Organisation, article: Article, hidden: bool) -> None:
    """An organisation shows or hides a shared article on its pages."""
    if not article.is_shared:
        return
    if hidden:
        HiddenSharedArticle.objects.get_or_create(organisation=organisation, article=article)
    else:
        HiddenSharedArticle.objects.filter(organisation=organisation, article=article).delete()


def synonyms_save(*, actor: User, organisation: Organisation, language: str, text: str) -> None:
    """The organisation's own synonym list for a language; an empty list brings back the standard one."""
    if text.strip():
        SynonymList.objects.update_or_create(organisation=organisation, language=language, defaults={"text": text})
    else:
        SynonymList.objects.filter(organisation=organisation, language=language).delete()


# What a picture file starts with, per type we accept (the browser's word for the type is not trusted).
IMAGE_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}


class ImageRefused(DomainError):
    code = "image_refused"


def image_too_large() -> ImageRefused:
    return ImageRefused(
        _("This picture is too large. The most is %(megabytes)s MB.")
        % {"megabytes": f"{settings.KNOWLEDGE_IMAGE_MAX_BYTES / 1024 / 1024:g}"}
    )


def article_image_add(*, actor: User, organisation: Organisation, content: bytes, description: str) -> ArticleImage:
    """Keep a picture for the organisation's articles: PNG, JPEG, GIF or WebP, within the size limit."""
    if len(content) > settings.KNOWLEDGE_IMAGE_MAX_BYTES:
        raise image_too_large()
    content_type = next((kind for start, kind in IMAGE_SIGNATURES.items() if content.startswith(start)), "")
    if not content_type and content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        content_type = "image/webp"
    if not content_type:
        raise ImageRefused(_("This is not a picture we can show. Use a PNG, JPEG, GIF or WebP file."))
    return ArticleImage.objects.create(
        organisation=organisation,
        description=description.strip()[:200],
        content_type=content_type,
        size=len(content),
        content=content,
    )
