"""Keys, the cache generation and (de)serialisation of cached pages."""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

GENERATION_KEY = "page-cache:generation"


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def new_generation():
    """Forget every cached page at once: entries carry the generation they were made under."""
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def page_key(*, scheme, host, language, text_size, full_path):
    digest = hashlib.sha256(f"{scheme}://{host}{full_path}".encode()).hexdigest()
    return f"page-cache:v2:{language}:{text_size}:{digest}"  # v2: entries are (generation, value)


def lookup(key):
    """(current generation, cached response or None), in one round trip to the cache."""
    generation, entry = lookup_entry(key)
    if entry is None:
        return generation, None
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return generation, response


def store(key, generation, response, timeout):
    """Keep `response` under the generation read *before* it was rendered: if content changed meanwhile,
    the generation moved on and this possibly stale copy is never served."""
    store_entry(key, generation, (response.status_code, list(response.items()), response.content), timeout)


def lookup_entry(key):
    """(current generation, entry stored by `store_entry` under it, or None): one round trip."""
    cache = page_cache()
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        return cache.get(GENERATION_KEY), None
    entry = found.get(key)
    if entry is None or entry[0] != generation:
        return generation, None
    return generation, entry[1]


def store_entry(key, generation, value, timeout):
    """Keep `value` under the generation read before it was made (see `store`)."""
    page_cache().set(key, (generation, value), timeout=timeout)
