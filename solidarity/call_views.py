"""Check-in calls in the Wagtail admin: the team builds and splits campaigns; each caller (staff or trusted
volunteer with admin access) sees their list, prints call sheets and records calls. Callers never see care."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.pdf import render_pdf
from solidarity.forms import CallRecordForm, IsolationForm
from solidarity.models import CallAssignment, Campaign, VolunteerProfile
from solidarity.services import calls
from solidarity.services.roles import is_team
from solidarity.staff_views import team_view

User = get_user_model()


@team_view
def campaign_list(request):
    if request.method == "POST":
        calls.create_campaign(
            by=request.user,
            name=request.POST.get("name", "").strip()[:120] or _("Campagne"),
            lives_alone=bool(request.POST.get("lives_alone")),
            over_75=bool(request.POST.get("over_75")),
            heatwave_register=bool(request.POST.get("heatwave_register")),
            no_booking_days=60 if request.POST.get("no_booking") else None,
        )
        messages.success(request, _("Campagne créée."))
        return redirect("solidarity_staff:campaigns")
    return render(request, "solidarity/admin/campaign_list.html", {"campaigns": Campaign.objects.all()[:100]})


def possible_callers():
    """Team members and validated volunteers (trusted volunteers make calls too)."""
    volunteer_ids = VolunteerProfile.objects.filter(status="validated", blocked_at__isnull=True).values("member")
    team = User.objects.filter(groups__isnull=False).values("pk")
    return User.objects.filter(Q(pk__in=team) | Q(pk__in=volunteer_ids), is_active=True)


@team_view
def campaign_detail(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    if request.method == "POST":
        callers = possible_callers().filter(pk__in=request.POST.getlist("callers"))
        if callers:
            count = calls.split_among(campaign, callers, by=request.user)
            messages.success(request, _("%(count)s appels répartis.") % {"count": count})
        return redirect("solidarity_staff:campaign", campaign.pk)
    assignments = campaign.assignments.select_related("person", "caller").prefetch_related("records")
    context = {"campaign": campaign, "assignments": assignments, "callers": possible_callers().order_by("last_name")}
    return render(request, "solidarity/admin/campaign_detail.html", context)


@never_cache
def my_calls(request):
    """The calls given to the signed-in caller."""
    return render(request, "solidarity/admin/my_calls.html", {"assignments": calls.calls_for(request.user)})


@never_cache
def call_sheets(request):
    """Printable call sheets (PDF): name, phone, and boxes to tick, one person per block."""
    content = render_pdf("solidarity/pdf/call_sheets.html", {"assignments": calls.calls_for(request.user)})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="appels-de-veille.pdf"'
    return response


@never_cache
def record_call(request, pk):
    assignment = get_object_or_404(CallAssignment.objects.select_related("person__member_profile"), pk=pk)
    if assignment.caller_id != request.user.pk and not is_team(request.user):
        raise PermissionDenied
    form = CallRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        calls.record_call(assignment, caller=request.user, **form.cleaned_data)
        messages.success(request, _("Appel noté."))
        return redirect("solidarity_staff:my_calls")
    return render(request, "solidarity/admin/record_call.html", {"assignment": assignment, "form": form})


@team_view
def isolation(request):
    """Record a member's isolation (lives alone, heat-wave register): what campaigns select on."""
    form = IsolationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        calls.set_isolation(
            form.cleaned_data["person"],
            by=request.user,
            lives_alone=form.cleaned_data["lives_alone"],
            heatwave_register=form.cleaned_data["heatwave_register"],
        )
        messages.success(request, _("Situation enregistrée."))
        return redirect("solidarity_staff:campaigns")
    return render(request, "solidarity/admin/form.html", {"form": form, "title": _("Situation d'isolement")})
