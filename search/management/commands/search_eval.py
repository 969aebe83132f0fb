from django.core.management.base import BaseCommand, CommandError

from search.evaluation import evaluate, load_cases


class Command(BaseCommand):
    help = (
        "Chạy từng truy vấn trong tệp JSON Lines qua đúng đường tìm kiếm của trang kết quả và in "
        "R@1, R@10, MRR, p50, p95. / Runs each query of a JSON Lines file through the results page's search."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--query-key", default="query")
        parser.add_argument("--gold-key", default="gold")
        parser.add_argument("--strip-diacritics", action="store_true", help="bỏ dấu tiếng Việt khỏi truy vấn")
        parser.add_argument("--show-misses", action="store_true", help="in các truy vấn không đứng đầu")

    def handle(self, *args, **options):
        try:
            cases, skipped = load_cases(
                options["file"],
                query_key=options["query_key"],
                gold_key=options["gold_key"],
                strip=options["strip_diacritics"],
            )
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {options['file']}: {error}")
        except ValueError as error:
            raise CommandError(f"Tệp {options['file']} không phải JSON Lines hợp lệ: {error}")
        if not cases:
            raise CommandError(
                f"Không có truy vấn nào có mã đúng (khóa '{options['query_key']}' / '{options['gold_key']}')."
            )
        report = evaluate(cases)
        if options["show_misses"]:
            for query, rank, top in report.ranks:
                if rank != 1:
                    self.stdout.write(f"rank={rank} top={top} q={query}")
        if skipped:
            self.stdout.write(f"skipped={skipped} (no query or no gold code)")
        self.stdout.write(report.line())
