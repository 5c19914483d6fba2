"""Alerts: members who asked for it get one e-mail listing the new sessions that match their interests.

A periodic job (`manage.py send_session_alerts`) rather than a signal on each saved session: sessions
added one after another (a series, an afternoon of programming) end up in one e-mail per member, an
activity page published after its sessions were created is still announced, and a missed run is
caught up by the next one. Each (member, session) pair is recorded before the e-mail leaves, under a
unique constraint, so no session is ever announced twice to the same member.
"""

import datetime
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.models import Session
from core.formatting import when_in_words
from members.models import MemberProfile, SessionAlert

# Sessions programmed longer ago than this are not "new" any more (first run, long outage).
ALERT_WINDOW = datetime.timedelta(days=14)


def new_sessions(now=None):
    """Sessions worth announcing: scheduled, still to come, of a published activity that has themes,
    programmed within the last 14 days."""
    now = now or timezone.now()
    return Session.objects.filter(
        status=Session.Status.SCHEDULED,
        start__gt=now,
        created_at__gte=now - ALERT_WINDOW,
        activity__live=True,
        activity__themes__isnull=False,
    ).distinct()


def alert_recipients():
    """Profiles that asked for alerts and are reachable by e-mail (never phone or post people)."""
    return (
        MemberProfile.objects.filter(
            session_alerts=True,
            preferred_channel=MemberProfile.Channel.EMAIL,
            erased_at__isnull=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .exclude(interests__isnull=True)
    )


def sessions_to_announce(profile, sessions):
    """Those of `sessions` that match the profile's interests, were programmed after the member asked
    for alerts and were not announced to them yet. Themes match across languages (translation key)."""
    interests = profile.interests.values("translation_key")
    matching = sessions.filter(activity__themes__translation_key__in=interests).exclude(
        pk__in=SessionAlert.objects.filter(member_id=profile.user_id).values("session_id")
    )
    if profile.session_alerts_since is not None:
        matching = matching.filter(created_at__gte=profile.session_alerts_since)
    return matching.distinct().order_by("start", "pk")


def send_session_alerts(*, now=None):
    """Record and send the alerts due now: at most one e-mail per member, listing all their new sessions.

    Each member is handled in its own transaction with their profile row locked, so two runs at the
    same time never both announce a session (the unique (member, session) pair backs this up). The
    e-mail task is queued after commit. Returns the number of members alerted.
    """
    candidates = new_sessions(now)
    themes = candidates.values("activity__themes__translation_key")
    profile_ids = list(
        alert_recipients().filter(interests__translation_key__in=themes).values_list("pk", flat=True).distinct()
    )
    alerted = 0
    for profile_id in profile_ids:
        with transaction.atomic():
            profile = MemberProfile.objects.select_for_update().filter(pk=profile_id).first()
            if profile is None or not alert_recipients().filter(pk=profile_id).exists():
                continue
            sessions = list(sessions_to_announce(profile, candidates))
            if not sessions:
                continue
            SessionAlert.objects.bulk_create([SessionAlert(member_id=profile.user_id, session=s) for s in sessions])
            transaction.on_commit(partial(_enqueue_email, profile.user_id, [s.pk for s in sessions]))
            alerted += 1
    return alerted


def _enqueue_email(member_id, session_ids):
    from members.tasks import send_session_alert_email

    send_session_alert_email.enqueue(member_id, session_ids)


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_session_alert_email(member_id, session_ids):
    """The alert e-mail (plain text + HTML) in the member's language; nothing if they opted out
    meanwhile or the sessions were cancelled. Returns the message sent, or None."""
    from members.services.profiles import member_language

    member = get_user_model().objects.filter(pk=member_id).first()
    if member is None or not alert_recipients().filter(user=member).exists():
        return None
    sessions = list(
        Session.objects.filter(pk__in=session_ids, status=Session.Status.SCHEDULED)
        .select_related("activity", "place")
        .order_by("start", "pk")
    )
    if not sessions:
        return None
    language = member_language(member)
    with translation.override(language):
        items = [
            {
                "title": session.activity.localized.title,
                "when": when_in_words(session.start, session.end),
                "place": session.place.name,
                "url": _absolute(reverse("activities:session_detail", kwargs={"pk": session.pk})),
            }
            for session in sessions
        ]
        count = len(items)
        if count == 1:
            subject = _("Nouvelle séance : %(activity)s") % {"activity": items[0]["title"]}
        else:
            subject = ngettext(
                "%(count)s nouvelle séance pour vous", "%(count)s nouvelles séances pour vous", count
            ) % {"count": count}
        context = {
            "member": member,
            "items": items,
            "count": count,
            "language": language,
            "preferences_url": _absolute(reverse("members:profile")),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        text = render_to_string("members/email/session_alert.txt", context)
        html = render_to_string("members/email/session_alert.html", context)
    message = EmailMultiAlternatives(subject, text, to=[member.email])
    message.attach_alternative(html, "text/html")
    message.send()
    return message
