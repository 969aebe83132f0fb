"""manage.py import_procedures PATH [PATH ...] [--dry-run] [--report FILE]"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from procedures.importer import ImportAborted, import_files


class Command(BaseCommand):
    help = (
        "Nhập danh mục thủ tục hành chính từ tệp JSON Lines (chi tiết hoặc danh sách), CSV hoặc XLSX. "
        "Import the procedure catalog from JSON Lines (detailed or index), CSV or XLSX files."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="tệp cần nhập / files to import")
        parser.add_argument(
            "--dry-run", action="store_true", help="chạy thử, không lưu gì / check only, change nothing"
        )
        parser.add_argument(
            "--report",
            type=Path,
            help="ghi danh sách ghi chú và thủ tục chưa đủ thông tin vào tệp này / write notes and gaps here",
        )

    def handle(self, *args, paths, dry_run, report, **options):
        progress = None
        if self.stdout.isatty():
            from tqdm import tqdm

            def progress(**kwargs):
                return tqdm(file=sys.stderr, leave=False, **kwargs)

        try:
            result = import_files(paths, dry_run=dry_run, progress=progress)
        except ImportAborted as exc:
            raise CommandError(str(exc)) from exc

        for line in result.head_lines():
            self.stdout.write(line)
        details = result.detail_lines()
        if report:
            report.write_text("\n".join(details) + "\n", encoding="utf-8")
            self.stdout.write(
                f"Ghi chú: {len(result.notes)}; thủ tục chưa đủ thông tin: {len(result.incomplete)} "
                f"(chi tiết trong {report})"
            )
        else:
            for line in details:
                self.stdout.write(line)
        self.stdout.write(result.summary_line)
        if result.errors:
            # The other records were imported; the run still failed (a non-zero exit for scripts).
            raise CommandError(
                f"{len(result.errors)} bản ghi không nhập được (xem danh sách lỗi ở trên) / "
                f"{len(result.errors)} record(s) failed"
            )
