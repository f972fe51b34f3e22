from django.urls import path

from wegwijs.helpdesk import public_views

app_name = "ask"

# Mounted under /<org_slug>/ ; Dutch paths because people read and share them.
urlpatterns = [
    path("vraag/", public_views.ask_view, name="form"),
    path("terugbellen/", public_views.callback_view, name="callback"),
    path("vraag/verstuurd/", public_views.ask_sent_view, name="sent"),
    path("vraag/<str:token>/", public_views.follow_up_view, name="follow_up"),
    path("vraag/<str:token>/bericht/", public_views.follow_up_message_view, name="message"),
    path("vraag/<str:token>/afsluiten/", public_views.follow_up_close_view, name="close"),
    path("vraag/<str:token>/tevredenheid/", public_views.follow_up_rate_view, name="rate"),
]
