"""Staff view in the Wagtail admin: the periodic jobs, when they run next and how their last runs went."""

from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.models import ScheduledRun
from core.schedule import SCHEDULE
from core.scheduler import trigger_for

PERMISSION = "core.view_scheduledrun"


@never_cache
@permission_required(PERMISSION, raise_exception=True)
def scheduled_jobs(request):
    now = timezone.now()
    last = {}
    for run in ScheduledRun.objects.filter(job__in=[j.command for j in SCHEDULE]).order_by("job", "-due_at"):
        last.setdefault(run.job, run)
    jobs = [
        {"job": job, "next": trigger_for(job).get_next_fire_time(None, now), "last": last.get(job.command)}
        for job in SCHEDULE
    ]
    return TemplateResponse(
        request,
        "core/scheduled_jobs.html",
        {
            "jobs": jobs,
            "runs": ScheduledRun.objects.all()[:50],
            "failed_count": ScheduledRun.objects.filter(failed=True).count(),
            "page_title": _("Tâches planifiées"),
        },
    )
