from django.urls import path

from wegwijs.tenancy import views

app_name = "tenancy"

urlpatterns = [
    path("<slug:slug>/", views.organisation_view, name="organisation"),
    path("<slug:slug>/contact/", views.organisation_contact_view, name="organisation_contact"),
    path("<slug:slug>/tools/new/", views.tool_edit_view, name="tool_create"),
    path("<slug:slug>/tools/<uuid:public_id>/", views.tool_edit_view, name="tool_edit"),
    path("<slug:slug>/departments/new/", views.department_edit_view, name="department_create"),
    path("<slug:slug>/departments/<uuid:public_id>/", views.department_edit_view, name="department_edit"),
    path("<slug:slug>/team/", views.team_view, name="team"),
    path("<slug:slug>/team/<uuid:public_id>/", views.team_member_view, name="team_member"),
]
