"""Background notices of mutual help (django-tasks), queued after the change committed; they take ids."""

from django_tasks import task

from solidarity.services import notices


@task()
def notify_matching_volunteers(request_id):
    notices.notify_matching_volunteers(request_id)


@task()
def notify_offer(offer_id):
    notices.notify_offer(offer_id)


@task()
def notify_accepted(request_id):
    notices.notify_accepted(request_id)


@task()
def notify_cancelled(request_id, by_id):
    notices.notify_cancelled(request_id, by_id)
