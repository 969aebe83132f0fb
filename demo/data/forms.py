"""Downloadable forms (mẫu đơn, tờ khai) of the demo catalog, rendered to PDF by demo/pdfforms.py.

Each form: slug (file name and key), title, reference (the official template it follows), recipient,
fields (labels followed by a dotted line), declaration, and optional notes. The PDFs say that they
are demonstration copies; the official templates are those attached to the legal texts cited.
"""

PERSON = [
    "Họ, chữ đệm, tên người yêu cầu",
    "Ngày, tháng, năm sinh",
    "Số định danh cá nhân",
    "Nơi cư trú",
    "Số điện thoại / thư điện tử",
]

FORMS = [
    {
        "slug": "to-khai-dang-ky-khai-sinh",
        "title": "Tờ khai đăng ký khai sinh",
        "reference": "Theo mẫu ban hành kèm Thông tư số 04/2020/TT-BTP (đã sửa đổi, bổ sung)",
        "recipient": "Ủy ban nhân dân xã, phường",
        "fields": PERSON
        + [
            "Quan hệ với người được khai sinh",
            "Họ, chữ đệm, tên người được khai sinh",
            "Giới tính / Dân tộc / Quốc tịch",
            "Ngày, tháng, năm sinh (ghi bằng số và bằng chữ)",
            "Nơi sinh",
            "Quê quán",
            "Họ, chữ đệm, tên người mẹ; năm sinh; số định danh cá nhân",
            "Họ, chữ đệm, tên người cha; năm sinh; số định danh cá nhân",
        ],
        "declaration": "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự "
        "thỏa thuận nhất trí của các bên liên quan và chịu trách nhiệm trước pháp luật về cam đoan của mình.",
        "notes": ["Đề nghị cấp bản sao Trích lục khai sinh: có / không; số lượng: ..... bản."],
    },
    {
        "slug": "to-khai-dang-ky-khai-tu",
        "title": "Tờ khai đăng ký khai tử",
        "reference": "Theo mẫu ban hành kèm Thông tư số 04/2020/TT-BTP (đã sửa đổi, bổ sung)",
        "recipient": "Ủy ban nhân dân xã, phường",
        "fields": PERSON
        + [
            "Quan hệ với người đã chết",
            "Họ, chữ đệm, tên người đã chết; ngày, tháng, năm sinh",
            "Số định danh cá nhân của người đã chết",
            "Nơi cư trú cuối cùng",
            "Đã chết vào lúc ..... giờ ..... phút, ngày ..... tháng ..... năm .....",
            "Nơi chết",
            "Nguyên nhân chết",
            "Số Giấy báo tử / giấy tờ thay thế; cơ quan cấp",
        ],
        "declaration": "Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật "
        "về cam đoan của mình.",
    },
    {
        "slug": "to-khai-dang-ky-ket-hon",
        "title": "Tờ khai đăng ký kết hôn",
        "reference": "Theo mẫu ban hành kèm Thông tư số 04/2020/TT-BTP (đã sửa đổi, bổ sung)",
        "recipient": "Ủy ban nhân dân xã, phường",
        "fields": [
            "Bên nữ – Họ, chữ đệm, tên; ngày, tháng, năm sinh",
            "Bên nữ – Dân tộc; quốc tịch; số định danh cá nhân",
            "Bên nữ – Nơi cư trú",
            "Bên nữ – Kết hôn lần thứ mấy",
            "Bên nam – Họ, chữ đệm, tên; ngày, tháng, năm sinh",
            "Bên nam – Dân tộc; quốc tịch; số định danh cá nhân",
            "Bên nam – Nơi cư trú",
            "Bên nam – Kết hôn lần thứ mấy",
        ],
        "declaration": "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi "
        "là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình, và chịu trách nhiệm trước pháp "
        "luật về cam đoan của mình.",
        "signatures": ["Bên nữ", "Bên nam"],
    },
    {
        "slug": "to-khai-xac-nhan-tinh-trang-hon-nhan",
        "title": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
        "reference": "Theo mẫu ban hành kèm Thông tư số 04/2020/TT-BTP (đã sửa đổi, bổ sung)",
        "recipient": "Ủy ban nhân dân xã, phường",
        "fields": PERSON
        + [
            "Họ, chữ đệm, tên người được xác nhận (nếu khác người yêu cầu)",
            "Thời gian cư trú tại nơi đề nghị xác nhận: từ ngày ..... đến ngày .....",
            "Tình trạng hôn nhân hiện nay",
            "Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân",
        ],
        "declaration": "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước "
        "pháp luật về cam đoan của mình.",
    },
    {
        "slug": "to-khai-cap-ban-sao-trich-luc-ho-tich",
        "title": "Tờ khai đề nghị cấp bản sao trích lục hộ tịch",
        "reference": "Theo mẫu ban hành kèm Thông tư số 04/2020/TT-BTP (đã sửa đổi, bổ sung)",
        "recipient": "Cơ quan quản lý Cơ sở dữ liệu hộ tịch",
        "fields": PERSON
        + [
            "Họ, chữ đệm, tên người được cấp bản sao trích lục",
            "Loại việc hộ tịch (khai sinh, kết hôn, khai tử, ...)",
            "Số, ngày đăng ký; cơ quan đã đăng ký",
            "Số lượng bản sao đề nghị cấp",
        ],
        "declaration": "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước "
        "pháp luật về cam đoan của mình.",
    },
    {
        "slug": "to-khai-dang-ky-nhan-cha-me-con",
        "title": "Tờ khai đăng ký nhận cha, mẹ, con",
        "reference": "Theo mẫu ban hành kèm Thông tư số 04/2020/TT-BTP (đã sửa đổi, bổ sung)",
        "recipient": "Ủy ban nhân dân xã, phường",
        "fields": [
            "Người nhận – Họ, chữ đệm, tên; ngày, tháng, năm sinh",
            "Người nhận – Số định danh cá nhân; nơi cư trú",
            "Người được nhận – Họ, chữ đệm, tên; ngày, tháng, năm sinh",
            "Người được nhận – Số định danh cá nhân; nơi cư trú",
            "Quan hệ (cha – con / mẹ – con)",
            "Họ, chữ đệm, tên và ý kiến của người mẹ / người cha còn lại (nếu có)",
        ],
        "declaration": "Chúng tôi cam đoan việc nhận cha, mẹ, con là đúng sự thật, tự nguyện, không có tranh "
        "chấp và chịu trách nhiệm trước pháp luật về cam đoan của mình.",
        "signatures": ["Người nhận", "Người được nhận"],
    },
    {
        "slug": "to-khai-yeu-cau-cap-phieu-ly-lich-tu-phap",
        "title": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
        "reference": "Theo mẫu Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp dùng cho cá nhân",
        "recipient": "Công an tỉnh Tây Ninh",
        "fields": PERSON
        + [
            "Giới tính / Quốc tịch / Dân tộc",
            "Họ, tên cha; họ, tên mẹ; họ, tên vợ hoặc chồng",
            "Quá trình cư trú (từ năm 14 tuổi): từ ..... đến ....., nơi cư trú",
            "Tình trạng án tích (theo lời khai)",
            "Loại Phiếu yêu cầu cấp: Phiếu số 1 / Phiếu số 2; số lượng: ..... bản",
            "Mục đích sử dụng Phiếu",
        ],
        "declaration": "Tôi xin cam đoan những lời khai trên là đúng sự thật và chịu trách nhiệm về lời khai "
        "của mình.",
    },
    {
        "slug": "to-khai-thay-doi-thong-tin-cu-tru",
        "title": "Tờ khai thay đổi thông tin cư trú (CT01)",
        "reference": "Theo mẫu CT01 của Bộ Công an",
        "recipient": "Công an xã, phường",
        "fields": PERSON
        + [
            "Họ, chữ đệm, tên chủ hộ; quan hệ với chủ hộ",
            "Nội dung đề nghị (đăng ký thường trú / tạm trú / gia hạn tạm trú / ...)",
            "Địa chỉ đăng ký cư trú mới",
            "Những thành viên trong hộ gia đình cùng thay đổi",
            "Ý kiến của chủ hộ / chủ sở hữu chỗ ở hợp pháp",
        ],
        "declaration": "Tôi cam đoan những thông tin kê khai trên là đúng sự thật.",
    },
    {
        "slug": "giay-de-nghi-dang-ky-ho-kinh-doanh",
        "title": "Giấy đề nghị đăng ký hộ kinh doanh",
        "reference": "Theo mẫu ban hành kèm Thông tư hướng dẫn đăng ký doanh nghiệp, hộ kinh doanh",
        "recipient": "Phòng Kinh tế (Ủy ban nhân dân xã, phường nơi đặt địa điểm kinh doanh)",
        "fields": [
            "Tên hộ kinh doanh (viết bằng chữ in hoa)",
            "Địa chỉ trụ sở hộ kinh doanh",
            "Điện thoại / thư điện tử",
            "Ngành, nghề kinh doanh",
            "Vốn kinh doanh (bằng số và bằng chữ)",
            "Số lượng lao động dự kiến",
            "Chủ hộ kinh doanh: họ, tên; ngày sinh; số định danh cá nhân",
            "Thông tin đăng ký thuế (nếu có)",
        ],
        "declaration": "Tôi cam kết bản thân không thuộc diện bị cấm thành lập hộ kinh doanh, chịu trách "
        "nhiệm về tính hợp pháp, chính xác và trung thực của nội dung đăng ký trên.",
    },
    {
        "slug": "thong-bao-tam-ngung-ho-kinh-doanh",
        "title": "Thông báo về việc tạm ngừng kinh doanh / tiếp tục kinh doanh trước thời hạn",
        "reference": "Theo mẫu ban hành kèm Thông tư hướng dẫn đăng ký doanh nghiệp, hộ kinh doanh",
        "recipient": "Phòng Kinh tế (Ủy ban nhân dân xã, phường)",
        "fields": [
            "Tên hộ kinh doanh; mã số hộ kinh doanh",
            "Địa chỉ trụ sở",
            "Thời gian tạm ngừng: từ ngày ..... đến ngày .....",
            "Hoặc: tiếp tục kinh doanh trước thời hạn kể từ ngày .....",
            "Lý do",
        ],
        "declaration": "Chủ hộ kinh doanh cam kết chịu trách nhiệm về tính chính xác của nội dung thông báo.",
    },
    {
        "slug": "giay-de-nghi-dang-ky-doanh-nghiep",
        "title": "Giấy đề nghị đăng ký doanh nghiệp",
        "reference": "Theo mẫu ban hành kèm Thông tư hướng dẫn đăng ký doanh nghiệp",
        "recipient": "Phòng Đăng ký kinh doanh – Sở Tài chính tỉnh Tây Ninh",
        "fields": [
            "Loại hình doanh nghiệp",
            "Tên doanh nghiệp (tiếng Việt, tiếng nước ngoài, viết tắt)",
            "Địa chỉ trụ sở chính",
            "Ngành, nghề kinh doanh (mã ngành cấp 4)",
            "Vốn điều lệ / vốn đầu tư",
            "Người đại diện theo pháp luật / chủ doanh nghiệp",
            "Thông tin đăng ký thuế",
            "Đăng ký sử dụng hóa đơn; phương pháp tính thuế",
        ],
        "declaration": "Tôi cam kết chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác và trung "
        "thực của nội dung Giấy đề nghị đăng ký doanh nghiệp này.",
    },
    {
        "slug": "don-de-nghi-cap-giay-phep-xay-dung",
        "title": "Đơn đề nghị cấp giấy phép xây dựng",
        "reference": "Theo Mẫu số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP",
        "recipient": "Ủy ban nhân dân xã, phường / Sở Xây dựng tỉnh Tây Ninh",
        "fields": [
            "Tên chủ đầu tư (chủ hộ); người đại diện; chức vụ",
            "Địa chỉ liên hệ; số điện thoại",
            "Địa điểm xây dựng: lô đất số ....., diện tích ..... m²",
            "Tại: số nhà ....., đường ....., xã / phường .....",
            "Loại công trình; cấp công trình",
            "Diện tích xây dựng tầng 1; tổng diện tích sàn; chiều cao; số tầng",
            "Đơn vị hoặc người thiết kế; mã số chứng chỉ hành nghề",
            "Dự kiến thời gian hoàn thành công trình",
        ],
        "declaration": "Tôi xin cam đoan làm theo đúng giấy phép được cấp, nếu sai tôi xin chịu trách nhiệm "
        "và bị xử lý theo quy định của pháp luật.",
    },
    {
        "slug": "don-de-nghi-dieu-chinh-gia-han-giay-phep-xay-dung",
        "title": "Đơn đề nghị điều chỉnh / gia hạn giấy phép xây dựng",
        "reference": "Theo Mẫu số 02 Phụ lục II Nghị định số 175/2024/NĐ-CP",
        "recipient": "Ủy ban nhân dân xã, phường",
        "fields": [
            "Tên chủ đầu tư; địa chỉ liên hệ; số điện thoại",
            "Giấy phép xây dựng số ..... ngày ..... do ..... cấp",
            "Nội dung đề nghị điều chỉnh (nếu có)",
            "Lý do đề nghị gia hạn (nếu có); thời gian đề nghị gia hạn",
        ],
        "declaration": "Tôi xin cam đoan làm theo đúng giấy phép được cấp, nếu sai tôi xin chịu trách nhiệm "
        "và bị xử lý theo quy định của pháp luật.",
    },
    {
        "slug": "don-dang-ky-dat-dai-tai-san",
        "title": "Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)",
        "reference": "Theo mẫu ban hành kèm Nghị định số 101/2024/NĐ-CP",
        "recipient": "Văn phòng Đăng ký đất đai / Ủy ban nhân dân xã, phường",
        "fields": [
            "Người sử dụng đất, chủ sở hữu tài sản: họ, tên; năm sinh; số định danh cá nhân",
            "Địa chỉ thường trú",
            "Thửa đất số .....; tờ bản đồ số .....; diện tích ..... m²",
            "Địa chỉ thửa đất",
            "Mục đích sử dụng; thời hạn sử dụng; nguồn gốc sử dụng",
            "Tài sản gắn liền với đất (nhà ở, công trình xây dựng, ...)",
            "Nội dung đề nghị: đăng ký / cấp Giấy chứng nhận / đăng ký biến động",
            "Những giấy tờ nộp kèm theo",
        ],
        "declaration": "Tôi xin cam đoan nội dung kê khai trên đơn là đúng sự thật, nếu sai tôi hoàn toàn "
        "chịu trách nhiệm trước pháp luật.",
    },
    {
        "slug": "don-khieu-nai",
        "title": "Đơn khiếu nại",
        "reference": "Theo mẫu ban hành kèm Nghị định số 124/2020/NĐ-CP",
        "recipient": "Người có thẩm quyền giải quyết khiếu nại",
        "fields": PERSON
        + [
            "Khiếu nại quyết định / hành vi hành chính của: .....",
            "Nội dung khiếu nại",
            "Yêu cầu của người khiếu nại",
            "Tài liệu, chứng cứ kèm theo",
        ],
        "declaration": "Tôi cam đoan nội dung khiếu nại là đúng sự thật và chịu trách nhiệm trước pháp luật.",
    },
    {
        "slug": "don-to-cao",
        "title": "Đơn tố cáo",
        "reference": "Theo mẫu ban hành kèm Nghị định số 31/2019/NĐ-CP",
        "recipient": "Người có thẩm quyền giải quyết tố cáo",
        "fields": PERSON
        + [
            "Họ, tên, chức vụ, địa chỉ của người bị tố cáo (nếu biết)",
            "Hành vi vi phạm pháp luật bị tố cáo",
            "Tài liệu, chứng cứ kèm theo",
        ],
        "declaration": "Tôi cam kết việc tố cáo là trung thực và chịu trách nhiệm trước pháp luật về nội dung "
        "tố cáo của mình. Thông tin về người tố cáo được giữ bí mật theo quy định.",
    },
    {
        "slug": "don-de-nghi-doi-cap-lai-giay-phep-lai-xe",
        "title": "Đơn đề nghị đổi, cấp lại giấy phép lái xe",
        "reference": "Theo mẫu của Bộ Công an về cấp, đổi giấy phép lái xe",
        "recipient": "Phòng Cảnh sát giao thông – Công an tỉnh Tây Ninh",
        "fields": PERSON
        + [
            "Giấy phép lái xe số .....; hạng .....; do ..... cấp ngày .....",
            "Nội dung đề nghị: đổi / cấp lại (lý do: hết hạn, hỏng, mất, ...)",
            "Giấy khám sức khỏe của người lái xe số ..... ngày .....",
        ],
        "declaration": "Tôi xin cam đoan những điều ghi trên đây là đúng sự thật, nếu sai tôi xin hoàn toàn "
        "chịu trách nhiệm.",
    },
    {
        "slug": "to-khai-tham-gia-bao-hiem-y-te",
        "title": "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế (TK1-TS)",
        "reference": "Theo mẫu TK1-TS của Bảo hiểm xã hội Việt Nam",
        "recipient": "Bảo hiểm xã hội tỉnh Tây Ninh",
        "fields": PERSON
        + [
            "Họ, tên trẻ em; ngày sinh; giới tính; số định danh cá nhân (nếu có)",
            "Họ, tên cha hoặc mẹ hoặc người giám hộ",
            "Nơi đăng ký khám bệnh, chữa bệnh ban đầu",
            "Địa chỉ nhận thẻ bảo hiểm y tế",
        ],
        "declaration": "Tôi cam đoan những nội dung kê khai là đúng và chịu trách nhiệm trước pháp luật về "
        "những nội dung đã kê khai.",
    },
]
