"""Demo history for `seed_demo`: twelve weeks of past sessions, and the same weeks a year earlier, with
bookings, payments, receipts and satisfaction answers, so that the indicators dashboard opens on a
believable picture (sessions held, fill and absence rates, first visits, revenue, bus stops, satisfaction).

Rows are written directly, in bulk, not through the booking and payment services: those would write
"done by the team" entries in the members' history, queue e-mails and date everything today. What the
services guarantee is kept by hand: prices from `members.services.price_for` itself (the memberships are
written first), statuses from the model's choices, bookings made by the members
themselves, confirmed payments with `fulfilled_at`, one receipt each numbered by `next_receipt_number`
in date order (no gap, no duplicate in a year). Every attended booking of the last days already has its
survey invitation (marked sent), so the daily survey job finds nothing to send.

Deterministic (a seeded `random.Random`, dates relative to today) and safe to run again: nothing is
added once the demo regulars exist (they are created in the same transaction as the history).
"""

import datetime
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from payments import PaymentStatus

from activities.models import ActivityPage, Booking, Place, Session
from activities.seats import refresh_seats
from demo.activities import ACTIVITIES, PLACES
from indicators.models import SurveyAnswer, SurveyInvitation
from indicators.surveys import CATCH_UP_DAYS
from members.models import MemberProfile, Membership, MembershipType, Payment, PaymentItem, Receipt
from members.services import next_receipt_number, price_for
from members.services.payments import booking_label, membership_label

HISTORY_DAYS = 12 * 7
YEAR_AGO = 52 * 7  # days: the same weekdays one year earlier
REGULARS = 15
ZERO = Decimal("0.00")
NO_SHOW = 0.09
BUS = "bus-numerique"
CAFE = "cafe-des-aidants"
# Share of the seats taken, drawn per session (the cycle workshop has no history: its first cycle is ahead).
FILL = {
    "yoga-doux": (0.8, 1.0),
    "sophrologie": (0.6, 0.95),
    CAFE: (0.4, 0.75),
    "dejeuner-partage": (0.55, 0.9),
    "visite-culturelle": (0.5, 0.9),
    BUS: (0.45, 0.85),
}
CANCELLED_WEEK = {"visite-culturelle": 5}  # too few people that week: the outing was called off
# (method, weight) of a paid booking; people absent had paid online when booking.
METHODS = [
    (Payment.Method.ONLINE, 35),
    (Payment.Method.CARD_TERMINAL, 25),
    (Payment.Method.CASH, 20),
    (Payment.Method.CHEQUE, 15),
    (Payment.Method.ANCV, 5),
]
ANSWERS = {  # question: (probability of an answer, weights of yes / maybe / no)
    SurveyAnswer.Question.GOOD_TIME: (1.0, (82, 14, 4)),
    SurveyAnswer.Question.COME_BACK: (0.85, (78, 18, 4)),
    SurveyAnswer.Question.RECOMMEND: (0.7, (75, 20, 5)),
}


@dataclass
class Person:
    user: object
    joined: datetime.date
    weight: float
    carer: bool = False
    favourite: str = ""


def regular_email(n):
    return f"adherent.demo{n:02d}@escale.example"


class History:
    """Builds the rows in memory, then writes them in a few bulk queries."""

    def __init__(self, today, coordinator):
        self.rng = random.Random("escale-demo-history")  # noqa: S311 - demo data, not a secret
        self.today = today
        self.coordinator = coordinator
        self.tz = timezone.get_current_timezone()
        self.sessions, self.bookings, self.payments, self.items = [], [], [], []
        self.memberships = []

    def at(self, day, hour, minute=0):
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.tz)

    # --- people -----------------------------------------------------------------------------------------------

    def people(self, types):
        """The demo participants, Josette and Paul (their memberships as they are), and the new regulars."""
        User = get_user_model()
        rng, today = self.rng, self.today
        people = []
        for n in range(1, 15):
            user = User.objects.filter(username=f"participant{n}").first()
            if user is not None:
                people.append(Person(user, today - datetime.timedelta(days=600), rng.uniform(0.4, 1.0), carer=n <= 3))
        josette = User.objects.filter(email__iexact="membre@escale.example").first()
        if josette is not None:
            person = Person(josette, today - datetime.timedelta(days=700), 0.5, favourite="yoga-doux")
            if "Adhésion annuelle" in types:
                self.join(person, types["Adhésion annuelle"], years=(today.year - 1,))
            people.append(person)
        paul = User.objects.filter(email__iexact="aidant@escale.example").first()
        if paul is not None:
            people.append(Person(paul, today - datetime.timedelta(days=125), 0.3, carer=True, favourite=CAFE))
        communes = sorted({(postal, commune) for _name, _address, postal, commune, *_rest in PLACES})
        for n in range(1, REGULARS + 1):
            # Five came already last year; the others joined during the last four months.
            joined = today - datetime.timedelta(days=455 - 5 * n if n <= 5 else 130 - 11 * (n - 5))
            user = User(
                username=regular_email(n).split("@")[0],
                email=regular_email(n),
                first_name="Adhérent",
                last_name=f"Démo {n:02d}",
                date_joined=self.at(joined, 11),
            )
            user.set_unusable_password()  # nobody logs in as them: no slow password hashing
            user.save()
            postal, commune = communes[n % len(communes)]
            profile = MemberProfile.objects.create(user=user, commune=commune, postal_code=postal)
            MemberProfile.objects.filter(pk=profile.pk).update(created_at=self.at(joined, 11))
            person = Person(user, joined, rng.uniform(0.3, 1.0), carer=n % 3 == 0)
            membership_type = types.get("Adhésion solidaire" if n % 5 == 0 else "Adhésion annuelle")
            if membership_type is not None:
                self.join(person, membership_type)
            people.append(person)
        return people

    def join(self, person, membership_type, years=None):
        """Calendar-year memberships from the year they joined, paid on the first day."""
        for year in years or (self.today.year - 1, self.today.year):
            start = max(person.joined, datetime.date(year, 1, 1) + datetime.timedelta(days=self.rng.randint(4, 40)))
            if start.year != year or start >= self.today:
                continue
            end = datetime.date(year, 12, 31)
            membership = Membership(
                member=person.user,
                type=membership_type,
                valid_from=start,
                valid_until=end,
                status=Membership.Status.ACTIVE,
                price=membership_type.price,
                created_by=person.user,
                created_at=self.at(start, 10, 20),
            )
            self.memberships.append(membership)

    # --- sessions and bookings --------------------------------------------------------------------------------

    def sessions_for(self, activity, spec, places, first_day):
        weekday, hour, minute, duration, place_index = spec
        stops = [place for place in places if place.is_bus_stop]
        week = 0
        for offset in range(HISTORY_DAYS):
            day = first_day + datetime.timedelta(days=offset)
            if day.weekday() != weekday:
                continue
            week += 1
            start = self.at(day, hour, minute)
            session = Session(
                activity=activity,
                start=start,
                end=start + datetime.timedelta(minutes=duration),
                place=stops[week % len(stops)] if activity.slug == BUS else places[place_index],
                capacity=activity.default_capacity,
                min_participants=activity.min_participants,
                pickup_seats=5 if activity.slug == BUS else 0,
                cancellation_deadline=start - datetime.timedelta(days=1),
                created_at=start - datetime.timedelta(days=45),
                updated_at=start - datetime.timedelta(days=45),
            )
            if CANCELLED_WEEK.get(activity.slug) == week:
                session.status = Session.Status.CANCELLED
                session.updated_at = start - datetime.timedelta(days=3)
            self.sessions.append(session)
            yield session, day

    def book(self, session, person, status, *, day, created_days):
        created_at = session.start - datetime.timedelta(days=created_days, hours=self.rng.randint(0, 8))
        booking = Booking(
            session=session,
            member=person.user,
            status=status,
            price=price_for(person.user, session),  # the one price rule (memberships are saved first)
            made_by=person.user,
            created_at=created_at,
        )
        booking.queued_at = created_at  # waitlist rank = booking time (a plain attribute where there is no such field)
        if status in (Booking.Status.ATTENDED, Booking.Status.NO_SHOW) and created_days >= 2:
            booking.reminder_sent_at = session.start - datetime.timedelta(days=1, hours=2)
        self.bookings.append(booking)
        return booking

    def fill(self, session, day, people, *, scale):
        rng = self.rng
        slug = session.activity.slug
        eligible = [p for p in people if p.joined <= day - datetime.timedelta(days=3) and (slug != CAFE or p.carer)]
        if session.status == Session.Status.CANCELLED:
            for person in rng.sample(eligible, min(3, len(eligible))):
                booking = self.book(session, person, Booking.Status.CANCELLED, day=day, created_days=rng.randint(6, 15))
                booking.cancelled_at = session.start - datetime.timedelta(days=3)
            return
        low, high = FILL[slug]
        wanted = min(round(session.capacity * rng.uniform(low, high) * scale), len(eligible))
        forced = [p for p in eligible if p.favourite == slug and rng.random() < 0.8]
        others = sorted(
            (p for p in eligible if p not in forced), key=lambda p: rng.random() ** (1 / p.weight), reverse=True
        )
        holders, left = (forced + others)[:wanted], (forced + others)[wanted:]
        last = None
        for person in holders:
            absent = rng.random() < NO_SHOW and person.favourite == ""
            status = Booking.Status.NO_SHOW if absent else Booking.Status.ATTENDED
            last = self.book(session, person, status, day=day, created_days=rng.randint(1, 20))
        if left and rng.random() < 0.4:  # someone could not come and said so in time
            booking = self.book(
                session, left.pop(0), Booking.Status.CANCELLED, day=day, created_days=rng.randint(8, 20)
            )
            booking.cancelled_at = session.start - datetime.timedelta(days=rng.randint(2, 6))
            if last is not None and len(holders) == session.capacity:  # the seat went to the first one waiting
                last.promoted_at = booking.cancelled_at + datetime.timedelta(minutes=1)
        if len(holders) == session.capacity:
            for person in left[: rng.randint(0, 2)]:  # still waiting when the session took place
                self.book(session, person, Booking.Status.WAITLISTED, day=day, created_days=1)

    # --- payments ---------------------------------------------------------------------------------------------

    def pay(self, member, lines, *, method, when):
        """A confirmed payment, as `members.services.payments` leaves it (the receipt comes later)."""
        total = sum((amount for _kind, _obj, _label, amount in lines), ZERO)
        on_site = method != Payment.Method.ONLINE
        payment = Payment(
            variant="onsite" if on_site else (settings.MEMBERS_ONLINE_PAYMENT_VARIANT or "dummy"),
            member=member,
            method=method,
            cheque_number=str(self.rng.randint(1000000, 9999999)) if method == Payment.Method.CHEQUE else "",
            recorded_by=self.coordinator if on_site else None,
            currency="EUR",
            total=total,
            captured_amount=total,
            status=PaymentStatus.CONFIRMED,
            description="; ".join(str(line[2]) for line in lines)[:500],
            billing_first_name=member.first_name,
            billing_last_name=member.last_name,
            billing_email=member.email,
            token=str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            fulfilled_at=when,
            created=when - datetime.timedelta(minutes=2),
            modified=when,
        )
        self.payments.append(payment)
        for kind, obj, label, amount in lines:
            self.items.append(
                PaymentItem(
                    payment=payment,
                    kind=kind,
                    membership=obj if kind == PaymentItem.Kind.MEMBERSHIP else None,
                    booking=obj if kind == PaymentItem.Kind.BOOKING else None,
                    label=label,
                    amount=amount,
                    state=PaymentItem.State.PAID,
                )
            )

    def pay_everything(self):
        methods, weights = zip(*METHODS, strict=True)
        for membership in self.memberships:
            if membership.price > ZERO:
                method = self.rng.choice((Payment.Method.ONLINE, Payment.Method.CHEQUE, Payment.Method.CASH))
                line = (PaymentItem.Kind.MEMBERSHIP, membership, membership_label(membership), membership.price)
                self.pay(membership.member, [line], method=method, when=membership.created_at)
        for booking in self.bookings:
            if booking.price <= ZERO or booking.status not in (Booking.Status.ATTENDED, Booking.Status.NO_SHOW):
                continue
            method = self.rng.choices(methods, weights)[0]
            if booking.status == Booking.Status.NO_SHOW:
                method = Payment.Method.ONLINE
            if method == Payment.Method.ONLINE:
                when = booking.created_at + datetime.timedelta(minutes=3)
            else:
                when = booking.session.start - datetime.timedelta(minutes=self.rng.randint(5, 25))
            line = (PaymentItem.Kind.BOOKING, booking, booking_label(booking), booking.price)
            self.pay(booking.member, [line], method=method, when=when)

    # --- writing ----------------------------------------------------------------------------------------------

    def save_memberships(self):
        """Write the memberships before any booking, so that `price_for` finds them."""
        _create_keeping_dates(Membership, self.memberships, ["created_at"])

    def save(self):
        _create_keeping_dates(Session, self.sessions, ["created_at", "updated_at"])
        _create_keeping_dates(Booking, self.bookings, ["created_at"])
        refresh_seats([session.pk for session in self.sessions])  # bulk_create sends no signal: the seat counters
        self.pay_everything()
        self.payments.sort(key=lambda payment: payment.fulfilled_at)
        _create_keeping_dates(Payment, self.payments, ["created", "modified"])
        PaymentItem.objects.bulk_create(self.items, batch_size=500)
        receipts = []
        for payment in self.payments:  # in date order: numbers follow the dates within each year
            year = timezone.localtime(payment.fulfilled_at).year
            lines = [
                {"label": item.label, "amount": str(item.amount)} for item in self.items if item.payment is payment
            ]
            receipts.append(
                Receipt(
                    payment=payment,
                    year=year,
                    sequence=next_receipt_number(year),
                    issued_at=payment.fulfilled_at,
                    amount=payment.total,
                    payer_name=payment.member.get_full_name() or payment.member.email,
                    lines=lines,
                )
            )
        Receipt.objects.bulk_create(receipts, batch_size=500)
        return self.survey()

    def survey(self):
        """Invitations (sent the day after) for most people present, answered by about half of them."""
        recent = self.at(self.today, 0) - datetime.timedelta(days=CATCH_UP_DAYS + 1)
        invitations, answers = [], []
        now = timezone.now()
        for booking in self.bookings:
            if booking.status != Booking.Status.ATTENDED:
                continue
            if booking.session.end < recent and self.rng.random() > 0.65:
                continue
            day_after = timezone.localtime(booking.session.end).date() + datetime.timedelta(days=1)
            sent = min(self.at(day_after, 9), now)
            invitation = SurveyInvitation(booking=booking, session=booking.session, created_at=sent, sent_at=sent)
            invitations.append(invitation)
            if self.rng.random() > 0.5 or sent == now:
                continue
            answered = sent + datetime.timedelta(minutes=self.rng.randint(20, 1800))
            for question, (probability, weights) in ANSWERS.items():
                if self.rng.random() < probability:
                    choice = self.rng.choices(SurveyAnswer.Choice.values, weights)[0]
                    answers.append(
                        SurveyAnswer(invitation=invitation, question=question, choice=choice, answered_at=answered)
                    )
        _create_keeping_dates(SurveyInvitation, invitations, ["created_at"])
        _create_keeping_dates(SurveyAnswer, answers, ["answered_at"])
        return len(answers)


def _create_keeping_dates(model, objects, date_fields):
    """bulk_create, then put back the past dates that auto_now(_add) replaced with the current time."""
    wanted = [[getattr(obj, name) for name in date_fields] for obj in objects]
    model.objects.bulk_create(objects, batch_size=500)
    for obj, values in zip(objects, wanted, strict=True):
        for name, value in zip(date_fields, values, strict=True):
            setattr(obj, name, value)
    model.objects.bulk_update(objects, date_fields, batch_size=500)
    return objects


def _schedule():
    """{slug: (weekday, hour, minute, duration, place index)} from the demo activities."""
    schedule = {row[0]: (row[11], row[12], row[13], row[14], row[15]) for row in ACTIVITIES if row[0] in FILL}
    schedule[BUS] = (0, 9, 30, 180, None)
    return schedule


def seed_history(*, stdout=None, today=None):
    """Create the past of the demo (see the module docstring); returns the number of sessions created."""
    User = get_user_model()
    if User.objects.filter(email=regular_email(1)).exists():
        return 0
    today = today or timezone.localdate()
    activities = {page.slug: page for page in ActivityPage.objects.filter(slug__in=FILL, locale__language_code="fr")}
    places = [Place.objects.filter(name=name, commune=commune).first() for name, _a, _p, commune, *_r in PLACES]
    if not activities or None in places:
        return 0
    types = {t.name: t for t in MembershipType.objects.filter(name__in=("Adhésion annuelle", "Adhésion solidaire"))}
    history = History(today, User.objects.filter(email__iexact="coordination@escale.example").first())
    people = history.people(types)
    history.save_memberships()
    schedule = _schedule()
    for first_day, scale in ((today - datetime.timedelta(days=HISTORY_DAYS), 1.0),
                             (today - datetime.timedelta(days=HISTORY_DAYS + YEAR_AGO), 0.85)):  # fmt: skip
        for slug, activity in activities.items():
            for session, day in list(history.sessions_for(activity, schedule[slug], places, first_day)):
                history.fill(session, day, people, scale=scale)
    answers = history.save()
    if stdout is not None:
        stdout.write(
            f"demo.indicators: {len(history.sessions)} past sessions, {len(history.bookings)} bookings, "
            f"{len(history.payments)} payments, {answers} survey answers."
        )
    return len(history.sessions)


def seed(*, stdout):
    seed_history(stdout=stdout)
