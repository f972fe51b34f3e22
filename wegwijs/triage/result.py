"""The triage contract: what `classify` returns (see the Triage engine issue; other code depends on it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ROUTES = ("urgent", "care_provider", "privacy", "helpdesk", "organisation", "general_digital", "feedback")


@dataclass(frozen=True)
class TriageResult:
    language: str  # ISO 639-1, or "und" with too little evidence
    route: str  # one of ROUTES
    topic: str | None  # a taxonomy topic when route is "helpdesk"
    confidence: dict[str, float]  # per field, 0-1
    urgent_reasons: list[str]  # the phrases that made it urgent
    redacted_text: str
    suggested_articles: list[str] = field(default_factory=list)
    model_version: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
