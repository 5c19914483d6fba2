"""Background sending of an issue (django-tasks): one batch per task run, the next batch enqueued after it."""

from django_tasks import task

from newsletter.services import sending


@task()
def send_issue(issue_id):
    """Send one batch; enqueue the next while deliveries are pending. Safe to run twice (see services.sending)."""
    sent, left = sending.send_batch(issue_id)
    if left:
        send_issue.enqueue(issue_id)
    return sent
