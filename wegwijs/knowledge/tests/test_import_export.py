"""wegwijs kb import / export: by (owner, slug, language), invalid files reported, round trip lossless."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from wegwijs.knowledge import selectors
from wegwijs.knowledge.models import Article, ArticleVersion, HiddenSharedArticle

pytestmark = pytest.mark.django_db

DIGID = """---
slug: inloggen-met-digid
language: nl
title: Inloggen met DigiD
tool: digid
tags: [inloggen, digid]
---
Open de DigiD app en scan de QR-code.
"""
DIGID_EN = """---
slug: inloggen-met-digid
language: en
title: Logging in with DigiD
tool: digid
tags: [login, digid]
translation_of: inloggen-met-digid
---
Open the DigiD app and scan the QR code.
"""
DRAFT = """---
slug: uitslagen-bekijken
language: nl
title: Uitslagen bekijken
tool: portal
tags: []
status: draft
---
Kies in het portaal voor Uitslagen.
"""


def write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def kb(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("kb", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_creates_updates_and_reports_invalid_files_while_importing_the_valid_ones(tmp_path, organisation):
    folder = write(
        tmp_path / "in",
        {
            "digid.nl.md": DIGID,
            "digid.en.md": DIGID_EN,
            "uitslagen.nl.md": DRAFT,
            "kapot.md": "geen front matter",
            "wees.en.md": DIGID_EN.replace(
                "translation_of: inloggen-met-digid", "translation_of: bestaat-niet"
            ).replace("slug: inloggen-met-digid", "slug: wees"),
        },
    )
    out, err = kb("import", str(folder), "--organisation", organisation.slug)
    assert "3 created, 0 updated, 0 unchanged, 2 invalid" in out
    assert "kapot.md: the file does not start with front matter" in err
    assert "wees.en.md: translation_of 'bestaat-niet' names no Dutch article here" in err
    english = Article.objects.get(organisation=organisation, slug="inloggen-met-digid", language="en")
    assert english.translation_of == Article.objects.get(
        organisation=organisation, slug="inloggen-met-digid", language="nl"
    )
    assert Article.objects.get(slug="uitslagen-bekijken").status == "draft"

    write(folder, {"digid.nl.md": DIGID.replace("scan de QR-code", "kies Inloggen")})
    out, _err = kb("import", str(folder), "--organisation", organisation.slug)
    assert "0 created, 1 updated, 2 unchanged, 2 invalid" in out
    dutch = Article.objects.get(organisation=organisation, slug="inloggen-met-digid", language="nl")
    assert "kies Inloggen" in dutch.body
    assert list(ArticleVersion.objects.filter(article=dutch).values_list("number", "author_label")) == [
        (2, "import"),
        (1, "import"),
    ]


def test_export_writes_the_same_format_back_losslessly(tmp_path, organisation):
    folder = write(tmp_path / "in", {"a.md": DIGID, "b.md": DIGID_EN, "c.md": DRAFT})
    kb("import", str(folder), "--organisation", organisation.slug)
    kb("export", str(tmp_path / "out"), "--organisation", organisation.slug)
    exported = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "out").iterdir()}
    assert exported == {
        "inloggen-met-digid.nl.md": DIGID,
        "inloggen-met-digid.en.md": DIGID_EN,
        "uitslagen-bekijken.nl.md": DRAFT,
    }
    out, _err = kb("import", str(tmp_path / "out"), "--organisation", organisation.slug)
    assert "0 created, 0 updated, 3 unchanged, 0 invalid" in out


def test_platform_articles_are_shared_until_an_organisation_hides_or_replaces_them(tmp_path, organisation):
    kb(
        "import",
        str(write(tmp_path / "shared", {"a.md": DIGID, "b.md": DRAFT.replace("status: draft\n", "")})),
        "--platform",
    )
    assert sorted(selectors.article_list_visible(organisation=organisation).values_list("slug", "organisation")) == [
        ("inloggen-met-digid", None),
        ("uitslagen-bekijken", None),
    ]
    own = DIGID.replace("title: Inloggen met DigiD", "title: Inloggen bij ons ziekenhuis")
    kb("import", str(write(tmp_path / "own", {"a.md": own})), "--organisation", organisation.slug)
    HiddenSharedArticle.objects.create(
        organisation=organisation, article=Article.objects.get(slug="uitslagen-bekijken")
    )
    visible = selectors.article_list_visible(organisation=organisation)
    assert list(visible.values_list("title", flat=True)) == ["Inloggen bij ons ziekenhuis"]


def test_an_unknown_organisation_or_folder_is_a_clear_error(tmp_path, organisation):
    with pytest.raises(CommandError, match="No active organisation"):
        kb("import", str(tmp_path), "--organisation", "bestaat-niet")
    with pytest.raises(CommandError, match="is not a folder"):
        kb("import", str(tmp_path / "nergens"), "--organisation", organisation.slug)
