from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "wegwijs.api"
    label = "api"
