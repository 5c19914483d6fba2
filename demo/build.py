"""Build the demo site of La Maison Escale; every step looks things up first, so it can run again safely."""

import contextlib
import datetime
import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail.signals import page_slug_changed

from home.models import (
    FooterLink,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PracticalInfo,
    SiteSettings,
    SocialLink,
    StandardPage,
)

from .accounts import ensure_accounts
from .images import demo_collection, ensure_image
from .legal import LEGAL_PAGES
from .news import IMAGES, NEWS, NEWS_INDEX
from .pages import HOME, ORGANISATION, PAGES, PRACTICAL_INFO, SOCIAL_LINKS
from .streams import build_stream
from .translation import sync_translation

SITE_NAME = "La Maison Escale"
STREAM_FIELDS = ("body",)


def _fresh(page):
    return Page.objects.get(pk=page.pk).specific


def _differs(page, name, value):
    if name in STREAM_FIELDS:
        return json.loads(json.dumps(list(getattr(page, name).raw_data))) != value
    if name == "tags":
        return sorted(tag.name for tag in page.tags.all()) != sorted(value)
    current = getattr(page, name)
    if hasattr(current, "pk"):
        return current.pk != getattr(value, "pk", value)
    return current != value


def _assign(page, name, value):
    if name in STREAM_FIELDS:
        setattr(page, name, json.dumps(value))
    elif name == "tags":
        page.tags.set(value, clear=True)
    else:
        setattr(page, name, value)


def ensure_page(model, parent, slug, fields, *, locale):
    """Get the child `slug` of `parent` (creating it), set `fields` and publish a revision only if something changed."""
    page = model.objects.child_of(parent).filter(slug=slug, locale=locale).first()
    created = page is None
    if created:
        page = model(slug=slug, locale=locale, **{k: v for k, v in fields.items() if k not in ("body", "tags")})
        parent.add_child(instance=page)
        page = _fresh(page)
    changed = [name for name, value in fields.items() if _differs(page, name, value)]
    for name in changed:
        _assign(page, name, fields[name])
    if created or changed or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
    return _fresh(page)


def _twin(page, values, *, pages, images, key):
    """An unsaved copy of `page` carrying the English `values`, for the wagtail-localize matching."""
    twin = page.__class__.from_json(page.to_json())
    for name, value in values.items():
        if name == "body":
            value = json.dumps(build_stream(key, value, pages=pages, images=images))
        if name != "tags":
            setattr(twin, name, value)
    return twin


def _page_fields(key, spec, *, pages, images, extra=None):
    fields = {name: value for name, value in spec.items() if name not in ("slug", "body")}
    if "body" in spec:
        fields["body"] = build_stream(key, spec["body"], pages=pages, images=images)
    fields.update(extra or {})
    return fields


def news_date(when, today=None):
    """(year offset, month, day) within the last season that ended in January, so texts and seasons agree."""
    today = today or timezone.localdate()
    season_start = today.year - 1 if (today.month, today.day) >= (1, 31) else today.year - 2
    offset, month, day = when
    return datetime.date(season_start + offset, month, day)


def ensure_locales():
    french, _c = Locale.objects.get_or_create(language_code="fr")
    english, _c = Locale.objects.get_or_create(language_code="en")
    return french, english


def ensure_images():
    collection = demo_collection()
    return {
        key: ensure_image(title=title, description=description, kind=kind, seed=seed, collection=collection)
        for key, (kind, seed, title, description, _alt_en) in IMAGES.items()
    }


def ensure_site(home):
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, SITE_NAME, home
    site.save()
    return site


def remove_welcome_page(home):
    """Delete Wagtail's default "Welcome" page (a bare Page at depth 2, root of no site)."""
    welcome = (
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page), numchild=0)
        .exclude(pk=home.pk)
        .exclude(sites_rooted_here__isnull=False)
    )
    for page in welcome:
        page.delete()


def ensure_settings(site):
    settings = SiteSettings.for_site(site)
    for name, value in ORGANISATION.items():
        setattr(settings, name, value)
    if [(link.network, link.url) for link in settings.social_links.all()] != SOCIAL_LINKS:
        settings.social_links = [SocialLink(network=network, url=url) for network, url in SOCIAL_LINKS]
    settings.save()
    return settings


def ensure_practical_info(french, english, pages, translated):
    spec = PRACTICAL_INFO["fr"]
    info = PracticalInfo.objects.filter(locale=french).first() or PracticalInfo(locale=french)
    for name in ("opening_hours", "access_info", "footer_text"):
        setattr(info, name, spec[name])
    wanted = [(label, pages[key].pk) for key, label in spec["links"]]
    if [(link.label, link.page_id) for link in info.footer_links.all()] != wanted:
        info.footer_links = [FooterLink(label=label, page_id=page_id, locale=french) for label, page_id in wanted]
    info.save()

    english_spec = PRACTICAL_INFO["en"]
    twin = PracticalInfo.from_json(info.to_json())
    for name in ("opening_hours", "access_info", "footer_text"):
        setattr(twin, name, english_spec[name])
    twin_links = []
    for link, (key, label) in zip(info.footer_links.all(), english_spec["links"], strict=True):
        # Point the English footer at the English page where there is one (a wagtail-localize override).
        target = translated.get(key) or pages[key]
        twin_links.append(
            FooterLink(label=label, page_id=target.pk, locale=english, translation_key=link.translation_key)
        )
    twin.footer_links = twin_links
    return info, sync_translation(info, twin, english)


def seed(*, stdout):
    """Create or update the home content (pages, news, images, settings, translations, accounts)."""
    french, english = ensure_locales()
    images = ensure_images()
    root = Page.get_first_root_node()
    pages = {}

    home = ensure_page(HomePage, root, HOME["fr"]["slug"], {"title": HOME["fr"]["title"]}, locale=french)
    site = ensure_site(home)
    remove_welcome_page(home)

    for key, spec in PAGES.items():
        pages[key] = ensure_page(
            StandardPage,
            home,
            spec["fr"]["slug"],
            {"title": spec["fr"]["title"], "show_in_menus": spec["menu"]},
            locale=french,
        )
    pages["actualites"] = ensure_page(
        NewsIndexPage,
        home,
        NEWS_INDEX["fr"]["slug"],
        {**_page_fields("actualites", NEWS_INDEX["fr"], pages=pages, images=images), "show_in_menus": True},
        locale=french,
    )
    for key, spec in LEGAL_PAGES.items():
        pages[key] = ensure_page(
            StandardPage,
            home,
            spec["fr"]["slug"],
            {"title": spec["fr"]["title"], "show_in_menus": False},
            locale=french,
        )

    # Now every page exists, fill the bodies (calls to action point at other pages).
    home = ensure_page(
        HomePage,
        root,
        HOME["fr"]["slug"],
        _page_fields("home", HOME["fr"], pages=pages, images=images, extra={"hero_image": images[HOME["hero_image"]]}),
        locale=french,
    )
    for key, spec in {**PAGES, **LEGAL_PAGES}.items():
        pages[key] = ensure_page(
            StandardPage,
            home,
            spec["fr"]["slug"],
            _page_fields(key, spec["fr"], pages=pages, images=images),
            locale=french,
        )

    news_pages = {}
    for item in NEWS:
        date = news_date(item["date"])
        image_key = item["image"]
        extra = {
            "date": date,
            "image": images[image_key],
            "image_alt_text": IMAGES[image_key][3],
            "tags": item["tags"],
        }
        news_pages[item["key"]] = ensure_page(
            NewsPage,
            pages["actualites"],
            item["fr"]["slug"],
            _page_fields(item["key"], item["fr"], pages=pages, images=images, extra=extra),
            locale=french,
        )
        news_pages[item["key"]] = _set_first_published(news_pages[item["key"]], date)

    translated = _translate(home, pages, news_pages, english=english, images=images)
    ensure_settings(site)
    ensure_practical_info(french, english, pages, translated)
    rows = ensure_accounts()
    stdout.write(
        f"  {len(pages) + 1} pages, {len(news_pages)} actualités, {len(images)} images, {len(translated)} traductions."
    )
    return rows


@contextlib.contextmanager
def no_redirects_on_slug_change():
    """A new translation starts with the French slug, then takes its own: no redirect is needed for that.

    Wagtail sends `page_slug_changed` on commit, so this must wrap the whole transaction.
    """
    if not apps.is_installed("wagtail.contrib.redirects"):
        yield
        return
    from wagtail.contrib.redirects.signal_handlers import autocreate_redirects_on_slug_change

    page_slug_changed.disconnect(autocreate_redirects_on_slug_change)
    try:
        yield
    finally:
        page_slug_changed.connect(autocreate_redirects_on_slug_change)


def _set_first_published(page, date):
    """Show news as published on their own date (the feeds and listings read first_published_at)."""
    moment = timezone.make_aware(datetime.datetime.combine(date, datetime.time(10, 0)))
    if page.first_published_at != moment:
        Page.objects.filter(pk=page.pk).update(first_published_at=moment)
        page.first_published_at = moment
    return page


def _translate(home, pages, news_pages, *, english, images):
    """English versions of the home page, the main pages, the accessibility statement and some news."""
    translated = {}
    en_pages = {**pages}  # calls to action keep pointing at the French page: Wagtail localizes them when rendering
    translated["home"] = sync_translation(
        _fresh(home), _twin(_fresh(home), HOME["en"], pages=en_pages, images=images, key="home"), english
    )
    for key in ("qui-sommes-nous", "infos-pratiques", "declaration-accessibilite"):
        spec = PAGES.get(key) or LEGAL_PAGES[key]
        source = _fresh(pages[key])
        translated[key] = sync_translation(
            source, _twin(source, spec["en"], pages=en_pages, images=images, key=key), english
        )
    source = _fresh(pages["actualites"])
    translated["actualites"] = sync_translation(
        source, _twin(source, NEWS_INDEX["en"], pages=en_pages, images=images, key="actualites"), english
    )
    for item in NEWS:
        if "en" not in item:
            continue
        source = _fresh(news_pages[item["key"]])
        values = {**item["en"], "image_alt_text": IMAGES[item["image"]][4]}
        page = sync_translation(source, _twin(source, values, pages=en_pages, images=images, key=item["key"]), english)
        if _differs(page, "tags", item["en"]["tags"]):
            # Tags are not translated by wagtail-localize (they are copied): give the English page its own.
            page.tags.set(item["en"]["tags"], clear=True)
            page.save_revision().publish()
            page = _fresh(page)
        translated[item["key"]] = _set_first_published(page, source.date)
    return translated
