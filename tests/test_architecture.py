"""The project's structural rules, checked on the source (see style.md and docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from django_scopes import ScopeError

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wegwijs"
PRODUCT_MODULES = [
    path
    for path in [*PACKAGE.rglob("*.py"), *(ROOT / "config").rglob("*.py")]
    if "/tests/" not in path.as_posix() and "/migrations/" not in path.as_posix()
]
SCOPE_BYPASS_ALLOWED = {
    "wegwijs/tenancy/scope.py",  # builds the scope itself
    "wegwijs/demo/data.py",  # loads every organisation
    "wegwijs/audit/services.py",  # the retention purge spans organisations
}
# The one index that may lead with something else: finding a signed-in user's organisations.
INDEX_EXCEPTIONS = {"membership_user_role"}
# Models that belong to no single organisation, each with the reason.
PLATFORM_MODELS = {
    "tenancy.Organisation": "the tenant itself",
    "tenancy.Location": "a physical help point that can serve several organisations (public information)",
    "tenancy.OpeningHoursException": "part of a Location",
    "accounts.User": "a staff account; what it may see comes from its memberships",
    "accounts.LoginFailure": "throttling counter holding only a keyed hash of an address",
    "helpdesk.Team": "a team of the central helpdesk serves several organisations",
    "helpdesk.IntakeAttempt": "throttling counter for public forms, holding only a keyed hash of the address",
    "knowledge.Article": "public help content, no person data; shared articles have no organisation",
    "knowledge.ArticleVersion": "the history of an article (public help content)",
    "knowledge.HiddenSharedArticle": "which shared articles an organisation does not show (no person data)",
    "knowledge.SynonymList": "an organisation's search synonyms (no person data)",
    "knowledge.SearchLog": "anonymous searches on public pages, identifiers redacted (no link to a person)",
    "knowledge.ArticleFeedback": "anonymous 'did this help?' answers",
    "knowledge.ArticleView": "a daily view counter per article",
    "knowledge.ArticleImage": "a picture for public help articles (no person data)",
}


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", [p for p in PRODUCT_MODULES if p.name in {"views.py", "api.py"}], ids=relative)
def test_views_and_api_handlers_do_not_query_models_directly(path):
    tree = ast.parse(path.read_text())
    uses = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "objects"]
    assert uses == [], f"{relative(path)} uses .objects on lines {uses}: call a selector or service"


def test_scope_bypasses_stay_in_their_allowlist():
    offenders = [
        relative(path)
        for path in PRODUCT_MODULES
        if "scopes_disabled" in path.read_text() and relative(path) not in SCOPE_BYPASS_ALLOWED
    ]
    assert offenders == []


def test_every_model_belongs_to_one_organisation_or_is_a_named_platform_model():
    ours = [model for model in apps.get_models() if model.__module__.startswith("wegwijs.")]
    missing = []
    for model in ours:
        label = model._meta.label
        if label in PLATFORM_MODELS:
            continue
        field = next((f for f in model._meta.fields if f.name == "organisation"), None)
        if not isinstance(field, models.ForeignKey):
            missing.append(label)
    assert missing == []


@pytest.mark.django_db
def test_every_organisation_owned_model_refuses_unscoped_queries():
    owned = [
        model
        for model in apps.get_models()
        if model.__module__.startswith("wegwijs.") and model._meta.label not in PLATFORM_MODELS
    ]
    assert owned
    for model in owned:
        with pytest.raises(ScopeError):
            list(model._default_manager.all())


def test_indexes_and_unique_constraints_of_organisation_owned_models_start_with_the_organisation():
    problems = []
    for model in apps.get_models():
        if not model.__module__.startswith("wegwijs.") or model._meta.label in PLATFORM_MODELS:
            continue
        for item in [*model._meta.indexes, *model._meta.constraints]:
            fields = list(getattr(item, "fields", []) or [])
            expressions = list(getattr(item, "expressions", []) or [])
            first = fields[0] if fields else getattr(expressions[0], "name", None) if expressions else "organisation"
            if first != "organisation" and item.name not in INDEX_EXCEPTIONS:
                problems.append(f"{model._meta.label}.{item.name}")
    assert problems == []


def test_no_module_is_a_god_file():
    long = [f"{relative(path)} ({n})" for path in PRODUCT_MODULES if (n := len(path.read_text().splitlines())) > 500]
    assert long == []


def test_settings_are_read_only_in_the_settings_module():
    offenders = [
        relative(path)
        for path in PRODUCT_MODULES
        if relative(path) not in {"config/settings.py", "config/environment.py"}
        and "os.environ" in path.read_text()
        and relative(path) not in {"config/wsgi.py", "config/asgi.py", "wegwijs/__main__.py"}
    ]
    assert offenders == []
    getattr_defaults = [relative(p) for p in PRODUCT_MODULES if "getattr(settings" in p.read_text()]
    assert getattr_defaults == []


def test_triage_is_pure_python_without_django():
    for path in (PACKAGE / "triage").rglob("*.py"):
        if "/tests/" in path.as_posix():
            continue
        tree = ast.parse(path.read_text())
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names] + [
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        ]
        assert not [
            name
            for name in imported
            if name.split(".")[0] in {"django", "wegwijs"} and not name.startswith("wegwijs.triage")
        ], relative(path)
