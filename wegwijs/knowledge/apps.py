from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "wegwijs.knowledge"
    label = "knowledge"
