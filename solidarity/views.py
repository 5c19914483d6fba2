"""Entraide in Mon espace: my requests, post a request, a request's page (offers, messages, contacts after
acceptance), my offers as a volunteer, becoming a volunteer. Thin views: rules are in solidarity.services."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.errors import DomainError
from solidarity.forms import HelpRequestForm, MessageForm, ReportForm, VolunteerForm
from solidarity.models import HelpRequest, Message, Offer, VolunteerProfile
from solidarity.services import moderation, requests, visibility, volunteers


def member_view(view):
    return never_cache(login_required(view))


def charter_version():
    return getattr(settings, "SOLIDARITY_CHARTER_VERSION", "2026-01")


@member_view
def index(request):
    user = request.user
    profile = VolunteerProfile.objects.filter(member=user).first()
    active = profile is not None and profile.is_active
    context = {
        "my_requests": HelpRequest.objects.filter(requester=user).for_list()[:50],
        "profile": profile,
        "my_offers": (
            Offer.objects.filter(volunteer=user).select_related("request").order_by("-created_at")[:50]
            if profile
            else []
        ),
        "open_requests": open_requests_for(profile) if active else [],
    }
    return render(request, "solidarity/index.html", context)


def open_requests_for(profile):
    """Open requests a volunteer could answer (their kinds and communes), soonest first."""
    communes = set(profile.commune_list())
    candidates = (
        HelpRequest.objects.open()
        .filter(kind__in=profile.kinds)
        .exclude(requester=profile.member)
        .exclude(offers__volunteer=profile.member)
        .order_by("starts_at")[:100]
    )
    return [r for r in candidates if r.commune.strip().casefold() in communes]


@member_view
def post_request(request):
    form = HelpRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        help_request = requests.post_request(request.user, by=request.user, **form.request_fields())
        messages.success(request, _("Votre demande est publiée. Les bénévoles disponibles sont prévenus."))
        return redirect("solidarity:request", help_request.pk)
    return render(request, "solidarity/form.html", {"form": form, "heading": _("Demander de l'aide")})


@member_view
def volunteer_apply(request):
    profile = VolunteerProfile.objects.filter(member=request.user).first()
    initial = {}
    if profile is not None:
        initial = {"communes": profile.communes, "kinds": profile.kinds, "availability": profile.availability}
        initial |= {"skills": profile.skills, "insurance_expires_on": profile.insurance_expires_on}
    form = VolunteerForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            volunteers.apply_as_volunteer(
                request.user,
                communes=data["communes"],
                kinds=data["kinds"],
                availability=data["availability"],
                skills=data["skills"],
                charter_version=charter_version(),
                attestation=data["attestation"],
                insurance_expires_on=data["insurance_expires_on"],
            )
        except DomainError as error:
            form.add_error("attestation", error.message)
        else:
            messages.success(request, _("Merci ! L'équipe vous appellera pour un entretien."))
            return redirect("solidarity:index")
    return render(
        request,
        "solidarity/form.html",
        {"form": form, "heading": _("Devenir bénévole"), "multipart": True, "profile": profile},
    )


def _thread(help_request, viewer):
    """The messages the viewer may read: the requester all threads, a volunteer their own."""
    thread = Message.objects.filter(request=help_request, hidden_at__isnull=True).select_related("author")
    if viewer.pk != help_request.requester_id:
        thread = thread.filter(volunteer=viewer)
    return thread


@member_view
def request_detail(request, pk):
    help_request = get_object_or_404(HelpRequest.objects.select_related("accepted_offer__volunteer"), pk=pk)
    profile = volunteers.active_volunteer(request.user)
    if not visibility.can_see_request(help_request, request.user, volunteer=profile):
        raise Http404
    is_requester = request.user.pk == help_request.requester_id
    my_offer = Offer.objects.filter(request=help_request, volunteer=request.user).first()
    context = {
        "help_request": help_request,
        "is_requester": is_requester,
        "my_offer": my_offer,
        "can_offer": profile is not None and my_offer is None and help_request.status == "open" and not is_requester,
        "offers": help_request.offers.select_related("volunteer") if is_requester else [],
        "thread": _thread(help_request, request.user),
        "contact": visibility.contact_details(help_request, request.user),
        "is_accepted_volunteer": request.user.pk == visibility.accepted_volunteer_id(help_request),
        "message_form": MessageForm(),
        "report_form": ReportForm(),
    }
    return render(request, "solidarity/request_detail.html", context)


ACTIONS = {}


def action(name):
    def register(function):
        ACTIONS[name] = function
        return function

    return register


@action("offer")
def _offer(request, help_request):
    requests.make_offer(help_request, volunteer=request.user)
    return _("Votre proposition est envoyée. Vous serez prévenu·e si elle est acceptée.")


@action("withdraw")
def _withdraw(request, help_request):
    offer = get_object_or_404(Offer, request=help_request, volunteer=request.user)
    requests.withdraw_offer(offer, by=request.user)
    return _("Votre proposition est retirée.")


@action("accept")
def _accept(request, help_request):
    offer = get_object_or_404(Offer, request=help_request, pk=request.POST.get("offer"))
    if request.user.pk != help_request.requester_id:
        raise Http404
    requests.accept_offer(offer, by=request.user)
    return _("C'est entendu : vous pouvez maintenant vous joindre par téléphone.")


@action("cancel")
def _cancel(request, help_request):
    requests.cancel_request(help_request, by=request.user)
    return _("La demande est annulée ; l'autre personne est prévenue.")


@action("honoured")
def _honoured(request, help_request):
    requests.confirm_outcome(help_request, by=request.user, honoured=request.POST.get("honoured") == "yes")
    return _("Merci, c'est noté.")


@action("message")
def _message(request, help_request):
    form = MessageForm(request.POST)
    if not form.is_valid():
        return None
    volunteer = None
    if request.user.pk == help_request.requester_id:
        volunteer = get_object_or_404(Offer, request=help_request, volunteer_id=request.POST.get("volunteer")).volunteer
    requests.send_message(help_request, author=request.user, body=form.cleaned_data["body"], volunteer=volunteer)
    return _("Message envoyé.")


@action("report")
def _report(request, help_request):
    form = ReportForm(request.POST)
    if not form.is_valid():
        return None
    message = None
    if request.POST.get("message"):
        message = get_object_or_404(Message, request=help_request, pk=request.POST["message"])
    moderation.report(help_request, by=request.user, reason=form.cleaned_data["reason"], message=message)
    return _("Merci, l'équipe va regarder.")


@require_POST
@member_view
def request_action(request, pk, name):
    help_request = get_object_or_404(HelpRequest, pk=pk)
    if name not in ACTIONS or not visibility.can_see_request(
        help_request, request.user, volunteer=volunteers.active_volunteer(request.user)
    ):
        raise Http404
    try:
        done = ACTIONS[name](request, help_request)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if done:
            messages.success(request, done)
        else:
            messages.error(request, _("Le formulaire est incomplet."))
    return redirect("solidarity:request", help_request.pk)
