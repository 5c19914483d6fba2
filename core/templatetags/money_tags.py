"""`{{ amount|euros }}`: core.money.format_money in templates ("29,00 €" in French, "29.00 €" in English)."""

from django import template

from core.money import format_money

register = template.Library()


@register.filter
def euros(value):
    """The amount in the active language's format, two decimals, "€" after; "" for None."""
    if value is None or value == "":
        return ""
    return format_money(value)
