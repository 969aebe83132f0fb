"""The import service: read files, map records, create or update procedure pages, report.

Idempotent by code. A new code becomes a live page with a revision; a known code is compared with
a normalised snapshot of its page and gets a new, published revision only when something changed.
Every record is written in its own savepoint, records are committed in batches, and the whole run
sends `procedures.signals.catalog_import_started` before and `catalog_imported` (with the ids of the
pages it created or changed) after: search subscribes, and refreshes its index once, at the end.
"""

import logging
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..completeness import missing_fields
from ..models import ProcedureIndexPage, ProcedurePage
from ..signals import catalog_import_run
from .bulk import bulk_create_pages, validate_new_page
from .catalog import RunCatalog
from .mapping import MappedProcedure, RecordError, map_record
from .pages import PageState, apply_record, create_page, hold_empty_relations, load_states, publish_changes
from .readers import SourceRecord, count_records, detect_format, read_records
from .report import ImportReport, Outcome, Problem

__all__ = ["import_files", "ensure_index_page", "ImportAborted"]

logger = logging.getLogger(__name__)

INDEX_TITLE = "Thủ tục hành chính"
INDEX_SLUG = "thu-tuc-hanh-chinh"
BATCH_SIZE = 200
FORMAT_LABELS = {"jsonl": "JSON Lines", "csv": "CSV", "xlsx": "XLSX"}


class ImportAborted(Exception):
    """The run cannot start at all (no home page, unreadable path); the message is Vietnamese."""


def ensure_index_page() -> ProcedureIndexPage:
    """The catalog index page, created (live) under the home page when missing, with its review workflow."""
    page = ProcedureIndexPage.objects.first()
    if page is not None:
        return page
    # The parent's type comes from the index page's own `parent_page_types` (the home page).
    (home_model,) = ProcedureIndexPage.allowed_parent_page_models()
    home = home_model.objects.first()
    if home is None:
        raise ImportAborted("chưa có trang chủ (HomePage) để đặt danh mục thủ tục; hãy chạy migrate trước")
    page = ProcedureIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG)
    home.add_child(instance=page)
    page.save_revision().publish()
    # The migration set up the editorial groups before any catalog existed: attach the review
    # workflow and the agency and reviewer permissions to the new index now.
    from procedures.permissions import setup_editorial_roles

    setup_editorial_roles()
    return page


def import_files(
    paths: Iterable[Path | str],
    *,
    dry_run: bool = False,
    user=None,
    progress: Callable | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import catalog files; returns the report. `progress(total=, desc=)` makes a tqdm-like bar."""
    paths = [Path(path) for path in paths]
    for path in paths:
        if not path.is_file():
            raise ImportAborted(f"không tìm thấy tệp: {path}")
    report = ImportReport(dry_run=dry_run)
    run = _Run(report=report, user=user, progress=progress, batch_size=batch_size)
    # Reference index entries are written once per page by the run itself (pages.update_references).
    with disable_reference_index_auto_update():
        if dry_run:
            with transaction.atomic():
                run.signalled(paths, dry_run=True)
                transaction.set_rollback(True)
        else:
            run.signalled(paths, dry_run=False)
    return report


class _Run:
    def __init__(self, *, report: ImportReport, user, progress, batch_size: int):
        self.report = report
        self.user = user
        self.progress = progress
        self.batch_size = batch_size
        self.catalog: RunCatalog | None = None
        self.page_ids: set[int] = set()  # pages created or changed, for `catalog_imported`

    def signalled(self, paths: list[Path], *, dry_run: bool) -> None:
        """The run between `catalog_import_started` and `catalog_imported` (procedures.signals)."""
        with catalog_import_run(ProcedurePage, dry_run=dry_run) as self.page_ids:
            self.files(paths)

    def files(self, paths: list[Path]) -> None:
        with transaction.atomic():
            self.catalog = RunCatalog(ensure_index_page())
        for path in paths:
            self.file(path)

    def file(self, path: Path) -> None:
        fmt = detect_format(path)
        bar = (
            self.progress(total=count_records(path), desc=path.name, unit=" bản ghi")
            if self.progress
            else None
        )
        seen: dict[str, int] = {}
        read = 0
        records = read_records(path)
        try:
            while chunk := list(islice(records, self.batch_size)):
                with transaction.atomic():
                    self.batch(chunk, seen)
                read += len(chunk)
                if bar is not None:
                    bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
        self.report.files.append((path.name, FORMAT_LABELS.get(fmt, fmt), read))

    # --- one batch: map, update known codes one by one, create new ones in bulk ----------------
    def batch(self, chunk: list[SourceRecord], seen: dict[str, int]) -> None:
        items = [(record, mapped) for record in chunk if (mapped := self.prepare(record, seen))]
        known = {self.catalog.page_id(mapped.code) for _record, mapped in items} - {None}
        self.catalog.prepare(
            field_names=[
                m.field_name for _r, m in items if m.is_detailed or self.catalog.page_id(m.code) is None
            ],
            agency_names=[
                name for _r, m in items for name in (m.implementing_agency_name, m.competent_agency_name)
            ],
        )
        states = load_states(known) if known else {}
        new: list[tuple[SourceRecord, MappedProcedure, ProcedurePage, list[str]]] = []
        for record, mapped in items:
            page_id = self.catalog.page_id(mapped.code)
            if page_id is not None:
                self.update(record, mapped, states[page_id])
            elif not mapped.name:
                self.report.skipped.append(
                    Problem(
                        record.where,
                        mapped.code,
                        "danh sách chỉ có mã, không có tên thủ tục, và chưa có trang với mã này: không tạo trang",
                    )
                )
            elif built := self.build(record, mapped):
                new.append(built)
        if new:
            self.create(new)

    def prepare(self, record: SourceRecord, seen: dict[str, int]) -> MappedProcedure | None:
        report = self.report
        if record.error:
            report.errors.append(Problem(record.where, "", record.error))
            return None
        try:
            mapped = map_record(record.data)
        except RecordError as exc:
            code = record.data.get("ma_thu_tuc")
            report.errors.append(Problem(record.where, code if isinstance(code, str) else "", str(exc)))
            return None
        if mapped.is_test:
            report.skipped.append(
                Problem(
                    record.where,
                    mapped.code,
                    "bản ghi thử nghiệm (đánh dấu thử nghiệm hoặc mã TEST…), không nhập",
                )
            )
            return None
        if mapped.code in seen:
            report.skipped.append(
                Problem(
                    record.where,
                    mapped.code,
                    f"trùng mã với dòng {seen[mapped.code]} của cùng tệp; chỉ nhập bản ghi đầu tiên",
                )
            )
            return None
        seen[mapped.code] = record.line
        return mapped

    def update(self, record: SourceRecord, mapped: MappedProcedure, state: PageState) -> None:
        """A known code: compare with what is stored; publish a new revision only when something changed."""
        self.catalog.begin()
        try:
            with transaction.atomic():
                light = state.light_page()
                apply_record(light, mapped, catalog=self.catalog, state=state)
                if state.proposed_snapshot(light) == state.snapshot:
                    outcome, page = Outcome.UNCHANGED, None
                else:
                    outcome, page = Outcome.UPDATED, ProcedurePage.objects.get(pk=state.pk)
                    apply_record(page, mapped, catalog=self.catalog, state=state)
                    publish_changes(page, user=self.user)
        except RECORD_ERRORS as exc:
            self.failed(record, mapped, exc)
            return
        if page is None:  # unchanged: what ProcedurePage.save() stored from completeness.missing_fields
            self.done(record, mapped, None, outcome, missing=state.missing_info, title=state.values["title"])
        else:
            self.done(record, mapped, page, outcome)

    def build(self, record: SourceRecord, mapped: MappedProcedure):
        """A new code: the page in memory, validated; its fields and agencies exist once this returns."""
        # No savepoint: nothing is written here (the batch's fields and agencies exist already).
        self.catalog.begin()
        try:
            slug, slug_note = self.catalog.new_slug(mapped.code)
            page = ProcedurePage(code=mapped.code, slug=slug)
            apply_record(page, mapped, catalog=self.catalog)
            hold_empty_relations(page)
            validate_new_page(page)
        except RECORD_ERRORS as exc:
            self.failed(record, mapped, exc)
            return None
        return record, mapped, page, [slug_note] if slug_note else []

    def create(self, new: list) -> None:
        try:
            with transaction.atomic():
                bulk_create_pages(
                    [page for _r, _m, page, _n in new], parent=self.catalog.index_page, user=self.user
                )
        except RECORD_ERRORS:
            logger.info("bulk insert failed; creating the batch page by page", exc_info=True)
            self.create_one_by_one(new)
            return
        for record, mapped, page, notes in new:
            self.catalog.pages[mapped.code] = page.pk
            self.done(record, mapped, page, Outcome.IMPORTED, notes)

    def create_one_by_one(self, new: list) -> None:
        for record, mapped, page, notes in new:
            self.catalog.begin()
            fresh = ProcedurePage(code=mapped.code, slug=page.slug)
            try:
                with transaction.atomic():
                    apply_record(fresh, mapped, catalog=self.catalog)
                    create_page(fresh, parent=self.catalog.index_page, user=self.user)
            except RECORD_ERRORS as exc:
                self.failed(record, mapped, exc)
                continue
            self.catalog.pages[mapped.code] = fresh.pk
            self.done(record, mapped, fresh, Outcome.IMPORTED, notes)

    # --- reporting -------------------------------------------------------------------------------
    def failed(self, record: SourceRecord, mapped: MappedProcedure, exc: Exception) -> None:
        self.catalog.rollback()
        logger.info("import of %s failed", record.where, exc_info=True)
        self.report.errors.append(Problem(record.where, mapped.code, _reason(exc)))

    def done(
        self, record, mapped: MappedProcedure, page, outcome: str, notes=(), missing=None, title=""
    ) -> None:
        report = self.report
        report.count(outcome)
        if outcome == Outcome.UNCHANGED:
            notes = ()
        for note in [*notes, *mapped.report_notes, *mapped.notes]:
            report.notes.append(Problem(record.where, mapped.code, note))
        if page is not None:
            self.page_ids.add(page.pk)
            missing, title = missing_fields(page), page.title
        if missing:
            report.incomplete.append((mapped.code, title, list(missing)))


RECORD_ERRORS = (ValidationError, DatabaseError, ValueError, TypeError, LookupError)


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "message_dict"):
            parts = [f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items()]
        else:
            parts = exc.messages
        return "dữ liệu không hợp lệ — " + "; ".join(parts)
    if isinstance(exc, DatabaseError):
        return f"cơ sở dữ liệu từ chối bản ghi ({exc.__class__.__name__}: {str(exc)[:200]})"
    return f"không xử lý được bản ghi ({exc.__class__.__name__}: {str(exc)[:200]})"
