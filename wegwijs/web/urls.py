from django.urls import path

from wegwijs.web import views

app_name = "web"

urlpatterns = [
    path("", views.landing_view, name="landing"),
    path("staff/", views.staff_home_view, name="staff_home"),
    # Catches /<slug>/: this file is included last in config/urls.py, and slugs of other routes are reserved.
    path("<slug:org_slug>/", views.organisation_home_view, name="organisation_home"),
]
