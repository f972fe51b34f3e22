from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "wegwijs.web"
    label = "web"
