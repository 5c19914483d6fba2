"""A newsletter issue is a Wagtail page; subscribers outside the members; one delivery row per issue and address."""

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from newsletter.blocks import IssueStreamBlock


class NewsletterIssuePage(RoutablePageMixin, Page):
    """One issue: its page is the web version; /imprimer/ is the A4 PDF printable version (like Pass l'info)."""

    intro = models.TextField(_("Chapeau"), blank=True)
    body = StreamField(IssueStreamBlock(), verbose_name=_("Contenu"), blank=True)
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Lettre d'information")
        verbose_name_plural = _("Lettres d'information")

    @path("imprimer/", name="pdf")
    def printable(self, request):
        from newsletter.services.rendering import issue_pdf  # rendering imports this module

        response = HttpResponse(issue_pdf(self, request), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="lettre-{self.slug}.pdf"'
        return response


class Subscriber(models.Model):
    """Someone who subscribed from the site (member or not), confirmed by the link sent to them."""

    email = models.EmailField(_("Courriel"), unique=True)
    language = models.CharField(_("Langue"), max_length=5, default="fr")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(_("Confirmé le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("Désabonné le"), null=True, blank=True)

    class Meta:
        verbose_name = _("Abonné ou abonnée")
        verbose_name_plural = _("Abonnés")

    def __str__(self):
        return self.email


class Delivery(models.Model):
    """One message of one issue to one address: never two (the unique constraint), resumable (pending rows)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("À envoyer")
        SENDING = "sending", _("En cours")
        SENT = "sent", _("Envoyée")
        FAILED = "failed", _("Échec")

    issue = models.ForeignKey(NewsletterIssuePage, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    member = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    language = models.CharField(max_length=5, default="fr")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Envoi")
        verbose_name_plural = _("Envois")
        constraints = [models.UniqueConstraint(fields=["issue", "email"], name="one_delivery_per_issue_and_address")]

    def __str__(self):
        return f"{self.issue_id} → {self.email}"
