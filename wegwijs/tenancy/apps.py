from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "wegwijs.tenancy"
    label = "tenancy"
