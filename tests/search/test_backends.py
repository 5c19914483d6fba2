"""Search backend selection by environment, and the Elasticsearch/OpenSearch index when a server is given."""

import json
import os
import subprocess
import sys

from django.conf import settings

import pytest

from search.backends import FRENCH_INDEX_SETTINGS

PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default'], default=str))"
)


def backend_settings(**env):
    """WAGTAILSEARCH_BACKENDS["default"] as config.settings.test builds it in a fresh process with `env`."""
    clean = {k: v for k, v in os.environ.items() if k not in ("ELASTICSEARCH_URL", "OPENSEARCH_URL", "DATABASE_URL")}
    clean.update(DJANGO_SETTINGS_MODULE="config.settings.test", **env)
    out = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", PROBE], env=clean, capture_output=True, text=True, check=True, cwd=settings.BASE_DIR
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_database_backend_is_the_default():
    assert backend_settings()["BACKEND"] == "wagtail.search.backends.database"


def test_postgresql_uses_the_french_unaccent_configuration():
    config = backend_settings(DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert config["BACKEND"] == "wagtail.search.backends.database"
    assert config["SEARCH_CONFIG"] == "french_unaccent"


def test_elasticsearch_url_selects_elasticsearch_with_french_analysis():
    config = backend_settings(ELASTICSEARCH_URL="http://es.example:9200")
    assert config["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert config["URLS"] == ["http://es.example:9200"]
    analyzer = config["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]
    assert "asciifolding" in analyzer["filter"]
    assert "french_stemmer" in analyzer["filter"]


def test_elasticsearch_major_version_8_can_be_chosen():
    config = backend_settings(ELASTICSEARCH_URL="http://es:9200", ELASTICSEARCH_VERSION="8")
    assert config["BACKEND"] == "wagtail.search.backends.elasticsearch8"


def test_opensearch_url_selects_opensearch():
    config = backend_settings(OPENSEARCH_URL="https://os.example:9200")
    assert config["BACKEND"] == "wagtail.search.backends.opensearch3"
    config = backend_settings(OPENSEARCH_URL="https://os.example:9200", OPENSEARCH_VERSION="2")
    assert config["BACKEND"] == "wagtail.search.backends.opensearch2"


def test_french_analyzer_folds_accents_before_stemming():
    filters = FRENCH_INDEX_SETTINGS["settings"]["analysis"]["analyzer"]["default"]["filter"]
    assert filters.index("asciifolding") < filters.index("french_stemmer")


SERVER_URL = os.environ.get("ELASTICSEARCH_URL") or os.environ.get("OPENSEARCH_URL")


@pytest.mark.skipif(not SERVER_URL, reason="no ELASTICSEARCH_URL / OPENSEARCH_URL: no search server here")
@pytest.mark.django_db
def test_search_server_finds_accent_free_plural_queries(site_fr):
    """Runs against the real server named by the environment (the settings already point at it)."""
    from django.core.management import call_command

    from search.services import search_site

    call_command("update_index", verbosity=0)
    titles = [page.title for page in search_site("ateliers numeriques", locale=site_fr["atelier"].locale).results]
    assert "Atelier numérique" in titles
