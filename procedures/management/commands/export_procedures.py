"""manage.py export_procedures [--output FILE]"""

from pathlib import Path

from django.core.management.base import BaseCommand

from procedures.exporter import write_jsonl


class Command(BaseCommand):
    help = (
        "Xuất danh mục thủ tục hành chính ra JSON Lines theo định dạng chi tiết (nhập lại được). "
        "Export the procedure catalog as JSON Lines in the detailed format (re-importable)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", type=Path, help="tệp đích; mặc định ra màn hình / target file (default: stdout)"
        )

    def handle(self, *args, output, **options):
        if output is None:
            count = write_jsonl(self.stdout)
            self.stderr.write(f"exported={count}")
            return
        with output.open("w", encoding="utf-8") as stream:
            count = write_jsonl(stream)
        self.stdout.write(f"Đã xuất {count} thủ tục vào {output}")
        self.stdout.write(f"exported={count}")
