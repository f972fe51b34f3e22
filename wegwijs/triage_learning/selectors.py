"""Reading the organisation models: the one in use (for `wegwijs.triage`, cached per process) and the list."""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.db.models import QuerySet

from wegwijs.tenancy.models import Organisation
from wegwijs.tenancy.scope import task_scope
from wegwijs.triage.model import LearnedModel
from wegwijs.triage_learning.models import TriageCorrection, TriageModel

_loaded: dict[str, tuple[str, LearnedModel | None]] = {}  # slug -> (version in use, model)
_checked: dict[str, float] = {}
_lock = threading.Lock()


def _in_use_version(slug: str) -> tuple[int, str] | None:
    organisation_id = Organisation.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if organisation_id is None:
        return None
    with task_scope("triage-model", organisation_id):
        version = TriageModel.objects.filter(organisation_id=organisation_id, in_use=True).values_list(
            "version", flat=True
        )
        return organisation_id, version.first() or ""


def _load(organisation_id: int, version: str) -> LearnedModel | None:
    with task_scope("triage-model", organisation_id):
        blob = TriageModel.objects.filter(organisation_id=organisation_id, version=version).values_list(
            "blob", flat=True
        )
        row = blob.first()
    return LearnedModel.from_bytes(bytes(row)) if row is not None else None


def triage_model_in_use(slug: str) -> LearnedModel | None:
    """The organisation's own model, or None (then the base model triages). A process asks the database at
    most every WEGWIJS_TRIAGE_MODEL_CHECK_SECONDS whether another model was put in use."""
    now = time.monotonic()
    with _lock:
        if slug in _loaded and now - _checked.get(slug, 0.0) < settings.TRIAGE_MODEL_CHECK_SECONDS:
            return _loaded[slug][1]
    found = _in_use_version(slug)
    version = found[1] if found else ""
    with _lock:
        current = _loaded.get(slug)
        if current is None or current[0] != version:
            _loaded[slug] = (version, _load(found[0], version) if found and version else None)
        _checked[slug] = now
        return _loaded[slug][1]


def triage_model_list(*, organisation_id: int) -> QuerySet[TriageModel]:
    return TriageModel.objects.filter(organisation_id=organisation_id).defer("blob").order_by("-created_at")


def triage_correction_count(*, organisation_id: int) -> int:
    return TriageCorrection.objects.filter(organisation_id=organisation_id).count()
