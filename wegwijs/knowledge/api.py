"""API: the organisation's help articles. Search and reading are public (no token, limited per address);
writing needs a token with the scope knowledge:write."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from uuid import UUID

from django.http import HttpRequest
from ninja import Query, Router, Schema

from wegwijs.api.auth import require_scope
from wegwijs.api.schemas import ERROR_RESPONSES, ErrorOut, text_field
from wegwijs.api.throttle import public_rate_limit
from wegwijs.core.errors import NotFound
from wegwijs.knowledge import rendering, selectors, services
from wegwijs.knowledge.models import Article
from wegwijs.knowledge.search.engine import kb_search
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.roles import ApiScope
from wegwijs.tenancy.selectors import organisation_list_public

router = Router(tags=["knowledge"])

LanguageCode = Literal["nl", "en", "tr", "ar", "pl", "uk", "de", "fr"]
ToolName = Literal["portal", "app", "digid", "video", "monitoring", "general"]
StatusName = Literal["draft", "published"]


class SearchQuery(Schema):
    q: text_field(200, required=True)  # type: ignore[valid-type]
    language: LanguageCode | None = None
    limit: int = 10


class ResultOut(Schema):
    slug: str
    language: str
    title: str
    score: float


class SearchOut(Schema):
    language: str  # the language the query was read in
    results: list[ResultOut]


class ArticleOut(Schema):
    id: UUID
    slug: str
    language: str
    title: str
    tool: str
    tags: list[str]
    status: str
    body: str  # Markdown
    html: str  # sanitised
    updated_at: dt.datetime

    @staticmethod
    def resolve_id(article: Article) -> UUID:
        return article.public_id

    @staticmethod
    def resolve_html(article: Article) -> str:
        return rendering.article_html(article.body)


class ArticleIn(Schema):
    slug: text_field(100, required=True)  # type: ignore[valid-type]
    language: LanguageCode = "nl"
    title: text_field(200, required=True)  # type: ignore[valid-type]
    tool: ToolName = "general"
    tags: list[text_field(40, required=True)] = []  # type: ignore[valid-type]
    status: StatusName = "draft"
    body: text_field(50_000, required=True, multiline=True)  # type: ignore[valid-type]


class ArticlePatch(Schema):
    title: text_field(200) | None = None  # type: ignore[valid-type]
    tool: ToolName | None = None
    tags: list[text_field(40, required=True)] | None = None  # type: ignore[valid-type]
    status: StatusName | None = None
    body: text_field(50_000, multiline=True) | None = None  # type: ignore[valid-type]


def _author(request: HttpRequest) -> str:
    """Who saved a version through the API: the token's name."""
    return f"api:{request.auth.name}"[:100]  # type: ignore[attr-defined]


def _public_organisation(slug: str) -> Organisation:
    organisation = organisation_list_public().filter(slug=slug).first()
    if organisation is None:
        raise NotFound("not found")
    return organisation


@router.get(
    "/organisations/{slug}/knowledge/search", auth=None, response={200: SearchOut, 429: ErrorOut, **ERROR_RESPONSES}
)
def knowledge_search(request: HttpRequest, slug: str, query: Query[SearchQuery]) -> object:
    """Search an organisation's public help articles (no token; limited per client address)."""
    public_rate_limit(request)
    organisation = _public_organisation(slug)
    language, results = kb_search(
        organisation=organisation, query=query.q, language=query.language or "", limit=max(1, min(query.limit, 50))
    )
    return {"language": language, "results": results}


@router.get(
    "/organisations/{slug}/knowledge/articles/{article_slug}",
    auth=None,
    response={200: ArticleOut, 429: ErrorOut, **ERROR_RESPONSES},
)
def knowledge_article(request: HttpRequest, slug: str, article_slug: str, language: LanguageCode = "nl") -> object:
    """One public help article, in `language` where it is translated, else the Dutch original."""
    public_rate_limit(request)
    organisation = _public_organisation(slug)
    article, _languages = selectors.article_get_public(organisation=organisation, slug=article_slug, language=language)
    return article


@router.post("/knowledge/articles", response={201: ArticleOut, **ERROR_RESPONSES})
def knowledge_article_create(request: HttpRequest, payload: ArticleIn) -> tuple[int, object]:
    """A new article of the token's organisation (a version is kept)."""
    organisation = require_scope(request, ApiScope.KNOWLEDGE_WRITE)
    article, _changed = services.article_save(
        article=Article(organisation=organisation), actor=None, author_label=_author(request), **payload.dict()
    )
    return 201, article


@router.patch("/knowledge/articles/{article_id}", response={200: ArticleOut, **ERROR_RESPONSES})
def knowledge_article_update(request: HttpRequest, article_id: UUID, payload: ArticlePatch) -> object:
    """Change one of the token's organisation's articles (shared articles are not changed through here)."""
    organisation = require_scope(request, ApiScope.KNOWLEDGE_WRITE)
    article = selectors.article_get_for_editor(organisation=organisation, public_id=str(article_id))
    if article.is_shared:
        raise NotFound("not found")
    changes = {name: value for name, value in payload.dict().items() if value is not None}
    article, _changed = services.article_save(article=article, actor=None, author_label=_author(request), **changes)
    return article
