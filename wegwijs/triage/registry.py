"""Which learned model triages a message: the organisation's own model when one is in use, else the base model
trained on the shipped examples (`data/examples_train.jsonl`).

The base model is trained once per training set and kept in a cache directory, so a process loads it in
milliseconds instead of training it. The host application tells this package where that directory is and how
to find an organisation's model (`configure`); without it, the temporary directory is used and every
organisation gets the base model. Pure Python.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wegwijs.triage.model import Example, LearnedModel, fingerprint

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples_train.jsonl"
HELD_OUT = Path(__file__).resolve().parent / "data" / "examples_held_out.jsonl"

OrganisationModels = Callable[[str], LearnedModel | None]
# (organisation, text, language) -> slugs of knowledge base articles that may answer the text.
ArticleSuggester = Callable[[str, str, str], list[str]]
_settings: dict[str, Any] = {
    "cache_dir": Path(tempfile.gettempdir()) / "wegwijs-triage",  # the host application sets its own
    "organisation_models": None,
    "article_suggester": None,
}


def configure(
    *,
    cache_dir: Path | None = None,
    organisation_models: OrganisationModels | None = None,
    article_suggester: ArticleSuggester | None = None,
) -> None:
    """Called by the host application at start; each argument given replaces that setting."""
    given = {"cache_dir": cache_dir, "organisation_models": organisation_models, "article_suggester": article_suggester}
    _settings.update({name: value for name, value in given.items() if value is not None})


def suggested_articles(organisation: str | None, text: str, language: str) -> list[str]:
    suggester = _settings["article_suggester"]
    return list(suggester(organisation, text, language)) if organisation and suggester else []


def load_examples(path: Path = EXAMPLES) -> list[Example]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(text=row["text"], route=row["route"], topic=row["topic"]) for row in rows]


@functools.cache
def base_model() -> LearnedModel:
    examples = load_examples()
    version = f"base-{fingerprint(examples)}"
    cache_dir = Path(_settings["cache_dir"])
    cached = cache_dir / f"{version}.pickle"
    if cached.exists():
        model = LearnedModel.from_bytes(cached.read_bytes())
        if model is not None:
            return model
    from wegwijs.triage.training import train  # scikit-learn is imported only when a model must be trained

    model = train(examples, version=version)
    _write_atomically(cached, model.to_bytes())
    return model


def _write_atomically(path: Path, blob: bytes) -> None:
    """Several processes may train at once: each writes its own file and renames it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(blob)
        os.replace(handle.name, path)
    except OSError:
        pass  # a read-only disk only costs the next process the training time


def model_for(organisation: str | None) -> LearnedModel:
    provider: OrganisationModels | None = _settings["organisation_models"]
    own = provider(organisation) if organisation and provider is not None else None
    return own if own is not None else base_model()
