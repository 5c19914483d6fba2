"""Local development: `make run` (SQLite, console e-mail, debug on)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Care data encryption: fixed dev-only keys unless the environment sets real ones.
FIELD_ENCRYPTION_KEY = env.list("FIELD_ENCRYPTION_KEY", default=["dev-only-care-key"])
SALT_KEY = env.list("SALT_KEY", default=["dev-only-care-salt"])
