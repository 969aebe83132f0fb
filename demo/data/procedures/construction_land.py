"""Construction permits and certificates (xây dựng); land registration (đất đai)."""

from ..common import (
    DAYS,
    DIRECT,
    DIRECT_PROVINCE,
    FULL,
    LUAT_DAT_DAI,
    LUAT_XAY_DUNG,
    LUAT_XAY_DUNG_SUA_DOI,
    ND_101_2024,
    ND_175_2024,
    NONE,
    ONLINE,
    ONLINE_PORTAL,
    PARTIAL,
    TT_85_2019_BTC,
    WORKING_DAYS,
    channel,
    doc,
    law,
    result,
)

COMMUNE_ONE_STOP = "Nộp trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi có công trình."
LAND_DIRECT = (
    "Nộp trực tiếp tại Bộ phận Một cửa của Ủy ban nhân dân xã, phường hoặc Chi nhánh Văn phòng Đăng ký đất đai "
    "(tiếp nhận không phụ thuộc địa giới hành chính trong tỉnh)."
)
ND_151_2025 = law(
    "151/2025/NĐ-CP",
    "Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong "
    "lĩnh vực đất đai",
    "12/06/2025",
    "Chính phủ",
)
# The paper certificate itself is handed over at the office: an editor marked it "in person".
LAND_CERTIFICATE = doc("Giấy chứng nhận quyền sử dụng đất đã cấp (bản gốc)", 1, 0, online_mode="in_person")
PERMIT_APPLICATION = doc(
    "Đơn đề nghị cấp giấy phép xây dựng",
    1,
    0,
    form="don-de-nghi-cap-giay-phep-xay-dung",
    form_name="Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)",
)
ADJUST_APPLICATION = doc(
    "Đơn đề nghị điều chỉnh / gia hạn giấy phép xây dựng",
    1,
    0,
    form="don-de-nghi-dieu-chinh-gia-han-giay-phep-xay-dung",
    form_name="Đơn đề nghị điều chỉnh / gia hạn giấy phép xây dựng (Mẫu số 02)",
)
LAND_APPLICATION = doc(
    "Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)",
    1,
    0,
    form="don-dang-ky-dat-dai-tai-san",
    form_name="Mẫu số 04/ĐK",
)

PROCEDURES = [
    {
        "code": "1.013225",
        "title": "Cấp giấy phép xây dựng mới (công trình cấp III, cấp IV và nhà ở riêng lẻ)",
        "official_name": "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (công trình không theo tuyến/"
        "theo tuyến trong đô thị/tín ngưỡng/tôn giáo/quảng cáo/di dời) và nhà ở riêng lẻ",
        "field": "hoat-dong-xay-dung",
        "levels": ["commune", "other"],
        "agency": "ubnd-cap-xa",
        "coordinating_text": "Sở Xây dựng tỉnh Tây Ninh (hướng dẫn chuyên môn)",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi xây dựng công trình, hoặc nộp trực tuyến.",
        "applicants": "Chủ đầu tư (hộ gia đình, cá nhân, tổ chức) xây dựng công trình cấp III, cấp IV hoặc nhà ở riêng lẻ.",
        "steps": (
            "Bước 1: Chủ đầu tư nộp hồ sơ đề nghị cấp giấy phép xây dựng.\n"
            "Bước 2: Cơ quan cấp phép tiếp nhận, kiểm tra; thông báo một lần bằng văn bản nếu cần bổ sung.\n"
            "Bước 3: Thẩm định hồ sơ, kiểm tra thực địa khi cần; lấy ý kiến cơ quan liên quan (nếu có).\n"
            "Bước 4: Cấp giấy phép xây dựng kèm bản vẽ thiết kế có đóng dấu; trường hợp không đủ điều kiện thì trả "
            "lời bằng văn bản, nêu rõ lý do."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; nhà ở riêng lẻ không quá 15 ngày.",
                20,
                DAYS,
                "Lệ phí: 75.000 đồng/giấy phép đối với nhà ở riêng lẻ; 150.000 đồng/giấy phép đối với công trình khác.",
                75000,
                COMMUNE_ONE_STOP,
            ),
            channel(
                ONLINE,
                "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; nhà ở riêng lẻ không quá 15 ngày.",
                20,
                DAYS,
                "Lệ phí: 75.000 đồng/giấy phép đối với nhà ở riêng lẻ; 150.000 đồng/giấy phép đối với công trình khác.",
                75000,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            PERMIT_APPLICATION,
            doc("Bản sao giấy tờ chứng minh quyền sử dụng đất", 0, 1),
            doc(
                "Hai bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng kỹ thuật)",
                2,
                0,
            ),
            doc(
                "Bản kê khai kinh nghiệm của tổ chức, cá nhân thiết kế (nếu tự thiết kế nhà ở riêng lẻ dưới 250 m²)",
                1,
                0,
            ),
        ],
        "results": [result("Giấy phép xây dựng kèm bản vẽ thiết kế được đóng dấu")],
        "legal": [LUAT_XAY_DUNG, LUAT_XAY_DUNG_SUA_DOI, ND_175_2024, TT_85_2019_BTC],
        "requirements": "Phù hợp quy hoạch sử dụng đất, quy hoạch xây dựng; bảo đảm an toàn công trình và công trình lân cận.",
        "online_level": PARTIAL,
        "keywords": "giấy phép xây dựng, xin phép xây nhà, xây nhà, cấp phép xây dựng, xây dựng nhà ở",
        "forms": ["don-de-nghi-cap-giay-phep-xay-dung"],
    },
    {
        "code": "1.013226",
        "title": "Điều chỉnh giấy phép xây dựng (công trình cấp III, cấp IV và nhà ở riêng lẻ)",
        "official_name": "Cấp điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ",
        "field": "hoat-dong-xay-dung",
        "levels": ["commune", "other"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Bộ phận Một cửa của Ủy ban nhân dân xã, phường đã cấp giấy phép.",
        "applicants": "Chủ đầu tư có thay đổi thiết kế so với giấy phép xây dựng đã được cấp.",
        "steps": (
            "Bước 1: Chủ đầu tư nộp hồ sơ đề nghị điều chỉnh.\n"
            "Bước 2: Cơ quan cấp phép kiểm tra, thẩm định nội dung điều chỉnh.\n"
            "Bước 3: Cấp giấy phép xây dựng điều chỉnh hoặc trả lời bằng văn bản."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                20,
                DAYS,
                "Lệ phí: 75.000 đồng/giấy phép (nhà ở riêng lẻ).",
                75000,
                COMMUNE_ONE_STOP,
            ),
            channel(
                ONLINE,
                "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                20,
                DAYS,
                "Lệ phí: 75.000 đồng/giấy phép (nhà ở riêng lẻ).",
                75000,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            ADJUST_APPLICATION,
            doc("Bản chính giấy phép xây dựng đã được cấp", 1, 0),
            doc("Hai bộ bản vẽ thiết kế điều chỉnh", 2, 0),
        ],
        "results": [result("Giấy phép xây dựng điều chỉnh")],
        "legal": [LUAT_XAY_DUNG, LUAT_XAY_DUNG_SUA_DOI, ND_175_2024],
        "requirements": "Nội dung điều chỉnh phù hợp quy hoạch và quy chuẩn xây dựng.",
        "online_level": PARTIAL,
        "keywords": "điều chỉnh giấy phép xây dựng, thay đổi thiết kế, sửa giấy phép xây dựng",
        "forms": ["don-de-nghi-dieu-chinh-gia-han-giay-phep-xay-dung"],
    },
    {
        "code": "1.013227",
        "title": "Gia hạn giấy phép xây dựng (công trình cấp III, cấp IV và nhà ở riêng lẻ)",
        "official_name": "Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ",
        "field": "hoat-dong-xay-dung",
        "levels": ["commune", "other"],
        "agency": "ubnd-cap-xa",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Bộ phận Một cửa của Ủy ban nhân dân xã, phường đã cấp giấy phép, hoặc nộp trực tuyến.",
        "applicants": "Chủ đầu tư chưa khởi công xây dựng khi giấy phép sắp hết hiệu lực (12 tháng kể từ ngày cấp).",
        "steps": (
            "Bước 1: Trước thời điểm giấy phép hết hiệu lực 30 ngày, chủ đầu tư nộp đơn đề nghị gia hạn.\n"
            "Bước 2: Cơ quan cấp phép xem xét, gia hạn giấy phép (mỗi giấy phép được gia hạn tối đa 02 lần, mỗi lần 12 tháng)."
        ),
        "channels": [
            channel(
                ONLINE,
                "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                5,
                WORKING_DAYS,
                "Lệ phí gia hạn: 15.000 đồng/giấy phép.",
                15000,
                ONLINE_PORTAL,
            ),
            channel(
                DIRECT,
                "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
                5,
                WORKING_DAYS,
                "Lệ phí gia hạn: 15.000 đồng/giấy phép.",
                15000,
                COMMUNE_ONE_STOP,
            ),
        ],
        "components": [
            ADJUST_APPLICATION,
            doc("Bản chính giấy phép xây dựng đã được cấp", 1, 0),
        ],
        "results": [result("Giấy phép xây dựng được gia hạn")],
        "legal": [LUAT_XAY_DUNG, ND_175_2024],
        "requirements": "Công trình chưa khởi công; giấy phép còn hiệu lực khi nộp hồ sơ.",
        "online_level": FULL,
        "keywords": "gia hạn giấy phép xây dựng, giấy phép xây dựng hết hạn",
        "forms": ["don-de-nghi-dieu-chinh-gia-han-giay-phep-xay-dung"],
    },
    {
        "code": "1.013237",
        "title": "Cấp mới chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
        "official_name": "Cấp mới chứng chỉ hành nghề hoạt động xây dựng",
        "field": "hoat-dong-xay-dung",
        "levels": ["province", "other"],
        "agency": "so-xay-dung",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": DIRECT_PROVINCE + " Hoặc nộp trực tuyến.",
        "applicants": "Cá nhân hoạt động xây dựng (khảo sát, thiết kế, giám sát, định giá, quản lý dự án) đủ điều kiện hạng II, hạng III.",
        "steps": (
            "Bước 1: Cá nhân nộp hồ sơ đề nghị cấp chứng chỉ.\n"
            "Bước 2: Sở Xây dựng kiểm tra hồ sơ, tổ chức sát hạch (trừ trường hợp được miễn sát hạch).\n"
            "Bước 3: Hội đồng xét cấp chứng chỉ xem xét; Sở Xây dựng cấp chứng chỉ và đăng tải thông tin năng lực."
        ),
        "channels": [
            channel(
                ONLINE,
                "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                20,
                DAYS,
                "Lệ phí: 150.000 đồng/chứng chỉ.",
                150000,
                ONLINE_PORTAL,
            ),
            channel(
                DIRECT,
                "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                20,
                DAYS,
                "Lệ phí: 150.000 đồng/chứng chỉ.",
                150000,
                DIRECT_PROVINCE,
            ),
        ],
        "components": [
            doc("Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng", 1, 0),
            doc("Ảnh màu cỡ 4x6 cm chụp trong thời gian không quá 06 tháng", 1, 0),
            doc("Văn bằng đào tạo chuyên môn phù hợp (bản sao điện tử hoặc bản sao có chứng thực)", 0, 1),
            doc("Bản khai kinh nghiệm hoạt động xây dựng có xác nhận", 1, 0),
        ],
        "results": [result("Chứng chỉ hành nghề hoạt động xây dựng")],
        "legal": [
            LUAT_XAY_DUNG,
            ND_175_2024,
            law(
                "38/2022/TT-BTC",
                "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp chứng chỉ hành nghề, chứng chỉ năng lực hoạt động xây dựng",
                "24/06/2022",
                "Bộ Tài chính",
            ),
        ],
        "requirements": "Có trình độ chuyên môn và kinh nghiệm phù hợp với lĩnh vực, hạng đề nghị cấp; đạt kết quả sát hạch.",
        "online_level": FULL,
        "keywords": "chứng chỉ hành nghề xây dựng, chứng chỉ thiết kế, chứng chỉ giám sát, kỹ sư xây dựng",
    },
    {
        "code": "1.009994",
        "title": "Cấp giấy phép xây dựng nhà ở riêng lẻ (cấp huyện – đã bãi bỏ)",
        "official_name": "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ (thuộc thẩm quyền Ủy ban nhân dân cấp huyện)",
        "field": "hoat-dong-xay-dung",
        "levels": ["district"],
        "agency": "ubnd-cap-huyen",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": "Bộ phận Một cửa của Ủy ban nhân dân huyện, thị xã, thành phố thuộc tỉnh Long An (đến 30/6/2025).",
        "applicants": "Hộ gia đình, cá nhân xây dựng nhà ở riêng lẻ.",
        "steps": "",
        "channels": [
            channel(
                DIRECT,
                "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
                15,
                DAYS,
                "Lệ phí: 75.000 đồng/giấy phép.",
                75000,
                "Nộp trực tiếp tại Ủy ban nhân dân cấp huyện (đến 30/6/2025).",
            ),
        ],
        "components": [PERMIT_APPLICATION, doc("Bản sao giấy tờ chứng minh quyền sử dụng đất", 0, 1)],
        "results": [result("Giấy phép xây dựng")],
        "legal": [LUAT_XAY_DUNG, LUAT_XAY_DUNG_SUA_DOI],
        "description": "Thủ tục của cấp huyện trước cải cách năm 2025. Từ ngày 01/7/2025 không còn cấp huyện; việc "
        "cấp giấy phép xây dựng nhà ở riêng lẻ do Ủy ban nhân dân xã, phường thực hiện theo thủ tục thay thế. "
        "Trang được giữ để tra cứu hồ sơ cũ; bản ghi gốc không có phần trình tự thực hiện.",
        "online_level": NONE,
        "status": "abolished",
        "effective_to": "2025-06-30",
        "successor": "1.013225",
        "keywords": "giấy phép xây dựng cấp huyện, thủ tục cũ",
        "incomplete": "historic record kept as imported: the steps were never published",
    },
    {
        "code": "1.012753",
        "title": "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
        "official_name": "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở "
        "hữu tài sản gắn liền với đất lần đầu cho cá nhân, cộng đồng dân cư, hộ gia đình đang sử dụng đất",
        "field": "dat-dai",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "coordinating_text": "Văn phòng Đăng ký đất đai tỉnh Tây Ninh; cơ quan thuế",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": LAND_DIRECT,
        "applicants": "Cá nhân, hộ gia đình, cộng đồng dân cư đang sử dụng đất chưa được cấp Giấy chứng nhận.",
        "steps": (
            "Bước 1: Người sử dụng đất nộp hồ sơ đăng ký.\n"
            "Bước 2: Ủy ban nhân dân cấp xã kiểm tra hồ sơ, xác nhận hiện trạng, nguồn gốc và thời điểm sử dụng "
            "đất; niêm yết công khai 15 ngày.\n"
            "Bước 3: Văn phòng Đăng ký đất đai đo đạc (nếu cần), cập nhật cơ sở dữ liệu, gửi thông tin sang cơ "
            "quan thuế để xác định nghĩa vụ tài chính.\n"
            "Bước 4: Người sử dụng đất nộp nghĩa vụ tài chính; Chủ tịch Ủy ban nhân dân cấp xã ký cấp Giấy chứng nhận."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian niêm yết và thực hiện nghĩa vụ tài chính).",
                20,
                WORKING_DAYS,
                "Lệ phí cấp Giấy chứng nhận: 100.000 đồng/giấy (theo Nghị quyết của Hội đồng nhân dân tỉnh).",
                100000,
                LAND_DIRECT,
            ),
            channel(
                ONLINE,
                "Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian niêm yết và thực hiện nghĩa vụ tài chính).",
                20,
                WORKING_DAYS,
                "Lệ phí cấp Giấy chứng nhận: 100.000 đồng/giấy.",
                100000,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            LAND_APPLICATION,
            doc("Giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai (nếu có)", 0, 1),
            doc("Giấy tờ về tài sản gắn liền với đất (nếu đề nghị chứng nhận quyền sở hữu tài sản)", 0, 1),
            doc("Mảnh trích đo bản đồ địa chính thửa đất (nếu có)", 1, 0),
        ],
        "results": [result("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất")],
        "legal": [LUAT_DAT_DAI, ND_101_2024, ND_151_2025],
        "requirements": "Đất sử dụng ổn định, không tranh chấp, phù hợp quy hoạch sử dụng đất.",
        "online_level": PARTIAL,
        "keywords": "sổ đỏ, sổ hồng, cấp sổ đỏ lần đầu, giấy chứng nhận quyền sử dụng đất, làm sổ đỏ",
        "forms": ["don-dang-ky-dat-dai-tai-san"],
    },
    {
        "code": "1.013831",
        "title": "Đăng ký biến động đất đai khi chuyển nhượng, thừa kế, tặng cho quyền sử dụng đất",
        "official_name": "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp "
        "chuyển đổi, chuyển nhượng, thừa kế, tặng cho, góp vốn",
        "field": "dat-dai",
        "levels": ["province"],
        "agency": "van-phong-dang-ky-dat-dai",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": LAND_DIRECT,
        "applicants": "Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất; người nhận chuyển nhượng, nhận thừa kế, nhận tặng cho.",
        "steps": (
            "Bước 1: Các bên công chứng hoặc chứng thực hợp đồng, văn bản chuyển quyền; nộp hồ sơ đăng ký biến động.\n"
            "Bước 2: Văn phòng Đăng ký đất đai kiểm tra hồ sơ, gửi thông tin sang cơ quan thuế.\n"
            "Bước 3: Người nộp hồ sơ thực hiện nghĩa vụ tài chính (thuế thu nhập cá nhân, lệ phí trước bạ nếu có).\n"
            "Bước 4: Văn phòng Đăng ký đất đai chỉnh lý Giấy chứng nhận hoặc cấp Giấy chứng nhận mới, cập nhật cơ sở dữ liệu."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian thực hiện nghĩa vụ tài chính).",
                10,
                WORKING_DAYS,
                "Lệ phí: 50.000 đồng/lần chỉnh lý; 100.000 đồng nếu cấp Giấy chứng nhận mới.",
                50000,
                LAND_DIRECT,
            ),
            channel(
                ONLINE,
                "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian thực hiện nghĩa vụ tài chính).",
                10,
                WORKING_DAYS,
                "Lệ phí: 50.000 đồng/lần chỉnh lý.",
                50000,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            LAND_APPLICATION,
            doc(
                "Hợp đồng, văn bản về chuyển nhượng, tặng cho hoặc văn bản thỏa thuận phân chia di sản thừa kế đã công chứng, chứng thực",
                1,
                0,
            ),
            LAND_CERTIFICATE,
            doc("Tờ khai thuế thu nhập cá nhân và tờ khai lệ phí trước bạ", 1, 0),
        ],
        "results": [result("Giấy chứng nhận đã chỉnh lý biến động hoặc Giấy chứng nhận mới")],
        "legal": [LUAT_DAT_DAI, ND_101_2024],
        "requirements": "Có Giấy chứng nhận; đất không có tranh chấp, không bị kê biên; trong thời hạn sử dụng đất.",
        "online_level": PARTIAL,
        "keywords": "sang tên sổ đỏ, chuyển nhượng đất, mua bán đất, thừa kế đất, tặng cho đất, cho con đất",
        "forms": ["don-dang-ky-dat-dai-tai-san"],
    },
    {
        "code": "1.012786",
        "title": "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất",
        "official_name": "Cấp lại Giấy chứng nhận do bị mất",
        "field": "dat-dai",
        "levels": ["province"],
        "agency": "van-phong-dang-ky-dat-dai",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": LAND_DIRECT,
        "applicants": "Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất bị mất Giấy chứng nhận.",
        "steps": (
            "Bước 1: Người bị mất Giấy chứng nhận khai báo với Ủy ban nhân dân cấp xã nơi có đất; Ủy ban nhân dân cấp "
            "xã niêm yết thông báo mất Giấy chứng nhận trong 15 ngày.\n"
            "Bước 2: Sau thời gian niêm yết, người đề nghị nộp hồ sơ cấp lại.\n"
            "Bước 3: Văn phòng Đăng ký đất đai kiểm tra, lập hồ sơ hủy Giấy chứng nhận bị mất và cấp Giấy chứng nhận mới."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian niêm yết).",
                10,
                WORKING_DAYS,
                "Lệ phí: 100.000 đồng/giấy.",
                100000,
                LAND_DIRECT,
            ),
            channel(
                ONLINE,
                "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian niêm yết).",
                10,
                WORKING_DAYS,
                "Lệ phí: 100.000 đồng/giấy.",
                100000,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            LAND_APPLICATION,
            doc(
                "Giấy xác nhận của Ủy ban nhân dân cấp xã về việc đã niêm yết thông báo mất Giấy chứng nhận",
                1,
                0,
            ),
        ],
        "results": [
            result("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp lại)")
        ],
        "legal": [LUAT_DAT_DAI, ND_101_2024],
        "requirements": "Đã niêm yết thông báo mất Giấy chứng nhận đủ thời gian quy định.",
        "online_level": PARTIAL,
        "keywords": "mất sổ đỏ, cấp lại sổ đỏ, làm lại giấy chứng nhận quyền sử dụng đất",
        "forms": ["don-dang-ky-dat-dai-tai-san"],
    },
    {
        "code": "1.013949",
        "title": "Chuyển mục đích sử dụng đất (hộ gia đình, cá nhân)",
        "official_name": "Giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất đối với cá nhân (thẩm quyền của "
        "Ủy ban nhân dân cấp xã)",
        "field": "dat-dai",
        "levels": ["commune"],
        "agency": "ubnd-cap-xa",
        "coordinating_text": "Văn phòng Đăng ký đất đai; cơ quan thuế",
        "procedure_type": "TTHC được luật giao quy định chi tiết",
        "submission_place": LAND_DIRECT,
        "applicants": "Cá nhân, hộ gia đình có nhu cầu chuyển mục đích sử dụng đất (ví dụ từ đất nông nghiệp sang đất ở).",
        "steps": (
            "Bước 1: Người sử dụng đất nộp đơn xin chuyển mục đích sử dụng đất.\n"
            "Bước 2: Cơ quan quản lý đất đai cấp xã thẩm tra hồ sơ, kiểm tra thực địa, đối chiếu kế hoạch sử dụng đất.\n"
            "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã ban hành quyết định cho phép chuyển mục đích sử dụng đất.\n"
            "Bước 4: Người sử dụng đất nộp tiền sử dụng đất; cơ quan đăng ký đất đai chỉnh lý Giấy chứng nhận."
        ),
        "channels": [
            channel(
                DIRECT,
                "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ (không kể thời gian thực hiện nghĩa vụ tài chính).",
                20,
                DAYS,
                "Tiền sử dụng đất theo thông báo của cơ quan thuế; lệ phí chỉnh lý theo quy định của Hội đồng nhân dân tỉnh.",
                None,
                LAND_DIRECT,
            ),
            channel(
                ONLINE,
                "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ (không kể thời gian thực hiện nghĩa vụ tài chính).",
                20,
                DAYS,
                "Tiền sử dụng đất theo thông báo của cơ quan thuế.",
                None,
                ONLINE_PORTAL,
            ),
        ],
        "components": [
            doc("Đơn xin chuyển mục đích sử dụng đất", 1, 0),
            LAND_CERTIFICATE,
        ],
        "results": [
            result("Quyết định cho phép chuyển mục đích sử dụng đất"),
            result("Giấy chứng nhận đã chỉnh lý mục đích sử dụng đất"),
        ],
        "legal": [LUAT_DAT_DAI, ND_151_2025],
        "requirements": "Phù hợp kế hoạch sử dụng đất hằng năm của cấp có thẩm quyền.",
        "online_level": PARTIAL,
        "keywords": "chuyển mục đích sử dụng đất, lên thổ cư, chuyển đất vườn sang đất ở, chuyển đất nông nghiệp",
    },
]
