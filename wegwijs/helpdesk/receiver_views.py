"""The receiving side of referrals: care providers and coordinators read what the helpdesk handed over to
them (with the person's consent) and confirm that they picked it up."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wegwijs.helpdesk import referrals
from wegwijs.tenancy.roles import Role
from wegwijs.tenancy.rules import staff_view

RECEIVER_ROLES = (Role.CARE_PROVIDER, Role.COORDINATOR)


@staff_view(*RECEIVER_ROLES)
@require_GET
def referrals_view(request: HttpRequest) -> HttpResponse:
    return render(request, "helpdesk/referrals.html", {"referrals": referrals.referral_list_for_receiver()})


@staff_view(*RECEIVER_ROLES)
@require_GET
def referral_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    referral = referrals.referral_get_for_receiver(public_id=public_id)
    return render(
        request,
        "helpdesk/referral.html",
        {"referral": referral, "question": referrals.referral_question(referral=referral)},
    )


@staff_view(*RECEIVER_ROLES)
@require_POST
def referral_receive_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    referral = referrals.referral_get_for_receiver(public_id=public_id)
    referrals.referral_receive(actor=request.user, referral=referral)  # type: ignore[arg-type]
    messages.success(request, _("Thank you. The helpdesk now sees that you picked this question up."))
    return redirect("helpdesk:referral", public_id=referral.public_id)
