"""Demo online forms for three roadmap procedures; called by `manage.py load_demo`.

Idempotent: a form is created only when its procedure has none, so running it again never
overwrites what editors changed in the admin. Procedures that do not exist are skipped.
"""

from __future__ import annotations

from procedures.services import find_by_code

from .models import OnlineForm
from .services import sync_upload_slots

__all__ = ["DEMO_FORMS", "load_demo_forms"]


def _field(label, name, kind="text", required=True, help_text="", choices="", **extra):
    return {"label": label, "name": name, "kind": kind, "required": required, "help_text": help_text,
            "choices": choices, "min_value": extra.get("min_value"), "max_value": extra.get("max_value"),
            "max_length": extra.get("max_length")}  # fmt: skip


def _step(title, fields, intro=""):
    return {"type": "step", "value": {"title": title, "intro": intro, "fields": fields}}


DEMO_FORMS = {
    # Đăng ký thành lập hộ kinh doanh (Decree 168/2025/NĐ-CP)
    "1.001612": {
        "intro": "Khai thông tin hộ kinh doanh theo Giấy đề nghị đăng ký hộ kinh doanh. Chủ hộ là người nộp hồ sơ.",
        "steps": [
            _step(
                "Thông tin hộ kinh doanh",
                [
                    _field("Tên hộ kinh doanh", "ten_ho_kinh_doanh", help_text="Ví dụ: Hộ kinh doanh Tạp hóa Minh Khai.", max_length=200),
                    _field("Địa điểm kinh doanh", "dia_diem", "address"),
                    _field("Điện thoại của hộ kinh doanh", "dien_thoai_hkd", "phone", required=False),
                    _field("Thư điện tử của hộ kinh doanh", "email_hkd", "email", required=False),
                    _field("Ngành, nghề kinh doanh", "nganh_nghe", "textarea",
                           help_text="Ghi tên ngành theo Hệ thống ngành kinh tế Việt Nam, ví dụ: Bán lẻ lương thực, thực phẩm."),
                    _field("Vốn kinh doanh (đồng)", "von_kinh_doanh", "number", min_value=0),
                    _field("Số lao động dự kiến", "so_lao_dong", "number", min_value=0, max_value=1000),
                    _field("Hình thức sử dụng địa điểm", "hinh_thuc_dia_diem", "choice",
                           choices="Sở hữu\nThuê, mượn\nKhác"),
                ],
            ),
            _step(
                "Chủ hộ và thuế",
                [
                    _field("Chủ hộ là thành viên hộ gia đình đăng ký", "la_ho_gia_dinh", "checkbox", required=False,
                           help_text="Đánh dấu nếu các thành viên hộ gia đình cùng đăng ký hộ kinh doanh."),
                    _field("Ngày bắt đầu hoạt động", "ngay_bat_dau", "date", required=False),
                    _field("Phương pháp tính thuế", "phuong_phap_thue", "choice",
                           choices="Khoán\nKê khai\nTừng lần phát sinh"),
                ],
            ),
        ],
        "slots": {0: {"max_files": 1}, 1: {"required": False, "max_files": 3}},
    },
    # Đăng ký khai sinh (Luật Hộ tịch 2014)
    "1.001193": {
        "intro": "Người đi đăng ký khai sinh (cha, mẹ hoặc người thân) khai thông tin của trẻ và của cha, mẹ.",
        "steps": [
            _step(
                "Thông tin người được khai sinh",
                [
                    _field("Họ, chữ đệm và tên", "ho_ten_tre", max_length=100),
                    _field("Ngày, tháng, năm sinh", "ngay_sinh", "date"),
                    _field("Giới tính", "gioi_tinh", "choice", choices="Nam\nNữ"),
                    _field("Dân tộc", "dan_toc", help_text="Ví dụ: Kinh.", max_length=50),
                    _field("Quốc tịch", "quoc_tich", help_text="Ví dụ: Việt Nam.", max_length=50),
                    _field("Nơi sinh", "noi_sinh", "address",
                           help_text="Ghi theo Giấy chứng sinh (tên cơ sở y tế hoặc địa chỉ)."),
                    _field("Quê quán", "que_quan", max_length=200),
                ],
            ),
            _step(
                "Thông tin cha, mẹ",
                [
                    _field("Họ và tên người mẹ", "ho_ten_me", max_length=100),
                    _field("Số định danh cá nhân của mẹ", "cccd_me", "citizen_id"),
                    _field("Họ và tên người cha", "ho_ten_cha", required=False, max_length=100),
                    _field("Số định danh cá nhân của cha", "cccd_cha", "citizen_id", required=False),
                    _field("Quan hệ của người đi đăng ký với người được khai sinh", "quan_he", "choice",
                           choices="Cha\nMẹ\nÔng\nBà\nNgười thân thích khác"),
                    _field("Đề nghị cấp bản sao Giấy khai sinh", "so_ban_sao", "number", required=False,
                           min_value=0, max_value=10, help_text="Số bản sao trích lục (nếu cần)."),
                ],
            ),
        ],
        "slots": {},
    },
    # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ
    "1.013225": {
        "intro": "Hồ sơ đề nghị cấp giấy phép xây dựng. Bản vẽ nộp dạng PDF; ảnh chụp hiện trạng dạng JPEG hoặc PNG.",
        "steps": [
            _step(
                "Công trình đề nghị cấp phép",
                [
                    _field("Tên công trình", "ten_cong_trinh", max_length=200),
                    _field("Địa điểm xây dựng", "dia_diem_xay_dung", "address"),
                    _field("Số thửa đất", "so_thua", max_length=20),
                    _field("Tờ bản đồ số", "to_ban_do", max_length=20),
                    _field("Loại công trình", "loai_cong_trinh", "choice",
                           choices="Nhà ở riêng lẻ\nCông trình cấp III\nCông trình cấp IV"),
                    _field("Diện tích xây dựng tầng 1 (m²)", "dien_tich_tang_1", "number", min_value=1),
                    _field("Tổng diện tích sàn (m²)", "tong_dien_tich_san", "number", min_value=1),
                    _field("Chiều cao công trình (m)", "chieu_cao", "number", min_value=1, max_value=200),
                    _field("Số tầng", "so_tang", "number", min_value=1, max_value=50),
                ],
            ),
            _step(
                "Thiết kế và thi công",
                [
                    _field("Đơn vị hoặc người thiết kế", "don_vi_thiet_ke", max_length=200),
                    _field("Số chứng chỉ hành nghề của chủ nhiệm thiết kế", "chung_chi", required=False, max_length=50),
                    _field("Dự kiến thời gian hoàn thành (tháng)", "thoi_gian_hoan_thanh", "number", min_value=1, max_value=120),
                    _field("Cam kết tự phá dỡ khi Nhà nước thực hiện quy hoạch", "cam_ket_pha_do", "checkbox", required=False,
                           help_text="Chỉ áp dụng với giấy phép xây dựng có thời hạn."),
                ],
            ),
        ],
        "slots": {},
    },
}  # fmt: skip


def load_demo_forms() -> int:
    """Create the demo online forms that do not exist yet; returns how many exist."""
    count = 0
    for code, definition in DEMO_FORMS.items():
        procedure = find_by_code(code, live_only=False)
        if procedure is None:
            continue
        count += 1
        if OnlineForm.objects.filter(procedure=procedure).exists():
            continue  # keep the editors' version
        form = OnlineForm(procedure=procedure)
        form.intro = definition["intro"]
        form.steps = definition["steps"]
        form.is_active = True
        form.save()
        sync_upload_slots(form=form)
        slots = list(form.upload_slots.order_by("sort_order", "pk"))
        for index, values in definition["slots"].items():
            if index < len(slots):
                for attr, value in values.items():
                    setattr(slots[index], attr, value)
                slots[index].save()
    return count
