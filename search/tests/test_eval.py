"""`manage.py search_eval`: the final line on a small fixture, and the real evaluation sets."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(module_sample):
    """The conftest's sample, published once for this module (see conftest.module_sample)."""
    return module_sample


def test_search_eval_prints_the_final_line(sample, tmp_path, capsys):
    path = tmp_path / "queries.jsonl"
    rows = [
        {"query": "dang ky khai sinh", "gold": ["1.001193"]},
        {"query": "doi gplx", "gold": "3.000347"},  # gold may be a string
        {"query": "đăng ký kết hôn", "gold": ["1.000894.000.00.00.H36"]},  # a suffixed gold code
        {"query": "xyzzyq", "gold": ["1.000889"]},  # a miss
        {"query": "không có mã", "gold": []},  # skipped
    ]
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    call_command("search_eval", str(path))
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("n=4 R@1=0.750 R@10=0.750 MRR=0.750 p50_ms=")
    assert " p95_ms=" in last


def test_search_eval_other_keys_and_stripping(sample, tmp_path, capsys):
    path = tmp_path / "faq.jsonl"
    path.write_text(
        json.dumps({"question": "Đăng ký kết hôn cần gì?", "codes": ["1.000894"]}, ensure_ascii=False)
    )
    call_command(
        "search_eval", str(path), "--query-key", "question", "--gold-key", "codes", "--strip-diacritics"
    )
    assert "n=1 R@1=1.000" in capsys.readouterr().out
    call_command("search_eval", str(path), "--query-key", "question", "--gold-key", "codes")
    assert "n=1 R@1=1.000" in capsys.readouterr().out


def test_search_eval_explains_bad_input(db, tmp_path):
    with pytest.raises(CommandError, match="Không đọc được tệp"):
        call_command("search_eval", str(tmp_path / "missing.jsonl"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="JSON Lines"):
        call_command("search_eval", str(bad))
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"query": "x"}', encoding="utf-8")
    with pytest.raises(CommandError, match="Không có truy vấn"):
        call_command("search_eval", str(empty), "--gold-key", "gold")
