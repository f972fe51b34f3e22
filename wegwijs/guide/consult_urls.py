from django.urls import path

from wegwijs.guide import consult_views, journey_views

# Included by guide/urls.py (namespace "guide", mounted under /staff/): the consult, plans and journeys.
urlpatterns = [
    path("guide/consult/", consult_views.consult_start_view, name="consult_start"),
    path("guide/consult/<slug:slug>/", consult_views.consult_view, name="consult"),
    path("guide/plans/<uuid:public_id>/", consult_views.plan_view, name="staff_plan"),
    path("guide/plans/<uuid:public_id>/pdf/", consult_views.plan_pdf_view, name="staff_plan_pdf"),
    path("guide/plans/<uuid:public_id>/email/", consult_views.plan_email_view, name="staff_plan_email"),
    path("guide/journeys/", journey_views.journeys_view, name="journeys"),
    path("guide/journeys/<uuid:public_id>/", journey_views.journey_view, name="journey"),
    *(
        path(
            f"guide/journeys/<uuid:public_id>/{change}/",
            journey_views.journey_change_view,
            {"change": change},
            name=f"journey_{change}",
        )
        for change in journey_views.CHANGES
    ),
]
