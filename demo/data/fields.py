"""Fields (lĩnh vực) used by the demo catalog: (slug, name, code)."""

FIELDS = [
    ("ho-tich", "Hộ tịch", "HT"),
    ("chung-thuc", "Chứng thực", "CT"),
    ("ly-lich-tu-phap", "Lý lịch tư pháp", "LLTP"),
    ("dang-ky-quan-ly-cu-tru", "Đăng ký, quản lý cư trú", "CTRU"),
    ("cap-quan-ly-can-cuoc", "Cấp, quản lý căn cước", "CC"),
    ("sat-hach-cap-giay-phep-lai-xe", "Sát hạch, cấp giấy phép lái xe", "GPLX"),
    ("ho-kinh-doanh", "Thành lập và hoạt động của hộ kinh doanh", "HKD"),
    ("doanh-nghiep", "Thành lập và hoạt động của doanh nghiệp", "DN"),
    ("dau-tu-tai-viet-nam", "Đầu tư tại Việt Nam", "DT"),
    ("hoat-dong-xay-dung", "Hoạt động xây dựng", "XD"),
    ("dat-dai", "Đất đai", "DD"),
    ("giai-quyet-khieu-nai", "Giải quyết khiếu nại", "KN"),
    ("giai-quyet-to-cao", "Giải quyết tố cáo", "TC"),
    ("xuc-tien-thuong-mai", "Xúc tiến thương mại", "XTTM"),
    ("xuat-ban-in-phat-hanh", "Xuất bản, in và phát hành", "XB"),
    ("duoc-pham", "Dược phẩm", "DUOC"),
    ("van-bang-chung-chi", "Văn bằng, chứng chỉ", "VB"),
]
