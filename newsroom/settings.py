"""Settings for Newsroom, read from the environment (every variable is in the README)."""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from newsroom.database import embedded as embedded_postgres

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "")
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# "production" is what `make run` serves; it refuses to invent a secret key.
ENVIRONMENT = os.environ.get("NEWSROOM_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"
DEBUG = env_bool("DEBUG")


def development_secret_key() -> str:
    """A key generated once per checkout, so sessions survive restarts in development."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when NEWSROOM_ENV=production.")
    SECRET_KEY = development_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
PORT = int(os.environ.get("PORT", "8000"))

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",
    "newsroom.apps.NewsroomConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "articles",
]

MIDDLEWARE = [
    # First, so that everything after it sees the reader's address behind a proxy.
    "newsroom.proxies.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that reads the database: refuses NUL, control characters, huge parameters.
    "newsroom.request_checks.RequestChecksMiddleware",
    # Bounds every query of the request, the session's and the page's alike.
    "newsroom.database.timeouts.StatementTimeoutMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.database.routers.ReplicaReadsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # ETags and 304 answers; beneath the others, so that a 304 still gets their headers.
    "django.middleware.http.ConditionalGetMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Persistent connections with health checks: a new backend per request halves
# throughput (issue 6), and the checks let workers recover after an outage.
# A short connect timeout turns an unreachable database into a quick 503.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_PROBE_SECONDS = float(os.environ.get("DATABASE_PROBE_SECONDS", "0.8"))
# The longest a query may run for a reader's page, and for the admin (newsroom/database/timeouts.py).
DATABASE_STATEMENT_SECONDS = float(os.environ.get("DATABASE_STATEMENT_SECONDS", "2"))
DATABASE_ADMIN_STATEMENT_SECONDS = float(os.environ.get("DATABASE_ADMIN_STATEMENT_SECONDS", "20"))
# libpq options for every connection. Over TCP, keepalives and a user timeout let the
# kernel notice a host that has vanished mid-query (unacknowledged data for 5 s).
CONNECTION_OPTIONS = {
    "connect_timeout": DATABASE_CONNECT_TIMEOUT,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 5000,
}
if os.environ.get("DATABASE_URL"):
    _database = dj_database_url.parse(os.environ["DATABASE_URL"])
else:
    _database = embedded_postgres.database_settings(VAR_DIR / "pgdata")
_database.update(
    # Django's PostgreSQL backend, with quick give-up on a frozen server (newsroom/database/backend/base.py).
    ENGINE="newsroom.database.backend",
    CONN_MAX_AGE=int(os.environ.get("CONN_MAX_AGE", "60")),
    CONN_HEALTH_CHECKS=True,
    OPTIONS={**CONNECTION_OPTIONS, **_database.get("OPTIONS", {})},
)
if os.environ.get("TEST_DATABASE_NAME"):  # lets several test runs share one server
    _database["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
DATABASES = {"default": _database}

# Read-only replicas: reads of public pages go to them, writes to the primary
# (newsroom/database/routers.py). Comma-separated URLs; unset means one database.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", "")):
    DATABASES[f"replica{_number}"] = {
        **dj_database_url.parse(_url),
        "ENGINE": "newsroom.database.backend",
        "CONN_MAX_AGE": _database["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": CONNECTION_OPTIONS,
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["newsroom.database.routers.ReplicaRouter"]

# The cache is local memory in each process unless CACHE_URL names a Redis server,
# which every app server then shares (page cache invalidation: articles/caching.py).
if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
            "KEY_PREFIX": "newsroom",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while an account+address is locked
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify, and are upgraded to Argon2 at the next login.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Security (issue 7). Scored in tests/ops/test_security_headers.py. ---------------
# Login throttling per account *and* address, so one attacker cannot lock out an
# editor from elsewhere; the same answer whether or not the username exists.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed: the address
# throttled and logged is then the reader's, not the proxy's (newsroom/proxies.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "login_locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Two-factor login (TOTP) is optional for staff who set up a device, and
# mandatory for every staff account when ADMIN_REQUIRE_2FA is on.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA")
OTP_TOTP_ISSUER = "Newsroom"

# A strict Content-Security-Policy: only our own origin, no inline code at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

# Production is served over TLS (behind a proxy that sets X-Forwarded-Proto);
# `make run` serves plain HTTP on loopback and says so with HTTPS=off.
HTTPS = PRODUCTION and env_bool("HTTPS", default=True)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 63072000  # two years
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    # __Host- cookies are Secure, host-only and path-wide: a subdomain cannot plant them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

LANGUAGE_CODE = "en"
# The languages an article's own labels, dates and reading time are shown in (locale/);
# an article in any other language shows them in LANGUAGE_CODE.
LANGUAGES = [("en", "English"), ("he", "Hebrew"), ("ar", "Arabic")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Production serves hashed, compressed files made by collectstatic; development and
# tests serve straight from static/ so that they need no collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
# Files browsers ask for at the site's root, whatever page they are on: /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

# Uploaded photos go to an S3-compatible object store (AWS S3, MinIO, Cloudflare R2…)
# when AWS_STORAGE_BUCKET_NAME names a bucket; boto3 reads AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY. Readers fetch the photos from MEDIA_URL (the bucket's public
# address, or a CDN's in front of it) at plain, lasting addresses, since article bodies
# are stored rendered; so this site's own /media/ view is off (newsroom/urls.py) and
# the Content-Security-Policy lets images come from there.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "").rstrip("/")
    MEDIA_URL = os.environ.get("MEDIA_URL") or (
        f"{AWS_S3_ENDPOINT_URL}/{AWS_STORAGE_BUCKET_NAME}/"
        if AWS_S3_ENDPOINT_URL
        else f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com/"
    )
    _media = urlsplit(MEDIA_URL)
    if _media.scheme not in ("http", "https") or not _media.netloc:
        raise ImproperlyConfigured("MEDIA_URL must be an http(s) address when photos go to S3.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Other S3 servers are addressed as endpoint/bucket/key (MinIO needs no DNS).
            "addressing_style": "path" if AWS_S3_ENDPOINT_URL else None,
            "url_protocol": f"{_media.scheme}:",
            "custom_domain": (_media.netloc + _media.path).rstrip("/"),
            "querystring_auth": False,  # unsigned: a signed address would expire in stored pages
            "file_overwrite": False,  # a second "photo.jpg" gets a name of its own, as on disk
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_media.scheme}://{_media.netloc}")

SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")
# Seconds a rendered public page is kept; 0 switches the page cache off (articles/caching.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Seconds the section nav and related-articles fragments are kept, page cache or not; 0: off.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))
# Dotted path of a function called with surrogate keys to purge when content changes.
CDN_PURGE_HOOK = os.environ.get("CDN_PURGE_HOOK", "")
ARTICLES_PER_PAGE = 20
# Serve /bench/baseline, the benchmark's constant page; bench/run.py sets it for its server.
BENCH_BASELINE = env_bool("BENCH_BASELINE")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A 503 is an outage the database backend logs once, or a statement timeout
    # newsroom/views.py logs in one line; a refused permission is a normal answer:
    # neither logs a traceback per request.
    "filters": {
        "no_503": {"()": "newsroom.views.Not503"},
        "refusals": {"()": "articles.desk.errors.RefusalsWithoutTraceback"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["no_503", "refusals"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
