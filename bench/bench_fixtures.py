# ruff: noqa: T201 - a command-line script: it prints its answer
"""For `make bench`: a news page and an activity page to measure, and a member's signed-in session cookie.

Run with the bench's production environment (DJANGO_SETTINGS_MODULE, DATABASE_URL...); prints one JSON line.
"""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django.setup()

from django.conf import settings  # noqa: E402 - after django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from activities.models import ActivityPage, Session  # noqa: E402
from home.models import NewsPage  # noqa: E402

BENCH_MEMBER = "membre-bench@escale.example"


def member_session_key():
    user, _created = get_user_model().objects.get_or_create(
        username="membre-bench", defaults={"email": BENCH_MEMBER, "first_name": "Bench"}
    )
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def main():
    news = NewsPage.objects.live().public().filter(locale__language_code="fr").order_by("-date", "-pk").first()
    upcoming = Session.objects.filter(start__gte=timezone.now()).order_by("start").values_list("activity", flat=True)
    activity = ActivityPage.objects.live().filter(pk__in=upcoming[:50]).first() or ActivityPage.objects.live().first()
    print(
        json.dumps(
            {
                "news": news.url if news else None,
                "activity": activity.url if activity else None,
                "member_session": member_session_key(),
                "session_cookie": settings.SESSION_COOKIE_NAME,
            }
        )
    )


if __name__ == "__main__":
    main()
