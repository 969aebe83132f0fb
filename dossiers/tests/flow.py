"""Walk the submission wizard with Django's test client (used by several test modules and the
benchmark)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .factories import pdf_bytes, png_bytes, wizard_data

APPLICANT = {
    "full_name": "Nguyễn Thị Minh Khai",
    "date_of_birth": "1990-05-17",
    "citizen_id": "080190001234",
    "phone": "0912345678",
    "email": "minh.khai@example.vn",
    "address__province": "80",
    "address__commune": "",  # filled with the first commune of Tây Ninh
    "address__street": "Số 12 đường Hùng Vương",
}

BUSINESS = {
    "ten_ho": "Hộ kinh doanh Tạp hóa Minh Khai",
    "nganh_nghe": "Bán lẻ hàng tạp hóa",
    "von": "150000000",
    "ngay_bat_dau": "2025-08-01",
    "loai_dia_diem": "Nhà riêng",
    "dia_diem__province": "80",
    "dia_diem__commune": "",
    "dia_diem__street": "Ấp Bình Trung",
}


def first_commune(province: str = "80") -> str:
    from forms.addresses import commune_choices

    return commune_choices(province)[0][0]


def applicant_values(**overrides) -> dict:
    values = dict(APPLICANT, **overrides)
    values["address__commune"] = values["address__commune"] or first_commune(values["address__province"])
    return values


def business_values(**overrides) -> dict:
    values = dict(BUSINESS, **overrides)
    values["dia_diem__commune"] = values["dia_diem__commune"] or first_commune(values["dia_diem__province"])
    return values


def submit_url(procedure) -> str:
    return reverse("dossiers:submit", args=[procedure.code])


def post_step(client, procedure, step: str, values: dict, files: dict | None = None):
    data = wizard_data(step, values)
    for key, uploads in (files or {}).items():
        data[f"{step}-{key}"] = uploads
    return client.post(submit_url(procedure), data)


def upload_files(procedure) -> dict:
    slots = procedure.online_form.upload_slots.order_by("sort_order")
    return {
        f"slot-{slots[0].pk}": [SimpleUploadedFile("Giấy đề nghị.pdf", pdf_bytes(), "application/pdf")],
        f"slot-{slots[1].pk}": [SimpleUploadedFile("hop-dong.png", png_bytes(), "image/png")],
    }


def complete_wizard(client, procedure, *, applicant=None, business=None, files=None, submit=True):
    """Fill every step; returns the last response (a redirect to the receipt when submitted)."""
    client.get(submit_url(procedure))
    response = post_step(client, procedure, "nguoi-nop", applicant or applicant_values())
    assert response.status_code == 200, response
    response = post_step(client, procedure, "buoc-1", business or business_values())
    assert response.status_code == 200
    response = post_step(
        client, procedure, "giay-to", {}, files if files is not None else upload_files(procedure)
    )
    assert response.status_code == 200
    if not submit:
        return response
    return post_step(
        client, procedure, "xac-nhan", {"declaration": "on", "submission_token": review_token(response)}
    )


def review_token(response) -> str:
    import re

    match = re.search(rb'name="xac-nhan-submission_token" value="([0-9a-f-]+)"', response.content)
    assert match, "review step not rendered"
    return match.group(1).decode()
