"""List the live procedures advertised at a level the portal cannot honour, and why: online when it
cannot take their dossiers, or toàn trình / level 4 when their fee cannot be paid online or their
result cannot be signed (procedures/online.py, advertised_levels). `--fix` lowers them to what the
portal can honour (with an import note saying what they were). Exit status 1 when such problems
remain (usable in a deployment check).

It also lists the procedures the national record puts higher than the portal advertises (their
agency had no code or no signing key at import) and that the portal can honour now; `--fix`
advertises them at the record's level."""

from django.core.management.base import BaseCommand, CommandError

from procedures.models import ProcedurePage
from procedures.online import advertised_levels, online_q


class Command(BaseCommand):
    help = "Kiểm tra: mức độ trực tuyến công bố của mọi thủ tục đều được Cổng thực hiện được."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix", action="store_true", help="Hạ mức độ của các thủ tục lỗi; nâng các thủ tục đã sẵn sàng."
        )

    def handle(self, *args, fix=False, **options):
        stranded = []
        pages = (
            ProcedurePage.objects.live()
            .filter(online_q())
            .select_related("implementing_agency", "competent_agency")
        )
        for page in pages.order_by("code"):
            level, legacy, problems = advertised_levels(page, page.online_level, page.legacy_level)
            if problems:
                stranded.append(page)
                self.stdout.write(f"{page.code} {page.title}: {' '.join(str(p) for p in problems)}")
                if fix:
                    page.import_notes = [
                        *page.import_notes,
                        f"Hạ mức độ “{page.get_online_level_display()}”: {' '.join(map(str, problems))}",
                    ]
                    page.online_level, page.legacy_level = level, legacy
                    page.save_revision(log_action=True).publish()  # the search index and level history follow
        ready = 0
        held_back = ProcedurePage.objects.live().exclude(record_online_level="")
        for page in held_back.select_related("implementing_agency", "competent_agency").order_by("code"):
            record = (page.record_online_level, page.record_legacy_level)
            current = (page.online_level, page.legacy_level)
            level, legacy, _problems = advertised_levels(page, *record)
            if (level, legacy) == current or (level, legacy) != record:
                continue
            ready += 1
            self.stdout.write(f"{page.code} {page.title}: sẵn sàng công bố mức độ theo hồ sơ quốc gia.")
            if fix:
                page.online_level, page.legacy_level = record
                page.save_revision(log_action=True).publish()
        if ready:
            verb = (
                "Đã công bố theo hồ sơ quốc gia"
                if fix
                else "Có thể công bố theo hồ sơ quốc gia (chạy với --fix)"
            )
            self.stdout.write(f"{verb}: {ready} thủ tục.")
        if not stranded:
            self.stdout.write("Mọi thủ tục trực tuyến đều được Cổng thực hiện đúng mức độ công bố.")
        elif fix:
            self.stdout.write(f"Đã hạ mức độ của {len(stranded)} thủ tục.")
        else:
            raise CommandError(f"{len(stranded)} thủ tục được công bố ở mức độ Cổng chưa thực hiện được.")
