"""Vietnamese-aware matching through the same path as the results page (`services.run_search`)."""

import unicodedata

import pytest

from search.models import Synonym
from search.services import run_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(module_sample):
    """The conftest's sample, published once for this module (see conftest.module_sample)."""
    return module_sample


def codes(query, **kwargs):
    return [hit.code for hit in run_search(query=query, **kwargs).hits]


@pytest.mark.parametrize(
    "query",
    [
        "đăng ký khai sinh",  # as written
        "dang ky khai sinh",  # no diacritics
        "DANG KY KHAI SINH",  # upper case
        "Đăng Ký Khai Sinh",
        "dăng kí khai sinh",  # wrong marks still fold to the same syllables
        unicodedata.normalize("NFD", "đăng ký khai sinh"),  # NFD input (macOS, some phone keyboards)
    ],
)
def test_diacritics_case_and_normal_form_do_not_matter(sample, query):
    assert codes(query)[0] == "1.001193"


def test_letters_with_two_marks_and_d_both_ways(sample):
    # "đổi" has đ and a letter with two marks; "cấp đổi thẻ căn cước" folds to "cap doi the can cuoc".
    assert codes("cap doi the can cuoc")[0] == "1.000889"
    assert codes("CẤP ĐỔI THẺ CĂN CƯỚC")[0] == "1.000889"
    # The other way round: an accented query finds an index entry whatever marks it carries.
    assert codes("đính chính giấy chứng nhận")[0] == "1.012796"
    assert codes("dinh chinh giay chung nhan")[0] == "1.012796"


def test_syllable_pairs_outrank_scattered_syllables(sample):
    # Both names have "giấy", "phép", "lái", "xe"; only one has "giấy phép" and "lái xe" as pairs.
    result = codes("giấy phép lái xe")
    assert result.index("3.000347") < result.index("9.000001")
    assert codes("giay phep lai xe")[0] == "3.000347"


def test_filler_words_of_a_question_never_empty_the_result(sample):
    result = codes("Xin hỏi thủ tục đăng ký khai sinh cho con tôi cần những giấy tờ gì vậy ạ?")
    assert result and result[0] == "1.001193"


def test_words_of_the_body_are_found(sample):
    assert "1.001193" in codes("giấy chứng sinh")


def test_synonyms_from_the_starting_set(sample):
    # Shipped by the data migration: CCCD → căn cước, GPLX → giấy phép lái xe, sổ đỏ → GCN QSDĐ.
    assert Synonym.objects.filter(active=True).count() >= 20
    assert codes("cap doi cccd")[0] == "1.000889"
    assert codes("doi gplx")[0] == "3.000347"
    assert codes("đính chính sổ đỏ")[0] == "1.012796"


def test_editing_a_synonym_applies_without_restart(sample):
    assert "1.000894" not in codes("cưới vợ")
    synonym = Synonym.objects.create(terms="cưới vợ, lấy chồng", expansion="kết hôn")
    assert codes("cưới vợ")[0] == "1.000894"
    assert codes("lay chong")[0] == "1.000894"
    synonym.active = False
    synonym.save()
    assert "1.000894" not in codes("cưới vợ")
    synonym.active = True
    synonym.save()
    assert codes("cưới vợ")[0] == "1.000894"
    synonym.delete()
    assert "1.000894" not in codes("cưới vợ")


def test_a_synonym_edited_elsewhere_reaches_a_process_that_compiled_the_old_list(sample):
    """Another process's edit changes the version token in the database; this process recompiles."""
    from search.models import SearchVersion

    codes("cưới vợ")  # compiles the list here
    Synonym.objects.bulk_create([Synonym(terms="cưới vợ", expansion="kết hôn")])  # no signal: "elsewhere"
    SearchVersion.bump("synonyms")  # what the other process's save did
    assert codes("cưới vợ")[0] == "1.000894"


def test_expansions_are_reported_for_the_page(sample):
    outcome = run_search(query="doi gplx")
    assert ("gplx", "giay phep lai xe") in outcome.parsed.expansions


def test_synonym_validation_gives_vietnamese_errors(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        Synonym(terms=" , ;", expansion="kết hôn").full_clean()
    assert "Cần ít nhất một cách gọi" in str(error.value)
    with pytest.raises(ValidationError) as error:
        Synonym(terms="Kết hôn", expansion="kết hôn").full_clean()
    assert "không được trùng" in str(error.value)


def test_code_in_a_sentence_is_matched_exactly(sample):
    assert codes("thủ tục 1.000894 là gì")[0] == "1.000894"
