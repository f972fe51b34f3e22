"""wegwijs triage and triage-eval: the command-line contract of the Triage engine issue."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_triage_prints_the_result_as_json():
    result = json.loads(run("triage", "Mijn BSN is 111222333 en ik heb pijn op de borst"))
    assert (result["language"], result["route"]) == ("nl", "urgent")
    assert "111222333" not in result["redacted_text"]
    assert set(result) >= {
        "language",
        "route",
        "topic",
        "confidence",
        "urgent_reasons",
        "redacted_text",
        "model_version",
    }


def test_triage_adds_its_fields_to_every_line_and_keeps_the_others(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "Ik kan niet inloggen met DigiD", "kanaal": "web"})
        + "\n\n"
        + json.dumps({"id": "b", "text": "I cannot breathe"})
        + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.jsonl"
    run("triage", "--input", str(source), "--output", str(target))
    first, second = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert (first["id"], first["kanaal"], first["route"], first["topic"]) == ("a", "web", "helpdesk", "login")
    assert (second["route"], second["language"]) == ("urgent", "en")
    assert set(first) == {"id", "text", "kanaal", "language", "route", "topic", "urgent_reasons", "redacted_text"}


@pytest.mark.parametrize("line", ["geen json", '{"text": "zonder id"}', '{"id": 1, "text": 5}'])
def test_a_bad_line_is_a_clear_error(tmp_path, line):
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 1"):
        run("triage", "--input", str(source), "--output", str(tmp_path / "out.jsonl"))


def test_triage_eval_prints_the_figures(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"text": "Ik heb pijn op de borst", "language": "nl", "route": "urgent", "topic": None})
        + "\n"
        + json.dumps(
            {"text": "Ik kan niet inloggen met DigiD", "language": "nl", "route": "helpdesk", "topic": "login"}
        )
        + "\n",
        encoding="utf-8",
    )
    report = run("triage-eval", str(gold))
    assert "2 messages" in report
    assert "urgent    recall 1.000  precision 1.000" in report
    assert "route confusion" in report
