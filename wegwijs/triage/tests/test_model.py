"""The plain-array model computes what scikit-learn computes: the same TF-IDF vectors and the same
probabilities, for multi-class and for binary logistic regression."""

import numpy as np
from scipy.sparse import hstack

from wegwijs.triage import training
from wegwijs.triage.model import Example, LearnedModel, char_ngrams, features, word_ngrams
from wegwijs.triage.registry import HELD_OUT, load_examples

TRAIN = load_examples()[::3]
TEXTS = [features(example.text) for example in TRAIN]
OTHER = [features(example.text) for example in load_examples(HELD_OUT)] + [features("ok"), features("???"), ""]


def test_the_n_grams_and_vectors_are_scikit_learns():
    chars, words = training.vectorizers()
    chars.fit(TEXTS)
    words.fit(TEXTS)
    ours_chars, ours_words = training.vocabulary(chars), training.vocabulary(words)
    for text in OTHER:
        assert sorted(char_ngrams(text)) == sorted(chars.build_analyzer()(text))
        assert sorted(word_ngrams(text)) == sorted(words.build_analyzer()(text))
        for ours, theirs, grams in ((ours_chars, chars, char_ngrams(text)), (ours_words, words, word_ngrams(text))):
            columns, values = ours.vector(grams)
            expected = theirs.transform([text]).toarray()[0]
            actual = np.zeros_like(expected)
            actual[columns] = values
            np.testing.assert_allclose(actual, expected, atol=1e-12)


def test_the_probabilities_are_scikit_learns():
    chars, words = training.vectorizers()
    matrix = hstack([chars.fit_transform(TEXTS), words.fit_transform(TEXTS)]).tocsr()
    route = training.classifier().fit(matrix, [example.route for example in TRAIN])
    urgent = training.classifier().fit(matrix, [example.route == "urgent" for example in TRAIN])
    model = LearnedModel(
        version="test",
        chars=training.vocabulary(chars),
        words=training.vocabulary(words),
        route=training.compiled(route),
        urgent=training.compiled(urgent),
        topic=training.compiled(route),
        urgent_threshold=0.5,
        trained_on=len(TRAIN),
    )
    for example in load_examples(HELD_OUT)[:60]:
        row = hstack([chars.transform([features(example.text)]), words.transform([features(example.text)])])
        prediction = model.predict(example.text)
        expected_route = dict(zip(map(str, route.classes_), route.predict_proba(row)[0], strict=True))
        assert prediction.route == {label: prediction.route[label] for label in expected_route}
        for label, probability in expected_route.items():
            assert abs(prediction.route[label] - probability) < 1e-9
        assert abs(prediction.urgent - urgent.predict_proba(row)[0][1]) < 1e-9


def test_a_model_survives_the_round_trip_and_a_foreign_blob_is_refused():
    model = training.train(
        [Example("ik kan niet inloggen", "helpdesk", "login")] * 3 + TRAIN[:60], version="v", urgent_threshold=0.2
    )
    again = LearnedModel.from_bytes(model.to_bytes())
    assert again is not None
    assert again.predict("wachtwoord vergeten") == model.predict("wachtwoord vergeten")
    assert LearnedModel.from_bytes(b"not a model") is None
