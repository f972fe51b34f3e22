"""Learning from agents: corrections are stored without identifiers, an organisation model is trained on them
and put in use only when it is not worse on held-out messages, and questions record the model that triaged
them. Training is real (scikit-learn on the shipped examples), so these tests take tens of seconds."""

import io

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from wegwijs.helpdesk import services
from wegwijs.triage import classify, training
from wegwijs.triage.registry import base_model
from wegwijs.triage_learning import services as learning
from wegwijs.triage_learning.models import TriageCorrection, TriageModel

pytestmark = pytest.mark.django_db

# A word only this organisation's patients use, for its own portal: the base examples never saw it.
OWN_WORD_QUESTIONS = [
    "Hoe open ik de Zorgkluis op mijn telefoon?",
    "De zorgkluis laat mijn brieven niet zien",
    "waar staat de zorgkluis knop",
    "Zorgkluis doet het niet meer sinds gisteren",
    "Kan ik de zorgkluis ook op de tablet gebruiken?",
    "In de zorgkluis staat niks",
    "zorgkluis geeft een wit scherm",
    "Hoe print ik iets uit de zorgkluis",
    "ik vind mijn uitslag niet in de Zorgkluis",
    "de zorgkluis is zo traag",
]


def ask(organisation, text):
    with scopes_disabled():
        return services.ticket_create(organisation=organisation, intake=services.Intake(question=text, language="nl"))[
            0
        ]


def correct(ticket, route, topic=""):
    with scopes_disabled():
        services.ticket_classify(actor=None, ticket=ticket, route=route, topic=topic, tool=None)


def test_a_correction_is_stored_without_identifiers_and_keeps_the_first_proposal(organisation):
    ticket = ask(organisation, "Ik wil mijn afspraak verzetten. Bel me op 06-12345678 of mail jan@voorbeeld.nl")
    proposed = (ticket.route, ticket.topic)
    correct(ticket, "privacy")
    correct(ticket, "helpdesk", "login")
    with scopes_disabled():
        correction = TriageCorrection.objects.get(ticket=ticket)
    assert (correction.route, correction.topic) == ("helpdesk", "login")
    assert (correction.proposed_route, correction.proposed_topic) == proposed
    assert correction.model_version == ticket.triage_model_version == base_model().version
    assert "06-12345678" not in correction.text
    assert "jan@voorbeeld.nl" not in correction.text
    assert "afspraak verzetten" in correction.text


def test_changing_only_the_tool_is_no_correction(organisation):
    ticket = ask(organisation, "Ik kan niet inloggen met DigiD")
    correct(ticket, ticket.route, ticket.topic)
    with scopes_disabled():
        assert not TriageCorrection.objects.exists()


def test_an_organisation_model_learns_its_own_words_and_is_put_in_use(organisation, other_organisation):
    for text in OWN_WORD_QUESTIONS * 2:
        correct(ask(organisation, text + "."), "helpdesk", "portal_use")
    out = io.StringIO()
    call_command("triage-train", "--organisation", organisation.slug, stdout=out)
    with scopes_disabled():
        model = TriageModel.objects.get(organisation=organisation)
    assert model.in_use, out.getvalue()
    with scopes_disabled():
        corrections = TriageCorrection.objects.filter(organisation=organisation).count()
    assert model.corrections == corrections - corrections // 5  # every fifth correction is held out
    assert "put in use" in out.getvalue()
    assert "route macro-F1" in out.getvalue()
    assert model.metrics["topic_macro_f1"] >= model.baseline_metrics["topic_macro_f1"]

    ticket = ask(organisation, "mijn zorgkluis werkt niet goed")
    assert ticket.triage_model_version == model.version
    assert (ticket.route, ticket.topic) == ("helpdesk", "portal_use")
    assert ask(other_organisation, "mijn zorgkluis werkt niet goed").triage_model_version == base_model().version
    assert classify("mijn zorgkluis werkt niet goed", organisation=organisation.slug).model_version == model.version


def test_a_model_that_is_worse_is_stored_but_not_put_in_use(organisation, monkeypatch):
    for text in OWN_WORD_QUESTIONS:
        correct(ask(organisation, text), "helpdesk", "portal_use")
    # Train on one example in fifteen: a real model, but clearly worse than the base model.
    real_train = training.train
    monkeypatch.setattr(
        training, "train", lambda examples, version, **options: real_train(examples[::15], version=version, **options)
    )
    with scopes_disabled():
        outcome = learning.triage_model_train(organisation_id=organisation.pk, slug=organisation.slug)
        assert TriageModel.objects.filter(organisation=organisation).count() == 1
        assert not TriageModel.objects.filter(in_use=True).exists()
    assert not outcome.put_in_use
    assert outcome.report.fields["route"].macro_f1 < outcome.baseline.fields["route"].macro_f1
    assert ask(organisation, "mijn zorgkluis werkt niet").triage_model_version == base_model().version


def test_the_command_refuses_an_unknown_organisation(db):
    with pytest.raises(Exception, match="Unknown organisation"):
        call_command("triage-train", "--organisation", "bestaat-niet")
