"""Default texts of the status-change e-mails (loaded by a data migration into
NotificationTemplate, where administrators edit them; used as fallback when a row is missing).

Plain Vietnamese, Django template syntax; variables listed on NotificationTemplate.body."""

from .constants import Action

_FOOTER = (
    "\n\nXem hồ sơ và quá trình xử lý: {{ dossier_url }}\n\n"
    "Thư này được gửi tự động từ {{ site_name }}; vui lòng không trả lời thư này.\n"
)

DEFAULTS: dict[str, tuple[str, str]] = {
    Action.ACCEPT: (
        "Hồ sơ {{ dossier.code }} đã được tiếp nhận",
        "Kính gửi {{ dossier.applicant_name }},\n\nHồ sơ {{ dossier.code }} ({{ dossier.procedure_name }}) "
        "đã được tiếp nhận.{% if due_date %} Ngày hẹn trả kết quả: {{ due_date }}.{% endif %}",
    ),
    Action.REFUSE: (
        "Hồ sơ {{ dossier.code }} không được tiếp nhận",
        "Kính gửi {{ dossier.applicant_name }},\n\nHồ sơ {{ dossier.code }} ({{ dossier.procedure_name }}) "
        "không được tiếp nhận.\n\nLý do: {{ reason }}",
    ),
    Action.START: (
        "Hồ sơ {{ dossier.code }} đang được xử lý",
        "Kính gửi {{ dossier.applicant_name }},\n\nHồ sơ {{ dossier.code }} đã được chuyển đến bộ phận "
        "giải quyết và đang được xử lý.{% if due_date %} Ngày hẹn trả kết quả: {{ due_date }}.{% endif %}",
    ),
    Action.REQUEST_SUPPLEMENT: (
        "Hồ sơ {{ dossier.code }} cần bổ sung giấy tờ",
        "Kính gửi {{ dossier.applicant_name }},\n\nĐể tiếp tục giải quyết hồ sơ {{ dossier.code }}, "
        "đề nghị Ông/Bà bổ sung:\n{{ reason }}\n\nÔng/Bà nộp bổ sung ngay trên trang hồ sơ của mình. "
        "Thời gian chờ bổ sung không tính vào thời hạn giải quyết.",
    ),
    Action.SUPPLY: (
        "Đã nhận giấy tờ bổ sung cho hồ sơ {{ dossier.code }}",
        "Kính gửi {{ dossier.applicant_name }},\n\nCơ quan đã nhận giấy tờ bổ sung của hồ sơ "
        "{{ dossier.code }}.{% if due_date %} Ngày hẹn trả kết quả: {{ due_date }}.{% endif %}",
    ),
    Action.REQUEST_PAYMENT: (
        "Hồ sơ {{ dossier.code }}: yêu cầu thực hiện nghĩa vụ tài chính",
        "Kính gửi {{ dossier.applicant_name }},\n\nHồ sơ {{ dossier.code }} cần thực hiện nghĩa vụ tài chính"
        "{% if change.data.amount %}: {{ change.data.amount }} đồng{% endif %}.\n{{ reason }}",
    ),
    Action.CONFIRM_PAYMENT: (
        "Hồ sơ {{ dossier.code }}: đã xác nhận nghĩa vụ tài chính",
        "Kính gửi {{ dossier.applicant_name }},\n\nCơ quan đã xác nhận Ông/Bà hoàn thành nghĩa vụ tài chính "
        "của hồ sơ {{ dossier.code }}; hồ sơ tiếp tục được xử lý.",
    ),
    Action.REQUEST_WITHDRAWAL: (
        "Đã nhận yêu cầu rút hồ sơ {{ dossier.code }}",
        "Kính gửi {{ dossier.applicant_name }},\n\nCơ quan đã nhận yêu cầu rút hồ sơ {{ dossier.code }} của "
        "Ông/Bà và sẽ dừng xử lý hồ sơ.",
    ),
    Action.STOP: (
        "Hồ sơ {{ dossier.code }} đã dừng xử lý",
        "Kính gửi {{ dossier.applicant_name }},\n\nHồ sơ {{ dossier.code }} đã dừng xử lý.\n\nLý do: {{ reason }}",
    ),
    Action.FINISH: (
        "Hồ sơ {{ dossier.code }} đã có kết quả",
        "Kính gửi {{ dossier.applicant_name }},\n\nHồ sơ {{ dossier.code }} ({{ dossier.procedure_name }}) "
        "đã được giải quyết xong. Cơ quan sẽ trả kết quả cho Ông/Bà.",
    ),
    Action.RETURN: (
        "Đã trả kết quả hồ sơ {{ dossier.code }}",
        "Kính gửi {{ dossier.applicant_name }},\n\nKết quả giải quyết hồ sơ {{ dossier.code }} đã được trả. "
        "Ông/Bà xem và tải kết quả trên trang hồ sơ.",
    ),
    Action.TRANSFER: (
        "Hồ sơ {{ dossier.code }} được chuyển liên thông",
        "Kính gửi {{ dossier.applicant_name }},\n\nHồ sơ {{ dossier.code }} được chuyển đến "
        "{{ change.data.to_agency_name }} để giải quyết theo quy định.\n{{ reason }}",
    ),
    Action.APOLOGIZE: (
        "Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{ dossier.code }}",
        "Kính gửi {{ dossier.applicant_name }},\n\n{{ reason }}\n\nNgày hẹn trả kết quả mới: {{ due_date }}. "
        "Chúng tôi chân thành xin lỗi Ông/Bà.",
    ),
}
DEFAULTS = {action: (subject, body + _FOOTER) for action, (subject, body) in DEFAULTS.items()}
