"""Receipt numbers: one sequence per year, no gaps, no duplicates — even under concurrent payments."""

import threading

from django.db import connection

import pytest
from payments import PaymentStatus

from members import services
from members.models import Receipt
from tests.members.factories import make_booking, make_user


@pytest.mark.django_db
def test_receipts_are_numbered_in_sequence_per_year():
    member = make_user()
    receipts = []
    for _ in range(3):
        payment = services.create_online_payment(member, bookings=[make_booking(member)])
        services.apply_status(payment, PaymentStatus.CONFIRMED)
        receipts.append(Receipt.objects.get(payment=payment))
    assert [r.sequence for r in receipts] == [1, 2, 3]
    assert receipts[0].number.endswith("-000001")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (select_for_update)")
def test_thirty_concurrent_payments_get_thirty_consecutive_receipt_numbers():
    member = make_user()
    payments = [services.create_online_payment(member, bookings=[make_booking(member)]) for _ in range(30)]
    barrier = threading.Barrier(len(payments))
    errors = []

    def confirm(payment):
        try:
            barrier.wait()
            services.apply_status(payment, PaymentStatus.CONFIRMED)
        except Exception as exc:  # noqa: BLE001 — asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(p,)) for p in payments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Receipt.objects.values_list("sequence", flat=True))
    assert numbers == list(range(1, 31))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (select_for_update)")
def test_the_same_payment_confirmed_by_concurrent_notifications_gets_one_receipt():
    member = make_user()
    payment = services.create_online_payment(member, bookings=[make_booking(member)])
    barrier = threading.Barrier(10)
    errors = []

    def notify():
        try:
            barrier.wait()
            services.apply_status(type(payment).objects.get(pk=payment.pk), PaymentStatus.CONFIRMED)
        except Exception as exc:  # noqa: BLE001 — asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=notify) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Receipt.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (select_for_update)")
def test_control_without_the_sequence_lock_concurrent_payments_collide(monkeypatch):
    """Proves the race is real: reading the sequence without a lock hands one number out twice
    (the unique constraint then rejects the second receipt)."""
    import time

    from django.db.models import QuerySet

    from members.models import ReceiptSequence

    real_save = ReceiptSequence.save

    def slow_save(self, *args, **kwargs):
        time.sleep(0.05)  # widen the read-then-write window
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", lambda self, **kwargs: self)
    monkeypatch.setattr(ReceiptSequence, "save", slow_save)
    member = make_user()
    services.next_receipt_number(2000)  # the year row exists before the burst
    payments = [services.create_online_payment(member, bookings=[make_booking(member)]) for _ in range(10)]
    barrier = threading.Barrier(len(payments))
    errors = []

    def confirm(payment):
        try:
            barrier.wait()
            services.apply_status(payment, PaymentStatus.CONFIRMED)
        except Exception as exc:  # noqa: BLE001 — the point of the control
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(p,)) for p in payments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors or len(set(Receipt.objects.values_list("sequence", flat=True))) < len(payments)
