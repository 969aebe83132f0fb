"""List the live procedures advertised online that cannot take a dossier, and why; `--fix` marks
them "not online" (with an import note saying what they were), so the portal advertises online
exactly what it accepts. Exit status 1 when such problems remain (usable in a deployment check).

It also lists the procedures the national record says are online but the portal held back (their
agency had no code at import) and that can take dossiers now; `--fix` advertises them at the
record's level."""

from django.core.management.base import BaseCommand, CommandError

from procedures.constants import LegacyLevel, OnlineLevel
from procedures.models import ProcedurePage
from procedures.online import ONLINE_LEGACY_LEVELS, acceptance_problems, marks_online, online_q


class Command(BaseCommand):
    help = "Kiểm tra: mọi thủ tục được công bố là trực tuyến đều nhận được hồ sơ trực tuyến."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Bỏ mức độ trực tuyến của các thủ tục lỗi.")

    def handle(self, *args, fix=False, **options):
        stranded = []
        pages = ProcedurePage.objects.live().filter(online_q()).select_related("implementing_agency")
        for page in pages.order_by("code"):
            problems = acceptance_problems(page)
            if problems:
                stranded.append(page)
                self.stdout.write(f"{page.code} {page.title}: {' '.join(str(p) for p in problems)}")
                if fix:
                    page.import_notes = [
                        *page.import_notes,
                        f"Bỏ mức độ trực tuyến “{page.get_online_level_display()}”: {' '.join(map(str, problems))}",
                    ]
                    page.online_level = OnlineLevel.NONE
                    if page.legacy_level in ONLINE_LEGACY_LEVELS:
                        page.legacy_level = LegacyLevel.LEVEL_2
                    page.save_revision(log_action=True).publish()  # the search index follows
        ready = 0
        held_back = ProcedurePage.objects.live().exclude(online_q()).exclude(record_online_level="")
        for page in held_back.select_related("implementing_agency").order_by("code"):
            record = (page.record_online_level, page.record_legacy_level)
            if not marks_online(*record) or acceptance_problems(page):
                continue
            ready += 1
            self.stdout.write(
                f"{page.code} {page.title}: sẵn sàng nhận hồ sơ trực tuyến (theo hồ sơ quốc gia)."
            )
            if fix:
                page.online_level, page.legacy_level = record
                page.save_revision(log_action=True).publish()
        if ready:
            verb = "Đã công bố trực tuyến" if fix else "Có thể công bố trực tuyến (chạy với --fix)"
            self.stdout.write(f"{verb}: {ready} thủ tục.")
        if not stranded:
            self.stdout.write("Mọi thủ tục được công bố là trực tuyến đều nhận hồ sơ trực tuyến.")
        elif fix:
            self.stdout.write(f"Đã bỏ mức độ trực tuyến của {len(stranded)} thủ tục.")
        else:
            raise CommandError(
                f"{len(stranded)} thủ tục được công bố là trực tuyến nhưng chưa nhận được hồ sơ."
            )
