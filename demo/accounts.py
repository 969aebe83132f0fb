"""Demo accounts: one per editorial role, plus an officer, an administrator and a citizen.

Passwords are random, generated when an account is created (or with --reset-passwords) and returned
once so that the command can print them; nothing is hard-coded.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from agencies.models import Agency
from core.names import full_name as person_name
from procedures.permissions import DOJ_EDITORS_GROUP, REVIEWERS_GROUP, add_agency_editor

__all__ = ["ACCOUNTS", "AccountResult", "ensure_accounts", "new_password"]

# username, full name (a person's, family name first: Wagtail's sidebar greets by the given name),
# role, agency slug (agency editors only)
ACCOUNTS = [
    ("bientap.stp", "Trần Thị Mai", "doj", None),
    ("bientap.sxd", "Lê Văn Hùng", "agency", "so-xay-dung"),
    ("nguoiduyet", "Phạm Minh Tuấn", "reviewer", None),
    ("kiemduyet.stp", "Võ Thị Lan", "moderator", None),
    ("giamsat", "Đặng Quốc Bảo", "monitor", None),
    ("canbo", "Nguyễn Văn Tâm", "officer", None),
    ("quantri", "Huỳnh Thanh Sơn", "admin", None),
    ("congdan", "Nguyễn Thị Minh Khai", "citizen", None),
]
ROLE_LABELS = {
    "doj": "biên tập viên Sở Tư pháp (sửa và xuất bản mọi thủ tục)",
    "agency": "biên tập viên cơ quan (chỉ thủ tục của cơ quan, gửi duyệt)",
    "reviewer": "người duyệt (phê duyệt trong quy trình)",
    "moderator": "kiểm duyệt viên Sở Tư pháp (góp ý, hỏi đáp, khảo sát, đánh giá)",
    "monitor": "giám sát lộ trình (cập nhật mục lộ trình, xác nhận mức độ, thống kê)",
    "officer": "cán bộ một cửa: tiếp nhận, xử lý, phê duyệt hồ sơ (hàng đợi tại /admin/mot-cua/)",
    "admin": "quản trị hệ thống (toàn quyền)",
    "citizen": "công dân có hồ sơ mẫu (đăng nhập bằng congdan@demo.invalid tại /tai-khoan/dang-nhap/)",
}


@dataclass
class AccountResult:
    username: str
    role: str
    created: bool
    password: str | None  # set only when created now or reset now

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


def new_password() -> str:
    return secrets.token_urlsafe(12)


def _grant_role(user, role: str, agency_slug: str | None) -> None:
    if role == "doj":
        user.groups.add(Group.objects.get(name=DOJ_EDITORS_GROUP))
    elif role == "reviewer":
        user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    elif role == "moderator":
        from feedback.roles import setup_moderation_roles

        user.groups.add(setup_moderation_roles())
    elif role == "monitor":
        from roadmap.constants import MONITOR_GROUP_NAME

        user.groups.add(Group.objects.get(name=MONITOR_GROUP_NAME))
    elif role == "agency":
        add_agency_editor(user=user, agency=Agency.objects.get(slug=agency_slug))
    elif role == "citizen":
        from django.utils import timezone

        from accounts.models import CitizenProfile

        CitizenProfile.objects.get_or_create(
            user=user,
            defaults={
                "full_name": person_name(user),
                "phone": "0912000001",
                "citizen_id": "072190001234",
                "email_verified_at": timezone.now(),
            },
        )


def ensure_accounts(*, reset_passwords: bool = False) -> list[AccountResult]:
    User = get_user_model()
    results = []
    existing = {user.username: user for user in User.objects.filter(username__in=[a[0] for a in ACCOUNTS])}
    for username, full_name, role, agency_slug in ACCOUNTS:
        user = existing.get(username)
        password = None
        created = user is None
        if created:
            last, _sep, first = full_name.rpartition(" ")
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@demo.invalid",
                is_staff=role not in ("officer", "citizen"),
                is_superuser=role == "admin",
            )
        if created or reset_passwords:
            password = new_password()
            user.set_password(password)
            user.save()
        _grant_role(user, role, agency_slug)
        results.append(AccountResult(username=username, role=role, created=created, password=password))
    return results
