"""Care figures fit to leave the care team: totals only, small counts hidden."""

from django.utils.translation import gettext_lazy

from care import services as care_services
from care.models import Intervention, Orientation
from core.exports import Percent
from indicators import disclosure

CARE_STEP_LABELS = {
    "identified": gettext_lazy("Aidants repérés"),
    "accompanied": gettext_lazy("Aidants accompagnés (entrée)"),
    "closed": gettext_lazy("Accompagnements clos"),
}


def shows_care(user):
    """Care figures reach care professionals and administrators only (docs/privacy.md § 4), never
    coordination or communication, whatever other permission they hold."""
    return care_services.can_access_care(user)


def care_figures(period):
    """The care app's own aggregates (care.services.indicators), reduced to totals for the period and made
    fit to leave the care team (dashboard, annual report for funders): no month-by-month detail, counts of
    1 to 4 shown "< 5", and no total that gives a hidden count back by subtraction (indicators.disclosure)."""
    data = care_services.indicators(period.start, period.end)
    interventions = dict.fromkeys(Intervention.Kind.values, 0)
    for counts in data["interventions_by_month"].values():
        for kind, n in counts.items():
            interventions[kind] += n
    interventions_total, interventions = disclosure.protect_group(interventions)
    orientations_total, orientations = disclosure.protect_group(data["orientations_by_partner"])
    kinds = dict(Intervention.Kind.choices)
    partners = dict(Orientation.PartnerType.choices)
    share = data["activity_share"]
    percent_value = None if share["percent"] is None else Percent(share["percent"])
    return {
        "steps": [
            {"key": k, "label": label, "value": disclosure.protect(data["totals"][k])}
            for k, label in CARE_STEP_LABELS.items()
        ],
        "interventions": [{"key": k, "label": kinds[k], "value": n} for k, n in interventions.items()],
        "interventions_total": interventions_total,
        "orientations": [{"key": k, "label": partners[k], "value": n} for k, n in orientations.items()],
        "orientations_total": orientations_total,
        "activity_share": {
            "percent": disclosure.protect_share(share["via_activity"], share["accompanied"], percent_value)
        },
    }
