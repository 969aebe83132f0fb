from django.core.management.base import BaseCommand

from dossiers.sweep import sweep_orphan_files


class Command(BaseCommand):
    help = (
        "Remove stored dossier files that no database row refers to (left by a worker killed mid-upload), "
        "once older than DOSSIER_ORPHAN_FILE_HOURS. Run hourly or daily (docs/security.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List them, remove nothing.")
        parser.add_argument("--hours", type=float, default=None, help="Grace period (default: the setting).")

    def handle(self, *args, dry_run=False, hours=None, **options):
        names = sweep_orphan_files(older_than_hours=hours, dry_run=dry_run)
        for name in names:
            self.stdout.write(name)
        verb = "Tìm thấy" if dry_run else "Đã xóa"
        self.stdout.write(f"{verb} {len(names)} tệp không thuộc hồ sơ nào.")
