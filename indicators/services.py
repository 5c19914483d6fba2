"""Indicators for a period and the previous one of equal length: anonymous aggregates computed in SQL.

Every function runs a fixed number of queries whatever the number of bookings, members or payments
(one `aggregate()` or one grouped `values().annotate()` each). Nothing here returns a name or an id
of a person: only counts, rates and sums.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DecimalField, Exists, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.models import SEAT_STATUSES, Booking, Session
from core.exports import Percent
from core.money import ZERO, round_money
from indicators import disclosure
from indicators.models import SurveyAnswer
from members.models import MemberProfile, Membership, PaymentItem
from members.services.takings import NEW_MONEY, confirmed_between, takings

RENEWAL_HORIZON_DAYS = 30
ATTENDED = Booking.Status.ATTENDED
NO_SHOW = Booking.Status.NO_SHOW
WAITLISTED = Booking.Status.WAITLISTED
# A seat is held by a confirmed, offered (from the waitlist), attended or absent booking.
HELD_SEAT_STATUSES = SEAT_STATUSES


# --- Periods ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Dates from `start` to `end`, both included (local dates, Europe/Paris)."""

    start: datetime.date
    end: datetime.date

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def is_whole_months(self):
        """True when the period runs from the first day of a month to the last day of a month."""
        after = self.end + datetime.timedelta(days=1)
        return self.start.day == 1 and after.day == 1

    def previous(self):
        """The period just before this one: the same number of calendar months for whole months (December
        is compared with November, a year with the year before), else the same number of days."""
        end = self.start - datetime.timedelta(days=1)
        if self.is_whole_months():
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            index = self.start.year * 12 + self.start.month - 1 - months
            return Period(datetime.date(index // 12, index % 12 + 1, 1), end)
        return Period(end - datetime.timedelta(days=self.days - 1), end)

    def bounds(self):
        """Aware datetimes [from, to) covering the dates."""
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
        return start, end


def this_month(today=None):
    today = today or timezone.localdate()
    last = calendar.monthrange(today.year, today.month)[1]
    return Period(today.replace(day=1), today.replace(day=last))


def this_year(today=None):
    today = today or timezone.localdate()
    return year_period(today.year)


def year_period(year):
    return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def percent(part, whole):
    """part / whole in percent with one decimal (a Percent, so exports write it as one), None when whole is 0."""
    if not whole:
        return None
    return Percent((Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _money_sum(field, **options):
    return Coalesce(Sum(field, **options), Value(ZERO), output_field=DecimalField(max_digits=12, decimal_places=2))


# --- Members ---------------------------------------------------------------------------------------------------


def member_figures(period):
    """Member accounts (total at the end, new), active memberships at the end (today for a period not over),
    memberships taken in the period, and renewals due: active memberships ending within 30 days after that
    day, not yet renewed."""
    start, end = period.bounds()
    profiles = MemberProfile.objects.filter(erased_at__isnull=True).aggregate(
        total=Count("pk", filter=Q(created_at__lt=end)),
        new=Count("pk", filter=Q(created_at__gte=start, created_at__lt=end)),
    )
    # "At the end" of a period that is not over yet means today.
    on = min(period.end, timezone.localdate())
    horizon = on + datetime.timedelta(days=RENEWAL_HORIZON_DAYS)
    renewed = Membership.objects.filter(
        member=OuterRef("member"),
        status__in=(Membership.Status.ACTIVE, Membership.Status.PENDING_PAYMENT),
        valid_until__gt=OuterRef("valid_until"),
    )
    active = Q(status=Membership.Status.ACTIVE)
    memberships = Membership.objects.annotate(renewed=Exists(renewed)).aggregate(
        active=Count("pk", filter=active & Q(valid_from__lte=on, valid_until__gte=on)),
        taken=Count("pk", filter=active & Q(valid_from__gte=period.start, valid_from__lte=period.end)),
        renewals_due=Count("pk", filter=active & Q(valid_until__gte=on, valid_until__lte=horizon, renewed=False)),
    )
    return {
        "total": profiles["total"],
        "new": profiles["new"],
        "active_memberships": memberships["active"],
        "memberships_taken": memberships["taken"],
        "renewals_due": memberships["renewals_due"],
    }


# --- Sessions, bookings, attendance ----------------------------------------------------------------------------


def sessions_in(period):
    start, end = period.bounds()
    return Session.objects.filter(start__gte=start, start__lt=end)


def held_sessions(period, now=None):
    """Sessions of the period that took place: not cancelled, already started."""
    return sessions_in(period).exclude(status=Session.Status.CANCELLED).filter(start__lte=now or timezone.now())


def attendance_figures(period, now=None):
    """Held sessions, their capacity and seats; fill rate = held seats / capacity; no-show rate =
    absent / (present + absent)."""
    held = held_sessions(period, now)
    sessions = held.aggregate(count=Count("pk"), capacity=Coalesce(Sum("capacity"), 0))
    bookings = Booking.objects.filter(session__in=held).aggregate(
        seats=Count("pk", filter=Q(status__in=HELD_SEAT_STATUSES)),
        attended=Count("pk", filter=Q(status=ATTENDED)),
        no_show=Count("pk", filter=Q(status=NO_SHOW)),
    )
    return {
        "sessions": sessions["count"],
        "capacity": sessions["capacity"],
        "seats": bookings["seats"],
        "attended": bookings["attended"],
        "no_show": bookings["no_show"],
        "fill_rate": percent(bookings["seats"], sessions["capacity"]),
        "no_show_rate": percent(bookings["no_show"], bookings["attended"] + bookings["no_show"]),
    }


def _waitlist_requests(period):
    """Bookings of the period's sessions that went through the waitlist (still waiting, or promoted later)."""
    return Booking.objects.filter(session__in=sessions_in(period)).filter(
        Q(status=WAITLISTED) | Q(promoted_at__isnull=False)
    )


def waitlist_by_activity(period):
    """[{label, requests, promoted}] per activity, most requested first."""
    rows = (
        _waitlist_requests(period)
        .values("session__activity_id", "session__activity__title")
        .annotate(requests=Count("pk"), promoted=Count("pk", filter=Q(promoted_at__isnull=False)))
        .order_by("-requests", "session__activity__title")
    )
    return [
        {"label": row["session__activity__title"], "requests": row["requests"], "promoted": row["promoted"]}
        for row in rows
    ]


def waitlist_by_theme(period):
    """[{label, requests, promoted}] per theme (an activity with two themes counts in both)."""
    rows = (
        _waitlist_requests(period)
        .values("session__activity__themes__name")
        .annotate(
            requests=Count("pk", distinct=True),
            promoted=Count("pk", filter=Q(promoted_at__isnull=False), distinct=True),
        )
        .order_by("-requests", "session__activity__themes__name")
    )
    return [
        {
            "label": row["session__activity__themes__name"] or _("Sans thème"),
            "requests": row["requests"],
            "promoted": row["promoted"],
        }
        for row in rows
    ]


def participant_figures(period, now=None):
    """People present at least once in the period: first-timers (never present before the period)
    and returning people (present at least once before it)."""
    start, _end = period.bounds()
    came_before = Booking.objects.filter(member=OuterRef("member"), status=ATTENDED, session__start__lt=start)
    row = (
        Booking.objects.filter(status=ATTENDED, session__in=held_sessions(period, now))
        .annotate(came_before=Exists(came_before))
        .aggregate(
            people=Count("member", distinct=True),
            returning=Count("member", distinct=True, filter=Q(came_before=True)),
            visits=Count("pk"),
        )
    )
    return {
        "people": row["people"],
        "first_time": row["people"] - row["returning"],
        "returning": row["returning"],
        "visits": row["visits"],
        "returning_share": percent(row["returning"], row["people"]),
    }


def itinerant_by_commune(period, now=None):
    """[{label, sessions, participants}] for held sessions at a stop of the itinerant bus, per commune."""
    rows = (
        held_sessions(period, now)
        .filter(place__is_bus_stop=True)
        .values("place__commune")
        .annotate(
            sessions=Count("pk", distinct=True),
            participants=Count("bookings", filter=Q(bookings__status=ATTENDED)),
        )
        .order_by("place__commune")
    )
    return [
        {"label": row["place__commune"], "sessions": row["sessions"], "participants": row["participants"]}
        for row in rows
    ]


# --- Money -----------------------------------------------------------------------------------------------------


def revenue_figures(period):
    """Money received in the period (payments by the date they were confirmed): the takings as the staff
    payments list counts them (members.services.takings: total, refunded on those payments, by method,
    payments made with a credit apart), and by what it paid for (memberships, activities). Decimal euros.

    A payment made with a credit (avoir) brings no new money (it was counted when first paid): it is left
    out of these figures and given apart as `paid_with_credit`."""
    confirmed = confirmed_between(period.start, period.end)
    money = takings(confirmed)
    payments = confirmed.filter(NEW_MONEY)
    kinds = {PaymentItem.Kind.MEMBERSHIP: _("Adhésions"), PaymentItem.Kind.BOOKING: _("Activités")}
    amounts = dict.fromkeys(kinds, ZERO)
    rows = PaymentItem.objects.filter(payment__in=payments).values("kind").annotate(amount=_money_sum("amount"))
    for row in rows:
        # A whole cycle is an activity too: counted with single bookings.
        kind = PaymentItem.Kind.BOOKING if row["kind"] == PaymentItem.Kind.CYCLE else row["kind"]
        amounts[kind] += round_money(row["amount"])
    return {
        "total": money["received"],
        "refunded": money["refunded"],
        "net": money["net"],
        "paid_with_credit": money["paid_with_credit"],
        "by_method": [
            {"key": row["key"], "label": row["label"], "amount": row["amount"]}
            for row in money["by_method"]
            if row["counted"]
        ],
        "by_type": [
            {"key": kind, "label": label, "amount": round_money(amounts[kind])} for kind, label in kinds.items()
        ],
    }


# --- Satisfaction ----------------------------------------------------------------------------------------------


def satisfaction_by_activity(period):
    """[{label, answers, satisfied, share}] per activity: answers to "Avez-vous passé un bon moment ?"
    about the period's sessions, and the share of "Oui"."""
    rows = (
        SurveyAnswer.objects.filter(
            question=SurveyAnswer.Question.GOOD_TIME, invitation__session__in=sessions_in(period)
        )
        .values("invitation__session__activity_id", "invitation__session__activity__title")
        .annotate(answers=Count("pk"), satisfied=Count("pk", filter=Q(choice=SurveyAnswer.Choice.YES)))
        .order_by("invitation__session__activity__title")
    )
    return [
        {
            "label": row["invitation__session__activity__title"],
            "answers": row["answers"],
            "satisfied": row["satisfied"],
            "share": percent(row["satisfied"], row["answers"]),
        }
        for row in rows
    ]


def satisfaction_totals(period):
    """Answers per question (yes / maybe / no) for the period's sessions."""
    counts = {question: dict.fromkeys(SurveyAnswer.Choice.values, 0) for question in SurveyAnswer.Question.values}
    rows = (
        SurveyAnswer.objects.filter(invitation__session__in=sessions_in(period))
        .values("question", "choice")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[row["question"]][row["choice"]] = row["n"]
    labels = dict(SurveyAnswer.Question.choices)
    return [
        {
            "key": question,
            "label": labels[question],
            "counts": choices,
            "answers": sum(choices.values()),
            "share_yes": percent(choices["yes"], sum(choices.values())),
        }
        for question, choices in counts.items()
    ]


# --- Care (anonymous counts from the care app) ----------------------------------------------------------------

CARE_STEP_LABELS = {
    "identified": gettext_lazy("Aidants repérés"),
    "accompanied": gettext_lazy("Aidants accompagnés (entrée)"),
    "closed": gettext_lazy("Accompagnements clos"),
}


def shows_care(user):
    """Care figures reach care professionals and administrators only (docs/privacy.md § 4), never
    coordination or communication, whatever other permission they hold."""
    from care import services as care_services

    return care_services.can_access_care(user)


def care_figures(period):
    """The care app's own aggregates (care.services.indicators), reduced to totals for the period and made
    fit to leave the care team (dashboard, annual report for funders): no month-by-month detail, counts of
    1 to 4 shown "< 5", and no total that gives a hidden count back by subtraction (indicators.disclosure)."""
    from care import services as care_services
    from care.models import Intervention, Orientation

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


# --- Everything, compared --------------------------------------------------------------------------------------


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
