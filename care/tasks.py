"""Scheduled work for care: the retention sweep (run daily by the worker's scheduler or cron)."""

from django_tasks import task

from care import services


@task()
def anonymise_expired_case_files():
    """Anonymise every case file past CARE_RETENTION_DAYS; returns how many were anonymised."""
    return len(services.anonymise_expired())
