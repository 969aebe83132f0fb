"""Demo back office: the officer "canbo" gets the reception, processing and leader roles in the
agency of the demo business-household procedure, and the demo citizen "congdan" has a few dossiers
there in different statuses (walked through dossiers.lifecycle, so their history is real). A few
dossiers handed in at the counter or sent by post are registered by "canbo" through the back
office's service (dossiers.services.counter.register_counter_dossier), so the statistics show a real
online share.

Idempotent: dossiers are made once (remembered as DemoRecord "dossier:<key>"); later runs only
make sure the roles exist. No e-mail is sent while the demo dossiers are walked.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from dossiers.constants import Action, Channel, OfficerRole, ScanStatus
from dossiers.lifecycle import perform
from dossiers.models import Dossier, DossierAnswer, DossierFile, OfficerAssignment
from dossiers.services.builder import build_dossier
from dossiers.services.fees import record_fee
from dossiers.storage import private_storage
from procedures.services import find_by_code
from workdays.services import Calendar

from .models import DemoRecord
from .payments import pay_through_simulator
from .records import remember

__all__ = ["DEMO_PROCEDURE", "load_demo_counter_dossiers", "load_demo_dossiers"]

DEMO_PROCEDURE = "1.001612"  # Đăng ký thành lập hộ kinh doanh (has a demo online form)
OFFICER_ROLES = (OfficerRole.RECEPTION, OfficerRole.PROCESSING, OfficerRole.LEADER)
A = Action
PAY = "pay"  # not an action: the citizen pays online (demo.payments), the gateway confirms
# key, working days ago submitted, due in working days from submission, actions walked
DEMO_DOSSIERS = [
    ("moi", 0, 3, []),
    ("tiep-nhan", 2, 5, [A.ACCEPT]),
    ("qua-han", 8, 5, [A.ACCEPT, A.START]),
    ("bo-sung", 3, 5, [A.ACCEPT, A.START, A.REQUEST_SUPPLEMENT]),
    ("xong", 4, 5, [A.ACCEPT, A.START, A.FINISH]),
    # Level 4: the fee asked, paid online through the gateway simulator, the result signed.
    ("da-thanh-toan", 1, 5, [A.ACCEPT, A.START, A.REQUEST_PAYMENT, PAY, A.FINISH]),
]
# key, channel, working days ago received, accepted at once, actions walked afterwards, applicant
DEMO_COUNTER_DOSSIERS = [
    ("quay-moi", Channel.COUNTER, 0, False, [], ("Phạm Văn Lộc", "0903111222", "080085001111")),
    ("quay-tiep-nhan", Channel.COUNTER, 1, True, [], ("Võ Thị Hạnh", "0913222333", "080192002222")),
    ("buu-chinh", Channel.POSTAL, 2, True, [A.START], ("Đặng Minh Tuấn", "0987333444", "080088003333")),
]
_COUNTER_TOKENS = uuid.UUID("6f1d3c1e-8a52-4d0e-9c1b-2a7f4e5d6c70")
REASONS = {
    A.REQUEST_SUPPLEMENT: "Bản sao hợp đồng thuê địa điểm kinh doanh có chứng thực\nẢnh chụp mặt bằng địa điểm kinh doanh",
    A.REQUEST_PAYMENT: "Lệ phí đăng ký hộ kinh doanh",
}


def _pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f'<p style="font-family: Noto Sans, sans-serif">{text}</p>').write_pdf()


def _ensure_roles(officer, agency) -> None:
    for role in OFFICER_ROLES:
        if not OfficerAssignment.objects.filter(user=officer, agency=agency, role=role).exists():
            OfficerAssignment.objects.create(user=officer, agency=agency, role=role)


def _create(key, *, procedure, agency, citizen, officer, ago, limit, actions, now, calendar, form_pdf):
    day = now.date()
    for _ in range(ago):
        day = _prev(day, calendar)
    submitted = min(timezone.make_aware(datetime.combine(day, time(8, 30))), now - timedelta(minutes=30))
    with transaction.atomic():
        profile = citizen.citizen_profile
        dossier = build_dossier(
            procedure=procedure,
            applicant={
                "name": profile.full_name,
                "phone": profile.phone,
                "email": "",  # no e-mail while the demo is walked; set below
                "citizen_id": profile.citizen_id,
                "address": "Số 12 đường Hùng Vương, Phường 1, Tây Ninh",
            },
            submitted_at=submitted,
            by=citizen,
            user=citizen,
            form_version=_version(procedure),
            receiving_unit=agency,
            competent_agency=agency,
            appointment_date=calendar.add_working_days(day, limit),
            time_limit_rule="Trực tuyến: 3 ngày làm việc",
        )
        DossierAnswer.objects.bulk_create(
            [
                DossierAnswer(dossier=dossier, position=0, step_key="buoc-1", step_title="Thông tin hộ kinh doanh",
                              key="ten_ho_kinh_doanh", label="Tên hộ kinh doanh", kind="text",
                              value=f"Hộ kinh doanh Tạp hóa Minh Khai ({key})", display=f"Hộ kinh doanh Tạp hóa Minh Khai ({key})"),
                DossierAnswer(dossier=dossier, position=1, step_key="buoc-1", step_title="Thông tin hộ kinh doanh",
                              key="nganh_nghe", label="Ngành, nghề kinh doanh", kind="textarea",
                              value="Bán lẻ lương thực, thực phẩm", display="Bán lẻ lương thực, thực phẩm"),
            ]
        )  # fmt: skip
        name = private_storage.save(f"dossiers/{day:%Y/%m}/{uuid.uuid4().hex}.pdf", ContentFile(form_pdf))
        DossierFile.objects.create(
            owner=citizen,
            dossier=dossier,
            slot_key="demo",
            slot_label="Giấy đề nghị đăng ký hộ kinh doanh",
            original_name="giay-de-nghi.pdf",
            file=name,
            content_type="application/pdf",
            size=len(form_pdf),
            sha256="",
            scan_status=ScanStatus.NOT_SCANNED,
        )
    moment = submitted
    paid = False
    for action in actions:
        moment = moment + timedelta(hours=2)
        if action == PAY:
            paid = pay_through_simulator(dossier) is not None
            dossier.refresh_from_db()
            if not paid:
                break  # no simulator (production settings): the dossier waits for its fee
            continue
        data = {}
        if action == A.FINISH:
            data["result_files"] = [
                SimpleUploadedFile("ket-qua.pdf", _pdf("Giấy chứng nhận đăng ký hộ kinh doanh"))
            ]
        elif action == A.REQUEST_PAYMENT:
            data["amount"] = record_fee(dossier) or 100000
        # After a real payment the history goes on from the real time, never before it.
        when = timezone.now() if paid else min(moment, now)
        perform(dossier, action, actor=officer, reason=REASONS.get(action, ""), now=when, **data)
    Dossier.objects.filter(pk=dossier.pk).update(applicant_email=citizen.email)
    remember(f"dossier:{key}", "", dossier.pk)


def _prev(day, calendar):
    day -= timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


def _version(procedure):
    from forms.services import current_version

    return current_version(procedure.online_form)


# The commune whose one-stop shop "canbo" works at: commune procedures are received by the commune
# the citizen chooses (procedures/online.py); the demo dossiers go there.
DEMO_UNIT = "ubnd-phuong-tan-an"


def demo_unit(procedure):
    """The unit receiving the demo dossiers of `procedure`: DEMO_UNIT when it is one of its
    receiving units, else the first of them (None: the procedure cannot take dossiers)."""
    from procedures.online import receiving_units

    units = receiving_units(procedure)
    return next((unit for unit in units if unit.slug == DEMO_UNIT), units[0] if units else None)


def load_demo_dossiers() -> dict:
    """Roles for "canbo" and the demo dossiers of "congdan"; returns counts for the report."""
    User = get_user_model()
    officer = User.objects.filter(username="canbo").first()
    citizen = User.objects.filter(username="congdan").first()
    procedure = find_by_code(DEMO_PROCEDURE, live_only=False)
    if officer is None or citizen is None or procedure is None or not hasattr(procedure, "online_form"):
        return {"skipped": 1}
    agency = demo_unit(procedure)
    if agency is None:
        return {"skipped": 1}
    _ensure_roles(officer, agency)
    done = set(DemoRecord.objects.filter(key__startswith="dossier:").values_list("key", flat=True))
    now = timezone.localtime()
    calendar = Calendar(now.date() - timedelta(days=40), now.date() + timedelta(days=40))
    form_pdf = None
    created = 0
    for key, ago, limit, actions in DEMO_DOSSIERS:
        if f"dossier:{key}" in done:
            continue
        form_pdf = form_pdf or _pdf("Giấy đề nghị đăng ký hộ kinh doanh")
        _create(key, procedure=procedure, agency=agency, citizen=citizen, officer=officer, ago=ago, limit=limit,
                actions=actions, now=now, calendar=calendar, form_pdf=form_pdf)  # fmt: skip
        created += 1
    return {"created": created, "unchanged": len(DEMO_DOSSIERS) - created, "agency": agency.slug}


def load_demo_counter_dossiers() -> dict:
    """Three dossiers "canbo" registered at the counter or received by post (two accepted, one
    being processed). Idempotent: each has a fixed submission token (a re-run returns it)."""
    from dossiers.services.counter import register_counter_dossier

    User = get_user_model()
    officer = User.objects.filter(username="canbo").first()
    procedure = find_by_code(DEMO_PROCEDURE, live_only=False)
    agency = demo_unit(procedure) if procedure else None
    if officer is None or agency is None or not procedure.live:
        return {"skipped": 1}
    _ensure_roles(officer, agency)
    now = timezone.localtime()
    calendar = Calendar(now.date() - timedelta(days=40), now.date() + timedelta(days=40))
    components = list(procedure.components.values_list("pk", flat=True))
    created = 0
    for key, channel, ago, accept, actions, (name, phone, citizen_id) in DEMO_COUNTER_DOSSIERS:
        day = now.date()
        for _ in range(ago):
            day = _prev(day, calendar)
        moment = min(timezone.make_aware(datetime.combine(day, time(9, 15))), now - timedelta(minutes=20))
        dossier, made = register_counter_dossier(
            token=uuid.uuid5(_COUNTER_TOKENS, key),
            officer=officer,
            unit=agency,
            procedure=procedure,
            channel=channel,
            applicant={"name": name, "phone": phone, "email": "", "citizen_id": citizen_id,
                       "address": "Số 5 đường Nguyễn Huệ, Phường 2, Tây Ninh"},
            documents=components,
            other_documents=[] if components else ["Giấy đề nghị đăng ký hộ kinh doanh"],
            accept=accept,
            now=moment,
        )  # fmt: skip
        if made:
            for action in actions:
                perform(dossier, action, actor=officer, now=min(moment + timedelta(hours=2), now))
            remember(f"counter-dossier:{key}", "", dossier.pk)
            created += 1
    return {"created": created, "unchanged": len(DEMO_COUNTER_DOSSIERS) - created}
