"""Confidential follow-up of accompanied caregivers: case files, interventions, orientations, notes, access log.

Nothing here is indexed for search nor registered as a snippet; every read and write goes through care.services.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from care.fields import CareEncryptedCharField, CareEncryptedTextField

# The details of a case file staff type in (care.forms.CaseFileForm); the services also accept `person`.
CASE_DETAIL_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "commune",
    "identified_on",
    "identified_via",
    "identified_via_detail",
    "helped_relationship",
    "helped_lives_at_home",
    "helped_condition",
    "followup_consent_on",
    "followup_consent_recorded_by",
    "followup_consent_scope",
    "sharing_consent_on",
    "sharing_consent_scope",
)


class CaseFile(models.Model):
    """The follow-up of one accompanied person: a member (person) or a contact without an account."""

    class Status(models.TextChoices):
        IDENTIFIED = "identified", _("Repéré·e")
        ACCOMPANIED = "accompanied", _("Accompagné·e")
        CLOSED = "closed", _("Clos")

    class IdentifiedVia(models.TextChoices):
        ACTIVITY = "activity", _("Une activité")
        PARTNER = "partner", _("Un partenaire")
        SELF = "self", _("Démarche personnelle")
        OTHER = "other", _("Autre")

    class Relationship(models.TextChoices):
        SPOUSE = "spouse", _("Conjoint·e")
        PARENT = "parent", _("Parent")
        CHILD = "child", _("Enfant")
        SIBLING = "sibling", _("Frère ou sœur")
        OTHER_FAMILY = "other_family", _("Autre membre de la famille")
        FRIEND = "friend", _("Ami·e ou voisin·e")
        OTHER = "other", _("Autre")

    class LivesAtHome(models.TextChoices):
        HOME = "home", _("À son domicile")
        WITH_CAREGIVER = "with_caregiver", _("Chez l'aidant·e")
        INSTITUTION = "institution", _("En établissement")
        UNKNOWN = "unknown", _("Non renseigné")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Compte adhérent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="care_files",
    )
    first_name = CareEncryptedCharField(_("Prénom"), max_length=150, blank=True)
    last_name = CareEncryptedCharField(_("Nom"), max_length=150, blank=True)
    phone = CareEncryptedCharField(_("Téléphone"), max_length=40, blank=True)
    commune = CareEncryptedCharField(_("Commune"), max_length=150, blank=True)

    status = models.CharField(_("Statut"), max_length=12, choices=Status.choices, default=Status.IDENTIFIED)
    identified_on = models.DateField(_("Repéré·e le"), default=timezone.localdate)
    accompanied_on = models.DateField(_("Accompagné·e depuis le"), null=True, blank=True)
    closed_on = models.DateField(_("Clos le"), null=True, blank=True)
    referents = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("Référent·es"), blank=True, related_name="care_referent_of"
    )
    identified_via = models.CharField(
        _("Repéré·e par"), max_length=10, choices=IdentifiedVia.choices, default=IdentifiedVia.OTHER
    )
    identified_via_detail = CareEncryptedCharField(_("Précision sur le repérage"), max_length=250, blank=True)

    helped_relationship = models.CharField(
        _("Lien avec la personne aidée"), max_length=14, choices=Relationship.choices, blank=True
    )
    helped_lives_at_home = models.CharField(
        _("Lieu de vie de la personne aidée"), max_length=16, choices=LivesAtHome.choices, default=LivesAtHome.UNKNOWN
    )
    helped_condition = CareEncryptedTextField(_("Situation de la personne aidée"), blank=True)

    followup_consent_on = models.DateField(_("Accord pour le suivi recueilli le"), null=True, blank=True)
    followup_consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Accord recueilli par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    followup_consent_scope = models.CharField(_("Portée de l'accord pour le suivi"), max_length=250, blank=True)
    sharing_consent_on = models.DateField(_("Accord pour le partage avec les partenaires le"), null=True, blank=True)
    sharing_consent_scope = models.CharField(_("Portée de l'accord de partage"), max_length=250, blank=True)

    last_contact_on = models.DateField(_("Dernier contact"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("Anonymisé le"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Dossier d'accompagnement")
        verbose_name_plural = _("Dossiers d'accompagnement")
        ordering = ["-identified_on", "-pk"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.anonymised_at:
            return _("Dossier anonymisé n° %(pk)s") % {"pk": self.pk}
        if self.person_id and not (self.first_name or self.last_name):
            name = self.person.get_full_name() or self.person.get_username()
        else:
            name = f"{self.first_name} {self.last_name}".strip()
        return name or _("Dossier n° %(pk)s") % {"pk": self.pk}


class Intervention(models.Model):
    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("Entretien")
        PHONE_CALL = "phone_call", _("Appel téléphonique")
        HOME_VISIT = "home_visit", _("Visite à domicile")
        GROUP_SESSION = "group_session", _("Séance collective")
        PSYCHOLOGICAL = "psychological", _("Consultation psychologique")

    case = models.ForeignKey(CaseFile, on_delete=models.CASCADE, related_name="interventions")
    kind = models.CharField(_("Type"), max_length=14, choices=Kind.choices)
    date = models.DateField(_("Date"), default=timezone.localdate)
    duration_minutes = models.PositiveSmallIntegerField(_("Durée (minutes)"), default=30)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Auteur·e"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = CareEncryptedTextField(_("Résumé"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Intervention")
        verbose_name_plural = _("Interventions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.date:%d/%m/%Y}"


class Orientation(models.Model):
    class PartnerType(models.TextChoices):
        CCAS = "ccas", _("CCAS")
        CLIC = "clic", _("CLIC")
        RESPITE = "respite", _("Plateforme de répit")
        SAAD = "saad", _("SAAD (aide à domicile)")
        OTHER = "other", _("Autre partenaire")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("En attente")
        ACCEPTED = "accepted", _("Acceptée")
        REFUSED = "refused", _("Refusée")
        NO_ANSWER = "no_answer", _("Sans réponse")

    case = models.ForeignKey(CaseFile, on_delete=models.CASCADE, related_name="orientations")
    partner_type = models.CharField(_("Type de partenaire"), max_length=8, choices=PartnerType.choices)
    partner_name = models.CharField(_("Nom du partenaire"), max_length=200, blank=True)
    date = models.DateField(_("Date"), default=timezone.localdate)
    outcome = models.CharField(_("Suite donnée"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Orientation")
        verbose_name_plural = _("Orientations")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_partner_type_display()} — {self.date:%d/%m/%Y}"


class NextStep(models.Model):
    case = models.ForeignKey(CaseFile, on_delete=models.CASCADE, related_name="next_steps")
    description = CareEncryptedCharField(_("Prochaine étape"), max_length=300)
    due_on = models.DateField(_("Échéance"))
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Confiée à"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="care_next_steps",
    )
    done_at = models.DateTimeField(_("Faite le"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Prochaine étape")
        verbose_name_plural = _("Prochaines étapes")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return _("Étape n° %(pk)s") % {"pk": self.pk}


class Note(models.Model):
    class Visibility(models.TextChoices):
        TEAM = "team", _("Équipe (tous les professionnels de l'accompagnement)")
        SOCIAL = "social", _("Travailleurs sociaux")
        PSYCHOLOGIST = "psychologist", _("Psychologues uniquement")

    case = models.ForeignKey(CaseFile, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Auteur·e"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(_("Visibilité"), max_length=12, choices=Visibility.choices)
    body = CareEncryptedTextField(_("Note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Note")
        verbose_name_plural = _("Notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        # Never the body: __str__ ends up in logs and admin messages.
        return _("Note n° %(pk)s") % {"pk": self.pk}


class AccessLogImmutable(PermissionDenied):
    """Raised on any attempt to change or delete an access-log entry."""


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AccessLogImmutable(_("Le journal des accès ne peut pas être modifié."))

    def delete(self):
        raise AccessLogImmutable(_("Le journal des accès ne peut pas être supprimé."))

    def bulk_update(self, objs, fields, batch_size=None):
        raise AccessLogImmutable(_("Le journal des accès ne peut pas être modifié."))

    def update_or_create(self, *args, **kwargs):
        raise AccessLogImmutable(_("Le journal des accès ne peut pas être modifié."))


class AccessLogEntry(models.Model):
    """Append-only record of who read or wrote what in care, and when.

    Refused in three layers: save() of an existing row, delete() and queryset update()/delete() raise here; on
    PostgreSQL a trigger (migrations 0002, 0004) also rejects UPDATE, DELETE and back-dated INSERTs issued by any
    client, and the application's role may only SELECT and INSERT (core.db_roles): only the table owner, used
    for migrations, can TRUNCATE or drop the trigger — see docs/deploy.md and docs/privacy.md.
    Entries never hold care content: only ids, the action and a short code.
    """

    class Action(models.TextChoices):
        READ = "read", _("Consultation")
        LIST = "list", _("Liste")
        CREATE = "create", _("Création")
        UPDATE = "update", _("Modification")
        EXPORT = "export", _("Export")
        ANONYMISE = "anonymise", _("Anonymisation")
        REFUSED = "refused", _("Accès refusé")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Qui"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # staff who appear in the log are deactivated, never deleted
        related_name="+",
    )
    case = models.ForeignKey(
        CaseFile, verbose_name=_("Dossier"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    object_type = models.CharField(_("Objet"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("Identifiant"), null=True, blank=True)
    action = models.CharField(_("Action"), max_length=10, choices=Action.choices)
    detail = models.CharField(_("Précision"), max_length=60, blank=True)
    at = models.DateTimeField(_("Quand"), default=timezone.now, db_index=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("Entrée du journal des accès")
        verbose_name_plural = _("Journal des accès")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id or ''}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AccessLogImmutable(_("Le journal des accès ne peut pas être modifié."))
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AccessLogImmutable(_("Le journal des accès ne peut pas être supprimé."))
