from django.urls import path

from wegwijs.helpdesk import coordinator_views, receiver_views, text_views, views

app_name = "helpdesk"

urlpatterns = [
    path("inbox/", views.inbox_view, name="inbox"),
    path("tickets/<uuid:public_id>/", views.ticket_view, name="ticket"),
    path("tickets/<uuid:public_id>/reply/", views.reply_view, name="reply"),
    path("tickets/<uuid:public_id>/note/", views.note_view, name="note"),
    path("tickets/<uuid:public_id>/status/", views.status_view, name="status"),
    path("tickets/<uuid:public_id>/priority/", views.priority_view, name="priority"),
    path("tickets/<uuid:public_id>/classify/", views.classify_view, name="classify"),
    path("tickets/<uuid:public_id>/assign/", views.assign_view, name="assign"),
    path("tickets/<uuid:public_id>/call/", views.call_view, name="call"),
    path("tickets/<uuid:public_id>/refer/", views.refer_view, name="refer"),
    path("tickets/<uuid:public_id>/merge/", views.merge_view, name="merge"),
    path("tickets/<uuid:public_id>/link/", views.link_view, name="link"),
    path("calls/new/", views.new_call_view, name="new_call"),
    path("attachments/<uuid:public_id>/", views.attachment_view, name="attachment"),
    path("walk-in/", views.walk_in_view, name="walk_in"),
    path("org/<slug:slug>/referral-texts/", text_views.referral_texts_view, name="referral_texts"),
    path("org/<slug:slug>/urgent-advice/", text_views.urgent_advice_view, name="urgent_advice"),
    path(
        "org/<slug:slug>/urgent-advice/publish/",
        text_views.urgent_advice_publish_view,
        name="urgent_advice_publish",
    ),
    path(
        "org/<slug:slug>/urgent-advice/default/",
        text_views.urgent_advice_default_view,
        name="urgent_advice_default",
    ),
    path("org/<slug:slug>/service-levels/", coordinator_views.service_levels_view, name="service_levels"),
    path("org/<slug:slug>/macros/", coordinator_views.macros_view, name="macros"),
    path("org/<slug:slug>/macros/new/", coordinator_views.macro_edit_view, name="macro_create"),
    path("org/<slug:slug>/macros/<uuid:public_id>/", coordinator_views.macro_edit_view, name="macro_edit"),
    path("org/<slug:slug>/macros/<uuid:public_id>/delete/", coordinator_views.macro_delete_view, name="macro_delete"),
    path("referrals/", receiver_views.referrals_view, name="referrals"),
    path("referrals/<uuid:public_id>/", receiver_views.referral_view, name="referral"),
    path("referrals/<uuid:public_id>/received/", receiver_views.referral_receive_view, name="referral_receive"),
]
