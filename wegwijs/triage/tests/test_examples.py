"""The labelled example set the triage is trained and measured on: well formed, balanced enough, and the
held-out part kept apart (it is never used to train or tune)."""

import json
from collections import Counter
from pathlib import Path

import pytest

from wegwijs.triage.result import ROUTES

DATA = Path(__file__).resolve().parents[1] / "data"
LANGUAGES = {"nl", "en", "tr", "ar", "pl", "uk", "de", "fr"}
TOPICS = {
    "login", "account", "app_install", "video_call", "home_monitoring", "portal_use", "messaging", "proxy_access",
    "notifications", "other_technical",
}  # fmt: skip


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(("name", "minimum"), [("examples_train.jsonl", 400), ("examples_held_out.jsonl", 140)])
def test_the_examples_are_well_formed_and_cover_every_route_topic_and_language(name, minimum):
    rows = load(name)
    assert len(rows) >= minimum
    for row in rows:
        assert set(row) == {"id", "text", "language", "route", "topic"}, row["id"]
        assert row["language"] in LANGUAGES, row["id"]
        assert row["route"] in ROUTES, row["id"]
        assert (row["topic"] in TOPICS) if row["route"] == "helpdesk" else row["topic"] is None, row["id"]
    assert len({row["id"] for row in rows}) == len(rows)
    assert set(Counter(row["route"] for row in rows)) == set(ROUTES)
    assert set(Counter(row["topic"] for row in rows if row["topic"])) == TOPICS
    assert set(Counter(row["language"] for row in rows)) == LANGUAGES


def test_the_held_out_messages_are_not_in_the_training_set():
    train = {row["text"].strip().lower() for row in load("examples_train.jsonl")}
    assert not [row["id"] for row in load("examples_held_out.jsonl") if row["text"].strip().lower() in train]
