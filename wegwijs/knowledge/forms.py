from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wegwijs.core.forms import AccessibleFormMixin
from wegwijs.knowledge.choices import ArticleStatus, ArticleTool, Audience
from wegwijs.knowledge.models import Article, default_audience

QUERY_MAX = 200


class HelpSearchForm(AccessibleFormMixin, forms.Form):
    q = forms.CharField(label=_("Search our help pages"), max_length=QUERY_MAX, required=False)


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(choices=[("yes", "yes"), ("no", "no")], coerce=lambda value: value == "yes")


class ArticleForm(AccessibleFormMixin, forms.Form):
    """An editor writes or changes one of the organisation's own articles."""

    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name in the address"), max_length=100, help_text=_("Lowercase letters, digits and hyphens.")
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    tool = forms.ChoiceField(label=_("Digital tool"), choices=ArticleTool.choices)
    audience = forms.MultipleChoiceField(
        label=_("For"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple, initial=default_audience
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=300, help_text=_("Separated by commas."))
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Markdown: ## heading, 1. steps, **bold**."),
    )
    translation_of: forms.ModelChoiceField[Article] = forms.ModelChoiceField(
        label=_("Translation of"), queryset=None, required=False, to_field_name="public_id",  # type: ignore[arg-type]
        empty_label=_("Not a translation (a Dutch original)"),
    )  # fmt: skip
    video_url = forms.URLField(label=_("Video link"), required=False)
    video_transcript = forms.CharField(
        label=_("Video captions or transcript"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    status = forms.ChoiceField(label=_("Status"), choices=ArticleStatus.choices)

    def __init__(self, *args: Any, originals: Any, readability_url: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["translation_of"].queryset = originals  # type: ignore[attr-defined]
        # With htmx the B1 check follows the typing; without it, "Preview and check" does the same.
        self.fields["body"].widget.attrs.update(
            {
                "hx-post": readability_url,
                "hx-trigger": "keyup changed delay:800ms",
                "hx-target": "#readability",
                "hx-swap": "outerHTML",
                "hx-include": "closest form",
            }
        )

    def clean_tags(self) -> list[str]:
        return [tag.strip().lower() for tag in str(self.cleaned_data["tags"]).split(",") if tag.strip()]


class SynonymsForm(AccessibleFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Synonyms"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("One group per line, words separated by commas. Empty: the standard list is used."),
    )


class ImageForm(AccessibleFormMixin, forms.Form):
    prefix = "image"

    file = forms.FileField(label=_("Picture (PNG, JPEG, GIF or WebP)"))
    description = forms.CharField(
        label=_("What the picture shows"),
        max_length=200,
        help_text=_("Read aloud to people who cannot see the picture."),
    )
