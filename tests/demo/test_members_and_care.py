"""The members and care parts of the demo: staff TOTP with `demo_totp_code`, fictional case files."""

import io

from django.core.management import call_command

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from care import services as care_services
from care.models import CaseFile
from core.roles import SOCIAL_WORKER
from demo import care as care_demo
from demo import members as members_demo

pytestmark = pytest.mark.django_db


def test_demo_seed_gives_care_staff_a_totp_that_the_demo_code_command_satisfies(make_user):
    user = make_user("social-demo@escale.example", role=SOCIAL_WORKER)
    out = io.StringIO()
    members_demo.seed(stdout=out)
    assert members_demo.DEMO_TOTP_SECRET in out.getvalue()
    code = io.StringIO()
    call_command("demo_totp_code", stdout=code)
    assert TOTP(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)).validate_code(
        code.getvalue().strip()
    )


def test_demo_care_files_are_idempotent_and_write_every_note_level(social_worker, psychologist):
    first = care_demo.seed(stdout=io.StringIO())
    again = care_demo.seed(stdout=io.StringIO())
    assert len(first) == 4 and again == []
    assert CaseFile.objects.count() == 4
    levels = set(CaseFile.objects.filter(pk=first[0].pk).values_list("notes__visibility", flat=True))
    assert levels == {"team", "social", "psychologist"}
    assert care_services.anonymise_expired(dry_run=True) == [first[3].pk]  # the demo's old closed file
