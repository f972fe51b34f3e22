from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "wegwijs.audit"
    label = "audit"
