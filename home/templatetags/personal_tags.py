"""`{% personal "includes/account_links.html" %}`: a per-person fragment of a public page
(home/page_cache/personal.py)."""

from django import template
from django.template.loader import render_to_string

from home.page_cache.personal import render_personal

register = template.Library()


@register.simple_tag(takes_context=True)
def personal(context, name):
    request = context.get("request")
    if request is None:  # rendered outside a request (e-mails, tests): the plain fragment
        return render_to_string(name, context.flatten())
    html = render_personal(name, request)
    marks = getattr(request, "personal_marks", None)
    return marks.wrap(name, html) if marks is not None else html  # rendered templates: safe strings
