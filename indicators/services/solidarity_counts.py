"""Mutual-help figures for the dashboard and the annual report, small cells hidden (indicators.disclosure)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy

from core.exports import Percent
from indicators import disclosure
from solidarity.models import HelpKind, HelpRequest
from solidarity.services.figures import counts

SOLIDARITY_LABELS = {
    "caregivers": gettext_lazy("Aidants ayant fait une demande d'entraide"),
    "volunteers_validated": gettext_lazy("Bénévoles validés"),
    "requests": gettext_lazy("Demandes d'entraide"),
    "answered": gettext_lazy("Demandes ayant reçu une proposition"),
    "closed": gettext_lazy("Demandes terminées"),
    "honoured": gettext_lazy("… qui ont eu lieu (dit par les deux)"),
    "calls_made": gettext_lazy("Appels de veille passés"),
    "calls_reached": gettext_lazy("… personnes jointes"),
    "calls_concerns": gettext_lazy("… inquiétudes transmises"),
}


def _percent(part, whole):
    if not whole:
        return None
    share = Percent((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return disclosure.protect_share(part, whole, share)


def solidarity_figures(period):
    """Counts of the period, each shown "< 5" from 1 to 4; breakdowns protected with their total."""
    data = counts(period.start, period.end)
    raw = {
        "caregivers": data["caregivers"],
        "volunteers_validated": data["volunteers_validated"],
        "requests": data["requests"],
        "answered": data["answered"],
        "closed": data["closed"],
        "honoured": data["honoured"],
        "calls_made": data["calls"]["made"],
        "calls_reached": data["calls"]["reached"],
        "calls_concerns": data["calls"]["concerns"],
    }
    _total, kinds = disclosure.protect_group(data["by_kind"])
    _total, statuses = disclosure.protect_group(data["by_status"])
    return {
        "rows": [
            {"key": k, "label": label, "value": disclosure.protect(raw[k])} for k, label in SOLIDARITY_LABELS.items()
        ],
        "by_kind": [{"key": k, "label": HelpKind(k).label, "value": v} for k, v in kinds.items()],
        "by_status": [{"key": k, "label": HelpRequest.Status(k).label, "value": v} for k, v in statuses.items()],
        "response_rate": _percent(data["answered"], data["requests"]),
        "honoured_rate": _percent(data["honoured"], data["closed"]),
        "mean_delay_hours": data["mean_delay_hours"] if data["answered"] >= disclosure.THRESHOLD else None,
    }
