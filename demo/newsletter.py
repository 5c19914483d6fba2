"""Demo newsletter issue for `seed_demo`: text, the next sessions and the partners' offers (published, not sent)."""

from wagtail.models import Site

from newsletter.models import NewsletterIssuePage

SLUG = "lettre-hiver"


def seed(*, stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or NewsletterIssuePage.objects.filter(slug=SLUG).exists():
        return
    issue = NewsletterIssuePage(
        title="La lettre de l'Escale – hiver",
        slug=SLUG,
        intro="Le programme de l'hiver, les nouvelles du lieu et les offres de nos partenaires.",
        body=[
            (
                "text",
                "<p>Bonjour à toutes et à tous,</p><p>L'hiver arrive : le tiers-lieu reste ouvert du mardi au samedi, "
                "et le bus numérique continue ses tournées dans les communes.</p>",
            ),
            ("sessions", {"title": "Prochaines séances", "count": 5}),
            ("offers", {"title": "Offres de nos partenaires", "category": "", "count": 6}),
        ],
    )
    site.root_page.add_child(instance=issue)
    issue.save_revision().publish()
    stdout.write("Lettre d'information : un numéro publié (non envoyé).")
