"""An article as an A4 handout (PDF, WeasyPrint) with a QR code back to the article: the sheet a care provider
hands over in the consult. In the article's language, right to left for Arabic."""

from __future__ import annotations

from wegwijs.core.pdf import pdf_render, qr_data_uri
from wegwijs.knowledge import rendering
from wegwijs.knowledge.models import Article
from wegwijs.tenancy.models import Organisation


def article_handout_pdf(*, organisation: Organisation, article: Article, url: str) -> bytes:
    return pdf_render(
        template="knowledge/handout.html",
        context={
            "organisation": organisation,
            "article": article,
            "body": rendering.article_html(article.body),
            "url": url,
            "qr": qr_data_uri(url),
        },
        language=article.language,
    )
