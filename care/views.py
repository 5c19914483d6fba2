"""Care staff views in the Wagtail admin: thin, every one checks the role, then the object, through care.services."""

import datetime
import functools
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from care import forms, journal, services
from care.models import CaseFile
from core import exports


def care_view(view):
    """Role gate for every care view: a real 403 (not Wagtail's redirect) for anyone without a care role, and for
    any PermissionDenied raised by a service; pages are never cached."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            services.require_care(request.user)
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            response = TemplateResponse(
                request,
                "care/forbidden.html",
                {"page_title": _("Accès refusé"), "header_icon": "lock", "reason": str(error)},
                status=403,
            )
            return response

    return never_cache(wrapper)


def _render(request, template, context):
    context.setdefault("header_icon", "folder-open-inverse")
    context["is_care_admin"] = services.is_care_admin(request.user)
    return TemplateResponse(request, template, context)


def _case_url(case):
    return reverse("care:detail", args=[case.pk])


@care_view
def case_list(request):
    cases = list(services.cases_for(request.user))
    status = request.GET.get("status", "")
    if status in CaseFile.Status.values:
        cases = [case for case in cases if case.status == status]
    elif status != "all":
        status = ""
        cases = [case for case in cases if case.status != CaseFile.Status.CLOSED and not case.anonymised_at]
    if request.GET.get("mine"):
        cases = [case for case in cases if request.user in case.referents.all()]
    query = request.GET.get("q", "").strip().casefold()
    if query:
        # Names are encrypted: they cannot be searched in SQL, so the (small) list is filtered here.
        cases = [case for case in cases if query in str(case.display_name).casefold()]
    cases.sort(key=lambda case: str(case.display_name).casefold())
    return _render(
        request,
        "care/case_list.html",
        {
            "page_title": _("Accompagnement : dossiers"),
            "cases": cases,
            "status": status,
            "statuses": CaseFile.Status.choices,
            "query": request.GET.get("q", ""),
            "mine": bool(request.GET.get("mine")),
        },
    )


@care_view
def case_create(request):
    form = forms.CaseFileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.service_kwargs()
        referents = data.pop("referents")
        case = services.create_case(request.user, referents=referents, **data)
        messages.success(request, _("Dossier créé."))
        return redirect(_case_url(case))
    return _render(request, "care/form.html", {"page_title": _("Nouveau dossier"), "form": form})


@care_view
def case_detail(request, pk):
    case = services.get_case(request.user, pk)
    return _render(
        request,
        "care/case_detail.html",
        {
            "page_title": str(case.display_name),
            "case": case,
            "timeline": services.timeline(request.user, case),
            "next_steps": services.open_next_steps(request.user, case),
            "status_form": forms.StatusForm(),
            "transitions": [
                (value, label)
                for value, label in CaseFile.Status.choices
                if value in services.ALLOWED_TRANSITIONS.get(case.status, ())
            ],
            "outcome_choices": forms.OrientationOutcomeForm.base_fields["outcome"].choices,
        },
    )


@care_view
def case_edit(request, pk):
    case = services.get_case(request.user, pk)
    form = forms.CaseFileForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        data = form.service_kwargs()
        referents = data.pop("referents")
        try:
            services.update_case(request.user, case, referents=referents, **data)
        except services.CareError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Dossier mis à jour."))
        return redirect(_case_url(case))
    return _render(request, "care/form.html", {"page_title": _("Modifier le dossier"), "form": form, "case": case})


@care_view
@require_POST
def case_status(request, pk):
    case = services.get_case(request.user, pk)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(request.user, case, form.cleaned_data["status"], on=form.cleaned_data["on"])
        except services.CareError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Statut mis à jour."))
    return redirect(_case_url(case))


def _add_view(request, pk, *, form_class, title, save, form_kwargs=None):
    case = services.get_case(request.user, pk)
    form = form_class(request.POST or None, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        try:
            save(case, form.cleaned_data)
        except services.CareError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Enregistré."))
            return redirect(_case_url(case))
    return _render(request, "care/form.html", {"page_title": title, "form": form, "case": case})


@care_view
def note_add(request, pk):
    return _add_view(
        request,
        pk,
        form_class=forms.NoteForm,
        form_kwargs={"user": request.user},
        title=_("Ajouter une note"),
        save=lambda case, data: services.add_note(request.user, case, **data),
    )


@care_view
def intervention_add(request, pk):
    return _add_view(
        request,
        pk,
        form_class=forms.InterventionForm,
        title=_("Ajouter une intervention"),
        save=lambda case, data: services.add_intervention(request.user, case, **data),
    )


@care_view
def orientation_add(request, pk):
    return _add_view(
        request,
        pk,
        form_class=forms.OrientationForm,
        title=_("Ajouter une orientation"),
        save=lambda case, data: services.add_orientation(request.user, case, **data),
    )


@care_view
def next_step_add(request, pk):
    return _add_view(
        request,
        pk,
        form_class=forms.NextStepForm,
        title=_("Ajouter une prochaine étape"),
        save=lambda case, data: services.add_next_step(request.user, case, **data),
    )


@care_view
def note_detail(request, pk):
    note = services.get_note(request.user, pk)
    return _render(request, "care/note_detail.html", {"page_title": _("Note"), "note": note, "case": note.case})


@care_view
@require_POST
def next_step_done(request, pk):
    step = services.get_next_step(request.user, pk)
    try:
        services.complete_next_step(request.user, step)
    except services.CareError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Étape marquée comme faite."))
    target = request.POST.get("next")
    if target == "mine":
        return redirect("care:my_next_steps")
    return redirect(_case_url(step.case))


@care_view
@require_POST
def orientation_outcome(request, pk):
    orientation = services.get_orientation(request.user, pk)
    form = forms.OrientationOutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.set_orientation_outcome(request.user, orientation, form.cleaned_data["outcome"])
        except services.CareError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Suite de l'orientation mise à jour."))
    return redirect(_case_url(orientation.case))


@care_view
def my_next_steps(request):
    return _render(
        request,
        "care/my_next_steps.html",
        {
            "page_title": _("Mes prochaines étapes"),
            "steps": services.my_next_steps(request.user),
            "today": timezone.localdate(),
        },
    )


def _default_period():
    today = timezone.localdate()
    return datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)


@care_view
def indicators(request):
    start, end = _default_period()
    form = forms.PeriodForm(request.GET or None, initial={"start": start, "end": end})
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    export_format = request.GET.get("format", "")
    if export_format not in ("csv", "xlsx"):
        export_format = ""
    data = services.read_indicators(request.user, start, end, export_format=export_format)
    if export_format:
        return _export(
            f"indicateurs-accompagnement-{start:%Y%m%d}-{end:%Y%m%d}",
            export_format,
            [_("Indicateur"), _("Période"), _("Catégorie"), _("Valeur")],
            services.indicator_rows(data),
        )
    return _render(
        request,
        "care/indicators.html",
        {
            "page_title": _("Accompagnement : indicateurs"),
            "header_icon": "table",
            "form": form,
            "data": data,
            "rows": services.indicator_rows(data),
            "query": f"start={start:%Y-%m-%d}&end={end:%Y-%m-%d}",
        },
    )


def _export(filename, export_format, header, rows):
    """Through core.exports, so typed text is neutralised against spreadsheet formulas like every staff export."""
    response = exports.table_response(filename, header, list(rows), export_format)
    response["Cache-Control"] = "no-store"
    return response


@care_view
def access_log(request):
    services.require_care_admin(request.user)
    filters = {key: value for key, value in request.GET.items() if key != "page"}
    form = journal.JournalFilterForm(filters or None)
    entries = services.access_log(request.user, **form.filters())
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    query = urlencode({key: value for key, value in filters.items() if value})
    return _render(
        request,
        "care/access_log.html",
        {
            "page_title": _("Journal des accès"),
            "header_icon": "history",
            "page": page,
            "rows": journal.rows(page),
            "form": form,
            "query": query,
        },
    )


@care_view
def case_access_log(request, pk):
    services.require_care_admin(request.user)
    case = services.get_case(request.user, pk)
    entries = services.access_log_for_case(case, viewer=request.user)
    if request.GET.get("format") == "csv":
        services.log_access(request.user, services.Action.EXPORT, "accesslog", case=case, object_id=case.pk)
        return _export(
            f"acces-dossier-{case.pk}",
            "csv",
            [_("Quand"), _("Qui"), _("Action"), _("Objet"), _("Dossier de")],
            [row[:5] for row in journal.rows(entries)],
        )
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return _render(
        request,
        "care/access_log.html",
        {
            "page_title": _("Qui a consulté ce dossier"),
            "header_icon": "history",
            "case": case,
            "page": page,
            "rows": journal.rows(page),
        },
    )
