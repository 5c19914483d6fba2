"""What Mon espace reads: one member's timeline, attendance and data export (read-only helpers)."""

import csv
import io
import json
import zipfile

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.agenda import attach_localized_activities
from activities.models import Booking, CallListEntry, CycleBooking, Session
from core.models import ActionLog
from members.models import (
    Consent,
    Credit,
    Mandate,
    Membership,
    Payment,
    PersonRequest,
    SessionAlert,
    TaxReceipt,
)
from members.signals import personal_data_requested

ACTION_LABELS = {
    "escale.booking.confirmed": _("inscription"),
    "escale.booking.waitlisted": _("inscription en liste d'attente"),
    "escale.booking.cancelled": _("annulation d'une inscription"),
    "escale.booking.attended": _("présence notée"),
    "escale.booking.no_show": _("absence notée"),
    "escale.booking.promoted": _("place attribuée"),
    "escale.booking.waitlist_moved": _("rang changé sur la liste d'attente"),
    "escale.booking.offered": _("place proposée (liste d'attente)"),
    "escale.booking.offer_accepted": _("place proposée acceptée"),
    "escale.booking.offer_declined": _("place proposée refusée"),
    "escale.booking.offer_expired": _("place proposée non confirmée à temps"),
    "escale.booking.credited": _("avoir accordé"),
    "escale.booking.refunded": _("remboursement"),
    "escale.cycle_booking.confirmed": _("inscription à un cycle"),
    "escale.payment.created": _("paiement préparé"),
    "escale.payment.recorded_on_site": _("paiement reçu à l'accueil"),
    "escale.payment.confirmed": _("paiement confirmé"),
    "escale.membership.created": _("adhésion enregistrée"),
    "escale.mandate.given": _("mandat reçu"),
    "escale.mandate.revoked": _("mandat révoqué"),
    "escale.member.profile_changed": _("profil modifié"),
    "escale.member.created_at_desk": _("compte créé à l'accueil"),
    "escale.member.validated": _("compte validé"),
    "escale.cycle_booking.cancelled": _("annulation d'une inscription à un cycle"),
    "escale.help_request.posted": _("demande d'entraide publiée"),
    "escale.help_request.accepted": _("proposition d'aide acceptée"),
    "escale.help_request.cancelled": _("demande d'entraide annulée"),
}

REQUEST_CHANNELS = {
    "phone": _("à sa demande, par téléphone"),
    "desk": _("à sa demande, à l'accueil"),
}


def short_name(user):
    """ "Claire M.": how staff sign what they did for someone."""
    if user.first_name and user.last_name:
        return f"{user.first_name} {user.last_name[0]}."
    return user.get_full_name() or user.email or user.username


def how_staff_acted(data):
    """ "à sa demande, par téléphone" / "à sa demande, par Marie Martin (un proche)" / "avec son mandat",
    from what services.authority_data wrote in the journal; "" when nothing was recorded."""
    request = (data or {}).get("request")
    if request:
        if request.get("channel") == "relative":
            return _("à sa demande, par %(relative)s (un proche)") % {"relative": request.get("relative", "")}
        return REQUEST_CHANNELS.get(request.get("channel"), _("à sa demande"))
    if (data or {}).get("mandate"):
        return _("avec son mandat")
    return ""


def staff_action_text(entry, activity=""):
    """One line of the history for an act staff did for the person, e.g.
    "inscription – Yoga doux, à sa demande, par téléphone, par Claire M."."""
    label = str(ACTION_LABELS.get(entry.code, entry.code))
    if activity:
        label = f"{label} – {activity}"
    how = how_staff_acted(entry.data)
    actor = short_name(entry.actor)
    if how:
        return _("%(label)s, %(how)s, par %(actor)s") % {"label": label, "how": how, "actor": actor}
    return _("%(label)s, par %(actor)s (équipe)") % {"label": label, "actor": actor}


def staff_actions(member):
    """Action-log entries where someone other than the member acted for them or on their bookings."""
    booking_ct = ContentType.objects.get_for_model(Booking)
    booking_ids = Booking.objects.filter(member=member).annotate(key=Cast("pk", CharField())).values("key")
    return (
        ActionLog.objects.filter(Q(on_behalf_of=member) | Q(content_type=booking_ct, object_id__in=booking_ids))
        .exclude(actor=member)
        .filter(actor__isnull=False)
        .select_related("actor")
        .order_by("-created_at", "-pk")
    )


def timeline(member, limit=None):
    """Bookings, payments, memberships and staff actions, newest first, as dicts for the template.
    With `limit`, only the `limit` newest entries: each source is read newest first and cut at `limit`
    (an entry among the `limit` newest overall is among the `limit` newest of its source), so a page
    of the history costs the same queries and at most 4 × `limit` rows whatever the member's past."""

    def newest(queryset):
        return queryset[:limit] if limit is not None else queryset

    entries = []
    bookings = list(
        newest(
            Booking.objects.filter(member=member)
            .select_related("session__activity", "session__place", "made_by")
            .order_by("-session__start", "-pk")
        )
    )
    attach_localized_activities([booking.session for booking in bookings])  # the English title on /en/
    for booking in bookings:
        entries.append({"kind": "booking", "at": booking.session.start, "booking": booking})
    payments = Payment.objects.filter(member=member, fulfilled_at__isnull=False).select_related(
        "receipt", "tax_receipt"
    )
    for payment in newest(payments.order_by("-fulfilled_at", "-pk")):
        entries.append({"kind": "payment", "at": payment.fulfilled_at, "payment": payment})
    memberships = (
        Membership.objects.filter(member=member).exclude(status=Membership.Status.CANCELLED).select_related("type")
    )
    for membership in newest(memberships.order_by("-valid_from", "-pk")):
        start = timezone.make_aware(timezone.datetime.combine(membership.valid_from, timezone.datetime.min.time()))
        entries.append({"kind": "membership", "at": start, "membership": membership})
    actions = list(newest(staff_actions(member)))
    session_ids = {e.data.get("session") for e in actions if isinstance(e.data, dict) and e.data.get("session")}
    titles = (
        dict(Session.objects.filter(pk__in=session_ids).values_list("pk", "activity__title")) if session_ids else {}
    )
    for entry in actions:
        activity = titles.get(entry.data.get("session"), "") if isinstance(entry.data, dict) else ""
        entries.append(
            {
                "kind": "staff_action",
                "at": entry.created_at,
                "log": entry,
                "label": ACTION_LABELS.get(entry.code, entry.code),
                "actor": entry.actor.get_full_name() or entry.actor.email,
                "text": staff_action_text(entry, activity),
            }
        )
    entries.sort(key=lambda e: e["at"], reverse=True)
    return entries if limit is None else entries[:limit]


def timeline_page(member, number, per_page):
    """(entries of page `number`, whether an older page exists): newest first."""
    entries = timeline(member, limit=number * per_page + 1)
    return entries[(number - 1) * per_page : number * per_page], len(entries) > number * per_page


def attended_sessions(member, start, end):
    """Bookings marked present between two dates (inclusive), oldest first."""
    return (
        Booking.objects.filter(
            member=member,
            status=Booking.Status.ATTENDED,
            session__start__date__gte=start,
            session__start__date__lte=end,
        )
        .select_related("session__activity", "session__place")
        .order_by("session__start")
    )


def _rows_csv(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _more_files(member):
    """Cycles, call-list entries, alerts and tax receipts, then what other apps add (members.signals
    .personal_data_requested: survey answers…): (file name, header, rows)."""
    cycles = CycleBooking.objects.filter(member=member).select_related("activity")
    calls = CallListEntry.objects.filter(member=member).order_by("created_at")
    alerts = SessionAlert.objects.filter(member=member).select_related("session__activity")
    files = [
        (
            "cycles.csv",
            ["activity", "status", "price", "created_at", "cancelled_at"],
            [[c.activity.title, c.status, c.price, c.created_at.isoformat(), c.cancelled_at] for c in cycles],
        ),
        (
            "appels.csv",
            ["date", "reason", "phone", "message", "status"],
            [[c.created_at.isoformat(), c.reason, c.phone, c.message, c.status] for c in calls],
        ),
        (
            "alertes.csv",
            ["activity", "session", "sent_at"],
            [[a.session.activity.title, a.session.start.isoformat(), a.sent_at.isoformat()] for a in alerts],
        ),
        (
            "recus-fiscaux.csv",
            ["number", "paid_on", "amount", "donor_name", "donor_address"],
            [
                [t.number, t.paid_on, t.amount, t.donor_name, t.donor_address]
                for t in TaxReceipt.objects.filter(member=member)
            ],
        ),
    ]
    for _receiver, more in personal_data_requested.send(sender=type(member), member=member):
        files.extend(more or [])
    return files


def export_zip(member):
    """Every personal datum we hold on the member: profile.json plus CSV files, in a zip (bytes)."""
    from members.services import credit_balance, profile_of

    profile = profile_of(member)
    data = {
        "account": {
            "email": member.email,
            "first_name": member.first_name,
            "last_name": member.last_name,
            "date_joined": member.date_joined,
            "last_login": member.last_login,
        },
        "profile": {
            "phone": profile.phone,
            "address": profile.address,
            "postal_code": profile.postal_code,
            "commune": profile.commune,
            "preferred_channel": profile.preferred_channel,
            "language": profile.language,
            "newsletter": profile.newsletter,
            "session_alerts": profile.session_alerts,
            "interests": [t.name for t in profile.interests.all()],
            "solidarity_price": profile.solidarity_price,
        },
        "consents": list(Consent.objects.filter(user=member).values("kind", "version", "accepted_at", "withdrawn_at")),
        "mandates": list(
            Mandate.objects.filter(member=member).values(
                "received_by__first_name",
                "received_by__last_name",
                "can_book",
                "can_pay",
                "can_edit",
                "starts_at",
                "expires_at",
                "revoked_at",
            )
        ),
        "requests": list(
            PersonRequest.objects.filter(member=member).values(
                "created_at", "channel", "act", "relative_name", "detail", "received_by__first_name"
            )
        ),
        "credit_balance": credit_balance(member),
    }
    bookings = Booking.objects.filter(member=member).select_related("session__activity")
    payments = Payment.objects.filter(member=member).select_related("receipt")
    memberships = Membership.objects.filter(member=member).select_related("type")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("profil.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        archive.writestr(
            "inscriptions.csv",
            _rows_csv(
                ["activity", "start", "status", "price", "created_at", "needs_pickup", "pickup_address"],
                [
                    [
                        b.session.activity.title,
                        b.session.start.isoformat(),
                        b.status,
                        b.price,
                        b.created_at.isoformat(),
                        b.needs_pickup,
                        b.pickup_address,
                    ]
                    for b in bookings
                ],
            ),
        )
        archive.writestr(
            "paiements.csv",
            _rows_csv(
                ["date", "amount", "method", "status", "receipt"],
                [
                    [
                        p.created.isoformat(),
                        p.total,
                        p.method,
                        p.status,
                        getattr(getattr(p, "receipt", None), "number", ""),
                    ]
                    for p in payments
                ],
            ),
        )
        archive.writestr(
            "adhesions.csv",
            _rows_csv(
                ["type", "valid_from", "valid_until", "status", "price"],
                [[m.type.name, m.valid_from, m.valid_until, m.status, m.price] for m in memberships],
            ),
        )
        archive.writestr(
            "avoirs.csv",
            _rows_csv(
                ["date", "amount", "reason"],
                [[c.created_at.isoformat(), c.amount, c.reason] for c in Credit.objects.filter(member=member)],
            ),
        )
        for name, header, rows in _more_files(member):
            archive.writestr(name, _rows_csv(header, rows))
        archive.writestr(
            "actions-equipe.csv",
            _rows_csv(
                ["date", "action", "by"],
                [
                    [e.created_at.isoformat(), e.code, e.actor.get_full_name() or e.actor.email]
                    for e in staff_actions(member)
                ],
            ),
        )
    return buffer.getvalue()
