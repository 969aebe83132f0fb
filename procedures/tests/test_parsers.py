"""Parsers of the importer, on strings as they appear in the national and defence exports."""

from decimal import Decimal

import pytest

from procedures.constants import ChannelKind, ImplementationLevel, LegacyLevel, OnlineLevel, TimeUnit
from procedures.importer.parsers import (
    normalise_code,
    online_level_label,
    parse_channel_kind,
    parse_fee,
    parse_levels,
    parse_online_level,
    parse_quantity,
    parse_time_limit,
)
from procedures.importer.text import ascii_slug, cut_title, fold


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("60 Ngày làm việc", Decimal(60), TimeUnit.WORKING_DAYS),
        ("05 Ngày làm việc", Decimal(5), TimeUnit.WORKING_DAYS),
        ("30 Ngày", Decimal(30), TimeUnit.DAYS),
        ("07 ngày", Decimal(7), TimeUnit.DAYS),
        ("24 Giờ", Decimal(24), TimeUnit.HOURS),
        ("0.5 Giờ", Decimal("0.5"), TimeUnit.HOURS),
        ("1.5 Ngày làm việc", Decimal("1.5"), TimeUnit.WORKING_DAYS),
        ("1,5 ngày làm việc", Decimal("1.5"), TimeUnit.WORKING_DAYS),
        ("8 giờ làm việc", Decimal(8), TimeUnit.WORKING_HOURS),
        ("3 Tháng", Decimal(3), TimeUnit.MONTHS),
        ("2 năm", Decimal(2), TimeUnit.YEARS),
        ("  15   NGÀY LÀM VIỆC  ", Decimal(15), TimeUnit.WORKING_DAYS),
        ("10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", Decimal(10), TimeUnit.WORKING_DAYS),
        ("20 Ngày (đối với hồ sơ phức tạp)", Decimal(20), TimeUnit.DAYS),
    ],
)
def test_time_limits_with_a_unit_are_parsed(text, value, unit):
    result = parse_time_limit(text)
    assert (result.value, result.unit, result.note) == (value, unit, "")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1", "không có đơn vị"),  # 258 national records carry a bare number
        ("20", "không có đơn vị"),
        ("15-20 Ngày", "khoảng"),
        ("Không quy định", "không phân tích được"),
        ("Chậm nhất là ngay trước khi tàu rời cảng.", "không phân tích được"),
        ("60 Ngày làm việcMiễn phí", "thêm nội dung"),  # glued cells are not guessed apart
        ("120 VNĐ(20.000 vnđ /tờ khai)", "không phân tích được"),
    ],
)
def test_time_limits_that_cannot_be_parsed_stay_text_with_a_note(text, reason):
    result = parse_time_limit(text)
    assert result.value is None and result.unit == ""
    assert reason in result.note


def test_empty_time_limit_is_neither_value_nor_note():
    assert parse_time_limit("") == parse_time_limit("   ") == parse_time_limit(None)
    assert parse_time_limit("").note == ""


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Miễn phí", 0),
        ("Miễn phí(Không có)", 0),
        ("Miễn phí(Theo quy định của Luật phí và lệ phí.)", 0),
        ("Không", 0),
        ("không.", 0),
        ("Phí : 0 Đồng", 0),
        ("Phí : Không Đồng", 0),
        ("Phí : không Đồng", 0),
        ("Lệ phí : 50.000 Đồng", 50_000),
        ("Phí : 300000 Đồng", 300_000),
        ("50,000 Việt Nam Đồng(50.000đ/giấy thông hành)", 50_000),
        ("1,200,000 Việt Nam Đồng(1.200.000 đồng/thẻ ABTC.)", 1_200_000),
        ("25 VNĐ", 25),
        ("200.000 VNĐ(đồng/lần)", 200_000),
        ("2 triệu đồng", 2_000_000),
        ("70,000 Việt Nam Đồng(- Cấp lại thẻ căn cước ...)", 70_000),
        ("Phí : 500000 Đồng (A)\nPhí : 500000 Đồng (B)", 500_000),
        ("Phí : 100000 Đồng\nFile đính kèm: 64-btc.pdf", 100_000),
    ],
)
def test_fees_in_dong_are_parsed(text, amount):
    result = parse_fee(text)
    assert result.amount == amount


def test_free_with_an_amount_in_the_note_is_zero_but_flagged():
    result = parse_fee("Miễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.)")
    assert result.amount == 0
    assert "cần kiểm tra" in result.note


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("10 USD(10 USD/lần)", "USD"),
        ("Lệ phí : 1.5 USD", ""),
        ("Phí : o Đồng", "không phân tích được"),  # a typo for 0, not guessed
        ("Phí :  Đồng", "không ghi mức phí"),
        ("Phí : 2.000.000 Đồng (cấp mới)\nPhí : 1.000.000 Đồng (cấp lại)", "nhiều mức phí"),
        ("Phí : Mức thu bằng 50% mức thu phí quy định tại Thông tư 249/2016/TT-BTC Đồng", "không phân tích"),
        ("Không có thông tin", "không phân tích"),
        ("Theo quy định của Bộ Tài chính", "không phân tích"),
    ],
)
def test_fees_that_cannot_be_parsed_stay_text_with_a_note(text, reason):
    result = parse_fee(text)
    assert result.amount is None
    assert result.note and reason in result.note


def test_empty_fee_is_unknown_without_a_note():
    assert parse_fee("").amount is None and parse_fee("").note == ""


@pytest.mark.parametrize(
    ("text", "originals", "copies"),
    [
        ("1 bản chính", 1, None),
        ("1 bản chính,1 bản sao", 1, 1),
        ("01 bản sao", None, 1),
        ("0 bản chính,3 bản sao", 0, 3),
        ("Bản chính: 1, Bản sao: 0", 1, 0),
        ("Bản chính: 2, Bản sao: 12", 2, 12),
        ("2 bản chính; 1 bản sao", 2, 1),
    ],
)
def test_quantities(text, originals, copies):
    result = parse_quantity(text)
    assert (result.originals, result.copies, result.note) == (originals, copies, "")


@pytest.mark.parametrize(
    "text",
    [
        "20241 bản chính",  # "... ngày 25/6/" + "2024" glued to "1 bản chính"
        "181 bản chính,1 bản sao",  # "theo Mẫu số" + "18"
        "031 bản chính",
        "một bản chính",
        "1 bản chính, 2 bản chính",
    ],
)
def test_suspicious_or_unreadable_quantities_are_not_guessed(text):
    result = parse_quantity(text)
    assert result.originals is None and result.copies is None
    assert result.note


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Trực tiếp", ChannelKind.DIRECT),
        ("Trực tuyến", ChannelKind.ONLINE),
        ("Dịch vụ bưu chính", ChannelKind.POSTAL),
        ("Qua dịch vụ bưu chính công ích", ChannelKind.POSTAL),
        ("TRỰC TIẾP", ChannelKind.DIRECT),
    ],
)
def test_channel_kinds(label, kind):
    assert parse_channel_kind(label) == (kind, "")


def test_unknown_channel_kind_is_other_with_a_note():
    kind, note = parse_channel_kind("Fax")
    assert kind == ChannelKind.OTHER and "Fax" in note


def test_levels_are_case_and_accent_insensitive():
    codes, notes = parse_levels(["Cấp bộ", "Cấp Bộ", "Cấp Tỉnh", "Cấp xã", "cap huyen", "Cơ quan khác"])
    assert codes == [
        ImplementationLevel.MINISTRY,
        ImplementationLevel.PROVINCE,
        ImplementationLevel.COMMUNE,
        ImplementationLevel.DISTRICT,
        ImplementationLevel.OTHER,
    ]
    assert notes == []


def test_levels_from_a_separated_string_and_unknown_labels():
    codes, notes = parse_levels("Cấp tỉnh; Cấp huyện; Cấp thôn")
    assert codes == [ImplementationLevel.PROVINCE, ImplementationLevel.DISTRICT]
    assert notes and "Cấp thôn" in notes[0]


@pytest.mark.parametrize(
    ("label", "level", "legacy"),
    [
        ("Toàn trình", OnlineLevel.FULL, LegacyLevel.NONE),
        ("Một phần", OnlineLevel.PARTIAL, LegacyLevel.NONE),
        ("Mức độ 4", OnlineLevel.FULL, LegacyLevel.LEVEL_4),
        ("Mức độ 3", OnlineLevel.PARTIAL, LegacyLevel.LEVEL_3),
        ("Mức độ 2", OnlineLevel.NONE, LegacyLevel.LEVEL_2),
        ("Mức độ 1", OnlineLevel.NONE, LegacyLevel.LEVEL_1),
        ("Còn lại", OnlineLevel.NONE, LegacyLevel.OTHER),
        ("toàn trình", OnlineLevel.FULL, LegacyLevel.NONE),
    ],
)
def test_online_levels_and_their_labels_round_trip(label, level, legacy):
    parsed = parse_online_level(label)
    assert (parsed.level, parsed.legacy, parsed.note) == (level, legacy, "")
    assert parse_online_level(online_level_label(level, legacy)) == parsed


def test_missing_online_level_means_not_stated():
    assert parse_online_level(None).level is None
    assert parse_online_level("").level is None
    assert online_level_label(OnlineLevel.NONE, LegacyLevel.NONE) is None
    unknown = parse_online_level("Mức độ 5")
    assert unknown.level is None and "Mức độ 5" in unknown.note


@pytest.mark.parametrize(
    ("raw", "code", "changed"),
    [
        ("1.000178", "1.000178", False),
        ("1.010061 .000.00.00.H37", "1.010061.000.00.00.H37", True),
        ("2.002516.000.00.00.H37.", "2.002516.000.00.00.H37", True),
        (" 1.000045.000.00.00.H37 ", "1.000045.000.00.00.H37", False),
        ("2000027.000.00.00.H37", "2000027.000.00.00.H37", False),  # a missing dot is not repaired
    ],
)
def test_codes(raw, code, changed):
    result, note = normalise_code(raw)
    assert result == code
    assert bool(note) == changed


def test_title_cut_on_a_word_boundary():
    name = "Thủ tục " + "đăng ký hoạt động " * 30
    title = cut_title(name)
    assert len(title) <= 255
    assert title.endswith("…")
    assert name.startswith(title[:-1].rstrip())
    assert not title[:-1].endswith(" ")
    assert cut_title("Đăng ký khai sinh") == "Đăng ký khai sinh"


def test_folding_and_slugs():
    assert fold("Cấp Bộ  ĐỒNG") == "cap bo dong"
    assert ascii_slug("1.000178") == "1-000178"
    assert ascii_slug("Khiếu nại, tố cáo") == "khieu-nai-to-cao"
    assert ascii_slug("QCLV_01") == "qclv-01"
