"""The members' staff lists as Wagtail listing views (search, django-filter filters, CSV/XLSX export), and
the members' staff tools registered as one viewset under /admin/adherents/ (namespace members_staff).

Exports keep the house format (core.exports: ';' CSV with a BOM, typed XLSX, formulas neutralised) and the
old links (?format=csv|xlsx); Wagtail's own ?export= links lead to the same files.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from core import bounds
from core.exports import FORMATS as EXPORT_FORMATS
from core.exports import table_response
from core.money import format_money
from core.phones import phone_filter
from members import services, staff_views, validation_views
from members.models import MemberProfile, Membership, Payment
from members.services.takings import confirmed_between, takings

STATUS_FILTERS = {
    "active": gettext_lazy("Adhésion en cours"),
    "pending": gettext_lazy("Adhésion à payer"),
    "expired": gettext_lazy("Adhésion expirée"),
    "none": gettext_lazy("Jamais adhérent"),
}


class HouseExportMixin:
    """Exports through core.exports, from ?format= (the links people kept) or Wagtail's ?export=."""

    export_filename = "export"
    export_title = "Export"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.export_format = request.GET.get("format") or request.GET.get("export")
        self.is_export = self.export_format in EXPORT_FORMATS

    def get_export_url(self, format):
        params = self.request.GET.copy()
        params.pop("export", None)
        params.pop(self.page_kwarg, None)
        params["format"] = format
        return self.request.path + "?" + params.urlencode()

    def export_rows(self, queryset):
        raise NotImplementedError

    def as_spreadsheet(self, queryset, spreadsheet_format):
        header, rows = self.export_rows(queryset)
        return table_response(self.get_filename(), header, rows, fmt=self.export_format, title=str(self.export_title))


# --- members -------------------------------------------------------------------------------------


def members_queryset():
    """Members (no staff group, not superuser, not erased) with their membership state, by name."""
    today = timezone.localdate()
    active = Membership.objects.filter(member=OuterRef("pk")).active_on(today)
    pending = Membership.objects.filter(member=OuterRef("pk"), status=Membership.Status.PENDING_PAYMENT)
    ever = Membership.objects.filter(member=OuterRef("pk"), status=Membership.Status.ACTIVE)
    return (
        get_user_model()
        .objects.filter(groups__isnull=True, is_superuser=False)
        .exclude(member_profile__erased_at__isnull=False)
        .annotate(has_active=Exists(active), has_pending=Exists(pending), has_any=Exists(ever))
        .select_related("member_profile")
        .order_by("last_name", "first_name", "pk")
    )


def search_members(queryset, text):
    """Every word in a name, e-mail, phone, commune or postal code; a phone number in any French spelling
    ("0556112233" finds "05 56 11 22 33", and the other way round: core.phones)."""
    words = Q()
    for word in text.split():
        words &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(member_profile__phone__icontains=word)
            | Q(member_profile__commune__icontains=word)
            | Q(member_profile__postal_code__startswith=word)
        )
    by_phone = phone_filter(text)
    return queryset.filter(words | by_phone if by_phone is not None else words)


class MemberFilterSet(WagtailFilterSet):
    statut = django_filters.ChoiceFilter(
        label=gettext_lazy("Adhésion"),
        choices=list(STATUS_FILTERS.items()),
        empty_label=gettext_lazy("Toutes"),
        method="filter_status",
    )

    class Meta:
        model = get_user_model()
        fields = []

    def filter_status(self, queryset, name, value):
        conditions = {
            "active": {"has_active": True},
            "pending": {"has_pending": True},
            "expired": {"has_active": False, "has_any": True},
            "none": {"has_any": False},
        }
        return queryset.filter(**conditions[value]) if value in conditions else queryset


def _membership_state(user):
    if user.has_active:
        return _("en cours")
    if user.has_pending:
        return _("à payer")
    if user.has_any:
        return _("expirée")
    return "–"


class MemberIndexView(HouseExportMixin, IndexView):
    """Adhérents: search by name/phone/commune/e-mail, filter by membership, export the result."""

    model = get_user_model()
    permission_policy = ModelPermissionPolicy(MemberProfile)
    permission_required = "view"
    any_permission_required = None
    page_title = gettext_lazy("Adhérents")
    header_icon = "group"
    paginate_by = 50
    filterset_class = MemberFilterSet
    is_searchable = True
    search_fields = ["first_name", "last_name", "email"]  # the words; search_queryset adds the rest
    index_url_name = "members_staff:member_list"
    index_results_url_name = "members_staff:member_list_results"
    results_template_name = "core/admin/listing_results.html"
    export_filename = "adherents"
    export_title = gettext_lazy("Adhérents")
    list_export = ["last_name", "first_name", "email", "phone", "commune", "postal_code", "has_active"]

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Nom"),
                accessor=lambda u: u.get_full_name() or u.email or u.username,
                get_url=lambda u: reverse("members_staff:member_detail", args=[u.pk]),
            ),
            Column("phone", label=_("Téléphone"), accessor=lambda u: _profile_value(u, "phone")),
            Column("commune", label=_("Commune"), accessor=lambda u: _profile_value(u, "commune")),
            Column("membership", label=_("Adhésion"), accessor=_membership_state),
        ]

    def get_base_queryset(self):
        return members_queryset()

    def order_queryset(self, queryset):
        return queryset  # by name (members_queryset)

    def search_queryset(self, queryset):
        return search_members(queryset, self.search_query) if self.is_searching else queryset

    @cached_property
    def header_buttons(self):
        user = self.request.user
        buttons = []
        if user.has_perm("members.add_memberprofile"):
            url = reverse("members_staff:desk_member")
            buttons.append(HeaderButton(_("Nouvel adhérent à l'accueil"), url=url, icon_name="plus"))
        if user.has_perm("members.change_memberprofile"):
            count = services.accounts_to_validate().count()
            if count:
                label = ngettext("%(count)d compte à valider", "%(count)d comptes à valider", count) % {"count": count}
                url = reverse("members_staff:accounts_to_validate")
                buttons.append(HeaderButton(label, url=url, icon_name="warning"))
        if user.has_perm("members.view_payment"):
            url = reverse("members_staff:payment_list")
            buttons.append(HeaderButton(_("Paiements"), url=url, icon_name="tick"))
        return buttons

    def export_rows(self, queryset):
        header = [
            _("Nom"),
            _("Prénom"),
            _("E-mail"),
            _("Téléphone"),
            _("Commune"),
            _("Code postal"),
            _("Adhésion en cours"),
        ]
        rows = [
            [
                user.last_name,
                user.first_name,
                user.email,
                _profile_value(user, "phone"),
                _profile_value(user, "commune"),
                _profile_value(user, "postal_code"),
                _("oui") if user.has_active else _("non"),
            ]
            for user in queryset
        ]
        return header, rows


def _profile_value(user, field):
    profile = getattr(user, "member_profile", None)
    return getattr(profile, field, "") if profile else ""


# --- payments ------------------------------------------------------------------------------------


def period_of(data):
    """?du=&au= as dates between 2000 and 2100 (core.bounds); this month so far otherwise."""
    today = timezone.localdate()
    start = bounds.parse_date(data.get("du")) or today.replace(day=1)
    end = bounds.parse_date(data.get("au")) or today
    return start, end


class PaymentFilterSet(WagtailFilterSet):
    """The period (the dates themselves are read by period_of, with its defaults and bounds)."""

    du = django_filters.DateFilter(label=gettext_lazy("Du"), method="keep")
    au = django_filters.DateFilter(label=gettext_lazy("Au"), method="keep")

    class Meta:
        model = Payment
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # PaymentIndexView.get_base_queryset applies the period


class PaymentIndexView(HouseExportMixin, IndexView):
    """Confirmed payments in a period, with totals per method and the takings (members.services.takings,
    the dashboard's definition: payments made with a credit shown apart, not counted twice)."""

    model = Payment
    permission_required = "view"
    any_permission_required = None
    page_title = gettext_lazy("Paiements")
    header_icon = "tick"
    paginate_by = None
    filterset_class = PaymentFilterSet
    index_url_name = "members_staff:payment_list"
    index_results_url_name = "members_staff:payment_list_results"
    results_template_name = "members/admin/payment_list_results.html"
    export_title = gettext_lazy("Paiements")
    list_export = ["fulfilled_at", "receipt", "member", "method", "cheque_number", "total", "refunded_amount"]

    @cached_property
    def period(self):
        return period_of(self.request.GET)

    def get_filename(self):
        start, end = self.period
        return f"paiements-{start}-{end}"

    @cached_property
    def confirmed(self):
        return confirmed_between(*self.period)

    @cached_property
    def money(self):
        return takings(self.confirmed)

    @cached_property
    def columns(self):
        def method(p):
            label = p.get_method_display()
            return f"{label} n° {p.cheque_number}" if p.cheque_number else label

        return [
            Column(
                "fulfilled_at",
                label=_("Date"),
                accessor=lambda p: f"{timezone.localtime(p.fulfilled_at):%d/%m/%Y %H:%M}",
            ),
            Column("receipt", label=_("Reçu"), accessor=lambda p: getattr(getattr(p, "receipt", None), "number", "")),
            Column("member", label=_("Adhérent"), accessor=lambda p: p.member.get_full_name() if p.member else ""),
            Column("method", label=_("Moyen"), accessor=method),
            Column("total", label=_("Montant"), accessor=lambda p: format_money(p.total)),
        ]

    def get_base_queryset(self):
        return self.confirmed.select_related("member", "recorded_by", "receipt").order_by("fulfilled_at")

    def order_queryset(self, queryset):
        return queryset  # by date (get_base_queryset)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        start, end = self.period
        money = self.money
        context.update(
            totals=[{**row, "method": row["key"], "total": row["amount"]} for row in money["by_method"]],
            grand_total=money["received"],
            paid_with_credit=money["paid_with_credit"],
            start=start,
            end=end,
        )
        return context

    def export_rows(self, payments):
        """One row per payment, then the totals per method and the period's total (in the amount column)."""
        start, end = self.period
        header = [
            _("Date"),
            _("Reçu"),
            _("Adhérent"),
            _("Moyen"),
            _("N° chèque"),
            _("Montant"),
            _("Remboursé"),
            _("Enregistré par"),
        ]
        rows = [
            [
                p.fulfilled_at,
                getattr(getattr(p, "receipt", None), "number", ""),
                p.member.get_full_name() if p.member else "",
                p.get_method_display(),
                p.cheque_number,
                p.total,
                p.refunded_amount,
                p.recorded_by.get_full_name() if p.recorded_by else "",
            ]
            for p in payments
        ]
        rows.append([])
        for row in self.money["by_method"]:
            label = ngettext(
                "Total %(method)s (%(count)s paiement)", "Total %(method)s (%(count)s paiements)", row["count"]
            ) % {"method": row["label"], "count": row["count"]}
            if not row["counted"]:
                label = _("%(total)s – déjà encaissé, non compté") % {"total": label}
            rows.append([label, "", "", "", "", row["amount"], "", ""])
        period = _("Total encaissé du %(start)s au %(end)s") % {
            "start": f"{start:%d/%m/%Y}",
            "end": f"{end:%d/%m/%Y}",
        }
        rows.append([period, "", "", "", "", self.money["received"], "", ""])
        return header, rows


# --- registration --------------------------------------------------------------------------------


class MembersStaffViewSet(ViewSet):
    """Every members staff tool under /admin/adherents/ (URL names members_staff:…): the two listings
    above, and the record, desk and validation views of members.staff_views and members.validation_views."""

    name = "members_staff"
    url_prefix = "adherents"
    icon = "group"

    def get_urlpatterns(self):
        def listing(view_class, **kwargs):
            return never_cache(view_class.as_view(**kwargs))

        return [
            path("", listing(MemberIndexView), name="member_list"),
            path("resultats/", listing(MemberIndexView, results_only=True), name="member_list_results"),
            path("paiements/", listing(PaymentIndexView), name="payment_list"),
            path("paiements/resultats/", listing(PaymentIndexView, results_only=True), name="payment_list_results"),
            path("nouveau/", staff_views.desk_member, name="desk_member"),
            path("<int:pk>/", staff_views.member_detail, name="member_detail"),
            path("<int:pk>/modifier/", staff_views.member_edit, name="member_edit"),
            path("<int:pk>/paiement/", staff_views.onsite_payment, name="onsite_payment"),
            path("<int:pk>/paiement/<int:payment_pk>/", staff_views.payment_done, name="payment_done"),
            path("<int:pk>/recus/<int:receipt_pk>/", staff_views.receipt_pdf, name="receipt_pdf"),
            path("<int:pk>/adhesion/", staff_views.new_membership, name="new_membership"),
            path("<int:pk>/mandat/", staff_views.new_mandate, name="new_mandate"),
            path("<int:pk>/activation/", staff_views.activation_link, name="activation_link"),
            path("<int:pk>/valider/", staff_views.validate_member, name="validate_member"),
            path("<int:pk>/tarif-solidaire/", staff_views.toggle_solidarity, name="toggle_solidarity"),
            path("a-valider/", validation_views.accounts_to_validate, name="accounts_to_validate"),
            path("a-valider/<int:pk>/valider/", validation_views.validate, name="validate_account"),
            path("a-valider/<int:pk>/refuser/", validation_views.refuse, name="refuse_account"),
        ]
