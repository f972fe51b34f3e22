"""Printable sheets: an HTML template rendered in a language (right to left where it is written so) and turned
into a PDF by WeasyPrint, with QR codes (segno) for the links on paper. The templates carry their own print
styles; the fonts (DejaVu Sans, Noto Sans Arabic) have the Arabic glyphs."""

from __future__ import annotations

from collections.abc import Mapping

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML


def text_direction(language: str) -> str:
    """The direction a language is written in: "rtl" (settings.LANGUAGES_BIDI) or "ltr"."""
    with translation.override(language):
        return "rtl" if translation.get_language_bidi() else "ltr"


def qr_data_uri(url: str) -> str:
    """A QR code for `url` as an SVG data URI, for an <img> on a printed page."""
    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=2))


def pdf_render(*, template: str, context: Mapping[str, object], language: str) -> bytes:
    """The template rendered in `language` (its context gets `direction`) as an A4 PDF (the template's @page)."""
    with translation.override(language):
        html = render_to_string(template, {**context, "direction": text_direction(language)})
    return bytes(HTML(string=html).write_pdf())
