"""The demo mutual help builds through the services and can run twice."""

import io

import pytest

from demo import solidarity as demo
from demo.accounts import ensure_accounts
from solidarity.models import HelpRequest, VolunteerProfile

pytestmark = pytest.mark.django_db


def test_demo_has_volunteers_and_requests_in_every_state_and_is_idempotent():
    ensure_accounts()
    demo.seed(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())
    assert set(VolunteerProfile.objects.values_list("status", flat=True)) == {"validated", "interview", "submitted"}
    assert set(HelpRequest.objects.values_list("status", flat=True)) == set(HelpRequest.Status.values)
