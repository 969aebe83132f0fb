"""Small builders that keep the procedure data readable."""

DIRECT = "direct"
ONLINE = "online"
POSTAL = "postal"

WORKING_DAYS = "working_days"
DAYS = "days"
HOURS = "hours"

FULL = "full"
PARTIAL = "partial"
NONE = "none"
LEGACY_FOR = {FULL: "4", PARTIAL: "3", NONE: "2"}

DIRECT_COMMUNE = "Nộp trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi cư trú."
DIRECT_PROVINCE = "Nộp trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh Tây Ninh."
ONLINE_PORTAL = (
    "Nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc Cổng Dịch vụ công của tỉnh; "
    "đăng nhập bằng tài khoản định danh điện tử VNeID."
)
POSTAL_SERVICE = "Gửi hồ sơ qua dịch vụ bưu chính công ích; kết quả được trả về địa chỉ người nộp đăng ký."


def channel(kind, time_text, value, unit, fee_text, fee=None, description="", label=""):
    return {
        "kind": kind,
        "label": label,
        "time_limit_text": time_text,
        "time_limit_value": value,
        "time_limit_unit": unit,
        "fee_text": fee_text,
        "fee_amount": fee,
        "description": description,
    }


def doc(name, originals=1, copies=0, *, group="", form="", form_name="", quantity_text="", online_mode=""):
    if not quantity_text:
        parts = []
        if originals:
            parts.append(f"Bản chính: {originals}")
        if copies:
            parts.append(f"Bản sao: {copies}")
        quantity_text = " – ".join(parts)
    return {
        "group": group,
        "name": name,
        "originals": originals,
        "copies": copies,
        "quantity_text": quantity_text,
        "form": form,
        "form_name": form_name,
        "online_mode": online_mode,  # an editor's override of procedures.online.classify_component
    }


def law(number, summary, issued_on, issuer):
    return {"number": number, "summary": summary, "issued_on": issued_on, "issuer": issuer}


def result(name, code=""):
    return {"name": name, "code": code}


# --- legal texts used by several procedures ------------------------------------------------------
LUAT_HO_TICH = law("60/2014/QH13", "Luật Hộ tịch", "20/11/2014", "Quốc hội")
ND_123_2015 = law(
    "123/2015/NĐ-CP",
    "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
    "15/11/2015",
    "Chính phủ",
)
TT_04_2020_BTP = law(
    "04/2020/TT-BTP",
    "Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP",
    "28/05/2020",
    "Bộ Tư pháp",
)
TT_85_2019_BTC = law(
    "85/2019/TT-BTC",
    "Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh",
    "29/11/2019",
    "Bộ Tài chính",
)
ND_23_2015 = law(
    "23/2015/NĐ-CP",
    "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
    "16/02/2015",
    "Chính phủ",
)
LUAT_CU_TRU = law("68/2020/QH14", "Luật Cư trú", "13/11/2020", "Quốc hội")
ND_154_2024 = law(
    "154/2024/NĐ-CP", "Nghị định quy định chi tiết một số điều của Luật Cư trú", "26/11/2024", "Chính phủ"
)
LUAT_DOANH_NGHIEP = law("59/2020/QH14", "Luật Doanh nghiệp", "17/06/2020", "Quốc hội")
ND_168_2025 = law("168/2025/NĐ-CP", "Nghị định về đăng ký doanh nghiệp", "30/06/2025", "Chính phủ")
LUAT_XAY_DUNG = law("50/2014/QH13", "Luật Xây dựng", "18/06/2014", "Quốc hội")
LUAT_XAY_DUNG_SUA_DOI = law(
    "62/2020/QH14", "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng", "17/06/2020", "Quốc hội"
)
ND_175_2024 = law(
    "175/2024/NĐ-CP",
    "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
    "30/12/2024",
    "Chính phủ",
)
LUAT_DAT_DAI = law("31/2024/QH15", "Luật Đất đai", "18/01/2024", "Quốc hội")
ND_101_2024 = law(
    "101/2024/NĐ-CP",
    "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, "
    "quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai",
    "29/07/2024",
    "Chính phủ",
)
LUAT_GTDB = law("36/2024/QH15", "Luật Trật tự, an toàn giao thông đường bộ", "27/06/2024", "Quốc hội")
