"""Elasticsearch / OpenSearch settings, selected by config/settings/base.py only when a URL is set."""

# French analysis for every text field: elision (l', d'…), lowercase, accents folded, stop words,
# light French stemming, so "ateliers numeriques" matches "Atelier numérique".
FRENCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
                },
                "french_stop": {"type": "stop", "stopwords": "_french_"},
                "french_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                # "default" is the analyzer Elasticsearch/OpenSearch apply to text fields without one.
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding", "french_stop", "french_stemmer"],
                },
            },
        }
    }
}

BACKENDS = {
    # (environment variable, major version variable, default major, backend module per major)
    "ELASTICSEARCH_URL": (
        "ELASTICSEARCH_VERSION",
        "9",
        {"8": "wagtail.search.backends.elasticsearch8", "9": "wagtail.search.backends.elasticsearch9"},
    ),
    "OPENSEARCH_URL": (
        "OPENSEARCH_VERSION",
        "3",
        {"2": "wagtail.search.backends.opensearch2", "3": "wagtail.search.backends.opensearch3"},
    ),
}


def external_search_backend(env):
    """The WAGTAILSEARCH_BACKENDS["default"] entry for ELASTICSEARCH_URL or OPENSEARCH_URL (Elasticsearch wins)."""
    for url_variable, (version_variable, default_major, modules) in BACKENDS.items():
        url = env(url_variable, default="")
        if not url:
            continue
        major = env(version_variable, default=default_major)
        if major not in modules:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(f"{version_variable} must be one of {', '.join(modules)}.")
        return {
            "BACKEND": modules[major],
            "URLS": [url],
            "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", default="escale_"),
            "TIMEOUT": env.int("SEARCH_TIMEOUT", default=5),
            "INDEX_SETTINGS": FRENCH_INDEX_SETTINGS,
            "OPTIONS": {},
        }
    return None
