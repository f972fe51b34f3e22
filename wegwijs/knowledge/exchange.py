"""The article exchange format (other tooling depends on it; keep it exact). Pure: no database.

One Markdown file per article and language, with YAML front matter:

    ---
    slug: inloggen-met-digid
    language: nl
    title: Inloggen met DigiD
    tool: digid
    tags: [inloggen, digid]
    translation_of: inloggen-met-digid    # optional: the slug of the original
    status: draft                         # optional: published by default
    ---
    The text, in Markdown.

`parse` refuses a file with a clear reason; `render` writes the same format back, so that parsing what was
rendered gives the same article (the round trip is lossless).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml
from babel import Locale, UnknownLocaleError

TOOLS = ("portal", "app", "digid", "video", "monitoring", "general")
STATUSES = ("published", "draft")
REQUIRED = ("slug", "language", "title", "tool", "tags")
OPTIONAL = ("translation_of", "status")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)
TITLE_MAX = 200
SLUG_MAX = 100


class FormatError(ValueError):
    """Why a file is not a valid article (said to the person who imports it)."""


@dataclass(frozen=True)
class ArticleFile:
    slug: str
    language: str
    title: str
    tool: str
    body: str
    tags: tuple[str, ...] = ()
    translation_of: str = ""
    status: str = "published"


def parse(text: str) -> ArticleFile:
    """The article in one file, or FormatError with the reason."""
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if match is None:
        raise FormatError("the file does not start with front matter between two lines of ---")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise FormatError(f"the front matter is not valid YAML ({str(error).splitlines()[0]})") from error
    if not isinstance(meta, dict):
        raise FormatError("the front matter must be a list of key: value lines")
    unknown = sorted(str(key) for key in meta if key not in (*REQUIRED, *OPTIONAL))
    if unknown:
        raise FormatError(f"unknown key(s): {', '.join(unknown)}")
    missing = [key for key in REQUIRED if key not in meta]
    if missing:
        raise FormatError(f"missing key(s): {', '.join(missing)}")
    body = match.group(2).strip("\n")
    if not body.strip():
        raise FormatError("the article has no text after the front matter")
    return ArticleFile(
        slug=_slug(meta["slug"], "slug"),
        language=_language(meta["language"]),
        title=_title(meta["title"]),
        tool=_choice(meta["tool"], "tool", TOOLS),
        tags=_tags(meta["tags"]),
        translation_of=_slug(meta["translation_of"], "translation_of") if meta.get("translation_of") else "",
        status=_choice(meta.get("status") or "published", "status", STATUSES),
        body=body,
    )


def render(article: ArticleFile) -> str:
    """The file for one article, keys always in the same order; `status` only when it is not published."""
    meta: dict[str, object] = {
        "slug": article.slug,
        "language": article.language,
        "title": article.title,
        "tool": article.tool,
        "tags": list(article.tags),
    }
    if article.translation_of:
        meta["translation_of"] = article.translation_of
    if article.status != "published":
        meta["status"] = article.status
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
    return f"---\n{front}---\n{article.body.strip(chr(10))}\n"


def file_name(article: ArticleFile) -> str:
    return f"{article.slug}.{article.language}.md"


def _slug(value: object, key: str) -> str:
    text = str(value).strip() if isinstance(value, str | int) else ""
    if not text or len(text) > SLUG_MAX or not SLUG.match(text):
        raise FormatError(f"{key} must be lowercase letters, digits and hyphens (at most {SLUG_MAX}), not {value!r}")
    return text


def _language(value: object) -> str:
    code = str(value).strip() if isinstance(value, str) else ""
    if not re.fullmatch(r"[a-z]{2}", code):
        raise FormatError(f"language must be a two-letter ISO 639-1 code such as nl or ar, not {value!r}")
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError) as error:
        raise FormatError(f"language {code!r} is not an ISO 639-1 language") from error
    return code


def _title(value: object) -> str:
    title = str(value).strip() if isinstance(value, str | int | float) else ""
    if not title:
        raise FormatError("title is empty")
    if len(title) > TITLE_MAX:
        raise FormatError(f"title is longer than {TITLE_MAX} characters")
    if any(unicodedata.category(char) in {"Cc", "Zl", "Zp"} for char in title):
        raise FormatError("title holds a line break or a control character")
    return title


def _choice(value: object, key: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise FormatError(f"{key} must be one of {' | '.join(allowed)}, not {value!r}")
    return str(value)


def _tags(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(tag, str | int) and str(tag).strip() for tag in value):
        raise FormatError("tags must be a list of words, for example [inloggen, digid]")
    return tuple(str(tag).strip() for tag in value)
