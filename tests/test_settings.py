"""Settings as production sees them, started in a clean subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'debug': settings.DEBUG, 'hasher': settings.PASSWORD_HASHERS[0],"
    " 'hosts': settings.ALLOWED_HOSTS, 'tz': settings.TIME_ZONE, 'lang': settings.LANGUAGE_CODE,"
    " 'secure_cookie': settings.SESSION_COOKIE_SECURE,"
    " 'ssl_redirect': settings.SECURE_SSL_REDIRECT, 'hsts': settings.SECURE_HSTS_SECONDS,"
    " 'engine': settings.DATABASES['default']['ENGINE']}))"
)


def run_settings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("WEGWIJS_", "DATABASE_URL"))}
    clean.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "WEGWIJS_ENV_FILE": str(tmp_path / ".env"),
            "WEGWIJS_DATA_DIR": str(tmp_path / "data"),
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_settings(tmp_path)
    assert result.returncode != 0
    assert "WEGWIJS_SECRET_KEY is required" in result.stderr


def test_production_defaults_are_safe(tmp_path):
    result = run_settings(tmp_path, WEGWIJS_SECRET_KEY="x" * 50)
    values = json.loads(result.stdout)
    assert values == {
        "debug": False,
        "hasher": "django.contrib.auth.hashers.Argon2PasswordHasher",
        "hosts": [],
        "tz": "Europe/Amsterdam",
        "lang": "nl",
        "secure_cookie": True,
        "ssl_redirect": True,
        "hsts": 31_536_000,
        "engine": "django.db.backends.sqlite3",
    }


def test_debug_cannot_be_switched_on_in_production(tmp_path):
    result = run_settings(tmp_path, WEGWIJS_SECRET_KEY="x" * 50, WEGWIJS_DEBUG="1")
    assert json.loads(result.stdout)["debug"] is False


def test_dev_mode_generates_a_secret_once_and_keeps_it(tmp_path):
    first = run_settings(tmp_path, WEGWIJS_MODE="dev")
    assert first.returncode == 0, first.stderr
    env_file = (tmp_path / ".env").read_text()
    assert env_file.count("WEGWIJS_SECRET_KEY=") == 1
    run_settings(tmp_path, WEGWIJS_MODE="dev")
    assert (tmp_path / ".env").read_text() == env_file


def test_database_url_selects_postgresql(tmp_path):
    result = run_settings(tmp_path, WEGWIJS_SECRET_KEY="x" * 50, DATABASE_URL="postgresql://u:p@db.example:5432/w")
    assert json.loads(result.stdout)["engine"] == "django.db.backends.postgresql"


def test_a_malformed_flag_is_a_clear_error(tmp_path):
    result = run_settings(tmp_path, WEGWIJS_MODE="dev", WEGWIJS_DEBUG="maybe")
    assert "WEGWIJS_DEBUG must be one of" in result.stderr
