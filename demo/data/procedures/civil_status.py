"""Civil status (hộ tịch), certification (chứng thực) and judicial records (lý lịch tư pháp)."""

from ..common import (
    DAYS,
    DIRECT,
    DIRECT_COMMUNE,
    DIRECT_PROVINCE,
    FULL,
    LUAT_HO_TICH,
    ND_23_2015,
    ND_123_2015,
    NONE,
    ONLINE,
    ONLINE_PORTAL,
    PARTIAL,
    POSTAL,
    POSTAL_SERVICE,
    TT_04_2020_BTP,
    TT_85_2019_BTC,
    WORKING_DAYS,
    channel,
    doc,
    law,
    result,
)

SAME_DAY = (
    "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay "
    "thì trả kết quả trong ngày làm việc tiếp theo."
)
COMMUNE_PLACE = (
    "Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi cư trú của người yêu cầu (tiếp nhận không phụ "
    "thuộc địa giới hành chính trong tỉnh), hoặc nộp trực tuyến."
)
IDENTITY = doc(
    "Giấy tờ tùy thân của người yêu cầu (hộ chiếu, thẻ căn cước hoặc giấy tờ có ảnh do cơ quan có thẩm "
    "quyền cấp) — chỉ xuất trình khi nộp trực tiếp; nộp trực tuyến thì thông tin được lấy từ Cơ sở dữ "
    "liệu quốc gia về dân cư",
    0,
    0,
    group="Giấy tờ phải xuất trình",
    quantity_text="Xuất trình bản chính",
)
MIEN_LE_PHI_DUNG_HAN = "Miễn lệ phí đối với đăng ký đúng hạn, người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật"

PROCEDURES = [
    {
        "code": "1.001193",
        "title": "Đăng ký khai sinh",
        "official_name": "Thủ tục đăng ký khai sinh",
        "field": "ho-tich",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "competent_text": "Ủy ban nhân dân cấp xã nơi cư trú của người cha hoặc người mẹ",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": COMMUNE_PLACE,
        "applicants": "Cha, mẹ, ông, bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ em.",
        "steps": (
            "Bước 1: Người đi đăng ký khai sinh chuẩn bị tờ khai và Giấy chứng sinh (hoặc giấy tờ thay thế), "
            "nộp trực tiếp tại Bộ phận Một cửa hoặc nộp trực tuyến.\n"
            "Bước 2: Công chức tư pháp – hộ tịch kiểm tra hồ sơ; nếu hồ sơ chưa đầy đủ thì hướng dẫn bổ sung "
            "một lần, bằng văn bản hoặc qua tài khoản của người nộp.\n"
            "Bước 3: Khi thấy thông tin khai sinh đầy đủ, phù hợp, công chức ghi vào Sổ đăng ký khai sinh, cập "
            "nhật Cơ sở dữ liệu hộ tịch điện tử và cấp số định danh cá nhân cho trẻ.\n"
            "Bước 4: Chủ tịch Ủy ban nhân dân cấp xã cấp bản chính Giấy khai sinh; người đi đăng ký kiểm tra "
            "nội dung và ký vào Sổ đăng ký khai sinh (nộp trực tuyến: nhận bản điện tử và bản chính theo "
            "hình thức đã chọn)."
        ),
        "channels": [
            channel(DIRECT, SAME_DAY, 1, WORKING_DAYS, MIEN_LE_PHI_DUNG_HAN + ".", 0, DIRECT_COMMUNE),
            channel(ONLINE, SAME_DAY, 1, WORKING_DAYS, "Miễn lệ phí.", 0, ONLINE_PORTAL),
            channel(
                POSTAL,
                SAME_DAY,
                1,
                WORKING_DAYS,
                "Miễn lệ phí; người yêu cầu trả cước bưu chính.",
                0,
                POSTAL_SERVICE,
            ),
        ],
        "components": [
            doc(
                "Tờ khai đăng ký khai sinh",
                1,
                0,
                form="to-khai-dang-ky-khai-sinh",
                form_name="Tờ khai đăng ký khai sinh",
            ),
            doc(
                "Giấy chứng sinh do cơ sở y tế cấp; trường hợp không có thì văn bản của người làm chứng xác "
                "nhận việc sinh hoặc giấy cam đoan về việc sinh",
                1,
                0,
            ),
            doc("Văn bản ủy quyền có chứng thực (nếu ủy quyền đi đăng ký)", 1, 0),
            IDENTITY,
        ],
        "results": [
            result("Giấy khai sinh (bản chính)"),
            result("Bản sao Trích lục khai sinh (nếu có yêu cầu)"),
        ],
        "legal": [LUAT_HO_TICH, ND_123_2015, TT_04_2020_BTP, TT_85_2019_BTC],
        "requirements": "Không.",
        "online_level": FULL,
        "keywords": "khai sinh, giấy khai sinh, làm giấy khai sinh, sinh con, em bé mới sinh, đăng ký cho con",
        "forms": ["to-khai-dang-ky-khai-sinh"],
    },
    {
        "code": "1.000656",
        "title": "Đăng ký khai tử",
        "official_name": "Thủ tục đăng ký khai tử",
        "field": "ho-tich",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": COMMUNE_PLACE,
        "applicants": "Vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết; đại diện cơ quan, tổ "
        "chức, cá nhân liên quan nếu người chết không có người thân thích.",
        "steps": (
            "Bước 1: Trong 15 ngày kể từ ngày có người chết, người có trách nhiệm nộp tờ khai và Giấy báo tử "
            "(hoặc giấy tờ thay thế).\n"
            "Bước 2: Công chức tư pháp – hộ tịch kiểm tra hồ sơ, ghi Sổ đăng ký khai tử và cập nhật Cơ sở "
            "dữ liệu hộ tịch điện tử.\n"
            "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã cấp Trích lục khai tử; thông tin được chuyển để xóa đăng "
            "ký thường trú và giải quyết chế độ mai táng (nếu có)."
        ),
        "channels": [
            channel(
                DIRECT, SAME_DAY, 1, WORKING_DAYS, "Miễn lệ phí đối với đăng ký đúng hạn.", 0, DIRECT_COMMUNE
            ),
            channel(ONLINE, SAME_DAY, 1, WORKING_DAYS, "Miễn lệ phí.", 0, ONLINE_PORTAL),
        ],
        "components": [
            doc(
                "Tờ khai đăng ký khai tử",
                1,
                0,
                form="to-khai-dang-ky-khai-tu",
                form_name="Tờ khai đăng ký khai tử",
            ),
            doc("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp", 1, 0),
            doc("Văn bản ủy quyền có chứng thực (nếu ủy quyền)", 1, 0),
            IDENTITY,
        ],
        "results": [result("Trích lục khai tử (bản chính)")],
        "legal": [LUAT_HO_TICH, ND_123_2015, TT_04_2020_BTP],
        "requirements": "Không.",
        "online_level": FULL,
        "keywords": "khai tử, báo tử, người thân mất, qua đời, trích lục khai tử, giấy chứng tử",
        "forms": ["to-khai-dang-ky-khai-tu"],
    },
    {
        "code": "1.000894",
        "title": "Đăng ký kết hôn",
        "official_name": "Thủ tục đăng ký kết hôn",
        "field": "ho-tich",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Ủy ban nhân dân xã, phường nơi cư trú của một trong hai bên nam, nữ.",
        "applicants": "Công dân Việt Nam (nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi) đăng ký kết hôn với nhau tại Việt Nam.",
        "steps": (
            "Bước 1: Hai bên nam, nữ nộp tờ khai (có thể cùng một tờ khai) trực tiếp hoặc trực tuyến.\n"
            "Bước 2: Công chức tư pháp – hộ tịch kiểm tra, xác minh điều kiện kết hôn theo Luật Hôn nhân và "
            "gia đình; thông tin tình trạng hôn nhân được khai thác từ Cơ sở dữ liệu hộ tịch điện tử.\n"
            "Bước 3: Hai bên cùng có mặt, ký vào Sổ đăng ký kết hôn và Giấy chứng nhận kết hôn; Chủ tịch Ủy ban "
            "nhân dân cấp xã trao Giấy chứng nhận kết hôn cho hai bên."
        ),
        "channels": [
            channel(
                DIRECT,
                SAME_DAY + " Trường hợp cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc.",
                5,
                WORKING_DAYS,
                "Miễn lệ phí.",
                0,
                DIRECT_COMMUNE,
            ),
            channel(
                ONLINE,
                "Không quá 05 ngày làm việc; hai bên có mặt tại Ủy ban nhân dân cấp xã để ký và nhận Giấy chứng "
                "nhận kết hôn.",
                5,
                WORKING_DAYS,
                "Miễn lệ phí.",
                0,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            doc(
                "Tờ khai đăng ký kết hôn",
                1,
                0,
                form="to-khai-dang-ky-ket-hon",
                form_name="Tờ khai đăng ký kết hôn",
            ),
            doc(
                "Giấy xác nhận tình trạng hôn nhân (chỉ khi đăng ký tại nơi không phải nơi thường trú và "
                "thông tin chưa có trong Cơ sở dữ liệu hộ tịch)",
                1,
                0,
            ),
            IDENTITY,
        ],
        "results": [result("Giấy chứng nhận kết hôn (mỗi bên một bản chính)")],
        "legal": [
            LUAT_HO_TICH,
            law("52/2014/QH13", "Luật Hôn nhân và gia đình", "19/06/2014", "Quốc hội"),
            ND_123_2015,
        ],
        "requirements": "Hai bên tự nguyện quyết định; đủ tuổi kết hôn; không bị mất năng lực hành vi dân sự; "
        "không thuộc trường hợp cấm kết hôn theo Luật Hôn nhân và gia đình.",
        "online_level": PARTIAL,
        "keywords": "kết hôn, đăng ký kết hôn, cưới, giấy đăng ký kết hôn, hôn thú",
        "forms": ["to-khai-dang-ky-ket-hon"],
    },
    {
        "code": "1.004873",
        "title": "Cấp Giấy xác nhận tình trạng hôn nhân",
        "official_name": "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
        "field": "ho-tich",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": COMMUNE_PLACE,
        "applicants": "Công dân Việt Nam cư trú trong nước có yêu cầu xác nhận tình trạng hôn nhân.",
        "steps": (
            "Bước 1: Người yêu cầu nộp tờ khai, ghi rõ mục đích sử dụng Giấy xác nhận.\n"
            "Bước 2: Công chức tư pháp – hộ tịch tra cứu Cơ sở dữ liệu hộ tịch điện tử, xác minh khi cần.\n"
            "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã ký Giấy xác nhận tình trạng hôn nhân (có giá trị 06 tháng "
            "kể từ ngày cấp)."
        ),
        "channels": [
            channel(
                DIRECT,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 15.000 đồng/bản.",
                15000,
                DIRECT_COMMUNE,
            ),
            channel(
                ONLINE,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 7.000 đồng/bản (giảm 50% khi nộp trực tuyến).",
                7000,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            doc(
                "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
                1,
                0,
                form="to-khai-xac-nhan-tinh-trang-hon-nhan",
                form_name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
            ),
            doc("Bản án, quyết định ly hôn hoặc trích lục khai tử của vợ/chồng (nếu đã từng kết hôn)", 0, 1),
            IDENTITY,
        ],
        "results": [result("Giấy xác nhận tình trạng hôn nhân")],
        "legal": [LUAT_HO_TICH, ND_123_2015, TT_04_2020_BTP, TT_85_2019_BTC],
        "requirements": "Giấy xác nhận được cấp cho một mục đích sử dụng đã ghi trong tờ khai.",
        "online_level": FULL,
        "keywords": "xác nhận độc thân, giấy độc thân, tình trạng hôn nhân, xác nhận chưa kết hôn",
        "forms": ["to-khai-xac-nhan-tinh-trang-hon-nhan"],
    },
    {
        "code": "1.004884",
        "title": "Đăng ký lại khai sinh",
        "official_name": "Thủ tục đăng ký lại khai sinh",
        "field": "ho-tich",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Ủy ban nhân dân cấp xã nơi đã đăng ký khai sinh trước đây hoặc nơi người yêu cầu thường trú.",
        "applicants": "Người đã đăng ký khai sinh trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính Giấy khai "
        "sinh đều bị mất.",
        "steps": (
            "Bước 1: Người yêu cầu nộp tờ khai và các giấy tờ liên quan đến nội dung khai sinh.\n"
            "Bước 2: Công chức tư pháp – hộ tịch kiểm tra, xác minh; nếu đăng ký tại nơi khác nơi đã khai "
            "sinh thì đề nghị nơi đã khai sinh kiểm tra việc lưu trữ Sổ hộ tịch.\n"
            "Bước 3: Khi đủ điều kiện, Chủ tịch Ủy ban nhân dân cấp xã ký cấp bản chính Giấy khai sinh."
        ),
        "channels": [
            channel(
                DIRECT,
                "05 ngày làm việc kể từ ngày nhận đủ hồ sơ; cần xác minh thì kéo dài không quá 10 ngày làm việc.",
                5,
                WORKING_DAYS,
                "Lệ phí theo quy định của Hội đồng nhân dân tỉnh.",
                None,
                DIRECT_COMMUNE,
            ),
            channel(
                ONLINE,
                "05 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
                5,
                WORKING_DAYS,
                "Lệ phí theo quy định của Hội đồng nhân dân tỉnh.",
                None,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            doc(
                "Tờ khai đăng ký khai sinh (ghi rõ đăng ký lại)",
                1,
                0,
                form="to-khai-dang-ky-khai-sinh",
                form_name="Tờ khai đăng ký khai sinh",
            ),
            doc(
                "Bản sao Giấy khai sinh hoặc các giấy tờ có thông tin về khai sinh (học bạ, hồ sơ cán bộ, ...)",
                0,
                1,
            ),
            doc("Văn bản cam đoan về việc đã đăng ký khai sinh nhưng không lưu giữ được bản chính", 1, 0),
            IDENTITY,
        ],
        "results": [result("Giấy khai sinh (bản chính)")],
        "legal": [LUAT_HO_TICH, ND_123_2015, TT_04_2020_BTP],
        "requirements": "Việc khai sinh đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016.",
        "online_level": PARTIAL,
        "keywords": "mất giấy khai sinh, làm lại giấy khai sinh, cấp lại bản chính giấy khai sinh",
        "forms": ["to-khai-dang-ky-khai-sinh"],
    },
    {
        "code": "2.000635",
        "title": "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh",
        "official_name": "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh",
        "field": "ho-tich",
        "levels": ["province", "commune"],
        "agency": "ubnd-cap-xa",
        "coordinating_text": "Sở Tư pháp tỉnh Tây Ninh (cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử)",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Bất kỳ Ủy ban nhân dân xã, phường nào trong tỉnh, hoặc nộp trực tuyến.",
        "applicants": "Cá nhân có yêu cầu cấp bản sao trích lục về sự kiện hộ tịch của mình hoặc của người khác "
        "khi được ủy quyền; cơ quan, tổ chức có thẩm quyền.",
        "steps": (
            "Bước 1: Người yêu cầu nộp tờ khai trực tiếp hoặc trực tuyến.\n"
            "Bước 2: Cơ quan tiếp nhận tra cứu Cơ sở dữ liệu hộ tịch điện tử (hoặc Sổ hộ tịch lưu trữ).\n"
            "Bước 3: Cấp bản sao Trích lục hộ tịch; nộp trực tuyến thì nhận bản điện tử có giá trị như bản "
            "giấy."
        ),
        "channels": [
            channel(DIRECT, SAME_DAY, 1, WORKING_DAYS, "Phí: 8.000 đồng/bản sao.", 8000, DIRECT_COMMUNE),
            channel(
                ONLINE, SAME_DAY, 1, WORKING_DAYS, "Phí: 4.000 đồng/bản sao điện tử.", 4000, ONLINE_PORTAL
            ),
            channel(
                POSTAL,
                "Trong ngày làm việc tiếp theo kể từ ngày nhận yêu cầu.",
                1,
                WORKING_DAYS,
                "Phí: 8.000 đồng/bản sao; cước bưu chính do người yêu cầu trả.",
                8000,
                POSTAL_SERVICE,
            ),
        ],
        "components": [
            doc(
                "Tờ khai đề nghị cấp bản sao trích lục hộ tịch",
                1,
                0,
                form="to-khai-cap-ban-sao-trich-luc-ho-tich",
                form_name="Tờ khai đề nghị cấp bản sao trích lục hộ tịch",
            ),
            doc("Văn bản ủy quyền (nếu yêu cầu cấp cho người khác)", 1, 0),
            IDENTITY,
        ],
        "results": [result("Bản sao Trích lục hộ tịch / bản sao Giấy khai sinh")],
        "legal": [LUAT_HO_TICH, ND_123_2015, TT_04_2020_BTP, ND_23_2015],
        "requirements": "Không.",
        "online_level": FULL,
        "keywords": "trích lục, bản sao giấy khai sinh, sao y giấy khai sinh, trích lục kết hôn",
        "forms": ["to-khai-cap-ban-sao-trich-luc-ho-tich"],
    },
    {
        "code": "2.001023",
        "title": "Liên thông đăng ký khai sinh, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        "official_name": "Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ "
        "em dưới 6 tuổi",
        "field": "ho-tich",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "coordinating_text": "Bảo hiểm xã hội tỉnh Tây Ninh; Công an xã, phường",
        "procedure_type": "Nhóm thủ tục liên thông",
        "submission_place": COMMUNE_PLACE,
        "applicants": "Cha, mẹ hoặc người thân thích của trẻ em dưới 6 tuổi.",
        "steps": (
            "Bước 1: Người yêu cầu nộp một bộ hồ sơ liên thông (trực tuyến qua Cổng Dịch vụ công hoặc VNeID, "
            "hoặc trực tiếp tại Bộ phận Một cửa).\n"
            "Bước 2: Ủy ban nhân dân cấp xã đăng ký khai sinh, cấp số định danh cá nhân cho trẻ.\n"
            "Bước 3: Thông tin được chuyển liên thông điện tử đến Bảo hiểm xã hội để cấp thẻ bảo hiểm y tế.\n"
            "Bước 4: Người yêu cầu nhận Giấy khai sinh và thẻ bảo hiểm y tế (bản điện tử trên VNeID/VssID; bản "
            "giấy qua bưu chính hoặc tại Bộ phận Một cửa)."
        ),
        "channels": [
            channel(
                ONLINE,
                "Không quá 05 ngày làm việc cho cả nhóm thủ tục (khai sinh giải quyết ngay trong ngày).",
                5,
                WORKING_DAYS,
                "Miễn lệ phí đăng ký khai sinh đúng hạn; thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi do ngân sách nhà nước đóng.",
                0,
                ONLINE_PORTAL,
            ),
            channel(
                DIRECT,
                "Không quá 05 ngày làm việc cho cả nhóm thủ tục.",
                5,
                WORKING_DAYS,
                "Miễn phí.",
                0,
                DIRECT_COMMUNE,
            ),
        ],
        "components": [
            doc(
                "Tờ khai đăng ký khai sinh",
                1,
                0,
                form="to-khai-dang-ky-khai-sinh",
                form_name="Tờ khai đăng ký khai sinh",
            ),
            doc("Giấy chứng sinh hoặc giấy tờ thay thế", 1, 0),
            doc(
                "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế",
                1,
                0,
                form="to-khai-tham-gia-bao-hiem-y-te",
                form_name="Tờ khai TK1-TS",
            ),
            IDENTITY,
        ],
        "results": [
            result("Giấy khai sinh (bản chính)"),
            result("Thẻ bảo hiểm y tế của trẻ em dưới 6 tuổi"),
        ],
        "legal": [
            LUAT_HO_TICH,
            law("25/2008/QH12", "Luật Bảo hiểm y tế", "14/11/2008", "Quốc hội"),
            law(
                "63/2024/NĐ-CP",
                "Nghị định quy định việc thực hiện liên thông điện tử 02 nhóm thủ tục hành chính: đăng ký khai sinh, "
                "đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; đăng ký khai tử, xóa đăng ký "
                "thường trú, giải quyết mai táng phí, tử tuất",
                "10/06/2024",
                "Chính phủ",
            ),
        ],
        "requirements": "Trẻ em dưới 6 tuổi chưa được cấp thẻ bảo hiểm y tế.",
        "online_level": FULL,
        "keywords": "bảo hiểm y tế trẻ em, thẻ bhyt cho con, bhyt dưới 6 tuổi, khai sinh và bảo hiểm y tế, liên thông khai sinh",
        "forms": ["to-khai-dang-ky-khai-sinh", "to-khai-tham-gia-bao-hiem-y-te"],
    },
    {
        "code": "1.001022",
        "title": "Đăng ký nhận cha, mẹ, con",
        "official_name": "Thủ tục đăng ký nhận cha, mẹ, con",
        "field": "ho-tich",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Ủy ban nhân dân cấp xã nơi cư trú của người nhận hoặc người được nhận là cha, mẹ, con.",
        "applicants": "Người nhận cha, mẹ, con và người được nhận là cha, mẹ, con (công dân Việt Nam cư trú trong nước).",
        "steps": (
            "Bước 1: Người yêu cầu nộp tờ khai và chứng cứ chứng minh quan hệ cha, mẹ, con.\n"
            "Bước 2: Công chức tư pháp – hộ tịch kiểm tra, niêm yết việc nhận cha, mẹ, con tại trụ sở Ủy ban "
            "nhân dân trong 03 ngày làm việc khi cần.\n"
            "Bước 3: Các bên có mặt, ký vào Sổ hộ tịch; Chủ tịch Ủy ban nhân dân cấp xã cấp Trích lục đăng ký "
            "nhận cha, mẹ, con."
        ),
        "channels": [
            channel(
                DIRECT,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ; cần xác minh thì không quá 08 ngày làm việc.",
                3,
                WORKING_DAYS,
                "Lệ phí theo quy định của Hội đồng nhân dân tỉnh.",
                None,
                DIRECT_COMMUNE,
            ),
            channel(
                ONLINE,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
                3,
                WORKING_DAYS,
                "Lệ phí theo quy định của Hội đồng nhân dân tỉnh.",
                None,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            doc(
                "Tờ khai đăng ký nhận cha, mẹ, con",
                1,
                0,
                form="to-khai-dang-ky-nhan-cha-me-con",
                form_name="Tờ khai đăng ký nhận cha, mẹ, con",
            ),
            doc(
                "Văn bản của cơ quan y tế, giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha, mẹ, con; "
                "nếu không có thì thư từ, ảnh, vật dụng chứng minh và văn bản cam đoan có hai người làm chứng",
                1,
                0,
            ),
            IDENTITY,
        ],
        "results": [result("Trích lục đăng ký nhận cha, mẹ, con")],
        "legal": [LUAT_HO_TICH, ND_123_2015, TT_04_2020_BTP],
        "requirements": "Các bên còn sống, việc nhận là tự nguyện và không có tranh chấp.",
        "online_level": PARTIAL,
        "keywords": "nhận cha con, nhận mẹ con, nhận con, xác nhận cha con",
        "forms": ["to-khai-dang-ky-nhan-cha-me-con"],
    },
    {
        "code": "2.000815",
        "title": "Chứng thực bản sao từ bản chính",
        "official_name": "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của "
        "Việt Nam cấp hoặc chứng nhận",
        "field": "chung-thuc",
        "levels": ["commune", "other"],
        "agency": "ubnd-cap-xa",
        "delegated_text": "Tổ chức hành nghề công chứng",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Bộ phận Một cửa của Ủy ban nhân dân xã, phường bất kỳ, hoặc tổ chức hành nghề công chứng.",
        "applicants": "Cá nhân, tổ chức có yêu cầu chứng thực bản sao.",
        "steps": (
            "Bước 1: Người yêu cầu xuất trình bản chính và bản sao cần chứng thực (hoặc đề nghị cơ quan chụp).\n"
            "Bước 2: Người thực hiện chứng thực đối chiếu bản sao với bản chính.\n"
            "Bước 3: Ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực."
        ),
        "channels": [
            channel(
                DIRECT,
                "Trong ngày tiếp nhận yêu cầu hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ; số lượng "
                "lớn thì theo thời hạn thỏa thuận.",
                1,
                WORKING_DAYS,
                "2.000 đồng/trang; từ trang thứ ba trở đi 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản.",
                2000,
                DIRECT_COMMUNE,
            ),
        ],
        "components": [
            doc("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", 1, 0),
            doc("Bản sao cần chứng thực (nếu người yêu cầu tự chụp)", 0, 1),
        ],
        "results": [result("Bản sao được chứng thực từ bản chính")],
        "legal": [
            ND_23_2015,
            law(
                "01/2020/TT-BTP",
                "Thông tư quy định chi tiết và hướng dẫn thi hành Nghị định số 23/2015/NĐ-CP",
                "03/03/2020",
                "Bộ Tư pháp",
            ),
        ],
        "requirements": "Bản chính không thuộc các trường hợp không được dùng làm cơ sở chứng thực (bị tẩy xóa, "
        "sửa chữa, hư hỏng, cũ nát không xác định được nội dung...).",
        "online_level": NONE,
        "keywords": "công chứng bản sao, sao y, chứng thực giấy tờ, photo công chứng",
    },
    {
        "code": "2.000884",
        "title": "Chứng thực chữ ký trong giấy tờ, văn bản",
        "official_name": "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm "
        "chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)",
        "field": "chung-thuc",
        "levels": ["commune", "other"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Bộ phận Một cửa của Ủy ban nhân dân xã, phường, hoặc tổ chức hành nghề công chứng.",
        "applicants": "Cá nhân có yêu cầu chứng thực chữ ký.",
        "steps": (
            "Bước 1: Người yêu cầu mang giấy tờ tùy thân và văn bản cần chứng thực chữ ký.\n"
            "Bước 2: Người thực hiện chứng thực kiểm tra; người yêu cầu ký trước mặt người thực hiện chứng thực.\n"
            "Bước 3: Ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực."
        ),
        "channels": [
            channel(
                DIRECT,
                "Trong ngày tiếp nhận yêu cầu hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ.",
                1,
                WORKING_DAYS,
                "10.000 đồng/trường hợp.",
                10000,
                DIRECT_COMMUNE,
            ),
        ],
        "components": [
            doc("Giấy tờ, văn bản cần chứng thực chữ ký", 1, 0),
            IDENTITY,
        ],
        "results": [result("Giấy tờ, văn bản đã được chứng thực chữ ký")],
        "legal": [ND_23_2015],
        "requirements": "Người yêu cầu có năng lực hành vi dân sự và ký trước mặt người thực hiện chứng thực.",
        "online_level": NONE,
        "keywords": "chứng thực chữ ký, xác nhận chữ ký, ký xác nhận",
    },
    {
        "code": "3.000333",
        "title": "Cấp Phiếu lý lịch tư pháp",
        "official_name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
        "field": "ly-lich-tu-phap",
        "levels": ["province"],
        "agency": "cong-an-tinh",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "publishing_decision": "1025/QĐ-BCA",
        "submission_place": DIRECT_PROVINCE + " Hoặc nộp trực tuyến qua ứng dụng VNeID.",
        "applicants": "Công dân Việt Nam; người nước ngoài đã hoặc đang cư trú tại Việt Nam.",
        "steps": (
            "Bước 1: Người yêu cầu nộp tờ khai (trực tuyến trên VNeID hoặc Cổng Dịch vụ công, hoặc trực tiếp).\n"
            "Bước 2: Cơ quan Công an tra cứu thông tin lý lịch tư pháp, xác minh khi cần.\n"
            "Bước 3: Cấp Phiếu lý lịch tư pháp (bản điện tử trên VNeID hoặc bản giấy)."
        ),
        "channels": [
            channel(
                ONLINE,
                "Không quá 10 ngày kể từ ngày nhận đủ yêu cầu hợp lệ.",
                10,
                DAYS,
                "Lệ phí: 200.000 đồng/lần/người; sinh viên, người có công với cách mạng: 100.000 đồng/lần/người.",
                200000,
                "Nộp trên ứng dụng VNeID hoặc Cổng Dịch vụ công quốc gia.",
            ),
            channel(
                DIRECT,
                "Không quá 10 ngày kể từ ngày nhận đủ yêu cầu hợp lệ.",
                10,
                DAYS,
                "Lệ phí: 200.000 đồng/lần/người.",
                200000,
                DIRECT_PROVINCE,
            ),
        ],
        "components": [
            doc(
                "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
                1,
                0,
                form="to-khai-yeu-cau-cap-phieu-ly-lich-tu-phap",
                form_name="Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
            ),
            doc("Văn bản ủy quyền (nếu ủy quyền yêu cầu cấp Phiếu số 1)", 1, 0),
            IDENTITY,
        ],
        "results": [result("Phiếu lý lịch tư pháp số 1 hoặc số 2")],
        "legal": [
            law("28/2009/QH12", "Luật Lý lịch tư pháp", "17/06/2009", "Quốc hội"),
            law(
                "244/2016/TT-BTC",
                "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp",
                "11/11/2016",
                "Bộ Tài chính",
            ),
        ],
        "requirements": "Phiếu lý lịch tư pháp số 2 chỉ cấp cho chính người được cấp Phiếu (không ủy quyền).",
        "online_level": FULL,
        "keywords": "lý lịch tư pháp, lý lịch tư pháp số 1, xác nhận không tiền án, phiếu lltp, xin việc",
        "forms": ["to-khai-yeu-cau-cap-phieu-ly-lich-tu-phap"],
    },
]
