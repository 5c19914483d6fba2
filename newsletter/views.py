"""Public newsletter pages: subscribe (double opt-in), confirm, one-click unsubscribe (RFC 8058)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt

from newsletter.forms import SubscribeForm
from newsletter.services import subscriptions


@login_not_required
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscriptions.request_subscription(
            form.cleaned_data["email"], language=get_language() or "fr", base_url=request.build_absolute_uri("/")[:-1]
        )
        return render(request, "newsletter/subscribe_sent.html")
    return render(request, "newsletter/subscribe.html", {"form": form})


@login_not_required
def confirm(request, token):
    try:
        subscriptions.confirm(token)
    except subscriptions.InvalidLink:
        return render(request, "newsletter/message.html", {"state": "invalid"}, status=400)
    return render(request, "newsletter/message.html", {"state": "confirmed"})


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with no cookie and no CSRF token
@login_not_required
def unsubscribe(request, token):
    try:
        subscriptions.email_from_token(token)
    except subscriptions.InvalidLink:
        return render(request, "newsletter/message.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        subscriptions.unsubscribe(token)
        return render(request, "newsletter/message.html", {"state": "unsubscribed"})
    return render(request, "newsletter/unsubscribe.html", {"token": token})
