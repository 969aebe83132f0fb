"""Residence (cư trú), identity cards (căn cước) and driving licences (giấy phép lái xe)."""

from ..common import (
    DIRECT,
    DIRECT_PROVINCE,
    FULL,
    LUAT_CU_TRU,
    LUAT_GTDB,
    ND_154_2024,
    ONLINE,
    ONLINE_PORTAL,
    PARTIAL,
    POSTAL,
    POSTAL_SERVICE,
    WORKING_DAYS,
    channel,
    doc,
    law,
    result,
)

POLICE_COMMUNE = "Nộp trực tiếp tại Công an xã, phường nơi cư trú."
RESIDENCE_FORM = doc(
    "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
    1,
    0,
    form="to-khai-thay-doi-thong-tin-cu-tru",
    form_name="Tờ khai thay đổi thông tin cư trú (CT01)",
)
LEGAL_HOME = doc(
    "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (không cần nộp nếu thông tin đã có trong cơ sở dữ liệu)",
    0,
    1,
)
LUAT_CAN_CUOC = law("26/2023/QH15", "Luật Căn cước", "27/11/2023", "Quốc hội")

PROCEDURES = [
    {
        "code": "1.004194",
        "title": "Đăng ký tạm trú",
        "official_name": "Đăng ký tạm trú",
        "field": "dang-ky-quan-ly-cu-tru",
        "levels": ["commune"],
        "agency": "cong-an-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Công an xã, phường nơi dự kiến tạm trú, hoặc nộp trực tuyến.",
        "applicants": "Công dân Việt Nam đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi xã, phường nơi đã đăng ký "
        "thường trú để lao động, học tập hoặc vì mục đích khác từ 30 ngày trở lên.",
        "steps": (
            "Bước 1: Người đăng ký nộp hồ sơ tại Công an cấp xã hoặc trực tuyến.\n"
            "Bước 2: Cơ quan đăng ký cư trú kiểm tra, cấp phiếu tiếp nhận hồ sơ; hướng dẫn bổ sung nếu thiếu.\n"
            "Bước 3: Cập nhật thông tin tạm trú vào Cơ sở dữ liệu về cư trú và thông báo cho người đăng ký."
        ),
        "channels": [
            channel(
                DIRECT,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 15.000 đồng/lần đăng ký.",
                15000,
                POLICE_COMMUNE,
            ),
            channel(
                ONLINE,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 7.000 đồng/lần đăng ký.",
                7000,
                ONLINE_PORTAL + " Hoặc qua ứng dụng VNeID.",
            ),
        ],
        "components": [
            RESIDENCE_FORM,
            LEGAL_HOME,
            doc("Văn bản đồng ý của chủ hộ hoặc chủ sở hữu chỗ ở (có thể ghi ngay trên tờ khai)", 1, 0),
        ],
        "results": [
            result("Thông báo kết quả đăng ký tạm trú; thông tin được cập nhật vào Cơ sở dữ liệu về cư trú")
        ],
        "legal": [LUAT_CU_TRU, ND_154_2024],
        "requirements": "Thời hạn tạm trú tối đa là 02 năm và có thể tiếp tục gia hạn nhiều lần.",
        "online_level": FULL,
        "keywords": "tạm trú, đăng ký tạm trú, khai báo tạm trú, thuê trọ, ở trọ, sổ tạm trú",
        "forms": ["to-khai-thay-doi-thong-tin-cu-tru"],
    },
    {
        "code": "1.004222",
        "title": "Đăng ký thường trú",
        "official_name": "Đăng ký thường trú",
        "field": "dang-ky-quan-ly-cu-tru",
        "levels": ["commune"],
        "agency": "cong-an-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Công an xã, phường nơi cư trú, hoặc nộp trực tuyến.",
        "applicants": "Công dân Việt Nam có chỗ ở hợp pháp và đủ điều kiện đăng ký thường trú theo Luật Cư trú.",
        "steps": (
            "Bước 1: Người đăng ký nộp hồ sơ tại Công an cấp xã hoặc trực tuyến.\n"
            "Bước 2: Cơ quan đăng ký cư trú kiểm tra, thẩm định hồ sơ và điều kiện đăng ký.\n"
            "Bước 3: Cập nhật thông tin thường trú vào Cơ sở dữ liệu về cư trú và thông báo cho người đăng ký; "
            "trường hợp từ chối thì trả lời bằng văn bản, nêu rõ lý do."
        ),
        "channels": [
            channel(
                DIRECT,
                "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                7,
                WORKING_DAYS,
                "Lệ phí: 20.000 đồng/lần đăng ký.",
                20000,
                POLICE_COMMUNE,
            ),
            channel(
                ONLINE,
                "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                7,
                WORKING_DAYS,
                "Lệ phí: 10.000 đồng/lần đăng ký.",
                10000,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            RESIDENCE_FORM,
            LEGAL_HOME,
            doc(
                "Giấy tờ chứng minh quan hệ nhân thân với chủ hộ (trường hợp nhập vào hộ gia đình người thân)",
                0,
                1,
            ),
        ],
        "results": [result("Thông báo kết quả đăng ký thường trú")],
        "legal": [LUAT_CU_TRU, ND_154_2024],
        "requirements": "Có chỗ ở hợp pháp; trường hợp thuê, mượn, ở nhờ thì diện tích nhà ở tối thiểu theo quy "
        "định của Hội đồng nhân dân tỉnh.",
        "online_level": FULL,
        "keywords": "thường trú, nhập hộ khẩu, chuyển hộ khẩu, đăng ký hộ khẩu, cư trú",
        "forms": ["to-khai-thay-doi-thong-tin-cu-tru"],
    },
    {
        "code": "1.014061",
        "title": "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên",
        "official_name": "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên",
        "field": "cap-quan-ly-can-cuoc",
        "levels": ["commune"],
        "agency": "cong-an-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Công an xã, phường hoặc Phòng Cảnh sát quản lý hành chính về trật tự xã hội – Công an tỉnh; "
        "đặt lịch trước trên ứng dụng VNeID hoặc Cổng Dịch vụ công.",
        "applicants": "Công dân Việt Nam từ đủ 14 tuổi trở lên.",
        "steps": (
            "Bước 1: Công dân đặt lịch hẹn trực tuyến (không bắt buộc) và đến nơi làm thủ tục.\n"
            "Bước 2: Cán bộ Công an đối chiếu thông tin trong Cơ sở dữ liệu quốc gia về dân cư; thu nhận ảnh "
            "khuôn mặt, vân tay và mống mắt.\n"
            "Bước 3: Công dân kiểm tra thông tin trên phiếu thu nhận, ký xác nhận và nhận giấy hẹn.\n"
            "Bước 4: Nhận thẻ căn cước tại nơi làm thủ tục hoặc qua dịch vụ bưu chính."
        ),
        "channels": [
            channel(
                DIRECT,
                "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                7,
                WORKING_DAYS,
                "Cấp lần đầu: không thu lệ phí.",
                0,
                POLICE_COMMUNE,
            ),
            channel(
                ONLINE,
                "07 ngày làm việc; công dân vẫn đến trực tiếp để thu nhận sinh trắc học.",
                7,
                WORKING_DAYS,
                "Cấp lần đầu: không thu lệ phí.",
                0,
                "Đặt lịch và khai thông tin trước trên ứng dụng VNeID hoặc Cổng Dịch vụ công quốc gia.",
            ),
        ],
        "components": [
            doc(
                "Không phải nộp giấy tờ: thông tin được khai thác từ Cơ sở dữ liệu quốc gia về dân cư; công dân "
                "chỉ xuất trình giấy tờ chứng minh khi thông tin chưa có hoặc có sai lệch",
                0,
                0,
                quantity_text="Không phải nộp",
            ),
        ],
        "results": [result("Thẻ căn cước")],
        "legal": [
            LUAT_CAN_CUOC,
            law(
                "70/2024/NĐ-CP",
                "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước",
                "25/06/2024",
                "Chính phủ",
            ),
        ],
        "requirements": "Công dân trực tiếp có mặt để thu nhận thông tin sinh trắc học.",
        "online_level": PARTIAL,
        "keywords": "căn cước, thẻ căn cước, cccd, chứng minh nhân dân, làm căn cước, cmnd",
    },
    {
        "code": "3.000347",
        "title": "Đổi giấy phép lái xe",
        "official_name": "Đổi giấy phép lái xe",
        "field": "sat-hach-cap-giay-phep-lai-xe",
        "levels": ["province"],
        "agency": "cong-an-tinh",
        "competent_text": "Phòng Cảnh sát giao thông – Công an tỉnh Tây Ninh",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "publishing_decision": "1025/QĐ-BCA",
        "submission_place": "Phòng Cảnh sát giao thông Công an tỉnh, Công an xã, phường được giao tiếp nhận, hoặc "
        "nộp trực tuyến.",
        "applicants": "Người có giấy phép lái xe còn thời hạn hoặc quá hạn theo quy định, giấy phép lái xe bị hỏng, "
        "có sai sót thông tin hoặc thay đổi thông tin cá nhân.",
        "steps": (
            "Bước 1: Người đề nghị nộp hồ sơ trực tuyến (kèm giấy khám sức khỏe điện tử) hoặc trực tiếp.\n"
            "Bước 2: Cơ quan Công an kiểm tra hồ sơ, đối chiếu dữ liệu giấy phép lái xe và sức khỏe.\n"
            "Bước 3: Thu lệ phí, cấp giấy phép lái xe mới; trả qua bưu chính hoặc tại nơi nộp."
        ),
        "channels": [
            channel(
                ONLINE,
                "Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                5,
                WORKING_DAYS,
                "Lệ phí: 115.000 đồng/lần.",
                115000,
                ONLINE_PORTAL,
            ),
            channel(
                DIRECT,
                "Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                5,
                WORKING_DAYS,
                "Lệ phí: 135.000 đồng/lần.",
                135000,
                DIRECT_PROVINCE,
            ),
            channel(
                POSTAL,
                "Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                5,
                WORKING_DAYS,
                "Lệ phí: 135.000 đồng/lần; cước bưu chính theo giá dịch vụ.",
                135000,
                POSTAL_SERVICE,
            ),
        ],
        "components": [
            doc(
                "Đơn đề nghị đổi, cấp lại giấy phép lái xe",
                1,
                0,
                form="don-de-nghi-doi-cap-lai-giay-phep-lai-xe",
                form_name="Đơn đề nghị đổi, cấp lại giấy phép lái xe",
            ),
            doc(
                "Giấy khám sức khỏe của người lái xe (không cần nộp nếu đã liên thông dữ liệu điện tử)", 1, 0
            ),
            doc("Giấy phép lái xe cần đổi", 1, 0),
        ],
        "results": [result("Giấy phép lái xe")],
        "legal": [
            LUAT_GTDB,
            law(
                "37/2023/TT-BTC",
                "Thông tư quy định mức thu, chế độ thu, nộp, quản lý lệ phí cấp giấy phép lái xe",
                "07/06/2023",
                "Bộ Tài chính",
            ),
        ],
        "requirements": "Người đổi giấy phép lái xe có đủ điều kiện sức khỏe theo quy định.",
        "online_level": FULL,
        "keywords": "đổi bằng lái, đổi giấy phép lái xe, bằng lái hết hạn, gplx, đổi bằng lái xe ô tô",
        "forms": ["don-de-nghi-doi-cap-lai-giay-phep-lai-xe"],
    },
    {
        "code": "3.000348",
        "title": "Cấp lại giấy phép lái xe",
        "official_name": "Cấp lại giấy phép lái xe",
        "field": "sat-hach-cap-giay-phep-lai-xe",
        "levels": ["province"],
        "agency": "cong-an-tinh",
        "competent_text": "Phòng Cảnh sát giao thông – Công an tỉnh Tây Ninh",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "publishing_decision": "1025/QĐ-BCA",
        "submission_place": "Phòng Cảnh sát giao thông Công an tỉnh hoặc nộp trực tuyến.",
        "applicants": "Người bị mất giấy phép lái xe; người có giấy phép lái xe quá hạn phải sát hạch lại theo quy định.",
        "steps": (
            "Bước 1: Người đề nghị nộp hồ sơ.\n"
            "Bước 2: Cơ quan Công an tra cứu dữ liệu giấy phép lái xe, xác minh việc mất.\n"
            "Bước 3: Trường hợp phải sát hạch lại thì bố trí lịch sát hạch; đạt thì cấp giấy phép lái xe.\n"
            "Bước 4: Trả kết quả tại nơi nộp hoặc qua bưu chính."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (không phải sát hạch lại).",
                5,
                WORKING_DAYS,
                "Lệ phí: 135.000 đồng/lần.",
                135000,
                DIRECT_PROVINCE,
            ),
            channel(
                ONLINE,
                "Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (không phải sát hạch lại).",
                5,
                WORKING_DAYS,
                "Lệ phí: 115.000 đồng/lần.",
                115000,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            doc(
                "Đơn đề nghị đổi, cấp lại giấy phép lái xe",
                1,
                0,
                form="don-de-nghi-doi-cap-lai-giay-phep-lai-xe",
                form_name="Đơn đề nghị đổi, cấp lại giấy phép lái xe",
            ),
            doc("Giấy khám sức khỏe của người lái xe", 1, 0),
        ],
        "results": [result("Giấy phép lái xe")],
        "legal": [LUAT_GTDB],
        "requirements": "Không có vi phạm đang bị xử lý liên quan đến giấy phép lái xe.",
        "online_level": PARTIAL,
        "keywords": "mất bằng lái, cấp lại bằng lái xe, làm lại giấy phép lái xe",
        "forms": ["don-de-nghi-doi-cap-lai-giay-phep-lai-xe"],
    },
]
