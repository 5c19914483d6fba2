"""Choosing and paying: membership types with their period and price, bookings and cycles to pay,
the dummy payment provider's form in French."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.formatting import when_in_words
from core.money import ZERO, format_money
from members.models import MembershipType


class MembershipTypeField(forms.ModelChoiceField):
    """Each type with its price and the period it would cover for this member, before paying."""

    member = None

    def label_from_instance(self, obj):
        from members.services.memberships import period_for

        valid_from, valid_until = period_for(self.member, obj)
        price = _("gratuite") if obj.is_free or not obj.price else format_money(obj.price)
        return _("%(name)s – %(price)s – du %(start)s au %(end)s") % {
            "name": obj.display_name,
            "price": price,
            "start": valid_from.strftime("%d/%m/%Y"),
            "end": valid_until.strftime("%d/%m/%Y"),
        }


class MembershipChoiceForm(forms.Form):
    membership_type = MembershipTypeField(
        label=_("Type d'adhésion"),
        queryset=MembershipType.objects.filter(active=True),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership_type"].member = member


class CycleBookingChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _("Cycle « %(activity)s », toutes les séances : %(price)s") % {
            "activity": obj.activity.title,
            "price": format_money(obj.price),
        }


class BookingChoiceField(forms.ModelMultipleChoiceField):
    """One line per booking to pay: activity, date in words, price (never the person's login)."""

    def label_from_instance(self, obj):
        session = obj.session
        return _("%(activity)s, %(when)s : %(price)s") % {
            "activity": session.activity.title,
            "when": when_in_words(session.start, session.end, with_year=True),
            "price": format_money(obj.price),
        }


class PricedMembershipField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        from members.services.payments import membership_label

        return f"{membership_label(obj)} : {format_money(obj.price)}"


class PricedBookingField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        from members.services.payments import booking_label

        return f"{booking_label(obj)} : {format_money(obj.price)}"


class PayBookingsForm(forms.Form):
    """Choose what to pay among one's unpaid bookings and unpaid cycles (at least one); everything
    is ticked to start with. `total` is the sum of every line offered."""

    def __init__(self, *args, bookings, cycle_bookings, **kwargs):
        super().__init__(*args, **kwargs)
        lines = {"bookings": list(bookings), "cycle_bookings": list(cycle_bookings)}
        self.total = sum((line.price for line in [*lines["bookings"], *lines["cycle_bookings"]]), ZERO)
        fields = {
            "bookings": (BookingChoiceField, _("Inscriptions à payer"), bookings),
            "cycle_bookings": (CycleBookingChoiceField, _("Cycles à payer"), cycle_bookings),
        }
        for name, (field_class, label, queryset) in fields.items():
            if lines[name]:
                self.fields[name] = field_class(
                    label=label,
                    queryset=queryset,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    initial=[line.pk for line in lines[name]],
                )

    def clean(self):
        data = super().clean()
        data.setdefault("bookings", [])
        data.setdefault("cycle_bookings", [])
        if not self.errors and not data["bookings"] and not data["cycle_bookings"]:
            raise forms.ValidationError(_("Cochez au moins une inscription à payer."))
        return data


# --- the dummy payment provider (development and tests) ------------------------------------------

DUMMY_FIELDS = {
    "status": (
        _("Résultat du paiement"),
        [
            ("confirmed", _("Paiement accepté")),
            ("rejected", _("Paiement refusé")),
            ("error", _("Erreur")),
            ("waiting", _("En attente de confirmation")),
            ("preauth", _("Pré-autorisé")),
            ("input", _("Saisie en cours")),
            ("refunded", _("Remboursé")),
            ("cancelled", _("Annulé")),
        ],
    ),
    "fraud_status": (
        _("Contrôle anti-fraude"),
        [
            ("accept", _("Accepté")),
            ("reject", _("Refusé")),
            ("review", _("À vérifier")),
            ("unknown", _("Inconnu")),
        ],
    ),
    "gateway_response": (
        _("Réponse de la banque"),
        [
            ("3ds-disabled", _("Sans vérification 3D Secure")),
            ("3ds-redirect", _("Avec vérification 3D Secure")),
            ("failure", _("Banque injoignable")),
            ("payment-error", _("Réponse inattendue de la banque")),
        ],
    ),
    "verification_result": (
        _("Résultat de la vérification 3D Secure"),
        [("", _("Aucune"))],
    ),
}


def localise_dummy_form(form):
    """Give django-payments' dummy form (test payments) translated labels and choices.

    Its fields are built with English names and labels; the accepted values stay the provider's,
    only what people read changes. Other providers' forms are returned untouched.
    """
    from payments.dummy.forms import DummyForm

    if not isinstance(form, DummyForm):
        return form
    status_labels = dict(DUMMY_FIELDS["status"][1])
    for name, (label, choices) in DUMMY_FIELDS.items():
        field = form.fields.get(name)
        if field is None:
            continue
        field.label = label
        known = dict(choices)
        if name == "verification_result":
            known = {"": known[""], **status_labels}
        field.choices = [(value, known.get(value, value)) for value, _label in field.choices]
    form.fields["status"].help_text = _("Paiement d'essai : aucune carte n'est débitée.")
    return form
