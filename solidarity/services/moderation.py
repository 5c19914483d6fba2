"""Safety: anyone in a request reports a message or the request; the team (and the psychologist) read the
queue, hide a message, block a volunteer."""

from django.db import transaction
from django.utils import timezone

from core.audit import log_action
from solidarity.exceptions import NotAllowed
from solidarity.models import Message, Report
from solidarity.services.roles import can_see_reports, is_team
from solidarity.services.visibility import can_see_request


def report(help_request, *, by, reason, message=None):
    """Report the request or one of its messages to the team. Raises NotAllowed for outsiders."""
    if not can_see_request(help_request, by) or (message is not None and message.request_id != help_request.pk):
        raise NotAllowed()
    with transaction.atomic():
        entry = Report.objects.create(request=help_request, message=message, reported_by=by, reason=reason[:1000])
        log_action(entry, "escale.report.made", actor=by)
    return entry


def reports_for(user):
    """The moderation queue, open first; only for the team and psychologists."""
    if not can_see_reports(user):
        raise NotAllowed()
    return Report.objects.select_related("request", "message", "reported_by").order_by("status", "-created_at")


def handle_report(entry, *, by, hide_message=False):
    if not is_team(by):
        raise NotAllowed()
    with transaction.atomic():
        entry.status = Report.Status.HANDLED
        entry.handled_by = by
        entry.handled_at = timezone.now()
        entry.save(update_fields=["status", "handled_by", "handled_at"])
        if hide_message and entry.message_id:
            Message.objects.filter(pk=entry.message_id).update(hidden_at=timezone.now())
        log_action(entry, "escale.report.handled", actor=by, data={"hidden": bool(hide_message)})
    return entry
