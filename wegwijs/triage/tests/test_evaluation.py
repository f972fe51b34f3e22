"""Triage evaluation figures, without the database."""

from wegwijs.triage.evaluation import evaluate, format_report


def test_scores_urgent_recall_precision_and_the_confusion_matrix():
    rows = [
        ({"language": "nl", "route": "urgent", "topic": None}, {"language": "nl", "route": "urgent", "topic": None}),
        (
            {"language": "nl", "route": "urgent", "topic": None},
            {"language": "nl", "route": "helpdesk", "topic": "login"},
        ),
        (
            {"language": "en", "route": "helpdesk", "topic": "login"},
            {"language": "en", "route": "urgent", "topic": None},
        ),
        (
            {"language": "tr", "route": "helpdesk", "topic": "login"},
            {"language": "tr", "route": "helpdesk", "topic": "login"},
        ),
    ]
    report = evaluate(rows)
    assert report.count == 4
    assert report.fields["language"].accuracy == 1.0
    assert report.fields["route"].accuracy == 0.5
    assert (report.urgent_recall, report.urgent_precision) == (0.5, 0.5)
    assert report.confusion["urgent"]["helpdesk"] == 1
    assert report.confusion["helpdesk"]["urgent"] == 1
    assert report.fields["route"].macro_f1 == 0.5
    assert "urgent    recall 0.500  precision 0.500" in format_report(report)


def test_language_accuracy_on_longer_messages_counts_only_messages_of_five_words_or_more():
    rows = [
        ({"text": "ok", "language": "nl"}, {"language": "und"}),
        ({"text": "ik kan niet inloggen met DigiD", "language": "nl"}, {"language": "nl"}),
        ({"text": "the app does not open at all", "language": "en"}, {"language": "nl"}),
    ]
    report = evaluate(rows)
    assert report.fields["language"].accuracy == round(1 / 3, 3)
    assert report.language_accuracy_long == 0.5
