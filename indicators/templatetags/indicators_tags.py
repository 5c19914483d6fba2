"""Template helpers of the indicators pages: figures written as people read them, trends in words."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from indicators.charts import format_value

register = template.Library()


@register.filter
def figure(value, unit=""):
    """29,00 € / 80,0 % / 7 ("–" when there is nothing to compute)."""
    return format_value(value, unit)


@register.simple_tag
def trend(row):
    """The change against the previous period, in words and with a sign (never by colour alone)."""
    if not row["trend"]:
        return _("pas de comparaison possible")
    if row["trend"] == "same":
        return _("stable")
    if row["unit"] == "%":
        amount = _("%(n)s points") % {"n": number_format(abs(row["delta"]), 1)}
    else:
        amount = format_value(abs(row["delta"]), row["unit"])
    if row["trend"] == "up":
        return _("en hausse de %(amount)s") % {"amount": amount}
    return _("en baisse de %(amount)s") % {"amount": amount}
