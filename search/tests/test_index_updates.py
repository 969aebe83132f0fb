"""The index follows publishing: no manual rebuild after a publish, unpublish, move or delete."""

import threading

import pytest
from django.core.management import call_command

from procedures.models import ProcedurePage
from search.indexing import deferred_indexing, index_pages
from search.models import SearchDocument
from search.services import run_search

pytestmark = pytest.mark.django_db


def codes(query, **kwargs):
    return [hit.code for hit in run_search(query=query, **kwargs).hits]


def test_publishing_indexes_and_a_draft_does_not(make_procedure):
    page = make_procedure("1.000001", "Đăng ký nuôi con nuôi trong nước", publish=False)
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()
    assert codes("nuôi con nuôi") == []
    page.save_revision().publish()
    assert SearchDocument.objects.filter(page_id=page.pk).count() == 1
    assert codes("nuoi con nuoi") == ["1.000001"]


def test_a_published_change_replaces_the_old_text(make_procedure):
    page = make_procedure("1.000002", "Đăng ký giám hộ")
    assert codes("giám hộ") == ["1.000002"]
    page.official_name = "Đăng ký chấm dứt giám hộ"
    page.title = page.official_name
    page.save_revision().publish()
    hits = run_search(query="chấm dứt").hits
    assert [hit.name for hit in hits] == ["Đăng ký chấm dứt giám hộ"]
    assert SearchDocument.objects.filter(page_id=page.pk).count() == 1


def test_a_saved_draft_does_not_change_results_until_published(make_procedure):
    page = make_procedure("1.000003", "Đăng ký khai tử")
    page.official_name = "Đăng ký khai tử lưu động"
    page.save_revision()  # draft only
    assert [hit.name for hit in run_search(query="khai tử").hits] == ["Đăng ký khai tử"]


def test_unpublishing_removes_and_republishing_restores(make_procedure):
    page = make_procedure("1.000004", "Cấp bản sao trích lục hộ tịch")
    assert codes("trich luc") == ["1.000004"]
    page.unpublish()
    assert codes("trich luc") == []
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()
    page.refresh_from_db()
    page.save_revision().publish()
    assert codes("trich luc") == ["1.000004"]


def test_deleting_removes(make_procedure):
    page = make_procedure("1.000005", "Đăng ký lại khai sinh")
    assert codes("đăng ký lại khai sinh") == ["1.000005"]
    ProcedurePage.objects.get(pk=page.pk).delete()
    assert codes("đăng ký lại khai sinh") == []
    assert not SearchDocument.objects.exists()


def test_deleting_the_parent_removes_the_procedures_under_it(make_procedure, catalog):
    make_procedure("1.000006", "Đăng ký nhận cha, mẹ, con")
    assert codes("nhận cha mẹ con") == ["1.000006"]
    catalog.delete()
    assert codes("nhận cha mẹ con") == []


@pytest.mark.engine
def test_moving_a_page_updates_its_url(make_procedure, catalog):
    from procedures.models import ProcedureIndexPage

    page = make_procedure("1.000007", "Đăng ký giám sát việc giám hộ")
    other = catalog.get_parent().add_child(instance=ProcedureIndexPage(title="Khác", slug="khac"))
    page.move(other, pos="last-child")
    hit = run_search(query="giám sát việc giám hộ").hits[0]
    assert hit.url.startswith(other.url)


def test_private_pages_are_not_indexed(make_procedure):
    from wagtail.models import PageViewRestriction

    page = make_procedure("1.000008", "Thủ tục nội bộ thử nghiệm")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.save_revision().publish()
    assert codes("nội bộ thử nghiệm") == []


def test_deferred_indexing_indexes_once_at_the_end(make_procedure, django_assert_max_num_queries):
    with deferred_indexing():
        with deferred_indexing():  # nesting is allowed
            first = make_procedure("1.000010", "Đăng ký kết hôn có yếu tố nước ngoài")
        second = make_procedure("1.000011", "Ghi vào sổ hộ tịch việc kết hôn")
        assert not SearchDocument.objects.exists()  # nothing yet, not even after the inner block
    assert set(SearchDocument.objects.values_list("page_id", flat=True)) == {first.pk, second.pk}
    assert set(codes("kết hôn")) == {"1.000010", "1.000011"}


def test_deferred_indexing_catches_pages_written_without_a_publish_signal(make_procedure):
    page = make_procedure("1.000012", "Đăng ký thay đổi hộ tịch", publish=False)
    with deferred_indexing():
        ProcedurePage.objects.filter(pk=page.pk).update(live=True)  # e.g. a bulk importer
    assert codes("thay đổi hộ tịch") == ["1.000012"]


def test_deferred_indexing_still_indexes_when_the_block_fails(make_procedure):
    with pytest.raises(RuntimeError), deferred_indexing():
        make_procedure("1.000013", "Cải chính hộ tịch")
        raise RuntimeError("one bad record")
    assert codes("cải chính hộ tịch") == ["1.000013"]


def test_a_catalog_import_is_indexed_once_at_its_end(make_procedure):
    """The importer sends procedures' signals; search defers its work between them."""
    from procedures.signals import catalog_import_started, catalog_imported

    catalog_import_started.send(sender=ProcedurePage, dry_run=False)
    first = make_procedure("1.000018", "Đăng ký giám hộ cử")
    second = make_procedure("1.000019", "Đăng ký giám hộ đương nhiên", publish=False)
    ProcedurePage.objects.filter(pk=second.pk).update(live=True)  # as the importer's bulk path does
    assert not SearchDocument.objects.exists()
    catalog_imported.send(sender=ProcedurePage, page_ids=frozenset({second.pk}), dry_run=False, failed=False)
    assert set(SearchDocument.objects.values_list("page_id", flat=True)) == {first.pk, second.pk}


def test_deferred_indexing_is_per_thread(make_procedure):
    seen = {}

    def other_thread():
        from search.indexing import _deferring

        seen["deferring"] = _deferring()

    with deferred_indexing():
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert seen["deferring"] is False


def test_rebuild_command(make_procedure, capsys):
    make_procedure("1.000014", "Xác nhận tình trạng hôn nhân")
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index")
    assert "documents=1" in capsys.readouterr().out
    assert codes("tình trạng hôn nhân") == ["1.000014"]


def test_index_pages_reports_written_and_removed(make_procedure):
    page = make_procedure("1.000015", "Đăng ký việc nuôi con nuôi")
    assert index_pages([page.pk, 999_999]) == (1, 1)


def test_another_process_sees_changes_through_the_version_token(make_procedure):
    """Two engines stand for two processes: the second refreshes from the table when the token moves."""
    from search.engines.memory import MemoryEngine
    from search.models import SearchVersion
    from search.query import parse_query

    make_procedure("1.000016", "Đăng ký khai sinh cho trẻ bị bỏ rơi")
    other = MemoryEngine()
    token = SearchVersion.current()["index"]
    assert [d.code for d in other.current(token).docs] == ["1.000016"]
    make_procedure("1.000017", "Đăng ký khai sinh có yếu tố nước ngoài")
    token = SearchVersion.current()["index"]
    ranked = other.ranked(other.current(token), parse_query("khai sinh"), include_inactive=False)
    assert {other.current(token).docs[i].code for _, i in ranked} == {"1.000016", "1.000017"}
