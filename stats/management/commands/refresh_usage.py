"""python manage.py refresh_usage — rebuild the usage summary from every dossier (safe to repeat)."""

import time

from django.core.management.base import BaseCommand

from stats.services.usage_refresh import refresh_usage


class Command(BaseCommand):
    help = "Tính lại bảng số liệu sử dụng từ toàn bộ hồ sơ (chạy lại an toàn)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        written = refresh_usage()
        self.stdout.write(f"rows={written} seconds={time.perf_counter() - started:.1f}")
