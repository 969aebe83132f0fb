"""The JSON schema of an online form: what a FormVersion freezes and what the wizard is built from.

{
  "schema": 1,
  "procedure": {"code": "...", "name": "..."},
  "intro": "...",
  "steps": [{"key": "nguoi-nop", "title": "...", "intro": "...",
             "fields": [{"key", "label", "kind", "required", "help_text",
                         "choices": [...], "min_value", "max_value", "max_length"}]}],
  "uploads": [{"key": "slot-12" | "component-34", "label", "help_text", "component": "name", "required",
               "max_files", "max_size_mb", "accept": ["pdf", "jpg", "png"],
               "template": {"title", "url"} | null}],
  "in_person": [{"label", "help_text"}],          # shown at the unit, not uploaded
  "receiving_units": [{"slug", "name", "code", "address"}],
  "declaration": "..."
}

Uploads come from the editor's upload slots when the form has any; otherwise from the procedure's
dossier components, each asked as its `effective_online_mode` says (procedures/online.py). With more
than one receiving unit (an agency standing for every commune), the applicant step asks which one.
"""

from __future__ import annotations

import hashlib
import json
import re

from anyascii import anyascii
from django.utils.translation import gettext as _

from procedures.constants import ComponentMode
from procedures.online import receiving_units

from .constants import APPLICANT_STEP_KEY, RECEIVING_UNIT_KEY, FieldKind

__all__ = [
    "applicant_step",
    "build_schema",
    "field_keys_problems",
    "localized_schema",
    "schema_hash",
    "slug_key",
]

SCHEMA_FORMAT = 1
RESERVED_STEP_KEYS = {APPLICANT_STEP_KEY, "giay-to", "xac-nhan"}


def slug_key(text: str, *, fallback: str) -> str:
    text = anyascii((text or "").replace("đ", "d").replace("Đ", "D")).lower()
    key = re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40].rstrip("_")
    if not key or not key[0].isalpha():
        key = fallback
    return key


def applicant_step() -> dict:
    """The fixed first step (who submits); its values prefill from the account."""

    def field(key, label, kind, required=True, help_text=""):
        return {"key": key, "label": label, "kind": kind, "required": required, "help_text": help_text}

    return {
        "key": APPLICANT_STEP_KEY,
        "title": _("Thông tin người nộp hồ sơ"),
        "intro": _("Thông tin được điền sẵn từ tài khoản; hãy kiểm tra và sửa nếu cần."),
        "fields": [
            field("full_name", _("Họ và tên"), FieldKind.TEXT),
            field("date_of_birth", _("Ngày sinh"), FieldKind.DATE),
            field(
                "citizen_id",
                _("Số định danh cá nhân (CCCD)"),
                FieldKind.CITIZEN_ID,
                help_text=_("12 chữ số."),
            ),
            field("phone", _("Số điện thoại di động"), FieldKind.PHONE, help_text=_("Ví dụ: 0912345678.")),
            field(
                "email", _("Thư điện tử"), FieldKind.EMAIL, help_text=_("Biên nhận được gửi đến địa chỉ này.")
            ),
            field("address", _("Địa chỉ thường trú"), FieldKind.ADDRESS),
        ],
    }


def receiving_unit_field(units: list[dict]) -> dict:
    return {
        "key": RECEIVING_UNIT_KEY,
        "label": _("Nơi nộp hồ sơ"),
        "kind": FieldKind.CHOICE,
        "required": True,
        "help_text": _("Cơ quan tiếp nhận và giải quyết hồ sơ của bạn; thường là nơi bạn cư trú."),
        "choices": [unit["name"] for unit in units],
    }


def localized_schema(schema: dict) -> dict:
    """`schema` with the fixed applicant step's texts in the language now active: a form version stores
    them as they were built (Vietnamese), the citizen reads them in their own language. Fields are
    matched by key; a field the current code no longer has keeps its stored texts."""
    fresh = applicant_step()
    texts = {field["key"]: field for field in fresh["fields"]}
    steps = []
    for step in schema.get("steps", []):
        if step.get("key") == APPLICANT_STEP_KEY:
            texts[RECEIVING_UNIT_KEY] = receiving_unit_field([])
            fields = [
                {**field, **{k: texts[field["key"]][k] for k in ("label", "help_text")}}
                if field.get("key") in texts
                else field
                for field in step.get("fields", [])
            ]
            step = {**step, "title": fresh["title"], "intro": fresh["intro"], "fields": fields}
        steps.append(step)
    return {**schema, "steps": steps}


def _step_fields(raw_fields) -> list[dict]:
    fields = []
    seen: set[str] = set()
    for index, value in enumerate(raw_fields, start=1):
        key = value.get("name") or slug_key(value.get("label", ""), fallback=f"field_{index}")
        base, n = key, 2
        while key in seen:
            key, n = f"{base}_{n}", n + 1
        seen.add(key)
        choices = [line.strip() for line in (value.get("choices") or "").splitlines() if line.strip()]
        fields.append(
            {
                "key": key,
                "label": value.get("label", ""),
                "kind": value.get("kind") or FieldKind.TEXT,
                "required": bool(value.get("required")),
                "help_text": value.get("help_text") or "",
                "choices": choices,
                "min_value": value.get("min_value"),
                "max_value": value.get("max_value"),
                "max_length": value.get("max_length"),
            }
        )
    return fields


def build_schema(form) -> dict:
    """The schema of an OnlineForm as it is now (not yet frozen)."""
    steps = [applicant_step()]
    for index, block in enumerate(form.steps, start=1):
        value = block.value
        steps.append(
            {
                "key": f"buoc-{index}",
                "title": value.get("title", ""),
                "intro": value.get("intro") or "",
                "fields": _step_fields([dict(item) for item in value.get("fields", [])]),
            }
        )
    slots = list(form.upload_slots.all().select_related("component"))
    procedure = form.procedure
    components = list(procedure.components.all().select_related("form_document").order_by("sort_order", "pk"))
    uploads = [_slot_upload(slot) for slot in slots] if slots else _record_uploads(procedure, components)
    units = [
        {"slug": unit.slug, "name": unit.name, "code": unit.code, "address": unit.address}
        for unit in receiving_units(procedure)
    ]
    if len(units) > 1:
        steps[0]["fields"].insert(0, receiving_unit_field(units))
    return {
        "schema": SCHEMA_FORMAT,
        "procedure": {"code": procedure.code, "name": procedure.display_name},
        "intro": form.intro,
        "steps": steps,
        "uploads": uploads,
        "in_person": [
            {"label": c.name, "help_text": c.quantity_text}
            for c in components
            if c.effective_online_mode == ComponentMode.IN_PERSON
        ],
        "receiving_units": units,
        "declaration": form.declaration,
    }


def _slot_upload(slot) -> dict:
    accept = [
        name
        for name, flag in (("pdf", slot.accept_pdf), ("jpg", slot.accept_jpg), ("png", slot.accept_png))
        if flag
    ]
    return {
        "key": f"slot-{slot.pk}",
        "label": slot.display_label,
        "help_text": slot.help_text,
        "component": slot.component.name if slot.component_id else "",
        "required": slot.required,
        "max_files": slot.max_files,
        "max_size_mb": slot.max_size_mb,
        "accept": accept,
        "template": _template(slot.component) if slot.component_id else None,
    }


# A slot built from the record: a scan of several pages may come as several images.
RECORD_SLOT_MAX_FILES = 5
RECORD_SLOT_MAX_SIZE_MB = 10


def _counts(component) -> str:
    parts = []
    if component.originals:
        parts.append(_("%(n)s bản chính") % {"n": component.originals})
    if component.copies:
        parts.append(_("%(n)s bản sao") % {"n": component.copies})
    return ", ".join(parts) or component.quantity_text


def _record_uploads(procedure, components) -> list[dict]:
    uploads = []
    for component in components:
        mode = component.effective_online_mode
        if mode not in (ComponentMode.REQUIRED, ComponentMode.OPTIONAL):
            continue
        counts = _counts(component)
        uploads.append(
            {
                "key": f"component-{component.pk}",
                "label": component.name,
                "help_text": (
                    _("Hồ sơ giấy: %(counts)s. Tải lên bản chụp hoặc bản quét rõ nét.") % {"counts": counts}
                )
                if counts
                else "",
                "component": component.name,
                "required": mode == ComponentMode.REQUIRED,
                "max_files": RECORD_SLOT_MAX_FILES,
                "max_size_mb": RECORD_SLOT_MAX_SIZE_MB,
                "accept": ["pdf", "jpg", "png"],
                "template": _template(component),
            }
        )
    return uploads


def _template(component) -> dict | None:
    """The blank form (tờ khai) to download, fill in and upload back."""
    document = component.form_document
    if document is None:
        return None
    return {"title": component.form_name or document.title, "url": document.url}


def schema_hash(schema: dict) -> str:
    return hashlib.sha256(json.dumps(schema, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def field_keys_problems(steps_value) -> list[str]:
    """Editor mistakes that would make a form unusable: duplicate explicit field codes in a step,
    a choice field without choices."""
    problems = []
    for block in steps_value or []:
        value = block.value
        names = [item.get("name") for item in value.get("fields", []) if item.get("name")]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            problems.append(
                _("Bước “%(step)s”: mã trường bị trùng: %(names)s")
                % {"step": value.get("title"), "names": ", ".join(duplicates)}
            )
        for item in value.get("fields", []):
            if item.get("kind") == FieldKind.CHOICE and not (item.get("choices") or "").strip():
                problems.append(
                    _("Bước “%(step)s”, trường “%(label)s”: hãy nhập các lựa chọn.")
                    % {"step": value.get("title"), "label": item.get("label")}
                )
    return problems
