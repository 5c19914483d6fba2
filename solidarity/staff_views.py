"""The team's mutual-help desk in the Wagtail admin: volunteers to validate (interview steps), requests
(unanswered first), posting or accepting for a caregiver at their request, the reports queue.
Every view checks the role (services.roles) and the object."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.errors import DomainError
from solidarity.forms import StaffHelpRequestForm
from solidarity.models import HelpRequest, Offer, Report, TrainingRecord, VolunteerProfile
from solidarity.services import moderation, requests, volunteers
from solidarity.services.roles import can_see_reports, is_team


def team_view(view):
    def wrapped(request, *args, **kwargs):
        if not is_team(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def _done(request, function, success):
    try:
        function()
    except (DomainError, ValueError) as error:
        messages.error(request, getattr(error, "message", _("Ce n'est pas possible.")))
    else:
        messages.success(request, success)


@team_view
def volunteer_list(request):
    status = request.GET.get("etat", "")
    profiles = VolunteerProfile.objects.select_related("member")
    if status in VolunteerProfile.Status.values:
        profiles = profiles.filter(status=status)
    context = {"profiles": profiles[:300], "statuses": VolunteerProfile.Status.choices, "status": status}
    return render(request, "solidarity/admin/volunteer_list.html", context)


@team_view
def volunteer_detail(request, pk):
    profile = get_object_or_404(VolunteerProfile.objects.select_related("member"), pk=pk)
    if request.method == "POST":
        step = request.POST.get("step")
        steps = {
            "interview": (
                lambda: volunteers.plan_interview(profile, by=request.user, at=_moment(request.POST.get("at"))),
                _("Entretien noté."),
            ),
            "validate": (lambda: volunteers.validate_volunteer(profile, by=request.user), _("Bénévole validé·e.")),
            "refuse": (
                lambda: volunteers.refuse_volunteer(profile, by=request.user, reason=request.POST.get("reason", "")),
                _("Candidature non retenue."),
            ),
            "block": (
                lambda: volunteers.block_volunteer(profile, by=request.user, reason=request.POST.get("reason", "")),
                _("Bénévole bloqué·e."),
            ),
            "training": (
                lambda: volunteers.record_training(
                    profile,
                    module=request.POST.get("module"),
                    done_on=_date(request.POST.get("done_on")),
                    by=request.user,
                ),
                _("Formation notée."),
            ),
        }
        if step in steps:
            _done(request, *steps[step])
        return redirect("solidarity_staff:volunteer", profile.pk)
    context = {"profile": profile, "modules": TrainingRecord.Module.choices, "trainings": profile.trainings.all()}
    return render(request, "solidarity/admin/volunteer_detail.html", context)


def _missing():
    raise ValueError("date")


def _moment(value):
    """An aware datetime from a datetime-local field (Europe/Paris); ValueError when empty or malformed."""
    moment = parse_datetime(value or "") or _missing()
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _date(value):
    try:
        return parse_date(value or "") or _missing()
    except ValueError:
        return _missing()


@team_view
def request_list(request):
    help_requests = HelpRequest.objects.for_list().order_by("-flagged_at", "status", "starts_at")
    status = request.GET.get("etat", "")
    if status in HelpRequest.Status.values:
        help_requests = help_requests.filter(status=status)
    context = {"help_requests": help_requests[:300], "statuses": HelpRequest.Status.choices, "status": status}
    return render(request, "solidarity/admin/request_list.html", context)


@team_view
def post_for(request):
    form = StaffHelpRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            help_request = requests.post_request(
                data["requester"],
                by=request.user,
                asked_by=data["asked_by"],
                relative_name=data["relative_name"],
                **form.request_fields(),
            )
        except (DomainError, ValueError) as error:
            form.add_error(None, getattr(error, "message", str(error)))
        else:
            messages.success(request, _("Demande publiée pour la personne."))
            return redirect("solidarity_staff:request", help_request.pk)
    return render(request, "solidarity/admin/form.html", {"form": form, "title": _("Demande pour une personne")})


@team_view
def request_detail(request, pk):
    help_request = get_object_or_404(HelpRequest.objects.select_related("requester", "posted_by"), pk=pk)
    if request.method == "POST":
        asked_by, relative = request.POST.get("asked_by", ""), request.POST.get("relative_name", "")
        if request.POST.get("accept_offer"):
            offer = get_object_or_404(Offer, request=help_request, pk=request.POST["accept_offer"])
            _done(
                request,
                lambda: requests.accept_offer(offer, by=request.user, asked_by=asked_by, relative_name=relative),
                _("Proposition acceptée pour la personne."),
            )
        elif request.POST.get("cancel"):
            _done(
                request,
                lambda: requests.cancel_request(
                    help_request, by=request.user, asked_by=asked_by, relative_name=relative
                ),
                _("Demande annulée."),
            )
        return redirect("solidarity_staff:request", help_request.pk)
    context = {"help_request": help_request, "offers": help_request.offers.select_related("volunteer")}
    return render(request, "solidarity/admin/request_detail.html", context)


@never_cache
def report_list(request):
    if not can_see_reports(request.user):
        raise PermissionDenied
    if request.method == "POST":
        entry = get_object_or_404(Report, pk=request.POST.get("report"))
        _done(
            request,
            lambda: moderation.handle_report(entry, by=request.user, hide_message=bool(request.POST.get("hide"))),
            _("Signalement traité."),
        )
        return redirect("solidarity_staff:reports")
    context = {"reports": moderation.reports_for(request.user)[:300], "can_handle": is_team(request.user)}
    return render(request, "solidarity/admin/report_list.html", context)
