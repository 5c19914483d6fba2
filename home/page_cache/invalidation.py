"""Forget every cached public page when something a visitor can see changes.

Pages show each other (menus, latest news, upcoming sessions with the seats left), so any change starts a
new cache generation rather than hunting the pages concerned. Triggers: any page saved, published,
unpublished, moved or deleted; sites, locales, view restrictions, images, documents and site settings;
every model of `home` and `activities` (sessions, places, themes, bookings: the seats left are on the
home page, the agenda and the activity pages). Connected in HomeConfig.ready().
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.page_cache.store import new_generation

PUBLIC_CONTENT_APPS = {"home", "activities"}
PUBLIC_CONTENT_MODELS = (
    Page,
    Site,
    Locale,
    BaseViewRestriction,
    AbstractImage,
    AbstractDocument,
    BaseSiteSetting,
    BaseGenericSetting,
)


def shows_on_public_pages(model):
    return model._meta.app_label in PUBLIC_CONTENT_APPS or issubclass(model, PUBLIC_CONTENT_MODELS)


def invalidate_public_pages():
    """New generation now, and again once the transaction commits: a page rendered in between (from data
    not yet committed, or already stale) is stored under the intermediate generation and never served."""
    new_generation()
    transaction.on_commit(new_generation)


# Saving a draft only touches these columns of the live page: nothing a visitor sees.
DRAFT_ONLY_FIELDS = {"draft_title", "has_unpublished_changes", "latest_revision", "latest_revision_created_at"}


def _on_model_change(sender, **kwargs):
    if kwargs.get("raw") or not shows_on_public_pages(sender):
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and issubclass(sender, Page) and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    invalidate_public_pages()


def _on_page_event(sender, **kwargs):
    invalidate_public_pages()


def connect():
    post_save.connect(_on_model_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(_on_model_change, dispatch_uid="page_cache_post_delete")
    page_published.connect(_on_page_event, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page_event, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="page_cache_moved")
