"""The one search engine behind the public help page, the widget, the API and the agents' suggestions.

Per organisation, an index per language is built from the articles it shows and kept in this process until
the articles or synonyms change (`selectors.knowledge_stamp`). The query is searched in its own language and
in Dutch; each article shows once, in the query's language when it has that translation, ranked by its
better score of the two.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.conf import settings

from wegwijs.knowledge import selectors
from wegwijs.knowledge.choices import ORIGINAL_LANGUAGE
from wegwijs.knowledge.search import language as detection
from wegwijs.knowledge.search.index import Document, LanguageIndex
from wegwijs.knowledge.search.synonyms import DEFAULT_SYNONYMS, groups
from wegwijs.tenancy.models import Organisation
from wegwijs.triage.language import UNDETERMINED


@dataclass(frozen=True)
class Result:
    public_id: str
    slug: str
    language: str
    title: str
    score: float


@dataclass(frozen=True)
class _Entry:
    public_id: str
    slug: str
    language: str
    title: str
    family: int  # the Dutch original's id, or the article's own: one family per article and its translations


@dataclass(frozen=True)
class _OrganisationIndex:
    stamp: tuple[object, ...]
    entries: dict[str, _Entry]
    languages: dict[str, LanguageIndex]


_cache: dict[tuple[int, bool], _OrganisationIndex] = {}
_checked: dict[tuple[int, bool], float] = {}  # when the index was last compared with the articles
_lock = threading.Lock()


def _build(organisation: Organisation, *, public: bool, stamp: tuple[object, ...]) -> _OrganisationIndex:
    rows = selectors.article_list_visible(organisation=organisation, public=public).values_list(
        "pk", "public_id", "slug", "language", "title", "tags", "body", "translation_of_id"
    )
    entries: dict[str, _Entry] = {}
    documents: list[Document] = []
    for pk, public_id, slug, language, title, tags, body, original_id in rows:
        entries[str(pk)] = _Entry(str(public_id), slug, language, title, original_id or pk)
        documents.append(Document(str(pk), language, title, tags or [], body))
    languages = {}
    for language in {document.language for document in documents}:
        own = selectors.synonym_text(organisation=organisation, language=language)
        synonym_groups = groups(own if own is not None else DEFAULT_SYNONYMS.get(language, ""))
        languages[language] = LanguageIndex.build(documents, language=language, synonym_groups=synonym_groups)
    return _OrganisationIndex(stamp, entries, languages)


def _index(organisation: Organisation, *, public: bool) -> _OrganisationIndex:
    """The organisation's index, checked against the articles at most every KNOWLEDGE_INDEX_CHECK_SECONDS."""
    key = (organisation.pk, public)
    now = time.monotonic()
    cached = _cache.get(key)
    if cached is not None and now - _checked.get(key, 0.0) < settings.KNOWLEDGE_INDEX_CHECK_SECONDS:
        return cached
    stamp = selectors.knowledge_stamp(organisation=organisation)
    with _lock:
        cached = _cache.get(key)
        if cached is None or cached.stamp != stamp:
            cached = _cache[key] = _build(organisation, public=public, stamp=stamp)
        _checked[key] = now
    return cached


def kb_search(
    *,
    organisation: Organisation,
    query: str,
    language: str = "",
    default_language: str = ORIGINAL_LANGUAGE,
    limit: int = 10,
    public: bool = True,
) -> tuple[str, list[Result]]:
    """The ranked articles for a query, and the language it was read in (detected when not given; a query
    too short to tell is read in `default_language`, e.g. the language of the page)."""
    language = language or detection.detect(query, default=default_language)
    index = _index(organisation, public=public)
    best: dict[int, tuple[float, _Entry]] = {}  # family -> (score, the version to show)
    for searched in dict.fromkeys([language, ORIGINAL_LANGUAGE]):
        language_index = index.languages.get(searched)
        if language_index is None:
            continue
        for hit in language_index.search(query, limit=limit):
            entry = index.entries[hit.key]
            score, shown = best.get(entry.family, (0.0, entry))
            in_query_language = shown.language == language and shown is not entry
            best[entry.family] = (max(score, hit.score), shown if in_query_language else entry)
    ranked = sorted(best.values(), key=lambda item: (-item[0], item[1].slug))[:limit]
    return language, [Result(e.public_id, e.slug, e.language, e.title, round(score, 4)) for score, e in ranked]


def article_suggestions(organisation_slug: str, text: str, language: str, *, limit: int = 3) -> list[str]:
    """Slugs of the organisation's public articles that best match a question (for the triage result)."""
    organisation = Organisation.objects.filter(slug=organisation_slug).first()
    if organisation is None:
        return []
    reading = "" if language == UNDETERMINED else language
    return [
        result.slug for result in kb_search(organisation=organisation, query=text, language=reading, limit=limit)[1]
    ]
