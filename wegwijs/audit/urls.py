from django.urls import path

from wegwijs.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.access_log_view, name="access_log"),
    path("export.csv", views.access_log_export_view, name="access_log_export"),
]
