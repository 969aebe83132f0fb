"""Vietnamese folding (core.text): tone marks, đ/Đ, case, NFC and NFD input."""

import unicodedata

import pytest

from core.text import fold, fold_word, strip_diacritics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đăng ký kết hôn", "dang ky ket hon"),
        ("ĐỒNG THÁP", "dong thap"),
        ("đường", "duong"),
        ("Cấp đổi, cấp lại CCCD!", "cap doi cap lai cccd"),
        ("Ấp Bình Hữu  -  Đức Hòa", "ap binh huu duc hoa"),
        ("ỳ ỷ ỹ ỵ ý", "y y y y y"),
        ("ă â ê ô ơ ư", "a a e o o u"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_drops_tone_marks_maps_d_and_lowers_case(text, expected):
    assert fold(text) == expected


def test_fold_gives_the_same_result_for_nfc_and_nfd_input_and_is_idempotent():
    nfc = unicodedata.normalize("NFC", "Giấy phép lái xe hạng Đ")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    assert fold(nfc) == fold(nfd) == "giay phep lai xe hang d"
    assert fold(fold(nfc)) == fold(nfc)
    assert fold_word("Đổi") == "doi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đăng ký kết hôn?", "Dang ky ket hon?"),
        ("ĐỒNG Tháp", "DONG Thap"),
        ("đ Đ", "d D"),
        (unicodedata.normalize("NFD", "Cấp đổi"), "Cap doi"),
        ("", ""),
        (None, ""),
    ],
)
def test_strip_diacritics_keeps_case_and_punctuation(text, expected):
    assert strip_diacritics(text) == expected
