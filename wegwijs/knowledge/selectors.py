"""Reads of articles. Articles are not tenant-scoped (no person data): every read names its owner."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from wegwijs.core.errors import NotFound
from wegwijs.knowledge.choices import ORIGINAL_LANGUAGE, ArticleStatus, Audience
from wegwijs.knowledge.models import (
    Article,
    ArticleFeedback,
    ArticleImage,
    ArticleView,
    HiddenSharedArticle,
    SearchLog,
    SynonymList,
)
from wegwijs.tenancy.models import DigitalTool, Organisation


def article_list_visible(*, organisation: Organisation, public: bool = True) -> QuerySet[Article]:
    """The published articles an organisation shows: its own, and the shared ones it did not hide or replace
    with its own article of the same short name and language. `public` leaves out staff-only articles."""
    own_same = Article.objects.filter(organisation=organisation, slug=OuterRef("slug"), language=OuterRef("language"))
    hidden = HiddenSharedArticle.objects.filter(organisation=organisation, article=OuterRef("pk"))
    shared = Q(organisation__isnull=True) & ~Exists(own_same) & ~Exists(hidden)
    articles = Article.objects.filter(Q(organisation=organisation) | shared, status=ArticleStatus.PUBLISHED)
    if public:
        articles = articles.exclude(audience=[Audience.STAFF])
    return articles


def synonym_text(*, organisation: Organisation, language: str) -> str | None:
    """The organisation's own synonym list for a language, or None when it uses the shipped one."""
    return (
        SynonymList.objects.filter(organisation=organisation, language=language).values_list("text", flat=True).first()
    )


def knowledge_stamp(*, organisation: Organisation) -> tuple[object, ...]:
    """Changes when anything the organisation's search index is built from changes."""
    articles = Article.objects.filter(Q(organisation=organisation) | Q(organisation__isnull=True)).aggregate(
        count=Count("id"), published=Count("id", filter=Q(status=ArticleStatus.PUBLISHED)), changed=Max("updated_at")
    )
    hidden = HiddenSharedArticle.objects.filter(organisation=organisation).count()
    synonyms = SynonymList.objects.filter(organisation=organisation).aggregate(
        changed=Max("updated_at"), count=Count("id")
    )
    return (
        articles["count"],
        articles["published"],
        articles["changed"],
        hidden,
        synonyms["count"],
        synonyms["changed"],
    )


def article_get_public(*, organisation: Organisation, slug: str, language: str) -> tuple[Article, list[str]]:
    """The article with this short name in the wanted language, else its Dutch original; and the languages
    it can be read in. NotFound when the organisation shows no such article."""
    versions = {
        article.language: article for article in article_list_visible(organisation=organisation).filter(slug=slug)
    }
    chosen = versions.get(language) or versions.get(ORIGINAL_LANGUAGE)
    if chosen is None:
        raise NotFound("not found")
    return chosen, sorted(versions)


def article_list_top(*, organisation: Organisation, language: str, per_tool: int = 5) -> dict[str, list[Article]]:
    """Per digital tool, the most viewed articles of the last 30 days (in the wanted language where it exists,
    else Dutch); unviewed articles follow by title."""
    since = timezone.localdate() - dt.timedelta(days=30)
    views = dict(
        ArticleView.objects.filter(organisation=organisation, day__gte=since)
        .values("article__slug")
        .annotate(total=Sum("count"))
        .values_list("article__slug", "total")
    )
    by_slug: dict[str, Article] = {}
    for article in article_list_visible(organisation=organisation).filter(language__in={language, ORIGINAL_LANGUAGE}):
        if article.slug not in by_slug or article.language == language:
            by_slug[article.slug] = article
    top: dict[str, list[Article]] = {}
    for article in sorted(by_slug.values(), key=lambda a: (-views.get(a.slug, 0), a.title)):
        top.setdefault(article.tool, [])
        if len(top[article.tool]) < per_tool:
            top[article.tool].append(article)
    return top


def widget_frame_origins(*, organisation: Organisation) -> list[str]:
    """Where the help widget's panel may be shown: the login pages of the organisation's active digital tools
    (their scheme, host and port) and WEGWIJS_WIDGET_FRAME_ORIGINS."""
    origins = []
    for url in DigitalTool.objects.filter(organisation=organisation, is_active=True).values_list(
        "login_url", flat=True
    ):
        parts = urlsplit(url)
        if parts.scheme in {"http", "https"} and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return sorted(set(origins) | set(settings.WIDGET_FRAME_ORIGINS))


@dataclass(frozen=True)
class EditorRow:
    article: Article
    is_hidden: bool  # a shared article this organisation does not show
    languages: list[str]  # the languages this article's family is written in


def article_list_for_editor(*, organisation: Organisation) -> list[EditorRow]:
    """The organisation's own articles and the shared ones (with whether they are hidden), originals first."""
    hidden = set(HiddenSharedArticle.objects.filter(organisation=organisation).values_list("article_id", flat=True))
    articles = list(
        Article.objects.filter(Q(organisation=organisation) | Q(organisation__isnull=True)).order_by(
            "organisation", "slug", "language"
        )
    )
    families: dict[tuple[int | None, str], list[str]] = {}
    for article in articles:
        families.setdefault((article.organisation_id, article.slug), []).append(article.language)
    return [
        EditorRow(article, article.pk in hidden, families[(article.organisation_id, article.slug)])
        for article in articles
        if article.language == ORIGINAL_LANGUAGE or article.translation_of_id is None
    ]


def article_get_for_editor(*, organisation: Organisation, public_id: str) -> Article:
    """One of the organisation's own articles, or a shared one (read-only for it)."""
    article = Article.objects.filter(
        Q(organisation=organisation) | Q(organisation__isnull=True), public_id=public_id
    ).first()
    if article is None:
        raise NotFound("not found")
    return article


def article_originals(*, organisation: Organisation) -> QuerySet[Article]:
    return Article.objects.filter(organisation=organisation, language=ORIGINAL_LANGUAGE, translation_of__isnull=True)


@dataclass(frozen=True)
class ArticleStats:
    views: int  # the last 30 days
    helpful: int
    not_helpful: int
    searches: int  # searches from which people opened it (30 days)
    queries: list[str]  # what they searched, most recent first


def article_stats(*, organisation: Organisation, article: Article) -> ArticleStats:
    since = timezone.localdate() - dt.timedelta(days=30)
    views = ArticleView.objects.filter(organisation=organisation, article=article, day__gte=since).aggregate(
        total=Sum("count")
    )["total"]
    votes = ArticleFeedback.objects.filter(organisation=organisation, article=article).aggregate(
        yes=Count("id", filter=Q(helpful=True)), no=Count("id", filter=Q(helpful=False))
    )
    searches = SearchLog.objects.filter(organisation=organisation, clicked=article, created_at__date__gte=since)
    return ArticleStats(
        views=views or 0,
        helpful=votes["yes"],
        not_helpful=votes["no"],
        searches=searches.count(),
        queries=list(searches.order_by("-created_at").values_list("query", flat=True)[:10]),
    )


def article_image_list(*, organisation: Organisation) -> QuerySet[ArticleImage]:
    return ArticleImage.objects.filter(organisation=organisation).defer("content").order_by("-created_at")


def article_image_get(*, organisation: Organisation, public_id: str) -> ArticleImage:
    image = ArticleImage.objects.filter(organisation=organisation, public_id=public_id).first()
    if image is None:
        raise NotFound("not found")
    return image


@dataclass(frozen=True)
class FailedSearches:
    without_result: list[tuple[str, int]]  # (what people typed, how often), most frequent first
    without_click: list[tuple[str, int]]


def search_list_failed(*, organisation: Organisation, days: int = 30, limit: int = 20) -> FailedSearches:
    """What people searched on the organisation's pages and did not find, or found but did not open: the
    articles an editor should write or fix."""
    since = timezone.now() - dt.timedelta(days=days)
    searches = SearchLog.objects.filter(organisation=organisation, created_at__gte=since)

    def grouped(rows: QuerySet[SearchLog]) -> list[tuple[str, int]]:
        counted = rows.values("query").annotate(times=Count("id")).order_by("-times", "query")[:limit]
        return [(row["query"], row["times"]) for row in counted]

    return FailedSearches(
        without_result=grouped(searches.filter(result_count=0)),
        without_click=grouped(searches.filter(result_count__gt=0, clicked__isnull=True)),
    )
