import pytest

from wegwijs.triage import registry


@pytest.fixture(autouse=True)
def _without_host_hooks(monkeypatch):
    """The pure package's tests run without the host application's organisation models and article search
    (the Django apps set those hooks at start; they need a database)."""
    monkeypatch.setitem(registry._settings, "organisation_models", None)
    monkeypatch.setitem(registry._settings, "article_suggester", None)
