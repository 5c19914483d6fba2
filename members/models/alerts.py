"""Alerts about new sessions: which member was told about which session (never twice)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionAlert(models.Model):
    """One member was told about one new session; the unique pair makes every alert at most once."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_alerts")
    session = models.ForeignKey("activities.Session", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("Envoyée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("Alerte nouvelle séance")
        verbose_name_plural = _("Alertes nouvelles séances")
        constraints = [models.UniqueConstraint(fields=["member", "session"], name="one_alert_per_member_and_session")]

    def __str__(self):
        return f"{self.member_id} – {self.session_id}"
