"""The home page's most-used procedures and life events (sự kiện cuộc sống)."""

FEATURED_CODES = [
    "1.001193",  # đăng ký khai sinh
    "2.001023",  # khai sinh + thẻ BHYT trẻ em dưới 6 tuổi
    "1.000894",  # đăng ký kết hôn
    "1.004194",  # đăng ký tạm trú
    "1.001612",  # đăng ký hộ kinh doanh
    "1.013225",  # giấy phép xây dựng
    "1.013831",  # sang tên quyền sử dụng đất
    "3.000347",  # đổi giấy phép lái xe
]

LIFE_EVENTS = [
    {
        "title": "Có con nhỏ",
        "description": "Khai sinh, thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi, đăng ký thường trú cho con.",
        "query": "khai sinh",
    },
    {
        "title": "Kết hôn",
        "description": "Xác nhận tình trạng hôn nhân, đăng ký kết hôn.",
        "query": "kết hôn",
    },
    {
        "title": "Xây, sửa nhà",
        "description": "Giấy phép xây dựng, điều chỉnh và gia hạn giấy phép.",
        "query": "giấy phép xây dựng",
    },
    {
        "title": "Mua bán, thừa kế nhà đất",
        "description": "Cấp giấy chứng nhận, sang tên, chuyển mục đích sử dụng đất.",
        "query": "quyền sử dụng đất",
    },
    {
        "title": "Mở cửa hàng, lập doanh nghiệp",
        "description": "Đăng ký hộ kinh doanh, thành lập doanh nghiệp, khuyến mại.",
        "query": "đăng ký kinh doanh",
    },
    {
        "title": "Chuyển chỗ ở",
        "description": "Đăng ký tạm trú, thường trú.",
        "query": "cư trú",
    },
    {
        "title": "Người thân qua đời",
        "description": "Đăng ký khai tử, trích lục khai tử.",
        "query": "khai tử",
    },
    {
        "title": "Lái xe",
        "description": "Đổi, cấp lại giấy phép lái xe.",
        "query": "giấy phép lái xe",
    },
]
