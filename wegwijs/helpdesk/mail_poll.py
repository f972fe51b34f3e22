"""Reading an organisation's IMAP mailbox: every unseen mail is ingested, then marked seen.

A mail is only marked seen after it was stored, so a failure means it is read again next time
(ingestion is idempotent on Message-ID, so nothing is doubled).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from imapclient import IMAPClient

from wegwijs.helpdesk.mail_in import email_ingest
from wegwijs.helpdesk.models import Mailbox

logger = logging.getLogger(__name__)
BATCH = 50


class MailboxPasswordMissing(RuntimeError):
    pass


def mailbox_poll(*, mailbox: Mailbox) -> int:
    """Ingest the unseen mail of one mailbox. Returns how many mails were stored."""
    password = settings.MAILBOX_PASSWORDS.get(mailbox.password_key)
    if password is None:
        _failed(mailbox, f"no password in WEGWIJS_MAILBOX_PASSWORD_{mailbox.password_key}")
        raise MailboxPasswordMissing(mailbox.password_key)
    stored = 0
    try:
        with IMAPClient(
            mailbox.host, port=mailbox.port, ssl=mailbox.use_ssl, timeout=settings.MAILBOX_TIMEOUT_SECONDS
        ) as client:
            client.login(mailbox.username, password)
            client.select_folder(mailbox.folder)
            unseen = client.search(["UNSEEN"])
            for start in range(0, len(unseen), BATCH):
                batch = unseen[start : start + BATCH]
                done = []
                for uid, data in client.fetch(batch, ["BODY.PEEK[]"]).items():
                    try:
                        email_ingest(organisation=mailbox.organisation, raw=data[b"BODY[]"])
                    except DatabaseError:
                        logger.exception("could not store mail %s of mailbox %s", uid, mailbox.pk)
                        continue
                    done.append(uid)
                if done:
                    client.add_flags(done, [b"\\Seen"])
                stored += len(done)
    except (OSError, IMAPClient.Error) as error:
        _failed(mailbox, f"{type(error).__name__}: {error}")
        raise
    mailbox.last_polled_at, mailbox.last_error = timezone.now(), ""
    mailbox.save(update_fields=["last_polled_at", "last_error"])
    return stored


def _failed(mailbox: Mailbox, reason: str) -> None:
    mailbox.last_error = reason[:200]
    mailbox.save(update_fields=["last_error"])
