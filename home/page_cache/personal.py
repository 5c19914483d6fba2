"""The per-person parts of a public page, rendered apart from the shared body.

A template marks them with `{% personal "includes/account_links.html" %}` (home/templatetags/
personal_tags.py). Such a fragment depends only on the request (who is logged in, their CSRF token,
their pending messages, the language): it is rendered with `render_personal`, the same way whether
the page is rendered in full or filled in from the member page cache (home/page_cache/member.py).

While the member cache renders a page to store it, each fragment is wrapped in comments carrying a
random per-request nonce; `split` turns the page into shared segments and fragment names (what is
stored: no personal byte in it) and the page served, with the comments taken out. Page content
cannot forge a marker: it does not know the nonce.
"""

import re
import secrets

from django.template.loader import render_to_string
from django.utils.html import format_html

PERSONAL_TEMPLATES = frozenset({"includes/account_links.html", "includes/messages.html"})


def render_personal(name, request):
    if name not in PERSONAL_TEMPLATES:
        raise ValueError(f"{name} is not a personal fragment")
    return render_to_string(name, request=request)


class Marks:
    """Per-request marker state, set on `request.personal_marks` by the member page cache."""

    def __init__(self):
        self.nonce = secrets.token_hex(16)
        self.names = []

    def wrap(self, name, html):
        index = len(self.names)
        self.names.append(name)
        return format_html("<!--{0}:{1}-->{2}<!--/{0}:{1}-->", self.nonce, index, html)

    def pattern(self):
        return re.compile(rf"<!--{self.nonce}:(\d+)-->(.*?)<!--/{self.nonce}:\1-->", re.DOTALL)


def split(content, marks):
    """(segments to store, content to serve): segments alternate shared text and ("fragment", name)."""
    segments, served, position = [], [], 0
    for match in marks.pattern().finditer(content):
        shared = content[position : match.start()]
        segments += [shared, ("fragment", marks.names[int(match.group(1))])]
        served += [shared, match.group(2)]
        position = match.end()
    segments.append(content[position:])
    served.append(content[position:])
    return segments, "".join(served)


def fill(segments, request):
    """The page for this request: shared segments, and each personal fragment rendered now."""
    return "".join(render_personal(part[1], request) if isinstance(part, tuple) else part for part in segments)
