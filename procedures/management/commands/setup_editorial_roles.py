"""`python manage.py setup_editorial_roles`: create or complete the editorial groups and the review workflow.

Idempotent. The data migration agencies/0003 runs it once; run it again after the catalog index page
is created (by `import_procedures` or `load_demo`, which do it themselves) to attach the workflow
"Duyệt thủ tục hành chính" and the agency editors' permission to that page.
"""

from django.core.management.base import BaseCommand

from procedures.permissions import setup_editorial_roles


class Command(BaseCommand):
    help = "Tạo hoặc bổ sung nhóm biên tập viên, người duyệt và quy trình duyệt thủ tục hành chính."

    def handle(self, *args, **options):
        roles = setup_editorial_roles()
        self.stdout.write(f"Nhóm: {roles.doj_editors.name}; {roles.reviewers.name}")
        if roles.catalog_index_id is None:
            self.stdout.write(
                self.style.WARNING(
                    "Chưa có trang danh mục thủ tục: quy trình duyệt sẽ được gắn khi chạy lại lệnh sau khi tạo trang."
                )
            )
        else:
            self.stdout.write(
                f"Quy trình «{roles.workflow.name}» áp dụng cho danh mục thủ tục (trang {roles.catalog_index_id})."
            )
