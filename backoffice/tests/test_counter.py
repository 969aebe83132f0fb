"""The back office's "Tiếp nhận hồ sơ trực tiếp" screen: who may open it, the procedures offered,
registration with the receipt slip, errors (summary, nothing written), double submit, and the
channel on the queue, the dossier page and the citizen's lookup."""

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dossiers.constants import Channel, DossierStatus, OfficerRole
from dossiers.models import DailySequence, Dossier, DossierFile, StatusChange
from dossiers.tests.factories import make_citizen, pdf_bytes
from dossiers.tests.officers import make_agency, make_dossier, make_officer

R = OfficerRole
COUNTER = reverse("backoffice:counter")
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(procedure, other_procedure):
    x = procedure.implementing_agency
    y = other_procedure.implementing_agency
    return {
        "procedure": procedure,
        "other_procedure": other_procedure,
        "x": x,
        "y": y,
        "reception": make_officer((R.RECEPTION, x)),
        "reception_y": make_officer((R.RECEPTION, y)),
        "admin": make_officer((R.ADMIN, x)),
        "processing": make_officer((R.PROCESSING, x), (R.LEADER, x)),
    }


def _url(world, unit="x", procedure="procedure"):
    return f"{COUNTER}?don_vi={world[unit].pk}&thu_tuc={world[procedure].code}"


def _post_data(world, **overrides):
    components = [str(c.pk) for c in world["procedure"].components.order_by("sort_order", "pk")]
    data = {
        "token": str(uuid.uuid4()),
        "channel": Channel.COUNTER,
        "applicant_name": "Lê Văn Quầy",
        "applicant_phone": "0987654321",
        "applicant_email": "",
        "applicant_citizen_id": "080190004321",
        "applicant_address": "Ấp 3, xã Mỹ Yên",
        "documents": components,
        "accept": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_only_reception_officers_and_admins_open_the_screen(client, world):
    assert client.get(COUNTER).status_code == 302  # to the admin login
    client.force_login(make_citizen())
    assert client.get(COUNTER).status_code in (302, 403)
    client.force_login(world["processing"])
    for response in (client.get(COUNTER), client.post(_url(world), _post_data(world))):
        # PermissionDenied; Wagtail's admin turns it into a redirect to its dashboard with a message.
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    for user in ("reception", "admin"):
        client.force_login(world[user])
        response = client.get(COUNTER)
        assert response.status_code == 200
        assert [p.code for p in response.context["procedures"]] == [world["procedure"].code]
    assert not Dossier.objects.exists()


def test_another_units_screen_and_procedures_are_refused(client, world):
    client.force_login(world["reception"])
    # A unit that is not the officer's: 404, for GET and POST.
    assert client.get(_url(world, unit="y", procedure="other_procedure")).status_code == 404
    assert (
        client.post(_url(world, unit="y", procedure="other_procedure"), _post_data(world)).status_code == 404
    )
    # A procedure the unit does not receive: a message on step 1, and a POST is 404.
    response = client.get(_url(world, procedure="other_procedure"))
    assert response.status_code == 200 and response.context["form"] is None
    assert "không tiếp nhận thủ tục" in response.content.decode()
    assert client.post(_url(world, procedure="other_procedure"), _post_data(world)).status_code == 404
    assert not Dossier.objects.exists()


def test_register_a_counter_dossier_and_print_the_slip(client, world):
    client.force_login(world["reception"])
    response = client.get(_url(world))
    html = response.content.decode()
    assert response.status_code == 200
    for label in (
        "Họ và tên người nộp",
        "Số điện thoại",
        "Số định danh cá nhân (CCCD)",
        "Giấy tờ bản giấy đã nhận",
    ):
        assert label in html
    assert 'for="id_applicant_phone"' in html and 'name="token"' in html
    first = world["procedure"].components.order_by("sort_order", "pk").first()
    data = _post_data(
        world, **{f"scan_{first.pk}": SimpleUploadedFile("don.pdf", pdf_bytes(), "application/pdf")}
    )
    response = client.post(_url(world), data)
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:counter_done", args=[dossier.code])
    assert (dossier.channel, dossier.status, dossier.receiving_unit) == (
        Channel.COUNTER,
        DossierStatus.ACCEPTED,
        world["x"],
    )
    assert dossier.files.get().owner == world["reception"]
    done = client.get(response["Location"])
    page = done.content.decode()
    assert done.status_code == 200 and dossier.code in page
    assert reverse("dossiers:receipt_pdf", args=[dossier.code]) in page
    assert "Trực tiếp tại bộ phận một cửa".lower() in page
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in page
    pdf = client.get(reverse("dossiers:receipt_pdf", args=[dossier.code]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # Another unit's officer reaches neither the slip page nor the PDF.
    client.force_login(world["reception_y"])
    assert client.get(reverse("backoffice:counter_done", args=[dossier.code])).status_code == 404
    assert client.get(reverse("dossiers:receipt_pdf", args=[dossier.code])).status_code == 404


def test_double_submit_makes_one_dossier(client, world):
    client.force_login(world["reception"])
    data = _post_data(world)
    first = client.post(_url(world), data)
    second = client.post(_url(world), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Dossier.objects.count() == 1 and StatusChange.objects.count() == 2


def test_invalid_input_shows_an_error_summary_and_writes_nothing(client, world, private_media):
    client.force_login(world["reception"])
    first = world["procedure"].components.order_by("sort_order", "pk").first()
    data = _post_data(
        world,
        applicant_name="",
        applicant_phone="0123",
        applicant_citizen_id="12345",
        applicant_email="sai-dia-chi",
        documents=None,
        channel="online",
        **{f"scan_{first.pk}": SimpleUploadedFile("don.pdf", pdf_bytes(), "application/pdf")},
    )
    response = client.post(_url(world), data)
    html = response.content.decode()
    assert response.status_code == 400
    summary = dict(response.context["error_summary"])
    assert set(summary) >= {
        "id_channel_0",
        "id_applicant_name",
        "id_applicant_phone",
        "id_applicant_citizen_id",
        "id_applicant_email",
        "id_documents_0",
    }
    assert 'href="#id_applicant_phone"' in html and 'role="alert"' in html
    assert "Nhập họ và tên người nộp." in html
    assert "Số điện thoại không hợp lệ" in html
    assert 'aria-invalid="true"' in html and re.search(
        r'aria-describedby="[^"]*\bid_applicant_phone_error\b', html
    )
    assert 'id="id_applicant_phone_error"' in html  # the message the input points at
    assert response.context["form"]["applicant_address"].value() == "Ấp 3, xã Mỹ Yên"  # kept
    assert not Dossier.objects.exists() and not DossierFile.objects.exists()
    assert not DailySequence.objects.exists()


def test_a_rejected_scan_is_shown_next_to_its_document(client, world, private_media):
    client.force_login(world["reception"])
    second = world["procedure"].components.order_by("sort_order", "pk")[1]
    bad = SimpleUploadedFile("nen.pdf", b"PK\x03\x04" + b"\x00" * 100, "application/pdf")
    response = client.post(_url(world), _post_data(world, **{f"scan_{second.pk}": bad}))
    assert response.status_code == 400
    assert response.context["form"].errors[f"scan_{second.pk}"]
    assert f'href="#id_scan_{second.pk}"' in response.content.decode()
    assert not Dossier.objects.exists() and not any(p.is_file() for p in private_media.rglob("*"))


def test_queue_detail_and_lookup_show_the_channel(client, world):
    make_dossier(procedure=world["procedure"], receiving=world["x"], competent=world["x"])
    client.force_login(world["reception"])
    client.post(_url(world), _post_data(world, channel=Channel.POSTAL))
    postal = Dossier.objects.get(channel=Channel.POSTAL)
    queue = client.get(reverse("backoffice:queue"), {"tab": "tat-ca"})
    html = queue.content.decode()
    assert "Bưu chính" in html and "Trực tuyến" in html
    assert f'href="{COUNTER}"' in html  # the way in, for reception officers
    detail = client.get(reverse("backoffice:dossier", args=[postal.code]))
    assert '<dd id="bo-channel">Bưu chính</dd>' in detail.content.decode()
    assert "Bản giấy đã nhận" in detail.content.decode()
    client.force_login(world["processing"])
    assert f'href="{COUNTER}"' not in client.get(reverse("backoffice:queue")).content.decode()
    client.logout()
    lookup = client.post(reverse("dossiers:lookup"), {"ma": postal.code, "so_cuoi": "4321"})
    assert lookup.status_code == 200 and lookup.context["dossier"] == postal


def test_superuser_picks_the_unit_first(client, world):
    root = make_officer(is_superuser=True)
    client.force_login(root)
    response = client.get(COUNTER)
    assert response.status_code == 200 and response.context["unit"] is None
    assert 'name="don_vi"' in response.content.decode()
    response = client.get(COUNTER, {"don_vi": world["y"].pk})
    assert [p.code for p in response.context["procedures"]] == [world["other_procedure"].code]
    other = make_agency("Đơn vị chưa có thủ tục")
    assert client.get(COUNTER, {"don_vi": other.pk}).context["procedures"].count() == 0
