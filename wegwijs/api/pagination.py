"""The one pagination every API list uses: limit/offset with bounds the database can always handle."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from wegwijs.tenancy.scope import person_records_listed

MAX_OFFSET = 10_000_000


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PersonDataPagination(BoundedLimitOffsetPagination):
    """For lists of person data: the page that is actually shown is written to the access log."""

    record_type = ""

    def paginate_queryset(self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any) -> Any:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page["items"] = list(page["items"])
        person_records_listed(page["items"], record_type=self.record_type)
        return page


class TicketPagination(PersonDataPagination):
    record_type = "ticket"
