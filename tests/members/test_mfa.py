"""Staff in care roles and administrators must set up TOTP before anything else."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from core.roles import ADMINISTRATOR, COORDINATOR, PSYCHOLOGIST, SOCIAL_WORKER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _enforce(settings):
    settings.MEMBERS_REQUIRE_STAFF_MFA = True


@pytest.mark.parametrize("role", [SOCIAL_WORKER, PSYCHOLOGIST, ADMINISTRATOR])
def test_care_roles_without_totp_are_sent_to_the_mfa_setup(client, make_user, role):
    client.force_login(make_user(role=role))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/comptes/2fa/totp/activate/"
    assert client.get("/fr/comptes/2fa/totp/activate/").status_code in (200, 302)
    assert client.get("/fr/mon-espace/").status_code == 302


def test_with_totp_set_up_and_used_they_get_in(client, make_user):
    user = make_user(role=SOCIAL_WORKER)
    TOTP.activate(user, "JBSWY3DPEHPK3PXP")
    client.force_login(user)
    client.post("/fr/comptes/2fa/reauthenticate/", {"code": _current_code("JBSWY3DPEHPK3PXP")})
    assert client.get("/fr/mon-espace/").status_code == 200
    assert Authenticator.objects.filter(user=user).exists()


def test_coordinators_and_members_are_not_forced(client, make_user):
    for user in (make_user(role=COORDINATOR), make_user()):
        client.force_login(user)
        assert client.get("/fr/mon-espace/").status_code == 200


# --- MFA follows what an account can reach (issue 13, item 1) -------------------------------------

LOGIN_URL = "/fr/comptes/login/"
ACTIVATE_URL = "/fr/comptes/2fa/totp/activate/"
CHECK_URL = "/fr/comptes/2fa/reauthenticate/"
SECRET = "JBSWY3DPEHPK3PXP"


def _current_code(secret):
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


@pytest.fixture
def team_note(social_worker):
    from care import services as care_services

    case = care_services.create_case(social_worker, first_name="Berthe", last_name="Lemoine", referents=[social_worker])
    return care_services.add_note(social_worker, case, visibility="team", body="Note équipe tournesolsecret")


@pytest.fixture
def superuser(make_user):
    """An is_superuser account in no group at all (the reproduction of issue 13)."""
    return make_user("racine@escale.example", is_superuser=True, is_staff=True)


def _sensitive_urls(note):
    return [f"/admin/accompagnement/note/{note.pk}/", "/admin/accompagnement/journal/", "/admin/adherents/"]


def test_superuser_without_group_or_totp_cannot_read_a_note_the_journal_or_the_members(
    client, superuser, password, team_note
):
    response = client.post(LOGIN_URL, {"login": superuser.email, "password": password})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(superuser.pk)

    for url in _sensitive_urls(team_note):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == ACTIVATE_URL
        assert "tournesolsecret" not in response.content.decode()


@pytest.mark.parametrize(
    ("app_label", "codename"),
    [
        ("care", "view_casefile"),
        ("auth", "change_user"),
        ("auth", "change_group"),
        ("members", "change_membershiptype"),
    ],
)
def test_a_care_or_administration_permission_held_directly_requires_totp(client, make_user, app_label, codename):
    from django.contrib.auth.models import Permission

    user = make_user(is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_URL


def test_totp_set_up_but_not_used_in_this_session_is_asked_for_before_care_pages(client, superuser, team_note):
    TOTP.activate(superuser, SECRET)
    client.force_login(superuser)  # a session opened without the TOTP step

    note_url = f"/admin/accompagnement/note/{team_note.pk}/"
    for url in _sensitive_urls(team_note):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(CHECK_URL)
    response = client.get(note_url)
    assert response["Location"] == f"{CHECK_URL}?next=%2Fadmin%2Faccompagnement%2Fnote%2F{team_note.pk}%2F"

    page = client.get(response["Location"])
    assert page.status_code == 200
    response = client.post(response["Location"], {"code": _current_code(SECRET)})
    assert response.status_code == 302
    assert response["Location"] == note_url
    assert client.get("/admin/accompagnement/journal/").status_code == 200
    assert client.get("/admin/adherents/").status_code == 200


def test_wrong_code_keeps_the_door_closed(client, superuser):
    TOTP.activate(superuser, SECRET)
    client.force_login(superuser)
    response = client.post(CHECK_URL, {"code": "000000" if _current_code(SECRET) != "000000" else "111111"})
    assert response.status_code == 200
    assert client.get("/admin/adherents/").status_code == 302


def test_login_with_password_and_totp_gets_in_without_a_second_check(client, superuser, password):
    TOTP.activate(superuser, SECRET)
    response = client.post(LOGIN_URL, {"login": superuser.email, "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/fr/comptes/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/adherents/").status_code == 302

    client.post("/fr/comptes/2fa/authenticate/", {"code": _current_code(SECRET)})
    assert client.session.get("_auth_user_id") == str(superuser.pk)
    assert client.get("/admin/adherents/").status_code == 200


def test_activating_totp_in_the_session_opens_the_admin(client, superuser, password):
    client.post(LOGIN_URL, {"login": superuser.email, "password": password})
    assert client.get("/admin/").status_code == 302
    response = client.get(ACTIVATE_URL)
    if response.status_code == 302:  # allauth asks for the password again before adding a factor
        assert response["Location"].startswith("/fr/comptes/reauthenticate/")
        client.post(response["Location"], {"password": password})
    assert client.get(ACTIVATE_URL).status_code == 200
    secret = client.session["mfa.totp.secret"]

    response = client.post(ACTIVATE_URL, {"code": _current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=superuser, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/adherents/").status_code == 200
