"""Anonymous care indicators (aggregates, no names) for a period, and their export rows."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from care.models import CaseFile, Intervention, Orientation
from care.services.access import Action, log_access, require_care


def _months(start, end):
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _month_key(value):
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.replace(day=1)


def indicators(start, end):
    """Anonymous aggregates between two dates (inclusive). No name, no id, no text: counts only.

    - identified / accompanied / closed: case files whose step date falls in the period, in total and per month;
    - interventions per month by kind; orientations by partner type (and outcome);
    - activity_share: among people accompanied at some point of the period (accompanied before its end, not closed
      before its start), how many were first identified through an activity.
    """
    cases = CaseFile.objects.all()
    steps = {
        "identified": "identified_on",
        "accompanied": "accompanied_on",
        "closed": "closed_on",
    }
    months = list(_months(start, end))
    totals = {}
    per_month = {month: dict.fromkeys(steps, 0) for month in months}
    for step, date_field in steps.items():
        in_period = cases.filter(**{f"{date_field}__range": (start, end)})
        totals[step] = in_period.count()
        rows = in_period.annotate(month=TruncMonth(date_field)).values("month").annotate(n=Count("pk"))
        for row in rows:
            per_month[_month_key(row["month"])][step] = row["n"]

    interventions_by_month = {month: dict.fromkeys(Intervention.Kind.values, 0) for month in months}
    rows = (
        Intervention.objects.filter(date__range=(start, end))
        .annotate(month=TruncMonth("date"))
        .values("month", "kind")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        interventions_by_month[_month_key(row["month"])][row["kind"]] = row["n"]

    orientations = Orientation.objects.filter(date__range=(start, end))
    orientations_by_partner = dict.fromkeys(Orientation.PartnerType.values, 0)
    for row in orientations.values("partner_type").annotate(n=Count("pk")):
        orientations_by_partner[row["partner_type"]] = row["n"]
    orientations_by_outcome = dict.fromkeys(Orientation.Outcome.values, 0)
    for row in orientations.values("outcome").annotate(n=Count("pk")):
        orientations_by_outcome[row["outcome"]] = row["n"]

    accompanied = cases.filter(accompanied_on__isnull=False, accompanied_on__lte=end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=start)
    )
    accompanied_total = accompanied.count()
    via_activity = accompanied.filter(identified_via=CaseFile.IdentifiedVia.ACTIVITY).count()
    share = None
    if accompanied_total:
        share = (Decimal(100) * via_activity / accompanied_total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    return {
        "start": start,
        "end": end,
        "totals": totals,
        "per_month": per_month,
        "interventions_by_month": interventions_by_month,
        "orientations_by_partner": orientations_by_partner,
        "orientations_by_outcome": orientations_by_outcome,
        "activity_share": {"via_activity": via_activity, "accompanied": accompanied_total, "percent": share},
    }


def indicator_rows(data):
    """Flat rows (indicator, period, category, value) for CSV/XLSX exports, labels in the active language."""
    period = f"{data['start']:%d/%m/%Y} – {data['end']:%d/%m/%Y}"
    step_labels = {
        "identified": _("Aidants repérés"),
        "accompanied": _("Aidants accompagnés (entrée)"),
        "closed": _("Accompagnements clos"),
    }
    rows = []
    for step, label in step_labels.items():
        rows.append((label, period, "", data["totals"][step]))
    for month, counts in data["per_month"].items():
        for step, label in step_labels.items():
            rows.append((label, f"{month:%m/%Y}", "", counts[step]))
    kinds = dict(Intervention.Kind.choices)
    for month, counts in data["interventions_by_month"].items():
        for kind, n in counts.items():
            rows.append((_("Interventions"), f"{month:%m/%Y}", str(kinds[kind]), n))
    partners = dict(Orientation.PartnerType.choices)
    for partner, n in data["orientations_by_partner"].items():
        rows.append((_("Orientations par type de partenaire"), period, str(partners[partner]), n))
    outcomes = dict(Orientation.Outcome.choices)
    for outcome, n in data["orientations_by_outcome"].items():
        rows.append((_("Orientations par suite donnée"), period, str(outcomes[outcome]), n))
    share = data["activity_share"]
    rows.append((_("Personnes accompagnées sur la période"), period, "", share["accompanied"]))
    rows.append((_("… dont venues d'abord pour une activité"), period, "", share["via_activity"]))
    rows.append(
        (
            _("Part venue d'abord pour une activité (%)"),
            period,
            "",
            "" if share["percent"] is None else share["percent"],
        )
    )
    return rows


def read_indicators(user, start, end, *, export_format=""):
    """indicators() for a care professional; logs a read, or an export with its format."""
    require_care(user)
    data = indicators(start, end)
    action = Action.EXPORT if export_format else Action.READ
    log_access(user, action, "indicators", detail=f"{export_format} {start:%Y-%m-%d}/{end:%Y-%m-%d}".strip())
    return data
