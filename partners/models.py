"""Partner organisations (the Pass Senior style directory), their offers, and their convention with us."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from core.translated import TranslatedField


class Category(models.TextChoices):
    FOOD = "food", _("Alimentation et restauration")
    MONEY = "money", _("Assurance, banque et conseils")
    HEARING_SIGHT = "hearing_sight", _("Audition et optique")
    WELLBEING = "wellbeing", _("Beauté et bien-être")
    CULTURE = "culture", _("Culture et loisirs")
    SERVICES = "services", _("Services")
    SPORT = "sport", _("Sport")


class PartnerQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=PartnerOrganisation.Status.ACTIVE)


class PartnerOrganisation(index.Indexed, models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposé")
        INVITED = "invited", _("Invité")
        ACTIVE = "active", _("Convention signée")
        ENDED = "ended", _("Convention échue")

    name = models.CharField(_("Nom"), max_length=150)
    slug = models.SlugField(_("Adresse web"), max_length=160, unique=True)
    category = models.CharField(_("Catégorie"), max_length=20, choices=Category.choices)
    description = models.TextField(_("Présentation"), blank=True)
    description_en = models.TextField(_("Présentation, en anglais"), blank=True)
    address = models.CharField(_("Adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("Code postal"), max_length=10, blank=True)
    commune = models.CharField(_("Commune"), max_length=100)
    latitude = models.FloatField(_("Latitude"), null=True, blank=True)
    longitude = models.FloatField(_("Longitude"), null=True, blank=True)
    accessibility = models.TextField(_("Accessibilité"), blank=True)
    opening_hours = models.TextField(_("Horaires d'ouverture"), blank=True)
    contact_name = models.CharField(_("Personne à contacter"), max_length=150, blank=True)
    email = models.EmailField(_("Courriel"), blank=True)
    phone = models.CharField(_("Téléphone"), max_length=30, blank=True)
    website = models.URLField(_("Site web"), blank=True)
    status = models.CharField(_("État"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    convention_until = models.DateField(_("Convention valable jusqu'au"), null=True, blank=True)
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="partner_organisations", verbose_name=_("Comptes")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Proposé par"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    display_description = TranslatedField("description")

    objects = PartnerQuerySet.as_manager()
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("commune"),
        index.AutocompleteField("name"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("Partenaire")
        verbose_name_plural = _("Partenaires")
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="partner_point")]

    def __str__(self):
        return self.name

    @property
    def full_address(self):
        return ", ".join(part for part in (self.address, f"{self.postcode} {self.commune}".strip()) if part)


class OfferQuerySet(models.QuerySet):
    def published(self, today=None):
        today = today or timezone.localdate()
        return (
            self.filter(status=Offer.Status.PUBLISHED)
            .filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=today))
            .filter(models.Q(starts_on__isnull=True) | models.Q(starts_on__lte=today))
        )


class Offer(models.Model):
    class Audience(models.TextChoices):
        MEMBERS = "members", _("Réservée aux membres")
        ALL = "all", _("Ouverte à toutes et tous")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Brouillon")
        SUBMITTED = "submitted", _("À relire")
        PUBLISHED = "published", _("Publiée")
        REJECTED = "rejected", _("Refusée")

    partner = models.ForeignKey(PartnerOrganisation, on_delete=models.CASCADE, related_name="offers")
    title = models.CharField(_("Titre"), max_length=150)
    title_en = models.CharField(_("Titre, en anglais"), max_length=150, blank=True)
    description = models.TextField(_("Description"), blank=True)
    conditions = models.TextField(_("Conditions"), blank=True)
    audience = models.CharField(_("Pour qui"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS)
    starts_on = models.DateField(_("À partir du"), null=True, blank=True, help_text=_("Vide : offre permanente."))
    ends_on = models.DateField(_("Jusqu'au"), null=True, blank=True)
    status = models.CharField(_("État"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    review_note = models.TextField(_("Note de relecture"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    display_title = TranslatedField("title")
    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("Offre")
        verbose_name_plural = _("Offres")
        ordering = ["partner", "title"]

    def __str__(self):
        return self.title

    @property
    def is_permanent(self):
        return self.starts_on is None and self.ends_on is None


class ConventionText(models.Model):
    """One version of the partnership convention; the newest published one is the one signed."""

    version = models.PositiveIntegerField(_("Version"), unique=True)
    body = models.TextField(_("Texte"))
    published_at = models.DateTimeField(_("Publiée le"), default=timezone.now)

    class Meta:
        verbose_name = _("Texte de convention")
        verbose_name_plural = _("Textes de convention")
        ordering = ["-version"]

    def __str__(self):
        return _("Convention, version %(version)s") % {"version": self.version}


class ConventionAcceptance(models.Model):
    """Who signed which version for which organisation, and when: kept for good (append-only)."""

    partner = models.ForeignKey(PartnerOrganisation, on_delete=models.PROTECT, related_name="acceptances")
    text = models.ForeignKey(ConventionText, on_delete=models.PROTECT, related_name="acceptances")
    signed_name = models.CharField(_("Nom de la personne qui signe"), max_length=150)
    signed_at = models.DateTimeField(_("Signée le"), default=timezone.now)
    valid_until = models.DateField(_("Valable jusqu'au"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("Signature de convention")
        verbose_name_plural = _("Signatures de convention")
        ordering = ["-signed_at"]

    def __str__(self):
        return f"{self.partner} – v{self.text.version} – {self.signed_name}"


class CardCheck(models.Model):
    """A member card scanned: the result and the month, never who the member was."""

    class Result(models.TextChoices):
        VALID = "valid", _("Valide")
        EXPIRED = "expired", _("Échue")
        REPLACED = "replaced", _("Remplacée")
        UNKNOWN = "unknown", _("Non reconnue")

    partner = models.ForeignKey(
        PartnerOrganisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="card_checks"
    )
    result = models.CharField(max_length=10, choices=Result.choices)
    checked_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Vérification de carte")
        verbose_name_plural = _("Vérifications de carte")

    def __str__(self):
        return f"{self.checked_at:%Y-%m} {self.result}"


class MemberCard(models.Model):
    """A member's card: its QR code points to a signed URL naming this row. Reissuing revokes the old card."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_cards")
    issued_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Carte de membre")
        verbose_name_plural = _("Cartes de membre")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["member"], condition=models.Q(revoked_at__isnull=True), name="one_live_card_per_member"
            )
        ]

    def __str__(self):
        return f"{_('Carte')} #{self.pk}"
