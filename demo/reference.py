"""Reference data for the demo: administrative units, agencies, fields. Idempotent, a few queries each."""

from __future__ import annotations

import datetime

from django.utils.text import slugify

from agencies.constants import UnitKind
from agencies.models import AdministrativeUnit, Agency
from procedures.models import Field

from .data import units as unit_data
from .data.agencies import AGENCIES
from .data.fields import FIELDS
from .records import digest_of, records_with_prefix, remember

__all__ = ["load_agencies", "load_fields", "load_units"]


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _sync(model, wanted: dict[str, dict], *, key: str) -> tuple[dict, int, int]:
    """Create or update rows of `model` identified by `key` so that they carry the plain fields in `wanted`.

    Returns (objects by key, created, updated). Foreign keys are set afterwards by the callers.
    """
    existing = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": list(wanted)})}
    to_create, to_update, changed_fields = [], [], set()
    for identifier, values in wanted.items():
        obj = existing.get(identifier)
        if obj is None:
            to_create.append(model(**{key: identifier}, **values))
            continue
        changes = {name: value for name, value in values.items() if getattr(obj, name) != value}
        if changes:
            for name, value in changes.items():
                setattr(obj, name, value)
            changed_fields.update(changes)
            to_update.append(obj)
    if to_create:
        model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields))
    objects = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": list(wanted)})}
    return objects, len(to_create), len(to_update)


def _link(objects: dict, links: dict[str, dict[str, str | None]], *, targets: dict) -> int:
    """Set foreign keys given as {key: {field: target key}}; returns how many rows changed."""
    changed, fields = [], set()
    for identifier, values in links.items():
        obj = objects[identifier]
        dirty = False
        for field, target in values.items():
            target_id = targets[target].pk if target else None
            if getattr(obj, f"{field}_id") != target_id:
                setattr(obj, f"{field}_id", target_id)
                fields.add(field)
                dirty = True
        if dirty:
            changed.append(obj)
    if changed:
        type(changed[0]).objects.bulk_update(changed, sorted(fields))
    return len(changed)


def _communes() -> list[dict]:
    """The communes and wards of Tây Ninh after the reform, from the `vietnam-provinces` package."""
    from vietnam_provinces import Province, Ward

    province = Province.from_code(int(unit_data.PROVINCE_CODE))
    return [
        {"code": str(int(ward.code)), "name": ward.name}
        for ward in sorted(Ward.iter_by_province(province.code), key=lambda w: int(w.code))
    ]


def _units_digest() -> str:
    from importlib.metadata import version

    return digest_of(
        version("vietnam-provinces"),
        unit_data.PROVINCE_CODE,
        unit_data.PROVINCE_NAME,
        unit_data.REFORM,
        unit_data.LAST_DAY,
        unit_data.HISTORIC_PROVINCES,
        unit_data.LONG_AN_DISTRICTS,
    )


def load_units() -> dict[str, int]:
    """Units from the package and the historic data; skipped when neither changed since the last run."""
    digest = _units_digest()
    record = records_with_prefix("units:").get("units:all")
    if (
        record is not None
        and record.digest == digest
        and str(AdministrativeUnit.objects.count()) == record.object_id
    ):
        return {"units": int(record.object_id), "created": 0, "updated": 0, "linked": 0}
    reform, last_day = _date(unit_data.REFORM), _date(unit_data.LAST_DAY)
    wanted: dict[str, dict] = {
        unit_data.PROVINCE_CODE: {
            "name": unit_data.PROVINCE_NAME,
            "kind": UnitKind.PROVINCE,
            "valid_from": reform,
            "valid_to": None,
        }
    }
    links: dict[str, dict] = {unit_data.PROVINCE_CODE: {"parent": None, "successor": None}}
    communes = _communes()
    for commune in communes:
        wanted[commune["code"]] = {
            "name": commune["name"],
            "kind": UnitKind.COMMUNE,
            "valid_from": reform,
            "valid_to": None,
        }
        links[commune["code"]] = {"parent": unit_data.PROVINCE_CODE, "successor": None}
    for province in unit_data.HISTORIC_PROVINCES:
        wanted[province["code"]] = {
            "name": province["name"],
            "kind": UnitKind.PROVINCE,
            "valid_from": None,
            "valid_to": last_day,
        }
        links[province["code"]] = {"parent": None, "successor": province["successor"]}
    for code, name, successor in unit_data.LONG_AN_DISTRICTS:
        wanted[code] = {"name": name, "kind": UnitKind.DISTRICT, "valid_from": None, "valid_to": last_day}
        links[code] = {"parent": "80-LA", "successor": successor}
    objects, created, updated = _sync(AdministrativeUnit, wanted, key="code")
    relinked = _link(objects, links, targets=objects)
    remember("units:all", digest, AdministrativeUnit.objects.count())
    return {
        "units": len(objects),
        "communes": len(communes),
        "created": created,
        "updated": updated,
        "linked": relinked,
    }


def load_agencies() -> dict[str, int]:
    units = {unit.code: unit for unit in AdministrativeUnit.objects.all()}
    wanted, links = {}, {}
    for spec in AGENCIES:
        wanted[spec["slug"]] = {
            "name": spec["name"],
            "short_name": spec.get("short_name", ""),
            "kind": spec["kind"],
            "code": spec.get("code", ""),
            "address": spec.get("address", ""),
            "valid_from": _date(spec.get("valid_from")),
            "valid_to": _date(spec.get("valid_to")),
            "unit_id": units[spec["unit"]].pk if spec.get("unit") else None,
        }
        links[spec["slug"]] = {"parent": spec.get("parent"), "successor": spec.get("successor")}
    objects, created, updated = _sync(Agency, wanted, key="slug")
    relinked = _link(objects, links, targets=objects)
    return {"agencies": len(objects), "created": created, "updated": updated, "linked": relinked}


def load_fields() -> dict[str, int]:
    """Fields by name (the importer may have created the same field already) or by slug."""
    created = updated = 0
    by_name = {
        field.name: field for field in Field.objects.filter(name__in=[name for _s, name, _c in FIELDS])
    }
    by_slug = {
        field.slug: field for field in Field.objects.filter(slug__in=[slug for slug, _n, _c in FIELDS])
    }
    for slug, name, code in FIELDS:
        field = by_name.get(name) or by_slug.get(slug)
        if field is None:
            Field.objects.create(name=name, slug=slug or slugify(name), code=code)
            created += 1
        elif field.name != name or not field.code:
            field.name, field.code = name, field.code or code
            field.save(update_fields=["name", "code"])
            updated += 1
    return {"fields": len(FIELDS), "created": created, "updated": updated}
