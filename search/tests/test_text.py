"""The folding rules: one function for indexing and querying, identical whatever the input form."""

import unicodedata

import pytest

from search.text import bigrams, code_term, fold, fold_phrases, iter_words, strip_diacritics, terms


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),  # đ/Đ → d, one mark
        ("đăng ký", "dang ky"),
        ("ĐĂNG KÝ", "dang ky"),  # case
        ("Cấp đổi thẻ căn cước", "cap doi the can cuoc"),  # two marks: ấ, ổ, ướ
        ("ổ ữ ấ ặ ệ ộ ờ ự ỹ", "o u a a e o o u y"),
        ("dang ky", "dang ky"),  # already folded: idempotent
        ("Giấy phép, lái-xe!", "giay phep lai xe"),  # punctuation → spaces
        ("  nhiều   khoảng   trắng ", "nhieu khoang trang"),
        ("ＧＰＬＸ", "gplx"),  # full-width letters
        ("thủy lợi / thuỷ lợi", "thuy loi thuy loi"),  # old and new tone placement agree
        ("", ""),
        (None, ""),
    ],
)
def test_fold(typed, folded):
    assert fold(typed) == folded


def test_nfd_and_nfc_input_fold_the_same():
    text = "Cấp lại Giấy chứng nhận quyền sử dụng đất, đổi giấy phép lái xe"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert fold(nfd) == fold(text) == "cap lai giay chung nhan quyen su dung dat doi giay phep lai xe"
    assert terms(nfd) == terms(text)


def test_fold_is_idempotent():
    text = "Xóa đăng ký thường trú – Cư trú (NĐ 62/2021)"
    assert fold(fold(text)) == fold(text)


def test_phrases_split_at_punctuation_and_bigrams_stay_inside():
    assert fold_phrases("Cấp, cấp lại giấy phép (lần đầu)") == [
        ["cap"],
        ["cap", "lai", "giay", "phep"],
        ["lan", "dau"],
    ]
    unigrams, pairs = terms("Cấp, cấp lại giấy phép")
    assert unigrams == ["cap", "cap", "lai", "giay", "phep"]
    assert pairs == ["cap_lai", "lai_giay", "giay_phep"]  # no "cap_cap" across the comma
    assert bigrams(["lai", "xe"]) == ["lai_xe"]


def test_code_term_keeps_the_code_whole():
    assert code_term(" 1.005461.000.00.00.H36 ") == "#1.005461.000.00.00.h36"
    assert code_term("1.001612") == "#1.001612"


def test_iter_words_gives_positions_in_the_original_text():
    text = "Đổi <GPLX> lái xe"
    words = list(iter_words(text))
    assert [w for _, _, w in words] == ["doi", "gplx", "lai", "xe"]
    start, end, _ = words[1]
    assert text[start:end] == "GPLX"


def test_strip_diacritics_keeps_case_and_punctuation():
    assert strip_diacritics("Đăng ký kết hôn?") == "Dang ky ket hon?"
    assert strip_diacritics(unicodedata.normalize("NFD", "Cấp đổi")) == "Cap doi"
