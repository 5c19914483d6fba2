"""Template helpers for the site shell: text size, language switcher, accessible form fields."""

import re

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.lookup_cache import locale_code, remembered

register = template.Library()

TEXT_SIZE_COOKIE = "escale_text_size"
TEXT_SIZES = {
    "normal": _("Normal"),
    "large": _("Grand"),
    "x-large": _("Très grand"),
}
DEFAULT_TEXT_SIZE = "normal"


def text_size_from_request(request):
    """The visitor's validated text size (from a cookie), or the default one."""
    value = request.COOKIES.get(TEXT_SIZE_COOKIE, "") if request is not None else ""
    return value if value in TEXT_SIZES else DEFAULT_TEXT_SIZE


@register.simple_tag(takes_context=True)
def text_size(context):
    return text_size_from_request(context.get("request"))


@register.simple_tag(takes_context=True)
def text_size_choices(context):
    current = text_size_from_request(context.get("request"))
    return [{"value": value, "label": label, "current": value == current} for value, label in TEXT_SIZES.items()]


def _language_home(code):
    return f"/{code}/"


def _other_language_url(request, page, code):
    translation = page.get_translations().live().filter(locale__language_code=code).first()
    if translation is not None and translation.get_url(request):
        return translation.get_url(request), True
    return _language_home(code), False


def _translation_url(request, page, code):
    """(URL of the current content in language `code`, whether it exists): that language's home page and
    False when the page has no translation, so the switch can say so instead of silently jumping home."""
    if isinstance(page, Page):
        if locale_code(page) == code:
            return page.get_url(request), True
        return remembered(
            ("translation-url", page.pk, code, request.get_host() if request else None),
            lambda: _other_language_url(request, page, code),
        )
    if request is None:
        return _language_home(code), True
    # Non-Wagtail views (accounts, agenda…): the same view in the other language.
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return _language_home(code), True
    if match.url_name == "wagtail_serve":
        return _language_home(code), True
    url = translate_url(request.path, code)
    if url != request.path or code == getattr(request, "LANGUAGE_CODE", None):
        return url, True
    return _language_home(code), True


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: code, native name, URL of this content in that language, current flag,
    and `missing` when this page has no version in that language (the link then goes to its home page)."""
    request = context.get("request")
    page = context.get("page")
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    links = []
    for code, name in settings.LANGUAGES:
        url, exists = _translation_url(request, page, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current, "missing": not exists})
    return links


@register.simple_tag
def colon():
    """A colon as the language writes it: " :" in French (no-break space before), ":" in English."""
    return pgettext("ponctuation", "\u00a0:")


@register.simple_tag(takes_context=True)
def is_current_page(context, item):
    page = context.get("page")
    return isinstance(page, Page) and page.pk == item.pk


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers worth a link: first, last and two either side of the current one; None for a gap.
    Listing all 350 pages of a long news list would drown screen-reader users and weigh 60 KB."""
    numbers = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    return [None if number == page_obj.paginator.ELLIPSIS else number for number in numbers]


_IFRAME_WITHOUT_TITLE = re.compile(r"<iframe(?![^>]*\btitle=)", re.IGNORECASE)


@register.filter
def with_iframe_title(html, title):
    """Give an embed's iframe a title (RGAA 2.1) when the provider did not."""
    if not html:
        return html
    return mark_safe(_IFRAME_WITHOUT_TITLE.sub(f'<iframe title="{escape(title)}"', str(html), count=1))  # noqa: S308 - title escaped, html from the embed provider via Wagtail


@register.filter
def is_external(url):
    return isinstance(url, str) and url.startswith(("http://", "https://", "//"))


@register.filter
def readable_file_size(size):
    """A file size as people say it: "120 Ko", "1,5 Mo" (1 Ko = 1024 octets)."""
    if not size:
        return ""
    if size < 1024 * 1024:
        return gettext("%(size)s Ko") % {"size": number_format(max(1, round(size / 1024)))}
    return gettext("%(size)s Mo") % {"size": number_format(round(size / (1024 * 1024), 1), decimal_pos=1)}
