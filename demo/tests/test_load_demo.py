"""`manage.py load_demo`: idempotent, fast on re-run, random passwords, pages that render."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, Workflow, WorkflowPage

from agencies.models import AdministrativeUnit, Agency
from demo.accounts import ACCOUNTS
from demo.data.procedures import PROCEDURES
from demo.models import DemoRecord
from home.models import HomePage
from procedures.models import Field, ProcedureIndexPage, ProcedurePage
from procedures.permissions import DOJ_EDITORS_GROUP, REVIEW_WORKFLOW_NAME, REVIEWERS_GROUP

PASSWORD_LINE = re.compile(r"^\s*(\S+)\s+(?:đã tạo|đã đặt lại mật khẩu); mật khẩu: (\S+)", re.MULTILINE)
INCOMPLETE = {spec["code"] for spec in PROCEDURES if spec.get("incomplete")}


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "procedures": ProcedurePage.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "agencies": Agency.objects.count(),
        "units": AdministrativeUnit.objects.count(),
        "fields": Field.objects.count(),
        "users": get_user_model().objects.count(),
        "records": DemoRecord.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
    }


def run_load_demo(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """load_demo run twice on a fresh test database; everything is rolled back after the module."""
    media = tmp_path_factory.mktemp("media")
    private = tmp_path_factory.mktemp("private")
    overrides = override_settings(
        MEDIA_ROOT=str(media), PRIVATE_MEDIA_ROOT=private, SIGNING_DIR=private / "signing"
    )
    with overrides, django_db_blocker.unblock():
        with transaction.atomic():
            first_output = run_load_demo()
            first = snapshot()
            second_output = run_load_demo()
            second = snapshot()
            yield {
                "first_output": first_output,
                "second_output": second_output,
                "first": first,
                "second": second,
                "media": Path(media),
            }
            transaction.set_rollback(True)


# engine: the demo pays through the gateway simulator served from threads (demo/payments.py).
pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def test_second_run_changes_nothing(demo):
    assert demo["first"] == demo["second"]
    assert demo["first"]["procedures"] == len(PROCEDURES) >= 30
    assert f"created=0, updated=0, unchanged={len(PROCEDURES)}" in demo["second_output"]
    assert "rendered=0" in demo["second_output"]


def test_each_demo_page_has_one_revision(demo):
    for page in ProcedurePage.objects.all():
        assert page.revisions.count() == 1, page.code
    assert ProcedurePage.objects.values("code").distinct().count() == ProcedurePage.objects.count()


def test_passwords_are_random_printed_once_and_work(demo):
    printed = dict(PASSWORD_LINE.findall(demo["first_output"]))
    assert set(printed) == {username for username, *_rest in ACCOUNTS}
    assert len(set(printed.values())) == len(printed)
    User = get_user_model()
    for username, password in printed.items():
        assert len(password) >= 16
        assert User.objects.get(username=username).check_password(password)
    # The second run says the accounts exist and prints no password.
    assert PASSWORD_LINE.findall(demo["second_output"]) == []
    assert demo["second_output"].count("đã có (giữ nguyên mật khẩu") == len(ACCOUNTS)
    # No printed password is written in the project's source.
    source = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parents[1].rglob("*.py"))
    assert not any(password in source for password in printed.values())


def test_reset_passwords_gives_new_random_passwords(demo):
    before = dict(PASSWORD_LINE.findall(demo["first_output"]))
    after = dict(PASSWORD_LINE.findall(run_load_demo("--reset-passwords")))
    again = dict(PASSWORD_LINE.findall(run_load_demo("--reset-passwords")))
    assert set(after) == set(before)
    for username in before:
        assert len({before[username], after[username], again[username]}) == 3
        assert get_user_model().objects.get(username=username).check_password(again[username])


def test_demo_pages_render(client, demo):
    assert client.get("/").status_code == 200
    index = ProcedureIndexPage.objects.get()
    assert client.get(index.url).status_code == 200
    for page in ProcedurePage.objects.live():
        response = client.get(page.url)
        assert response.status_code == 200, page.code
        assert page.title in response.content.decode()


def test_complete_records_and_the_deliberately_incomplete_ones(demo):
    for page in ProcedurePage.objects.all():
        if page.code in INCOMPLETE:
            assert page.missing_info, page.code
        else:
            assert page.missing_info == [], (page.code, page.missing_info)
    assert INCOMPLETE  # the "incomplete records" report has something to show


def test_catalog_covers_the_roadmap_services(demo):
    codes = set(ProcedurePage.objects.values_list("code", flat=True))
    # Named in the brief: household business, construction permit, birth registration.
    assert {"1.001612", "1.013225", "1.001193"} <= codes
    by_field = {page.field.slug for page in ProcedurePage.objects.select_related("field")}
    for field in (
        "ho-tich",
        "hoat-dong-xay-dung",
        "dat-dai",
        "sat-hach-cap-giay-phep-lai-xe",
        "ho-kinh-doanh",
        "giai-quyet-khieu-nai",
        "ly-lich-tu-phap",
        "doanh-nghiep",
    ):
        assert field in by_field
    titles = " | ".join(ProcedurePage.objects.values_list("title", flat=True)).lower()
    for service in (
        "khai sinh",
        "khai tử",
        "kết hôn",
        "bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        "giấy phép lái xe",
        "giấy chứng nhận quyền sử dụng đất",
        "khiếu nại",
        "lý lịch tư pháp",
    ):
        assert service in titles, service


def test_procedures_have_parsed_channels_forms_and_a_mix_of_online_levels(demo):
    assert set(ProcedurePage.objects.values_list("online_level", flat=True)) == {"full", "partial", "none"}
    birth = ProcedurePage.objects.get(code="1.001193")
    direct = birth.channels.get(kind="direct")
    assert direct.time_limit_value == 1 and direct.time_limit_unit == "working_days"
    assert direct.fee_amount == 0
    form = birth.components.exclude(form_document=None).first()
    assert form is not None
    with form.form_document.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert birth.documents.count() >= 1
    assert birth.legal_bases.filter(number="60/2014/QH13").exists()
    assert (
        ProcedurePage.objects.exclude(channels__fee_amount__isnull=True)
        .filter(channels__fee_amount__gt=0)
        .exists()
    )


def test_abolished_procedure_points_to_its_successor(demo):
    old = ProcedurePage.objects.get(code="1.009994")
    assert old.status == "abolished"
    assert old.effective_to == datetime.date(2025, 6, 30)
    assert old.successor.code == "1.013225"
    assert old.implementing_agency.valid_to == datetime.date(2025, 6, 30)


def test_units_and_agencies_of_the_province_before_and_after_2025(demo):
    after = datetime.date(2025, 7, 1)
    before = datetime.date(2025, 6, 30)
    communes = AdministrativeUnit.objects.filter(kind="commune", parent__code="80")
    assert communes.active_on(after).count() == 96
    assert not AdministrativeUnit.objects.filter(kind="district").active_on(after).exists()
    ben_luc = AdministrativeUnit.objects.get(code="803")
    assert ben_luc.is_active_on(before) and ben_luc.successor.name == "Xã Bến Lức"
    transport = Agency.objects.get(slug="so-giao-thong-van-tai-long-an")
    assert transport.successor.successor.slug == "so-xay-dung"
    assert set(Agency.objects.active_on(after).values_list("slug", flat=True)) >= {
        "so-tu-phap",
        "so-xay-dung",
        "so-nong-nghiep-va-moi-truong",
        "so-tai-chinh",
        "cong-an-tinh",
        "bao-hiem-xa-hoi-tinh",
        "trung-tam-phuc-vu-hanh-chinh-cong",
        "ubnd-cap-xa",
    }
    assert not Agency.objects.active_on(after).filter(name__endswith="tỉnh Long An").exists()
    assert Agency.objects.active_on(before).filter(name__endswith="tỉnh Long An").count() >= 8


def test_home_page_selections(demo):
    home = HomePage.objects.get()
    featured = [row.procedure.code for row in home.featured_procedures.all()]
    assert featured[:3] == ["1.001193", "2.001023", "1.000894"]
    assert home.life_events.count() >= 6


def test_accounts_have_their_roles(demo):
    User = get_user_model()
    assert User.objects.get(username="bientap.stp").groups.filter(name=DOJ_EDITORS_GROUP).exists()
    assert User.objects.get(username="nguoiduyet").groups.filter(name=REVIEWERS_GROUP).exists()
    agency_editor = User.objects.get(username="bientap.sxd")
    own = ProcedurePage.objects.get(code="1.013237")  # Sở Xây dựng
    other = ProcedurePage.objects.get(code="1.001193")  # UBND cấp xã
    assert own.permissions_for_user(agency_editor).can_edit()
    assert not own.permissions_for_user(agency_editor).can_publish()
    assert not other.permissions_for_user(agency_editor).can_edit()
    officer = User.objects.get(username="canbo")
    assert officer.is_active and not officer.is_staff
    assert WorkflowPage.objects.get(page=ProcedureIndexPage.objects.get()).workflow == Workflow.objects.get(
        name=REVIEW_WORKFLOW_NAME
    )


def test_editor_changes_survive_a_rerun(demo):
    page = ProcedurePage.objects.get(code="1.004873")
    page.title = "Xác nhận tình trạng hôn nhân (biên tập)"
    page.save_revision().publish()
    run_load_demo()
    page.refresh_from_db()
    assert page.title == "Xác nhận tình trạng hôn nhân (biên tập)"


def test_officer_has_a_queue_of_demo_dossiers_in_several_statuses(demo):
    from dossiers.access import visible_dossiers
    from dossiers.clock import overdue_q
    from dossiers.lifecycle import allowed_actions

    User = get_user_model()
    officer = User.objects.get(username="canbo")
    citizen = User.objects.get(username="congdan")
    queue = visible_dossiers(officer).filter(channel="online")
    assert queue.count() == 6 and set(queue.values_list("user", flat=True)) == {citizen.pk}
    assert sorted(queue.values_list("status", flat=True)) == ["1", "2", "4", "5", "9", "9"]
    counter = visible_dossiers(officer).exclude(channel="online")
    assert sorted(counter.values_list("channel", "status")) == [
        ("counter", "1"),
        ("counter", "2"),
        ("postal", "4"),
    ]
    assert not counter.filter(user__isnull=False).exists()
    assert all(d.history.first().by == officer for d in counter)
    assert queue.filter(overdue_q()).exists()
    assert all(allowed_actions(d, officer) for d in queue.exclude(status="5"))
    assert officer.has_perm("wagtailadmin.access_admin") and not officer.is_staff
    assert "Hồ sơ mẫu (một cửa, cán bộ canbo): created=6" in demo["first_output"]
    assert "created=0, unchanged=6" in demo["second_output"]
    assert "Hồ sơ nộp trực tiếp, bưu chính mẫu (cán bộ canbo tiếp nhận): created=3" in demo["first_output"]
    assert "(cán bộ canbo tiếp nhận): created=0, unchanged=3" in demo["second_output"]


def test_a_demo_dossier_was_paid_through_the_simulator_and_finished_with_a_signed_result(demo):
    """Level 4 in the demo: the fee asked, paid through the gateway simulator over HTTP (its IPN
    confirmed it), the result signed with the agency's demo key and verifiable."""
    from demo.models import DemoRecord
    from dossiers.constants import Action, FilePurpose
    from dossiers.models import Dossier
    from payments.constants import EventKind, PaymentStatus
    from signing.services import verify

    dossier = Dossier.objects.get(pk=DemoRecord.objects.get(key="dossier:da-thanh-toan").object_id)
    [payment] = dossier.payments.all()
    assert payment.status == PaymentStatus.PAID and payment.receipt_number
    assert payment.events.filter(kind=EventKind.IPN, verified=True, outcome__startswith="00").exists()
    actions = list(dossier.history.order_by("at", "pk").values_list("action", flat=True))
    assert actions[-3:] == [Action.REQUEST_PAYMENT, Action.CONFIRM_PAYMENT, Action.FINISH]
    result = verify(dossier.files.get(purpose=FilePurpose.RESULT).file.read())
    assert result.ok and result.document.dossier_code == dossier.code
    assert "Khóa ký số thử nghiệm của cơ quan: issued=" in demo["first_output"]
    assert "Khóa ký số thử nghiệm của cơ quan: issued=0" in demo["second_output"]


def test_the_decision_1396_roadmap_is_loaded_and_shown(client, demo):
    from roadmap.models import Roadmap

    roadmap = Roadmap.objects.get()
    assert "1396" in roadmap.number and roadmap.items.exists()
    assert "Lộ trình" in demo["first_output"]
    listing = client.get("/lo-trinh/").content.decode()
    assert "Chưa có lộ trình nào" not in listing and "1396" in listing


def test_every_procedure_advertised_online_takes_a_dossier(client, demo):
    """Issue 15: the demo advertises online exactly what accepts a dossier. Every live procedure
    marked online links to its submission from its page, and the submission opens for a signed-in
    citizen (built from the record where no editor built a form); nothing else is marked online."""
    from django.urls import reverse

    from core.validators import AGENCY_CODE_PATTERN
    from dossiers.models import Dossier
    from procedures.online import online_q

    online = list(ProcedurePage.objects.live().filter(online_q()).order_by("code"))
    assert len(online) >= 30
    built_by_editor = {p.code for p in online if hasattr(p, "online_form")}
    assert len(built_by_editor) < len(online)  # most are built from their record
    client.force_login(get_user_model().objects.get(username="congdan"))
    for page in online:
        submit = reverse("dossiers:submit", args=[page.code])
        assert f'href="{submit}"' in client.get(page.url).content.decode(), page.code
        response = client.get(submit)
        assert response.status_code == 200, page.code
        assert "Thông tin người nộp hồ sơ" in response.content.decode(), page.code
    for page in (
        ProcedurePage.objects.live().exclude(online_q()).exclude(code__in=[p.code for p in online])[:10]
    ):
        assert client.get(reverse("dossiers:submit", args=[page.code])).status_code == 404
    codes = set(Dossier.objects.values_list("agency_code", flat=True))
    assert codes and all(AGENCY_CODE_PATTERN.match(code) and not code.endswith("00") for code in codes)
    assert all(
        d.code.startswith(d.receiving_unit.code + "-")
        for d in Dossier.objects.select_related("receiving_unit")
    )
