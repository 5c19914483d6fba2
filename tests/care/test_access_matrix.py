"""Access matrix: every care URL for every role — who gets in, who gets a 403, a 404 or the login page."""

from django.urls import reverse

import pytest

from care import services
from care.models import CaseFile
from care.services import raise_concern
from tests.care.conftest import PSY_WORD, SOCIAL_WORD, TEAM_WORD

ROLES = ("anonymous", "member", "editor", "coordinator", "social_worker", "psychologist", "administrator")
CARE = {"social_worker", "psychologist", "administrator"}
OUTSIDE_ADMIN = {"anonymous"}  # sent to the login page; a logged-in member gets the "team only" page (403)


@pytest.fixture
def people(member, editor, coordinator, social_worker, psychologist, administrator):
    return {
        "anonymous": None,
        "member": member,
        "editor": editor,
        "coordinator": coordinator,
        "social_worker": social_worker,
        "psychologist": psychologist,
        "administrator": administrator,
    }


def _get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def _urls(case, notes):
    team, social, psy = notes["team"], notes["social"], notes["psychologist"]
    return {
        "list": reverse("care:index"),
        "detail": reverse("care:detail", args=[case.pk]),
        "edit": reverse("care:edit", args=[case.pk]),
        "note_add": reverse("care:note_add", args=[case.pk]),
        "intervention_add": reverse("care:intervention_add", args=[case.pk]),
        "orientation_add": reverse("care:orientation_add", args=[case.pk]),
        "next_step_add": reverse("care:next_step_add", args=[case.pk]),
        "create": reverse("care:create"),
        "my_next_steps": reverse("care:my_next_steps"),
        "note_team": reverse("care:note", args=[team.pk]),
        "note_social": reverse("care:note", args=[social.pk]),
        "note_psychologist": reverse("care:note", args=[psy.pk]),
        "indicators": reverse("care:indicators"),
        "export_csv": reverse("care:indicators") + "?start=2020-01-01&end=2030-12-31&format=csv",
        "export_xlsx": reverse("care:indicators") + "?start=2020-01-01&end=2030-12-31&format=xlsx",
        "case_log": reverse("care:case_log", args=[case.pk]),
        "case_log_csv": reverse("care:case_log", args=[case.pk]) + "?format=csv",
        "access_log": reverse("care:access_log"),
    }


def expected_status(role, url_name):
    if role in OUTSIDE_ADMIN:
        return 302
    if role == "member":
        return 403
    if role not in CARE:
        return 403
    if url_name in ("case_log", "case_log_csv", "access_log"):
        return 200 if role == "administrator" else 403
    if url_name == "note_social":
        return 200 if role == "social_worker" else 404
    if url_name == "note_psychologist":
        return 200 if role == "psychologist" else 404
    return 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_care_url_answers_each_role_as_the_matrix_says(client, people, case, notes, role):
    for url_name, url in _urls(case, notes).items():
        expected = expected_status(role, url_name)
        response = _get(client, people[role], url)
        if expected == 404 and response.status_code == 302:
            # LocaleMiddleware turns any 404 outside i18n_patterns into a redirect to /fr/…, which is a 404 too.
            assert response["Location"] == f"/fr{url}"
            response = client.get(response["Location"])
        assert response.status_code == expected, (role, url_name, response.status_code)
        if expected == 302:
            assert "/comptes/" in response["Location"] or "login" in response["Location"], (role, url_name)
        if expected != 200:
            body = response.content.decode(errors="replace")
            for word in (TEAM_WORD, SOCIAL_WORD, PSY_WORD, "Lemoine", "Parkinson"):
                assert word not in body, (role, url_name, word)


@pytest.mark.django_db
def test_case_detail_shows_each_role_only_its_note_levels(client, people, case, notes):
    seen = {}
    for role in ("social_worker", "psychologist", "administrator"):
        body = _get(client, people[role], reverse("care:detail", args=[case.pk])).content.decode()
        seen[role] = {word for word in (TEAM_WORD, SOCIAL_WORD, PSY_WORD) if word in body}
    assert seen["social_worker"] == {TEAM_WORD, SOCIAL_WORD}  # a psychologist note is invisible to a social worker
    assert seen["psychologist"] == {TEAM_WORD, PSY_WORD}  # a social note is invisible to a psychologist
    assert seen["administrator"] == {TEAM_WORD}


@pytest.mark.django_db
def test_case_list_shows_no_note_content_nor_condition(client, social_worker, case, notes):
    body = _get(client, social_worker, reverse("care:index")).content.decode()
    assert "Lemoine" in body
    for word in (TEAM_WORD, SOCIAL_WORD, PSY_WORD, "Parkinson"):
        assert word not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("editor", False),
        ("coordinator", False),
        ("social_worker", True),
        ("psychologist", True),
        ("administrator", True),
    ],
)
def test_care_menu_item_is_shown_to_care_roles_only(client, people, role, shown):
    body = _get(client, people[role], reverse("wagtailadmin_home")).content.decode()
    assert (reverse("care:index") in body) is shown


@pytest.mark.django_db
def test_editor_cannot_post_a_note_by_url(client, editor, case):
    client.force_login(editor)
    response = client.post(reverse("care:note_add", args=[case.pk]), {"visibility": "team", "body": "intrusion"})
    assert response.status_code == 403
    assert case.notes.count() == 0


@pytest.mark.django_db
def test_social_worker_cannot_write_a_psychologist_note_even_by_forging_the_form(client, social_worker, case):
    client.force_login(social_worker)
    response = client.post(reverse("care:note_add", args=[case.pk]), {"visibility": "psychologist", "body": "forgé"})
    assert response.status_code == 200  # the form is shown again with an error
    assert not case.notes.filter(visibility="psychologist").exists()
    with pytest.raises(services.NoteLevelNotAllowed):
        services.add_note(social_worker, case, visibility="psychologist", body="forgé")


@pytest.mark.django_db
def test_care_professional_adds_a_note_through_the_form(client, psychologist, case):
    client.force_login(psychologist)
    response = client.post(
        reverse("care:note_add", args=[case.pk]), {"visibility": "psychologist", "body": "Séance utile."}
    )
    assert response.status_code == 302
    assert [note.body for note in case.notes.all()] == ["Séance utile."]


@pytest.mark.django_db
def test_psychological_consultation_summary_is_hidden_from_a_social_worker(client, social_worker, psychologist, case):
    services.add_intervention(psychologist, case, kind="psychological", summary="Résumé confidentielvalériane")
    social_body = _get(client, social_worker, reverse("care:detail", args=[case.pk])).content.decode()
    psy_body = _get(client, psychologist, reverse("care:detail", args=[case.pk])).content.decode()
    assert "confidentielvalériane" not in social_body
    assert "Consultation psychologique" in social_body
    assert "confidentielvalériane" in psy_body


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_a_concern_raised_from_a_check_in_call_reaches_social_workers_only(client, people, make_user, role):
    """care.concerns.raise_concern (a caller outside care): the case opens, its note is social-level."""
    person = make_user("appelee@escale.example", first_name="Rose", last_name="Lemoine")
    caller = make_user("appelant@escale.example")
    assert raise_concern(person, raised_by=caller, summary="Inquietudeglycine") is None
    url = reverse("care:detail", args=[CaseFile.objects.get(person=person).pk])
    for user in (people[role], caller):
        response = _get(client, user, url)
        seen = response.status_code == 200 and "Inquietudeglycine" in response.content.decode()
        assert seen is (user is not None and user == people.get("social_worker")), (role, response.status_code)
