"""Staff pages of insights: the organisation's dashboard and exports, the platform view, report recipients."""

from django.urls import include, path

app_name = "insights"

urlpatterns = [
    path("", include("wegwijs.insights.recipient_urls")),
]
