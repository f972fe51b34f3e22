"""The one settings module. Everything comes from the environment (or `.env`), with safe defaults.

WEGWIJS_MODE is `production` (default), `dev` (make run) or `test` (pytest). Production refuses to start
without a secret key and never turns DEBUG on.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import django_stubs_ext

from config import environment as env

# Lets Django's generic classes be subscripted at run time (forms.ModelForm[Department]) for mypy.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "wegwijs"
ENV_FILE = Path(env.text("WEGWIJS_ENV_FILE", str(Path.cwd() / ".env")))
env.load_env_file(ENV_FILE)

MODE = env.text("WEGWIJS_MODE", "production")
if MODE not in {"production", "dev", "test"}:
    raise env.ConfigurationError(f"WEGWIJS_MODE must be production, dev or test, not {MODE!r}")
IS_DEV = MODE == "dev"
IS_TEST = MODE == "test"

DATA_DIR = Path(env.text("WEGWIJS_DATA_DIR", str(Path.cwd() / "data")))

SECRET_KEY = env.text("WEGWIJS_SECRET_KEY")
if not SECRET_KEY:
    if IS_TEST:
        SECRET_KEY = "test-only-secret-key-not-for-any-real-use-0123456789"
    elif IS_DEV:
        SECRET_KEY = env.dev_secret_key(ENV_FILE)
    else:
        raise env.ConfigurationError(
            "WEGWIJS_SECRET_KEY is required in production mode (or set WEGWIJS_MODE=dev for a dev machine)."
        )

DEBUG = IS_DEV and env.flag("WEGWIJS_DEBUG", True)
ALLOWED_HOSTS = env.word_list(
    "WEGWIJS_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if (IS_DEV or IS_TEST) else []
)
CSRF_TRUSTED_ORIGINS = env.word_list("WEGWIJS_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env.text("WEGWIJS_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "wegwijs.core",
    "wegwijs.tenancy",
    "wegwijs.accounts",
    "wegwijs.audit",
    "wegwijs.helpdesk",
    "wegwijs.knowledge",
    "wegwijs.triage_learning",
    "wegwijs.guide",
    "wegwijs.insights",
    "wegwijs.api",
    "wegwijs.web",
    "wegwijs.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wegwijs.core.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wegwijs.tenancy.middleware.TenantScopeMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wegwijs.web.context.shell",
            ],
        },
    }
]

DATABASE_URL = env.text("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "wegwijs.sqlite3"),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if IS_TEST:
    # Hashing speed only; a test starts production settings in a subprocess and checks Argon2 comes first.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:staff_home"
PASSWORD_RESET_TIMEOUT = 60 * 60  # one hour

# Sessions expire after a period without activity (sliding), and always when the browser closes.
SESSION_IDLE_MINUTES = env.integer("WEGWIJS_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not (IS_DEV or IS_TEST)
CSRF_COOKIE_SECURE = not (IS_DEV or IS_TEST)
LANGUAGE_COOKIE_SECURE = not (IS_DEV or IS_TEST)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a load balancer that sets X-Forwarded-Proto and appends the client to X-Forwarded-For.
BEHIND_PROXY = env.flag("WEGWIJS_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_SSL_REDIRECT = env.flag("WEGWIJS_SSL_REDIRECT", not (IS_DEV or IS_TEST))
SECURE_HSTS_SECONDS = env.integer("WEGWIJS_HSTS_SECONDS", 0 if (IS_DEV or IS_TEST) else 31_536_000)

# Login throttling: failures per e-mail address and per client address within the window.
LOGIN_FAILURE_LIMIT_PER_ACCOUNT = env.integer("WEGWIJS_LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env.integer("WEGWIJS_LOGIN_FAILURE_LIMIT_PER_ADDRESS", 20)
LOGIN_FAILURE_WINDOW_MINUTES = env.integer("WEGWIJS_LOGIN_FAILURE_WINDOW_MINUTES", 15)

# Public question forms: questions per client address and per e-mail address or phone number within
# the window, and how long the private
# follow-up link keeps working after a question is closed.
INTAKE_LIMIT_PER_ADDRESS = env.integer("WEGWIJS_INTAKE_LIMIT_PER_ADDRESS", 5)
INTAKE_LIMIT_PER_CONTACT = env.integer("WEGWIJS_INTAKE_LIMIT_PER_CONTACT", 3)
INTAKE_WINDOW_MINUTES = env.integer("WEGWIJS_INTAKE_WINDOW_MINUTES", 10)
FOLLOW_UP_DAYS_AFTER_CLOSE = env.integer("WEGWIJS_FOLLOW_UP_DAYS_AFTER_CLOSE", 30)
# Knowledge search: how often (seconds) a web process checks whether articles changed since it built its
# index; 0 checks on every search (tests).
KNOWLEDGE_INDEX_CHECK_SECONDS = env.integer("WEGWIJS_KNOWLEDGE_INDEX_CHECK_SECONDS", 0 if IS_TEST else 2)
TRIAGE_MODEL_CHECK_SECONDS = env.integer("WEGWIJS_TRIAGE_MODEL_CHECK_SECONDS", 0 if IS_TEST else 60)
# The help widget's panel may be framed by the login pages of the organisation's digital tools (their
# addresses) and by these origins too (comma-separated; dev: the demo portal page on port 8001).
WIDGET_FRAME_ORIGINS = env.word_list(
    "WEGWIJS_WIDGET_FRAME_ORIGINS", ["http://127.0.0.1:8001", "http://localhost:8001"] if IS_DEV else []
)
# The public API (knowledge search and articles, no token): requests per client address per minute, counted
# per web process (Django's local-memory cache).
API_PUBLIC_LIMIT_PER_MINUTE = env.integer("WEGWIJS_API_PUBLIC_LIMIT_PER_MINUTE", 100_000 if IS_TEST else 120)
# Pictures editors upload for help articles: the largest file accepted.
KNOWLEDGE_IMAGE_MAX_BYTES = env.integer("WEGWIJS_KNOWLEDGE_IMAGE_MAX_BYTES", 2 * 1024 * 1024)
# Incoming e-mail: attachments kept per file and per message, and the types we accept.
ATTACHMENT_MAX_BYTES = env.integer("WEGWIJS_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
ATTACHMENTS_MAX_TOTAL_BYTES = env.integer("WEGWIJS_ATTACHMENTS_MAX_TOTAL_BYTES", 25 * 1024 * 1024)
ATTACHMENT_TYPES = env.word_list(
    "WEGWIJS_ATTACHMENT_TYPES",
    [
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/heic",
        "application/pdf",
        "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/msword",
    ],
)
# Passwords of the helpdesk mailboxes, never stored in the database: WEGWIJS_MAILBOX_PASSWORD_<KEY>=...
# where <KEY> is the mailbox's password key (configured by platform admins).
MAILBOX_PASSWORDS = env.prefixed("WEGWIJS_MAILBOX_PASSWORD_")
MAILBOX_TIMEOUT_SECONDS = env.integer("WEGWIJS_MAILBOX_TIMEOUT_SECONDS", 30)
# How often agents try to reach someone who asked to be called back before giving up.
CALLBACK_ATTEMPTS = env.integer("WEGWIJS_CALLBACK_ATTEMPTS", 3)

OTP_TOTP_ISSUER = "Wegwijs"
OTP_TOTP_THROTTLE_FACTOR = 1

LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("pl", "Polski"),
    ("uk", "Українська"),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": DATA_DIR / "media"}},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (IS_DEV or IS_TEST)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = IS_DEV or IS_TEST

DEFAULT_FROM_EMAIL = env.text("WEGWIJS_EMAIL_FROM", "Wegwijs <noreply@wegwijs.invalid>")
EMAIL_HOST = env.text("WEGWIJS_EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("WEGWIJS_EMAIL_PORT", 25)
EMAIL_HOST_USER = env.text("WEGWIJS_EMAIL_USER")
EMAIL_HOST_PASSWORD = env.text("WEGWIJS_EMAIL_PASSWORD")
EMAIL_USE_TLS = env.flag("WEGWIJS_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
if IS_DEV and not env.text("WEGWIJS_EMAIL_HOST"):
    # A dev machine has no mail server: mails land as files in data/outbox.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "outbox"
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.text("WEGWIJS_LOG_LEVEL", "INFO")},
    # WeasyPrint reports every step of every PDF at INFO; its warnings and errors still show.
    "loggers": {"weasyprint": {"level": "WARNING"}, "weasyprint.progress": {"level": "WARNING"}},
}

# Background work runs from the database: `wegwijs db_worker` on any number of machines.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Outgoing e-mail to people: how often a failed send is tried, and the domain of our Message-IDs.
EMAIL_SEND_ATTEMPTS = env.integer("WEGWIJS_EMAIL_SEND_ATTEMPTS", 5)
EMAIL_MESSAGE_ID_DOMAIN = env.text("WEGWIJS_EMAIL_MESSAGE_ID_DOMAIN", "wegwijs.invalid")

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200
