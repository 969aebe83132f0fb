"""The "Thủ tục chưa đủ thông tin" report and the fields (lĩnh vực) admin."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from agencies.tests.factories import make_agency, make_user
from procedures.completeness import REQUIRED_FIELDS
from procedures.models import DossierComponent, Field, ProcedureChannel, ProcedureResult
from procedures.permissions import DOJ_EDITORS_GROUP, REVIEWERS_GROUP, add_agency_editor
from procedures.tests.module_db import reread, rolled_back
from procedures.tests.test_permissions import make_procedure

pytestmark = pytest.mark.django_db

REPORT = reverse("procedures_incomplete")
FIELDS = reverse("wagtailsnippets_procedures_field:list")


def complete_procedure(code, agency, field):
    page = make_procedure(
        code,
        agency,
        f"Thủ tục đầy đủ {code}",
        field=field,
        steps="Bước 1: nộp hồ sơ. Bước 2: nhận kết quả.",
        applicants="Công dân Việt Nam",
    )
    page.channels.add(
        ProcedureChannel(kind="direct", time_limit_text="05 ngày làm việc", fee_text="Miễn phí")
    )
    page.components.add(DossierComponent(name="Tờ khai"))
    page.results.add(ProcedureResult(name="Giấy chứng nhận"))
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.missing_info == []
    return page


@pytest.fixture(scope="module")
def _catalog(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_catalog()


@pytest.fixture
def catalog(_catalog, db):
    """Two agencies, two fields, two incomplete procedures and a complete one; built once for the
    module, read again for each test."""
    return reread(_catalog)


def build_catalog() -> dict:
    xay_dung = make_agency("Sở Xây dựng", slug="so-xay-dung")
    tu_phap = make_agency("Sở Tư pháp", slug="so-tu-phap")
    ho_tich = Field.objects.create(name="Hộ tịch", slug="ho-tich")
    xd = Field.objects.create(name="Hoạt động xây dựng", slug="hoat-dong-xay-dung")
    return {
        "xay_dung": xay_dung,
        "tu_phap": tu_phap,
        "ho_tich": ho_tich,
        "xd": xd,
        "incomplete_xd": make_procedure("1.013225", xay_dung, "Cấp giấy phép xây dựng", field=xd),
        "incomplete_tp": make_procedure(
            "1.001193", tu_phap, "Đăng ký khai sinh", field=ho_tich, applicants="Công dân"
        ),
        "complete": complete_procedure("1.000656", tu_phap, ho_tich),
    }


def listed_codes(response) -> set[str]:
    assert response.status_code == 200
    return {page.code for page in response.context["object_list"]}


def test_report_lists_live_incomplete_procedures_with_missing_labels(client, catalog):
    client.force_login(make_user("bientap.stp", DOJ_EDITORS_GROUP))
    response = client.get(REPORT)
    assert listed_codes(response) == {"1.013225", "1.001193"}
    html = response.content.decode()
    assert str(REQUIRED_FIELDS["steps"]) in html
    assert str(REQUIRED_FIELDS["channels"]) in html


def test_report_skips_drafts(client, catalog):
    catalog["incomplete_xd"].unpublish()
    client.force_login(make_user("bientap.stp", DOJ_EDITORS_GROUP))
    assert listed_codes(client.get(REPORT)) == {"1.001193"}


def test_report_filters_by_agency_field_and_missing_item(client, catalog):
    client.force_login(make_user("bientap.stp", DOJ_EDITORS_GROUP))
    assert listed_codes(client.get(REPORT, {"implementing_agency": catalog["xay_dung"].pk})) == {"1.013225"}
    assert listed_codes(client.get(REPORT, {"field": catalog["ho_tich"].pk})) == {"1.001193"}
    # "applicants" is filled on 1.001193 only.
    assert listed_codes(client.get(REPORT, {"missing": "applicants"})) == {"1.013225"}


def test_report_exports_csv_with_labels(client, catalog):
    client.force_login(make_user("bientap.stp", DOJ_EDITORS_GROUP))
    response = client.get(REPORT, {"export": "csv", "field": catalog["xd"].pk})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:2] == ["Mã thủ tục", "Tên thủ tục"]
    assert len(rows) == 2
    code, title, agency, field, missing, *_rest = rows[1]
    assert (code, title, agency, field) == (
        "1.013225",
        "Cấp giấy phép xây dựng",
        "Sở Xây dựng",
        "Hoạt động xây dựng",
    )
    assert str(REQUIRED_FIELDS["steps"]) in missing
    assert "steps" not in missing  # labels, not keys


def test_agency_editor_sees_only_their_agency_and_reviewer_sees_all(client, catalog):
    editor = make_user("bientap.sxd")
    add_agency_editor(user=editor, agency=catalog["xay_dung"])
    client.force_login(editor)
    assert listed_codes(client.get(REPORT)) == {"1.013225"}
    client.force_login(make_user("nguoiduyet", REVIEWERS_GROUP))
    assert listed_codes(client.get(REPORT)) == {"1.013225", "1.001193"}


def test_report_refused_without_editorial_role(client, catalog):
    user = make_user("khach")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)


def test_report_in_reports_menu(client, catalog):
    client.force_login(make_user("bientap.stp", DOJ_EDITORS_GROUP))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT in html


@pytest.mark.engine
def test_fields_admin_lists_counts_and_searches(client, catalog):
    client.force_login(make_user("bientap.stp", DOJ_EDITORS_GROUP))
    response = client.get(FIELDS)
    assert response.status_code == 200
    counts = {str(f): f.procedure_count for f in response.context["object_list"]}
    assert counts == {"Hộ tịch": 2, "Hoạt động xây dựng": 1}
    response = client.get(FIELDS, {"q": "hộ"})
    assert {str(f) for f in response.context["object_list"]} == {"Hộ tịch"}
    Field.objects.create(name="Chứng thực", slug="chung-thuc")
    response = client.get(FIELDS, {"has_procedures": "false"})
    assert {str(f) for f in response.context["object_list"]} == {"Chứng thực"}


def test_agency_editor_can_view_fields(client, catalog):
    editor = make_user("bientap.sxd")
    add_agency_editor(user=editor, agency=catalog["xay_dung"])
    client.force_login(editor)
    assert client.get(FIELDS).status_code == 200
    assert client.get(reverse("wagtailsnippets_procedures_field:add")).status_code in (302, 403)
