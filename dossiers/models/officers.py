"""Officers (cán bộ) of the back office: a user's role in an agency.

A plain model, no page: `OfficerAssignment(user, agency, role)`. A user may hold several roles in
several agencies. Which dossiers a role reaches is decided in one place,
`dossiers.access.visible_dossiers()`:
- reception (tiếp nhận) → dossiers whose receiving unit is the agency;
- processing (xử lý) and leader (lãnh đạo) → dossiers whose competent agency is the agency;
- admin → both; an admin assignment without an agency reaches every dossier of the province.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import OfficerRole

__all__ = ["OFFICERS_GROUP", "OfficerAssignment", "ensure_officers_group"]

# Members may open the Wagtail admin, where the staff area lives (data migration dossiers/0003).
OFFICERS_GROUP = "Cán bộ xử lý hồ sơ"


def ensure_officers_group(*, apps=global_apps):
    """The officers' group with the permission to open the Wagtail admin (idempotent)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _created = Group.objects.get_or_create(name=OFFICERS_GROUP)
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group.permissions.add(permission)
    return group


class OfficerAssignmentQuerySet(models.QuerySet):
    def for_user(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user, active=True)


class OfficerAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người dùng"),
        on_delete=models.CASCADE,
        related_name="officer_assignments",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan / đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officer_assignments",
        help_text=_("Để trống chỉ với vai trò quản trị toàn tỉnh."),
    )
    role = models.CharField(_("vai trò"), max_length=12, choices=OfficerRole.choices)
    active = models.BooleanField(_("đang hiệu lực"), default=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    objects = OfficerAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("phân công cán bộ")
        verbose_name_plural = _("phân công cán bộ")
        ordering = ["user__username", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="officer_user_agency_role"),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(agency__isnull=True),
                name="officer_user_role_province",
            ),
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False) | models.Q(role=OfficerRole.ADMIN),
                name="officer_agency_unless_admin",
            ),
        ]

    def __str__(self) -> str:
        where = self.agency.name if self.agency_id else _("toàn tỉnh")
        return f"{self.user} – {self.get_role_display()} – {where}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Officers open the staff area inside the Wagtail admin.
        self.user.groups.add(ensure_officers_group())

    def clean(self):
        if self.agency_id is None and self.role != OfficerRole.ADMIN:
            raise ValidationError(
                {"agency": _("Chọn cơ quan cho vai trò này (chỉ quản trị mới được để trống).")}
            )
