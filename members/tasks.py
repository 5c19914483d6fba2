"""Background work (django-tasks): membership renewal reminders, alerts about new sessions."""

from django_tasks import task


@task()
def send_renewal_reminders():
    """Remind the members whose membership ends within 30 days (once each); returns how many."""
    from members.services import send_renewal_reminders as send

    return len(send())


@task()
def send_session_alerts():
    """Announce new sessions to the members interested in them (one e-mail each); returns how many."""
    from members.services.alerts import send_session_alerts as send

    return send()


@task()
def send_session_alert_email(member_id, session_ids):
    """Send one member's alert e-mail about the given sessions."""
    from members.services.alerts import send_session_alert_email as send

    send(member_id, session_ids)


@task()
def notify_payment_credited(payment_id):
    """Tell the member and the coordinators that money received was put on the member's credit."""
    from members.services.payment_notices import notify_payment_credited as notify

    notify(payment_id)


@task()
def send_refund(refund_id):
    """Send a recorded card refund to the provider, outside any transaction (members.services.refunds)."""
    from members.services.refunds import send_refund as send

    send(refund_id)
