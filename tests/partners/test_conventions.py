"""Partner accounts under a convention: invitation, signature, partner space, staff review, renewal, proposals."""

import datetime
import re

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

from core.models import ActionLog
from partners.models import ConventionAcceptance, ConventionText, Offer, PartnerOrganisation
from partners.roles import COMMUNE_CORRESPONDENT
from partners.services import conventions

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    ConventionText.objects.create(version=1, body="Article 1. Le partenaire accueille les membres.")
    return PartnerOrganisation.objects.create(
        name="Fromagerie Lafitte",
        slug="fromagerie-lafitte",
        category="food",
        commune="Bègles",
        postcode="33130",
        latitude=44.806,
        longitude=-0.55,
        email="contact@fromagerie.example",
    )


def _link(django_capture_on_commit_callbacks, organisation, administrator):
    with django_capture_on_commit_callbacks(execute=True):
        conventions.invite(organisation, by=administrator, base_url="http://testserver")
    return re.search(r"http://testserver(\S+)", mail.outbox[-1].body).group(1)


def test_invited_partner_signs_edits_an_offer_and_it_shows_once_staff_approve(
    client, administrator, organisation, django_capture_on_commit_callbacks
):
    path = _link(django_capture_on_commit_callbacks, organisation, administrator)
    assert client.get(path).status_code == 200
    response = client.post(path, {"signed_name": "Marie Lafitte", "accept": "on", "password": "fromage-de-chevre-33"})
    assert response.status_code == 302 and response.url == reverse("partners:space")
    acceptance = ConventionAcceptance.objects.get(partner=organisation)
    assert acceptance.signed_name == "Marie Lafitte" and acceptance.text.version == 1
    assert acceptance.valid_until == timezone.localdate() + datetime.timedelta(days=365)
    organisation.refresh_from_db()
    assert organisation.status == "active"
    contact = organisation.users.get()
    assert EmailAddress.objects.filter(user=contact, email="contact@fromagerie.example", verified=True).exists()

    response = client.post(
        reverse("partners:new_offer"), {"title": "Un fromage offert", "audience": "members", "conditions": "Le samedi"}
    )
    assert response.status_code == 302
    offer = Offer.objects.get(partner=organisation)
    assert offer.status == Offer.Status.SUBMITTED
    public = reverse("partners:partner", args=[organisation.slug])
    assert "Un fromage offert" not in client.get(public).content.decode()

    client.force_login(administrator)
    assert "Un fromage offert" in client.get(reverse("partners_staff:offers_to_review")).content.decode()
    client.post(reverse("partners_staff:review", args=[offer.pk]), {"decision": "approve"})
    client.logout()
    assert "Un fromage offert" in client.get(public).content.decode()
    codes = set(ActionLog.objects.values_list("code", flat=True))
    assert {"partners.invite", "partners.sign", "partners.offer.submit", "partners.offer.approve"} <= codes


def test_a_tampered_invitation_is_refused(client, organisation):
    token = conventions.invitation_token(organisation)
    assert client.get(reverse("partners:sign", args=[token + "x"])).status_code == 400
    organisation.email = "autre@example.org"
    organisation.save()
    assert client.get(reverse("partners:sign", args=[token])).status_code == 400


def test_another_account_cannot_open_a_partner_space_or_edit_its_offers(client, member, organisation):
    offer = Offer.objects.create(partner=organisation, title="Offre", status="published")
    client.force_login(member)
    assert client.get(reverse("partners:space")).status_code == 403
    assert client.post(reverse("partners:edit_offer", args=[offer.pk]), {"title": "Pirate"}).status_code == 403


def test_renewal_reminders_30_and_7_days_before_and_lapsed_conventions_leave_the_directory(organisation):
    today = timezone.localdate()
    organisation.status = "active"
    organisation.convention_until = today + datetime.timedelta(days=30)
    organisation.save()
    other = PartnerOrganisation.objects.create(
        name="Ancien",
        slug="ancien",
        category="sport",
        commune="Talence",
        status="active",
        convention_until=today - datetime.timedelta(days=1),
        email="ancien@example.org",
    )
    call_command("send_convention_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [[organisation.email]]
    other.refresh_from_db()
    assert other.status == "ended"


def test_a_commune_correspondent_proposes_an_organisation(client, make_user):
    correspondent = make_user("mairie@begles.example")
    assert Group.objects.filter(name=COMMUNE_CORRESPONDENT).exists()
    client.force_login(correspondent)
    assert client.get(reverse("partners:propose")).status_code == 403
    correspondent.groups.add(Group.objects.get(name=COMMUNE_CORRESPONDENT))
    response = client.post(
        reverse("partners:propose"), {"name": "Librairie du Port", "category": "culture", "commune": "Bègles"}
    )
    assert response.status_code == 302
    proposed = PartnerOrganisation.objects.get(name="Librairie du Port")
    assert proposed.status == "proposed" and proposed.proposed_by == correspondent
    assert not PartnerOrganisation.objects.public().filter(pk=proposed.pk).exists()


def test_staff_see_organisations_to_invite_and_invite_one(client, administrator, organisation):
    client.force_login(administrator)
    page = client.get(reverse("partners_staff:offers_to_review")).content.decode()
    assert "Fromagerie Lafitte" in page and "invitation à signer" in page
    client.post(reverse("partners_staff:invite", args=[organisation.pk]))
    organisation.refresh_from_db()
    assert organisation.status == "invited"
