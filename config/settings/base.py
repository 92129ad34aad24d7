"""
Prima settings, read from environment variables.

Production differs from development only by the environment: set DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS and DATABASE_URL, and leave DJANGO_DEBUG unset.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PRIMA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Return the boolean value of an environment variable such as 1/0, true/false."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Return a comma-separated environment variable as a list of non-empty items."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def development_secret_key() -> str:
    """Return a key generated once per checkout, for local development only."""
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (
    development_secret_key() if DEBUG else ""
)
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for a local development key)."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "prima.core",
    "prima.accounts",
    "prima.organisations",
    "prima.standards",
    "prima.portal",
    "prima.surveys",
    "prima.complaints",
    "prima.innovations",
    "prima.competitions",
    "prima.programmes",
    "prima.evaluations",
    "prima.dashboard",
    "prima.jobs",
    "django_tasks",
    "django_tasks_db",
    "prima.api",
    # Django Ninja's templates and static files: the API docs page serves Swagger UI
    # from this site (no CDN), which the Content-Security-Policy requires.
    "ninja",
    "prima.queues",
]
# The demo city creates a superuser whose password is published in the README, so only
# development (DJANGO_DEBUG=1, as `make demo` runs) and the test settings install the
# app that holds the ``demo_data`` command; production cannot run it by mistake.
if DEBUG:
    INSTALLED_APPS.append("prima.demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside all the others, so every response gets the headers, redirects included.
    "prima.core.middleware.SecurityHeadersMiddleware",
    # Before every middleware that reads or changes the body, so it compresses the
    # final page; a reverse proxy may compress instead (README, "Compression").
    "prima.core.middleware.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "prima.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "prima" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'prima.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A statement that binds its parameters on the server is prepared once it has run
    # this many times on a connection (psycopg's default; Django's is never). Only the
    # SKM submission binds on the server (``prima.surveys.services``): its planning
    # costs PostgreSQL more than its writes. Set it empty behind a pooler that does
    # not keep prepared statements (PgBouncer in transaction mode before 1.21 or
    # without ``max_prepared_statements``).
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = (
        int(os.environ.get("DATABASE_PREPARE_THRESHOLD", "5") or 0) or None
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. In WAL mode readers never wait for it;
    # BEGIN IMMEDIATE takes the write lock when a transaction starts, so a writer
    # that read first never finds the lock gone ("database is locked" at once) but
    # queues for up to ``timeout`` seconds. NORMAL sync is safe with WAL: a power
    # cut may lose the last commits, never the database.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Django's backend behind the limits on guessing passwords (prima.accounts.throttle).
AUTHENTICATION_BACKENDS = ["prima.accounts.backends.ThrottledModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:staff-home"
LOGOUT_REDIRECT_URL = "portal:home"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "prima" / "locale"]
TIME_ZONE = os.environ.get("PRIMA_TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
# Our own display formats first ("4 Oktober 2026"), Django's locale files for the rest.
FORMAT_MODULE_PATH = ["prima.core.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "prima" / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # collectstatic writes a gzipped copy of each text file for nginx's gzip_static.
    "staticfiles": {
        "BACKEND": "prima.core.staticfiles.PrecompressedStaticFilesStorage"
    },
}
# Uploads live outside the web root and are served through views that check scope.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))

CACHES = {
    # Per-process: cheap lookups such as a unit's questionnaire (kept for a minute).
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Shared by every worker on the host: the once-a-day marker of the innovation
    # coverage reminder. Rate limits count in the database (prima.core.ratelimit).
    "shared": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
    },
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "prima@localhost")

# Security: strict unless DEBUG; a reverse proxy terminates TLS and sets the header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sent by prima.core.middleware.SecurityHeadersMiddleware. Nothing inline: JavaScript
# only as files under static/js loaded with <script src defer>, styles only from
# static/css, charts as SVG with presentation attributes (fill=, stroke=).
PRIMA_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
# Browser features Prima never uses, refused to every page and anything it embeds.
PRIMA_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("PRIMA_LOG_LEVEL", "INFO"),
    },
}

# How many reverse proxies in front of the app append to X-Forwarded-For (1 behind
# nginx); 0 trusts only the socket address.
PRIMA_TRUSTED_PROXIES = int(os.environ.get("PRIMA_TRUSTED_PROXIES", "0"))

# The site's address as staff and citizens reach it, for links in e-mails (which have
# no request to take a host from). By default the first allowed host over https, or
# the development server with DJANGO_DEBUG.
PRIMA_BASE_URL = (
    os.environ.get("PRIMA_BASE_URL")
    or (
        "http://127.0.0.1:8000"
        if DEBUG or not ALLOWED_HOSTS or ALLOWED_HOSTS[0] == "*"
        else f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
    )
).rstrip("/")
# How long the link of an invitation to set a password stays valid.
PRIMA_INVITATION_DAYS = int(os.environ.get("PRIMA_INVITATION_DAYS", "3"))

# Calls to /api/v1/ allowed per minute from one client address and with one token
# (a staff member's or a kiosk's), counted by prima.core.ratelimit.
PRIMA_API_RATE_PER_ADDRESS = int(os.environ.get("PRIMA_API_RATE_PER_ADDRESS", "120"))
PRIMA_API_RATE_PER_TOKEN = int(os.environ.get("PRIMA_API_RATE_PER_TOKEN", "600"))

# The licence of the open datasets (/data/) and their DCAT catalogue, as a URI.
PRIMA_OPEN_DATA_LICENSE = os.environ.get(
    "PRIMA_OPEN_DATA_LICENSE", "https://creativecommons.org/licenses/by/4.0/"
)

# Messages to queue visitors who leave a phone number (prima/queues/notify.py): a
# WhatsApp/SMS provider's endpoint that takes JSON, its bearer token, and how long to
# wait for it. Without a URL the messages go to the log. PRIMA_NOTIFY_GATEWAY may
# name another gateway class instead.
PRIMA_NOTIFY_URL = os.environ.get("PRIMA_NOTIFY_URL", "")
PRIMA_NOTIFY_TOKEN = os.environ.get("PRIMA_NOTIFY_TOKEN", "")
PRIMA_NOTIFY_TIMEOUT = float(os.environ.get("PRIMA_NOTIFY_TIMEOUT", "3"))
PRIMA_NOTIFY_GATEWAY = os.environ.get("PRIMA_NOTIFY_GATEWAY", "")

PRIMA_DEMO_PASSWORD = os.environ.get("PRIMA_DEMO_PASSWORD", "prima-demo-2026")
# Two years of SKM answers for the demo city; tests load fewer.
PRIMA_DEMO_SURVEY_RESPONSES = int(
    os.environ.get("PRIMA_DEMO_SURVEY_RESPONSES", "80000")
)

# Background work (large exports) runs on the database queue; `prima db_worker` (or
# `manage.py db_worker`) executes it (docs/adr/0011-background-tasks.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
