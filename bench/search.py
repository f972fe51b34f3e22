"""Knowledge-base search benchmark. Prints its figures; it asserts nothing (see the issue's closing note).

    .venv/bin/python bench/search.py [--articles 10000] [--runs 1000]

Loads the demo articles (wegwijs/demo/articles) into one organisation and fills it up to ARTICLES with
generated Dutch articles on the same subjects (distractors that share the vocabulary), then prints: the
index build time, search latency p50/p95 over the evaluation queries (in-process, as the help page, the
widget and the API call it), and MRR@10 on the held-out queries (and on the tuning queries, for reference).
Runs on SQLite in a temporary folder unless DATABASE_URL is set.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("WEGWIJS_MODE", "test")
# As in production (test mode checks on every search): the index is compared with the articles every 2 s.
os.environ.setdefault("WEGWIJS_KNOWLEDGE_INDEX_CHECK_SECONDS", "2")
if not os.environ.get("DATABASE_URL"):
    os.environ["WEGWIJS_DATA_DIR"] = tempfile.mkdtemp(prefix="wegwijs-bench-search-")

import django

django.setup()

from django.core.management import call_command

from wegwijs.knowledge import services
from wegwijs.knowledge.models import Article
from wegwijs.knowledge.search import engine, evaluation
from wegwijs.tenancy.models import Organisation

ARTICLES_DIR = ROOT / "wegwijs" / "demo" / "articles"
SUBJECTS = [
    "inloggen", "wachtwoord", "pincode", "sms-code", "DigiD app", "activatiecode", "machtiging", "uitslagen",
    "brieven", "afspraak", "vragenlijst", "bericht", "app", "beeldbellen", "camera", "microfoon", "link",
    "bloeddrukmeter", "weegschaal", "metingen", "bluetooth", "e-mail", "melding", "telefoonnummer",
    "medicijnen", "gegevens", "account", "portaal", "tablet", "laptop", "printer", "update",
]  # fmt: skip
ACTIONS = ["werkt niet", "instellen", "wijzigen", "vinden", "bekijken", "aanvragen", "kwijt", "koppelen", "gebruiken"]
PLACES = ["het patiëntenportaal", "de app", "uw telefoon", "de website", "uw tablet", "uw computer", "de afdeling"]
SENTENCES = [
    "Open {place} en kies {subject}.",
    "Soms {action} {subject} niet meteen; probeer het later nog eens.",
    "Controleer of {place} de nieuwste versie heeft.",
    "U vindt {subject} onder het menu in {place}.",
    "Vraag hulp aan iemand die u vertrouwt als {subject} lastig is.",
    "Schrijf op wat u ziet, dan kan de helpdesk u beter helpen.",
    "Het {subject} {action}? Kijk dan eerst bij de instellingen van {place}.",
    "Zet {place} uit en weer aan. Probeer daarna opnieuw.",
]


def generated(number: int, rng: random.Random) -> Article:
    subject, action = rng.choice(SUBJECTS), rng.choice(ACTIONS)
    sentences = [
        rng.choice(SENTENCES).format(place=rng.choice(PLACES), subject=rng.choice(SUBJECTS), action=rng.choice(ACTIONS))
        for _ in range(rng.randint(8, 20))
    ]
    return Article(
        slug=f"gegenereerd-{number}",
        language="nl",
        title=f"{subject.capitalize()} {action} ({number})",
        body=" ".join(sentences),
        tool=rng.choice(["portal", "app", "digid", "video", "monitoring", "general"]),
        tags=[subject.split()[0].lower(), action.split()[0]],
        status="published",
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1000)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    organisation, _created = Organisation.objects.get_or_create(slug="bench-kennisbank", defaults={"name": "Bench"})
    Article.objects.filter(organisation=organisation).delete()
    report = services.kb_import(directory=ARTICLES_DIR, organisation=organisation)
    demo = len(report.created)
    rng = random.Random(11)
    distractors = [generated(number, rng) for number in range(max(0, options.articles - demo))]
    for article in distractors:
        article.organisation = organisation
    Article.objects.bulk_create(distractors, batch_size=1000)
    total = Article.objects.filter(organisation=organisation).count()
    print(f"{total:,} articles in one organisation ({demo} demo articles, {len(distractors):,} generated)")

    started = time.perf_counter()
    engine._build(organisation, public=True, stamp=())
    print(f"index build: {time.perf_counter() - started:.2f} s")

    tuning, held_out = evaluation.load(evaluation.TUNING), evaluation.load(evaluation.HELD_OUT)
    queries = tuning + held_out
    engine.kb_search(organisation=organisation, query="warm up")  # builds and caches the index
    durations = []
    for run in range(options.runs):
        query = queries[run % len(queries)]
        started = time.perf_counter()
        engine.kb_search(organisation=organisation, query=query.text, language=query.language)
        durations.append((time.perf_counter() - started) * 1000)
    print(
        f"search latency over {options.runs} queries: p50 {statistics.median(durations):.1f} ms, "
        f"p95 {percentile(durations, 0.95):.1f} ms"
    )

    def found(query: evaluation.Query) -> list[str]:
        _language, results = engine.kb_search(organisation=organisation, query=query.text, language=query.language)
        return [result.slug for result in results]

    print(f"MRR@10 held-out ({len(held_out)} queries): {evaluation.mean_reciprocal_rank(held_out, found):.3f}")
    print(f"MRR@10 tuning ({len(tuning)} queries, for reference): {evaluation.mean_reciprocal_rank(tuning, found):.3f}")


if __name__ == "__main__":
    main()
