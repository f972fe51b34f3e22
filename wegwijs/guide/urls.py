from django.urls import include, path

from wegwijs.guide import editor_views

app_name = "guide"

# Mounted under /staff/ : the organisation's support guide, kept by its editors and coordinators.
urlpatterns = [
    path("org/<slug:slug>/support/", editor_views.offerings_view, name="offerings"),
    path("org/<slug:slug>/support/new/", editor_views.offering_edit_view, name="offering_new"),
    path("org/<slug:slug>/support/<uuid:public_id>/", editor_views.offering_edit_view, name="offering_edit"),
    path(
        "org/<slug:slug>/support/<uuid:public_id>/offered/",
        editor_views.offering_offered_view,
        name="offering_offered",
    ),
    path("org/<slug:slug>/support/checklists/", editor_views.checklists_view, name="checklists"),
    path("org/<slug:slug>/support/matrix/", editor_views.matrix_view, name="matrix"),
    path("", include("wegwijs.guide.consult_urls")),  # the consult, support plans and journeys
]
