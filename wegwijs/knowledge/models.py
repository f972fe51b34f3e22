"""Knowledge articles: per organisation, or shared by the platform with every organisation.

Articles hold no person data, so they are a platform model without the tenant scope: every read filters by
owner explicitly in `selectors.py` (an organisation's own articles, plus the shared ones it did not hide or
override).
"""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijs.core.models import TimestampedModel
from wegwijs.knowledge.choices import ArticleStatus, ArticleTool, Audience
from wegwijs.tenancy.models import Organisation


def default_audience() -> list[str]:
    return [Audience.PATIENT, Audience.NAASTE]


class Article(TimestampedModel):
    # None: shared by the platform with every organisation.
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="articles"
    )
    slug = models.SlugField(_("short name"), max_length=100)
    language = models.CharField(_("language"), max_length=8, default="nl")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"))
    tool = models.CharField(_("digital tool"), max_length=12, choices=ArticleTool.choices, default=ArticleTool.GENERAL)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    audience = models.JSONField(_("audience"), default=default_audience, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    translation_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="translations"
    )
    video_url = models.URLField(_("video link"), blank=True)
    video_transcript = models.TextField(_("video captions or transcript"), blank=True)

    objects: ClassVar[models.Manager[Article]] = models.Manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug", "language"],
                condition=models.Q(organisation__isnull=False),
                name="article_slug_language_per_org",
            ),
            models.UniqueConstraint(
                fields=["slug", "language"],
                condition=models.Q(organisation__isnull=True),
                name="article_slug_language_shared",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "language", "status"], name="article_org_language")]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        return f"{self.slug} ({self.language})"

    @property
    def is_shared(self) -> bool:
        return self.organisation_id is None


class ArticleVersion(models.Model):
    """Every saved state of an article, with who saved it and when (the version history)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=ArticleStatus.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    author_label = models.CharField(max_length=100, blank=True)  # "import", a command, when no person saved it
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[ArticleVersion]] = models.Manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="article_version_number")]
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"version {self.number} of article {self.article_id}"


class HiddenSharedArticle(models.Model):
    """An organisation does not show this shared article (it may have its own under the same slug instead)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")

    objects: ClassVar[models.Manager[HiddenSharedArticle]] = models.Manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "article"], name="hidden_shared_article_once")]

    def __str__(self) -> str:
        return f"article {self.article_id} hidden by organisation {self.organisation_id}"


class SynonymList(models.Model):
    """An organisation's own synonym groups for one language (they replace the shipped defaults)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("synonyms, one group per line"))
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[SynonymList]] = models.Manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "language"], name="synonym_list_per_language")]

    def __str__(self) -> str:
        return f"synonyms {self.language} of organisation {self.organisation_id}"


class SearchLog(models.Model):
    """One search on a public page, kept for insights: the words with identifiers removed, no link to a
    person. `clicked` is the article opened from the results, if any."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    language = models.CharField(max_length=8)
    query = models.CharField(max_length=200)
    result_count = models.PositiveSmallIntegerField()
    clicked = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[SearchLog]] = models.Manager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "created_at"], name="searchlog_org_created")]

    def __str__(self) -> str:
        return f"search with {self.result_count} results"


class ArticleFeedback(models.Model):
    """A "did this help?" answer on an article page (anonymous)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[ArticleFeedback]] = models.Manager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "article"], name="feedback_org_article")]

    def __str__(self) -> str:
        return f"{'yes' if self.helpful else 'no'} on article {self.article_id}"


class ArticleView(models.Model):
    """How often an organisation's public page showed an article, per day (a counter, no person data)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    objects: ClassVar[models.Manager[ArticleView]] = models.Manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "article", "day"], name="article_view_per_day")]

    def __str__(self) -> str:
        return f"{self.count} views of article {self.article_id} on {self.day}"


class ArticleImage(models.Model):
    """A picture for the organisation's articles (a screenshot of a step), served by Wegwijs itself."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    description = models.CharField(_("what the picture shows"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[ArticleImage]] = models.Manager()

    class Meta:
        indexes = [models.Index(fields=["organisation", "created_at"], name="article_image_org_created")]

    def __str__(self) -> str:
        return f"image {self.public_id}"
