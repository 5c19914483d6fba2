"""The scheduler's journal: one row per periodic job and due time, so a job never runs twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """A periodic job claimed for one due time (minute). The unique constraint is the lock: two schedulers
    (two machines, or a restart inside the same minute) try to insert the same row and only one succeeds,
    whatever the task queue (database or RQ)."""

    job = models.CharField(_("tâche"), max_length=80)
    due_at = models.DateTimeField(_("prévue à"))
    enqueued_at = models.DateTimeField(_("mise en file"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencée"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminée"), null=True, blank=True)
    failed = models.BooleanField(_("en échec"), default=False)
    output = models.TextField(_("compte rendu"), blank=True)

    class Meta:
        verbose_name = _("exécution planifiée")
        verbose_name_plural = _("exécutions planifiées")
        ordering = ["-due_at"]
        constraints = [models.UniqueConstraint(fields=["job", "due_at"], name="core_scheduledrun_once_per_due_time")]

    def __str__(self):
        return f"{self.job} @ {self.due_at:%Y-%m-%d %H:%M}"
