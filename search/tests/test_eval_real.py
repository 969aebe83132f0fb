"""Quality on the real evaluation sets, with both detailed catalog files imported by the real importer.

Targets of the search issue, all reached and asserted: keyword set R@1 ≥ 0.85 and MRR ≥ 0.90; FAQ set
R@1 ≥ 0.90 and MRR ≥ 0.93 (measured 0.928 / 0.946 on 28 November 2026, with the ordering of level
twins, see docs/search.md); stripping diacritics changes no score by more than 0.02. Only quality is
asserted here, never time.
"""

import pytest
from django.core.management import call_command

from conftest import shared_file
from search.evaluation import evaluate, load_cases

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data, pytest.mark.slow]

FAQ_TARGET_R1, FAQ_TARGET_MRR = 0.90, 0.93
FAQ_KEYS = {"query_key": "question", "gold_key": "ma_thu_tuc_khop_trong_bo_du_lieu"}


def test_evaluation_sets_on_the_imported_catalog(starting_synonyms):
    national = shared_file("catalog/national-ministries-2642.jsonl")
    defence = shared_file("catalog/defence-ministry-207.jsonl")
    keywords = shared_file("eval/keyword-queries-dev.jsonl")
    faq = shared_file("eval/faq-labeled-169.jsonl")
    call_command("import_procedures", str(national), str(defence), verbosity=0)

    reports = {}
    for name, path, keys in (("keywords", keywords, {}), ("faq", faq, FAQ_KEYS)):
        for strip in (False, True):
            cases, _skipped = load_cases(path, strip=strip, **keys)
            reports[name, strip] = evaluate(cases)
            print(name, "no diacritics" if strip else "as given", reports[name, strip].line())

    kw, faq_report = reports["keywords", False], reports["faq", False]
    assert kw.n == 30 and faq_report.n == 138
    assert kw.recall_at_1 >= 0.85 and kw.mrr >= 0.90  # the target
    assert kw.recall_at_10 >= 0.95
    assert faq_report.recall_at_1 >= FAQ_TARGET_R1 and faq_report.mrr >= FAQ_TARGET_MRR  # the target
    assert faq_report.recall_at_10 >= 0.95
    for name in ("keywords", "faq"):
        given, stripped = reports[name, False], reports[name, True]
        for metric in ("recall_at_1", "recall_at_10", "mrr"):
            assert abs(getattr(given, metric) - getattr(stripped, metric)) <= 0.02, (name, metric)
