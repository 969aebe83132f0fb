"""python manage.py import_roadmap PATH — a roadmap in the shared JSON format (idempotent).

The last line is always `imported=N updated=N unchanged=N errors=N`, counting roadmap items.
"""

from django.core.management.base import BaseCommand, CommandError

from roadmap.importer import RoadmapImportError, import_roadmap_file


class Command(BaseCommand):
    help = "Nhập lộ trình cung cấp dịch vụ công trực tuyến từ tệp JSON (chạy lại nhiều lần không tạo trùng)."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="Đường dẫn tệp JSON, ví dụ ../shared/data/roadmap/decision-1396-2015.json"
        )

    def handle(self, *args, path, **options):
        try:
            report = import_roadmap_file(path)
        except RoadmapImportError as exc:
            raise CommandError(str(exc))
        roadmap = report.roadmap
        self.stdout.write(f"Lộ trình {roadmap.number}: {roadmap.targets.count()} mục tiêu")
        if report.roadmap_changed or report.targets_changed:
            self.stdout.write("  quyết định / mục tiêu đã được cập nhật")
        for ref, message in report.warnings:
            self.stdout.write(f"  cảnh báo {ref}: {message}")
        for ref, reason in report.errors:
            self.stderr.write(f"  lỗi {ref}: {reason}")
        self.stdout.write(report.summary_line())
