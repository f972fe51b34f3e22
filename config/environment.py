"""Read configuration from the process environment and an optional `.env` file.

Values already in the environment win over the file. Only `config/settings.py` uses this module.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class ConfigurationError(RuntimeError):
    """A setting is missing or malformed; the message says which and how to fix it."""


def load_env_file(path: Path) -> None:
    """Copy KEY=VALUE lines from `path` into os.environ unless already set."""
    if not path.is_file():
        return
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    raise ConfigurationError(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}, not {value!r}")


def integer(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ConfigurationError(f"{name} must be a whole number, not {value!r}") from error


def word_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def dev_secret_key(env_file: Path) -> str:
    """Generate a secret key once for a dev machine and keep it in the git-ignored `.env`."""
    key = secrets.token_urlsafe(50)
    with env_file.open("a", encoding="utf-8") as handle:
        handle.write(f"WEGWIJS_SECRET_KEY={key}\n")
    os.environ["WEGWIJS_SECRET_KEY"] = key
    return key


def prefixed(prefix: str) -> dict[str, str]:
    """All variables starting with `prefix`, keyed by the rest of their name (e.g. mailbox passwords)."""
    return {name[len(prefix) :]: value for name, value in os.environ.items() if name.startswith(prefix)}
