"""A person's permissions read from the shared cache instead of two `auth_permission` queries per request.

Django's ModelBackend keeps a user's permissions on the user object, so every request (a new user object)
asks the database twice: once for the user's own permissions, once for their groups'. Every page a member
sees paid those two queries (Wagtail's user bar asks `wagtailadmin.access_admin`). This backend, listed
first in AUTHENTICATION_BACKENDS, keeps the two sets in the cache under a generation that any change of
groups, group permissions or user permissions replaces, and leaves them on the user object where the next
backends (ModelBackend, allauth's) find them: they ask nothing more. It authenticates nobody.

Only with a cache shared by every worker (PAGE_CACHE_SECONDS > 0, i.e. Redis): otherwise a change made in
one process would not reach the others, and the backend asks the database like ModelBackend.
"""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

GENERATION_KEY = "permissions:generation"
TIMEOUT = 60 * 60


def _enabled():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def _user_key(user):
    return f"permissions:user:{user.pk}"


class CachedPermissionsBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        return None  # ModelBackend and allauth authenticate; this backend only answers permission checks

    def _get_permissions(self, user_obj, obj, from_name):
        if (
            _enabled()
            and user_obj.is_active
            and not user_obj.is_anonymous
            and obj is None
            and not hasattr(user_obj, f"_{from_name}_perm_cache")
        ):
            self._load(user_obj)
        return super()._get_permissions(user_obj, obj, from_name)

    def _load(self, user_obj):
        """Put both sets on the user object: from the cache when it holds them for the current generation,
        else from the database (then kept for the next request). One cache round trip when warm."""
        key = _user_key(user_obj)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if (
            generation is not None
            and entry is not None
            and len(entry) == 5
            and entry[:2] == (generation, user_obj.is_superuser)
        ):
            user_obj._user_perm_cache, user_obj._group_perm_cache, user_obj._escale_group_names = entry[2:]
            return
        if generation is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            generation = cache.get(GENERATION_KEY)
        user_perms = super()._get_permissions(user_obj, None, "user")
        group_perms = super()._get_permissions(user_obj, None, "group")
        names = frozenset(user_obj.groups.values_list("name", flat=True))
        user_obj._escale_group_names = names
        cache.set(key, (generation, user_obj.is_superuser, user_perms, group_perms, names), TIMEOUT)


def group_names(user):
    """The names of `user`'s groups, from the same cache entry as their permissions (no query when warm)."""
    if not hasattr(user, "_escale_group_names"):
        if _enabled() and user.is_active and not user.is_anonymous:
            CachedPermissionsBackend()._load(user)
        else:
            user._escale_group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._escale_group_names


def forget_all_permissions(**kwargs):
    """New generation now and after the commit (a request between the two may have cached old sets)."""
    if kwargs.get("raw"):
        return
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


def connect():
    user_model = get_user_model()
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(forget_all_permissions, sender=through, dispatch_uid=f"perm_cache_{through.__name__}")
    for model in (Group, Permission):
        post_save.connect(forget_all_permissions, sender=model, dispatch_uid=f"perm_cache_save_{model.__name__}")
        post_delete.connect(forget_all_permissions, sender=model, dispatch_uid=f"perm_cache_del_{model.__name__}")
