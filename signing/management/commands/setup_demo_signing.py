from django.core.management.base import BaseCommand, CommandError

from signing.keys import KeyUnavailable
from signing.services import ensure_demo_keys


class Command(BaseCommand):
    help = (
        "Development and demo: create the local demo certificate authority (SIGNING_DIR) and a signing "
        "key for every agency in force that has an electronic identifier and no usable key."
    )

    def handle(self, *args, **options):
        try:
            issued = ensure_demo_keys()
        except KeyUnavailable as error:
            raise CommandError(error.message) from None
        self.stdout.write(f"Khóa ký số thử nghiệm: {issued} khóa mới.")
