"""Digests of the demo data, so that a second `load_demo` run skips what has not changed."""

import hashlib
import json

from .models import DemoRecord

__all__ = ["digest_of", "records_with_prefix", "remember"]


def digest_of(*parts) -> str:
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def records_with_prefix(prefix: str) -> dict[str, DemoRecord]:
    return {record.key: record for record in DemoRecord.objects.filter(key__startswith=prefix)}


def remember(key: str, digest: str, object_id) -> None:
    DemoRecord.objects.update_or_create(key=key, defaults={"digest": digest, "object_id": str(object_id)})
