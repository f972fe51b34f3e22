"""An article as an A4 handout (PDF, WeasyPrint) with a QR code back to the article: the sheet a care provider
hands over in the consult. In the article's language, right to left for Arabic."""

from __future__ import annotations

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from wegwijs.knowledge import rendering
from wegwijs.knowledge.models import Article
from wegwijs.tenancy.models import Organisation

RIGHT_TO_LEFT = frozenset({"ar"})


def article_handout_pdf(*, organisation: Organisation, article: Article, url: str) -> bytes:
    qr = segno.make(url, error="m")
    with translation.override(article.language):
        html = render_to_string(
            "knowledge/handout.html",
            {
                "organisation": organisation,
                "article": article,
                "body": rendering.article_html(article.body),
                "url": url,
                "qr": qr.svg_data_uri(scale=4, border=2),
                "direction": "rtl" if article.language in RIGHT_TO_LEFT else "ltr",
            },
        )
    return bytes(HTML(string=html).write_pdf())
