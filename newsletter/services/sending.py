"""Sending an issue: one Delivery row per address (unique), claimed one by one, sent in batches by a task.

Running the task twice, or two workers at once, sends nobody twice: a row goes pending → sending by a conditional
UPDATE that only one caller wins. A crash leaves the rest pending; the next run resumes there.
"""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from core.audit import log_action
from members.models import MemberProfile
from newsletter.models import Delivery, NewsletterIssuePage, Subscriber
from newsletter.services import rendering, subscriptions

BATCH_SIZE = 100


def recipients():
    """(email, member id or None, language) of everyone who consented, once per address (members first)."""
    seen, found = set(), []
    profiles = (
        MemberProfile.objects.filter(newsletter=True, erased_at__isnull=True, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", "user_id", "language")
        .order_by("user_id")
    )
    for email, user_id, language in profiles:
        if email.lower() not in seen:
            seen.add(email.lower())
            found.append((email.lower(), user_id, language or "fr"))
    subscribers = Subscriber.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True).order_by("pk")
    for email, language in subscribers.values_list("email", "language"):
        if email.lower() not in seen:
            seen.add(email.lower())
            found.append((email.lower(), None, language or "fr"))
    return found


@transaction.atomic
def prepare(issue, *, by=None):
    """Create the missing delivery rows (an address already there is skipped); returns how many were added."""
    before = Delivery.objects.filter(issue=issue).count()
    Delivery.objects.bulk_create(
        [
            Delivery(issue=issue, email=email, member_id=member_id, language=lang)
            for email, member_id, lang in recipients()
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    if issue.sending_started_at is None:
        NewsletterIssuePage.objects.filter(pk=issue.pk).update(sending_started_at=timezone.now())
    added = Delivery.objects.filter(issue=issue).count() - before
    log_action(issue, "newsletter.send", actor=by, data={"added": added})
    return added


def message_for(issue, *, email, language, issue_id=0, base_url=None):
    """The e-mail for one reader, with the RFC 8058 one-click unsubscribe headers."""
    unsubscribe = subscriptions.unsubscribe_url(email, issue_id, base_url)
    subject, text, html = rendering.render_email(
        issue, language=language, unsubscribe_url=unsubscribe, base_url=base_url
    )
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    return message


def send_test(issue, user, base_url=None):
    """The issue to oneself, before sending (no delivery row)."""
    language = getattr(getattr(user, "member_profile", None), "language", "") or "fr"
    message_for(issue, email=user.email, language=language, base_url=base_url).send()


def send_batch(issue_id, batch_size=BATCH_SIZE):
    """Send up to batch_size pending deliveries of the issue; returns (sent, pending left)."""
    issue = NewsletterIssuePage.objects.get(pk=issue_id)
    sent = 0
    ids = list(
        Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING).values_list("pk", flat=True)[
            :batch_size
        ]
    )
    for pk in ids:
        claimed = Delivery.objects.filter(pk=pk, status=Delivery.Status.PENDING).update(status=Delivery.Status.SENDING)
        if not claimed:
            continue  # another worker has it
        delivery = Delivery.objects.get(pk=pk)
        try:
            message_for(issue, email=delivery.email, language=delivery.language, issue_id=issue_id).send()
        except Exception as error:  # noqa: BLE001 (a refused address must not stop the batch)
            Delivery.objects.filter(pk=pk).update(status=Delivery.Status.FAILED, error=str(error)[:300])
        else:
            Delivery.objects.filter(pk=pk).update(status=Delivery.Status.SENT, sent_at=timezone.now())
            sent += 1
    left = Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING).count()
    return sent, left


def statistics(issue):
    counts = Delivery.objects.filter(issue=issue).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
        pending=Count("pk", filter=Q(status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING])),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )
    return counts


def start(issue, *, by=None):
    """Prepare the deliveries and hand the sending to the task worker once committed."""
    from newsletter.tasks import send_issue  # tasks imports this module

    with transaction.atomic():
        added = prepare(issue, by=by)
        transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
    return added
