"""Editors' side: the synonym snippet (with search) and the weekly query report."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from search.models import QueryStat, Synonym
from search.querylog import log_query, weekly_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.vn", "mat-khau-dai-123")
    client.force_login(user)
    return client


def test_synonyms_are_listed_searched_and_edited_in_the_admin(admin_client, starting_synonyms):
    index_url = reverse("wagtailsnippets_search_synonym:list")
    response = admin_client.get(index_url, {"q": "GPLX"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "giấy phép lái xe" in html
    assert "lý lịch tư pháp" not in html

    synonym = Synonym.objects.get(expansion="giấy phép lái xe")
    edit_url = reverse("wagtailsnippets_search_synonym:edit", args=[synonym.pk])
    response = admin_client.post(
        edit_url,
        {
            "terms": "GPLX, bằng lái, bằng lái ô tô",
            "expansion": "giấy phép lái xe",
            "active": "on",
            "note": "",
        },
    )
    assert response.status_code == 302
    synonym.refresh_from_db()
    assert "bằng lái ô tô" in synonym.terms

    response = admin_client.post(
        reverse("wagtailsnippets_search_synonym:add"),
        {"terms": " ; ", "expansion": "kết hôn", "active": "on"},
    )
    assert response.status_code == 200  # form shown again with the Vietnamese error
    assert "Cần ít nhất một cách gọi" in response.content.decode()


def test_weekly_report_lists_frequent_and_zero_result_queries(admin_client):
    monday = date(2026, 11, 23)
    for _ in range(3):
        log_query("Cấp lại CCCD", result_count=4, day=monday)
    log_query("lam so do", result_count=0, day=date(2026, 11, 25))
    log_query("tuần trước qwxz", result_count=1, day=date(2026, 11, 16))
    report = weekly_report(week=monday)
    assert [(row.query, row.searches) for row in report["top"]] == [("cap lai cccd", 3), ("lam so do", 1)]
    assert [row.query for row in report["zero_results"]] == ["lam so do"]
    assert report["searches"] == 4 and report["zero_searches"] == 1

    response = admin_client.get(reverse("search_query_report"), {"tuan": "2026-11-23"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "cap lai cccd" in html and "lam so do" in html and "qwxz" not in html
    assert admin_client.get(reverse("search_query_report"), {"tuan": "không phải ngày"}).status_code == 200


def test_report_needs_the_view_permission(client, django_user_model):
    user = django_user_model.objects.create_user("bientap", "bt@example.vn", "mat-khau-dai-123")
    group = Group.objects.create(name="Biên tập thử")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("search_query_report")).status_code in (302, 403)
    group.permissions.add(Permission.objects.get(codename="view_querystat"))
    assert client.get(reverse("search_query_report")).status_code == 200


def test_query_log_is_concurrency_safe_upsert(db):
    log_query("khai sinh", result_count=3)
    log_query("KHAI SINH", result_count=0)
    row = QueryStat.objects.get()
    assert (row.searches, row.zero_results, row.last_result_count) == (2, 1, 0)
