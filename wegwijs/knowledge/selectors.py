"""Reads of articles. Articles are not tenant-scoped (no person data): every read names its owner."""

from __future__ import annotations

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet

from wegwijs.knowledge.choices import ArticleStatus, Audience
from wegwijs.knowledge.models import Article, HiddenSharedArticle, SynonymList
from wegwijs.tenancy.models import Organisation


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
