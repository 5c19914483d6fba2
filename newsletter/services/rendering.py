"""An issue as an e-mail (text and HTML, in a language) and as an A4 PDF."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Locale


def localized(issue, language):
    """The issue's translation in `language` when there is a live one, else the issue itself (French)."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != issue.locale_id:
        translated = issue.get_translation_or_none(locale)
        if translated is not None and translated.live:
            return translated.specific
    return issue


def render_email(issue, *, language, unsubscribe_url="", base_url=""):
    """(subject, text, html) of the issue for one reader."""
    issue = localized(issue, language)
    with translation.override(language):
        context = {
            "issue": issue,
            "unsubscribe_url": unsubscribe_url,
            "base_url": base_url or settings.WAGTAILADMIN_BASE_URL,
            "web_url": (base_url or settings.WAGTAILADMIN_BASE_URL) + (issue.url or ""),
        }
        html = render_to_string("newsletter/email.html", context)
        text = render_to_string("newsletter/email.txt", context)
    return issue.title, text, html


def issue_pdf(issue, request=None):
    from weasyprint import HTML

    html = render_to_string("newsletter/print.html", {"issue": issue, "request": request}, request=request)
    base_url = request.build_absolute_uri("/") if request else settings.WAGTAILADMIN_BASE_URL
    return HTML(string=html, base_url=base_url).write_pdf()
