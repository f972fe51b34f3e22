"""An in-memory search index over articles in one language: BM25 over title, tags and text, with Dutch
compound words, synonyms and typo tolerance. Pure: no database, no Django.

How a query becomes weighted terms (`LanguageIndex.query_terms`):
1. its content words, stemmed (weight 1);
2. synonyms of each word from the synonym groups (0.8);
3. compound words: a word split into two known words ("bloeddrukmeter" -> "bloeddruk" + "meter"), and two
   neighbouring words joined when the index knows the joined word ("bloeddruk meter" -> "bloeddrukmeter")
   (0.8);
4. a word the index does not know is matched to the closest known words by edit similarity (rapidfuzz),
   weighted by how close they are ("wachtwort" -> "wachtwoord").
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from wegwijs.knowledge.search.analysis import content_words, stems, words

FIELD_WEIGHTS = {"title": 3.0, "tags": 2.0, "body": 1.0}
K1, B = 1.2, 0.75
SYNONYM_WEIGHT = 0.8
COMPOUND_WEIGHT = 0.8
FUZZY_MIN_SCORE = 80.0  # rapidfuzz ratio, 0-100
FUZZY_MIN_LENGTH = 4
FUZZY_LIMIT = 3
COMPOUND_PART_MIN = 3
LINKED_HEAD_MIN = 5
COMPOUND_LANGUAGES = frozenset({"nl", "de"})
TAIL_MIN = 5
STEM_HEAD_MIN = 5  # a head known only by its stem ("inlog" in "inlogcode") must be this long
SEPARABLE_PARTICLES = frozenset({"in", "uit", "aan", "af", "op", "door", "mee", "terug", "over", "toe", "bij", "vast"})


@dataclass(frozen=True)
class Document:
    key: str  # the caller's id for the article
    language: str
    title: str
    tags: Sequence[str]
    body: str


@dataclass(frozen=True)
class Hit:
    key: str
    score: float


@dataclass
class LanguageIndex:
    language: str
    synonyms: dict[str, frozenset[str]] = field(default_factory=dict)  # stem -> the stems of its group
    # stem -> (documents, their BM25 weight for the stem): the length normalisation is fixed at build time,
    # so a search only takes maxima and sums of these arrays.
    postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    lengths: list[float] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)  # words as written (normalised), for typos and compounds
    by_length: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, documents: Iterable[Document], *, language: str, synonym_groups: Iterable[Iterable[str]] = ()
    ) -> LanguageIndex:
        index = cls(language=language, synonyms=_synonym_map(synonym_groups, language))
        documents = [document for document in documents if document.language == language]
        bags = []
        for document in documents:
            bag: Counter[str] = Counter()
            for name, text in (("title", document.title), ("tags", " ".join(document.tags)), ("body", document.body)):
                for word in content_words(text, language):
                    index.vocabulary.add(word)
                    bag[word] += FIELD_WEIGHTS[name]  # type: ignore[assignment]
            bags.append(bag)
        frequencies: dict[str, dict[int, float]] = {}
        word_terms: dict[str, list[tuple[str, float]]] = {}  # per distinct word: its terms and their share
        for number, (document, bag) in enumerate(zip(documents, bags, strict=True)):
            terms: Counter[str] = Counter()
            for word, weight in bag.items():
                if word not in word_terms:
                    word_terms[word] = index._word_terms(word)
                for term, share in word_terms[word]:
                    terms[term] += weight * share  # type: ignore[assignment]
            for term, weight in terms.items():
                frequencies.setdefault(term, {})[number] = weight
            index.keys.append(document.key)
            index.lengths.append(float(sum(bag.values())))
        index.postings = _bm25_postings(frequencies, index.lengths)
        for word in index.vocabulary:
            index.by_length.setdefault(len(word), []).append(word)
        return index

    def _word_terms(self, word: str) -> list[tuple[str, float]]:
        """The terms a word of a document is indexed under: its stems, and its compound parts' stems."""
        terms = [(term, 1.0) for term in stems(word, self.language)]
        for part in self._compound_parts(word, by_stem=False):  # the postings are still being built
            terms += [(term, COMPOUND_WEIGHT) for term in stems(part, self.language)]
        return terms

    def _compound_parts(self, word: str, *, by_stem: bool = True) -> list[str]:
        """Two known words that make up `word` ("bloeddrukmeter" -> bloeddruk, meter; when searching, a longer
        head may be known by its stem: "inlogcode" -> inlog, code), Dutch and German."""
        if self.language not in COMPOUND_LANGUAGES or len(word) < 2 * COMPOUND_PART_MIN + 1:
            return []
        for cut in range(len(word) - COMPOUND_PART_MIN, COMPOUND_PART_MIN - 1, -1):
            head, tail = word[:cut], word[cut:]
            # The linking s ("veiligheidscode"), only after a head of some length: "pass|word" is no compound.
            linked = head[:-1] if head.endswith("s") and len(head) > LINKED_HEAD_MIN else ""
            for linked_head in (head, linked):
                head_known = (
                    self._known(linked_head)
                    if by_stem and len(linked_head) >= STEM_HEAD_MIN
                    else linked_head in self.vocabulary
                )
                if linked_head and linked_head != word and head_known and tail in self.vocabulary:
                    return [linked_head, tail]
        return []

    def query_terms(self, text: str) -> list[dict[str, float]]:
        """The query as groups of weighted terms (stems), one group per word: a word counts once, by its best
        term, however many stems, synonyms, compound parts or close spellings it has."""
        words = self._query_words(text)
        groups: list[dict[str, float]] = []
        for position, word in enumerate(words):
            group: dict[str, float] = {}

            def add(known: str, weight: float, group: dict[str, float] = group) -> None:
                for term in stems(known, self.language):
                    group[term] = max(group.get(term, 0.0), weight)
                    for synonym in self.synonyms.get(term, ()):
                        group[synonym] = max(group.get(synonym, 0.0), weight * SYNONYM_WEIGHT)

            add(word, 1.0)
            for part in self._compound_parts(word):
                add(part, COMPOUND_WEIGHT)
            if position + 1 < len(words) and self.language in COMPOUND_LANGUAGES:
                joined = word + words[position + 1]
                if joined in self.vocabulary:
                    add(joined, COMPOUND_WEIGHT)
            if not self._known(word):
                for match, similarity in self._close_words(word):
                    add(match, similarity)
                tail = self._known_tail(word)
                if tail:
                    add(tail, COMPOUND_WEIGHT)
            groups.append(group)
        return groups

    def _query_words(self, text: str) -> list[str]:
        """Content words, with Dutch separable verbs put together: "in te loggen" and "log ik in" -> inloggen."""
        content = content_words(text, self.language)
        if self.language != "nl":
            return content
        raw = words(text)
        particles = [word for word in raw if word in SEPARABLE_PARTICLES]
        joined = [
            raw[index] + raw[index + 2]
            for index in range(len(raw) - 2)
            if raw[index] in SEPARABLE_PARTICLES and raw[index + 1] == "te"
        ]
        joined += [particle + word for particle in particles for word in content if self._known(particle + word)]
        return content + joined

    def _known(self, word: str) -> bool:
        """A word the index has, as written or by one of its stems."""
        return word in self.vocabulary or any(term in self.postings for term in stems(word, self.language))

    def _known_tail(self, word: str) -> str:
        """The longest known word that ends an unknown one ("labuitslagen" -> "uitslagen"), Dutch and German."""
        if self.language not in COMPOUND_LANGUAGES:
            return ""
        for start in range(1, len(word) - TAIL_MIN + 1):
            if word[start:] in self.vocabulary:
                return word[start:]
        return ""

    def _close_words(self, word: str) -> list[tuple[str, float]]:
        if len(word) < FUZZY_MIN_LENGTH:
            return []
        spread = 1 if len(word) < 8 else 2
        candidates = [
            known
            for size in range(len(word) - spread, len(word) + spread + 1)
            for known in self.by_length.get(size, [])
        ]
        found = process.extract(word, candidates, scorer=fuzz.ratio, limit=FUZZY_LIMIT, score_cutoff=FUZZY_MIN_SCORE)
        return [(match, score / 100.0) for match, score, _index in found]

    def search(self, text: str, *, limit: int = 10) -> list[Hit]:
        """The best documents for a query by BM25, each query word counted once by its best term."""
        groups = [group for group in self.query_terms(text) if group]
        if not groups or not self.keys:
            return []
        total = np.zeros(len(self.keys), dtype=np.float32)
        for group in groups:
            best = np.zeros(len(self.keys), dtype=np.float32)
            for term, query_weight in group.items():
                posting = self.postings.get(term)
                if posting is not None:
                    documents, weights = posting
                    best[documents] = np.maximum(best[documents], weights * query_weight)
            total += best
        found = np.flatnonzero(total)
        if len(found) > limit:
            found = found[np.argpartition(-total[found], limit - 1)[:limit]]
        ranked = sorted(found.tolist(), key=lambda number: (-float(total[number]), self.keys[number]))
        return [Hit(self.keys[number], round(float(total[number]), 4)) for number in ranked]


def _bm25_postings(
    frequencies: dict[str, dict[int, float]], lengths: list[float]
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    count = len(lengths)
    if not count:
        return {}
    average = sum(lengths) / count
    length_array = np.asarray(lengths, dtype=np.float32)
    postings = {}
    for term, by_document in frequencies.items():
        documents = np.fromiter(by_document.keys(), dtype=np.int32, count=len(by_document))
        frequency = np.fromiter(by_document.values(), dtype=np.float32, count=len(by_document))
        idf = math.log(1 + (count - len(by_document) + 0.5) / (len(by_document) + 0.5))
        norm = frequency + K1 * (1 - B + B * length_array[documents] / average)
        postings[term] = (documents, (idf * frequency * (K1 + 1) / norm).astype(np.float32))
    return postings


def _synonym_map(groups: Iterable[Iterable[str]], language: str) -> dict[str, frozenset[str]]:
    """Each stem of a group's words points to the other stems of its group (groups may share a word)."""
    mapping: defaultdict[str, set[str]] = defaultdict(set)
    for group in groups:
        members = {term for text in group for word in content_words(text, language) for term in stems(word, language)}
        for term in members:
            mapping[term] |= members - {term}
    return {term: frozenset(others) for term, others in mapping.items()}
