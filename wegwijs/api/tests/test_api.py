import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client
from django_scopes import scopes_disabled

from wegwijs.tenancy.models import ApiToken, DigitalTool
from wegwijs.tenancy.roles import ApiScope
from wegwijs.tenancy.scope import api_token_authenticate
from wegwijs.tenancy.services import api_token_create
from wegwijs.tenancy.tests.factories import DepartmentFactory, DigitalToolFactory, LocationFactory

pytestmark = pytest.mark.django_db


def client_for(organisation, *scopes: ApiScope) -> Client:
    _token, raw = api_token_create(actor=None, organisation=organisation, name="test", scopes=scopes)
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_openapi_schema_is_served_without_a_token():
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Wegwijs API"
    assert "/api/v1/tools" in schema["paths"]


@pytest.mark.parametrize("header", [None, "Bearer wgw_not-a-real-token", "Basic abc", "Bearer " + "x" * 300])
def test_requests_without_a_valid_token_get_401_with_the_error_body(header):
    client = Client(headers={"Authorization": header} if header else {})
    response = client.get("/api/v1/tools")
    assert response.status_code == 401
    assert response.json() == {
        "error": {
            "code": "unauthenticated",
            "details": [],
            "message": "Send a valid token as 'Authorization: Bearer <token>'.",
        }
    }


def test_a_revoked_token_stops_working(organisation):
    token, raw = api_token_create(
        actor=None, organisation=organisation, name="old", scopes=[ApiScope.ORGANISATION_READ]
    )
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/organisation").status_code == 200
    with scopes_disabled():
        type(token).objects.filter(pk=token.pk).update(revoked_at="2026-01-01T00:00:00Z")
    assert client.get("/api/v1/organisation").status_code == 401


def test_token_only_stores_a_hash_of_its_secret(organisation):
    token, raw = api_token_create(actor=None, organisation=organisation, name="x", scopes=[])
    assert raw not in (token.token_hash, token.prefix)
    assert raw.startswith(token.prefix)


def test_lists_are_paginated_and_only_the_tokens_organisation(organisation, other_organisation):
    DigitalToolFactory.create_batch(3, organisation=organisation)
    DigitalToolFactory(organisation=other_organisation)
    body = client_for(organisation, ApiScope.ORGANISATION_READ).get("/api/v1/tools", {"limit": 2}).json()
    assert body["count"] == 3
    assert len(body["items"]) == 2


def test_a_token_without_the_scope_gets_403(organisation):
    response = client_for(organisation, ApiScope.ORGANISATION_READ).post(
        "/api/v1/tools", {"kind": "app", "name": "Nieuw"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "missing_scope"


def test_create_and_update_a_tool(organisation):
    client = client_for(organisation, ApiScope.ORGANISATION_READ, ApiScope.ORGANISATION_WRITE)
    created = client.post(
        "/api/v1/tools",
        {"kind": "video", "name": "Beeldbellen", "login_url": "https://v.test"},
        content_type="application/json",
    )
    assert created.status_code == 201
    tool_id = created.json()["id"]
    patched = client.patch(f"/api/v1/tools/{tool_id}", {"is_active": False}, content_type="application/json")
    assert patched.json()["is_active"] is False
    with scopes_disabled():
        assert DigitalTool.objects.get(public_id=tool_id).name == "Beeldbellen"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "fax", "name": "X"}, "kind"),
        ({"kind": "app", "name": "X", "login_url": "not a url"}, "login_url"),
        ({"kind": "app", "name": "X", "supplier_helpdesk_email": "nope"}, "supplier_helpdesk_email"),
        ({"kind": "app", "name": "a\x00b"}, "name"),
        ({"kind": "app", "name": "x" * 201}, "name"),
        ({"kind": "app"}, "name"),
    ],
)
def test_invalid_input_gets_422_naming_the_field(organisation, payload, field):
    client = client_for(organisation, ApiScope.ORGANISATION_WRITE)
    response = client.post("/api/v1/tools", payload, content_type="application/json")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert field in [detail["field"] for detail in error["details"]]


def test_malformed_json_is_a_4xx_not_a_500(organisation):
    client = client_for(organisation, ApiScope.ORGANISATION_WRITE)
    response = client.post("/api/v1/departments", "{not json", content_type="application/json")
    assert 400 <= response.status_code < 500
    assert "error" in response.json()


def test_unknown_id_is_404_with_the_error_body(organisation):
    response = client_for(organisation, ApiScope.ORGANISATION_READ).get(
        "/api/v1/departments/00000000-0000-0000-0000-000000000000"
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_locations_say_whether_they_are_open_now(organisation):
    LocationFactory(organisations=[organisation], weekly_hours={})
    body = client_for(organisation, ApiScope.ORGANISATION_READ).get("/api/v1/locations").json()
    assert body["items"][0]["is_open_now"] is False


def test_department_list_has_no_n_plus_one(organisation, count_queries):
    client = client_for(organisation, ApiScope.ORGANISATION_READ)
    DepartmentFactory.create_batch(2, organisation=organisation)
    client.get("/api/v1/departments")  # the first call marks the token as used
    small = count_queries(lambda: client.get("/api/v1/departments"))
    DepartmentFactory.create_batch(30, organisation=organisation)
    assert count_queries(lambda: client.get("/api/v1/departments")) == small <= 6


def test_api_token_command_prints_a_working_secret(organisation, capsys):
    call_command("api-token", organisation.slug, "widget", "--scope", "organisation:read")
    secret = capsys.readouterr().out.strip().splitlines()[-1]
    response = Client(headers={"Authorization": f"Bearer {secret}"}).get("/api/v1/organisation")
    assert response.json()["slug"] == organisation.slug


def test_a_token_is_marked_as_used_to_the_minute_without_a_write_on_every_call(organisation):
    token, raw = api_token_create(actor=None, organisation=organisation, name="test", scopes=[])
    assert api_token_authenticate(raw) is not None
    with scopes_disabled():
        first = ApiToken.objects.get(pk=token.pk).last_used_at
        assert first is not None
        api_token_authenticate(raw)
        assert ApiToken.objects.get(pk=token.pk).last_used_at == first
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - dt.timedelta(minutes=2))
        api_token_authenticate(raw)
        assert ApiToken.objects.get(pk=token.pk).last_used_at > first
