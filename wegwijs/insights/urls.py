"""Staff pages of insights: the organisation's dashboard and exports, the platform view, report recipients."""

from django.urls import include, path

from wegwijs.insights import dashboard_views, platform_views

app_name = "insights"

urlpatterns = [
    path("", platform_views.platform_view, name="platform"),
    path("<slug:org_slug>/", dashboard_views.dashboard_view, name="dashboard"),
    path("<slug:org_slug>/report.pdf", dashboard_views.report_view, name="report"),
    path("<slug:org_slug>/export.csv", dashboard_views.export_view, {"file_format": "csv"}, name="export_csv"),
    path("<slug:org_slug>/export.xlsx", dashboard_views.export_view, {"file_format": "xlsx"}, name="export_xlsx"),
    path("", include("wegwijs.insights.recipient_urls")),
]
