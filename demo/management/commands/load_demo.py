"""`python manage.py load_demo [--reset-passwords]`: the project's own demo data (idempotent, fast on re-run)."""

from django.core.management.base import BaseCommand

from demo.services import load_demo

STEP_LABELS = {
    "units": "Đơn vị hành chính",
    "agencies": "Cơ quan",
    "signing": "Khóa ký số thử nghiệm của cơ quan",
    "fields": "Lĩnh vực",
    "roles": "Vai trò biên tập",
    "forms": "Mẫu đơn (PDF)",
    "procedures": "Thủ tục",
    "home": "Trang chủ",
    "roadmap": "Lộ trình (Quyết định 1396/QĐ-UBND năm 2015)",
    "dossiers": "Hồ sơ mẫu (một cửa, cán bộ canbo)",
    "counter_dossiers": "Hồ sơ nộp trực tiếp, bưu chính mẫu (cán bộ canbo tiếp nhận)",
}


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: đơn vị hành chính, cơ quan, lĩnh vực, thủ tục, mẫu đơn, tài khoản mẫu."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Đặt lại mật khẩu ngẫu nhiên cho các tài khoản mẫu đã có và in ra.",
        )

    def handle(self, *args, reset_passwords=False, **options):
        report = load_demo(reset_passwords=reset_passwords, out=self.stdout.write)
        for step, counts in report.steps.items():
            details = ", ".join(f"{name}={value}" for name, value in counts.items())
            self.stdout.write(f"{STEP_LABELS.get(step, step)}: {details}")
        self.stdout.write(f"Biểu mẫu trực tuyến mẫu: {report.online_forms}")
        self.stdout.write("Tài khoản mẫu (đăng nhập tại /admin/):")
        for account in report.accounts:
            if account.password:
                state = "đã tạo" if account.created else "đã đặt lại mật khẩu"
                self.stdout.write(
                    f"  {account.username:<12} {state}; mật khẩu: {account.password}  – {account.role_label}"
                )
            else:
                self.stdout.write(
                    f"  {account.username:<12} đã có (giữ nguyên mật khẩu; dùng --reset-passwords để đặt lại)"
                    f"  – {account.role_label}"
                )
        if any(account.password for account in report.accounts):
            self.stdout.write(self.style.WARNING("Mật khẩu chỉ in một lần: hãy ghi lại."))
        self.stdout.write(self.style.SUCCESS(f"Xong dữ liệu mẫu trong {report.seconds:.1f} giây."))
