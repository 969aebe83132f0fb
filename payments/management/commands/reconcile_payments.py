"""Daily reconciliation: compare a day's payments with the gateway, per collecting agency."""

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from payments.services import reconcile


class Command(BaseCommand):
    help = "Đối soát các giao dịch thanh toán của một ngày với cổng thanh toán, theo cơ quan thu."

    def add_arguments(self, parser):
        parser.add_argument("--ngay", help="YYYY-MM-DD (mặc định: hôm qua)")

    def handle(self, *args, ngay=None, **options):
        try:
            day = date.fromisoformat(ngay) if ngay else timezone.localdate() - timedelta(days=1)
        except ValueError:
            raise CommandError("Ngày phải có dạng YYYY-MM-DD.") from None
        records = reconcile(day)
        for record in records:
            self.stdout.write(
                f"{day} {record.agency}: {record.matched}/{record.checked} khớp, "
                f"{len(record.mismatches)} chênh lệch; đã thu {record.portal_total} / cổng {record.gateway_total}"
            )
        if not records:
            self.stdout.write(f"{day}: không có giao dịch.")
