"""Background work of the helpdesk. Tasks take ids, enter the organisation's scope and call a service."""

from __future__ import annotations

from django_tasks import task

from wegwijs.helpdesk.email import outbound_email_send
from wegwijs.helpdesk.models import Mailbox, OutboundEmail
from wegwijs.tenancy.scope import task_scope


@task()
def send_outbound_email(organisation_id: int, outbound_id: int) -> None:
    with task_scope("send_outbound_email", organisation_id):
        outbound = (
            OutboundEmail.objects.select_related("ticket__organisation", "message").filter(pk=outbound_id).first()
        )
        retry_at = outbound_email_send(outbound=outbound) if outbound is not None else None
    if retry_at is not None:
        send_outbound_email.using(run_after=retry_at).enqueue(organisation_id, outbound_id)


@task()
def poll_mailbox(organisation_id: int, mailbox_id: int) -> int:
    # Imported here: mail ingestion uses the services, which queue the e-mail task defined above.
    from wegwijs.helpdesk.mail_poll import mailbox_poll

    with task_scope("poll_mailbox", organisation_id):
        mailbox = Mailbox.objects.select_related("organisation").filter(pk=mailbox_id, is_active=True).first()
        return mailbox_poll(mailbox=mailbox) if mailbox is not None else 0
