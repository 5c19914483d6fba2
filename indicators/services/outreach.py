"""Partners and newsletter figures for a period: partners by category, offers, card checks per partner and
month, newsletter reach. Counts only (a card check never names the member); a fixed number of queries."""

import datetime

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from newsletter.models import Delivery
from partners.models import CardCheck, Category, Offer, PartnerOrganisation


def outreach_figures(period):
    start = datetime.datetime.combine(period.start, datetime.time.min)
    end = datetime.datetime.combine(period.end, datetime.time.max)
    by_category = dict(
        PartnerOrganisation.objects.public()
        .values_list("category")
        .annotate(n=Count("pk"))
        .values_list("category", "n")
    )
    checks = (
        CardCheck.objects.filter(checked_at__date__gte=period.start, checked_at__date__lte=period.end)
        .annotate(month=TruncMonth("checked_at"))
        .values("partner__name", "month")
        .annotate(total=Count("pk"), valid=Count("pk", filter=Q(result=CardCheck.Result.VALID)))
        .order_by("month", "partner__name")
    )
    reach = Delivery.objects.filter(sent_at__gte=start, sent_at__lte=end).aggregate(
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        people=Count("email", distinct=True),
        issues=Count("issue", distinct=True),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )
    return {
        "partners_by_category": [(label, by_category.get(value, 0)) for value, label in Category.choices],
        "partners": sum(by_category.values()),
        "offers": Offer.objects.published(period.end).filter(partner__status="active").count(),
        "card_checks": [
            {
                "partner": row["partner__name"] or "—",
                "month": row["month"],
                "total": row["total"],
                "valid": row["valid"],
            }
            for row in checks
        ],
        "newsletter": reach,
    }
