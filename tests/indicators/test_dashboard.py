"""The staff dashboard: who may see it, what it shows, the annual report downloads, and a query count
that does not grow with the number of bookings."""

import datetime
import io
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from activities.models import Booking
from care.models import AccessLogEntry
from indicators import reports, services
from tests.activities.factories import make_activity, make_place, make_session, make_user
from tests.indicators.conftest import YEAR, at, pay

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/indicateurs/"


def march_query(period):
    return {"period": "custom", "start": period.start.isoformat(), "end": period.end.isoformat()}


def refused(response):
    """Wagtail turns a PermissionDenied in the admin into a redirect to the admin home with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.mark.parametrize("role_fixture", ["editor", "social_worker", "psychologist"])
def test_staff_without_the_permission_are_refused(client, request, role_fixture, known):
    client.force_login(request.getfixturevalue(role_fixture))
    assert refused(client.get(DASHBOARD))
    assert refused(client.get(reverse("indicators_admin:annual_report_xlsx", args=[YEAR])))
    assert refused(client.get(reverse("indicators_admin:annual_report_pdf", args=[YEAR])))
    home = client.get("/admin/")
    assert "Indicateurs du mois" not in home.content.decode()


def test_a_member_gets_the_team_only_page(client, member):
    client.force_login(member)
    response = client.get(DASHBOARD)
    assert response.status_code == 403
    assert "Indicateurs du mois" not in response.content.decode()


@pytest.mark.parametrize("role_fixture", ["coordinator", "administrator"])
def test_coordinators_and_administrators_see_the_dashboard_menu_and_home_panel(client, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    home = client.get("/admin/").content.decode()
    assert "Indicateurs du mois" in home
    assert 'href="/admin/indicateurs/"' in home


def test_dashboard_shows_the_known_figures_with_the_previous_period(client, coordinator, known):
    client.force_login(coordinator)
    page = client.get(DASHBOARD, march_query(known["period"])).content.decode()
    assert "45,0 %" in page  # fill rate
    assert "12,5 %" in page  # no-show rate
    assert "49,00 €" in page and "5,00 €" in page  # revenue, this period and the previous one
    assert "en hausse de 44,00 €" in page
    assert "75,0 %" in page and "100,0 %" in page  # satisfied share per activity, from the survey answers
    assert 'role="img"' in page and "<caption>" in page and 'scope="row"' in page
    assert "Nom1" not in page and "personne1@" not in page  # anonymous


def test_reading_care_aggregates_is_written_in_the_care_access_log(client, administrator, known_care, known):
    client.force_login(administrator)
    page = client.get(DASHBOARD, march_query(known["period"])).content.decode()
    assert "Aidants repérés" in page
    assert "Secret-A" not in page
    assert AccessLogEntry.objects.filter(actor=administrator, object_type="indicators").exists()


def test_annual_report_xlsx_holds_the_year_figures(client, administrator, known, known_care):
    client.force_login(administrator)
    response = client.get(reverse("indicators_admin:annual_report_xlsx", args=[YEAR]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="bilan-{YEAR}.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert "Synthèse" in workbook.sheetnames and "Accompagnement des aidants" in workbook.sheetnames
    summary = {row[0]: row[1] for row in workbook["Synthèse"].iter_rows(min_row=2, values_only=True)}
    # Over the whole year the same bookings and payments are found as in March, plus February's.
    assert summary["Recettes encaissées (€)"] == pytest.approx(54.0)
    assert summary["Personnes venues"] == 6
    assert summary["… déjà venues avant"] == 0  # m1 first came in February of the same year
    methods = {
        row[0]: row[1] for row in workbook["Recettes par moyen de paiement"].iter_rows(min_row=2, values_only=True)
    }
    assert methods == {"Carte bancaire (terminal sur place)": 12, "Espèces": 34, "Carte bancaire en ligne": 8}
    care = {row[0]: row[1] for row in workbook["Accompagnement des aidants"].iter_rows(min_row=2, values_only=True)}
    assert care["Aidants repérés"] == "< 5"  # 2: too few to publish (tests/indicators/test_care_privacy.py)
    text = " ".join(str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row if c)
    assert "Secret-A" not in text and "Nom1" not in text


def test_annual_report_pdf_is_a_pdf_made_from_the_year_figures(client, coordinator, known):
    html = reports.annual_report_html(YEAR)
    # Year: sessions S0, S1, S2 (capacity 30), seats 2 + 9 = 11 → 36.7 %; absent 2 / (8 + 2) = 20.0 %.
    assert "36,7 %" in html and "20,0 %" in html
    assert "54,00 €" in html
    assert "<svg" in html and "Bilan d'activité" in html
    client.force_login(coordinator)
    response = client.get(reverse("indicators_admin:annual_report_pdf", args=[YEAR]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_annual_report_of_a_far_year_is_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("indicators_admin:annual_report_pdf", args=[1990])).status_code == 404


def _add_bookings(count, sessions, people):
    for i in range(count):
        member = people[i % len(people)]
        session = sessions[i % len(sessions)]
        status = (Booking.Status.ATTENDED, Booking.Status.NO_SHOW, Booking.Status.WAITLISTED)[i % 3]
        booking = Booking.objects.create(session=session, member=member, status=status, price=Decimal("8.00"))
        pay(member, ("cash", "online")[i % 2], [("booking", booking, Decimal("8.00"))], fulfilled_at=session.start)


def test_dashboard_query_count_does_not_grow_with_the_number_of_bookings(client, coordinator):
    start = at(datetime.date(YEAR, 5, 4))
    sessions = [
        make_session(
            make_activity(f"Activité {n}"),
            start=start + datetime.timedelta(days=n),
            capacity=60,
            place=make_place(commune=f"Commune {n}", is_bus_stop=bool(n % 2)),
        )
        for n in range(5)
    ]
    people = [make_user() for _ in range(50)]
    query = {"period": "custom", "start": f"{YEAR}-05-01", "end": f"{YEAR}-05-31"}
    client.force_login(coordinator)

    _add_bookings(5, sessions, people)
    with CaptureQueriesContext(connection) as few:
        assert client.get(DASHBOARD, query).status_code == 200
    _add_bookings(45, sessions, people[5:])
    with CaptureQueriesContext(connection) as many:
        page = client.get(DASHBOARD, query).content.decode()

    assert "Commune 3" in page and "Activité 4" in page  # the bookings are really counted
    assert len(many) == len(few), f"{len(few)} queries with 5 bookings, {len(many)} with 50"


def test_custom_dates_in_the_wrong_order_are_explained_and_this_month_is_shown(client, coordinator):
    client.force_login(coordinator)
    response = client.get(DASHBOARD, {"period": "custom", "start": f"{YEAR}-05-31", "end": f"{YEAR}-05-01"})
    page = response.content.decode()
    assert "La date de fin doit être après la date de début." in page
    assert response.context["period"] == services.this_month()
