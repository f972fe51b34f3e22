from django.urls import path

from wegwijs.knowledge import public_views

app_name = "knowledge"

# Mounted under /<org_slug>/ ; Dutch paths because people read and share them.
urlpatterns = [
    path("hulp/", public_views.help_view, name="help"),
    path("hulp/paneel/", public_views.help_panel_view, name="panel"),
    path("hulp/afbeelding/<uuid:public_id>/", public_views.image_view, name="image"),
    path("hulp/<slug:slug>/", public_views.article_view, name="article"),
    path("hulp/<slug:slug>/mening/", public_views.article_feedback_view, name="feedback"),
    path("hulp/<slug:slug>/pdf/", public_views.article_handout_view, name="handout"),
]
