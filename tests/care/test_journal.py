"""The access journal as an administrator reads it: refusals shown as refusals, every read against its
file (next steps included), plain labels, filters by person, staff member and date."""

import datetime

from django.utils import timezone

import pytest

from care import services
from care.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def _care_table(page):
    start = page.index('class="care-table"')
    return page[start : page.index("</table>", start)]


def test_a_refused_note_read_is_shown_as_a_refusal_in_the_files_journal(client, administrator, social_worker, notes):
    case = notes["team"].case
    with pytest.raises(Exception):  # noqa: B017 - Http404: the note's existence is not revealed
        services.get_note(social_worker, notes["psychologist"].pk)
    client.force_login(administrator)
    page = client.get(f"/admin/accompagnement/dossier/{case.pk}/journal/").content.decode()
    label = f"Note n° {notes['psychologist'].pk}<"
    row = next((line for line in _care_table(page).splitlines() if label in line), _care_table(page))
    assert "Accès refusé" in row and "Consultation" not in row
    csv_body = client.get(f"/admin/accompagnement/dossier/{case.pk}/journal/", {"format": "csv"}).content.decode()
    assert "Accès refusé" in csv_body


def test_reading_my_next_steps_is_logged_against_each_file(social_worker, case):
    step = services.add_next_step(
        social_worker, case, description="Rappeler le CLIC", due_on=timezone.localdate(), assigned_to=social_worker
    )
    services.my_next_steps(social_worker)
    entry = AccessLogEntry.objects.get(object_type="nextstep", object_id=step.pk, action="read")
    assert entry.case == case
    assert entry in services.access_log_for_case(case)


def test_the_journal_uses_plain_labels_not_codes_or_bare_ids(client, administrator, social_worker, case):
    step = services.add_next_step(social_worker, case, description="Appeler", due_on=timezone.localdate())
    services.get_case(social_worker, case.pk)
    client.force_login(administrator)
    page = client.get("/admin/accompagnement/journal/").content.decode()
    table = _care_table(page)
    assert "casefile" not in table and "nextstep" not in table
    assert f"Prochaine étape n° {step.pk}" in table
    assert "Berthe Lemoine" in table and "Dossier" in table and "Consultation" in table


def test_the_journal_filters_by_person_staff_member_and_date(client, administrator, social_worker, psychologist, case):
    other = services.create_case(psychologist, first_name="Marcel", last_name="Dupuy")
    services.get_case(psychologist, case.pk)
    client.force_login(administrator)

    def whose_rows(**query):
        page = client.get("/admin/accompagnement/journal/", query).content.decode()
        assert page.count('class="care-error"') == 0
        return _care_table(page)

    only_marcel = whose_rows(case=other.pk)
    assert "Marcel Dupuy" in only_marcel and "Berthe Lemoine" not in only_marcel
    by_psychologist = whose_rows(actor=psychologist.pk)
    assert psychologist.get_full_name() in by_psychologist
    assert social_worker.get_full_name() not in by_psychologist
    today = timezone.localdate()
    assert "Berthe Lemoine" in whose_rows(start=today.isoformat(), end=today.isoformat())
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    assert "Aucune entrée pour ces critères." in whose_rows(start=tomorrow)


def test_a_bad_date_in_the_journal_filter_is_reported_not_a_server_error(client, administrator):
    client.force_login(administrator)
    response = client.get("/admin/accompagnement/journal/", {"start": "9999-99-99", "case": "abc"})
    assert response.status_code == 200
    assert 'class="care-error"' in response.content.decode()


def test_a_care_export_cell_starting_with_a_formula_sign_is_neutralised(client, administrator, social_worker):
    case = services.create_case(
        social_worker, first_name="=HYPERLINK(1)", last_name="Lemoine", referents=[social_worker]
    )
    services.get_case(social_worker, case.pk)
    client.force_login(administrator)
    csv_body = client.get(f"/admin/accompagnement/dossier/{case.pk}/journal/", {"format": "csv"}).content.decode()
    assert "'=HYPERLINK(1)" in csv_body
    assert ";=HYPERLINK" not in csv_body
