"""Care figures leave the care team only as docs/privacy.md promises: never to coordination, and elsewhere
(administrators' dashboard, annual report for funders) with counts of 1 to 4 shown "< 5" and no total that
gives a hidden count back."""

import io
import itertools
import random
import subprocess
import tempfile

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from care import services as care_services
from care.models import AccessLogEntry
from indicators import disclosure
from indicators.disclosure import SMALL, WITHHELD
from tests.indicators.conftest import YEAR, D

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/indicateurs/"


def march(known):
    period = known["period"]
    return {"period": "custom", "start": period.start.isoformat(), "end": period.end.isoformat()}


def pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(content)
        pdf.flush()
        return subprocess.run(["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607


def care_sheet(response):
    workbook = load_workbook(io.BytesIO(response.content))
    if "Accompagnement des aidants" not in workbook.sheetnames:
        return None
    return {row[0]: row[1] for row in workbook["Accompagnement des aidants"].iter_rows(min_row=2, values_only=True)}


def test_coordinators_get_no_care_figures_on_the_dashboard_nor_in_the_annual_report(
    client, coordinator, known, known_care
):
    client.force_login(coordinator)
    page = client.get(DASHBOARD, march(known)).content.decode()
    assert "45,0 %" in page  # the rest of the dashboard is there
    assert "Accompagnement des aidants" not in page and "Aidants repérés" not in page
    assert care_sheet(client.get(reverse("indicators_admin:annual_report_xlsx", args=[YEAR]))) is None
    text = pdf_text(client.get(reverse("indicators_admin:annual_report_pdf", args=[YEAR])).content)
    assert "Bilan" in text and "Aidants repérés" not in text and "Consultation psychologique" not in text
    # They read no care data, so nothing is written in the care access log either.
    assert not AccessLogEntry.objects.filter(actor=coordinator).exists()


def test_administrators_see_care_counts_of_one_to_four_as_less_than_five(client, administrator, known, known_care):
    # known_care: 2 caregivers identified, 1 accompanied, 0 closed, 1 interview, 1 orientation in March.
    client.force_login(administrator)
    page = client.get(DASHBOARD, march(known)).content.decode()
    care = page[page.index("<caption>Accompagnement des aidants") :]
    care = care[: care.index("</table>")]
    assert '<th scope="row">Aidants repérés</th><td>&lt; 5</td>' in care
    assert '<th scope="row">Accompagnements clos</th><td>0</td>' in care  # zero names nobody
    assert '<th scope="row">Interventions</th><td>&lt; 5</td>' in care
    assert "<td>1</td>" not in care and "<td>2</td>" not in care
    assert AccessLogEntry.objects.filter(actor=administrator, object_type="indicators").exists()

    sheet = care_sheet(client.get(reverse("indicators_admin:annual_report_xlsx", args=[YEAR])))
    assert sheet["Aidants repérés"] == "< 5"
    assert sheet["Aidants accompagnés (entrée)"] == "< 5"
    assert sheet["Accompagnements clos"] == 0
    assert sheet["… CLIC"] == "< 5"
    text = pdf_text(client.get(reverse("indicators_admin:annual_report_pdf", args=[YEAR])).content)
    assert "Aidants repérés" in text and "< 5" in text


def test_a_total_does_not_give_back_a_small_count(client, administrator, social_worker, known, known_care):
    # 20 interviews (21 with known_care's) and 3 psychological consultations: "Interventions 24" beside
    # "Entretien 21" would tell that there were exactly 3 consultations.
    for day in range(1, 21):
        care_services.add_intervention(social_worker, known_care, kind="interview", date=D(YEAR, 3, day))
    for day in (2, 3, 4):
        care_services.add_intervention(social_worker, known_care, kind="psychological", date=D(YEAR, 3, day))
    client.force_login(administrator)
    sheet = care_sheet(client.get(reverse("indicators_admin:annual_report_xlsx", args=[YEAR])))
    assert sheet["Interventions"] == 24
    assert sheet["… Consultation psychologique"] == "< 5"
    assert sheet["… Entretien"] == "masqué"
    shown = [sheet[f"… {label}"] for label in ("Entretien", "Appel téléphonique", "Visite à domicile")]
    assert 24 - sum(v for v in shown if isinstance(v, int)) != 3


def test_the_share_coming_from_an_activity_is_hidden_when_few_people_are_behind_it(
    client, administrator, known, known_care
):
    client.force_login(administrator)
    sheet = care_sheet(client.get(reverse("indicators_admin:annual_report_xlsx", args=[YEAR])))
    # One person accompanied, who came through an activity: "100 %" would name them.
    assert sheet["Part des personnes accompagnées venues d'abord pour une activité (%)"] == "< 5"


# --- The suppression rule itself --------------------------------------------------------------------------------


def _what_a_reader_can_deduce(total, shown):
    """Every value each small hidden cell can take, given the published total, visible cells and markers."""
    hidden = [key for key, value in shown.items() if value in (SMALL, WITHHELD)]
    rest = total - sum(value for value in shown.values() if isinstance(value, int))
    ranges = [range(1, 5) if shown[key] == SMALL else range(5, max(rest, 5) + 1) for key in hidden]
    possible = {key: set() for key in hidden}
    for values in itertools.product(*ranges):
        if sum(values) == rest:
            for key, value in zip(hidden, values, strict=True):
                possible[key].add(value)
    return {key: values for key, values in possible.items() if shown[key] == SMALL}


def test_no_published_breakdown_lets_a_reader_pin_down_a_small_count():
    generator = random.Random(13)  # noqa: S311 - test data, not secrets
    for _ in range(400):
        counts = {key: generator.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 15]) for key in "abcde"}
        total, shown = disclosure.protect_group(counts)
        for key, count in counts.items():
            if disclosure.is_small(count):
                assert shown[key] == SMALL, (counts, shown)
            elif shown[key] != WITHHELD:
                assert shown[key] == count
        if total in (SMALL, WITHHELD):
            continue
        assert total == sum(counts.values())
        for key, values in _what_a_reader_can_deduce(total, shown).items():
            assert values == {1, 2, 3, 4}, (counts, shown, key, values)


def test_a_breakdown_without_small_counts_is_published_whole():
    assert disclosure.protect_group({"a": 0, "b": 5, "c": 12}) == (17, {"a": 0, "b": 5, "c": 12})
    assert disclosure.protect_group({"a": 2, "b": 1}) == (SMALL, {"a": SMALL, "b": SMALL})
