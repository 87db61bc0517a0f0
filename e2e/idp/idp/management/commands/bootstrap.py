"""Registers Stages with both providers of the tests.

CAS: any address on 127.0.0.1 (the tests serve Stages on free ports),
every attribute released, single logout on.

OpenID Connect: a confidential client `stages` (code flow, RS256 ID
tokens, no consent screen) allowed the scopes Stages asks for; each test
server registers its own callback address (idp.views). The provider's
signing key is created once."""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from oidc_provider.models import Client, ResponseType, RSAKey

from cas_server.models import ReplaceAttributName, ServicePattern

OIDC_CLIENT_ID = "stages"
OIDC_CLIENT_SECRET = "stages-oidc-test-secret"


class Command(BaseCommand):
    help = "Registers the Stages services of the tests"

    def handle(self, *args, **options):
        pattern, _ = ServicePattern.objects.update_or_create(
            name="stages",
            defaults={
                "pos": 100,
                "pattern": r"^http://127\.0\.0\.1:[0-9]+/.*$",
                "user_field": "",
                "restrict_users": False,
                "proxy": False,
                "proxy_callback": False,
                "single_log_out": True,
            },
        )
        ReplaceAttributName.objects.get_or_create(
            name="*", replace="", service_pattern=pattern
        )
        if not RSAKey.objects.exists():
            call_command("creatersakey")
        client, _ = Client.objects.update_or_create(
            client_id=OIDC_CLIENT_ID,
            defaults={
                "name": "Stages",
                "client_type": "confidential",
                "client_secret": OIDC_CLIENT_SECRET,
                "jwt_alg": "RS256",
                "require_consent": False,
                "reuse_consent": True,
                "_scope": "openid profile email university",
            },
        )
        client.response_types.set(ResponseType.objects.filter(value="code"))
        self.stdout.write("stages registered with CAS and OpenID Connect")
