"""Acting for a member (design.md booking rule 5, Aidants Connect): at the person's request (phone,
desk, a relative they named) or under a standing mandate whose scopes the services enforce; the
consent to a mandate is recorded and the person told; desk accounts record oral consent."""

from decimal import Decimal

from django.core import mail

import pytest

from activities.models import Booking, CallListEntry
from core.roles import COORDINATOR
from members import services
from members.exceptions import InsufficientCredit, MandateRequired
from members.models import Consent, Credit, Mandate, MemberProfile, PersonRequest
from tests.factories import make_user as make_person
from tests.members.factories import make_booking, make_membership_type, make_session, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def claire(make_user):
    return make_user("claire@escale.example", role=COORDINATOR, first_name="Claire", last_name="Martin")


@pytest.fixture
def claire_client(client, claire):
    client.force_login(claire)
    return client


def _phone_member(phone="05 56 11 22 33", **names):
    member = make_user("", first_name=names.get("first_name", "Josette"), last_name=names.get("last_name", "Garnier"))
    MemberProfile.objects.create(user=member, phone=phone, preferred_channel="phone", birth_year=names.get("year"))
    return member


def test_a_coordinator_books_and_cancels_for_a_phone_caller_without_a_mandate(claire_client):
    member = _phone_member()
    session = make_session()
    response = claire_client.post(
        f"/admin/activites/{session.pk}/inscrire/", {"member": member.pk, "demande-asked_by": "phone"}
    )
    assert response.status_code == 302
    booking = Booking.objects.get(member=member, session=session, status="confirmed")
    assert not Mandate.objects.filter(member=member).exists()
    assert PersonRequest.objects.get(member=member, act="book").channel == "phone"

    page = claire_client.get(f"/admin/activites/{session.pk}/inscriptions/{booking.pk}/cancel/")
    assert "Qui le demande ?" in page.content.decode()
    claire_client.post(
        f"/admin/activites/{session.pk}/inscriptions/{booking.pk}/cancel/", {"demande-asked_by": "phone"}
    )
    booking.refresh_from_db()
    assert booking.status == "cancelled"

    history = claire_client.get(f"/admin/adherents/{member.pk}/").content.decode()
    assert "inscription – Yoga doux, à sa demande, par téléphone, par Claire M." in history
    assert "annulation d&#x27;une inscription – Yoga doux, à sa demande, par téléphone, par Claire M." in history


def test_a_relative_asking_is_named_in_the_history(claire_client):
    member = make_user(first_name="Josette", last_name="Garnier")
    session = make_session()
    refused = claire_client.post(
        f"/admin/activites/{session.pk}/inscrire/", {"member": member.pk, "demande-asked_by": "relative"}
    )
    assert refused.status_code == 200 and not Booking.objects.filter(member=member).exists()
    claire_client.post(
        f"/admin/activites/{session.pk}/inscrire/",
        {"member": member.pk, "demande-asked_by": "relative", "demande-relative_name": "Marie Garnier"},
    )
    assert Booking.objects.filter(member=member, status="confirmed").exists()
    claire_client.force_login(member)
    history = claire_client.get("/fr/mon-espace/historique/").content.decode()
    assert "à sa demande, par Marie Garnier (un proche), par Claire M." in history


def test_without_a_request_or_a_mandate_staff_cannot_book(claire_client):
    member = make_user()
    session = make_session()
    claire_client.post(f"/admin/activites/{session.pk}/inscrire/", {"member": member.pk, "demande-asked_by": "mandate"})
    assert not Booking.objects.filter(member=member).exists()


def test_pay_and_edit_are_refused_without_their_scope_or_the_persons_request(claire):
    member = make_user()
    other_staff = make_person(role=COORDINATOR)
    booking = make_booking(member)
    Credit.objects.create(member=member, amount=Decimal("20.00"), reason="Avoir")
    services.give_mandate(member, received_by=claire, scopes=["book", "cancel"], duration=Mandate.Duration.MONTH)

    with pytest.raises(MandateRequired):
        services.pay_with_credit(member, bookings=[booking], by=claire)
    with pytest.raises(MandateRequired):
        services.start_membership(member, make_membership_type(), by=claire)
    with pytest.raises(MandateRequired):
        services.update_profile(member, {"commune": "Bègles"}, by=claire)
    # A request counts only for its act, for the staff member who received it.
    booking_request = services.record_request(member, by=claire, channel="phone", act="book")
    with pytest.raises(MandateRequired):
        services.pay_with_credit(member, bookings=[booking], by=claire, request=booking_request)
    someone_else = services.record_request(member, by=other_staff, channel="phone", act="edit")
    with pytest.raises(MandateRequired):
        services.update_profile(member, {"commune": "Bègles"}, by=claire, request=someone_else)
    assert services.profile_of(member).commune == ""

    asks_to_pay = services.record_request(member, by=claire, channel="phone", act="pay")
    payment = services.pay_with_credit(member, bookings=[booking], by=claire, request=asks_to_pay)
    assert payment.total == Decimal("12.00")
    asks_to_edit = services.record_request(member, by=claire, channel="desk", act="edit")
    services.update_profile(member, {"commune": "Bègles"}, by=claire, request=asks_to_edit)
    assert services.profile_of(member).commune == "Bègles"

    services.give_mandate(member, received_by=claire, scopes=["edit"], duration=Mandate.Duration.DAY)
    services.update_profile(member, {"commune": "Talence"}, by=claire)  # under the "edit" mandate
    assert services.profile_of(member).commune == "Talence"


def test_a_mandate_records_the_consent_and_tells_the_person_by_email(claire, django_capture_on_commit_callbacks):
    member = make_user("josette@example.org", first_name="Josette")
    with django_capture_on_commit_callbacks(execute=True):
        mandate = services.give_mandate(
            member,
            received_by=claire,
            scopes=["book", "pay"],
            duration=Mandate.Duration.SIX_MONTHS,
            consent_given="phone",
        )
    mandate.refresh_from_db()
    assert mandate.consent_given == "phone" and mandate.consent_at is not None
    assert mandate.notified_by == "email" and mandate.notified_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["josette@example.org"]
    assert "Claire Martin" in mail.outbox[0].body and "retirer" in mail.outbox[0].body


def test_a_person_without_email_is_told_of_a_mandate_through_the_call_list(claire, django_capture_on_commit_callbacks):
    member = _phone_member()
    with django_capture_on_commit_callbacks(execute=True):
        mandate = services.give_mandate(member, received_by=claire, scopes=["book"], duration=Mandate.Duration.MONTH)
    mandate.refresh_from_db()
    assert mandate.notified_by == "call_list"
    entry = CallListEntry.objects.get(member=member, reason="mandate")
    assert entry.phone == "05 56 11 22 33" and "Claire Martin" in entry.message
    assert not mail.outbox


def test_a_desk_account_records_the_oral_consent_to_the_terms_and_the_charter(claire_client, claire):
    response = claire_client.post(
        "/admin/adherents/nouveau/",
        {"first_name": "Marcel", "last_name": "Petit", "phone": "05 56 00 00 00", "consent_given": "phone"},
    )
    assert response.status_code == 200  # the person's agreement must be confirmed
    claire_client.post(
        "/admin/adherents/nouveau/",
        {
            "first_name": "Marcel",
            "last_name": "Petit",
            "phone": "05 56 00 00 00",
            "consent_given": "phone",
            "consent_read": "on",
        },
    )
    member = MemberProfile.objects.get(phone="05 56 00 00 00").user
    consents = {c.kind: c for c in Consent.objects.filter(user=member)}
    assert set(consents) == {Consent.Kind.TERMS, Consent.Kind.CHARTER}
    for consent in consents.values():
        assert consent.given == "phone" and consent.recorded_by == claire and consent.accepted_at


def test_a_new_desk_record_warns_of_a_member_with_the_same_phone_or_name_and_birth_year(claire_client):
    existing = _phone_member("05 56 11 22 33", first_name="Josette", last_name="Garnier", year=1942)
    base = {"consent_given": "desk", "consent_read": "on"}
    same_phone = {**base, "first_name": "Jo", "last_name": "Garnier", "phone": "0556112233"}
    response = claire_client.post("/admin/adherents/nouveau/", same_phone)
    page = response.content.decode()
    assert response.status_code == 200 and f"/admin/adherents/{existing.pk}/" in page
    assert "Une fiche existe peut-être déjà" in page
    assert not MemberProfile.objects.filter(user__first_name="Jo").exists()

    same_name = {**base, "first_name": "josette", "last_name": "GARNIER", "phone": "06 00 00 00 01", "birth_year": 1942}
    assert services.possible_duplicates(**{k: same_name[k] for k in ("first_name", "last_name", "phone", "birth_year")})
    response = claire_client.post("/admin/adherents/nouveau/", same_name)
    assert f"/admin/adherents/{existing.pk}/" in response.content.decode()

    # A warning, not a refusal: staff checked, it is someone else.
    response = claire_client.post("/admin/adherents/nouveau/", {**same_name, "not_a_duplicate": "on"})
    assert response.status_code == 302
    assert MemberProfile.objects.filter(phone="06 00 00 00 01", birth_year=1942).exists()
    unrelated = {"first_name": "Josette", "last_name": "Garnier", "phone": "06 99 99 99 99", "birth_year": 1950}
    assert not services.possible_duplicates(**unrelated)


@pytest.mark.parametrize("typed", ["0556112233", "05 56 11 22 33", "05.56.11.22.33", "+33 5 56 11 22 33", "22 33"])
def test_members_are_found_by_any_french_spelling_of_their_phone(claire_client, typed):
    _phone_member("05 56 11 22 33")
    other = make_user(first_name="Paul", last_name="Girard")
    MemberProfile.objects.create(user=other, phone="06 12 34 56 78")
    listing = claire_client.get("/admin/adherents/", {"q": typed}).content.decode()
    assert "Josette Garnier" in listing and "Paul Girard" not in listing
    session = make_session()
    search = claire_client.get(f"/admin/activites/{session.pk}/inscrire/", {"q": typed}).content.decode()
    assert "Josette Garnier" in search and "Personne ne correspond" not in search


def test_a_postal_code_search_still_finds_members_by_postal_code(claire_client):
    member = make_user(first_name="Lucien", last_name="Roux")
    MemberProfile.objects.create(user=member, postal_code="33140")
    assert "Lucien Roux" in claire_client.get("/admin/adherents/", {"q": "33140"}).content.decode()


def test_staff_correct_a_member_record_at_the_persons_request(claire_client):
    member = _phone_member("05 56 11 22 33")
    url = f"/admin/adherents/{member.pk}/modifier/"
    assert "Modifier la fiche" in claire_client.get(f"/admin/adherents/{member.pk}/").content.decode()
    form = {
        "first_name": "Josette",
        "last_name": "Garnier-Roux",
        "phone": "05 56 11 22 33",
        "preferred_channel": "phone",
        "language": "fr",
    }
    claire_client.post(url, {**form, "demande-asked_by": "mandate"})  # no mandate: refused
    member.refresh_from_db()
    assert member.last_name == "Garnier"
    response = claire_client.post(url, {**form, "demande-asked_by": "desk"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.last_name == "Garnier-Roux"
    history = claire_client.get(f"/admin/adherents/{member.pk}/").content.decode()
    assert "profil modifié, à sa demande, à l&#x27;accueil, par Claire M." in history


def test_bookings_list_and_attendance_sheet_show_phone_and_preferred_channel(claire_client):
    member = _phone_member("05 56 11 22 33")
    session = make_session()
    make_booking(member, session)
    for url in (f"/admin/activites/{session.pk}/", f"/admin/activites/{session.pk}/emargement/"):
        page = claire_client.get(url).content.decode()
        assert 'href="tel:0556112233"' in page and "05 56 11 22 33" in page and "Par téléphone" in page


def test_desk_payment_shows_amounts_and_total_spends_credit_and_prints_the_receipt(claire_client):
    member = _phone_member()
    first, second = make_booking(member, price="12.00"), make_booking(member, price="8.00")
    Credit.objects.create(member=member, amount=Decimal("5.00"), reason="Avoir")
    form_page = claire_client.get(f"/admin/adherents/{member.pk}/paiement/").content.decode()
    assert "12,00 €" in form_page and "8,00 €" in form_page and "20,00 €" in form_page
    assert "5,00 € disponibles" in form_page

    too_much = {"method": "cash", "bookings": [first.pk, second.pk], "credit": "6,00", "demande-asked_by": "desk"}
    assert claire_client.post(f"/admin/adherents/{member.pk}/paiement/", too_much).status_code == 200
    response = claire_client.post(
        f"/admin/adherents/{member.pk}/paiement/",
        {"method": "cash", "bookings": [first.pk, second.pk], "credit": "5,00", "demande-asked_by": "desk"},
        follow=True,
    )
    page = response.content.decode()
    assert "Paiement enregistré, reçu émis." in page and "20,00 €" in page and "5,00 €" in page
    assert services.credit_balance(member) == Decimal("0.00")
    payment = member.member_payments.get()
    assert services.credit_used(payment) == Decimal("5.00")
    for size in ("A4", "A5"):
        pdf = claire_client.get(f"/admin/adherents/{member.pk}/recus/{payment.receipt.pk}/", {"format": size})
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    other = make_user()
    not_theirs = claire_client.get(f"/admin/adherents/{other.pk}/recus/{payment.receipt.pk}/")
    assert not_theirs.status_code in (302, 404), not_theirs.get("Location")
    assert not not_theirs.content.startswith(b"%PDF")


def test_credit_covering_everything_needs_no_other_method(claire):
    member = make_user()
    booking = make_booking(member, price="8.00")
    Credit.objects.create(member=member, amount=Decimal("10.00"), reason="Avoir")
    payment = services.record_onsite_payment(member, method="", by=claire, bookings=[booking], credit=Decimal("8.00"))
    assert payment.method == "credit" and services.credit_balance(member) == Decimal("2.00")
    with pytest.raises(InsufficientCredit):
        services.record_onsite_payment(
            member, method="cash", by=claire, bookings=[make_booking(member)], credit=Decimal("3.00")
        )
