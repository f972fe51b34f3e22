from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "wegwijs.knowledge"
    label = "knowledge"

    def ready(self) -> None:
        from wegwijs.knowledge.search.engine import article_suggestions
        from wegwijs.triage import registry

        registry.configure(article_suggester=article_suggestions)
