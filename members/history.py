"""What Mon espace reads: one member's timeline, attendance and data export (read-only helpers)."""

import csv
import io
import json
import zipfile

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.agenda import attach_localized_activities
from activities.models import ActionLog, Booking
from members.models import Consent, Credit, Mandate, Membership, Payment

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
}


def staff_actions(member):
    """Action-log entries where someone other than the member acted for them or on their bookings."""
    booking_ct = ContentType.objects.get_for_model(Booking)
    booking_ids = [str(pk) for pk in Booking.objects.filter(member=member).values_list("pk", flat=True)]
    return (
        ActionLog.objects.filter(Q(on_behalf_of=member) | Q(content_type=booking_ct, object_id__in=booking_ids))
        .exclude(actor=member)
        .filter(actor__isnull=False)
        .select_related("actor")
        .order_by("-created_at", "-pk")
    )


def timeline(member):
    """Bookings, payments, memberships and staff actions, newest first, as dicts for the template."""
    entries = []
    bookings = list(
        Booking.objects.filter(member=member).select_related("session__activity", "session__place", "made_by")
    )
    attach_localized_activities([booking.session for booking in bookings])  # the English title on /en/
    for booking in bookings:
        entries.append({"kind": "booking", "at": booking.session.start, "booking": booking})
    for payment in Payment.objects.filter(member=member, fulfilled_at__isnull=False).select_related(
        "receipt", "tax_receipt"
    ):
        entries.append({"kind": "payment", "at": payment.fulfilled_at, "payment": payment})
    for membership in (
        Membership.objects.filter(member=member).exclude(status=Membership.Status.CANCELLED).select_related("type")
    ):
        start = timezone.make_aware(timezone.datetime.combine(membership.valid_from, timezone.datetime.min.time()))
        entries.append({"kind": "membership", "at": start, "membership": membership})
    for entry in staff_actions(member):
        entries.append(
            {
                "kind": "staff_action",
                "at": entry.created_at,
                "log": entry,
                "label": ACTION_LABELS.get(entry.code, entry.code),
                "actor": entry.actor.get_full_name() or entry.actor.email,
            }
        )
    entries.sort(key=lambda e: e["at"], reverse=True)
    return entries


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
                ["activity", "start", "status", "price", "created_at"],
                [
                    [b.session.activity.title, b.session.start.isoformat(), b.status, b.price, b.created_at.isoformat()]
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
