from django.urls import path

from wegwijs.knowledge import editor_views

app_name = "kb"

# Mounted under /staff/ : editors of one organisation.
urlpatterns = [
    path("org/<slug:slug>/articles/", editor_views.articles_view, name="articles"),
    path("org/<slug:slug>/articles/new/", editor_views.article_edit_view, name="article_create"),
    path("org/<slug:slug>/articles/readability/", editor_views.readability_view, name="readability"),
    path("org/<slug:slug>/articles/<uuid:public_id>/", editor_views.article_edit_view, name="article"),
    path("org/<slug:slug>/articles/<uuid:public_id>/hide/", editor_views.shared_article_hide_view, name="hide"),
    path("org/<slug:slug>/synonyms/", editor_views.synonyms_view, name="synonyms"),
    path("org/<slug:slug>/images/", editor_views.images_view, name="images"),
]
