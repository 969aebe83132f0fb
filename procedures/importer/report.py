"""What an import run did: counts, errors with file and line, skipped records, notes, gaps."""

from dataclasses import dataclass, field

from ..completeness import REQUIRED_FIELDS

__all__ = ["Outcome", "ImportReport"]


class Outcome:
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"


@dataclass
class Problem:
    where: str  # "file.jsonl:12"
    code: str
    message: str

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        return f"{self.where}{code}: {self.message}"


@dataclass
class ImportReport:
    dry_run: bool = False
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    incomplete: list[tuple[str, str, list[str]]] = field(default_factory=list)  # code, title, missing keys
    files: list[tuple[str, str, int]] = field(default_factory=list)  # name, format, records read

    def count(self, outcome: str) -> None:
        if outcome == Outcome.IMPORTED:
            self.imported += 1
        elif outcome == Outcome.UPDATED:
            self.updated += 1
        elif outcome == Outcome.UNCHANGED:
            self.unchanged += 1

    @property
    def summary_line(self) -> str:
        return (
            f"imported={self.imported} updated={self.updated} "
            f"unchanged={self.unchanged} errors={len(self.errors)}"
        )

    def incomplete_lines(self) -> list[str]:
        lines = []
        for code, title, missing in self.incomplete:
            labels = ", ".join(str(REQUIRED_FIELDS[key]) for key in missing)
            lines.append(f"{code} — {title}: thiếu {labels}")
        return lines

    def detail_lines(self) -> list[str]:
        """Notes and incomplete records: long lists, printed or written to the report file."""
        lines = [f"Giá trị giữ nguyên dạng văn bản hoặc cần kiểm tra ({len(self.notes)}):"]
        lines += [f"  {problem}" for problem in self.notes]
        lines.append(
            f"Thủ tục chưa đủ thông tin cấp độ 2 (Nghị định 63/2010, Điều 8) ({len(self.incomplete)}):"
        )
        lines += [f"  {line}" for line in self.incomplete_lines()]
        return lines

    def head_lines(self) -> list[str]:
        """Files, errors and skipped records: always printed."""
        lines = [f"Tệp {name}: định dạng {fmt}, {count} bản ghi" for name, fmt, count in self.files]
        if self.errors:
            lines.append(f"Lỗi ({len(self.errors)}):")
            lines += [f"  {problem}" for problem in self.errors]
        if self.skipped:
            lines.append(f"Bỏ qua ({len(self.skipped)}):")
            lines += [f"  {problem}" for problem in self.skipped]
        if self.dry_run:
            lines.append("Chạy thử (--dry-run): không lưu thay đổi nào.")
        return lines

    def missing_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(REQUIRED_FIELDS, 0)
        for _code, _title, missing in self.incomplete:
            for key in missing:
                counts[key] += 1
        return counts
