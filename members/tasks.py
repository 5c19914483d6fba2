"""Background work (django-tasks): membership renewal reminders, 30 days before expiry."""

from django_tasks import task


@task()
def send_renewal_reminders():
    """Remind the members whose membership ends within 30 days (once each); returns how many."""
    from members.services import send_renewal_reminders as send

    return len(send())
