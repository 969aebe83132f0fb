from django.core.management.base import BaseCommand
from django.utils import timezone

from workdays.services import seed_holidays


class Command(BaseCommand):
    help = "Seed Vietnam's public holidays (and make-up working days) from the holidays package."

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int, help="default: last, this and next year")

    def handle(self, *args, years, **options):
        if not years:
            this = timezone.localdate().year
            years = [this - 1, this, this + 1]
        off, makeup = seed_holidays(years=years)
        self.stdout.write(f"{off} ngày nghỉ, {makeup} ngày làm bù đã thêm ({', '.join(map(str, years))}).")
