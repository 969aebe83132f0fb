"""Dossiers (hồ sơ) submitted online, their drafts, answers and files.

Transactional records: plain models, never pages. Everything a dossier shows later (procedure name,
form schema, field labels, component names) is frozen on it, so editing a procedure or its online
form never changes a dossier already submitted.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from ..constants import OPEN_STATUSES, Channel, DossierStatus, DraftStatus, FilePurpose, ScanStatus
from ..storage import private_storage


class DossierQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


class Draft(models.Model):
    """A dossier being prepared: the wizard's state, saved server-side at every step."""

    token = models.UUIDField(_("mã nộp"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    form_version = models.ForeignKey("forms.FormVersion", on_delete=models.PROTECT, related_name="drafts")
    status = models.CharField(_("tình trạng"), max_length=10, choices=DraftStatus.choices, default="open")
    data = models.JSONField(_("dữ liệu đã nhập"), default=dict, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("hồ sơ nháp")
        verbose_name_plural = _("hồ sơ nháp")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"{self.form_version} – {self.user}"


class Dossier(models.Model):
    code = models.CharField(_("mã hồ sơ"), max_length=64, unique=True)
    submission_token = models.UUIDField(_("mã nộp"), unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="dossiers"
    )
    procedure = models.ForeignKey(
        "procedures.ProcedurePage", on_delete=models.SET_NULL, null=True, related_name="dossiers"
    )
    procedure_code = models.CharField(_("mã thủ tục"), max_length=64)
    procedure_name = models.TextField(_("tên thủ tục"))
    # Empty for a dossier registered at the counter or received by post (no online form was filled).
    form_version = models.ForeignKey(
        "forms.FormVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="dossiers"
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="dossiers"
    )
    agency_code = models.CharField(_("mã cơ quan"), max_length=40)
    agency_name = models.CharField(_("cơ quan tiếp nhận"), max_length=255, blank=True)
    # Decree 118/2025: the unit that receives the dossier (a public administration centre may
    # receive any dossier of the province) and the agency competent to decide are different
    # things. Reception officers work on the first, processing officers and leaders on the second.
    # Indexed together with status and due date (Meta.indexes) for the officers' queues.
    receiving_unit = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("đơn vị tiếp nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_dossiers",
        db_index=False,
    )
    competent_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competent_dossiers",
        db_index=False,
    )
    status = models.CharField(
        _("trạng thái"), max_length=2, choices=DossierStatus.choices, default=DossierStatus.NEW, db_index=True
    )
    submitted_at = models.DateTimeField(_("nộp lúc"), db_index=True)
    # Online (the wizard) or registered by a reception officer: at the counter, or received by post
    # (dossiers.services.counter.register_counter_dossier). The statistics' online share counts by it.
    channel = models.CharField(_("kênh nộp"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    # Paper documents a reception officer checked at the counter (names as on the receipt).
    received_documents = models.JSONField(_("giấy tờ bản giấy đã nhận"), default=list, blank=True)
    # The due date in force (ngày hẹn trả kết quả): set at submission, moved only by the lifecycle
    # (acceptance without a date, a supplement pause, an apology). Overdue is computed from it.
    appointment_date = models.DateField(_("ngày hẹn trả kết quả"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("đổi trạng thái lúc"), null=True, blank=True)
    time_limit_rule = models.CharField(_("thời hạn áp dụng"), max_length=255, blank=True)
    applicant_name = models.CharField(_("người nộp"), max_length=150)
    applicant_phone = models.CharField(_("số điện thoại"), max_length=15, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_citizen_id = models.CharField(_("số định danh cá nhân"), max_length=12, blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["-submitted_at"]
        indexes = [
            # Officer queues (dossiers.access.visible_dossiers + backoffice filters): by unit,
            # status and due date; by unit and due date across statuses.
            models.Index(
                fields=["receiving_unit", "status", "appointment_date"], name="dossier_recv_status_due"
            ),
            models.Index(
                fields=["competent_agency", "status", "appointment_date"], name="dossier_comp_status_due"
            ),
            models.Index(fields=["receiving_unit", "appointment_date"], name="dossier_recv_due"),
            models.Index(fields=["competent_agency", "appointment_date"], name="dossier_comp_due"),
            # The citizen's status lookup matches the code case-insensitively (code__iexact is
            # UPPER(code) = UPPER(%s) on PostgreSQL, which the unique index on code cannot serve).
            models.Index(Upper("code"), name="dossier_code_upper"),
            # The default queue tab ("Chưa hoàn tất": open statuses, earliest due date first) as a
            # partial index per unit: its condition is the very filter backoffice.services uses
            # (status IN the open statuses), so PostgreSQL proves the match and reads the first page
            # in due-date order without touching the millions of closed dossiers.
            models.Index(
                fields=["receiving_unit", "appointment_date", "submitted_at"],
                name="dossier_recv_open_due",
                condition=models.Q(status__in=OPEN_STATUSES),
            ),
            models.Index(
                fields=["competent_agency", "appointment_date", "submitted_at"],
                name="dossier_comp_open_due",
                condition=models.Q(status__in=OPEN_STATUSES),
            ),
        ]

    def __str__(self) -> str:
        return self.code


class DossierAnswer(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveIntegerField()
    step_key = models.CharField(max_length=64)
    step_title = models.CharField(max_length=255)
    key = models.CharField(max_length=64)
    label = models.CharField(max_length=500)
    kind = models.CharField(max_length=20)
    value = models.JSONField(null=True)
    display = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "step_key", "key"], name="answer_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.display}"


class DossierFile(models.Model):
    """An uploaded file: attached to a draft while it is prepared, then to the dossier."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    draft = models.ForeignKey(Draft, on_delete=models.SET_NULL, null=True, blank=True, related_name="files")
    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, null=True, blank=True, related_name="files"
    )
    purpose = models.CharField(
        _("loại tệp"), max_length=12, choices=FilePurpose.choices, default=FilePurpose.SUBMITTED
    )
    # The status change that brought the file (a supplement, a result); empty for the submission.
    status_change = models.ForeignKey(
        "dossiers.StatusChange", on_delete=models.PROTECT, null=True, blank=True, related_name="files"
    )
    slot_key = models.CharField(max_length=64)
    slot_label = models.CharField(_("thành phần hồ sơ"), max_length=500)
    original_name = models.CharField(_("tên tệp"), max_length=160)
    file = models.FileField(storage=private_storage, upload_to="dossiers/%Y/%m/", max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    scan_status = models.CharField(max_length=12, choices=ScanStatus.choices)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp hồ sơ")
        verbose_name_plural = _("tệp hồ sơ")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name

    @classmethod
    def from_checked(cls, clean, *, file: str, **fields) -> "DossierFile":
        """An unsaved row for an inspected upload (dossiers.uploads.inspect_upload) stored as `file`:
        name, type, size, checksum and scan status from the inspection, the rest from `fields`."""
        return cls(
            file=file,
            original_name=clean.name[:160],
            content_type=clean.content_type,
            size=len(clean.data),
            sha256=clean.sha256,
            scan_status=ScanStatus.CLEAN if clean.scanned else ScanStatus.NOT_SCANNED,
            **fields,
        )


class DailySequence(models.Model):
    """The last dossier number given out by an agency on a day (row locked while incremented)."""

    agency_code = models.CharField(max_length=40)
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency_code", "day"], name="sequence_agency_day")]

    def __str__(self) -> str:
        return f"{self.agency_code} {self.day}: {self.last}"
