"""The annual report reads right in a spreadsheet (percent as percent, euros as euros, sheet names whole) and
"Ce mois-ci" is compared with the previous calendar month."""

import calendar
import datetime
import io
import subprocess

from django.utils import timezone

from wagtail.models import Site

import pytest
from openpyxl import load_workbook

from home.models import SiteSettings
from indicators import reports, services
from indicators.services import Period
from tests.indicators.conftest import YEAR

pytestmark = pytest.mark.django_db

D = datetime.date


def rows(sheet):
    return {row[0].value: row[1:] for row in sheet.iter_rows(min_row=2)}


def test_annual_report_xlsx_writes_percentages_as_percent_and_money_as_euros(known):
    workbook = load_workbook(io.BytesIO(reports.annual_report_xlsx(YEAR)))
    summary = rows(workbook["Synthèse"])
    fill_rate = summary["Taux de remplissage (%)"][0]
    assert fill_rate.number_format == "0.0 %"  # shown "36,7 %", not "36,70 €"
    assert float(fill_rate.value) == pytest.approx(0.367)
    revenue = summary["Recettes encaissées (€)"][0]
    assert revenue.number_format == "#,##0.00 €"
    assert float(revenue.value) == pytest.approx(54.0)
    assert summary["Personnes venues"][0].number_format == "General"
    satisfaction = rows(workbook["Satisfaction par activité"])
    share = satisfaction["Yoga doux"][2]
    assert share.number_format == "0.0 %" and float(share.value) == pytest.approx(0.75)


def test_sheet_titles_keep_their_apostrophe(known):
    workbook = load_workbook(io.BytesIO(reports.annual_report_xlsx(YEAR)))
    assert "Liste d’attente par activité" in workbook.sheetnames
    assert "Liste d’attente par thème" in workbook.sheetnames
    assert not any("dattente" in name for name in workbook.sheetnames)


@pytest.mark.parametrize(
    ("period", "previous"),
    [
        (Period(D(2026, 12, 1), D(2026, 12, 31)), Period(D(2026, 11, 1), D(2026, 11, 30))),
        (Period(D(2026, 3, 1), D(2026, 3, 31)), Period(D(2026, 2, 1), D(2026, 2, 28))),
        (Period(D(2026, 1, 1), D(2026, 1, 31)), Period(D(2025, 12, 1), D(2025, 12, 31))),
        (Period(D(2026, 1, 1), D(2026, 12, 31)), Period(D(2025, 1, 1), D(2025, 12, 31))),
        (Period(D(2024, 4, 1), D(2024, 6, 30)), Period(D(2024, 1, 1), D(2024, 3, 31))),
        (Period(D(2026, 3, 10), D(2026, 3, 19)), Period(D(2026, 2, 28), D(2026, 3, 9))),  # any dates: same length
    ],
)
def test_a_period_is_compared_with_the_previous_calendar_months_or_the_same_number_of_days(period, previous):
    assert period.previous() == previous


def test_this_month_on_the_dashboard_is_compared_with_the_previous_calendar_month(client, coordinator):
    client.force_login(coordinator)
    response = client.get("/admin/indicateurs/", {"period": "month"})
    today = timezone.localdate()
    last_month_end = today.replace(day=1) - datetime.timedelta(days=1)
    last_month = Period(last_month_end.replace(day=1), last_month_end)
    assert response.context["comparison"]["previous"]["period"] == last_month
    assert calendar.monthrange(last_month.end.year, last_month.end.month)[1] == last_month.end.day
    assert response.context["previous_label"] == reports.period_label(last_month)
    assert services.this_month().previous() == last_month


def _pdf_pages(content, tmp_path):
    path = tmp_path / "bilan.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607
    return [page for page in text.split("\f") if page.strip()]


def test_annual_report_pdf_starts_its_figures_on_page_one_and_leaves_no_heading_alone_at_a_page_bottom(
    known, known_care, tmp_path
):
    site = Site.objects.get(is_default_site=True)
    organisation = SiteSettings.for_site(site)
    organisation.organisation_name = "Association L'Escale des aidants du canton"
    organisation.address, organisation.postal_code = "12 avenue de la Gare, bâtiment B", "33650"
    organisation.city, organisation.phone = "Saint-Médard-d'Eyrans", "05 56 11 22 33"
    organisation.email = "contact@escale.example"
    organisation.save()
    pages = _pdf_pages(reports.annual_report_pdf(YEAR, with_care=True), tmp_path)
    assert len(pages) > 1
    assert "Chiffres clés" in pages[0] and "Comptes adhérents" in pages[0]  # the table is with its heading
    titles = {section["title"] for section in reports.annual_report_context(YEAR, with_care=True)["sections"]}
    titles |= {"Chiffres clés", "Graphiques"}
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        last = [line for line in lines if not line.replace(" ", "").replace("/", "").isdigit()][-1]
        assert last not in titles, f"page {number} ends with the heading {last!r}"


def test_percentages_read_as_percent_in_the_report_tables(known):
    html = reports.annual_report_html(YEAR)
    assert "75,0 %" in html and "75,00" not in html  # satisfaction share of "Yoga doux"
