"""`python manage.py grant_agency_editor USERNAME AGENCY_SLUG`: make a user an editor of one agency."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from agencies.models import Agency
from procedures.permissions import add_agency_editor


class Command(BaseCommand):
    help = "Cho người dùng làm biên tập viên của một cơ quan (chỉ sửa và gửi duyệt thủ tục của cơ quan đó)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="Tên đăng nhập đã có.")
        parser.add_argument("agency", help="Đường dẫn (slug) của cơ quan, ví dụ so-xay-dung.")

    def handle(self, *args, username, agency, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Không có người dùng «{username}».")
        try:
            agency_obj = Agency.objects.get(slug=agency)
        except Agency.DoesNotExist:
            raise CommandError(f"Không có cơ quan có đường dẫn «{agency}».")
        group = add_agency_editor(user=user, agency=agency_obj)
        self.stdout.write(
            self.style.SUCCESS(f"{username} là biên tập viên của {agency_obj.name} (nhóm «{group.name}»).")
        )
