from django.urls import path

from wegwijs.guide import public_views

app_name = "selfcheck"

# Mounted under /<org_slug>/ ; Dutch paths because people read and share them.
urlpatterns = [
    path("zelftest/", public_views.selfcheck_start_view, name="start"),
    path("zelftest/vragen/", public_views.selfcheck_step_view, name="step"),
    path("zelftest/uitslag/<uuid:public_id>/", public_views.selfcheck_result_view, name="result"),
    path("zelftest/uitslag/<uuid:public_id>/plan/", public_views.selfcheck_plan_view, name="plan"),
]
