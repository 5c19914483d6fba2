"""What the Mon espace dashboard reads, in few queries (the rules stay in members.services and the
models: these helpers only fetch several of their answers at once)."""

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from core.money import ZERO, round_money
from members import services
from members.models import Credit, MemberProfile, Membership


def memberships_on(user, date):
    """(the active membership valid on `date` or None, [memberships waiting for payment]) in one query."""
    active = Membership.objects.filter(member=user).active_on(date).values("pk")
    rows = list(
        Membership.objects.filter(member=user)
        .filter(Q(status=Membership.Status.PENDING_PAYMENT) | Q(pk__in=active))
        .select_related("type")
        .order_by("-valid_until", "-pk")
    )
    current = next((m for m in rows if m.status == Membership.Status.ACTIVE), None)
    return current, [m for m in rows if m.status == Membership.Status.PENDING_PAYMENT]


def profile_and_credit(user):
    """(profile, credit balance) in one query; the profile is created on first use as profile_of does."""
    total = (
        Credit.objects.filter(member=OuterRef("user"))
        .order_by()
        .values("member")
        .annotate(total=Sum("amount"))
        .values("total")[:1]
    )
    output = DecimalField(max_digits=12, decimal_places=2)
    profile = (
        MemberProfile.objects.filter(user=user)
        .annotate(credit_total=Coalesce(Subquery(total, output_field=output), ZERO, output_field=output))
        .first()
    )
    if profile is None:
        return services.profile_of(user), services.credit_balance(user)
    return profile, round_money(profile.credit_total)
