from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "wegwijs.insights"
    label = "insights"
