"""What an administrator of the provider does in its admin pages, as one
request for the tests: register the addresses of a Stages server (each
test server listens on its own port) with the Stages client. Loopback
callers and loopback addresses only."""
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oidc_provider.models import Client


@csrf_exempt
@require_POST
def register_stages_server(request):
    if request.META.get("REMOTE_ADDR") != "127.0.0.1":
        return HttpResponseForbidden()
    base = request.POST.get("base", "").rstrip("/")
    if not base.startswith("http://127.0.0.1:"):
        return HttpResponseBadRequest("a loopback address only")
    # Test servers start side by side and register at once: the read and
    # the write are one transaction (IMMEDIATE on SQLite: the write lock is
    # taken at its start), else one server's address is lost and its
    # sign-in meets the provider's error page.
    with transaction.atomic():
        client = Client.objects.select_for_update().get(client_id="stages")
        callback = base + "/api/auth/oidc/callback"
        if callback not in client.redirect_uris:
            client.redirect_uris = client.redirect_uris + [callback]
        back = base + "/login"
        if back not in client.post_logout_redirect_uris:
            client.post_logout_redirect_uris = client.post_logout_redirect_uris + [back]
        client.save()
    return HttpResponse("registered")
