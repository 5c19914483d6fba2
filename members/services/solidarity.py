"""The solidarity price: staff grant it to a member (or take it back); it then wins over the member price
(members.services.price_for)."""

from django.db import transaction

from core.audit import log_action
from members.models import MemberProfile


def grant_solidarity_price(member, *, granted, by):
    """Grant (granted=True) or withdraw (granted=False) the solidarity price, recording who decided.

    Idempotent: asking for the state the member is already in changes nothing and logs nothing, so a
    form sent twice cannot flip the price back. Returns the profile."""
    granted = bool(granted)
    with transaction.atomic():
        profile, _created = MemberProfile.objects.select_for_update().get_or_create(user=member)
        if profile.solidarity_price == granted:
            return profile
        profile.solidarity_price = granted
        profile.solidarity_granted_by = by if granted else None
        profile.save(update_fields=["solidarity_price", "solidarity_granted_by", "updated_at"])
        log_action(member, "escale.member.solidarity_price", actor=by, on_behalf_of=member, data={"granted": granted})
    return profile
