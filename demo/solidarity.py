"""Demo mutual help for seed_demo (volunteers in every state, requests in every state, one check-in campaign),
written through solidarity.services by the demo staff; idempotent (skipped once the first volunteer exists)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from demo.accounts import demo_password, ensure_account
from members.models import MemberProfile
from solidarity.models import HelpKind, HelpRequest, IsolationInfo, VolunteerProfile
from solidarity.services import calls, requests, volunteers

ALL_SLOTS = [f"{day}{half}" for day in range(6) for half in ("am", "pm")]
VOLUNTEERS = [
    # e-mail, first name, last name, phone, communes, kinds, final status
    (
        "benevole@escale.example",
        "Lucie",
        "Moreau",
        "06 45 45 45 45",
        "Cadaujac, Villenave-d'Ornon",
        list(HelpKind.values),
        "validated",
    ),
    ("benevole2@escale.example", "Henri", "Faure", "06 46 46 46 46", "Cadaujac", ["digital", "visit"], "interview"),
    ("benevole3@escale.example", "Yasmine", "Haddad", "", "Léognan", ["outing"], "submitted"),
]


def _at(days, hour=14):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 30)))


def _volunteers(staff):
    made = []
    for email, first, last, phone, communes, kinds, status in VOLUNTEERS:
        user = ensure_account(email, first_name=first, last_name=last, password=demo_password())
        MemberProfile.objects.get_or_create(user=user, defaults={"phone": phone, "commune": communes.split(",")[0]})
        profile = volunteers.apply_as_volunteer(
            user, communes=communes, kinds=kinds, availability=ALL_SLOTS, charter_version="2026-01"
        )
        if status in ("interview", "validated"):
            profile = volunteers.plan_interview(profile, by=staff, at=timezone.now() - datetime.timedelta(days=10))
        if status == "validated":
            profile = volunteers.validate_volunteer(profile, by=staff)
            volunteers.record_training(profile, module="welcome", done_on=timezone.localdate(), by=staff)
        made.append(user)
    return made


def _requests(staff, caregiver, member, helper):
    def post(days, kind, **extra):
        return requests.post_request(
            caregiver, by=caregiver, kind=kind, starts_at=_at(days), commune="Cadaujac", **extra
        )

    post(5, HelpKind.SHOPPING, weeks=6, note="Courses du jeudi, chaque semaine.")  # open, recurring
    accepted = post(8, HelpKind.OUTING, accessibility="Fauteuil roulant pliable")
    requests.accept_offer(requests.make_offer(accepted, volunteer=helper), by=caregiver)
    done = post(1, HelpKind.DIGITAL)
    requests.accept_offer(requests.make_offer(done, volunteer=helper), by=caregiver)
    HelpRequest.objects.filter(pk=done.pk).update(starts_at=_at(-3))  # it took place three days ago
    for person in (caregiver, helper):
        requests.confirm_outcome(done, by=person, honoured=True)
    requests.cancel_request(post(12, HelpKind.VISIT), by=caregiver)
    # The desk posts for Josette, who phoned: her history says "à sa demande, par téléphone".
    requests.post_request(
        member, by=staff, asked_by="phone", kind=HelpKind.SMALL_SERVICE, starts_at=_at(6, 10), commune="Cadaujac"
    )


def seed(*, stdout):
    User = get_user_model()
    staff = User.objects.filter(email__iexact="coordination@escale.example").first()
    caregiver = User.objects.filter(email__iexact="aidant@escale.example").first()
    member = User.objects.filter(email__iexact="membre@escale.example").first()
    if not (staff and caregiver and member):
        stdout.write("  solidarity: comptes de démonstration absents, entraide non créée.")
        return
    if VolunteerProfile.objects.filter(member__email__iexact=VOLUNTEERS[0][0]).exists():
        return
    with transaction.atomic():
        helper = _volunteers(staff)[0]
        _requests(staff, caregiver, member, helper)
        IsolationInfo.objects.update_or_create(member=member, defaults={"lives_alone": True})
        campaign = calls.create_campaign(by=staff, name="Veille de décembre", people=[member, caregiver])
        calls.split_among(campaign, [staff, helper], by=staff)
        first = campaign.assignments.order_by("pk").first()
        calls.record_call(first, caller=first.caller, outcome="reached", needs=["isolation"])
    stdout.write("  solidarity: 3 bénévoles, 5 demandes d'entraide, 1 campagne de veille.")
