"""Template helpers: the price the current person pays for a session (the one price rule)."""

from django import template

from members.services import price_for

register = template.Library()


@register.simple_tag(takes_context=True)
def your_price(context, session):
    """`{% your_price session as price %}`: members.services.price_for for the logged-in user."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return price_for(user if user is not None and user.is_authenticated else None, session)
