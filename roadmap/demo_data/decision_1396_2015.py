"""Decision 1396/QĐ-UBND (22/4/2015) of Long An, transcribed by the project from the decision's text.

Compact on purpose: the decision, its targets (section I.2) and its lists (section II.1.b) as
tuples; `as_import_data()` turns them into the roadmap JSON format that `import_roadmap` reads, so
the demo goes through the same importer as real files. "trên X%" (more than) is marked `strict`.
The provincial list has no item 25 in the source; the numbering is kept.
"""

NUMBER = "1396/QĐ-UBND"
DATE = "2015-04-22"
ISSUER = "Ủy ban nhân dân tỉnh Long An"
TITLE = (
    "Lộ trình cung cấp dịch vụ công trực tuyến trên cổng/trang thông tin điện tử của cơ quan nhà nước "
    "trên địa bàn tỉnh Long An giai đoạn 2015 - 2020"
)
PERIOD = (2015, 2020)
MONITOR = "Sở Thông tin và Truyền thông"  # Điều 2; mục V.2
LEVEL2_OWNER = "Sở Tư pháp"  # mục V.3
BASELINE = {"districts": 15, "communes": 192, "procedures_total": 1612,
            "procedures_province": 1212, "procedures_district": 283, "procedures_commune": 117}  # fmt: skip

# Mục I.2: (from, by end of, text, figures, strict figures)
TARGETS = [
    (2015, 2015, "Đến hết năm 2015: 100% DVCTT mức độ 2 đầy đủ, cập nhật; ít nhất 10 dịch vụ mức độ 3",
     {"level2_share_min": 1.0, "level3_count_min": 10}, []),
    (2016, 2018, "2016–2018: trên 50% sở ngành vận hành một cửa điện tử; 20% DVCTT mức độ 3; thí điểm mức độ 4",
     {"one_stop_departments_share_min": 0.5, "level3_share_min": 0.2, "level4_pilot": True},
     ["one_stop_departments_share"]),
    (2019, 2020, "2019–2020: một cửa điện tử tại 100% sở ngành; trên 30% DVCTT mức độ 3; 3% đến 5% mức độ 4",
     {"one_stop_departments_share_min": 1.0, "level3_share_min": 0.3,
      "level4_share_min": 0.03, "level4_share_max": 0.05}, ["level3_share"]),
]  # fmt: skip

ALL = "2016-2020"
# Mục II.1.b, danh sách cấp sở ngành: (STT, dịch vụ, thời gian, mức độ, cơ quan)
PROVINCE = [
    (1, "Cấp giấy phép đầu tư khu, cụm công nghiệp", ALL, "3,4", "Ban Quản lý Khu kinh tế"),
    (2, "Nhóm thủ tục liên quan đến quản lý khu kinh tế, khu công nghiệp", ALL, "3,4", "Ban Quản lý Khu kinh tế"),
    (3, "Đăng ký tạm trú, tạm vắng", ALL, "3,4", "Công an tỉnh"),
    (4, "Cấp giấy chứng minh nhân dân", ALL, "3,4", "Công an tỉnh"),
    (5, "Đăng ký các hoạt động khuyến mãi", "2015-2016", "3,4", "Sở Công Thương"),
    (6, "Các dịch vụ liên quan đến hoạt động hóa chất", "2017", "3,4", "Sở Công Thương"),
    (7, "Các dịch vụ liên quan đến hoạt động điện", "2018", "3,4", "Sở Công Thương"),
    (8, "Các dịch vụ liên quan đến hoạt động xăng dầu", "2019", "3,4", "Sở Công Thương"),
    (9, "Các dịch vụ liên quan đến lĩnh vực xúc tiến thương mại", ALL, "3,4", "Sở Công Thương"),
    (10, "Các dịch vụ liên quan đến cấp văn bằng, chứng chỉ", ALL, "3,4", "Sở Giáo dục và Đào tạo"),
    (11, "Cấp, đổi giấy phép lái xe", ALL, "3,4", "Sở Giao thông Vận tải"),
    (12, "Đăng ký kinh doanh", ALL, "4", "Sở Kế hoạch và Đầu tư"),
    (13, "Đăng ký và thẩm định dự án đầu tư", ALL, "3,4", "Sở Kế hoạch và Đầu tư"),
    (14, "Cấp giấy phép thành lập chi nhánh, văn phòng đại diện", ALL, "3,4", "Sở Kế hoạch và Đầu tư"),
    (15, "Các dịch vụ liên quan đến đầu tư, thành lập và hoạt động của doanh nghiệp", ALL, "3,4",
     "Sở Kế hoạch và Đầu tư"),
    (16, "Các thủ tục liên quan đến hoạt động khoa học và công nghệ", ALL, "3,4", "Sở Khoa học và Công nghệ"),
    (17, "Đăng ký lao động, việc làm", ALL, "3,4", "Sở Lao động - Thương binh và Xã hội"),
    (18, "Các thủ tục liên quan đến cấp chứng nhận quyền sử dụng đất", ALL, "3,4", "Sở Tài nguyên và Môi trường"),
    (19, "Các thủ tục liên quan đến lĩnh vực môi trường", ALL, "3,4", "Sở Tài nguyên và Môi trường"),
    (20, "Cấp phép xuất bản tài liệu không kinh doanh", ALL, "4", "Sở Thông tin và Truyền thông"),
    (21, "Cấp giấy phép xuất bản bản tin", ALL, "4", "Sở Thông tin và Truyền thông"),
    (22, "Cấp giấy chứng nhận đăng ký máy photocopy màu", ALL, "4", "Sở Thông tin và Truyền thông"),
    (23, "Cấp giấy phép hoạt động in", ALL, "4", "Sở Thông tin và Truyền thông"),
    (24, "Các dịch vụ liên quan đến lĩnh vực Bưu chính viễn thông, Công nghệ thông tin, Báo chí, xuất bản",
     ALL, "3,4", "Sở Thông tin và Truyền thông"),
    (26, "Cấp bản sao giấy tờ hộ tịch từ sổ bộ hộ tịch có yếu tố nước ngoài", ALL, "3,4", "Sở Tư pháp"),
    (27, "Đăng ký danh sách công chứng viên làm việc theo chế độ hợp đồng cho Văn phòng Công chứng", ALL,
     "3,4", "Sở Tư pháp"),
    (28, "Cấp phép các hoạt động văn hóa", ALL, "3,4", "Sở Văn hóa Thể thao và Du lịch"),
    (29, "Các thủ tục liên quan đến cấp giấy phép xây dựng", ALL, "3,4", "Sở Xây dựng"),
    (30, "Các thủ tục liên quan đến cấp chứng chỉ trong hoạt động xây dựng", ALL, "3,4", "Sở Xây dựng"),
    (31, "Các thủ tục liên quan đến cấp giấy phép hành nghề y, dược", ALL, "3,4", "Sở Y tế"),
    (32, "Giải quyết khiếu nại, tố cáo", ALL, "3,4", "Thanh tra tỉnh"),
    (33, "Các thủ tục liên quan đến cấp tài chính, ngân sách", ALL, "3,4", "Sở Tài chính"),
    (34, "Các thủ tục liên quan đến thi đua - khen thưởng", ALL, "3,4", "Sở Nội vụ"),
    (35, "Các nhóm dịch vụ công khác (tùy theo nhu cầu phát triển của các đơn vị)", ALL, "3,4", "Các sở ngành"),
]  # fmt: skip

# Danh sách cấp huyện: every district People's Committee, 2016–2020, levels 3 and 4.
DISTRICT_AGENCY = "UBND cấp huyện"
DISTRICT = [
    "Cấp bản sao các giấy tờ hộ tịch từ sổ hộ tịch",
    "Cấp giấy khai sinh, khai tử, đăng ký kết hôn",
    "Cấp lại bản chính giấy khai sinh",
    "Cấp giấy phép đăng ký kinh doanh",
    "Cấp lại, cấp đổi giấy chứng nhận đăng ký kinh doanh",
    "Tạm ngưng / Ngưng kinh doanh",
    "Thay đổi nội dung kinh doanh",
    "Cấp mới; sửa đổi, bổ sung; gia hạn; cấp lại giấy chứng nhận đủ điều kiện kinh doanh trò chơi điện tử công cộng",
    "Cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi",
    "Cấp mới giấy phép xây dựng",
    "Gia hạn giấy phép xây dựng",
    "Điều chỉnh cấp giấy phép xây dựng",
    "Cấp giấy chứng nhận quyền sử dụng đất",
    "Cấp lại giấy chứng nhận quyền sử dụng đất",
    "Chuyển mục đích sử dụng đất",
    "Thừa kế quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
    "Tặng cho quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
    "Chuyển nhượng quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
]

# Demo only: which demo-catalog procedures realise which item, as folded title phrases looked up at
# run time (a procedure fits when its folded title contains the phrase), and the year the demo
# history says they reached their level. Illustrative, written by the project; not from the decision.
DEMO_LINKS = {
    ("province", 3): (["dang ky tam tru", "khai bao tam vang"], 2019),
    ("province", 4): (["chung minh nhan dan", "cap the can cuoc"], 2020),
    ("province", 11): (["giay phep lai xe"], 2018),
    ("province", 12): (["dang ky thanh lap doanh nghiep", "dang ky doanh nghiep"], 2017),
    ("province", 18): (["chung nhan quyen su dung dat"], 2020),
    ("province", 29): (["giay phep xay dung"], 2019),
    ("province", 31): (["chung chi hanh nghe duoc", "giay phep hanh nghe kham benh"], 2019),
    ("province", 32): (["giai quyet khieu nai", "giai quyet to cao"], 2020),
    ("district", 1): (["trich luc ho tich", "ban sao trich luc"], 2018),
    ("district", 2): (["dang ky khai sinh", "dang ky khai tu", "dang ky ket hon"], 2018),
    ("district", 4): (["dang ky thanh lap ho kinh doanh", "dang ky ho kinh doanh"], 2017),
    ("district", 6): (["tam ngung kinh doanh", "cham dut hoat dong ho kinh doanh"], 2017),
    ("district", 7): (["thay doi noi dung dang ky ho kinh doanh"], 2017),
    ("district", 9): (["bao hiem y te cho tre em", "bao hiem y te cho tre"], 2018),
    ("district", 10): (["cap giay phep xay dung"], 2019),
    ("district", 11): (["gia han giay phep xay dung"], 2019),
    ("district", 12): (["dieu chinh giay phep xay dung"], 2019),
    ("district", 15): (["chuyen muc dich su dung dat"], 2020),
    ("district", 18): (["chuyen nhuong quyen su dung dat"], 2020),
}


def _period(text: str) -> tuple[int, int]:
    parts = [int(p) for p in text.split("-")]
    return parts[0], parts[-1]


def as_import_data() -> dict:
    """The decision in the JSON format of `manage.py import_roadmap`."""
    items = []
    for number, service, period, levels, agency in PROVINCE:
        start, end = _period(period)
        items.append({"tier": "province", "number": number, "service": service, "period_text": period,
                      "start_year": start, "end_year": end, "levels_text": levels, "agency": agency})  # fmt: skip
    for number, service in enumerate(DISTRICT, start=1):
        items.append({"tier": "district", "number": number, "service": service, "period_text": ALL,
                      "start_year": 2016, "end_year": 2020, "levels_text": "3,4", "agency": DISTRICT_AGENCY})  # fmt: skip
    targets = []
    for start, end, text, figures, strict in TARGETS:
        target = {"from": start, "by_end_of": end, "text": text, **figures}
        if strict:
            target["strict"] = strict
        targets.append(target)
    return {
        "decision": {"number": NUMBER, "date": DATE, "issuer": ISSUER, "title": TITLE, "period": list(PERIOD),
                     "monitor": MONITOR, "level2_owner": LEVEL2_OWNER},
        "baseline": BASELINE,
        "targets": targets,
        "items": items,
    }  # fmt: skip
