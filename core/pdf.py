"""PDF documents (receipts, attestations, tax receipts, the annual report): HTML templates printed by WeasyPrint.

Templates extend `core/pdf/letterhead.html`, which heads every page with the association's details; callers
pass them as `organisation` (the home app's SiteSettings, read with core.site_settings).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def render_html(template, context, *, language=None):
    """The HTML of `template` written in `language` (the active language when None), as render_pdf prints it."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        return render_to_string(template, {**context, "LANGUAGE_CODE": language})


def render_pdf(template, context, *, language=None):
    """PDF bytes of `template`, written in `language` (the active language when None)."""
    from weasyprint import HTML  # heavy import, only when a PDF is printed

    return HTML(string=render_html(template, context, language=language)).write_pdf()
