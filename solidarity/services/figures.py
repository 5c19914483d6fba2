"""Mutual-help counts for a period (anonymous aggregates, a fixed number of queries): what funders ask for.
indicators makes them fit to publish (small cells hidden)."""

import datetime

from django.db.models import Count, Min, Q
from django.utils import timezone

from solidarity.models import CallRecord, HelpKind, HelpRequest, VolunteerProfile


def _bounds(start, end):
    tz = timezone.get_current_timezone()
    low = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    high = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return low, high


def counts(start, end):
    """Requests posted between `start` and `end` (dates, included) by kind and by status, how many got an
    offer, the delay to the first offer, how many were honoured; volunteers validated; calls made, reached,
    concerns raised. Only numbers."""
    low, high = _bounds(start, end)
    posted = HelpRequest.objects.filter(created_at__gte=low, created_at__lt=high)
    by_kind = dict.fromkeys(HelpKind.values, 0)
    by_kind.update(dict(posted.values_list("kind").annotate(n=Count("pk")).order_by()))
    by_status = dict.fromkeys(HelpRequest.Status.values, 0)
    by_status.update(dict(posted.values_list("status").annotate(n=Count("pk")).order_by()))
    firsts = list(
        posted.annotate(first=Min("offers__created_at")).filter(first__isnull=False).values_list("created_at", "first")
    )
    delays = [(first - created).total_seconds() / 3600 for created, first in firsts]
    outcomes = posted.filter(status=HelpRequest.Status.CLOSED).aggregate(
        closed=Count("pk"),
        honoured=Count("pk", filter=Q(requester_outcome="honoured", volunteer_outcome="honoured")),
    )
    calls = CallRecord.objects.filter(created_at__gte=low, created_at__lt=high).aggregate(
        made=Count("pk"),
        reached=Count("pk", filter=Q(outcome=CallRecord.Outcome.REACHED)),
        concerns=Count("pk", filter=Q(concern_raised=True)),
    )
    return {
        "requests": sum(by_kind.values()),
        "by_kind": by_kind,
        "by_status": by_status,
        "answered": len(firsts),
        "mean_delay_hours": round(sum(delays) / len(delays), 1) if delays else None,
        "closed": outcomes["closed"],
        "honoured": outcomes["honoured"],
        "volunteers_validated": VolunteerProfile.objects.filter(validated_at__gte=low, validated_at__lt=high).count(),
        "caregivers": posted.values("requester").distinct().count(),
        "calls": calls,
    }
