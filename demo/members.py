"""Demo data for `seed_demo`: membership types, the demo members' profiles and memberships, the terms
and charter pages linked from the sign-up form, and a known TOTP secret for the demo staff who must
use two-factor authentication (care roles, admin)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale, Site

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from activities.models import Theme
from demo.build import ensure_page
from demo.streams import build_stream, heading, paragraph
from home.models import StandardPage
from members import services
from members.models import MemberProfile, Membership, MembershipType, MembersSettings
from members.services.mfa import requires_mfa

# A published demo secret (never use it for a real account): add it to an authenticator app,
# or print the current code with `manage.py demo_totp_code`.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # noqa: S105

MEMBERSHIP_TYPES = [
    # name, price, kind, free, solidarity, order
    ("Adhésion annuelle", "29.00", MembershipType.Kind.CALENDAR_YEAR, False, False, 1),
    ("Adhésion solidaire", "5.00", MembershipType.Kind.CALENDAR_YEAR, False, True, 2),
    ("Adhésion bénévole", "0.00", MembershipType.Kind.ROLLING_YEAR, True, False, 3),
]
# French name → English name, shown on the /en/ member pages.
MEMBERSHIP_TYPES_EN = {
    "Adhésion annuelle": "Annual membership",
    "Adhésion solidaire": "Solidarity membership",
    "Adhésion bénévole": "Volunteer membership",
}
MEMBER_PROFILES = {
    "membre@escale.example": {"phone": "06 12 34 56 78", "commune": "Villenave-d'Ornon", "postal_code": "33140"},
    "aidant@escale.example": {"phone": "06 98 76 54 32", "commune": "Cadaujac", "postal_code": "33140"},
}


# The texts a new member accepts at sign-up: site pages, linked from the form through MembersSettings.
CONSENT_PAGES = {
    "terms_page": {
        "title": "Conditions d'utilisation",
        "slug": "conditions-utilisation",
        "intro": "Les règles d'utilisation du site et de votre compte à La Maison Escale.",
        "body": [
            heading("Votre compte"),
            paragraph(
                "Votre compte est personnel. Il vous permet de vous inscrire aux activités, de payer votre "
                "adhésion et de retrouver l'historique de vos inscriptions et de vos paiements.",
                "Vous pouvez à tout moment modifier vos informations, télécharger vos données ou supprimer "
                "votre compte depuis « Mon espace ».",
            ),
            heading("Inscriptions et annulations"),
            paragraph(
                "Si vous ne pouvez pas venir, annulez votre inscription le plus tôt possible : une autre "
                "personne pourra prendre votre place. Une séance payée et annulée à temps vous est rendue "
                "sous forme d'avoir.",
            ),
            heading("Aide de l'équipe"),
            paragraph(
                "L'équipe d'accueil peut vous inscrire ou enregistrer un paiement pour vous, seulement si "
                "vous lui en avez donné l'autorisation (un mandat), que vous pouvez retirer à tout moment.",
            ),
        ],
    },
    "charter_page": {
        "title": "Charte du lieu",
        "slug": "charte-du-lieu",
        "intro": "La Maison Escale est un lieu d'entraide et de bienveillance. En devenant membre, vous "
        "vous engagez à faire vivre ces valeurs.",
        "body": [
            heading("L'entraide"),
            paragraph(
                "Chacun a quelque chose à apporter : une recette, un savoir-faire, une oreille attentive. "
                "On s'aide, on partage, on se relaie.",
            ),
            heading("La bienveillance"),
            paragraph(
                "On vient comme on est, sans justificatif ni jugement. On s'écoute, on respecte le rythme "
                "et les choix de chacun.",
            ),
            heading("La confidentialité"),
            paragraph(
                "Ce qui se dit dans les groupes de parole et les entretiens reste entre les personnes présentes.",
            ),
        ],
    },
}


def ensure_consent_pages():
    """The terms and charter pages under the French home page, linked in the members' settings."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    home = site.root_page.specific
    french = Locale.objects.get(language_code="fr")
    member_settings = MembersSettings.for_site(site)
    for setting_name, spec in CONSENT_PAGES.items():
        fields = {
            "title": spec["title"],
            "intro": spec["intro"],
            "show_in_menus": False,
            "body": build_stream(spec["slug"], spec["body"], pages={}, images={}),
        }
        page = ensure_page(StandardPage, home, spec["slug"], fields, locale=french)
        setattr(member_settings, setting_name, page)
    member_settings.save()


def _ask_for_alerts(email, theme_slugs):
    """The demo member wants e-mails about new sessions: `manage.py send_session_alerts` shows one."""
    profile = MemberProfile.objects.filter(user__email__iexact=email).first()
    if profile is None or profile.session_alerts:
        return
    profile.session_alerts = True  # since the beginning: the demo sessions just created count as new
    profile.save(update_fields=["session_alerts", "updated_at"])
    profile.interests.set(Theme.objects.filter(slug__in=theme_slugs, locale__language_code="fr"))


def seed(*, stdout):
    """Create the demo membership types, profiles, one paid membership, the terms and charter pages
    and the staff TOTP; idempotent."""
    ensure_consent_pages()
    types = {}
    for name, price, kind, free, solidarity, order in MEMBERSHIP_TYPES:
        types[name], _created = MembershipType.objects.get_or_create(
            name=name,
            defaults={
                "price": Decimal(price),
                "kind": kind,
                "is_free": free,
                "is_solidarity": solidarity,
                "sort_order": order,
            },
        )
        if types[name].name_en != MEMBERSHIP_TYPES_EN[name]:
            types[name].name_en = MEMBERSHIP_TYPES_EN[name]
            types[name].save(update_fields=["name_en"])
    User = get_user_model()
    for email, fields in MEMBER_PROFILES.items():
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            continue
        MemberProfile.objects.update_or_create(user=user, defaults=fields)
    _ask_for_alerts("membre@escale.example", ("numerique", "bien-etre"))

    josette = User.objects.filter(email__iexact="membre@escale.example").first()
    coordinator = User.objects.filter(email__iexact="coordination@escale.example").first()
    today = timezone.localdate()
    if josette and coordinator and not Membership.objects.filter(member=josette).exists():
        at_desk = services.record_request(josette, by=coordinator, channel="desk", act="pay")
        membership = services.start_membership(
            josette, types["Adhésion annuelle"], by=coordinator, request=at_desk, start=today.replace(month=1, day=1)
        )
        services.record_onsite_payment(
            josette, method="cheque", cheque_number="0001234", by=coordinator, memberships=[membership]
        )
    paul = User.objects.filter(email__iexact="aidant@escale.example").first()
    if paul and not Membership.objects.filter(member=paul).exists():
        # Ends within 30 days: `manage.py send_renewal_reminders` shows the renewal e-mail. Written directly (no
        # service starts a membership in the past with its own end date), at the type's price, with its status.
        Membership.objects.create(
            member=paul,
            type=types["Adhésion annuelle"],
            valid_from=today - datetime.timedelta(days=340),
            valid_until=today + datetime.timedelta(days=25),
            status=Membership.Status.ACTIVE,
            price=types["Adhésion annuelle"].price,
        )

    candidates = User.objects.filter(email__iendswith="@escale.example").order_by("pk")
    staff = [user for user in candidates if requires_mfa(user)]  # members.services.mfa: what the middleware asks
    for user in staff:
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
    if staff:
        stdout.write(
            f"  Double authentification (TOTP) des comptes {', '.join(u.email for u in staff)} : "
            f"clé secrète {DEMO_TOTP_SECRET} (application d'authentification, ou `manage.py demo_totp_code`)."
        )
