"""Settings shared by every environment; deployment choices come from the environment."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "core",
    "home",
    "activities",
    "members",
    "partners",
    "newsletter",
    "care",
    "solidarity",
    "indicators",
    "search",
    "demo",  # last: the demo data uses every app above, none of them uses it
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "payments",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication: a cached public page costs no database query (docs/deploy.md).
    "home.page_cache.middleware.PublicPageCacheMiddleware",
    # Site, locales, settings, view restrictions and routes remembered per process and content generation.
    "home.lookup_cache.LookupCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.RejectNullCharactersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.RequireStaffMFAMiddleware",
    "members.middleware.StaffOnlyAdminMiddleware",
    # After authentication and messages: members get the shared body, their own parts filled in.
    "home.page_cache.member.MemberPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` has three processes on one SQLite file (web, task worker, scheduler): write-ahead logging lets
    # readers run beside a writer, IMMEDIATE transactions take the write lock up front (no lock-upgrade
    # deadlock), and a writer waits up to 20 s for another instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
# PostgreSQL: the role the application connects with, when migrations run as another one (the tables'
# owner): `migrate` grants it data rights but only SELECT/INSERT on the append-only logs (core.db_roles).
ESCALE_DB_APP_ROLE = env("ESCALE_DB_APP_ROLE", default="")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when configured (shared by all workers: allauth rate limits rely on it),
# else a per-process memory cache, enough for one `make run` process.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "escale",
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "escale-renditions",
            "TIMEOUT": 60 * 60 * 24,
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
    }

# Full-page cache of public pages for anonymous visitors (home/page_cache/, docs/deploy.md "Caching").
# On by default only with Redis: every worker must see the same copies and the same invalidations.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300 if REDIS_URL else 0)
PAGE_CACHE_VIEWS = {
    "wagtail_serve",  # every Wagtail page: home, standard pages, news index and news, activities
    "activities:agenda",
    "activities:programme",
    "activities:session_detail",
}
# Served to members from the shared body (home/page_cache/member.py). Not the booking page: it is personal
# throughout and shows the seats left live.
MEMBER_PAGE_CACHE_VIEWS = PAGE_CACHE_VIEWS - {"activities:session_detail"}
# How long a search ranking (page ids and total) is reused; emptied on every publish. 0 turns it off.
SEARCH_RESULTS_CACHE_SECONDS = env.int("SEARCH_RESULTS_CACHE_SECONDS", default=60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: answers permission checks from the cache (no auth_permission query per request); authenticates nobody.
    "core.permission_cache.CachedPermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: bounded so a crafted file cannot exhaust memory or disk.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt", "rtf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Wagtail
WAGTAIL_SITE_NAME = "Escale"
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the CSP allows no third-party image (and an e-mail hash would leave the site); the admin shows
# Wagtail's own default avatar or the one a user uploads.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Passwords are reset through allauth (rate-limited), never through a second form in the admin.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# Search (search/): the database backend by default; on PostgreSQL with the `french_unaccent`
# configuration created by search/migrations/0001. Elasticsearch or OpenSearch only when its URL is set.
if "postgresql" in DATABASES["default"]["ENGINE"]:
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
if env("ELASTICSEARCH_URL", default="") or env("OPENSEARCH_URL", default=""):
    from search.backends import external_search_backend

    WAGTAILSEARCH_BACKENDS = {"default": external_search_backend(env)}
WAGTAIL_WORKFLOW_ENABLED = True
# `make bench` only: adds /bench/, a bare Django view used as the throughput ceiling.
BENCHMARK_VIEWS = env.bool("BENCHMARK_VIEWS", default=False)
WAGTAILSEARCH_HITS_MAX_AGE = 14

# Care (confidential follow-up, care/): keys that encrypt case data at rest, and retention.
# Comma-separated: the first passphrase/salt encrypts, the others still decrypt (key rotation, docs/privacy.md).
FIELD_ENCRYPTION_KEY = env.list("FIELD_ENCRYPTION_KEY", default=[])
SALT_KEY = env.list("SALT_KEY", default=[])
CARE_RETENTION_DAYS = env.int("CARE_RETENTION_DAYS", default=730)

# Bookings (activities/services.py): how long a booker may wait for a session's row lock, in seconds. Each
# holder keeps it a few milliseconds, so a busy moment only means queueing; this bound protects the database
# from a stuck transaction (keep it below GUNICORN_TIMEOUT, 60 s by default).
ACTIVITIES_LOCK_TIMEOUT = env.float("ACTIVITIES_LOCK_TIMEOUT", default=30)

# Background tasks: database queue by default (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Accounts (django-allauth): e-mail login, mandatory verification, rate limits on.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Escale] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Members (members/): sign-up asks for the profile and consents; TOTP required for care roles and administrators.
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
MEMBERS_REQUIRE_STAFF_MFA = env.bool("MEMBERS_REQUIRE_STAFF_MFA", default=True)

# Payments (django-payments): the dummy provider unless Stripe keys are in the environment.
PAYMENT_MODEL = "members.Payment"
PAYMENT_HOST = env("PAYMENT_HOST", default="127.0.0.1:8000")
PAYMENT_USES_SSL = env.bool("PAYMENT_USES_SSL", default=False)
PAYMENT_VARIANTS = {"dummy": ("payments.dummy.DummyProvider", {})}
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
if STRIPE_SECRET_KEY:
    PAYMENT_VARIANTS["stripe"] = (
        "payments.stripe.StripeProviderV3",
        {"api_key": STRIPE_SECRET_KEY, "endpoint_secret": env("STRIPE_WEBHOOK_SECRET", default=None)},
    )
MEMBERS_ONLINE_PAYMENT_VARIANT = "stripe" if STRIPE_SECRET_KEY else "dummy"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Escale <contact@escale.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content-Security-Policy (django-csp 4). Wagtail's admin needs inline styles/scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Wagtail marks its preview views SAMEORIGIN itself; everything else is never framed.
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

ESCALE_DEMO_PASSWORD_HINT = _("Mot de passe de démonstration")

# Partners directory: the map is a progressive enhancement, shown only with a tiles URL (e.g. an OSM tile server
# the association may use, "https://tile.example.org/{z}/{x}/{y}.png"); the list works without it.
PARTNERS_MAP_TILES_URL = env("PARTNERS_MAP_TILES_URL", default="")
