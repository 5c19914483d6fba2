"""Issue 12 item 7: "Payer mes inscriptions" shows activity, date in words, price each and the total,
everything ticked, never the login name; with nothing to pay, a plain sentence and no form."""

import datetime
import html
import re
from decimal import Decimal

from django.utils import timezone, translation

import pytest

from core.formatting import when_in_words
from members.models import Payment
from tests.activities.factories import make_activity
from tests.members.factories import make_booking, make_session, make_user

pytestmark = pytest.mark.django_db


def _at(day, hour, minute=0):
    now = timezone.localtime()
    return timezone.make_aware(datetime.datetime(now.year + 1, 3, day, hour, minute))


def _text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_each_line_shows_activity_date_in_words_and_price_with_the_total_all_ticked(client):
    member = make_user(first_name="Josette")
    member.username = "jgarnier"
    member.save(update_fields=["username"])
    client.force_login(member)
    sophro = make_session(make_activity("Sophrologie"), start=_at(10, 14, 30))
    yoga = make_session(make_activity("Yoga doux"), start=_at(12, 10))
    make_booking(member, sophro, price="8.00")
    make_booking(member, yoga, price="12.50")
    response = client.get("/fr/mon-espace/a-payer/")
    page = _text(response)
    with translation.override("fr"):
        when = when_in_words(sophro.start, sophro.end, with_year=True)
    assert re.match(r"^\w+ 10 mars \d{4}, 14 h 30 – 16 h$", when)
    assert f"Sophrologie, {when} : 8,00 €" in page
    assert "Yoga doux" in page and "12,50 €" in page
    assert "Total si tout est coché : 20,50 €" in page
    assert "jgarnier" not in page  # the login name
    content = response.content.decode()
    boxes = re.findall(r'<input type="checkbox"[^>]*>', content)
    assert len(boxes) == 2 and all("checked" in box for box in boxes)


def test_the_date_in_words_is_written_in_the_members_language(client):
    member = make_user()
    client.force_login(member)
    make_booking(member, make_session(make_activity("Sophrologie"), start=_at(10, 14, 30)), price="8.00")
    page = _text(client.get("/en/my-space/a-payer/"))
    assert "10 March" in page and "2:30 pm" in page and "8.00 €" in page
    assert "Total if everything is ticked: 8.00 €" in page


def test_with_nothing_to_pay_a_plain_sentence_and_no_form(client):
    member = make_user()
    client.force_login(member)
    response = client.get("/fr/mon-espace/a-payer/")
    assert "Vous n'avez rien à payer en ce moment." in html.unescape(response.content.decode())
    assert "<form" not in response.content.decode().split("<main", 1)[-1].split("</main>", 1)[0]


def test_the_ticked_lines_go_to_payment_with_their_amounts(client):
    member = make_user()
    client.force_login(member)
    first = make_booking(member, price="8.00")
    make_booking(member, price="12.00")
    response = client.post("/fr/mon-espace/a-payer/", {"bookings": [first.pk]})
    assert response.status_code == 302
    assert Payment.objects.get(member=member).total == Decimal("8.00")
