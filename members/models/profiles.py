"""The member profile (one per user account), consents and the members' site settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.phones import normalise_phone


class MemberProfile(models.Model):
    """What we know about a member beyond the account: first and last names live on the user."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Par e-mail")
        PHONE = "phone", _("Par téléphone")
        POST = "post", _("Par courrier")

    class Language(models.TextChoices):
        FR = "fr", "Français"
        EN = "en", "English"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile")
    phone = models.CharField(_("Téléphone"), max_length=30, blank=True)
    # The number as typed is kept for display; this E.164 form ("+33556112233") is what search matches.
    phone_e164 = models.CharField(max_length=20, blank=True, db_index=True, editable=False)
    birth_year = models.PositiveSmallIntegerField(_("Année de naissance"), null=True, blank=True)
    address = models.CharField(_("Adresse postale"), max_length=250, blank=True)
    postal_code = models.CharField(_("Code postal"), max_length=10, blank=True)
    commune = models.CharField(_("Commune"), max_length=120, blank=True)
    preferred_channel = models.CharField(
        _("Comment vous joindre"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    language = models.CharField(_("Langue"), max_length=5, choices=Language.choices, default=Language.FR)
    interests = models.ManyToManyField("activities.Theme", verbose_name=_("Centres d'intérêt"), blank=True)
    newsletter = models.BooleanField(_("Recevoir la lettre d'information"), default=False)
    session_alerts = models.BooleanField(
        _("Recevoir un e-mail quand une nouvelle séance correspond à mes centres d'intérêt"), default=False
    )
    session_alerts_since = models.DateTimeField(
        _("Alertes demandées le"),
        null=True,
        blank=True,
        help_text=_("Seules les séances programmées après cette date sont signalées."),
    )
    solidarity_price = models.BooleanField(
        _("Tarif solidaire accordé"),
        default=False,
        help_text=_("Accordé par l'équipe : le tarif solidaire s'applique à toutes ses inscriptions."),
    )
    solidarity_granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_validated = models.BooleanField(_("Compte validé par l'équipe"), default=True)
    created_at_desk_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Créé à l'accueil par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(_("Données effacées le"), null=True, blank=True)

    class Meta:
        verbose_name = _("Profil d'adhérent")
        verbose_name_plural = _("Profils d'adhérents")

    def __str__(self):
        return self.user.get_full_name() or self.user.email or self.phone

    def save(self, *args, **kwargs):

        self.phone_e164 = normalise_phone(self.phone)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "phone" in update_fields:
            kwargs["update_fields"] = {*update_fields, "phone_e164"}
        super().save(*args, **kwargs)


class Consent(models.Model):
    """One acceptance (terms, charter, newsletter), with the version of the text accepted."""

    class Kind(models.TextChoices):
        TERMS = "terms", _("Conditions d'utilisation")
        CHARTER = "charter", _("Charte du lieu (entraide, bienveillance)")
        NEWSLETTER = "newsletter", _("Lettre d'information")

    class Given(models.TextChoices):
        ONLINE = "online", _("en ligne, par la personne")
        DESK = "desk", _("oralement, à l'accueil")
        PHONE = "phone", _("oralement, par téléphone")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("Objet"), max_length=12, choices=Kind.choices)
    version = models.CharField(_("Version du texte"), max_length=40)
    accepted_at = models.DateTimeField(_("Accepté le"))
    given = models.CharField(_("Donné"), max_length=10, choices=Given.choices, default=Given.ONLINE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Recueilli par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("Retiré le"), null=True, blank=True)

    class Meta:
        verbose_name = _("Consentement")
        verbose_name_plural = _("Consentements")
        ordering = ["-accepted_at"]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version}"


@register_setting(icon="group")
class MembersSettings(BaseSiteSetting):
    validate_new_accounts = models.BooleanField(
        _("Valider les nouveaux comptes"),
        default=False,
        help_text=_("Un compte créé en ligne reste inactif tant que l'équipe ne l'a pas validé."),
    )
    terms_version = models.CharField(
        _("Version des conditions d'utilisation"),
        max_length=20,
        default="2026-01",
        help_text=_("Enregistrée avec chaque acceptation, suivie du numéro de publication de la page du texte."),
    )
    charter_version = models.CharField(
        _("Version de la charte"),
        max_length=20,
        default="2026-01",
        help_text=_("Enregistrée avec chaque acceptation, suivie du numéro de publication de la page du texte."),
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Page des conditions d'utilisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    charter_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Page de la charte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terms_url = models.CharField(
        _("Lien vers les conditions d'utilisation"),
        max_length=250,
        blank=True,
        help_text=_("Seulement si le texte n'est pas une page du site."),
    )
    charter_url = models.CharField(
        _("Lien vers la charte"),
        max_length=250,
        blank=True,
        help_text=_("Seulement si le texte n'est pas une page du site."),
    )

    tax_receipts = models.BooleanField(
        _("Délivrer des reçus fiscaux (Cerfa 11580) pour les adhésions"),
        default=False,
        help_text=_(
            "Seulement si l'association est d'intérêt général et peut recevoir des dons ouvrant droit à "
            "une réduction d'impôt (article 200 du code général des impôts). Vérifiez-le avant de cocher."
        ),
    )
    tax_receipt_object = models.CharField(
        _("Objet de l'association (reçu fiscal)"),
        max_length=250,
        blank=True,
        help_text=_("Par exemple : lieu d'accueil et d'activités pour les seniors et les proches aidants."),
    )
    tax_receipt_signatory = models.CharField(
        _("Nom et qualité du signataire (reçu fiscal)"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple : Hélène Roux, présidente."),
    )

    panels = [
        FieldPanel("validate_new_accounts"),
        FieldPanel("terms_page"),
        FieldPanel("terms_version"),
        FieldPanel("terms_url"),
        FieldPanel("charter_page"),
        FieldPanel("charter_version"),
        FieldPanel("charter_url"),
        MultiFieldPanel(
            [FieldPanel("tax_receipts"), FieldPanel("tax_receipt_object"), FieldPanel("tax_receipt_signatory")],
            heading=_("Reçus fiscaux"),
        ),
    ]

    class Meta:
        verbose_name = _("Adhérents : inscription")
