from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "wegwijs.guide"
    label = "guide"
