"""Staff exports: the members list and the payments list as CSV (default) or XLSX, totals included."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.roles import COORDINATOR, EDITOR
from members import services
from members.models import MemberProfile
from tests.members.factories import make_booking, make_membership, make_user

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def coordinator_client(client, make_user):
    coordinator = make_user("accueil@escale.example", role=COORDINATOR, first_name="Claire")
    client.force_login(coordinator)
    client.coordinator = coordinator
    return client


def _sheet(response):
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content)).active


def test_members_list_exports_as_xlsx_with_the_search_applied(coordinator_client):
    josette = make_user(first_name="Josette", last_name="Garnier")
    MemberProfile.objects.create(user=josette, phone="0611223344", commune="Cadaujac")
    make_membership(josette)
    make_user(first_name="Paul", last_name="Girard")
    response = coordinator_client.get("/admin/adherents/", {"q": "Cadaujac", "format": "xlsx"})
    assert 'filename="adherents.xlsx"' in response["Content-Disposition"]
    rows = list(_sheet(response).iter_rows(values_only=True))
    assert rows[0][:2] == ("Nom", "Prénom")
    assert rows[1:] == [("Garnier", "Josette", josette.email, "0611223344", "Cadaujac", None, "oui")]


def test_payments_xlsx_has_typed_amounts_and_the_totals_per_method_and_period(coordinator_client):
    member = make_user(first_name="Josette", last_name="Garnier")
    for method, price in (("cash", "12.00"), ("cash", "6.50"), ("cheque", "29.00")):
        services.record_onsite_payment(
            member,
            method=method,
            cheque_number="0012345" if method == "cheque" else "",
            by=coordinator_client.coordinator,
            bookings=[make_booking(member, price=price)],
        )
    response = coordinator_client.get("/admin/adherents/paiements/", {"format": "xlsx"})
    sheet = _sheet(response)
    rows = [row for row in sheet.iter_rows(values_only=True) if any(cell is not None for cell in row)]
    header, *payments = rows[: 1 + 3]
    amount = header.index("Montant")
    assert sorted(Decimal(str(row[amount])) for row in payments) == [
        Decimal("6.50"),
        Decimal("12.00"),
        Decimal("29.00"),
    ]
    totals = {row[0]: Decimal(str(row[amount])) for row in rows[4:]}
    assert totals["Total Espèces (2 paiements)"] == Decimal("18.50")
    assert totals["Total Chèque (1 paiement)"] == Decimal("29.00")
    period_total = next(value for label, value in totals.items() if label.startswith("Total encaissé du "))
    assert period_total == Decimal("47.50")


def test_payments_export_stays_csv_by_default(coordinator_client):
    member = make_user()
    services.record_onsite_payment(
        member, method="cash", by=coordinator_client.coordinator, bookings=[make_booking(member)]
    )
    response = coordinator_client.get("/admin/adherents/paiements/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "Espèces;;12,00" in body
    assert "Total Espèces (1 paiement);;;;;12,00" in body


def test_the_export_buttons_are_on_both_admin_lists(coordinator_client):
    for url in ("/admin/adherents/", "/admin/adherents/paiements/"):
        page = coordinator_client.get(url).content.decode()
        assert "format=xlsx" in page and "format=csv" in page


def test_people_without_the_permission_get_no_export(client, make_user):
    for user in (make_user(role=EDITOR), make_user()):
        client.force_login(user)
        for url in ("/admin/adherents/?format=xlsx", "/admin/adherents/paiements/?format=xlsx"):
            response = client.get(url)
            assert response.status_code in (302, 403)
            assert response.get("Content-Type") != XLSX
