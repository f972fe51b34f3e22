"""Read one RFC 822 e-mail into what the helpdesk needs. Pure: no database. Never raises on bad input:
whatever cannot be read is listed in `problems` and the mail is marked malformed."""

from __future__ import annotations

import email
import email.policy
import hashlib
import html
import re
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import getaddresses

import nh3

SUBJECT_MAX = 300
AUTOMATIC_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
AUTOMATIC_SENDERS = re.compile(r"^(mailer-daemon|postmaster|no-?reply|noreply)@", re.IGNORECASE)
MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass
class ParsedAttachment:
    filename: str
    content_type: str
    content: bytes


@dataclass
class ParsedMail:
    message_id: str
    in_reply_to: list[str]
    references: list[str]
    from_address: str
    subject: str
    body: str
    attachments: list[ParsedAttachment] = field(default_factory=list)
    is_automatic: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def is_malformed(self) -> bool:
        return bool(self.problems)


def _header(message: Message, name: str, problems: list[str]) -> str:
    try:
        value = message.get(name)
        return str(value).strip() if value is not None else ""
    except Exception as error:  # a header that cannot be decoded is a problem, not a crash
        problems.append(f"header {name} unreadable: {type(error).__name__}")
        return ""


def _ids(value: str) -> list[str]:
    return MESSAGE_ID.findall(value)


def _text_of(part: Message, problems: list[str]) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        problems.append(f"text not in its declared charset {charset!r}; decoded with replacements")
        return payload.decode("utf-8", errors="replace")


def _html_to_text(markup: str) -> str:
    with_breaks = re.sub(r"(?i)<\s*(br|/p|/div|/li|/tr|/h\d)\s*/?>", "\n", markup)
    return html.unescape(nh3.clean(with_breaks, tags=set()))


def _is_automatic(message: Message, from_address: str, problems: list[str]) -> bool:
    auto_submitted = _header(message, "Auto-Submitted", problems).lower()
    precedence = _header(message, "Precedence", problems).lower()
    return bool(
        (auto_submitted and auto_submitted != "no")
        or precedence in AUTOMATIC_PRECEDENCE
        or message.get_content_type() == "multipart/report"
        or _header(message, "X-Autoreply", problems)
        or _header(message, "X-Autorespond", problems)
        or AUTOMATIC_SENDERS.match(from_address)
    )


def parse_mail(raw: bytes) -> ParsedMail:
    problems: list[str] = []
    try:
        message: Message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as error:  # pragma: no cover - the parser is lenient; keep the mail anyway
        problems.append(f"not parseable: {type(error).__name__}")
        message = EmailMessage()
    problems.extend(f"defect: {type(defect).__name__}" for defect in getattr(message, "defects", []))

    message_ids = _ids(_header(message, "Message-ID", problems))
    if message_ids:
        message_id = message_ids[0][:255]
    else:
        problems.append("no Message-ID; derived one from the content")
        message_id = f"<{hashlib.sha256(raw).hexdigest()}@missing-message-id.wegwijs>"
    addresses = [address for _name, address in getaddresses([_header(message, "From", problems)]) if "@" in address]
    from_address = addresses[0].lower()[:254] if addresses else ""
    if not from_address:
        problems.append("no usable From address")
    subject = " ".join(_header(message, "Subject", problems).split())
    if len(subject) > SUBJECT_MAX:
        problems.append(f"subject of {len(subject)} characters shortened")
        subject = subject[: SUBJECT_MAX - 1] + "…"

    plain, markup, attachments = [], [], []
    for part in message.walk() if message.is_multipart() else [message]:
        if part.is_multipart():
            continue
        disposition = (part.get_content_disposition() or "").lower()
        content_type = part.get_content_type()
        if (
            disposition == "attachment"
            or (part.get_filename() and disposition != "inline")
            or (disposition == "inline" and not content_type.startswith("text/"))
        ):
            content = part.get_payload(decode=True)
            attachments.append(
                ParsedAttachment(
                    filename=(part.get_filename() or "attachment")[:255],
                    content_type=content_type,
                    content=content if isinstance(content, bytes) else b"",
                )
            )
        elif content_type == "text/plain":
            plain.append(_text_of(part, problems))
        elif content_type == "text/html":
            markup.append(_text_of(part, problems))
    body = "\n\n".join(text.strip() for text in plain if text.strip())
    if not body and markup:
        body = "\n\n".join(_html_to_text(text).strip() for text in markup)
    if "\x00" in body or "\x00" in subject:
        problems.append("NUL characters removed")
        body, subject = body.replace("\x00", ""), subject.replace("\x00", "")
    if not body.strip() and not attachments:
        problems.append("no readable text")
    return ParsedMail(
        message_id=message_id,
        in_reply_to=_ids(_header(message, "In-Reply-To", problems)),
        references=_ids(_header(message, "References", problems)),
        from_address=from_address,
        subject=subject,
        body=body.strip(),
        attachments=attachments,
        is_automatic=_is_automatic(message, from_address, problems),
        problems=problems,
    )
