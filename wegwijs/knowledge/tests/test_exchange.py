"""The exchange format, without the database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wegwijs.knowledge import exchange

VALID = """---
slug: inloggen-met-digid
language: nl
title: "Inloggen: met DigiD"
tool: digid
tags: [inloggen, digid]
---
## Zo doet u het

1. Open de DigiD app.
"""


def test_a_valid_file_is_read_and_written_back_the_same():
    article = exchange.parse(VALID)
    assert (article.slug, article.language, article.title, article.tool, article.tags, article.status) == (
        "inloggen-met-digid",
        "nl",
        "Inloggen: met DigiD",
        "digid",
        ("inloggen", "digid"),
        "published",
    )
    assert exchange.parse(exchange.render(article)) == article
    assert exchange.render(exchange.parse(exchange.render(article))) == exchange.render(article)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("geen front matter", "front matter"),
        ("---\nslug: [\n---\ntekst", "not valid YAML"),
        (VALID.replace("tool: digid", "tool: fax"), "tool must be one of"),
        (VALID.replace("language: nl", "language: dutch"), "two-letter"),
        (VALID.replace("language: nl", "language: qq"), "not an ISO 639-1"),
        (VALID.replace("slug: inloggen-met-digid", "slug: Inloggen Met DigiD"), "slug must be"),
        (VALID.replace("tags: [inloggen, digid]\n", ""), "missing key(s): tags"),
        (VALID.replace("tags: [inloggen, digid]", "tags: inloggen"), "tags must be a list"),
        (VALID.replace("tool: digid", "tool: digid\nauthor: Piet"), "unknown key(s): author"),
        (VALID.replace("tool: digid", "tool: digid\nstatus: archived"), "status must be one of"),
        (VALID.split("---\n## Zo")[0] + "---\n", "no text"),
        (VALID.replace('title: "Inloggen: met DigiD"', 'title: "Inloggen\\x85met DigiD"'), "control character"),
    ],
)
def test_an_invalid_file_is_refused_with_its_reason(text, reason):
    with pytest.raises(exchange.FormatError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        exchange.parse(text)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäëïöü", min_size=1, max_size=12)


@given(
    slug=st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}", fullmatch=True),
    language=st.sampled_from(["nl", "en", "tr", "ar", "pl", "uk"]),
    title=st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=80
    ).filter(lambda t: t.strip() == t and t.strip()),
    tool=st.sampled_from(exchange.TOOLS),
    tags=st.lists(words, max_size=4),
    status=st.sampled_from(exchange.STATUSES),
    body=st.text(min_size=1, max_size=300).filter(
        lambda b: b.strip("\n").strip() and b == b.strip("\n") and "\r" not in b
    ),
)
def test_any_article_survives_the_round_trip(slug, language, title, tool, tags, status, body):
    article = exchange.ArticleFile(
        slug=slug, language=language, title=title, tool=tool, tags=tuple(tags), status=status, body=body
    )
    assert exchange.parse(exchange.render(article)) == article
