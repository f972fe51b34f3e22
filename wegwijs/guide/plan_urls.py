from django.urls import path

from wegwijs.guide import plan_views

app_name = "plan"

# Mounted under /<org_slug>/ ; Dutch paths because people read and share them.
urlpatterns = [
    path("plan/<str:token>/", plan_views.plan_view, name="plan"),
    path("plan/<str:token>/pdf/", plan_views.plan_pdf_view, name="pdf"),
    path("plan/<str:token>/mening/", plan_views.plan_feedback_view, name="feedback"),
]
