"""Schemas every router shares: the error body and safe text input."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from ninja import Schema
from pydantic import AfterValidator, StringConstraints


class ErrorDetail(Schema):
    field: str | None = None
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorOut(Schema):
    error: ErrorBody


def _no_control_characters(value: str) -> str:
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValueError("control characters are not allowed")
    return value


def _no_control_characters_but_lines(value: str) -> str:
    if any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in value):
        raise ValueError("control characters other than new lines and tabs are not allowed")
    return value


def text_field(max_length: int, *, required: bool = False, multiline: bool = False) -> Any:
    """Text input: trimmed, length-limited, no control characters (new lines only when `multiline`);
    `required` means not empty after trimming."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=max_length, min_length=1 if required else 0),
        AfterValidator(_no_control_characters_but_lines if multiline else _no_control_characters),
    ]


ERROR_RESPONSES: dict[int, type[Schema]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
}
