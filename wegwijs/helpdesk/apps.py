from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    name = "wegwijs.helpdesk"
    label = "helpdesk"
