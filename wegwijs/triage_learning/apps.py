from django.apps import AppConfig
from django.conf import settings


class TriageLearningConfig(AppConfig):
    name = "wegwijs.triage_learning"
    label = "triage_learning"

    def ready(self) -> None:
        from wegwijs.triage import registry
        from wegwijs.triage_learning.selectors import triage_model_in_use

        registry.configure(cache_dir=settings.DATA_DIR / "triage", organisation_models=triage_model_in_use)
