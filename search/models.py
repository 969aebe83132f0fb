"""Search-owned records: the index table, the synonym list, the query statistics, version tokens."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .text import fold

__all__ = ["QueryStat", "SearchDocument", "SearchVersion", "Synonym"]


class SearchVersion(models.Model):
    """A token per kind of search data ("index", "synonyms", "promotions") that changes on every write.

    Each process keeps compiled data (the in-memory index, the synonym table) next to the token it was
    built from, and rebuilds when the stored token differs: edits apply without a restart, in every
    process. Tokens are random, not counters, so a rolled-back transaction never reuses one.
    """

    name = models.CharField(max_length=40, unique=True)
    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiên bản dữ liệu tìm kiếm")

    def __str__(self) -> str:
        return f"{self.name}={self.token}"

    @classmethod
    def bump(cls, name: str) -> str:
        token = uuid.uuid4().hex
        updated = cls.objects.filter(name=name).update(token=token)
        if not updated:
            cls.objects.update_or_create(name=name, defaults={"token": token})
        return token

    @classmethod
    def current(cls) -> dict[str, str]:
        return dict(cls.objects.values_list("name", "token"))


class SearchDocument(index.Indexed, models.Model):
    """One published procedure as the search engines see it: folded text plus facet values.

    Written by `search.indexing` when a procedure is published, removed when it is unpublished or
    deleted. Folded text keeps one phrase per line, so bigrams never cross punctuation.
    Display values (name, code, url) are copied so results render without loading pages.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(_("mã thủ tục"), max_length=64, db_index=True)
    base_code = models.CharField(_("mã quốc gia"), max_length=32, db_index=True)
    name = models.TextField(_("tên thủ tục"))
    url = models.CharField(max_length=1000, blank=True)
    field = models.ForeignKey(
        "procedures.Field", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency_label = models.TextField(blank=True, help_text="Implementing agency as text when no record.")
    levels = models.JSONField(default=list, blank=True)
    online_level = models.CharField(max_length=10, blank=True, db_index=True)
    legacy_level = models.CharField(max_length=10, blank=True)
    status = models.CharField(max_length=12, blank=True, db_index=True)
    successor = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name_folded = models.TextField(blank=True)
    keywords_folded = models.TextField(blank=True)
    field_folded = models.TextField(blank=True)
    agency_folded = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True, db_index=True)

    # Wagtail's search framework indexes the folded text too (admin, other apps, measurements).
    search_fields = [
        index.SearchField("name_folded", boost=4),
        index.SearchField("keywords_folded", boost=2),
        index.SearchField("field_folded"),
        index.SearchField("agency_folded"),
        index.SearchField("body_folded"),
        index.FilterField("status"),
        index.FilterField("online_level"),
        index.FilterField("field_id"),
        index.FilterField("agency_id"),
        index.FilterField("code"),
        index.FilterField("base_code"),
    ]
    search_auto_update = False  # the search indexer writes these in bulk and updates Wagtail's index itself

    class Meta:
        verbose_name = _("tài liệu chỉ mục tìm kiếm")
        indexes = [models.Index(fields=["page"], name="search_doc_page")]

    def __str__(self) -> str:
        return f"{self.code} {self.name[:60]}"


class Synonym(models.Model):
    """Colloquial words and abbreviations that citizens type, and the official term they stand for.

    A query containing any of the terms also looks for the expansion: "CCCD" → "căn cước".
    """

    terms = models.TextField(
        _("cách gọi của người dân"),
        help_text=_("Các từ viết tắt hoặc cách gọi thông dụng, cách nhau bởi dấu phẩy hoặc xuống dòng."),
    )
    expansion = models.CharField(
        _("thuật ngữ chính thức"),
        max_length=255,
        help_text=_("Từ ngữ dùng trong tên thủ tục, ví dụ: giấy phép lái xe."),
    )
    active = models.BooleanField(_("đang dùng"), default=True)
    note = models.TextField(_("ghi chú"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("từ đồng nghĩa")
        verbose_name_plural = _("từ đồng nghĩa")
        ordering = ["expansion"]

    def __str__(self) -> str:
        return f"{self.terms} → {self.expansion}"

    def term_list(self) -> list[str]:
        return [part.strip() for part in self.terms.replace("\n", ",").split(",") if part.strip()]

    def clean(self):
        super().clean()
        errors = {}
        folded_terms = [fold(term) for term in self.term_list()]
        if not any(folded_terms):
            errors["terms"] = _("Cần ít nhất một cách gọi có chữ hoặc số.")
        if not fold(self.expansion):
            errors["expansion"] = _("Thuật ngữ chính thức phải có chữ hoặc số.")
        elif fold(self.expansion) in folded_terms:
            errors["terms"] = _("Cách gọi không được trùng với thuật ngữ chính thức.")
        if errors:
            raise ValidationError(errors)


class QueryStat(models.Model):
    """How often a (folded, anonymised) query was searched in a week, and how often it found nothing.

    No user, session, IP address or time of day is stored; long digit runs (ID card or phone numbers)
    and e-mail addresses are masked before a query is counted.
    """

    week = models.DateField(_("tuần (thứ Hai)"), db_index=True)
    query = models.CharField(_("từ khóa"), max_length=200)
    searches = models.PositiveIntegerField(_("số lượt tìm"), default=0)
    zero_results = models.PositiveIntegerField(_("số lượt không có kết quả"), default=0)
    last_result_count = models.PositiveIntegerField(_("số kết quả lần gần nhất"), default=0)

    class Meta:
        verbose_name = _("thống kê từ khóa tìm kiếm")
        verbose_name_plural = _("thống kê từ khóa tìm kiếm")
        constraints = [models.UniqueConstraint(fields=["week", "query"], name="search_querystat_week_query")]
        ordering = ["-week", "-searches"]

    def __str__(self) -> str:
        return f"{self.week} {self.query} ×{self.searches}"
