from django.core.management.base import BaseCommand, CommandError

from agencies.models import Agency
from signing.keys import KeyUnavailable
from signing.services import ensure_demo_key


class Command(BaseCommand):
    help = (
        "Development and demo: create the local demo certificate authority (SIGNING_DIR) and a signing "
        "key for every agency in force that has an electronic identifier and no usable key."
    )

    def handle(self, *args, **options):
        created = 0
        try:
            for agency in Agency.objects.active_on().exclude(code="").order_by("code"):
                before = agency.signing_keys.count()
                ensure_demo_key(agency)
                created += agency.signing_keys.count() - before
        except KeyUnavailable as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"Khóa ký số thử nghiệm: {created} khóa mới.")
