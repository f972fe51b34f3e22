"""Training the learned triage with scikit-learn, and handing the result over as plain arrays (`model.py`).

One TF-IDF vocabulary (character n-grams within words, plus word uni- and bigrams) is fitted on every training
text; three logistic regressions share it: the route over all routes, urgent-or-not, and the topic over the
helpdesk examples. Regularisation and features were chosen by cross-validation on the training examples.

The urgent threshold is set from cross-validated probabilities on the training examples alone (never on the
held-out set): the highest value at which the rules and a model that had not seen the example together still
catch URGENT_RECALL of the urgent examples (decision 0010).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline

from wegwijs.triage import rules
from wegwijs.triage.model import (
    CHAR_RANGE,
    FOLDS,
    MIN_URGENT_THRESHOLD,
    REGULARISATION,
    URGENT_RECALL,
    WORD_RANGE,
    Classifier,
    Example,
    LearnedModel,
    Vocabulary,
    features,
)


def vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    return (
        TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_RANGE, sublinear_tf=True),
        TfidfVectorizer(analyzer="word", ngram_range=WORD_RANGE, sublinear_tf=True),
    )


def classifier() -> LogisticRegression:
    return LogisticRegression(C=REGULARISATION, max_iter=3000, class_weight="balanced")


def pipeline() -> Pipeline:
    chars, words = vectorizers()
    return Pipeline([("features", FeatureUnion([("chars", chars), ("words", words)])), ("classifier", classifier())])


def _urgent_threshold(texts: list[str], urgent: list[bool], caught_by_rules: list[bool]) -> float:
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    probabilities = cross_val_predict(pipeline(), texts, urgent, cv=folds, method="predict_proba")[:, 1]
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


def vocabulary(vectorizer: TfidfVectorizer) -> Vocabulary:
    return Vocabulary(
        columns={term: int(column) for term, column in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
    )


def compiled(fitted: LogisticRegression) -> Classifier:
    return Classifier(
        classes=tuple(str(label) for label in fitted.classes_),
        coef=np.asarray(fitted.coef_, dtype=np.float64),
        intercept=np.asarray(fitted.intercept_, dtype=np.float64),
    )


def train(examples: Sequence[Example], *, version: str, urgent_threshold: float | None = None) -> LearnedModel:
    """The three classifiers on `examples`. The urgent threshold is cross-validated on them unless given (an
    organisation model keeps the base model's: a few hundred corrections are too few to re-estimate it)."""
    texts = [features(example.text) for example in examples]
    routes = [example.route for example in examples]
    urgent = [route == "urgent" for route in routes]
    chars, words = vectorizers()
    matrix = hstack([chars.fit_transform(texts), words.fit_transform(texts)]).tocsr()
    helpdesk = [index for index, example in enumerate(examples) if example.topic]
    if urgent_threshold is None:
        caught_by_rules = [bool(rules.urgent_reasons(example.text)) for example in examples]
        urgent_threshold = _urgent_threshold(texts, urgent, caught_by_rules)
    return LearnedModel(
        version=version,
        chars=vocabulary(chars),
        words=vocabulary(words),
        route=compiled(classifier().fit(matrix, routes)),
        urgent=compiled(classifier().fit(matrix, urgent)),
        topic=compiled(classifier().fit(matrix[helpdesk], [examples[index].topic for index in helpdesk])),
        urgent_threshold=urgent_threshold,
        trained_on=len(examples),
    )
