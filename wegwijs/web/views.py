"""The public help shell of an organisation and the staff home."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wegwijs.knowledge.forms import HelpSearchForm
from wegwijs.tenancy import selectors
from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.rules import public_view, staff_view
from wegwijs.web.forms import PostcodeForm
from wegwijs.web.public import public_contact


@require_GET
def landing_view(request: HttpRequest) -> HttpResponse:
    return render(request, "web/landing.html", {"organisations": selectors.organisation_list_public()})


@public_view
@require_GET
def organisation_home_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    postcode_form = PostcodeForm(request.GET if "postcode" in request.GET else None)
    postcode = postcode_form.cleaned_data["postcode"] if postcode_form.is_valid() else ""
    nearby = selectors.location_list(organisation=organisation, postcode=postcode) if postcode else []
    context = {
        "organisation": organisation,
        "contact": public_contact(organisation=organisation),
        "tools": selectors.tool_list(organisation=organisation, active_only=True),
        "locations": nearby or selectors.location_list(organisation=organisation),
        "postcode_form": postcode_form,
        "postcode": postcode,
        "nearby_found": bool(nearby),
        "search_form": HelpSearchForm(),
    }
    return render(request, "web/organisation_home.html", context)


@staff_view()
@require_GET
def staff_home_view(request: HttpRequest) -> HttpResponse:
    access = request.access  # type: ignore[attr-defined]
    organisations = [
        (organisation, sorted(access.roles_in(organisation.pk)))
        for organisation in selectors.organisation_list_for_access().order_by("name")
    ]
    return render(request, "web/staff_home.html", {"organisations": organisations})
