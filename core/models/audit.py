"""An append-only action log (pretix `log_action` style); written through `core.audit.log_action`."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionLogImmutable(PermissionDenied):
    """Raised on any attempt to change or delete an entry of the staff-acts journal."""


def _refuse_change():
    raise ActionLogImmutable(_("Le journal des actions ne peut pas être modifié."))


class ActionLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        _refuse_change()

    def delete(self):
        _refuse_change()

    def bulk_update(self, objs, fields, batch_size=None):
        _refuse_change()

    def update_or_create(self, *args, **kwargs):
        _refuse_change()


class ActionLog(models.Model):
    """Who did what, for whom (staff acting for a member included). Append-only, as the care access log:
    the model and its queryset refuse changes; on PostgreSQL a trigger refuses UPDATE and DELETE
    (activities migration 0005; the table keeps its first name) and the application's role may only SELECT and INSERT (core.db_roles). Accounts
    that appear here are erased or deactivated, never deleted (PROTECT)."""

    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    code = models.CharField(_("Action"), max_length=120, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ActionLogQuerySet.as_manager()

    class Meta:
        db_table = "activities_actionlog"  # created by the activities app before the journal moved here
        verbose_name = _("Journal d'actions")
        verbose_name_plural = _("Journal d'actions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.code}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            _refuse_change()
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_change()
