"""The membership period is the rule its type defines: civil year with a carry-over date, or 12
rolling months — stated on the join page and the desk form before paying."""

import datetime
import html

import pytest
from freezegun import freeze_time

from core.roles import COORDINATOR
from members import services
from members.models import Membership, MembershipType
from tests.members.factories import make_membership, make_membership_type, make_user

pytestmark = pytest.mark.django_db

FIRST_DECEMBER = "2026-12-01 10:00:00"


def annual(**fields):
    fields.setdefault("kind", MembershipType.Kind.CALENDAR_YEAR)
    fields.setdefault("carry_over_month", 9)
    fields.setdefault("carry_over_day", 1)
    return make_membership_type("Adhésion annuelle", "29.00", **fields)


@pytest.mark.parametrize(
    ("start", "fields", "until"),
    [
        (datetime.date(2026, 12, 1), {}, datetime.date(2027, 12, 31)),
        (datetime.date(2026, 9, 1), {}, datetime.date(2027, 12, 31)),
        (datetime.date(2026, 8, 31), {}, datetime.date(2026, 12, 31)),
        (datetime.date(2026, 12, 1), {"carry_over_month": None}, datetime.date(2026, 12, 31)),
        (datetime.date(2026, 12, 1), {"kind": MembershipType.Kind.ROLLING_YEAR}, datetime.date(2027, 11, 30)),
    ],
)
def test_the_period_follows_the_rule_of_the_membership_type(start, fields, until):
    assert services.membership_period(annual(**fields), start) == (start, until)


@freeze_time(FIRST_DECEMBER)
def test_joining_online_on_1_december_states_then_gives_the_period_to_the_end_of_next_year(client):
    membership_type = annual()
    member = make_user()
    client.force_login(member)

    page = html.unescape(client.get("/fr/mon-espace/adhesion/").content.decode())

    assert "Si vous adhérez aujourd'hui : du 01/12/2026 au 31/12/2027." in page
    assert "une adhésion prise à partir du 1er septembre vaut aussi pour l'année suivante" in page
    assert "Adhésion annuelle – 29,00 € – du 01/12/2026 au 31/12/2027" in page

    client.post("/fr/mon-espace/adhesion/", {"membership_type": membership_type.pk})

    membership = Membership.objects.get(member=member)
    assert (membership.valid_from, membership.valid_until) == (datetime.date(2026, 12, 1), datetime.date(2027, 12, 31))


@freeze_time(FIRST_DECEMBER)
def test_joining_at_the_desk_on_1_december_states_then_gives_the_same_period(client):
    membership_type = annual()
    member = make_user(first_name="Jeanne")
    client.force_login(_coordinator())

    page = html.unescape(client.get(f"/admin/adherents/{member.pk}/paiement/").content.decode())
    assert "Adhésion annuelle – 29,00 € – du 01/12/2026 au 31/12/2027" in page

    client.post(
        f"/admin/adherents/{member.pk}/adhesion/",
        {"adhesion-membership_type": membership_type.pk, "adhesion-demande-asked_by": "desk"},
    )

    membership = Membership.objects.get(member=member)
    assert (membership.valid_from, membership.valid_until) == (datetime.date(2026, 12, 1), datetime.date(2027, 12, 31))


@freeze_time(FIRST_DECEMBER)
def test_a_renewal_shown_on_the_join_page_starts_the_day_after_the_current_membership(client):
    membership_type = annual()
    member = make_user()
    make_membership(member, valid_from=datetime.date(2026, 1, 1), valid_until=datetime.date(2026, 12, 31))
    client.force_login(member)

    page = html.unescape(client.get("/fr/mon-espace/adhesion/").content.decode())

    assert "du 01/01/2027 au 31/12/2027" in page
    assert services.period_for(member, membership_type) == (datetime.date(2027, 1, 1), datetime.date(2027, 12, 31))


def test_a_carry_over_day_that_does_not_exist_in_its_month_is_refused():
    from django.core.exceptions import ValidationError

    membership_type = MembershipType(name="X", price=0, carry_over_month=2, carry_over_day=30)

    with pytest.raises(ValidationError):
        membership_type.clean()


def _coordinator():
    from django.contrib.auth.models import Group

    user = make_user()
    user.groups.add(Group.objects.get(name=COORDINATOR))
    return user
