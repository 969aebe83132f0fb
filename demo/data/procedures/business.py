"""Household businesses, enterprises, investment, trade promotion and publishing."""

from ..common import (
    DAYS,
    DIRECT,
    DIRECT_PROVINCE,
    FULL,
    LUAT_DOANH_NGHIEP,
    ND_168_2025,
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

HKD_PLACE = "Phòng Kinh tế (hoặc Phòng Kinh tế, Hạ tầng và Đô thị) thuộc Ủy ban nhân dân xã, phường nơi đặt trụ sở hộ kinh doanh."
HKD_DIRECT = "Nộp trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi đặt trụ sở hộ kinh doanh."
BUSINESS_REGISTRATION_ONLINE = (
    "Nộp trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp (dangkykinhdoanh.gov.vn)."
)
OWNER_ID = doc(
    "Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh (không cần nộp nếu đã xác thực qua tài khoản "
    "định danh điện tử)",
    0,
    1,
)

PROCEDURES = [
    {
        "code": "1.001612",
        "title": "Đăng ký thành lập hộ kinh doanh",
        "official_name": "Đăng ký thành lập hộ kinh doanh",
        "field": "ho-kinh-doanh",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": HKD_PLACE,
        "applicants": "Cá nhân, thành viên hộ gia đình là công dân Việt Nam có năng lực hành vi dân sự đầy đủ.",
        "steps": (
            "Bước 1: Chủ hộ kinh doanh hoặc người được ủy quyền nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến.\n"
            "Bước 2: Cơ quan đăng ký kinh doanh cấp xã trao Giấy biên nhận, kiểm tra tính hợp lệ của hồ sơ.\n"
            "Bước 3: Nếu hồ sơ hợp lệ, cấp Giấy chứng nhận đăng ký hộ kinh doanh; nếu chưa hợp lệ, thông báo bằng "
            "văn bản nội dung cần sửa đổi, bổ sung.\n"
            "Bước 4: Thông tin hộ kinh doanh được chuyển sang cơ quan thuế để cấp mã số thuế."
        ),
        "channels": [
            channel(
                DIRECT,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 100.000 đồng/lần (theo Nghị quyết của Hội đồng nhân dân tỉnh).",
                100000,
                HKD_DIRECT,
            ),
            channel(
                ONLINE,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Miễn lệ phí khi đăng ký qua mạng điện tử.",
                0,
                ONLINE_PORTAL,
            ),
            channel(
                POSTAL,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 100.000 đồng/lần.",
                100000,
                POSTAL_SERVICE,
            ),
        ],
        "components": [
            doc(
                "Giấy đề nghị đăng ký hộ kinh doanh",
                1,
                0,
                form="giay-de-nghi-dang-ky-ho-kinh-doanh",
                form_name="Giấy đề nghị đăng ký hộ kinh doanh",
            ),
            OWNER_ID,
            doc(
                "Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu các thành viên cùng đăng ký)",
                0,
                1,
            ),
            doc("Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ (nếu có)", 0, 1),
        ],
        "results": [result("Giấy chứng nhận đăng ký hộ kinh doanh")],
        "legal": [LUAT_DOANH_NGHIEP, ND_168_2025],
        "requirements": "Tên hộ kinh doanh không trùng với tên hộ kinh doanh đã đăng ký trong phạm vi cấp xã; ngành "
        "nghề không bị cấm kinh doanh.",
        "online_level": FULL,
        "keywords": "hộ kinh doanh, đăng ký kinh doanh, mở cửa hàng, giấy phép kinh doanh hộ cá thể, buôn bán nhỏ, mở quán",
        "forms": ["giay-de-nghi-dang-ky-ho-kinh-doanh"],
    },
    {
        "code": "1.001570",
        "title": "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh",
        "official_name": "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh",
        "field": "ho-kinh-doanh",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": HKD_PLACE,
        "applicants": "Hộ kinh doanh đã được cấp Giấy chứng nhận đăng ký hộ kinh doanh.",
        "steps": (
            "Bước 1: Hộ kinh doanh gửi thông báo chậm nhất 03 ngày làm việc trước ngày tạm ngừng hoặc tiếp tục "
            "kinh doanh.\n"
            "Bước 2: Cơ quan đăng ký kinh doanh cấp xã trao Giấy biên nhận và kiểm tra hồ sơ.\n"
            "Bước 3: Cấp Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh hoặc tiếp tục kinh doanh."
        ),
        "channels": [
            channel(
                DIRECT,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Miễn phí.",
                0,
                HKD_DIRECT,
            ),
            channel(
                ONLINE,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Miễn phí.",
                0,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            doc(
                "Thông báo về việc tạm ngừng kinh doanh / tiếp tục kinh doanh trước thời hạn",
                1,
                0,
                form="thong-bao-tam-ngung-ho-kinh-doanh",
                form_name="Thông báo tạm ngừng / tiếp tục kinh doanh",
            ),
        ],
        "results": [result("Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng / tiếp tục kinh doanh")],
        "legal": [ND_168_2025],
        "requirements": "Không.",
        "online_level": FULL,
        "keywords": "tạm ngừng kinh doanh, nghỉ kinh doanh, đóng cửa tạm thời, hộ kinh doanh tạm nghỉ",
        "forms": ["thong-bao-tam-ngung-ho-kinh-doanh"],
    },
    {
        "code": "2.000575",
        "title": "Cấp lại, cấp đổi Giấy chứng nhận đăng ký hộ kinh doanh",
        "official_name": "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, cấp đổi sang Giấy chứng nhận đăng ký hộ kinh doanh",
        "field": "ho-kinh-doanh",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": HKD_PLACE,
        "applicants": "Hộ kinh doanh bị mất, hư hỏng Giấy chứng nhận hoặc có nhu cầu đổi sang mẫu Giấy chứng nhận mới.",
        "steps": (
            "Bước 1: Hộ kinh doanh nộp giấy đề nghị cấp lại hoặc cấp đổi.\n"
            "Bước 2: Cơ quan đăng ký kinh doanh cấp xã kiểm tra thông tin trong Hệ thống thông tin quốc gia.\n"
            "Bước 3: Cấp lại hoặc cấp đổi Giấy chứng nhận đăng ký hộ kinh doanh."
        ),
        "channels": [
            channel(
                DIRECT,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 100.000 đồng/lần.",
                100000,
                HKD_DIRECT,
            ),
            channel(
                ONLINE,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Miễn lệ phí khi nộp qua mạng điện tử.",
                0,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            doc(
                "Giấy đề nghị cấp lại / cấp đổi Giấy chứng nhận đăng ký hộ kinh doanh",
                1,
                0,
                form="giay-de-nghi-dang-ky-ho-kinh-doanh",
                form_name="Giấy đề nghị đăng ký hộ kinh doanh",
            ),
            doc("Giấy chứng nhận đăng ký hộ kinh doanh cũ (trường hợp cấp đổi hoặc bị hư hỏng)", 1, 0),
        ],
        "results": [result("Giấy chứng nhận đăng ký hộ kinh doanh")],
        "legal": [ND_168_2025],
        "requirements": "Không.",
        "online_level": FULL,
        "keywords": "mất giấy phép kinh doanh, cấp lại giấy chứng nhận hộ kinh doanh, đổi giấy phép kinh doanh",
        "forms": ["giay-de-nghi-dang-ky-ho-kinh-doanh"],
    },
    {
        "code": "2.001610",
        "title": "Đăng ký thành lập doanh nghiệp tư nhân",
        "official_name": "Đăng ký thành lập doanh nghiệp tư nhân",
        "field": "doanh-nghiep",
        "levels": ["ministry", "province"],
        "agency": "so-tai-chinh",
        "competent_text": "Phòng Đăng ký kinh doanh – Sở Tài chính tỉnh Tây Ninh",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Phòng Đăng ký kinh doanh – Sở Tài chính (qua Trung tâm Phục vụ hành chính công tỉnh), "
        "hoặc nộp trực tuyến.",
        "applicants": "Cá nhân là chủ doanh nghiệp tư nhân.",
        "steps": (
            "Bước 1: Người thành lập doanh nghiệp nộp hồ sơ (khuyến khích nộp trực tuyến).\n"
            "Bước 2: Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ, trao Giấy biên nhận.\n"
            "Bước 3: Cấp Giấy chứng nhận đăng ký doanh nghiệp (đồng thời là mã số thuế) hoặc thông báo yêu cầu "
            "sửa đổi, bổ sung.\n"
            "Bước 4: Doanh nghiệp công bố nội dung đăng ký trên Cổng thông tin quốc gia về đăng ký doanh nghiệp."
        ),
        "channels": [
            channel(
                ONLINE,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Miễn lệ phí đăng ký; phí công bố nội dung đăng ký: 100.000 đồng.",
                100000,
                BUSINESS_REGISTRATION_ONLINE,
            ),
            channel(
                DIRECT,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 50.000 đồng/lần; phí công bố nội dung đăng ký: 100.000 đồng.",
                50000,
                DIRECT_PROVINCE,
            ),
            channel(
                POSTAL,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 50.000 đồng/lần; phí công bố: 100.000 đồng.",
                50000,
                POSTAL_SERVICE,
            ),
        ],
        "components": [
            doc(
                "Giấy đề nghị đăng ký doanh nghiệp",
                1,
                0,
                form="giay-de-nghi-dang-ky-doanh-nghiep",
                form_name="Giấy đề nghị đăng ký doanh nghiệp",
            ),
            doc("Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân", 0, 1),
        ],
        "results": [result("Giấy chứng nhận đăng ký doanh nghiệp")],
        "legal": [
            LUAT_DOANH_NGHIEP,
            ND_168_2025,
            law(
                "47/2019/TT-BTC",
                "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp",
                "05/08/2019",
                "Bộ Tài chính",
            ),
        ],
        "requirements": "Ngành, nghề đăng ký không bị cấm đầu tư kinh doanh; tên doanh nghiệp đặt đúng quy định; "
        "mỗi cá nhân chỉ được quyền thành lập một doanh nghiệp tư nhân.",
        "online_level": FULL,
        "keywords": "thành lập doanh nghiệp, doanh nghiệp tư nhân, mở công ty, đăng ký kinh doanh doanh nghiệp",
        "forms": ["giay-de-nghi-dang-ky-doanh-nghiep"],
    },
    {
        "code": "2.001583",
        "title": "Đăng ký thành lập công ty TNHH một thành viên",
        "official_name": "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
        "field": "doanh-nghiep",
        "levels": ["ministry", "province"],
        "agency": "so-tai-chinh",
        "competent_text": "Phòng Đăng ký kinh doanh – Sở Tài chính tỉnh Tây Ninh",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Phòng Đăng ký kinh doanh – Sở Tài chính, hoặc nộp trực tuyến.",
        "applicants": "Tổ chức, cá nhân là chủ sở hữu công ty.",
        "steps": (
            "Bước 1: Người thành lập doanh nghiệp nộp hồ sơ.\n"
            "Bước 2: Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ, trao Giấy biên nhận.\n"
            "Bước 3: Cấp Giấy chứng nhận đăng ký doanh nghiệp hoặc thông báo sửa đổi, bổ sung hồ sơ."
        ),
        "channels": [
            channel(
                ONLINE,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Miễn lệ phí đăng ký; phí công bố: 100.000 đồng.",
                100000,
                BUSINESS_REGISTRATION_ONLINE,
            ),
            channel(
                DIRECT,
                "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                3,
                WORKING_DAYS,
                "Lệ phí: 50.000 đồng/lần; phí công bố: 100.000 đồng.",
                50000,
                DIRECT_PROVINCE,
            ),
        ],
        "components": [
            doc(
                "Giấy đề nghị đăng ký doanh nghiệp",
                1,
                0,
                form="giay-de-nghi-dang-ky-doanh-nghiep",
                form_name="Giấy đề nghị đăng ký doanh nghiệp",
            ),
            doc("Điều lệ công ty", 1, 0),
            doc("Bản sao giấy tờ pháp lý của người đại diện theo pháp luật và của chủ sở hữu công ty", 0, 1),
            doc("Văn bản cử người đại diện theo ủy quyền (chủ sở hữu là tổ chức)", 0, 1),
        ],
        "results": [result("Giấy chứng nhận đăng ký doanh nghiệp")],
        "legal": [LUAT_DOANH_NGHIEP, ND_168_2025],
        "requirements": "Ngành, nghề không bị cấm; tên công ty đúng quy định; hồ sơ hợp lệ; nộp đủ lệ phí.",
        "online_level": FULL,
        "keywords": "thành lập công ty, công ty tnhh một thành viên, mở công ty, đăng ký công ty",
        "forms": ["giay-de-nghi-dang-ky-doanh-nghiep"],
    },
    {
        "code": "1.009664",
        "title": "Cấp Giấy chứng nhận đăng ký đầu tư",
        "official_name": "Thủ tục cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ "
        "trương đầu tư",
        "field": "dau-tu-tai-viet-nam",
        "levels": ["province"],
        "agency": "so-tai-chinh",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Sở Tài chính (qua Trung tâm Phục vụ hành chính công tỉnh); dự án trong khu công nghiệp, "
        "khu kinh tế nộp tại Ban Quản lý Khu kinh tế.",
        "applicants": "Nhà đầu tư trong nước, nhà đầu tư nước ngoài, tổ chức kinh tế có vốn đầu tư nước ngoài.",
        "steps": (
            "Bước 1: Nhà đầu tư kê khai trực tuyến trên Hệ thống thông tin quốc gia về đầu tư, sau đó nộp hồ sơ.\n"
            "Bước 2: Cơ quan đăng ký đầu tư kiểm tra hồ sơ và điều kiện cấp.\n"
            "Bước 3: Cấp Giấy chứng nhận đăng ký đầu tư hoặc thông báo từ chối bằng văn bản, nêu rõ lý do."
        ),
        "channels": [
            channel(
                DIRECT,
                "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                15,
                DAYS,
                "Không thu phí, lệ phí.",
                0,
                DIRECT_PROVINCE,
            ),
            channel(
                ONLINE,
                "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                15,
                DAYS,
                "Không thu phí, lệ phí.",
                0,
                "Kê khai trên Hệ thống thông tin quốc gia về đầu tư.",
            ),
        ],
        "components": [
            doc("Văn bản đề nghị thực hiện dự án đầu tư", 1, 0),
            doc("Tài liệu về tư cách pháp lý của nhà đầu tư", 0, 1),
            doc("Tài liệu chứng minh năng lực tài chính của nhà đầu tư", 1, 0),
            doc("Đề xuất dự án đầu tư", 1, 0),
            doc("Bản sao giấy tờ về quyền sử dụng địa điểm thực hiện dự án", 0, 1),
        ],
        "results": [result("Giấy chứng nhận đăng ký đầu tư")],
        "legal": [
            law("61/2020/QH14", "Luật Đầu tư", "17/06/2020", "Quốc hội"),
            law(
                "31/2021/NĐ-CP",
                "Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư",
                "26/03/2021",
                "Chính phủ",
            ),
        ],
        "requirements": "Dự án không thuộc ngành, nghề cấm đầu tư kinh doanh; có địa điểm thực hiện; phù hợp quy hoạch.",
        "online_level": PARTIAL,
        "keywords": "đăng ký đầu tư, dự án đầu tư, giấy chứng nhận đầu tư, nhà đầu tư nước ngoài",
    },
    {
        "code": "2.000004",
        "title": "Đăng ký hoạt động khuyến mại mang tính may rủi trên địa bàn một tỉnh",
        "official_name": "Đăng ký hoạt động khuyến mại đối với chương trình khuyến mại mang tính may rủi thực hiện trên "
        "địa bàn 01 tỉnh, thành phố trực thuộc Trung ương",
        "field": "xuc-tien-thuong-mai",
        "levels": ["province"],
        "agency": "so-cong-thuong",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": DIRECT_PROVINCE + " Hoặc nộp trực tuyến.",
        "applicants": "Thương nhân thực hiện chương trình khuyến mại mang tính may rủi (quay số, bốc thăm, cào trúng thưởng...).",
        "steps": (
            "Bước 1: Thương nhân nộp hồ sơ đăng ký chương trình khuyến mại.\n"
            "Bước 2: Sở Công Thương xem xét, xác nhận hoặc không xác nhận việc đăng ký.\n"
            "Bước 3: Thương nhân nhận văn bản xác nhận và thực hiện chương trình đúng nội dung đã đăng ký."
        ),
        "channels": [
            channel(
                ONLINE,
                "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                5,
                WORKING_DAYS,
                "Không thu phí.",
                0,
                ONLINE_PORTAL,
            ),
            channel(
                DIRECT,
                "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                5,
                WORKING_DAYS,
                "Không thu phí.",
                0,
                DIRECT_PROVINCE,
            ),
            channel(
                POSTAL,
                "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                5,
                WORKING_DAYS,
                "Không thu phí.",
                0,
                POSTAL_SERVICE,
            ),
        ],
        "components": [
            doc("Đơn đề nghị đăng ký thực hiện chương trình khuyến mại", 1, 0),
            doc("Thể lệ chương trình khuyến mại", 1, 0),
            doc("Mẫu vé số dự thưởng hoặc hình ảnh hàng hóa khuyến mại (nếu có)", 1, 0),
        ],
        "results": [result("Văn bản xác nhận đăng ký thực hiện chương trình khuyến mại")],
        "legal": [
            law("36/2005/QH11", "Luật Thương mại", "14/06/2005", "Quốc hội"),
            law(
                "81/2018/NĐ-CP",
                "Nghị định quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại",
                "22/05/2018",
                "Chính phủ",
            ),
        ],
        "requirements": "Tổng giá trị giải thưởng không vượt quá 50% tổng giá trị hàng hóa, dịch vụ được khuyến mại.",
        "online_level": FULL,
        "keywords": "khuyến mại, khuyến mãi, bốc thăm trúng thưởng, quay số, chương trình khuyến mại",
    },
    {
        "code": "1.003868",
        "title": "Cấp giấy phép xuất bản tài liệu không kinh doanh",
        "official_name": "Cấp giấy phép xuất bản tài liệu không kinh doanh (cấp địa phương)",
        "field": "xuat-ban-in-phat-hanh",
        "levels": ["province"],
        "agency": "so-van-hoa-the-thao-va-du-lich",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": DIRECT_PROVINCE + " Hoặc nộp trực tuyến.",
        "applicants": "Cơ quan, tổ chức, đơn vị trên địa bàn tỉnh có tài liệu xuất bản không nhằm mục đích kinh doanh.",
        "steps": (
            "Bước 1: Cơ quan, tổ chức nộp hồ sơ kèm bản thảo tài liệu.\n"
            "Bước 2: Sở Văn hóa, Thể thao và Du lịch thẩm định nội dung bản thảo.\n"
            "Bước 3: Cấp giấy phép xuất bản hoặc trả lời bằng văn bản, nêu rõ lý do nếu không cấp."
        ),
        "channels": [
            channel(
                ONLINE,
                "10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                10,
                DAYS,
                "Không thu phí.",
                0,
                ONLINE_PORTAL,
            ),
            channel(
                DIRECT,
                "10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                10,
                DAYS,
                "Không thu phí.",
                0,
                DIRECT_PROVINCE,
            ),
        ],
        "components": [
            doc("Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh", 1, 0),
            doc("Bản thảo tài liệu (hai bản, có đóng dấu hoặc chữ ký của người đứng đầu)", 2, 0),
        ],
        "results": [result("Giấy phép xuất bản tài liệu không kinh doanh")],
        "legal": [
            law("19/2012/QH13", "Luật Xuất bản", "20/11/2012", "Quốc hội"),
            law(
                "195/2013/NĐ-CP",
                "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xuất bản",
                "21/11/2013",
                "Chính phủ",
            ),
        ],
        "requirements": "Nội dung tài liệu không vi phạm quy định tại Điều 9 Luật Xuất bản.",
        "online_level": FULL,
        "keywords": "xuất bản tài liệu, giấy phép xuất bản, in tài liệu, kỷ yếu, bản tin nội bộ",
    },
]
