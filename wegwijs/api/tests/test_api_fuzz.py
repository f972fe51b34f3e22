"""Schemathesis generates requests from the OpenAPI schema: no input may cause a 5xx or break the schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi import checks as openapi_checks

from config.wsgi import application
from wegwijs.tenancy.roles import ApiScope
from wegwijs.tenancy.services import api_token_create
from wegwijs.tenancy.tests.factories import DepartmentFactory, DigitalToolFactory, LocationFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def api_token(organisation):
    DepartmentFactory.create_batch(2, organisation=organisation)
    DigitalToolFactory.create_batch(2, organisation=organisation)
    LocationFactory(organisations=[organisation])
    _token, raw = api_token_create(actor=None, organisation=organisation, name="fuzz", scopes=list(ApiScope))
    return raw


@pytest.mark.fuzz
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("clean_access_log_after_test")
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_and_never_fails(case, api_token):
    # Not checked: whether the schema is exactly as strict as the server. Unknown query parameters and body
    # fields are ignored (as most HTTP APIs do), and e-mail and URL fields are validated by Django's validators,
    # which a JSON schema cannot express exactly. Every other check runs: no 5xx, documented status codes,
    # content types, response bodies matching the schema, authentication enforced.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {api_token}"},
        excluded_checks=[openapi_checks.negative_data_rejection, openapi_checks.positive_data_acceptance],
    )
