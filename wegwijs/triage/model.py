"""The learned part of the triage: route and topic classifiers on character n-grams (they cope with typos and
with every served language at once), trained on labelled examples. Pure Python (scikit-learn, no Django).

The rules in `lexicon` stay the safety net; here they become features too, so the classifier learns how much
to trust each kind of rule hit. The urgent threshold is set from cross-validated probabilities on the
training examples alone (never on the held-out set): low enough that every urgent training example would
have been caught by a model that had not seen it.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline

from wegwijs.triage import rules

FORMAT = 3
FOLDS = 5
REGULARISATION = 10.0
# Never trust a threshold below this: it would make most messages urgent.
MIN_URGENT_THRESHOLD = 0.05
# Share of the urgent training examples that rules and model must catch in cross-validation (see
# decision 0010: at 1.0 one odd example would make a quarter of all messages urgent).
URGENT_RECALL = 0.95
DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class Example:
    text: str
    route: str
    topic: str | None


def features(text: str) -> str:
    """What the classifiers read: lower case, digits folded, denied red flags masked, and a marker word per
    rule that fires."""
    normalised = DIGITS.sub("0", rules.without_denied_flags(text))
    markers = " ".join(f"zzrule{name}" for name in rules.rule_hits(text))
    return f"{normalised} {markers}".strip()


def _pipeline() -> Pipeline:
    return Pipeline(
        [
            (
                "features",
                FeatureUnion(
                    [
                        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
                        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
                    ]
                ),
            ),
            ("classifier", LogisticRegression(C=REGULARISATION, max_iter=3000, class_weight="balanced")),
        ]
    )


def _probabilities(pipeline: Pipeline, text: str) -> dict[str, float]:
    row = pipeline.predict_proba([features(text)])[0]
    return {str(label): float(probability) for label, probability in zip(pipeline.classes_, row, strict=True)}


@dataclass(frozen=True)
class LearnedModel:
    version: str
    route_pipeline: Pipeline  # every route; its urgent column is not used
    urgent_pipeline: Pipeline  # urgent or not: better at high recall than the route model's urgent column
    topic_pipeline: Pipeline
    urgent_threshold: float
    trained_on: int
    metrics: dict[str, Any] = field(default_factory=dict)

    def route_probabilities(self, text: str) -> dict[str, float]:
        return _probabilities(self.route_pipeline, text)

    def urgent_probability(self, text: str) -> float:
        return _probabilities(self.urgent_pipeline, text).get("True", 0.0)

    def topic_probabilities(self, text: str) -> dict[str, float]:
        return _probabilities(self.topic_pipeline, text)

    def urgent_words(self, text: str, *, limit: int = 3) -> list[str]:
        """The words that pushed the model towards urgent: those whose removal lowers the urgent probability
        most (only asked for when the model alone found a message urgent, so the extra predictions are rare)."""
        words = text.split()
        baseline = self.urgent_probability(text)
        candidates = [" ".join(words[:index] + words[index + 1 :]) for index in range(len(words))]
        rows = self.urgent_pipeline.predict_proba([features(candidate) for candidate in candidates])
        column = list(self.urgent_pipeline.classes_).index(True)
        drops = sorted(((baseline - row[column], word) for row, word in zip(rows, words, strict=True)), reverse=True)
        return [word.strip(",.;:!?") for drop, word in drops if drop > 0][:limit]

    def to_bytes(self) -> bytes:
        return pickle.dumps((FORMAT, sklearn.__version__, self))

    @staticmethod
    def from_bytes(blob: bytes) -> LearnedModel | None:
        """None when the blob was written by another format or scikit-learn version (retrain then).
        Only ever called on blobs this package wrote itself (the model cache, the organisation's models)."""
        try:
            format_, version, model = pickle.loads(blob)  # noqa: S301 - our own blobs only, see above
        except Exception:
            return None
        if format_ != FORMAT or version != sklearn.__version__ or not isinstance(model, LearnedModel):
            return None
        return model


def fingerprint(examples: Sequence[Example]) -> str:
    """Identifies the training data and the way of training: same fingerprint, same model."""
    knobs = f"{FORMAT} {FOLDS} {REGULARISATION} {URGENT_RECALL} {MIN_URGENT_THRESHOLD} {sklearn.__version__}"
    digest = hashlib.sha256(knobs.encode())
    digest.update(rules.fingerprint().encode())
    for example in examples:
        digest.update(json.dumps([example.text, example.route, example.topic]).encode())
    return digest.hexdigest()[:10]


def _urgent_threshold(texts: list[str], urgent: list[bool], caught_by_rules: list[bool]) -> float:
    """The highest threshold at which the rules and a model that had not seen the example together still
    catch URGENT_RECALL of the urgent training examples (cross-validated)."""
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    probabilities = cross_val_predict(_pipeline(), texts, urgent, cv=folds, method="predict_proba")[:, 1]
    found = [
        (rule, float(probability))
        for probability, is_urgent, rule in zip(probabilities, urgent, caught_by_rules, strict=True)
        if is_urgent
    ]
    may_miss = int(len(found) * (1 - URGENT_RECALL))
    left_to_model = sorted(probability for rule, probability in found if not rule)
    if not left_to_model:
        return MIN_URGENT_THRESHOLD
    return max(MIN_URGENT_THRESHOLD, round(left_to_model[min(may_miss, len(left_to_model) - 1)], 4))


def train(examples: Sequence[Example], *, version: str, urgent_threshold: float | None = None) -> LearnedModel:
    """The three classifiers on `examples`. The urgent threshold is cross-validated on them unless given (an
    organisation model keeps the base model's: a few hundred corrections are too few to re-estimate it)."""
    texts = [features(example.text) for example in examples]
    routes = [example.route for example in examples]
    urgent = [route == "urgent" for route in routes]
    helpdesk = [(text, example.topic) for text, example in zip(texts, examples, strict=True) if example.topic]
    if urgent_threshold is None:
        caught_by_rules = [bool(rules.urgent_reasons(example.text)) for example in examples]
        urgent_threshold = _urgent_threshold(texts, urgent, caught_by_rules)
    return LearnedModel(
        version=version,
        route_pipeline=_pipeline().fit(texts, routes),
        urgent_pipeline=_pipeline().fit(texts, urgent),
        topic_pipeline=_pipeline().fit([text for text, _ in helpdesk], [topic for _, topic in helpdesk]),
        urgent_threshold=urgent_threshold,
        trained_on=len(examples),
    )
