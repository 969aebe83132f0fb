"""python manage.py sync_level_records — record the current level of procedures loaded without publishing.

Pages published through Wagtail are recorded by the page_published signal; bulk imports and
fixtures that write pages directly are not. This appends a record for every procedure whose
latest record differs from the page (or that has none). Safe to run repeatedly.
"""

from django.core.management.base import BaseCommand

from roadmap.services import sync_level_records


class Command(BaseCommand):
    help = "Ghi nhận mức độ hiện tại của các thủ tục chưa có lịch sử mức độ (chạy lại an toàn)."

    def handle(self, *args, **options):
        written = sync_level_records()
        self.stdout.write(f"records_written={written}")
