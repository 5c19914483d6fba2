"""A concern raised from outside care (a check-in call): it reaches the social workers, the raiser sees nothing.

The one door other apps use to put something into care. It opens a case for the person (or adds to their open
one) with a note at the "social" level, and logs the write; it returns nothing the caller could follow."""

from django.db import transaction

from care.models import AccessLogEntry, CaseFile, Note
from care.services.access import log_access


def raise_concern(person, *, raised_by, summary):
    """Open or update `person`'s case with a social-level note `summary` by `raised_by` (who need not be a care
    professional, and gets no access to the case). Returns None on purpose."""
    with transaction.atomic():
        case = (
            CaseFile.objects.select_for_update()
            .filter(person=person, anonymised_at__isnull=True)
            .exclude(status=CaseFile.Status.CLOSED)
            .order_by("-pk")
            .first()
        )
        if case is None:
            case = CaseFile.objects.create(
                person=person,
                first_name=person.first_name,
                last_name=person.last_name,
                identified_via=CaseFile.IdentifiedVia.OTHER,
                created_by=raised_by,
            )
            log_access(
                raised_by, AccessLogEntry.Action.CREATE, "casefile", case=case, object_id=case.pk, detail="concern"
            )
        note = Note.objects.create(case=case, author=raised_by, visibility=Note.Visibility.SOCIAL, body=summary)
        log_access(raised_by, AccessLogEntry.Action.CREATE, "note", case=case, object_id=note.pk, detail="concern")
    return None
