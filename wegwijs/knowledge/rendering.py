"""Article text from Markdown to safe HTML: CommonMark, then only the tags and attributes we allow (nh3)."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"scope"}}
_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


def article_html(markdown: str) -> str:
    """Headings are shifted down one level: the page's own h1 is the article title."""
    html = _markdown.render(markdown).replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
