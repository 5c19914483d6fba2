"""Every indicator of a period compared with the previous one, and the headline figures."""

from django.utils.translation import gettext as _

from indicators.services.attendance import (
    attendance_figures,
    itinerant_by_commune,
    participant_figures,
    waitlist_by_activity,
    waitlist_by_theme,
)
from indicators.services.care_counts import care_figures
from indicators.services.people import member_figures
from indicators.services.revenue import revenue_figures
from indicators.services.satisfaction import satisfaction_by_activity, satisfaction_totals
from indicators.services.solidarity_counts import solidarity_figures


def key_figures(period, *, now=None):
    """The figures of `headline()`: members, attendance, participants and revenue (the admin home panel)."""
    return {
        "period": period,
        "members": member_figures(period),
        "attendance": attendance_figures(period, now),
        "participants": participant_figures(period, now),
        "revenue": revenue_figures(period),
    }


def figures(period, *, now=None, with_care=False):
    """Every indicator of `period` (a fixed number of queries). Care figures only `with_care`: for people
    the care team's figures may reach (care.services.can_access_care), never for coordination."""
    result = {
        **key_figures(period, now=now),
        "waitlist_by_activity": waitlist_by_activity(period),
        "waitlist_by_theme": waitlist_by_theme(period),
        "itinerant": itinerant_by_commune(period, now),
        "satisfaction": satisfaction_by_activity(period),
        "satisfaction_totals": satisfaction_totals(period),
        "solidarity": solidarity_figures(period),
    }
    if with_care:
        result["care"] = care_figures(period)
    return result


def compare(period, *, now=None, with_care=False):
    """{"current": figures(period), "previous": figures(period.previous())}."""
    return {
        "current": figures(period, now=now, with_care=with_care),
        "previous": figures(period.previous(), now=now, with_care=with_care),
    }


def _headline_specs():
    return [
        ("members", "total", _("Comptes adhérents"), ""),
        ("members", "new", _("Nouveaux comptes"), ""),
        ("members", "active_memberships", _("Adhésions en cours (fin de période)"), ""),
        ("members", "memberships_taken", _("Adhésions prises"), ""),
        ("members", "renewals_due", _("Adhésions à renouveler dans les 30 jours"), ""),
        ("attendance", "sessions", _("Séances qui ont eu lieu"), ""),
        ("attendance", "seats", _("Places réservées"), ""),
        ("attendance", "fill_rate", _("Taux de remplissage"), "%"),
        ("attendance", "no_show_rate", _("Taux d'absence (inscrits non venus)"), "%"),
        ("participants", "people", _("Personnes venues"), ""),
        ("participants", "first_time", _("… venues pour la première fois"), ""),
        ("participants", "returning", _("… déjà venues avant"), ""),
        ("revenue", "total", _("Recettes encaissées"), "€"),
        ("revenue", "refunded", _("… dont remboursé depuis"), "€"),
        ("revenue", "paid_with_credit", _("Réglé avec un avoir (somme déjà reçue avant)"), "€"),
    ]


def headline(comparison):
    """[{label, current, previous, delta, trend, unit}] for the main figures, ready to show side by side.
    `trend` is "up", "down", "same" or "" (no comparison possible); the template writes it in words."""
    current, previous = comparison["current"], comparison["previous"]
    rows = []
    for group, key, label, unit in _headline_specs():
        now_value, before = current[group][key], previous[group][key]
        delta = None if now_value is None or before is None else now_value - before
        trend = "" if delta is None else ("up" if delta > 0 else "down" if delta < 0 else "same")
        rows.append(
            {
                "key": f"{group}.{key}",
                "label": label,
                "current": now_value,
                "previous": before,
                "delta": delta,
                "trend": trend,
                "unit": unit,
            }
        )
    return rows


def paired(current_rows, previous_rows, value_key, *, zero=0):
    """Join two lists of {label, value_key} on label: [{label, current, previous}] (`zero` when absent)."""
    before = {row["label"]: row[value_key] for row in previous_rows}
    seen = set()
    rows = []
    for row in current_rows:
        rows.append({"label": row["label"], "current": row[value_key], "previous": before.get(row["label"], zero)})
        seen.add(row["label"])
    for label, value in before.items():
        if label not in seen:
            rows.append({"label": label, "current": zero, "previous": value})
    return rows
