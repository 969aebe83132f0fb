"""The money filter: thousands grouped for the reader's language."""

from django.utils import translation

from core.templatetags.money import money


def test_money_groups_thousands_by_language():
    with translation.override("vi"):
        assert money(150000) == "150.000" and money("1234567") == "1.234.567" and money(999) == "999"
    with translation.override("en"):
        assert money(150000) == "150,000"
    assert money(None) == "" and money("abc") == "abc"
