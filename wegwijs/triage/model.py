"""The learned part of the triage at work: route, urgent and topic classifiers over character n-grams (they cope
with typos and with every served language at once) and word uni- and bigrams. Pure Python with numpy.

`training.py` fits the models with scikit-learn and hands over plain arrays: the vocabularies, the idf weights
and the logistic regressions' coefficients. Classifying then needs neither scikit-learn nor its per-call
overhead: a message is turned into n-grams once and scored by three dot products (well under a millisecond),
and a process loads a model without importing scikit-learn. `tests/test_model.py` checks that the figures are
the ones scikit-learn computes.

The rules in `lexicon` stay the safety net; here they become features too (a marker word per rule that fires),
so the classifiers learn how much to trust each kind of rule hit.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version as package_version

import numpy as np
import numpy.typing as npt

from wegwijs.triage import rules

FORMAT = 4
DIGITS = re.compile(r"\d")
WHITE_SPACE = re.compile(r"\s\s+")
WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
CHAR_RANGE = (2, 5)
WORD_RANGE = (1, 2)
# How `training.py` trains (chosen by cross-validation on the training examples; part of the fingerprint).
FOLDS = 5
REGULARISATION = 10.0
MIN_URGENT_THRESHOLD = 0.05  # never trust a lower threshold: most messages would become urgent
# Share of the urgent training examples that rules and model must catch in cross-validation (decision 0010:
# at 1.0 one odd example would make a quarter of all messages urgent).
URGENT_RECALL = 0.95


@dataclass(frozen=True)
class Example:
    text: str
    route: str
    topic: str | None


def fingerprint(examples: Sequence[Example]) -> str:
    """Identifies the training data and the way of training: same fingerprint, same model."""
    knobs = [FORMAT, CHAR_RANGE, WORD_RANGE, FOLDS, REGULARISATION, URGENT_RECALL, MIN_URGENT_THRESHOLD]
    digest = hashlib.sha256(json.dumps([knobs, package_version("scikit-learn"), rules.fingerprint()]).encode())
    for example in examples:
        digest.update(json.dumps([example.text, example.route, example.topic]).encode())
    return digest.hexdigest()[:10]


def features(text: str) -> str:
    """What the classifiers read: lower case, digits folded, denied red flags masked, and a marker word per
    rule that fires."""
    normalised = DIGITS.sub("0", rules.without_denied_flags(text))
    markers = " ".join(f"zzrule{name}" for name in rules.rule_hits(text))
    return f"{normalised} {markers}".strip()


def char_ngrams(text: str) -> list[str]:
    """Character n-grams within words, padded with a space (scikit-learn's "char_wb" analyzer)."""
    grams = []
    low, high = CHAR_RANGE
    for word in WHITE_SPACE.sub(" ", text.lower()).split():
        padded = f" {word} "
        for size in range(low, high + 1):
            if len(padded) <= size:
                grams.append(padded)  # a short word counts once, whole
                break
            grams.extend(padded[start : start + size] for start in range(len(padded) - size + 1))
    return grams


def word_ngrams(text: str) -> list[str]:
    tokens = WORD.findall(text.lower())
    grams = list(tokens) if WORD_RANGE[0] == 1 else []
    for size in range(max(2, WORD_RANGE[0]), WORD_RANGE[1] + 1):
        grams.extend(" ".join(tokens[start : start + size]) for start in range(len(tokens) - size + 1))
    return grams


@dataclass(frozen=True)
class Vocabulary:
    """One fitted TF-IDF vectorizer: term -> column, and each column's idf (sublinear tf, l2 norm)."""

    columns: dict[str, int]
    idf: npt.NDArray[np.float64]

    def vector(self, grams: list[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        counts: dict[int, int] = {}
        for gram in grams:
            column = self.columns.get(gram)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[columns]
        norm = float(np.sqrt(values @ values))
        return columns, values / norm if norm else values


@dataclass(frozen=True)
class Classifier:
    """A fitted logistic regression: classes, coefficients (one row, or one per class) and intercepts."""

    classes: tuple[str, ...]
    coef: npt.NDArray[np.float64]
    intercept: npt.NDArray[np.float64]

    def probabilities(self, columns: npt.NDArray[np.int64], values: npt.NDArray[np.float64]) -> dict[str, float]:
        scores = self.coef[:, columns] @ values + self.intercept
        if len(self.classes) == 2:  # binary: one row of coefficients for the second class
            positive = 1.0 / (1.0 + np.exp(-scores[0]))
            return {self.classes[0]: float(1.0 - positive), self.classes[1]: float(positive)}
        exponentials = np.exp(scores - scores.max())
        shares = exponentials / exponentials.sum()
        return {label: float(share) for label, share in zip(self.classes, shares, strict=True)}


@dataclass(frozen=True)
class Prediction:
    route: dict[str, float]  # every route; the urgent column is not used (see `urgent`)
    urgent: float  # the dedicated urgent-or-not classifier: better at high recall
    topic: dict[str, float]


@dataclass(frozen=True)
class LearnedModel:
    version: str
    chars: Vocabulary
    words: Vocabulary
    route: Classifier
    urgent: Classifier
    topic: Classifier
    urgent_threshold: float
    trained_on: int

    def _vector(self, prepared: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        char_columns, char_values = self.chars.vector(char_ngrams(prepared))
        word_columns, word_values = self.words.vector(word_ngrams(prepared))
        offset = len(self.chars.columns)
        return np.concatenate([char_columns, word_columns + offset]), np.concatenate([char_values, word_values])

    def predict(self, text: str) -> Prediction:
        vector = self._vector(features(text))
        return Prediction(
            route=self.route.probabilities(*vector),
            urgent=self.urgent.probabilities(*vector)["True"],
            topic=self.topic.probabilities(*vector),
        )

    def urgent_words(self, text: str, *, limit: int = 3) -> list[str]:
        """The words that pushed the model towards urgent: those whose removal lowers the urgent probability
        most (asked only when the model alone found a message urgent). Words are left out of the prepared text,
        so the rule markers stay as they were."""
        words = features(text).split()
        baseline = self.urgent.probabilities(*self._vector(" ".join(words)))["True"]
        drops = []
        for index, word in enumerate(words):
            if word.startswith("zzrule"):
                continue
            without = " ".join(words[:index] + words[index + 1 :])
            drops.append((baseline - self.urgent.probabilities(*self._vector(without))["True"], word))
        drops.sort(reverse=True)
        return [word.strip(",.;:!?") for drop, word in drops if drop > 0][:limit]

    def to_bytes(self) -> bytes:
        return pickle.dumps((FORMAT, self))

    @staticmethod
    def from_bytes(blob: bytes) -> LearnedModel | None:
        """None when the blob was written in another format (train again). Only ever called on blobs this
        package wrote itself (the model cache, the organisation models' table)."""
        try:
            format_, model = pickle.loads(blob)  # noqa: S301 - our own blobs only, see above
        except Exception:  # an unreadable blob means: train again
            return None
        return model if format_ == FORMAT and isinstance(model, LearnedModel) else None
