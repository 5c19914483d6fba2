"""What solidarity does when the members app announces an erasure or a data download (members.signals)."""

from django.dispatch import receiver

from members.signals import member_erased, personal_data_requested
from solidarity.models import (
    CallAssignment,
    CallRecord,
    HelpRequest,
    IsolationInfo,
    Message,
    Offer,
    Report,
    TrainingRecord,
    VolunteerProfile,
)
from solidarity.services.visibility import contact_details


@receiver(member_erased, dispatch_uid="solidarity_erase_member")
def erase_solidarity_data(sender, member, **kwargs):
    """Free text and isolation details go; requests stay as counts (kind, dates, commune) without the note."""
    HelpRequest.objects.filter(requester=member).update(note="", accessibility="")
    Message.objects.filter(author=member).update(body="")
    IsolationInfo.objects.filter(member=member).delete()
    CallAssignment.objects.filter(person=member).delete()
    VolunteerProfile.objects.filter(member=member).update(skills="", insurance_file="", staff_reason="")


@receiver(personal_data_requested, dispatch_uid="solidarity_personal_data")
def solidarity_files(sender, member, **kwargs):
    """The member's requests and offers; the other side's contact only where contact_details allows it."""
    requests_rows = []
    for help_request in HelpRequest.objects.filter(requester=member).select_related("accepted_offer__volunteer"):
        contact = contact_details(help_request, member) or {}
        requests_rows.append(
            [
                help_request.kind,
                help_request.starts_at.isoformat(),
                help_request.weeks,
                help_request.commune,
                help_request.status,
                help_request.note,
                contact.get("name", ""),
                contact.get("phone", ""),
            ]
        )
    offers = Offer.objects.filter(volunteer=member).select_related("request__accepted_offer")
    offer_rows = []
    for offer in offers:
        contact = contact_details(offer.request, member) or {}
        offer_rows.append(
            [offer.request.kind, offer.request.starts_at.isoformat(), offer.status, contact.get("phone", "")]
        )
    return [
        (
            "entraide_demandes.csv",
            ["kind", "starts_at", "weeks", "commune", "status", "note", "helper", "helper_phone"],
            requests_rows,
        ),
        ("entraide_propositions.csv", ["kind", "starts_at", "status", "caregiver_phone"], offer_rows),
        *_more_files(member),
    ]


def _more_files(member):
    """Volunteering, messages written, reports made, and what check-in calls know of the person."""
    profile = VolunteerProfile.objects.filter(member=member).first()
    volunteer_rows = []
    if profile is not None:
        volunteer_rows.append(
            [
                "profile",
                profile.status,
                profile.communes,
                " ".join(profile.kinds),
                " ".join(profile.availability),
                profile.skills,
                profile.charter_version,
                profile.charter_accepted_at.isoformat(),
                profile.insurance_expires_on or "",
            ]
        )
        volunteer_rows += [
            ["training", t.module, "", "", "", "", "", t.done_on.isoformat(), ""]
            for t in TrainingRecord.objects.filter(volunteer=profile)
        ]
    info = IsolationInfo.objects.filter(member=member).first()
    calls = CallRecord.objects.filter(assignment__person=member).order_by("created_at")
    watch_rows = [["isolation", info.lives_alone, info.heatwave_register, "", ""]] if info else []
    watch_rows += [["call", "", "", c.created_at.isoformat(), c.outcome + " " + " ".join(c.needs)] for c in calls]
    watch_rows += [
        ["listed", "", "", a.campaign.created_at.isoformat(), ""]
        for a in CallAssignment.objects.filter(person=member).select_related("campaign")
    ]
    return [
        (
            "entraide_benevole.csv",
            ["what", "status", "communes", "kinds", "availability", "skills", "charter", "date", "insurance_until"],
            volunteer_rows,
        ),
        (
            "entraide_messages.csv",
            ["request", "written_at", "body"],
            [[m.request_id, m.created_at.isoformat(), m.body] for m in Message.objects.filter(author=member)],
        ),
        (
            "entraide_signalements.csv",
            ["request", "made_at", "reason", "status"],
            [
                [r.request_id, r.created_at.isoformat(), r.reason, r.status]
                for r in Report.objects.filter(reported_by=member)
            ],
        ),
        ("veille.csv", ["what", "lives_alone", "heatwave_register", "at", "outcome"], watch_rows),
    ]
