"""Read a roadmap in the shared JSON format (../shared/data/roadmap/*.json; described in docs/statistics.md).

Idempotent: a roadmap is found by its decision number, an item by (tier, number). A bad item is
reported with its reason and skipped; the others are saved (each in its own savepoint). The
decision itself must be valid, or nothing is imported. Created or changed roadmaps and items get a
Wagtail revision, so their history is kept.
"""

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from anyascii import anyascii
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from agencies.models import Agency

from .constants import Comparison, ItemKind, RoadmapStatus, TargetKind, TargetLevels, Tier
from .models import Roadmap, RoadmapItem, RoadmapTarget

__all__ = ["ImportReport", "RoadmapImportError", "import_roadmap_data", "import_roadmap_file"]

# JSON target keys → (kind, comparison). "<figure>_min" means "at least"; a target may list in
# "strict" the figures the decision writes as "trên X%" (more than): then the comparison is ">".
_SHARE_KEYS = {
    "level2_share": TargetKind.LEVEL2_COMPLETE_SHARE,
    "level3_share": TargetKind.LEVEL3_SHARE,
    "level4_share": TargetKind.LEVEL4_SHARE,
    "one_stop_departments_share": TargetKind.ONE_STOP_SHARE,
}
_COUNT_KEYS = {"level3_count": TargetKind.LEVEL3_COUNT, "level4_count": TargetKind.LEVEL4_COUNT}
_TIERS = {"province": Tier.PROVINCE, "district": Tier.DISTRICT, "commune": Tier.DISTRICT}
_ITEM_FIELDS = (
    "kind",
    "service",
    "agency_id",
    "agency_text",
    "start_year",
    "end_year",
    "period_text",
    "target_levels",
)


class RoadmapImportError(Exception):
    """The file or its decision cannot be read: nothing was imported."""


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    roadmap: Roadmap | None = None
    roadmap_changed: bool = False
    targets_changed: bool = False

    def summary_line(self) -> str:
        return (
            f"imported={self.imported} updated={self.updated} "
            f"unchanged={self.unchanged} errors={len(self.errors)}"
        )


def _fold(text: str) -> str:
    return " ".join(anyascii(text or "").lower().replace("-", " ").split())


def _agency_index() -> dict[str, Agency]:
    index = {}
    for agency in Agency.objects.all().order_by("valid_to", "pk"):
        for name in (agency.name, agency.short_name):
            if name:
                index.setdefault(_fold(name), agency)
    return index


def _year(value, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2100:
        raise ValueError(_("%(label)s không hợp lệ: %(value)r") % {"label": label, "value": value})
    return value


def _decision(data) -> dict:
    if not isinstance(data, dict) or not isinstance(data.get("decision"), dict):
        raise RoadmapImportError(_("Tệp không có mục “decision” (quyết định) ở cấp ngoài cùng."))
    dec = data["decision"]
    number = str(dec.get("number") or "").strip()
    if not number:
        raise RoadmapImportError(_("Quyết định thiếu số (decision.number)."))
    try:
        issued_on = datetime.date.fromisoformat(str(dec.get("date")))
    except ValueError:
        raise RoadmapImportError(
            _("Ngày quyết định không hợp lệ: %(value)r (cần dạng YYYY-MM-DD).") % {"value": dec.get("date")}
        )
    period = dec.get("period")
    try:
        if not (isinstance(period, list) and len(period) == 2):
            raise ValueError(_("giai đoạn (decision.period) phải là [năm đầu, năm cuối]"))
        start, end = _year(period[0], _("năm đầu")), _year(period[1], _("năm cuối"))
        if start > end:
            raise ValueError(_("năm đầu sau năm cuối"))
    except ValueError as exc:
        raise RoadmapImportError(_("Giai đoạn của quyết định không hợp lệ: %(reason)s.") % {"reason": exc})
    return {
        "number": number,
        "title": str(dec.get("title") or "").strip() or number,
        "issued_on": issued_on,
        "issuer": str(dec.get("issuer") or "").strip(),
        "start_year": start,
        "end_year": end,
        "monitoring_agency_text": str(dec.get("monitor") or "").strip(),
        "level2_owner_text": str(dec.get("level2_owner") or "").strip(),
    }


def _pct(value) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(_("tỷ lệ phải là số từ 0 đến 1: %(value)r") % {"value": value})
    return (Decimal(str(value)) * 100).quantize(Decimal("0.01"))


def _targets(data, start_year: int) -> list[dict]:
    """Desired RoadmapTarget rows. A malformed target makes the whole file fail (targets are few)."""
    rows = []
    for position, target in enumerate(data.get("targets") or [], start=1):
        try:
            if not isinstance(target, dict):
                raise ValueError(_("không phải một đối tượng"))
            end = _year(target.get("by_end_of"), "by_end_of")
            begin = _year(target.get("from", start_year), "from")
            if begin > end:
                raise ValueError(_("năm bắt đầu sau năm kết thúc"))
            strict = set(target.get("strict") or [])
            base = {"period_start": begin, "period_end": end, "text": str(target.get("text") or "")}
            for key, kind in _SHARE_KEYS.items():
                low, high = target.get(f"{key}_min"), target.get(f"{key}_max")
                if low is None:
                    continue
                row = {**base, "kind": kind, "threshold": _pct(low), "threshold_max": None}
                if high is not None:
                    row.update(comparison=Comparison.BETWEEN, threshold_max=_pct(high))
                else:
                    row["comparison"] = Comparison.MORE_THAN if key in strict else Comparison.AT_LEAST
                rows.append(row)
            for key, kind in _COUNT_KEYS.items():
                low = target.get(f"{key}_min")
                if low is None:
                    continue
                if isinstance(low, bool) or not isinstance(low, int) or low < 0:
                    raise ValueError(_("%(key)s phải là số nguyên không âm") % {"key": f"{key}_min"})
                rows.append(
                    {**base, "kind": kind, "comparison": Comparison.AT_LEAST, "threshold": Decimal(low)}
                    | {"threshold_max": None}
                )
            if target.get("level4_pilot") and not any(
                r["kind"] in (TargetKind.LEVEL4_COUNT, TargetKind.LEVEL4_SHARE) and r["period_end"] == end
                for r in rows
            ):
                # "thí điểm mức độ 4" (pilot level 4): at least one service at level 4.
                rows.append(
                    {
                        **base,
                        "kind": TargetKind.LEVEL4_COUNT,
                        "comparison": Comparison.AT_LEAST,
                        "threshold": Decimal(1),
                        "threshold_max": None,
                    }
                )
        except ValueError as exc:
            raise RoadmapImportError(
                _("Mục tiêu thứ %(n)s không hợp lệ: %(reason)s.") % {"n": position, "reason": exc}
            )
    for row in rows:
        row["threshold"] = Decimal(row["threshold"]).quantize(Decimal("0.01"))
    return rows


def _target_key(row) -> tuple:
    return (
        row["kind"],
        row["period_start"],
        row["period_end"],
        row["comparison"],
        Decimal(row["threshold"]).quantize(Decimal("0.01")),
        None if row["threshold_max"] is None else Decimal(row["threshold_max"]).quantize(Decimal("0.01")),
        row["text"],
    )


def _levels(raw) -> str:
    if isinstance(raw, list) and raw and all(isinstance(v, int) and not isinstance(v, bool) for v in raw):
        text = ",".join(str(v) for v in sorted(set(raw)))
    elif isinstance(raw, str):
        text = ",".join(part.strip() for part in raw.split(",") if part.strip())
    else:
        text = ""
    if text not in TargetLevels.values:
        raise ValueError(_("mức độ mục tiêu không hợp lệ: %(value)r (cần 3, 4 hoặc 3,4)") % {"value": raw})
    return text


def _item(record, roadmap: Roadmap, agencies: dict) -> dict:
    if not isinstance(record, dict):
        raise ValueError(_("bản ghi không phải một đối tượng"))
    tier = _TIERS.get(str(record.get("tier") or "").strip().lower())
    if tier is None:
        raise ValueError(
            _("cấp (tier) không hợp lệ: %(value)r (cần province hoặc district)")
            % {"value": record.get("tier")}
        )
    number = record.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or number <= 0:
        raise ValueError(_("số thứ tự (number) phải là số nguyên dương: %(value)r") % {"value": number})
    service = " ".join(str(record.get("service") or "").split())
    if not service:
        raise ValueError(_("thiếu tên dịch vụ (service)"))
    start = _year(record.get("start_year"), _("năm bắt đầu (start_year)"))
    end = _year(record.get("end_year"), _("năm kết thúc (end_year)"))
    if start > end:
        raise ValueError(_("năm bắt đầu %(start)s sau năm kết thúc %(end)s") % {"start": start, "end": end})
    if start < roadmap.start_year or end > roadmap.end_year:
        raise ValueError(
            _("thời gian %(start)s–%(end)s nằm ngoài giai đoạn của lộ trình %(a)s–%(b)s")
            % {"start": start, "end": end, "a": roadmap.start_year, "b": roadmap.end_year}
        )
    levels = _levels(record.get("target_levels", record.get("levels_text")))
    kind = record.get("kind")
    if kind not in ItemKind.values:
        folded = _fold(service)
        kind = ItemKind.GROUP if folded.startswith(("cac ", "nhom ")) else ItemKind.SERVICE
    agency_text = " ".join(str(record.get("agency") or "").split())
    agency = agencies.get(_fold(agency_text)) if agency_text else None
    return {
        "tier": tier,
        "number": number,
        "kind": kind,
        "service": service,
        "agency_id": agency.pk if agency else None,
        "agency_text": agency_text,
        "start_year": start,
        "end_year": end,
        "period_text": str(record.get("period_text") or f"{start}-{end}")[:40],
        "target_levels": levels,
    }


def _slug_for(number: str, year: int) -> str:
    base = slugify(anyascii(number).replace("/", "-"))[:60] or "lo-trinh"
    slug, n = f"{base}-{year}", 2
    while Roadmap.objects.filter(slug=slug).exclude(number=number).exists():
        slug, n = f"{base}-{year}-{n}", n + 1
    return slug


def import_roadmap_data(data, *, user=None) -> ImportReport:
    report = ImportReport()
    decision = _decision(data)
    desired_targets = _targets(data, decision["start_year"])
    agencies = _agency_index()
    monitor = agencies.get(_fold(decision["monitoring_agency_text"]))
    baseline = data.get("baseline_2015") or data.get("baseline") or {}
    if not isinstance(baseline, dict):
        baseline = {}

    with transaction.atomic():
        roadmap = Roadmap.objects.filter(number=decision["number"]).first()
        values = {**decision, "monitoring_agency_id": monitor.pk if monitor else None, "baseline": baseline}
        if roadmap is None:
            roadmap = Roadmap(
                slug=_slug_for(decision["number"], decision["issued_on"].year),
                status=RoadmapStatus.IN_FORCE,
                **values,
            )
            report.roadmap_changed = True
        else:
            for key, value in values.items():
                if key == "monitoring_agency_id" and value is None:
                    continue  # keep an agency chosen by hand when the file's name does not resolve
                if getattr(roadmap, key) != value:
                    setattr(roadmap, key, value)
                    report.roadmap_changed = True
        current = sorted((_target_key(vars(t)) for t in roadmap.targets.all()), key=repr)
        wanted = sorted((_target_key(t) for t in desired_targets), key=repr)
        if current != wanted:
            roadmap.targets = [RoadmapTarget(**row) for row in desired_targets]
            report.targets_changed = True
        if report.roadmap_changed or report.targets_changed:
            roadmap.full_clean(exclude=["latest_revision"])
            roadmap.save()
            roadmap.save_revision(user=user, log_action=True, clean=False)
    report.roadmap = roadmap

    existing = {(item.tier, item.number): item for item in roadmap.items.all()}
    seen: dict[tuple, str] = {}
    records = data.get("items")
    if not isinstance(records, list):
        report.errors.append(("items", _("thiếu danh sách hạng mục (items)")))
        return report
    for position, record in enumerate(records, start=1):
        ref = f"#{position}"
        if isinstance(record, dict):
            ref = f"#{position} ({record.get('tier')} {record.get('number')})"
        try:
            values = _item(record, roadmap, agencies)
        except ValueError as exc:
            report.errors.append((ref, str(exc)))
            continue
        key = (values["tier"], values["number"])
        if key in seen:
            report.errors.append(
                (ref, _("trùng cấp và số thứ tự với bản ghi %(other)s") % {"other": seen[key]})
            )
            continue
        seen[key] = ref
        if values["agency_text"] and values["agency_id"] is None:
            report.warnings.append((ref, _("chưa khớp cơ quan “%(name)s”") % {"name": values["agency_text"]}))
        item = existing.get(key)
        try:
            with transaction.atomic():
                if item is None:
                    item = RoadmapItem(roadmap=roadmap, **values)
                    item.full_clean(exclude=["latest_revision"])
                    item.save()
                    item.save_revision(user=user, log_action="wagtail.create", clean=False)
                    report.imported += 1
                    continue
                changed = [name for name in _ITEM_FIELDS if getattr(item, name) != values[name]]
                if values["agency_id"] is None and "agency_id" in changed:
                    changed.remove("agency_id")  # keep an agency chosen by hand
                if not changed:
                    report.unchanged += 1
                    continue
                for name in changed:
                    setattr(item, name, values[name])
                item.full_clean(exclude=["latest_revision"])
                item.save()
                item.save_revision(user=user, log_action=True, clean=False)
                report.updated += 1
        except Exception as exc:  # a database or validation error on this record only
            report.errors.append((ref, str(exc)))
    return report


def import_roadmap_file(path, *, user=None) -> ImportReport:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RoadmapImportError(_("Không tìm thấy tệp: %(path)s") % {"path": path})
    except (OSError, UnicodeDecodeError) as exc:
        raise RoadmapImportError(_("Không đọc được tệp %(path)s: %(reason)s") % {"path": path, "reason": exc})
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RoadmapImportError(
            _("Tệp không phải JSON hợp lệ (dòng %(line)s, cột %(col)s): %(msg)s")
            % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}
        )
    return import_roadmap_data(data, user=user)
