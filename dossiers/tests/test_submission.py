import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse

from dossiers.constants import DossierStatus, DraftStatus
from dossiers.models import Dossier, DossierAnswer, DossierFile, Draft, StatusChange

from .factories import PASSWORD, make_citizen
from .flow import complete_wizard, review_token, submit_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(client):
    user = make_citizen()
    client.force_login(user)
    return user


def test_complete_submission_creates_dossier_answers_files_and_first_status(
    client, citizen, procedure, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = complete_wizard(client, procedure)
    assert response.status_code == 302, response.content.decode()[:3000]
    dossier = Dossier.objects.get()
    assert response["Location"] == reverse("dossiers:receipt", args=[dossier.code])
    assert dossier.code.startswith("000.00.12.H53-")
    assert dossier.code.endswith("-0001")
    assert dossier.status == DossierStatus.NEW
    assert dossier.applicant_name == "Nguyễn Thị Minh Khai"
    assert dossier.appointment_date is not None
    assert list(StatusChange.objects.values_list("status", flat=True)) == [DossierStatus.NEW]
    assert DossierFile.objects.filter(dossier=dossier).count() == 2
    answers = {a.key: a for a in DossierAnswer.objects.filter(dossier=dossier)}
    assert answers["ten_ho"].value == "Hộ kinh doanh Tạp hóa Minh Khai"
    assert answers["von"].value == "150000000"
    assert answers["dia_diem"].value["province"] == "Tây Ninh"
    assert Draft.objects.get().status == DraftStatus.SUBMITTED
    assert len(mail.outbox) == 1 and dossier.code in mail.outbox[0].subject


def test_receipt_page_and_pdf(client, citizen, procedure):
    complete_wizard(client, procedure)
    dossier = Dossier.objects.get()
    page = client.get(reverse("dossiers:receipt", args=[dossier.code]))
    assert page.status_code == 200
    assert dossier.code in page.content.decode()
    assert "<svg" in page.content.decode()
    pdf = client.get(reverse("dossiers:receipt_pdf", args=[dossier.code]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_receipt_is_only_for_the_owner(client, procedure):
    owner = make_citizen()
    client.force_login(owner)
    complete_wizard(client, procedure)
    code = Dossier.objects.get().code
    client.force_login(make_citizen())
    assert client.get(reverse("dossiers:receipt", args=[code])).status_code == 404
    assert client.get(reverse("dossiers:receipt_pdf", args=[code])).status_code == 404


def test_wizard_requires_sign_in(client, procedure):
    response = client.get(submit_url(procedure))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_replayed_final_post_creates_one_dossier(client, citizen, procedure):
    last = complete_wizard(client, procedure, submit=False)
    token = review_token(last)
    data = {
        "nop_ho_so-current_step": "xac-nhan",
        "xac-nhan-declaration": "on",
        "xac-nhan-submission_token": token,
    }
    first = client.post(submit_url(procedure), data)
    second = client.post(submit_url(procedure), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Dossier.objects.count() == 1


def test_password_sign_in_then_submit(client, procedure):
    user = make_citizen(phone="0987654321")
    assert client.login(username="0987 654 321", password=PASSWORD)
    assert complete_wizard(client, procedure).status_code == 302
    assert Dossier.objects.get().user == user


def test_receipt_pdf_text_keeps_vietnamese_diacritics_in_noto_sans(client, citizen, procedure, tmp_path):
    import shutil
    import subprocess

    if not (shutil.which("pdftotext") and shutil.which("pdffonts")):
        pytest.skip("poppler-utils missing: tests/scripts/system-deps.sh installs it")
    complete_wizard(client, procedure)
    dossier = Dossier.objects.get()
    path = tmp_path / "bien-nhan.pdf"
    path.write_bytes(client.get(reverse("dossiers:receipt_pdf", args=[dossier.code])).content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "Nguyễn Thị Minh Khai" in text and dossier.code in text
    assert "Giấy đề nghị đăng ký hộ kinh doanh" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Noto-Sans" in fonts


def test_receipt_qr_code_encodes_the_lookup_link(client, citizen, procedure):
    import re

    import segno

    complete_wizard(client, procedure)
    dossier = Dossier.objects.get()
    html = client.get(reverse("dossiers:receipt", args=[dossier.code])).content.decode()
    lookup = f"{django_settings.SITE_BASE_URL.rstrip('/')}/ho-so/tra-cuu/?ma={dossier.code}"
    expected = segno.make(lookup, error="m").svg_inline(scale=4, border=2)
    path = re.compile(r'<path[^>]* d="([^"]+)"')
    qr = html[html.index('class="receipt-qr"') :]
    assert path.search(qr).group(1) == path.search(expected).group(1)
    assert f'value="{dossier.code}"' in client.get(lookup).content.decode()  # the link prefills the code
