import time

from django.core.management.base import BaseCommand

from search.engines import engine_name
from search.services import rebuild_index


class Command(BaseCommand):
    help = (
        "Dựng lại toàn bộ chỉ mục tìm kiếm từ các thủ tục đang xuất bản. "
        "/ Rebuilds the search index from the published procedures (not needed after normal publishing)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = rebuild_index()
        elapsed = time.perf_counter() - started
        self.stdout.write(f"engine={engine_name()} documents={count} seconds={elapsed:.1f}")
