"""Shared fixtures: a bilingual site (French home page, English translation), users per role, clean media."""

import io
import os
import shutil
import tempfile

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Locale, Page, Site

import pytest

from core import roles
from tests import factories
from tests.db_roles import RoleSplit, ensure_role

# Playwright's sync API runs an event loop in the main thread: without this, any ORM call made while a
# browser is open raises SynchronousOnlyOperation (browser tests still do their ORM work before opening it).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = factories.TEST_PASSWORD


@pytest.fixture(scope="session", autouse=True)
def _media_root():
    """Uploaded files go to a throw-away directory, removed when the session ends."""
    media_root = tempfile.mkdtemp(prefix="escale-test-media-")
    with override_settings(MEDIA_ROOT=media_root):
        yield media_root
    shutil.rmtree(media_root, ignore_errors=True)


def _app_role():
    from django.db import connection

    return connection.vendor == "postgresql" and settings.ESCALE_DB_APP_ROLE


@pytest.fixture(scope="session")
def _escale_app_role_exists(django_db_blocker):
    """The application role exists before the test database is migrated (its grants follow migrate)."""
    from django.db import connection

    if _app_role():
        with django_db_blocker.unblock():
            ensure_role(connection, settings.ESCALE_DB_APP_ROLE)


@pytest.fixture(scope="session")
def django_db_setup(_escale_app_role_exists, django_db_setup, django_db_blocker):
    """With ESCALE_DB_APP_ROLE set on PostgreSQL, the tests run as that role (tests/db_roles.py)."""
    from django.db import connection

    if not _app_role():
        yield
        return
    split = RoleSplit(connection.settings_dict["USER"], settings.ESCALE_DB_APP_ROLE)
    with django_db_blocker.unblock():
        split.start(connection)
    yield
    with django_db_blocker.unblock():
        split.stop()


@pytest.fixture(autouse=True)
def _clear_caches():
    """Rate-limit counters and cached fragments never leak from one test to the next."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


# --- Site -----------------------------------------------------------------------------------------


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def publish(page, user=None):
    """Publish the latest state of `page` and return it refreshed."""
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


@pytest.fixture
def home_fr(locale_fr, locale_en):
    """The French home page, root of the default site (Wagtail's welcome page removed)."""
    home = factories.HomePageFactory(parent=Page.get_first_root_node(), slug="accueil", locale=locale_fr)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "Escale", home
    site.save()
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
    return home


@pytest.fixture
def home_en(home_fr, locale_en):
    """The English translation of the home page, published."""
    return publish(home_fr.copy_for_translation(locale_en)).specific


@pytest.fixture
def news_index_fr(home_fr):
    return factories.NewsIndexPageFactory(parent=home_fr, intro="Les nouvelles.")


@pytest.fixture
def news_index_en(news_index_fr, home_en, locale_en):
    return publish(news_index_fr.copy_for_translation(locale_en)).specific


# --- Users ----------------------------------------------------------------------------------------


@pytest.fixture
def password():
    """The password of every user built by `make_user`."""
    return PASSWORD


@pytest.fixture
def make_user(db):
    """Build a user with a verified e-mail address (allauth), optionally in a staff role group."""
    return factories.make_user


@pytest.fixture
def editor(make_user):
    return make_user("redaction@escale.example", role=roles.EDITOR)


@pytest.fixture
def coordinator(make_user):
    return make_user("coordination@escale.example", role=roles.COORDINATOR)


@pytest.fixture
def social_worker(make_user):
    return make_user("social@escale.example", role=roles.SOCIAL_WORKER)


@pytest.fixture
def psychologist(make_user):
    return make_user("psy@escale.example", role=roles.PSYCHOLOGIST)


@pytest.fixture
def administrator(make_user):
    return make_user("admin@escale.example", role=roles.ADMINISTRATOR)


@pytest.fixture
def member(make_user):
    return make_user("membre@escale.example")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# --- Demo content (browser tests) -----------------------------------------------------------------


@pytest.fixture
def seeded(django_db_serialized_rollback):
    """The demo site of `manage.py seed_demo`, committed so that a live server thread sees it.

    Serialized rollback restores what the migrations created (root page, locales, groups) before
    the test, since the transactional test before this one flushed the database.
    """
    call_command("seed_demo", stdout=io.StringIO())
