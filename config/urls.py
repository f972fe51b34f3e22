from django.contrib import admin
from django.urls import include, path

from wegwijs.api.api import api

admin.site.site_header = "Wegwijs"
admin.site.site_title = "Wegwijs"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("staff/admin/", admin.site.urls),
    path("staff/org/", include("wegwijs.tenancy.urls")),
    path("staff/audit/", include("wegwijs.audit.urls")),
    path("staff/", include("wegwijs.helpdesk.urls")),
    path("staff/", include("wegwijs.knowledge.urls")),
    path("staff/", include("wegwijs.guide.urls")),
    path("staff/insights/", include("wegwijs.insights.urls")),
    path("staff/", include("wegwijs.accounts.urls")),
    path("<slug:org_slug>/", include("wegwijs.helpdesk.public_urls")),
    path("<slug:org_slug>/", include("wegwijs.knowledge.public_urls")),
    path("<slug:org_slug>/", include("wegwijs.guide.public_urls")),
    path("<slug:org_slug>/", include("wegwijs.guide.plan_urls")),
    # Last: its /<org-slug>/ pattern would otherwise catch the routes above.
    path("", include("wegwijs.web.urls")),
]
