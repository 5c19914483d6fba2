"""Mutual-help fixtures: a caregiver, a validated volunteer who matches Thursday afternoons in Cadaujac."""

import datetime

from django.utils import timezone

import pytest

from members.models import MemberProfile
from solidarity.models import HelpKind
from solidarity.services import volunteers

CAREGIVER_PHONE = "06 11 11 11 11"
VOLUNTEER_PHONE = "06 22 22 22 22"


def next_thursday_afternoon(weeks_ahead=1):
    today = timezone.localdate()
    days = (3 - today.weekday()) % 7 or 7
    day = today + datetime.timedelta(days=days + 7 * (weeks_ahead - 1))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(14, 30)))


def make_volunteer(user, *, staff, communes="Cadaujac, Léognan", kinds=(HelpKind.SHOPPING,), slots=("3pm",)):
    profile = volunteers.apply_as_volunteer(
        user, communes=communes, kinds=list(kinds), availability=list(slots), charter_version="2026-01"
    )
    volunteers.plan_interview(profile, by=staff, at=timezone.now())
    return volunteers.validate_volunteer(profile, by=staff)


@pytest.fixture
def caregiver(make_user):
    user = make_user("aidante@escale.example", first_name="Josette", last_name="Lemaire")
    MemberProfile.objects.create(user=user, phone=CAREGIVER_PHONE, commune="Cadaujac")
    return user


@pytest.fixture
def phone_caregiver(make_user):
    """A caregiver without e-mail: the desk calls her."""
    user = make_user("", first_name="Odette", last_name="Marchand", verified=False)
    MemberProfile.objects.create(user=user, phone="05 56 00 00 00", preferred_channel="phone", commune="Cadaujac")
    return user


@pytest.fixture
def volunteer(make_user, coordinator):
    user = make_user("benevole@escale.example", first_name="Paul", last_name="Girard")
    MemberProfile.objects.create(user=user, phone=VOLUNTEER_PHONE, commune="Cadaujac")
    make_volunteer(user, staff=coordinator)
    return user


@pytest.fixture
def other_volunteer(make_user, coordinator):
    user = make_user("benevole2@escale.example", first_name="Anne", last_name="Roy")
    MemberProfile.objects.create(user=user, phone="06 33 33 33 33", commune="Cadaujac")
    make_volunteer(user, staff=coordinator)
    return user


@pytest.fixture
def request_fields():
    return {"kind": HelpKind.SHOPPING, "starts_at": next_thursday_afternoon(), "weeks": 6, "commune": "Cadaujac"}
