"""The printable handout: a real PDF, read back with pdftotext, and its QR code decoded with zbarimg."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from wegwijs.knowledge.models import Article

pytestmark = pytest.mark.django_db


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: install Debian's poppler-utils and zbar-tools (see .ci/run)")
    return path


@pytest.fixture
def bloeddruk(organisation):
    original = Article.objects.create(
        organisation=organisation,
        slug="bloeddrukmeter-koppelen",
        language="nl",
        title="Bloeddrukmeter koppelen",
        body="## Zo doet u het\n\n1. Zet Bluetooth aan.\n2. Open de app.",
        status="published",
    )
    Article.objects.create(
        organisation=organisation,
        slug="bloeddrukmeter-koppelen",
        language="ar",
        title="ربط جهاز قياس ضغط الدم",
        body="1. شغّل البلوتوث.\n2. افتح التطبيق.",
        status="published",
        translation_of=original,
    )
    return original


@pytest.mark.parametrize(
    ("language", "title", "line"),
    [("nl", "Bloeddrukmeter koppelen", "Zet Bluetooth aan."), ("ar", "ربط جهاز قياس ضغط الدم", "البلوتوث")],
)
def test_the_handout_holds_the_article_and_a_qr_code_to_it(
    tmp_path: Path, organisation, bloeddruk, language, title, line
):
    client = Client()
    client.cookies["django_language"] = language
    response = client.get(reverse("knowledge:handout", args=[organisation.slug, bloeddruk.slug]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert title in text
    assert line in text
    subprocess.run(
        [tool("pdftoppm"), "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    (page,) = tmp_path.glob("page*.png")
    decoded = subprocess.run(
        [tool("zbarimg"), "--raw", "-q", str(page)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == f"{settings.SITE_URL}{reverse('knowledge:article', args=[organisation.slug, bloeddruk.slug])}"
