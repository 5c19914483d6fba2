"""Staff in care roles and administrators must set up TOTP before anything else."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from members.roles import ADMINISTRATOR, COORDINATOR, PSYCHOLOGIST, SOCIAL_WORKER

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


def test_with_totp_set_up_they_get_in(client, make_user):
    user = make_user(role=SOCIAL_WORKER)
    TOTP.activate(user, "JBSWY3DPEHPK3PXP")
    client.force_login(user)
    assert client.get("/fr/mon-espace/").status_code == 200
    assert Authenticator.objects.filter(user=user).exists()


def test_coordinators_and_members_are_not_forced(client, make_user):
    for user in (make_user(role=COORDINATOR), make_user()):
        client.force_login(user)
        assert client.get("/fr/mon-espace/").status_code == 200


def test_demo_seed_gives_care_staff_a_totp_that_the_demo_code_command_satisfies(make_user):
    import io

    from django.core.management import call_command

    from members import demo

    user = make_user("social-demo@escale.example", role=SOCIAL_WORKER)
    out = io.StringIO()
    demo.seed(stdout=out)
    assert demo.DEMO_TOTP_SECRET in out.getvalue()
    code = io.StringIO()
    call_command("demo_totp_code", stdout=code)
    assert TOTP(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)).validate_code(
        code.getvalue().strip()
    )
