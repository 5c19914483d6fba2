"""Member figures: accounts, memberships taken and to renew."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from indicators.services.periods import RENEWAL_HORIZON_DAYS
from members.models import MemberProfile, Membership


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
