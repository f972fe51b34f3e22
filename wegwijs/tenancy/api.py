"""API: the token's organisation, its departments, digital tools and help locations."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from wegwijs.api.auth import require_scope
from wegwijs.api.pagination import BoundedLimitOffsetPagination
from wegwijs.api.schemas import ERROR_RESPONSES, text_field
from wegwijs.tenancy import selectors, services
from wegwijs.tenancy.models import Department, DigitalTool
from wegwijs.tenancy.roles import ApiScope

router = Router(tags=["organisation"])

ToolKindName = Literal["portal", "app", "video", "monitoring", "other"]


class OrganisationOut(Schema):
    slug: str
    name: str
    description: str
    contact_phone: str
    contact_email: str
    website_url: str


class DepartmentOut(Schema):
    id: UUID
    slug: str
    name: str
    referral_contact_name: str
    referral_phone: str
    referral_email: str

    @staticmethod
    def resolve_id(department: Department) -> UUID:
        return department.public_id


class DepartmentIn(Schema):
    name: text_field(200, required=True)  # type: ignore[valid-type]
    referral_contact_name: text_field(200) = ""  # type: ignore[valid-type]
    referral_phone: text_field(40) = ""  # type: ignore[valid-type]
    referral_email: text_field(254) = ""  # type: ignore[valid-type]


class DepartmentPatch(Schema):
    name: text_field(200, required=True) | None = None  # type: ignore[valid-type]
    referral_contact_name: text_field(200) | None = None  # type: ignore[valid-type]
    referral_phone: text_field(40) | None = None  # type: ignore[valid-type]
    referral_email: text_field(254) | None = None  # type: ignore[valid-type]


class ToolOut(Schema):
    id: UUID
    slug: str
    kind: str
    name: str
    login_url: str
    supplier_name: str
    supplier_helpdesk_phone: str
    supplier_helpdesk_email: str
    supplier_helpdesk_url: str
    is_active: bool

    @staticmethod
    def resolve_id(tool: DigitalTool) -> UUID:
        return tool.public_id


class ToolIn(Schema):
    kind: ToolKindName
    name: text_field(200, required=True)  # type: ignore[valid-type]
    login_url: text_field(200) = ""  # type: ignore[valid-type]
    supplier_name: text_field(200) = ""  # type: ignore[valid-type]
    supplier_helpdesk_phone: text_field(40) = ""  # type: ignore[valid-type]
    supplier_helpdesk_email: text_field(254) = ""  # type: ignore[valid-type]
    supplier_helpdesk_url: text_field(200) = ""  # type: ignore[valid-type]
    is_active: bool = True


class ToolPatch(Schema):
    kind: ToolKindName | None = None
    name: text_field(200, required=True) | None = None  # type: ignore[valid-type]
    login_url: text_field(200) | None = None  # type: ignore[valid-type]
    supplier_name: text_field(200) | None = None  # type: ignore[valid-type]
    supplier_helpdesk_phone: text_field(40) | None = None  # type: ignore[valid-type]
    supplier_helpdesk_email: text_field(254) | None = None  # type: ignore[valid-type]
    supplier_helpdesk_url: text_field(200) | None = None  # type: ignore[valid-type]
    is_active: bool | None = None


class LocationOut(Schema):
    slug: str
    name: str
    street: str
    postcode: str
    city: str
    postcode_ranges: list[list[int]]
    weekly_hours: dict[str, list[list[str]]]
    languages: list[str]
    is_open_now: bool


@router.get("/organisation", response={200: OrganisationOut, **ERROR_RESPONSES}, summary="The token's organisation")
def organisation_get(request: HttpRequest) -> object:
    return require_scope(request, ApiScope.ORGANISATION_READ)


@router.get("/departments", response={200: list[DepartmentOut], **ERROR_RESPONSES})
@paginate(BoundedLimitOffsetPagination)
def department_list(request: HttpRequest) -> object:
    return selectors.department_list(organisation=require_scope(request, ApiScope.ORGANISATION_READ))


@router.post("/departments", response={201: DepartmentOut, **ERROR_RESPONSES})
def department_create(request: HttpRequest, payload: DepartmentIn) -> object:
    organisation = require_scope(request, ApiScope.ORGANISATION_WRITE)
    return 201, services.department_create(actor=None, organisation=organisation, **payload.dict())


@router.get("/departments/{department_id}", response={200: DepartmentOut, **ERROR_RESPONSES})
def department_get(request: HttpRequest, department_id: UUID) -> object:
    organisation = require_scope(request, ApiScope.ORGANISATION_READ)
    return selectors.department_get(organisation=organisation, public_id=department_id)


@router.patch("/departments/{department_id}", response={200: DepartmentOut, **ERROR_RESPONSES})
def department_update(request: HttpRequest, department_id: UUID, payload: DepartmentPatch) -> object:
    organisation = require_scope(request, ApiScope.ORGANISATION_WRITE)
    department = selectors.department_get(organisation=organisation, public_id=department_id)
    return services.department_update(actor=None, department=department, **payload.dict(exclude_none=True))


@router.get("/tools", response={200: list[ToolOut], **ERROR_RESPONSES})
@paginate(BoundedLimitOffsetPagination)
def tool_list(request: HttpRequest) -> object:
    return selectors.tool_list(organisation=require_scope(request, ApiScope.ORGANISATION_READ))


@router.post("/tools", response={201: ToolOut, **ERROR_RESPONSES})
def tool_create(request: HttpRequest, payload: ToolIn) -> object:
    organisation = require_scope(request, ApiScope.ORGANISATION_WRITE)
    return 201, services.tool_create(actor=None, organisation=organisation, **payload.dict())


@router.get("/tools/{tool_id}", response={200: ToolOut, **ERROR_RESPONSES})
def tool_get(request: HttpRequest, tool_id: UUID) -> object:
    organisation = require_scope(request, ApiScope.ORGANISATION_READ)
    return selectors.tool_get(organisation=organisation, public_id=tool_id)


@router.patch("/tools/{tool_id}", response={200: ToolOut, **ERROR_RESPONSES})
def tool_update(request: HttpRequest, tool_id: UUID, payload: ToolPatch) -> object:
    organisation = require_scope(request, ApiScope.ORGANISATION_WRITE)
    tool = selectors.tool_get(organisation=organisation, public_id=tool_id)
    return services.tool_update(actor=None, tool=tool, **payload.dict(exclude_none=True))


@router.get("/locations", response={200: list[LocationOut], **ERROR_RESPONSES})
@paginate(BoundedLimitOffsetPagination)
def location_list(request: HttpRequest) -> object:
    organisation = require_scope(request, ApiScope.ORGANISATION_READ)
    return [
        LocationOut(
            slug=view.location.slug,
            name=view.location.name,
            street=view.location.street,
            postcode=view.location.postcode,
            city=view.location.city,
            postcode_ranges=view.location.postcode_ranges,
            weekly_hours=view.location.weekly_hours,
            languages=view.location.languages,
            is_open_now=view.state.is_open,
        )
        for view in selectors.location_list(organisation=organisation)
    ]
