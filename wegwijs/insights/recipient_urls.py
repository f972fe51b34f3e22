"""Mounted under /staff/insights/ (namespace `insights`, see urls.py): who receives the periodic report."""

from django.urls import path

from wegwijs.insights import recipient_views

urlpatterns = [
    path("<slug:org_slug>/recipients/", recipient_views.recipients_view, name="recipients"),
    path("<slug:org_slug>/recipients/remove/", recipient_views.recipient_remove_view, name="recipient_remove"),
]
