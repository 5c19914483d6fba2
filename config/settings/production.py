"""Production: refuses to start without SECRET_KEY and DATABASE_URL."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not env("DATABASE_URL", default=""):
    raise ImproperlyConfigured("DATABASE_URL must be set in production.")
if not (env.list("FIELD_ENCRYPTION_KEY", default=[]) and env.list("SALT_KEY", default=[])):
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY and SALT_KEY must be set in production (care data encryption).")
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind nginx/Caddy every connection comes from the proxy: allauth's login rate limits ("5/5m/ip") must key
# on the visitor's address. Either the number of proxies you run that append to X-Forwarded-For (1 for one
# nginx or Caddy), or a header your proxy sets to the client address and clients cannot forge (X-Real-IP).
# core/checks.py warns in `check --deploy` when neither is set (docs/deploy.md).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", default="") or None
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Scale-out (search/ helper, issue 6): each block is switched on by its environment variable. ---

# Background tasks: RQ on Redis when REDIS_URL is set (worker: `manage.py rqworker default --job-class
# django_tasks_rq.Job`), else the database queue (`manage.py db_worker`), see docs/deploy.md.
if env("REDIS_URL", default=""):
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
    RQ_QUEUES = {"default": {"URL": env("RQ_REDIS_URL", default=env("REDIS_URL")), "DEFAULT_TIMEOUT": 300}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

# Media on S3-compatible storage (django-storages) when a bucket is named; static files stay on WhiteNoise.
S3_BUCKET = env("AWS_STORAGE_BUCKET_NAME", default="") or env("S3_BUCKET", default="")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "default_acl": None,
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=True),
            "file_overwrite": False,
        },
    }

# Structured logs: one JSON object per line on stderr (LOG_FORMAT=text for humans).
if env("LOG_FORMAT", default="json") == "json":
    LOGGING = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "config.jsonlog.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
        "loggers": {"django.db.backends": {"level": "WARNING"}},
    }

# Error tracking, optional: only when SENTRY_DSN is set and sentry-sdk is installed (pip install ".[sentry]").
if env("SENTRY_DSN", default=""):
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
    except ImportError as error:
        raise ImproperlyConfigured("SENTRY_DSN is set but sentry-sdk is not installed.") from error
    sentry_sdk.init(
        dsn=env("SENTRY_DSN"),
        integrations=[DjangoIntegration()],
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,  # members' and caregivers' data never leave the server
    )

# Several sites on one Redis: CACHE_KEY_PREFIX keeps their keys apart (a Redis database number in REDIS_URL too).
if env("CACHE_KEY_PREFIX", default="") and env("REDIS_URL", default=""):
    for _alias, _cache in CACHES.items():
        _cache["KEY_PREFIX"] = f"{env('CACHE_KEY_PREFIX')}-{_alias}"

# Online payment: Stripe when its keys are set. The dummy provider (which "pays" anything) never
# serves real members; without Stripe, members pay at the desk and the site says so.
if not STRIPE_SECRET_KEY:  # noqa: F405
    PAYMENT_VARIANTS = {}
    MEMBERS_ONLINE_PAYMENT_VARIANT = None
