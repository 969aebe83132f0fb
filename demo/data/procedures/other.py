"""Complaints and denunciations, pharmacy practice, copies of diplomas."""

from ..common import (
    DAYS,
    DIRECT,
    DIRECT_PROVINCE,
    NONE,
    ONLINE,
    ONLINE_PORTAL,
    PARTIAL,
    POSTAL,
    POSTAL_SERVICE,
    channel,
    doc,
    law,
    result,
)

CITIZEN_RECEPTION = "Trụ sở Tiếp công dân tỉnh Tây Ninh hoặc Thanh tra tỉnh; gửi đơn qua bưu chính."

PROCEDURES = [
    {
        "code": "2.001928",
        "title": "Giải quyết khiếu nại lần đầu tại cấp tỉnh",
        "official_name": "Thủ tục giải quyết khiếu nại lần đầu tại cấp tỉnh",
        "field": "giai-quyet-khieu-nai",
        "levels": ["province"],
        "agency": "thanh-tra-tinh",
        "competent_text": "Chủ tịch Ủy ban nhân dân tỉnh; Giám đốc sở và cấp tương đương",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": CITIZEN_RECEPTION,
        "applicants": "Công dân, cơ quan, tổ chức có quyền, lợi ích hợp pháp bị xâm phạm bởi quyết định hành chính, "
        "hành vi hành chính của cơ quan, người có thẩm quyền cấp tỉnh.",
        "steps": (
            "Bước 1: Người khiếu nại gửi đơn hoặc khiếu nại trực tiếp trong thời hiệu 90 ngày kể từ ngày nhận được "
            "hoặc biết được quyết định, hành vi hành chính.\n"
            "Bước 2: Trong 10 ngày kể từ ngày nhận đơn, người có thẩm quyền thụ lý và thông báo bằng văn bản.\n"
            "Bước 3: Xác minh nội dung khiếu nại, tổ chức đối thoại với người khiếu nại.\n"
            "Bước 4: Ban hành quyết định giải quyết khiếu nại lần đầu và gửi cho người khiếu nại."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày.",
                30,
                DAYS,
                "Không thu phí.",
                0,
                CITIZEN_RECEPTION,
            ),
            channel(
                POSTAL,
                "Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày.",
                30,
                DAYS,
                "Không thu phí.",
                0,
                POSTAL_SERVICE,
            ),
            channel(
                ONLINE,
                "Không quá 30 ngày kể từ ngày thụ lý.",
                30,
                DAYS,
                "Không thu phí.",
                0,
                "Gửi đơn trên Cổng Dịch vụ công; người khiếu nại vẫn có thể được mời đối thoại trực tiếp.",
            ),
        ],
        "components": [
            doc(
                "Đơn khiếu nại hoặc bản ghi lời khiếu nại",
                1,
                0,
                form="don-khieu-nai",
                form_name="Đơn khiếu nại",
            ),
            doc("Tài liệu, chứng cứ liên quan (nếu có)", 0, 1),
            doc("Giấy ủy quyền khiếu nại (nếu khiếu nại thông qua người đại diện)", 1, 0),
        ],
        "results": [result("Quyết định giải quyết khiếu nại lần đầu")],
        "legal": [
            law("02/2011/QH13", "Luật Khiếu nại", "11/11/2011", "Quốc hội"),
            law(
                "124/2020/NĐ-CP",
                "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại",
                "19/10/2020",
                "Chính phủ",
            ),
        ],
        "requirements": "Khiếu nại trong thời hiệu; việc khiếu nại chưa được tòa án thụ lý giải quyết.",
        "online_level": PARTIAL,
        "keywords": "khiếu nại, đơn khiếu nại, khiếu kiện, quyết định hành chính sai",
        "forms": ["don-khieu-nai"],
    },
    {
        "code": "2.002394",
        "title": "Giải quyết tố cáo tại cấp tỉnh",
        "official_name": "Thủ tục giải quyết tố cáo tại cấp tỉnh",
        "field": "giai-quyet-to-cao",
        "levels": ["province"],
        "agency": "thanh-tra-tinh",
        "competent_text": "Chủ tịch Ủy ban nhân dân tỉnh; Giám đốc sở và cấp tương đương",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": CITIZEN_RECEPTION,
        "applicants": "Cá nhân tố cáo hành vi vi phạm pháp luật của cán bộ, công chức, viên chức hoặc cơ quan, tổ chức.",
        "steps": (
            "Bước 1: Người tố cáo gửi đơn hoặc tố cáo trực tiếp, ghi rõ họ tên, địa chỉ và nội dung tố cáo.\n"
            "Bước 2: Trong 07 ngày làm việc, cơ quan tiếp nhận xem xét, quyết định thụ lý và thông báo cho người tố cáo.\n"
            "Bước 3: Xác minh nội dung tố cáo; giữ bí mật thông tin người tố cáo.\n"
            "Bước 4: Ban hành kết luận nội dung tố cáo và xử lý theo thẩm quyền."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp có thể gia hạn một lần, không quá 30 ngày.",
                30,
                DAYS,
                "Không thu phí.",
                0,
                CITIZEN_RECEPTION,
            ),
            channel(
                POSTAL, "Không quá 30 ngày kể từ ngày thụ lý.", 30, DAYS, "Không thu phí.", 0, POSTAL_SERVICE
            ),
        ],
        "components": [
            doc(
                "Đơn tố cáo hoặc văn bản ghi nội dung tố cáo trực tiếp",
                1,
                0,
                form="don-to-cao",
                form_name="Đơn tố cáo",
            ),
            doc("Thông tin, tài liệu, chứng cứ kèm theo (nếu có)", 0, 1),
        ],
        "results": [result("Kết luận nội dung tố cáo")],
        "legal": [
            law("25/2018/QH14", "Luật Tố cáo", "12/06/2018", "Quốc hội"),
            law(
                "31/2019/NĐ-CP",
                "Nghị định quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo",
                "10/04/2019",
                "Chính phủ",
            ),
        ],
        "requirements": "Tố cáo có nội dung, căn cứ rõ ràng; người tố cáo nêu rõ họ tên, địa chỉ.",
        "online_level": NONE,
        "keywords": "tố cáo, tố giác, đơn tố cáo, phản ánh sai phạm cán bộ",
        "forms": ["don-to-cao"],
    },
    {
        "code": "1.004616",
        "title": "Cấp Chứng chỉ hành nghề dược",
        "official_name": "Cấp Chứng chỉ hành nghề dược (bao gồm cả trường hợp cấp Chứng chỉ hành nghề dược bị thu hồi)",
        "field": "duoc-pham",
        "levels": ["province"],
        "agency": "so-y-te",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": DIRECT_PROVINCE + " Hoặc nộp trực tuyến, qua bưu chính.",
        "applicants": "Cá nhân có văn bằng chuyên môn về dược, đủ thời gian thực hành và sức khỏe để hành nghề.",
        "steps": (
            "Bước 1: Cá nhân nộp hồ sơ đề nghị cấp Chứng chỉ hành nghề dược.\n"
            "Bước 2: Sở Y tế kiểm tra, thông báo bổ sung nếu hồ sơ chưa đầy đủ.\n"
            "Bước 3: Hội đồng tư vấn cấp Chứng chỉ hành nghề dược xem xét; Giám đốc Sở Y tế cấp Chứng chỉ."
        ),
        "channels": [
            channel(
                DIRECT,
                "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                20,
                DAYS,
                "Phí thẩm định: 500.000 đồng/hồ sơ.",
                500000,
                DIRECT_PROVINCE,
            ),
            channel(
                ONLINE,
                "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                20,
                DAYS,
                "Phí thẩm định: 500.000 đồng/hồ sơ.",
                500000,
                ONLINE_PORTAL,
            ),
            channel(
                POSTAL,
                "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                20,
                DAYS,
                "Phí thẩm định: 500.000 đồng/hồ sơ.",
                500000,
                POSTAL_SERVICE,
            ),
        ],
        "components": [
            doc("Đơn đề nghị cấp Chứng chỉ hành nghề dược", 1, 0),
            doc("Ảnh chân dung cỡ 4x6 cm chụp trong thời gian không quá 06 tháng", 2, 0),
            doc("Bản sao có chứng thực văn bằng chuyên môn", 0, 1),
            doc("Giấy chứng nhận đủ sức khỏe để hành nghề dược", 1, 0),
            doc("Giấy xác nhận thời gian thực hành chuyên môn", 1, 0),
        ],
        "results": [result("Chứng chỉ hành nghề dược")],
        "legal": [
            law("105/2016/QH13", "Luật Dược", "06/04/2016", "Quốc hội"),
            law(
                "54/2017/NĐ-CP",
                "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Dược",
                "08/05/2017",
                "Chính phủ",
            ),
        ],
        "requirements": "Có văn bằng phù hợp; có thời gian thực hành theo quy định; không đang bị truy cứu trách "
        "nhiệm hình sự hoặc cấm hành nghề.",
        "online_level": PARTIAL,
        "keywords": "chứng chỉ hành nghề dược, mở nhà thuốc, dược sĩ, hành nghề dược",
    },
    {
        "code": "1.005092",
        "title": "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
        "official_name": "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
        "field": "van-bang-chung-chi",
        "levels": ["province"],
        "agency": "so-giao-duc-va-dao-tao",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": DIRECT_PROVINCE,
        "applicants": "",
        "steps": (
            "Bước 1: Người yêu cầu nộp đơn đề nghị cấp bản sao văn bằng, chứng chỉ.\n"
            "Bước 2: Cơ quan đang quản lý sổ gốc kiểm tra, đối chiếu sổ gốc.\n"
            "Bước 3: Cấp bản sao văn bằng, chứng chỉ từ sổ gốc."
        ),
        "channels": [
            channel(
                DIRECT, "", None, "", "Phí theo quy định của Hội đồng nhân dân tỉnh.", None, DIRECT_PROVINCE
            ),
        ],
        "components": [
            doc("Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc", 1, 0),
        ],
        "results": [result("Bản sao văn bằng, chứng chỉ từ sổ gốc")],
        "legal": [
            law(
                "21/2019/TT-BGDĐT",
                "Thông tư ban hành Quy chế quản lý bằng tốt nghiệp trung học cơ sở, bằng tốt nghiệp trung học phổ thông, văn bằng giáo dục đại học và chứng chỉ của hệ thống giáo dục quốc dân",
                "29/11/2019",
                "Bộ Giáo dục và Đào tạo",
            ),
        ],
        "online_level": PARTIAL,
        "keywords": "bản sao bằng tốt nghiệp, sao bằng cấp, mất bằng tốt nghiệp, bản sao văn bằng",
        "incomplete": "provincial record published without time limit and applicants: shown in the report",
    },
]
