"""Writing the access log. Called only by the scoping layer (`wegwijs.tenancy.scope`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wegwijs.audit.models import AccessLogEntry

if TYPE_CHECKING:
    from wegwijs.tenancy.scope import AccessContext


def access_log_write(
    *,
    context: AccessContext,
    organisation_id: int,
    action: str,
    record_type: str,
    record_id: str = "",
    record_count: int = 1,
    reason: str = "",
) -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        organisation_id=organisation_id,
        actor_id=context.actor_id,
        actor_label=context.actor_label[:254],
        api_token_prefix=context.api_token_prefix,
        role=",".join(sorted(context.roles_in(organisation_id)))[:40],
        action=action,
        record_type=record_type,
        record_id=record_id,
        record_count=record_count,
        channel=context.channel,
        context=context.context[:300],
        reason=reason[:300],
    )
