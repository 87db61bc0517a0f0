"""Registers Stages as a CAS service: any address on 127.0.0.1 (the tests
serve Stages on free ports), every attribute released, single logout on."""
from django.core.management.base import BaseCommand

from cas_server.models import ReplaceAttributName, ServicePattern


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
        self.stdout.write("stages service registered")
