"""Plain-text e-mails are not HTML: an apostrophe reads "L'Escale", never "L&#x27;Escale"."""

import datetime
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.template.loader import render_to_string

APOSTROPHES = "L'Escale, l'atelier d'écriture & co"


def _text_templates():
    """Every .txt template of the apps and of the site shell (e-mail bodies)."""
    base = Path(settings.BASE_DIR)
    roots = [base / name for name in ("activities", "care", "home", "indicators", "members", "search", "site")]
    return sorted(path for root in roots for path in root.rglob("*.txt") if "templates" in path.parts)


def test_every_plain_text_template_turns_html_escaping_off():
    templates = _text_templates()
    assert templates, "no .txt template found"
    missing = [str(path) for path in templates if "{% autoescape off %}" not in path.read_text()]
    assert not missing, f"plain-text templates still HTML-escaped: {missing}"


def test_the_session_alert_text_keeps_its_apostrophes():
    member = SimpleNamespace(first_name="Anne-Marie d'Orval", email="a@example.org")
    item = {"title": APOSTROPHES, "when": "mardi 3 mars", "place": "Salle de l'Escale", "url": "https://x/1/"}
    text = render_to_string(
        "members/email/session_alert.txt",
        {"member": member, "items": [item], "count": 1, "preferences_url": "https://x/p/", "site_name": "L'Escale"},
    )
    assert "&#x27;" not in text and "&amp;" not in text
    assert APOSTROPHES in text and "Salle de l'Escale" in text and "Anne-Marie d'Orval" in text


def test_the_renewal_reminder_text_keeps_its_apostrophes():
    member = SimpleNamespace(first_name="Anne-Marie d'Orval")
    membership = SimpleNamespace(valid_until=datetime.date(2026, 12, 31))
    text = render_to_string(
        "members/email/renewal_reminder.txt",
        {"member": member, "membership": membership, "url": "https://x/r/?a=1&b=2", "site_name": "L'Escale"},
    )
    assert "&#x27;" not in text and "&amp;" not in text
    assert "Anne-Marie d'Orval" in text and "https://x/r/?a=1&b=2" in text and "L'Escale" in text
