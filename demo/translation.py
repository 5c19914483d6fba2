"""Demo translations through wagtail-localize, so translators see them as synced translations.

The English text comes from a "twin": an unsaved instance built with the same structure as the source
(same StreamField block ids, same child-object translation keys) but English values. Its segments are
matched to the source's segments path by path, stored as StringTranslations, then the target is saved.
"""

import json
from collections import defaultdict

from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from wagtail.models import Page

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# Bookkeeping that changes without any edit of the content (children added, revisions saved).
IGNORED_KEYS = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "last_published_at",
    "has_unpublished_changes",
    "draft_title",
}


def _same_content(old_json, new_json):
    def strip(data):
        return {key: value for key, value in json.loads(data).items() if key not in IGNORED_KEYS}

    return strip(old_json) == strip(new_json)


def _content_json(instance):
    """The instance as wagtail-localize stores it in TranslationSource.content_json."""
    if isinstance(instance, ClusterableModel):
        return instance.to_json()
    return json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)


def _twin_values(twin):
    strings, overrides = defaultdict(list), {}
    for segment in extract_segments(twin):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
        elif isinstance(segment, OverridableSegmentValue):
            overrides[segment.path] = segment.data
    return strings, overrides


def _store_strings(source, locale, strings):
    changed = False
    by_path = defaultdict(list)
    for segment in StringSegment.objects.filter(source=source).select_related("context", "string").order_by("order"):
        by_path[segment.context.path].append(segment)
    for path, segments in by_path.items():
        texts = strings.get(path)
        if texts is None or len(texts) != len(segments):
            raise ImproperlyConfigured(
                f"Demo translation of {source.object_repr!r} does not match its source at {path!r}: "
                f"{len(segments)} source segment(s), {len(texts or [])} translated."
            )
        for segment, text in zip(segments, texts, strict=True):
            translation, created = StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
            if not created and (translation.data != text or translation.has_error):
                translation.data = text
                translation.has_error = False
                translation.save()
                changed = True
            changed = changed or created
    return changed


def _store_overrides(source, locale, overrides):
    changed = False
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        wanted = overrides.get(segment.context.path)
        if wanted is None or wanted == segment.data:
            continue
        override = SegmentOverride.objects.filter(locale=locale, context=segment.context).first()
        if override is None:
            SegmentOverride.objects.create(locale=locale, context=segment.context, data_json=json.dumps(wanted))
            changed = True
        elif override.data != wanted:
            override.data_json = json.dumps(wanted)
            override.has_error = False
            override.save()
            changed = True
    return changed


def sync_translation(instance, twin, locale, *, user=None):
    """Create or update the `locale` translation of `instance` with the texts of `twin`; return the translation.

    Idempotent: when neither the source nor the translated texts changed, nothing is saved (no new revision).
    Pages are published at once (not on commit) so the rest of the seed sees them live.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    previous = TranslationSource.objects.get_for_instance_or_none(instance)
    previous_update = previous.last_updated_at if previous else None
    if previous is not None and _same_content(previous.content_json, _content_json(instance)):
        source = previous  # only tree or revision bookkeeping moved (e.g. another app added a child page)
    else:
        source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    changed = created or source.last_updated_at != previous_update
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
        changed = True

    strings, overrides = _twin_values(twin)
    changed = _store_strings(source, locale, strings) or changed
    changed = _store_overrides(source, locale, overrides) or changed

    try:
        target = translation.get_target_instance()
    except models.ObjectDoesNotExist:
        target = None
    if target is not None and not changed:
        return target.specific if isinstance(target, Page) else target

    is_page = isinstance(instance, Page)
    target, _created = source.create_or_update_translation(
        locale, user=user, publish=not is_page, copy_parent_pages=True, fallback=True
    )
    if is_page:
        target.get_latest_revision().publish(user=user)
        # A fresh instance: the one built by wagtail-localize keeps stale in-memory child relations (tags).
        target = Page.objects.get(pk=target.pk).specific
    return target
