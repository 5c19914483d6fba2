"""What the search keeps in the cache and when it forgets it: one generation number, bumped on publish.

Every cached search value (suggestion vocabulary, themes, promoted queries, suggestion answers) has the
generation in its key. Publishing, unpublishing or deleting a page, changing a place, a theme, a promotion
or a page's privacy bumps it: the next request rebuilds, the old keys simply expire.
"""

import hashlib
import time

from django.core.cache import cache

GENERATION_KEY = "search:generation"
# {name: (key, value)}: the suggestion vocabulary is kept in the worker's memory too. It holds every page
# title, and unpickling it from Redis for each keystroke would cost more than the lookup itself.
_local = {}


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Start from the clock, not from 1: after an eviction, keys of an old generation never come back.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def forget_everything(**kwargs):
    """Signal receiver: searchable content changed, every cached search value is stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or evicted): the next read starts a fresh one
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    _local.clear()


def remember(name, build, *, timeout, in_memory=False):
    """The cached value `name` of the current generation, built by `build()` when missing."""
    # Hashed: names carry the visitor's words (spaces, any length), which cache keys must not.
    digest = hashlib.sha256(name.encode()).hexdigest()[:40]
    key = f"search:{generation()}:{digest}"
    if in_memory and _local.get(name, (None, None))[0] == key:
        return _local[name][1]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    if in_memory:
        _local[name] = (key, value)  # one entry per name: memory stays bounded
    return value
