"""The satisfaction survey (settings, invitations, answers) and the permission to read indicators."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Indicators(models.Model):
    """No table: only carries the `view_indicators` permission given to Coordinators and Administrators."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_indicators", _("Peut consulter les indicateurs et le bilan annuel"))]

    def __str__(self):
        return str(self._meta.verbose_name)


@register_setting(icon="pick")
class SurveySettings(BaseSiteSetting):
    send_surveys = models.BooleanField(
        _("Envoyer le petit questionnaire de satisfaction"),
        default=False,
        help_text=_(
            "Le lendemain d'une séance, chaque personne présente reçoit un e-mail avec trois questions "
            "auxquelles elle répond d'un seul clic."
        ),
    )

    panels = [FieldPanel("send_surveys")]

    class Meta:
        verbose_name = _("Questionnaire de satisfaction")


class SurveyInvitation(models.Model):
    """One survey e-mail for one attended booking. The session is kept when the booking disappears
    (account deleted): the answers then stay as anonymous counts."""

    booking = models.OneToOneField(
        "activities.Booking", null=True, on_delete=models.SET_NULL, related_name="survey_invitation"
    )
    session = models.ForeignKey("activities.Session", on_delete=models.CASCADE, related_name="survey_invitations")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Questionnaire envoyé")
        verbose_name_plural = _("Questionnaires envoyés")

    def __str__(self):
        return f"{self.session} #{self.pk}"


class SurveyAnswer(models.Model):
    class Question(models.TextChoices):
        GOOD_TIME = "good_time", _("Avez-vous passé un bon moment ?")
        COME_BACK = "come_back", _("Reviendrez-vous ?")
        RECOMMEND = "recommend", _("Recommanderiez-vous cette activité à une personne de votre entourage ?")

    class Choice(models.TextChoices):
        YES = "yes", _("Oui")
        MAYBE = "maybe", pgettext_lazy("survey answer", "Moyen")
        NO = "no", _("Non")

    invitation = models.ForeignKey(SurveyInvitation, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=12, choices=Question.choices)
    choice = models.CharField(max_length=8, choices=Choice.choices)
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Réponse au questionnaire")
        verbose_name_plural = _("Réponses au questionnaire")
        constraints = [
            models.UniqueConstraint(fields=["invitation", "question"], name="one_answer_per_question"),
        ]

    def __str__(self):
        return f"{self.question}: {self.choice}"
