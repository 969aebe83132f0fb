from django.core.management.base import BaseCommand

from notifications.services import deliver_due


class Command(BaseCommand):
    help = (
        "Gửi các thư còn chờ (thư mà hàng đợi chưa gửi được hoặc máy chủ thư từ chối). Chạy vài phút một lần."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit, **options):
        counts = deliver_due(limit=limit)
        self.stdout.write(
            ", ".join(f"{key}={value}" for key, value in sorted(counts.items())) or "nothing due"
        )
